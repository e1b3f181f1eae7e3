import { appendAudit, type AuditContext } from '../audit/audit.ts';
import type { Clock } from '../clock.ts';
import { shanghaiDate } from '../clock.ts';
import type { Db, Executor } from '../db/index.ts';
import { badRequest, notFound, PLATFORM_ERRORS } from '../errors.ts';
import { builtinYears } from './builtin.ts';
import { isValidDate, WorkCalendar, yearOf, type YearSchedule } from './calendar.ts';

/** How long a node trusts its copy of the calendar before checking the database for edits. */
const RELOAD_MS = 60_000;

export interface YearSummary {
  year: number;
  source: 'builtin' | 'imported';
  holidays: number;
  workdays: number;
  note: string | null;
  updatedAt: string | null;
}

/** Checks a year's schedule; returns every problem, with the date it concerns. */
export function validateYear(year: number, s: YearSchedule): string[] {
  const problems: string[] = [];
  for (const [kind, days] of [['holidays', s.holidays], ['workdays', s.workdays]] as const) {
    for (const [date, name] of Object.entries(days)) {
      if (!isValidDate(date)) problems.push(`${kind}: "${date}" is not a date (YYYY-MM-DD)`);
      else if (yearOf(date) !== year) problems.push(`${kind}: ${date} is not in ${year}`);
      if (typeof name !== 'string' || name.length > 50) problems.push(`${kind}: ${date} needs a name of at most 50 characters`);
    }
  }
  for (const date of Object.keys(s.workdays)) {
    if (s.holidays[date] !== undefined) problems.push(`${date} is both a holiday and a makeup working day`);
    else if (isValidDate(date)) {
      const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (dow !== 0 && dow !== 6) problems.push(`${date} is a makeup working day (调休上班) but not a weekend day`);
    }
  }
  return problems;
}

/**
 * The working-day calendar in force: the maintained statutory schedules (chinese-days), with
 * any year an admin imported or corrected replacing the built-in one whole.
 */
export class CalendarService {
  private calendar: WorkCalendar | null = null;
  private loadedAt = 0;
  private readonly builtin = builtinYears();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * The calendar, reloaded from the database at most once a minute (edits on other nodes),
   * through `executor` when the caller holds a transaction (the embedded database's one connection).
   */
  async get(executor: Executor = this.db): Promise<WorkCalendar> {
    if (!this.calendar || Date.now() - this.loadedAt > RELOAD_MS) {
      const rows = await executor.selectFrom('calendarYear').select(['year', 'holidays', 'workdays']).execute();
      const years = new Map(this.builtin);
      for (const r of rows) years.set(r.year, { holidays: r.holidays, workdays: r.workdays });
      this.calendar = new WorkCalendar(years);
      this.loadedAt = Date.now();
    }
    return this.calendar;
  }

  /** Forgets the copy: the next read goes to the database. */
  forget(): void {
    this.calendar = null;
  }

  /**
   * Years an admin should import: this year and next year when they have no schedule (next
   * year's is published each November or December; until then its deadlines are estimates).
   */
  async missingYears(): Promise<number[]> {
    const year = yearOf(shanghaiDate(this.clock.now()));
    return (await this.get()).missingYears(year, year + 1);
  }

  async listYears(): Promise<YearSummary[]> {
    const rows = await this.db.selectFrom('calendarYear').selectAll().execute();
    const out = new Map<number, YearSummary>();
    for (const [year, s] of this.builtin) {
      out.set(year, { year, source: 'builtin', holidays: Object.keys(s.holidays).length, workdays: Object.keys(s.workdays).length, note: null, updatedAt: null });
    }
    for (const r of rows) {
      out.set(r.year, {
        year: r.year,
        source: 'imported',
        holidays: Object.keys(r.holidays).length,
        workdays: Object.keys(r.workdays).length,
        note: r.note,
        updatedAt: r.updatedAt.toISOString(),
      });
    }
    return [...out.values()].sort((a, b) => a.year - b.year);
  }

  /** The schedule of one year as it is in force. */
  async year(year: number): Promise<YearSchedule & { source: 'builtin' | 'imported' }> {
    const row = await this.db.selectFrom('calendarYear').selectAll().where('year', '=', year).executeTakeFirst();
    if (row) return { holidays: row.holidays, workdays: row.workdays, source: 'imported' };
    const b = this.builtin.get(year);
    if (!b) throw notFound(PLATFORM_ERRORS.CALENDARYEAR_NOT_FOUND, year);
    return { ...b, source: 'builtin' };
  }

  /** Imports or corrects a year's schedule; it replaces the built-in one for that year whole. */
  async importYear(ctx: AuditContext, year: number, schedule: YearSchedule, note: string | null): Promise<void> {
    const problems = validateYear(year, schedule);
    if (problems.length) throw badRequest(`${year} 年日历有误 (the schedule has problems): ${problems.slice(0, 5).join('; ')}`, { problems });
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('calendarYear').select(['holidays', 'workdays']).where('year', '=', year).executeTakeFirst();
      const values = { holidays: JSON.stringify(schedule.holidays), workdays: JSON.stringify(schedule.workdays), note, updatedBy: ctx.actorId, updatedAt: ctx.now };
      await trx
        .insertInto('calendarYear')
        .values({ year, ...values })
        .onConflict((oc) => oc.column('year').doUpdateSet(values))
        .execute();
      await appendAudit(trx, ctx, { action: 'calendar.import', objectType: 'calendar_year', objectId: year, before: before ?? this.builtin.get(year) ?? null, after: schedule });
    });
    this.calendar = null;
  }

  /** Drops an imported year, so the built-in schedule (if any) applies again. */
  async removeYear(ctx: AuditContext, year: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const before = await trx.deleteFrom('calendarYear').where('year', '=', year).returning(['holidays', 'workdays']).executeTakeFirst();
      if (!before) throw notFound(PLATFORM_ERRORS.CALENDARYEAR_NOT_FOUND, year);
      await appendAudit(trx, ctx, { action: 'calendar.remove', objectType: 'calendar_year', objectId: year, before });
    });
    this.calendar = null;
  }
}

/**
 * Reads a schedule file: JSON { "holidays": {date: name}, "workdays": {date: name} } (or the
 * chinese-days layout), or CSV lines `date,kind,name` with kind holiday|workday (or 休|班).
 * Returns the schedules by year.
 */
export function parseScheduleFile(text: string, fileName: string): Map<number, YearSchedule> {
  const byYear = new Map<number, YearSchedule>();
  const put = (kind: 'holidays' | 'workdays', date: string, name: string) => {
    const year = yearOf(date);
    let s = byYear.get(year);
    if (!s) byYear.set(year, (s = { holidays: {}, workdays: {} }));
    s[kind][date] = name;
  };
  if (fileName.toLowerCase().endsWith('.json')) {
    const data = JSON.parse(text) as { holidays?: Record<string, string>; workdays?: Record<string, string> };
    if (!data || typeof data !== 'object') throw new Error('JSON must be an object with "holidays" and "workdays".');
    const name = (raw: string) => (raw.includes(',') ? (raw.split(',')[1] ?? raw) : raw);
    for (const [d, n] of Object.entries(data.holidays ?? {})) put('holidays', d, name(String(n)));
    for (const [d, n] of Object.entries(data.workdays ?? {})) put('workdays', d, name(String(n)));
    return byYear;
  }
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || /^date\s*,/i.test(trimmed) || /^日期/.test(trimmed)) return;
    const [date = '', kind = '', ...rest] = trimmed.split(',').map((c) => c.trim());
    const k = kind === 'holiday' || kind === '休' ? 'holidays' : kind === 'workday' || kind === '班' ? 'workdays' : null;
    if (!isValidDate(date)) errors.push(`line ${i + 1}: "${date}" is not a date (YYYY-MM-DD)`);
    else if (!k) errors.push(`line ${i + 1}: kind must be holiday|workday (休|班), got "${kind}"`);
    else put(k, date, rest.join(',') || (k === 'holidays' ? '假日' : '调休上班'));
  });
  if (errors.length) throw new Error(errors.join('\n'));
  return byYear;
}
