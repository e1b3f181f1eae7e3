/**
 * Reading a year's schedule from a file the office has at hand: the JSON the API takes, or a
 * CSV of `date,kind,name` where kind is 休 / holiday or 班 / workday (the State Council notice
 * typed into a sheet). Returns the body for PUT /api/v1/calendar/years/:year or an error text.
 */
export interface YearSchedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseSchedule(text: string, year: number): { ok: true; schedule: YearSchedule } | { ok: false; error: string } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) return { ok: false, error: '文件是空的 (the file is empty).' };
  let schedule: YearSchedule;
  if (trimmed.startsWith('{')) {
    try {
      const v = JSON.parse(trimmed) as Partial<YearSchedule>;
      schedule = { holidays: { ...(v.holidays ?? {}) }, workdays: { ...(v.workdays ?? {}) } };
    } catch {
      return { ok: false, error: 'JSON 格式不正确 (not valid JSON).' };
    }
  } else {
    schedule = { holidays: {}, workdays: {} };
    const lines = trimmed.split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
      const [date = '', kind = '', name = ''] = line.split(',').map((c) => c.trim());
      if (i === 0 && !DATE.test(date)) continue; // header row
      if (!line.trim()) continue;
      if (['休', 'holiday', '节假日'].includes(kind)) schedule.holidays[date] = name || '节假日';
      else if (['班', 'workday', '调休上班'].includes(kind)) schedule.workdays[date] = name || '调休上班';
      else return { ok: false, error: `第 ${i + 1} 行：类型应为“休”或“班” (line ${i + 1}: kind must be 休 or 班).` };
    }
  }
  for (const date of [...Object.keys(schedule.holidays), ...Object.keys(schedule.workdays)]) {
    const m = DATE.exec(date);
    if (!m || Number(m[1]) !== year || Number.isNaN(Date.parse(date))) return { ok: false, error: `日期 ${date} 不是 ${year} 年的有效日期 (not a valid date in ${year}).` };
  }
  if (!Object.keys(schedule.holidays).length) return { ok: false, error: '没有任何节假日 (no holidays in the file).' };
  return { ok: true, schedule };
}
