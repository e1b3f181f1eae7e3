import { createRequire } from 'node:module';
import type { YearSchedule } from './calendar.ts';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The statutory schedules maintained in the `chinese-days` package. Its names look like
 * "National Day,国庆节,3"; we keep the Chinese name.
 */
export function builtinYears(): Map<number, YearSchedule> {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const years = new Map<number, YearSchedule>();
  const get = (year: number) => {
    let y = years.get(year);
    if (!y) years.set(year, (y = { holidays: {}, workdays: {} }));
    return y;
  };
  const chineseName = (raw: string) => raw.split(',')[1] ?? raw;
  for (const [date, name] of Object.entries(data.holidays)) get(Number(date.slice(0, 4))).holidays[date] = chineseName(name);
  for (const [date, name] of Object.entries(data.workdays)) get(Number(date.slice(0, 4))).workdays[date] = chineseName(name);
  return years;
}
