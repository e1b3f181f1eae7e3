/**
 * How 比学赶超 and 总结 read on screen: periods (月/季/年), rank changes, component and kind names,
 * the 问责 record's state steps, red and black lists, and report tables shaped for charts.
 * Pure functions, unit tested.
 */
import type { Lang } from './i18n.ts';

type Names = Record<string, readonly [string, string]>;
const pick = (names: Names, key: string, lang: Lang) => names[key]?.[lang === 'zh' ? 0 : 1] ?? key;

export type PeriodKind = 'month' | 'quarter' | 'year';
export const PERIOD_KIND: Record<PeriodKind, readonly [string, string]> = { month: ['月', 'Month'], quarter: ['季', 'Quarter'], year: ['年', 'Year'] };

/** The kind of a period label, or null when it is none of `YYYY-MM`, `YYYY-Qn`, `YYYY`. */
export function periodKind(p: string): PeriodKind | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(p)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(p)) return 'quarter';
  if (/^\d{4}$/.test(p)) return 'year';
  return null;
}

/** The period of this kind that holds the day `today` (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, today: string): string {
  const y = today.slice(0, 4);
  const m = Number(today.slice(5, 7));
  if (kind === 'year') return y;
  if (kind === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The period before `p` (2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025). */
export function previousPeriod(p: string): string {
  const kind = periodKind(p);
  const y = Number(p.slice(0, 4));
  if (kind === 'year') return String(y - 1);
  if (kind === 'quarter') {
    const q = Number(p.slice(6));
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  if (kind === 'month') {
    const m = Number(p.slice(5, 7));
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  throw new Error(`not a period: ${p}`);
}

/** The last `count` periods of a kind up to and including today's, newest first. */
export function recentPeriods(kind: PeriodKind, today: string, count: number): string[] {
  const out = [periodOf(kind, today)];
  while (out.length < count) out.push(previousPeriod(out[out.length - 1]!));
  return out;
}

/** The ISO week key of a day (YYYY-MM-DD): 2026-11-16 → 2026-W47. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - dow + 3); // the Thursday of the week decides its year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** A month as a date range key: 2026-11 → 2026-11-01..2026-11-30. */
export function monthRange(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-01..${month}-${String(last).padStart(2, '0')}`;
}

/** 2026-10 → 2026年10月, 2026-Q3 → 2026年第三季度, 2026 → 2026年, 2026-W47 → 2026年第47周 (or the English). */
export function periodName(p: string, lang: Lang): string {
  if (/^\d{4}-W\d{2}$/.test(p)) return lang === 'zh' ? `${p.slice(0, 4)}年第${Number(p.slice(6))}周` : p;
  if (/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(p)) return p.replace('..', ' – ');
  const kind = periodKind(p);
  const y = p.slice(0, 4);
  if (kind === 'month') return lang === 'zh' ? `${y}年${Number(p.slice(5, 7))}月` : p;
  if (kind === 'quarter') return lang === 'zh' ? `${y}年第${'一二三四'[Number(p.slice(6)) - 1]}季度` : `${y} Q${p.slice(6)}`;
  if (kind === 'year') return lang === 'zh' ? `${y}年` : y;
  return p;
}

/** A rank change as read: up (better), down, the same, or new (no previous period). */
export function changeView(change: number | null | undefined): { dir: 'up' | 'down' | 'same' | 'new'; text: string } {
  if (change === null || change === undefined) return { dir: 'new', text: '—' };
  const n = Math.round(Math.abs(change) * 10) / 10;
  if (n === 0) return { dir: 'same', text: '–' };
  if (change > 0) return { dir: 'up', text: `▲${n}` };
  if (change < 0) return { dir: 'down', text: `▼${n}` };
  return { dir: 'same', text: '–' };
}

/** A score as shown: one decimal, or 无数据 / no data. */
export function scoreText(score: number | null | undefined, lang: Lang): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return lang === 'zh' ? '无数据' : 'no data';
  return (Math.round(score * 10) / 10).toFixed(1);
}

/** A weight as a percent (weights may come as fractions or as points). */
export function weightText(weight: number, total?: number): string {
  const w = total && total > 0 ? (weight / total) * 100 : weight <= 1 ? weight * 100 : weight;
  return `${Math.round(w * 10) / 10}%`;
}

export const PEER: Names = { township: ['乡镇', 'Townships'], department: ['县直部门', 'County departments'] };

/** The efficiency index's components, in English (the API names them in Chinese). */
export const COMPONENT: Names = {
  on_time: ['按时办结', 'On-time completion'],
  sign: ['签收及时', 'Sign-for timeliness'],
  feedback: ['反馈及时', 'Feedback timeliness'],
  progress: ['进展报送', 'Progress reports'],
  overdue_days: ['逾期天数', 'Overdue task-days'],
  extensions: ['延期', 'Extensions'],
  escalations: ['被问效层级', 'Escalations received'],
  citizen_on_time: ['诉求按时办理', 'Citizen requests on time'],
  citizen_satisfaction: ['群众满意度', 'Citizen satisfaction'],
  meetings: ['会议合规', 'Meeting compliance'],
  documents: ['发文合规', 'Document compliance'],
  field_days: ['一线工作', 'Field days'],
  findings: ['问题解决', 'Findings resolved'],
};
export const componentName = (key: string, lang: Lang, given?: string | null) => (lang === 'zh' && given ? given : COMPONENT[key] ? pick(COMPONENT, key, lang) : (given ?? key));

/** The top `size` and the bottom `size` of a ranking with scores (no data is on neither list). */
export function redBlack<T extends { score: number | null; rank: number | null }>(items: readonly T[], size: number): { red: T[]; black: T[] } {
  const scored = items.filter((i) => i.score !== null && i.rank !== null).sort((a, b) => a.rank! - b.rank! || b.score! - a.score!);
  const red = scored.slice(0, size);
  const black = scored.slice(Math.max(size, scored.length - size)).reverse();
  return { red, black };
}

/** Where a record behind a component lives in the app. */
export function recordHref(kind: string, id: number): string | null {
  switch (kind) {
    case 'task':
      return `/tasks/${id}`;
    case 'request':
    case 'citizen_request':
      return `/desk/${id}`;
    case 'meeting':
      return `/meetings/${id}`;
    case 'document':
      return `/documents/${id}`;
    case 'visit':
    case 'field_visit':
      return `/field-work?visit=${id}`;
    default:
      return null;
  }
}
export const RECORD_OF: Names = {
  task: ['督办事项', 'Task'],
  request: ['群众诉求', 'Citizen request'],
  citizen_request: ['群众诉求', 'Citizen request'],
  meeting: ['会议', 'Meeting'],
  document: ['发文', 'Document'],
  visit: ['一线调研', 'Field visit'],
  field_visit: ['一线调研', 'Field visit'],
  finding: ['调研发现', 'Finding'],
};
export const recordOfName = (kind: string, lang: Lang) => pick(RECORD_OF, kind, lang);

/** The app's list page of an API list route. */
const LIST_PAGES: Record<string, string> = { '/api/v1/tasks': '/tasks', '/tasks': '/tasks', '/api/v1/citizen-requests': '/desk', '/desk': '/desk', '/api/v1/meetings': '/meetings', '/api/v1/documents': '/documents' };
/** A ledger filter (the API's path and query) → the app's address. */
export function ledgerHref(ledger: { path?: string; query: Record<string, string | number | boolean | readonly (string | number)[] | null | undefined> } | null | undefined): string | null {
  if (!ledger) return null;
  const filter = ledger.query;
  const base = LIST_PAGES[ledger.path ?? ''] ?? '/tasks';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null || v === '') continue;
    p.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = p.toString();
  return s ? `${base}?${s}` : base;
}

// 问责 records
export const ACC_KIND: Names = { reminder: ['提醒', 'Reminder'], talk: ['约谈', 'Talk'], criticism: ['通报批评', 'Public criticism'], admonition: ['诫勉', 'Admonition'], recommendation: ['问责建议', 'Accountability recommendation'] };
export const ACC_STATUS: Names = { draft: ['草稿', 'Draft'], issued: ['印发', 'Issued'], explained: ['已说明', 'Explained'], closed: ['结案', 'Closed'] };
export const ACC_ORIGIN: Names = { manual: ['手工录入', 'By hand'], escalation: ['问效升级', 'Escalation rung'], public_flag: ['群众满意度末位', 'Public satisfaction flag'] };
export const ACC_STEPS = ['draft', 'issued', 'explained', 'closed'] as const;
export const accKindName = (k: string, lang: Lang) => pick(ACC_KIND, k, lang);
export const accStatusName = (s: string, lang: Lang) => pick(ACC_STATUS, s, lang);
/** The step the record is at (a record closed without an explanation skips 已说明). */
export function accStep(status: string): number {
  const i = (ACC_STEPS as readonly string[]).indexOf(status);
  return i < 0 ? 0 : i;
}

// Reports
export const REPORT_KIND: Names = { weekly: ['周报告', 'Weekly report'], monthly: ['月调度', 'Monthly review'], quarterly: ['季通报', 'Quarterly notice'], annual: ['年度考评', 'Annual assessment'], notice: ['通报', 'Notice'] };
export const REPORT_STATUS: Names = { draft: ['草稿', 'Draft'], issued: ['已印发', 'Issued'] };
export const reportKindName = (k: string, lang: Lang) => pick(REPORT_KIND, k, lang);
export const reportStatusName = (s: string, lang: Lang) => pick(REPORT_STATUS, s, lang);

export interface ReportTable {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}
/**
 * A report table as a bar chart: the first column names the bars, every numeric column is a
 * series. Null when the table has no numeric column or no rows.
 */
export function tableChart(table: ReportTable): { categories: string[]; series: { name: string; data: (number | null)[] }[] } | null {
  if (!table.rows.length || table.columns.length < 2) return null;
  const numeric = table.columns
    .map((name, i) => ({ name, i }))
    .filter(({ i }) => i > 0 && table.rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number' || (typeof r[i] === 'string' && /^-?\d+(\.\d+)?%?$/.test(r[i]))))
    .filter(({ i }) => table.rows.some((r) => r[i] !== null && r[i] !== undefined && r[i] !== ''));
  if (!numeric.length) return null;
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number.parseFloat(v) : null);
  return {
    categories: table.rows.map((r) => String(r[0] ?? '')),
    series: numeric.map(({ name, i }) => ({ name, data: table.rows.map((r) => num(r[i])) })),
  };
}

/** A chart's text alternative: what it shows, in one sentence per series. */
export function chartSummary(title: string, chart: { categories: string[]; series: { name: string; data: (number | null)[] }[] }): string {
  const parts = chart.series.map((s) => `${s.name}：${chart.categories.map((c, i) => `${c} ${s.data[i] ?? '—'}`).join('，')}`);
  return `${title}。${parts.join('；')}`;
}

// Model cases (典型)
export const CASE_STATUS: Names = { nominated: ['推荐', 'Nominated'], selected: ['入选', 'Selected'], rejected: ['未入选', 'Not selected'] };
export const caseStatusName = (s: string, lang: Lang) => pick(CASE_STATUS, s, lang);

/** A record's facts as one line: `deadline 2026-10-20 · overdueDays 3` (the API's own words for the keys). */
export function factsText(facts: Record<string, string | number | boolean | null> | null | undefined): string {
  if (!facts) return '';
  return Object.entries(facts)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k} ${v}`)
    .join(' · ');
}
