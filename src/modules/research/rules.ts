import type { Rank } from '../../platform/auth/actor.ts';

/**
 * 一线工作法, pure: the field-day quota arithmetic and the coverage and "showcase" (盆景式)
 * statistics. No I/O; the numbers come in as arguments (policy.research).
 */

export const PLACE_KINDS = ['village', 'community', 'enterprise', 'project', 'school', 'clinic'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const PLACE_KIND_NAMES: Record<PlaceKind, string> = { village: '行政村', community: '社区', enterprise: '企业', project: '项目点', school: '学校', clinic: '卫生院' };
/** The tags a place carries; 先进 / 后进 are what the showcase balance compares. */
export const PLACE_TAGS = ['先进', '后进', '重点项目', '脱贫村'] as const;
export type PlaceTag = (typeof PLACE_TAGS)[number];

export const VISIT_KINDS = ['survey', 'onsite', 'petition', 'stationed', 'inspection'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
export const VISIT_KIND_NAMES: Record<VisitKind, string> = { survey: '调研', onsite: '现场办公', petition: '接访下访', stationed: '驻点', inspection: '督查' };

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The longest visit accepted (驻点 may last weeks; a year is a typing error). */
export const MAX_VISIT_DAYS = 92;

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** Days in a calendar year (365 or 366). */
export const daysInYear = (year: number): number => dayNumber(`${year + 1}-01-01`) - dayNumber(`${year}-01-01`);
/** Calendar days from `from` to `to`, both counted (0 when `to` is before `from`). */
export const daysBetween = (from: string, to: string): number => Math.max(0, dayNumber(to) - dayNumber(from) + 1);

/** A visit as the quota sees it: whole days from start to end (both counted), or one half day. */
export interface VisitSpan {
  startDate: string;
  endDate: string;
  halfDay: boolean;
}

/**
 * The field days a person's visits give in `year`. A calendar day counts once however many visits
 * it holds: its weight is 1 when any visit covers it whole, else the half days on it added up to
 * at most 1 (a morning and an afternoon visit make a day). A visit spanning New Year gives each
 * year its own days. `from` (the 任职日期) leaves out the days before the post began.
 */
export function fieldDays(visits: readonly VisitSpan[], year: number, from?: string): number {
  const first = Math.max(dayNumber(`${year}-01-01`), from ? dayNumber(from) : -Infinity);
  const last = dayNumber(`${year}-12-31`);
  const weight = new Map<number, number>();
  for (const v of visits) {
    const from = Math.max(first, dayNumber(v.startDate));
    const to = Math.min(last, dayNumber(v.endDate));
    for (let d = from; d <= to; d++) {
      const w = weight.get(d) ?? 0;
      weight.set(d, v.halfDay ? Math.min(1, w + 0.5) : 1);
    }
  }
  let sum = 0;
  for (const w of weight.values()) sum += w;
  return sum;
}

/** The field dates of a person's visits in a range (the ICS feed's all-day events): date → 1 or 0.5. */
export function fieldDates(visits: readonly VisitSpan[]): Map<string, number> {
  const weight = new Map<number, number>();
  for (const v of visits) {
    for (let d = dayNumber(v.startDate); d <= dayNumber(v.endDate); d++) weight.set(d, v.halfDay ? Math.min(1, (weight.get(d) ?? 0) + 0.5) : 1);
  }
  return new Map([...weight].sort((a, b) => a[0] - b[0]).map(([d, w]) => [dateOf(d), w]));
}

/** Rounds up to the half day: a target is "at least" so many days. */
const ceilHalf = (x: number): number => Math.ceil(x * 2 - 1e-9) / 2;
const roundTenth = (x: number): number => Math.round(x * 10) / 10;

/**
 * The first day of `year` the target runs from: 1 January, or the 任职日期 when the post began
 * during the year; null when it began after the year (no target that year).
 */
export function activeFrom(year: number, rankSince: string | null): string | null {
  const jan1 = `${year}-01-01`;
  if (!rankSince || rankSince <= jan1) return jan1;
  return rankSince <= `${year}-12-31` ? rankSince : null;
}

/**
 * The year's target: `fieldDaysPerYear[rank]`, prorated by the days left in the year when the post
 * began during it (rounded up to the half day). Without a 任职日期 the whole year's target
 * applies — a deployment in November must not excuse everyone.
 */
export function targetFor(perYear: Record<Rank, number>, rank: Rank, year: number, rankSince: string | null): number {
  const base = perYear[rank];
  const from = activeFrom(year, rankSince);
  if (from === null || base === 0) return 0;
  return ceilHalf((base * daysBetween(from, `${year}-12-31`)) / daysInYear(year));
}

/**
 * What the person should have done by `today` (Asia/Shanghai date): the target spread evenly over
 * the days it runs, counted to today (both ends). A past year: all of it; a future one: nothing.
 */
export function expectedBy(target: number, year: number, rankSince: string | null, today: string): number {
  const from = activeFrom(year, rankSince);
  if (from === null || target === 0 || today < from) return 0;
  const end = `${year}-12-31`;
  if (today >= end) return target;
  return roundTenth((target * daysBetween(from, today)) / daysBetween(from, end));
}

export interface Quota {
  year: number;
  rank: Rank;
  rankSince: string | null;
  target: number;
  days: number;
  expectedByNow: number;
  /** Days short of what is expected by now (0 when on track or ahead). */
  shortfall: number;
  /** More than `behindMarginDays` short: warned once a month, shown to the supervisor and unit head. */
  behind: boolean;
  marginDays: number;
}

/** Days as a person reads them: to the half day, as visits are logged (82.8 → 83, 12.3 → 12.5); the web app's daysText. */
export function halfDays(d: number): number {
  return Math.round(d * 2) / 2;
}

/** The monthly reminder to someone behind their field days (一线工作法): its title and text, in half days. */
export function behindNotice(q: Quota, today: string): { title: string; body: string } {
  const expected = halfDays(q.expectedByNow);
  const days = halfDays(q.days);
  return {
    title: `一线工作天数滞后：已 ${days} 天，应达 ${expected} 天`,
    body: `按${q.year}年度目标 ${q.target} 天计，截至 ${today} 应下基层 ${expected} 天，已记录 ${days} 天，差 ${halfDays(q.shortfall)} 天（超过 ${q.marginDays} 天）。请合理安排到基层调研（一线工作法）。`,
  };
}

/** The quota of one person for one year, from their visits. */
export function quotaOf(
  p: { rank: Rank; rankSince: string | null },
  visits: readonly VisitSpan[],
  year: number,
  today: string,
  policy: { fieldDaysPerYear: Record<Rank, number>; behindMarginDays: number },
): Quota {
  const target = targetFor(policy.fieldDaysPerYear, p.rank, year, p.rankSince);
  // The days count from the post's start, as the target does.
  const from = activeFrom(year, p.rankSince);
  const days = from === null ? 0 : fieldDays(visits, year, from);
  const expectedByNow = expectedBy(target, year, p.rankSince, today);
  const shortfall = Math.max(0, roundTenth(expectedByNow - days));
  return { year, rank: p.rank, rankSince: p.rankSince, target, days, expectedByNow, shortfall, behind: shortfall > policy.behindMarginDays, marginDays: policy.behindMarginDays };
}

/** The Asia/Shanghai month of a date (YYYY-MM): the behind warning goes out once per person per month. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** Checks a visit's dates: end not before start, a half day is one day, at most MAX_VISIT_DAYS. Returns why not, or null. */
export function visitDatesProblem(v: VisitSpan): string | null {
  if (v.endDate < v.startDate) return '结束日期不能早于开始日期 (endDate must not be before startDate).';
  if (v.halfDay && v.endDate !== v.startDate) return '半天的调研只能是一天之内 (a half-day visit starts and ends on the same day).';
  if (daysBetween(v.startDate, v.endDate) > MAX_VISIT_DAYS) return `一次调研不超过 ${MAX_VISIT_DAYS} 天 (a visit lasts at most ${MAX_VISIT_DAYS} days).`;
  return null;
}

// --- coverage and showcase checks ---

export interface StatPlace {
  id: number;
  kind: PlaceKind;
  tags: readonly string[];
}
export interface StatVisit {
  id: number;
  personIds: readonly number[];
  placeIds: readonly number[];
  unannounced: boolean;
}
export interface StatFinding {
  visitId: number;
  hasTask: boolean;
  resolved: boolean;
}

export interface ShowcaseStats {
  visits: number;
  /** Place-visits (a visit to three places counts three). */
  placeVisits: number;
  /** The share of place-visits going to the most-visited tenth of the places (盆景式 when high); null without visits. */
  topTenthShare: number | null;
  /** How many places the top tenth is (at least one). */
  topTenthPlaces: number;
  advanced: number;
  lagging: number;
  /** 后进 ÷ (先进 + 后进) place-visits; null when neither was visited. */
  laggingShare: number | null;
  unannounced: number;
  unannouncedShare: number | null;
  findings: number;
  findingsWithTask: number;
  findingsResolved: number;
  taskShare: number | null;
  resolvedShare: number | null;
}

const share = (a: number, b: number): number | null => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

/**
 * The showcase checks over a set of visits: concentration (the share of place-visits going to the
 * most-visited tenth of `places`, rounded up, at least one place), 先进 vs 后进 balance, announced
 * vs unannounced (四不两直), findings turned into tasks and resolved.
 */
export function showcaseStats(places: readonly StatPlace[], visits: readonly StatVisit[], findings: readonly StatFinding[]): ShowcaseStats {
  const byId = new Map(places.map((p) => [p.id, p]));
  const count = new Map<number, number>();
  let advanced = 0;
  let lagging = 0;
  let placeVisits = 0;
  for (const v of visits) {
    for (const id of new Set(v.placeIds)) {
      const p = byId.get(id);
      if (!p) continue;
      placeVisits += 1;
      count.set(id, (count.get(id) ?? 0) + 1);
      if (p.tags.includes('先进')) advanced += 1;
      if (p.tags.includes('后进')) lagging += 1;
    }
  }
  const topTenthPlaces = Math.max(1, Math.ceil(places.length / 10));
  const top = [...count.values()].sort((a, b) => b - a).slice(0, topTenthPlaces).reduce((a, b) => a + b, 0);
  const visitIds = new Set(visits.map((v) => v.id));
  const fs = findings.filter((f) => visitIds.has(f.visitId));
  const unannounced = visits.filter((v) => v.unannounced).length;
  const withTask = fs.filter((f) => f.hasTask).length;
  const resolved = fs.filter((f) => f.resolved).length;
  return {
    visits: visits.length,
    placeVisits,
    topTenthShare: share(top, placeVisits),
    topTenthPlaces,
    advanced,
    lagging,
    laggingShare: share(lagging, advanced + lagging),
    unannounced,
    unannouncedShare: share(unannounced, visits.length),
    findings: fs.length,
    findingsWithTask: withTask,
    findingsResolved: resolved,
    taskShare: share(withTask, fs.length),
    resolvedShare: share(resolved, withTask),
  };
}

/** Villages (行政村) none of `visits` went to: "villages no county-level leader visited this term" when given the county-level leaders' visits. */
export function unvisitedVillages(places: readonly StatPlace[], visits: readonly StatVisit[]): number[] {
  const seen = new Set(visits.flatMap((v) => v.placeIds));
  return places.filter((p) => p.kind === 'village' && !seen.has(p.id)).map((p) => p.id);
}

/** A finding's task is resolved once verified (办结) or closed (销号). */
export const isResolved = (status: string): boolean => status === 'verified' || status === 'closed';

/** Leaders flagged as showcase-heavy: concentration at or above this share, or no 后进 place visited while 先进 ones were. */
export const SHOWCASE_TOP_TENTH_SHARE = 0.5;
export function showcaseHeavy(s: Pick<ShowcaseStats, 'topTenthShare' | 'advanced' | 'lagging' | 'placeVisits'>): boolean {
  if (s.placeVisits < 5) return false;
  return (s.topTenthShare ?? 0) >= SHOWCASE_TOP_TENTH_SHARE || (s.advanced >= 3 && s.lagging === 0);
}

/** The ranks at or above 县处级: "county-level leaders" of the coverage check. */
export const COUNTY_LEVEL_RANKS: readonly Rank[] = ['provincial', 'department', 'county'];
