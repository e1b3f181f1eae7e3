/**
 * 一线工作法 on screen: the names of visit kinds, place kinds and severities, the quota as a gauge,
 * the log-a-visit form as the API's body, the coverage numbers as chart series. Pure: unit tested.
 */
import type { Lang } from './i18n.ts';
import type { FieldVisitBody, FieldVisitKind, FindingSeverity, PlaceKindCode } from './types.ts';

type Names = Record<string, readonly [string, string]>;
const pick = (names: Names, key: string | null | undefined, lang: Lang) => (key ? (names[key]?.[lang === 'zh' ? 0 : 1] ?? key) : '—');

/** The five kinds of field work the regulation names. */
export const VISIT_KIND = {
  survey: ['调研', 'Survey'],
  onsite: ['现场办公', 'On-site office'],
  petition: ['接访下访', 'Petition visits'],
  stationed: ['驻点', 'Stationed'],
  inspection: ['督查', 'Inspection'],
} as const satisfies Record<FieldVisitKind, readonly [string, string]>;
export type VisitKind = keyof typeof VISIT_KIND;
export const VISIT_KINDS = Object.keys(VISIT_KIND) as VisitKind[];

export const PLACE_KIND = {
  village: ['行政村', 'Village'],
  community: ['社区', 'Community'],
  enterprise: ['企业', 'Enterprise'],
  project: ['项目点', 'Project site'],
  school: ['学校', 'School'],
  clinic: ['卫生院', 'Clinic'],
} as const satisfies Record<PlaceKindCode, readonly [string, string]>;
export type PlaceKind = keyof typeof PLACE_KIND;
export const PLACE_KINDS = Object.keys(PLACE_KIND) as PlaceKind[];

/** Tags a county gives its places; free text on the server, these are offered. */
export const PLACE_TAGS = ['先进', '后进', '重点项目', '脱贫村'] as const;

export const SEVERITY = { low: ['一般', 'Low'], medium: ['较重', 'Medium'], high: ['严重', 'High'] } as const satisfies Record<FindingSeverity, readonly [string, string]>;
export type Severity = keyof typeof SEVERITY;

export const visitKindName = (k: string, lang: Lang) => pick(VISIT_KIND, k, lang);
export const placeKindName = (k: string, lang: Lang) => pick(PLACE_KIND, k, lang);
export const severityName = (k: string | null | undefined, lang: Lang) => pick(SEVERITY, k, lang);
export const options = (names: Names, lang: Lang) => Object.entries(names).map(([value, n]) => ({ value, label: n[lang === 'zh' ? 0 : 1] }));

/** A fraction 0..1 as a percentage with one decimal, '—' when there is nothing to divide. */
export const share = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v * 1000) / 10}%`);

/** Days as people write them: whole numbers plain, halves with .5. */
export const daysText = (d: number | null | undefined) => (d === null || d === undefined || !Number.isFinite(d) ? '—' : String(Math.round(d * 2) / 2));

export interface Quota {
  target: number;
  days: number;
  expectedByNow: number;
  behind: boolean;
}

/**
 * The quota as a gauge: days done and the days expected by now, both as a share of the year's
 * target (capped at 100 for the dial), how far behind, and a state said in words as well as colour.
 */
export function quotaGauge(q: Quota, margin = 0) {
  const pct = (v: number) => (q.target > 0 ? Math.min(100, Math.round((v / q.target) * 1000) / 10) : 0);
  const gap = Math.round((q.expectedByNow - q.days) * 2) / 2;
  const state: 'none' | 'done' | 'ahead' | 'behind' | 'short' = q.target <= 0 ? 'none' : q.days >= q.target ? 'done' : q.behind ? 'behind' : gap > 0 ? 'short' : 'ahead';
  return { donePct: pct(q.days), expectedPct: pct(q.expectedByNow), gap: Math.max(0, gap), state, margin };
}

/** The span of a visit: one day, a half day, or from–to with the number of calendar days. */
export function visitSpan(v: { startDate: string; endDate: string; halfDay?: boolean | null }, lang: Lang): string {
  if (v.halfDay) return `${v.startDate}（${lang === 'zh' ? '半天' : 'half day'}）`;
  if (v.startDate === v.endDate) return v.startDate;
  const n = Math.round((Date.parse(`${v.endDate}T00:00:00Z`) - Date.parse(`${v.startDate}T00:00:00Z`)) / 86_400_000) + 1;
  return `${v.startDate} – ${v.endDate}（${n}${lang === 'zh' ? ' 天' : ' days'}）`;
}

export interface FindingRow {
  problem?: string;
  placeId?: number | null;
  category?: string;
  severity?: Severity | null;
}
export interface VisitForm {
  personIds: number[];
  startDate?: string | null;
  endDate?: string | null;
  halfDay?: boolean;
  kind?: VisitKind;
  placeIds?: number[];
  unannounced?: boolean;
  purpose?: string;
  seen?: string;
  met?: string;
  findings?: FindingRow[];
}

/**
 * The form as the body of POST /field-visits, or the first thing missing as a message key. A half
 * day is one date (its end is its start); findings rows without a problem are left out; empty
 * texts are not sent.
 */
export function visitBody(f: VisitForm): { ok: true; body: FieldVisitBody } | { ok: false; missing: 'people' | 'dates' | 'order' | 'kind' | 'purpose' } {
  if (!f.personIds.length) return { ok: false, missing: 'people' };
  if (!f.startDate || (!f.halfDay && !f.endDate)) return { ok: false, missing: 'dates' };
  const endDate = f.halfDay ? f.startDate : f.endDate!;
  if (endDate < f.startDate) return { ok: false, missing: 'order' };
  if (!f.kind) return { ok: false, missing: 'kind' };
  const purpose = f.purpose?.trim();
  if (!purpose) return { ok: false, missing: 'purpose' };
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const findings = (f.findings ?? [])
    .filter((r) => r.problem?.trim())
    .map((r) => ({ problem: r.problem!.trim(), ...(r.placeId ? { placeId: r.placeId } : {}), ...(text(r.category) ? { category: text(r.category) } : {}), ...(r.severity ? { severity: r.severity } : {}) }));
  const body: FieldVisitBody = {
    personIds: [...new Set(f.personIds)],
    startDate: f.startDate,
    endDate,
    kind: f.kind,
    purpose,
    unannounced: !!f.unannounced,
  };
  if (f.halfDay) body.halfDay = true;
  if (f.placeIds?.length) body.placeIds = [...new Set(f.placeIds)];
  if (text(f.seen)) body.seen = text(f.seen);
  if (text(f.met)) body.peopleMet = text(f.met);
  if (findings.length) body.findings = findings;
  return { ok: true, body };
}

/** Year from `?year=`, else the server's year; out-of-range values fall back. */
export function yearParam(raw: string | null, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
}

/** A positive integer id from the URL, or undefined. */
export function idParam(raw: string | null): number | undefined {
  const n = Number(raw);
  return raw && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

// The API's shapes, from the types generated from the server's OpenAPI document.
export type {
  FieldAnnual as Annual,
  FieldBehind as Behind,
  FieldFinding,
  FieldQuota as QuotaAnswer,
  FieldStats as Coverage,
  FieldVisit,
  FieldVisitPage,
  ResearchPlace as Place,
  ResearchPlacePage as PlacePage,
} from './types.ts';
