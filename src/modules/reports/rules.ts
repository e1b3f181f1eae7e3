/**
 * 报告 (一段时间一总结), pure: the kinds and their periods, when the scheduled job makes each
 * (the Nth working day of the next period), 文号, the report's states, how an edit merges into the
 * generated content, and the personal summary's period. No I/O.
 */
import type { WorkCalendar } from '../../platform/calendar/calendar.ts';

/** 周报告 / 月调度 / 季通报 / 年度考评 and 通报. */
export const REPORT_KINDS = ['weekly', 'monthly', 'quarterly', 'annual', 'notice'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_NAMES: Record<ReportKind, string> = { weekly: '周报告', monthly: '月调度', quarterly: '季通报', annual: '年度考评', notice: '通报' };
/** The 文号's office word: 督查〔2026〕3号, one series per kind and year. */
export const NUMBER_WORDS: Record<ReportKind, string> = { weekly: '督周', monthly: '督调', quarterly: '督季', annual: '督考', notice: '督通' };
/** The kinds the job makes on schedule. */
export const SCHEDULED_KINDS = ['weekly', 'monthly', 'quarterly', 'annual'] as const satisfies readonly ReportKind[];

export const REPORT_STATUSES = ['draft', 'issued'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_ACTIONS = ['edit', 'refresh', 'issue'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** draft → issued; an issued report never changes. */
export function reportNext(status: ReportStatus, action: ReportAction): { ok: true; status: ReportStatus } | { ok: false; reason: string } {
  if (status === 'draft') return { ok: true, status: action === 'issue' ? 'issued' : 'draft' };
  return { ok: false, reason: '报告已印发，不能再修改 (an issued report never changes)' };
}

/** A period: its key (2026-W48, 2026-11, 2026-Q4, 2026, or from..to), first day, the day after its last, and its name. */
export interface Period {
  key: string;
  from: string;
  to: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const utc = (s: string) => new Date(`${s}T00:00:00Z`);
const plusDays = (s: string, n: number) => iso(new Date(utc(s).getTime() + n * 86_400_000));

/** The ISO week (Monday first) a date falls in: [year, week]. */
export function isoWeek(date: string): [number, number] {
  const d = utc(date);
  const dow = (d.getUTCDay() + 6) % 7;
  const thursday = new Date(d.getTime() + (3 - dow) * 86_400_000);
  const y = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const week1Monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return [y, Math.floor((thursday.getTime() - week1Monday.getTime()) / (7 * 86_400_000)) + 1];
}

function weekMonday(y: number, w: number): string {
  const jan4 = new Date(Date.UTC(y, 0, 4));
  const week1Monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return iso(new Date(week1Monday.getTime() + (w - 1) * 7 * 86_400_000));
}

/**
 * A period from its key: `YYYY-Www` (week), `YYYY-MM` (month), `YYYY-Qn` (quarter), `YYYY` (year),
 * `YYYY-MM-DD..YYYY-MM-DD` (any range, both days included; at most 366 days). Null when not one.
 */
export function parsePeriod(key: string): Period | null {
  let m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    if (w < 1 || w > 53) return null;
    const from = weekMonday(y, w);
    if (isoWeek(from)[0] !== y) return null;
    return { key, from, to: plusDays(from, 7), label: `${y}年第${w}周（${Number(from.slice(5, 7))}月${Number(from.slice(8))}日—${Number(plusDays(from, 6).slice(5, 7))}月${Number(plusDays(from, 6).slice(8))}日）` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    return { key, from: `${y}-${pad(mo)}-01`, to: mo === 12 ? `${y + 1}-01-01` : `${y}-${pad(mo + 1)}-01`, label: `${y}年${mo}月` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    return { key, from: `${y}-${pad(q * 3 - 2)}-01`, to: q === 4 ? `${y + 1}-01-01` : `${y}-${pad(q * 3 + 1)}-01`, label: `${y}年第${'一二三四'[q - 1]}季度` };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    return { key, from: `${y}-01-01`, to: `${y + 1}-01-01`, label: `${y}年度` };
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (m) {
    const [from, last] = [m[1]!, m[2]!];
    if (Number.isNaN(utc(from).getTime()) || Number.isNaN(utc(last).getTime()) || iso(utc(from)) !== from || iso(utc(last)) !== last) return null;
    const to = plusDays(last, 1);
    const span = (utc(to).getTime() - utc(from).getTime()) / 86_400_000;
    if (span < 1 || span > 366) return null;
    return { key, from, to, label: `${from} 至 ${last}` };
  }
  return null;
}

/** Which key shape each kind takes (通报: a range, or any of the others). */
export function periodFits(kind: ReportKind, key: string): boolean {
  const shape = { weekly: /^\d{4}-W\d{2}$/, monthly: /^\d{4}-\d{2}$/, quarterly: /^\d{4}-Q[1-4]$/, annual: /^\d{4}$/, notice: /./ }[kind];
  return shape.test(key) && parsePeriod(key) !== null;
}

/** The period of `kind` that contains `date`. */
export function periodContaining(kind: Exclude<ReportKind, 'notice'>, date: string): Period {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const key = { weekly: () => `${isoWeek(date)[0]}-W${pad(isoWeek(date)[1])}`, monthly: () => date.slice(0, 7), quarterly: () => `${y}-Q${Math.ceil(mo / 3)}`, annual: () => String(y) }[kind]();
  return parsePeriod(key)!;
}

/** The period of `kind` just before the one containing `date` (what a scheduled report covers). */
export function previousPeriod(kind: Exclude<ReportKind, 'notice'>, date: string): Period {
  return periodContaining(kind, plusDays(periodContaining(kind, date).from, -1));
}

/** How many calendar days after its day a missed scheduled report is still made (the server was down). */
export const CATCH_UP_DAYS = 7;

/**
 * Is `today` the day the job makes the `kind` report for the previous period? The `nth` working
 * day (1 = the first) of the period containing today, by the calendar (调休 and holidays count as
 * they fall), or a day of the CATCH_UP_DAYS after it (a job that missed its day). Never later: a
 * new installation does not write last year's reports. The store keeps one per region, kind and period.
 */
export function isDueOn(kind: Exclude<ReportKind, 'notice'>, today: string, nth: number, cal: WorkCalendar): boolean {
  const start = periodContaining(kind, today).from;
  let seen = 0;
  for (let d = start; d <= today; d = plusDays(d, 1)) {
    if (cal.isWorkday(d)) seen += 1;
    if (seen >= nth) return today < plusDays(d, CATCH_UP_DAYS);
  }
  return false;
}

/** 文号: 督周〔2026〕12号. */
export const docNumber = (kind: ReportKind, year: number, seq: number) => `${NUMBER_WORDS[kind]}〔${year}〕${seq}号`;

/** A table of a section: column headers and rows, as data gives them. */
export interface SectionTable {
  columns: string[];
  rows: (string | number)[][];
}
/** A section: its heading, the text (generated, then the supervisor's), and a table from data (optional). */
export interface Section {
  key: string;
  heading: string;
  text: string;
  table: SectionTable | null;
  /** Chart data for the web app (series by name), when the section has one. */
  chart?: { categories: string[]; series: { name: string; data: number[] }[] } | null;
}
/** What a report holds and what its files are made from. */
export interface ReportContent {
  title: string;
  sections: Section[];
  signer: string;
  /** The date on the 落款 (YYYY-MM-DD), set when issued; the generation day before. */
  date: string;
}

/** The supervisor's edit: a new title, and new texts for sections named by key (tables stay data). */
export interface ContentEdit {
  title?: string | undefined;
  sections?: { key: string; text: string }[] | undefined;
}

/** The content after an edit; unknown section keys are refused (returns their keys). */
export function applyEdit(c: ReportContent, e: ContentEdit): { ok: true; content: ReportContent } | { ok: false; unknown: string[] } {
  const keys = new Set(c.sections.map((s) => s.key));
  const unknown = (e.sections ?? []).map((s) => s.key).filter((k) => !keys.has(k));
  if (unknown.length) return { ok: false, unknown };
  const texts = new Map((e.sections ?? []).map((s) => [s.key, s.text]));
  return { ok: true, content: { ...c, title: e.title ?? c.title, sections: c.sections.map((s) => (texts.has(s.key) ? { ...s, text: texts.get(s.key)! } : s)) } };
}

/** Fresh data with the supervisor's texts kept (refresh of a draft): a section keeps its text when it was edited. */
export function refreshKeepingTexts(old: ReportContent, fresh: ReportContent, edited: ReadonlySet<string>): ReportContent {
  return { ...fresh, title: old.title, sections: fresh.sections.map((s) => (edited.has(s.key) ? { ...s, text: old.sections.find((o) => o.key === s.key)?.text ?? s.text } : s)) };
}

/** A rate in percent with one decimal, or null without a denominator. */
export const percent = (n: number, of: number): number | null => (of > 0 ? Math.round((n / of) * 1000) / 10 : null);

/** 暂无数据: what a section says when its module is absent or has nothing for the period. */
export const NO_DATA = '暂无数据';

/** The personal summary's period: a month, a quarter or a year (`YYYY-MM`, `YYYY-Qn`, `YYYY`). */
export function summaryPeriod(key: string): Period | null {
  return /^\d{4}(-\d{2}|-Q[1-4])?$/.test(key) ? parsePeriod(key) : null;
}
