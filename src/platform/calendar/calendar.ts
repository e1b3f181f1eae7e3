/**
 * Working days (工作日): Monday to Friday, minus statutory holidays, plus the makeup working
 * days (调休上班) that the State Council announces each year. Pure: built from year data,
 * no I/O. Dates are 'YYYY-MM-DD' strings, in Asia/Shanghai terms.
 *
 * A year with no data is never silently treated as Monday to Friday: the arithmetic still
 * answers (a deadline has to be somewhere), but every answer that touched such a year is
 * marked `estimated`, and `missingYears` tells admins what to import.
 */
export interface YearSchedule {
  /** Days off: statutory holidays and the weekdays moved into them. Name per day. */
  holidays: Record<string, string>;
  /** Weekend days that are working days (调休上班). Name per day. */
  workdays: Record<string, string>;
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export function isValidDate(date: string): boolean {
  if (!DATE_RE.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

function toDayNumber(date: string): number {
  if (!isValidDate(date)) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: string;
  kind: DayKind;
  isWorkday: boolean;
  name?: string;
  /** True when the year has no schedule: the answer assumes a plain Monday–Friday week. */
  estimated: boolean;
}

export interface WorkdayResult {
  date: string;
  /** The answer crossed a year with no schedule. */
  estimated: boolean;
}

export class WorkCalendar {
  private readonly holidays = new Map<string, string>();
  private readonly workdays = new Map<string, string>();
  private readonly years: ReadonlySet<number>;
  // The same days as day numbers: the loops below count working days without making strings
  // (the escalation scan counts them for every overdue task).
  private readonly offDays = new Set<number>();
  private readonly onDays = new Set<number>();

  constructor(years: ReadonlyMap<number, YearSchedule>) {
    for (const [year, schedule] of years) {
      for (const [d, name] of Object.entries(schedule.holidays)) {
        if (yearOf(d) === year) this.holidays.set(d, name);
      }
      for (const [d, name] of Object.entries(schedule.workdays)) {
        if (yearOf(d) === year) this.workdays.set(d, name);
      }
    }
    for (const d of this.holidays.keys()) this.offDays.add(toDayNumber(d));
    for (const d of this.workdays.keys()) this.onDays.add(toDayNumber(d));
    this.years = new Set(years.keys());
  }

  /** isWorkday by day number (days since 1970-01-01, a Thursday). */
  private workdayN(n: number): boolean {
    if (this.onDays.has(n)) return true;
    if (this.offDays.has(n)) return false;
    const dow = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
    return dow !== 0 && dow !== 6;
  }

  private knownN(n: number): boolean {
    return this.years.has(new Date(n * DAY_MS).getUTCFullYear());
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  knownYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** Years in [from, to] with no schedule. */
  missingYears(fromYear: number, toYear: number): number[] {
    const out: number[] = [];
    for (let y = fromYear; y <= toYear; y++) if (!this.years.has(y)) out.push(y);
    return out;
  }

  day(date: string): DayInfo {
    const dow = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
    const weekend = dow === 0 || dow === 6;
    const estimated = !this.years.has(yearOf(date));
    const makeup = this.workdays.get(date);
    if (makeup !== undefined) return { date, kind: 'makeup_workday', isWorkday: true, name: makeup, estimated };
    const holiday = this.holidays.get(date);
    if (holiday !== undefined) return { date, kind: 'holiday', isWorkday: false, name: holiday, estimated };
    return weekend
      ? { date, kind: 'weekend', isWorkday: false, estimated }
      : { date, kind: 'workday', isWorkday: true, estimated };
  }

  isWorkday(date: string): boolean {
    return this.day(date).isWorkday;
  }

  /**
   * The date N working days after `date` (N > 0), or before it (N < 0). N = 0 gives `date` itself
   * when it is a working day, else the next working day. "Within 1 工作日" of an assignment made
   * on Friday means by the end of Monday.
   */
  addWorkdays(date: string, n: number): WorkdayResult {
    if (!Number.isInteger(n)) throw new RangeError(`workdays must be a whole number, got ${n}`);
    let day = toDayNumber(date);
    let estimated = !this.knownN(day);
    const step = n >= 0 ? 1 : -1;
    let remaining = Math.abs(n);
    if (n === 0) {
      // Bounded: the longest run of days off in any real schedule is far below this.
      for (let guard = 0; guard < 366 && !this.workdayN(day); guard++) day += 1;
      return { date: fromDayNumber(day), estimated: estimated || !this.knownN(day) };
    }
    while (remaining > 0) {
      day += step;
      if (!estimated && !this.knownN(day)) estimated = true;
      if (this.workdayN(day)) remaining -= 1;
    }
    return { date: fromDayNumber(day), estimated };
  }

  /**
   * Working days from `from` to `to`: forward, the working days in (from, to]; backward, minus
   * those in [to, from). So workdaysBetween(d, addWorkdays(d, n).date) === n for every n, and a
   * task due yesterday is 1 工作日 overdue today when today is a working day.
   */
  workdaysBetween(from: string, to: string): number {
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    let count = 0;
    if (a < b) {
      for (let d = a + 1; d <= b; d++) if (this.workdayN(d)) count += 1;
      return count;
    }
    for (let d = b; d < a; d++) if (this.workdayN(d)) count += 1;
    return -count;
  }
}
