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
  return dayNumberOf(date) !== null;
}

/** Four or two decimal digits at `at` as a number, or -1. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' calendar date, or null when it is not one. Arithmetic
 * only (Hinnant's days_from_civil): the ledger computes a light for every row, each counting the
 * working days to a deadline, and parsing a Date and printing it back for every date cost
 * 0.15 ms a page.
 */
function dayNumberOf(date: string): number | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  const y = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 2);
  const d = digitsAt(date, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)) return null;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function toDayNumber(date: string): number {
  const n = dayNumberOf(date);
  if (n === null) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  return n;
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

/** Monday–Friday, by day number (day 0, 1970-01-01, was a Thursday). */
function isWeekdayN(n: number): boolean {
  const dow = (((n + 4) % 7) + 7) % 7; // 0 = Sunday
  return dow !== 0 && dow !== 6;
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
  /**
   * Where the schedule departs from a Monday–Friday week, by day number, ascending: a holiday on
   * a weekday (-1), a makeup working day on a weekend (+1); `shift[i]` sums them up to `days[i]`.
   * workdaysBetween counts weekdays by arithmetic and corrects by these (a dozen a year) instead
   * of looking at every day of the span (a ledger page counts one span per row).
   */
  private readonly shiftDays: number[] = [];
  private readonly shift: number[] = [];

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
    const departures = [...new Set([...this.offDays, ...this.onDays])].sort((a, b) => a - b);
    let sum = 0;
    for (const n of departures) {
      const delta = Number(this.workdayN(n)) - Number(isWeekdayN(n));
      if (delta === 0) continue;
      sum += delta;
      this.shiftDays.push(n);
      this.shift.push(sum);
    }
  }

  /** Working days among day numbers ≤ n, less a constant (only differences mean anything). */
  private workdaysThrough(n: number): number {
    // Weekdays: the days j ≤ n + 4 (0 = a Sunday) whose j mod 7 is 1–5, counted from 0.
    const m = n + 4 + 1;
    const weeks = Math.floor(m / 7);
    const rest = m - weeks * 7;
    let count = weeks * 5 + Math.max(0, Math.min(rest, 6) - 1);
    // The schedule's departures on or before n (binary search for the last one).
    let lo = 0;
    let hi = this.shiftDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.shiftDays[mid]! <= n) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) count += this.shift[lo - 1]!;
    return count;
  }

  /** isWorkday by day number (days since 1970-01-01, a Thursday). */
  private workdayN(n: number): boolean {
    if (this.onDays.has(n)) return true;
    if (this.offDays.has(n)) return false;
    return isWeekdayN(n);
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
    // (a, b] forward; [b, a) = (b - 1, a - 1] backward.
    return a < b ? this.workdaysThrough(b) - this.workdaysThrough(a) : -(this.workdaysThrough(a - 1) - this.workdaysThrough(b - 1));
  }
}
