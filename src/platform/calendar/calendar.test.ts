import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinYears } from './builtin.ts';
import { addDays, isValidDate, WorkCalendar } from './calendar.ts';
import { parseScheduleFile, validateYear } from './service.ts';

const cal = new WorkCalendar(builtinYears());

describe('WorkCalendar fixed cases (2026 schedule of the State Council)', () => {
  it.each([
    ['2026-02-13', true, 'workday'], // Friday before the Spring Festival break
    ['2026-02-14', true, 'makeup_workday'], // Saturday 调休上班
    ['2026-02-15', false, 'holiday'], // 春节 break starts (Sunday)
    ['2026-02-16', false, 'holiday'], // Monday off
    ['2026-02-23', false, 'holiday'], // last day of the break (Monday)
    ['2026-02-24', true, 'workday'],
    ['2026-02-28', true, 'makeup_workday'], // Saturday 调休上班
    ['2026-03-01', false, 'weekend'],
    ['2026-09-20', true, 'makeup_workday'], // Sunday before National Day 调休上班
    ['2026-09-30', true, 'workday'],
    ['2026-10-01', false, 'holiday'],
    ['2026-10-07', false, 'holiday'],
    ['2026-10-08', true, 'workday'],
    ['2026-10-10', true, 'makeup_workday'], // Saturday after National Day 调休上班
    ['2026-10-11', false, 'weekend'],
  ])('%s is a working day: %s (%s)', (date, workday, kind) => {
    expect(cal.isWorkday(date)).toBe(workday);
    expect(cal.day(date).kind).toBe(kind);
    expect(cal.day(date).estimated).toBe(false);
  });

  it('names holidays in Chinese', () => {
    expect(cal.day('2026-10-01').name).toBe('国庆节');
    expect(cal.day('2026-02-17').name).toBe('春节');
  });

  it('counts 1 工作日 after the Friday before the Spring Festival as the makeup Saturday', () => {
    expect(cal.addWorkdays('2026-02-13', 1)).toEqual({ date: '2026-02-14', estimated: false });
    expect(cal.addWorkdays('2026-02-14', 1)).toEqual({ date: '2026-02-24', estimated: false });
  });

  it('carries a deadline across the National Day break', () => {
    // Due 3 工作日 after Monday 2026-09-28: 29th, 30th, then the break, then 8 October.
    expect(cal.addWorkdays('2026-09-28', 3).date).toBe('2026-10-08');
    expect(cal.workdaysBetween('2026-09-30', '2026-10-08')).toBe(1);
    expect(cal.workdaysBetween('2026-09-30', '2026-10-10')).toBe(3); // 8th, 9th, makeup Saturday 10th
    expect(cal.addWorkdays('2026-10-08', -1).date).toBe('2026-09-30');
  });

  it('treats 0 工作日 as the same day when it is a working day, else the next one', () => {
    expect(cal.addWorkdays('2026-09-30', 0).date).toBe('2026-09-30');
    expect(cal.addWorkdays('2026-10-01', 0).date).toBe('2026-10-08');
  });

  it('marks answers that cross a year with no schedule as estimated, and lists the year as missing', () => {
    expect(cal.hasYear(2026)).toBe(true);
    expect(cal.hasYear(2027)).toBe(false);
    expect(cal.missingYears(2026, 2027)).toEqual([2027]);
    expect(cal.addWorkdays('2026-12-30', 5).estimated).toBe(true);
    expect(cal.addWorkdays('2026-12-01', 5).estimated).toBe(false);
    expect(cal.day('2027-01-04').estimated).toBe(true);
  });

  it('refuses non-dates and fractional workdays', () => {
    expect(() => cal.isWorkday('2026-02-30')).toThrow(RangeError);
    expect(() => cal.addWorkdays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-12-31')).toBe(true);
  });
});

describe('WorkCalendar properties', () => {
  const date = fc.integer({ min: 0, max: 365 * 6 }).map((n) => addDays('2021-01-01', n));
  const n = fc.integer({ min: -60, max: 60 });

  it('workdaysBetween(d, addWorkdays(d, n)) === n for n ≠ 0', () => {
    fc.assert(fc.property(date, n.filter((k) => k !== 0), (d, k) => cal.workdaysBetween(d, cal.addWorkdays(d, k).date) === k));
  });

  it('workdaysBetween counts exactly the days that day() calls working days: (from, to] forward, [to, from) backward', () => {
    const span = fc.integer({ min: 0, max: 120 });
    fc.assert(
      fc.property(date, span, (d, k) => {
        let forward = 0;
        let backward = 0;
        for (let i = 1; i <= k; i++) if (cal.day(addDays(d, i)).isWorkday) forward += 1;
        for (let i = 0; i < k; i++) if (cal.day(addDays(d, i)).isWorkday) backward += 1;
        return cal.workdaysBetween(d, addDays(d, k)) === forward && cal.workdaysBetween(addDays(d, k), d) === -backward;
      }),
    );
  });

  it('workdaysBetween over long spans, across years with and without a schedule and before 1970, equals counting day by day', () => {
    // The count is arithmetic (weekdays, then the schedule's departures): checked against the plain loop.
    const anyDay = fc.integer({ min: -3000, max: 25_000 }).map((k) => addDays('1965-06-01', k));
    const naive = (from: string, to: string) => {
      let count = 0;
      if (from < to) for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) count += Number(cal.day(d).isWorkday);
      else for (let d = to; d < from; d = addDays(d, 1)) count -= Number(cal.day(d).isWorkday);
      return count;
    };
    fc.assert(fc.property(anyDay, fc.integer({ min: -1500, max: 1500 }), (d, k) => cal.workdaysBetween(d, addDays(d, k)) === naive(d, addDays(d, k))), { numRuns: 300 });
    for (const [from, to] of [['2020-12-25', '2027-01-10'], ['2027-01-10', '2020-12-25'], ['2026-02-13', '2026-02-14'], ['2026-02-14', '2026-02-13'], ['1969-12-31', '1970-01-05']])
      expect(cal.workdaysBetween(from!, to!)).toBe(naive(from!, to!));
  });

  it('isValidDate and date arithmetic agree with the JavaScript Date on every day of years 0–9999 sampled, and reject non-dates', () => {
    const viaDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        return isValidDate(s) === viaDate(s) && (!viaDate(s) || addDays(s, 1) === (y === 9999 && m === 12 && d === 31 ? '+010000-01-01' : new Date(Date.parse(`${s}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)));
      }),
      { numRuns: 2000 },
    );
    for (const s of ['2026-02-29', '2024-02-29', '1900-02-29', '2000-02-29', '0000-02-29', '2026-1-01', '2026-01-1 ', '２０２６-01-01', '2026/01/01', '', '2026-01-01T00:00', '-026-01-01', '2026-00-10', '2026-04-31'])
      expect([s, isValidDate(s)]).toEqual([s, viaDate(s)]);
  });

  it('addWorkdays(d, 0) is d on a working day, else the first working day after it', () => {
    fc.assert(
      fc.property(date, (d) => {
        const r = cal.addWorkdays(d, 0).date;
        if (cal.isWorkday(d)) return r === d;
        return r > d && cal.isWorkday(r) && cal.workdaysBetween(d, r) === 1;
      }),
    );
  });

  it('addWorkdays lands on a working day whenever n ≠ 0', () => {
    fc.assert(fc.property(date, n.filter((k) => k !== 0), (d, k) => cal.isWorkday(cal.addWorkdays(d, k).date)));
  });

  it('moves forward for positive n and backward for negative n, within a week per 工作日 plus the longest break', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 60 }), (d, k) => {
        const fwd = cal.addWorkdays(d, k).date;
        const back = cal.addWorkdays(d, -k).date;
        return fwd > d && back < d && Date.parse(fwd) - Date.parse(d) <= (k * 7 + 10) * 86_400_000;
      }),
    );
  });

  it('is additive: adding a then b equals adding a+b (same sign)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (d, a, b) => {
        return cal.addWorkdays(cal.addWorkdays(d, a).date, b).date === cal.addWorkdays(d, a + b).date;
      }),
    );
  });

  it('workdaysBetween over a span equals the sum over its two halves', () => {
    fc.assert(
      fc.property(date, date, date, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort();
        return cal.workdaysBetween(a!, c!) === cal.workdaysBetween(a!, b!) + cal.workdaysBetween(b!, c!);
      }),
    );
  });

  it('a year with no data behaves as Monday–Friday, flagged as estimated', () => {
    const empty = new WorkCalendar(new Map());
    fc.assert(
      fc.property(date, (d) => {
        const info = empty.day(d);
        const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
        return info.estimated && info.isWorkday === (dow !== 0 && dow !== 6);
      }),
    );
  });
});

describe('schedule files', () => {
  it('reads CSV lines with English or Chinese kinds', () => {
    const years = parseScheduleFile('date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,班,春节\n', 'x.csv');
    expect(years.get(2027)).toEqual({ holidays: { '2027-01-01': '元旦' }, workdays: { '2027-02-06': '春节' } });
  });

  it('reads the chinese-days JSON layout', () => {
    const years = parseScheduleFile(JSON.stringify({ holidays: { '2027-01-01': "New Year's Day,元旦,1" }, workdays: {} }), 'y.json');
    expect(years.get(2027)?.holidays['2027-01-01']).toBe('元旦');
  });

  it('reports every bad CSV line by number', () => {
    expect(() => parseScheduleFile('2027-01-01,holiday,元旦\n2027-02-30,holiday,x\n2027-03-01,off,y\n', 'z.csv')).toThrow(/line 2.*\n.*line 3/s);
  });

  it('validates a year: in the year, not both, makeup days on weekends', () => {
    expect(validateYear(2027, { holidays: { '2027-01-01': '元旦' }, workdays: { '2027-02-06': '春节' } })).toEqual([]);
    const problems = validateYear(2027, { holidays: { '2026-12-31': 'x', '2027-02-06': 'y' }, workdays: { '2027-02-06': 'y', '2027-02-08': 'z' } });
    expect(problems).toEqual([
      'holidays: 2026-12-31 is not in 2027',
      '2027-02-06 is both a holiday and a makeup working day',
      '2027-02-08 is a makeup working day (调休上班) but not a weekend day',
    ]);
  });
});
