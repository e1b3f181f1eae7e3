/**
 * How the meetings module (会议, 精文减会) reads on screen, and the pure pieces of its pages:
 * names of kinds, statuses and rules; the list's filters in the URL; a form's plan as the API's
 * body; the speech timer's arithmetic. Unit tested in meetings.test.ts.
 */
import type { QueryValue } from './api.ts';
import type { Lang } from './i18n.ts';
import type { MeetingAction, MeetingFinding, MeetingKind, MeetingPlan, MeetingScope, MeetingStatus } from './types.ts';

type NamesOf<K extends string> = Record<K, readonly [string, string]>;
const pick = (names: Record<string, readonly [string, string]>, key: string, lang: Lang) => names[key]?.[lang === 'zh' ? 0 : 1] ?? key;

export const MEETING_KIND: NamesOf<MeetingKind> = {
  comprehensive: ['综合性工作会议', 'Comprehensive work meeting'],
  standing: ['常务会议', 'Standing meeting'],
  topic: ['专题会议', 'Topical meeting'],
  department: ['部门会议', 'Department meeting'],
  video: ['视频会议', 'Video meeting'],
};
export const MEETING_SCOPE: NamesOf<MeetingScope> = { region: ['全局性（全县性）', 'Region-wide'], internal: ['内部会议', 'Internal'] };
export const MEETING_STATUS: NamesOf<MeetingStatus> = {
  pending_approval: ['待审批', 'Awaiting approval'],
  planned: ['已计划', 'Planned'],
  held: ['已召开', 'Held'],
  concluded: ['已办结', 'Concluded'],
  cancelled: ['已取消', 'Cancelled'],
  refused: ['未获批准', 'Refused'],
};
export const STATUS_COLOR: Record<MeetingStatus, string> = { pending_approval: 'orange', planned: 'blue', held: 'cyan', concluded: 'green', cancelled: 'default', refused: 'red' };
export const MEETING_RULE: NamesOf<MeetingFinding['rule']> = {
  total_length: ['会议时长', 'Meeting length'],
  main_speech_length: ['主要讲话时长', 'Main speech length'],
  other_speech_length: ['其他发言时长', 'Other speech length'],
  main_speech_count: ['主要讲话个数', 'Main speeches per meeting'],
  comprehensive_quota: ['年度综合性会议次数', 'Comprehensive meetings per year'],
  yearly_count: ['全局性会议年度压减', 'Yearly reduction of region-wide meetings'],
  merge: ['合并召开建议', 'Suggestion to merge'],
};
/** What a finding's limit is counted in, to print "上限 60 分钟". */
export const RULE_UNIT: Record<MeetingFinding['rule'], readonly [string, string]> = {
  total_length: ['分钟', 'min'],
  main_speech_length: ['分钟', 'min'],
  other_speech_length: ['分钟', 'min'],
  main_speech_count: ['个', ''],
  comprehensive_quota: ['次', ''],
  yearly_count: ['次', ''],
  merge: ['天', 'days'],
};

export const kindName = (k: string, lang: Lang) => pick(MEETING_KIND, k, lang);
export const scopeName = (k: string, lang: Lang) => pick(MEETING_SCOPE, k, lang);
export const meetingStatusName = (k: string, lang: Lang) => pick(MEETING_STATUS, k, lang);
export const ruleName = (k: string, lang: Lang) => pick(MEETING_RULE, k, lang);

/** "上限 240 分钟 · 计划 300 分钟": the number in force and the plan's number, when the finding has them. */
export function findingNumbers(f: Pick<MeetingFinding, 'rule' | 'limit' | 'actual'>, lang: Lang): string {
  const u = RULE_UNIT[f.rule][lang === 'zh' ? 0 : 1];
  const n = (v: number) => (u ? (lang === 'zh' ? `${v} ${u}` : `${v} ${u}`) : String(v));
  const parts: string[] = [];
  if (f.limit !== undefined) parts.push(`${lang === 'zh' ? (f.rule === 'merge' ? '时间窗' : '上限') : f.rule === 'merge' ? 'window' : 'limit'} ${n(f.limit)}`);
  if (f.actual !== undefined) parts.push(`${lang === 'zh' ? '本计划' : 'this plan'} ${n(f.actual)}`);
  return parts.join(' · ');
}

/** Blocking findings first (the order of the rules kept within each severity). */
export function sortFindings<F extends Pick<MeetingFinding, 'severity'>>(findings: readonly F[]): F[] {
  return [...findings.filter((f) => f.severity === 'block'), ...findings.filter((f) => f.severity !== 'block')];
}
export const blocking = (findings: readonly Pick<MeetingFinding, 'severity'>[]) => findings.some((f) => f.severity === 'block');

// --- the list's filters, in the URL ---

export interface MeetingFilters {
  unitId?: number;
  kind?: MeetingKind;
  status?: MeetingStatus;
  year?: number;
  q?: string;
}

/** Reads the list's filters from search params, dropping anything the API would refuse. */
export function parseMeetingFilters(p: URLSearchParams): MeetingFilters {
  const f: MeetingFilters = {};
  const unitId = Number(p.get('unitId'));
  if (Number.isInteger(unitId) && unitId > 0 && unitId < 2 ** 31) f.unitId = unitId;
  const kind = p.get('kind');
  if (kind && kind in MEETING_KIND) f.kind = kind as MeetingKind;
  const status = p.get('status');
  if (status && status in MEETING_STATUS) f.status = status as MeetingStatus;
  const year = Number(p.get('year'));
  if (Number.isInteger(year) && year >= 1900 && year <= 2999) f.year = year;
  const q = p.get('q')?.trim();
  if (q) f.q = q.slice(0, 100);
  return f;
}

/** Filters → search params (and the API's query), in a stable order, empty ones left out. */
export function meetingFiltersToParams(f: MeetingFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(meetingQuery(f))) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  return p;
}
export function meetingQuery(f: MeetingFilters): Record<string, QueryValue> {
  return { unitId: f.unitId, kind: f.kind, status: f.status, year: f.year, q: f.q };
}

// --- the plan form ---

export interface AgendaRow {
  speakerId?: number | null;
  speaker?: string | null;
  role?: 'main' | 'other';
  minutes?: number | null;
  topic?: string | null;
}
export interface PlanForm {
  title?: string;
  kind?: MeetingKind;
  scope?: MeetingScope;
  organizerUnitId?: number | null;
  /** Local date-times as `YYYY-MM-DDTHH:mm` (China time). */
  startsAt?: string | null;
  endsAt?: string | null;
  place?: string | null;
  online?: boolean;
  chair?: string | null;
  attendingUnitIds?: number[];
  headcount?: number | null;
  agenda?: AgendaRow[];
  overrideReason?: string | null;
}

const text = (s: string | null | undefined) => {
  const v = s?.trim();
  return v ? v : undefined;
};
/** `2026-12-10T09:00` in China time → `2026-12-10T09:00:00+08:00`. */
export const chinaInstant = (local: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : local);
/** An instant → `YYYY-MM-DDTHH:mm` in China time (UTC+8, no daylight saving). */
export function chinaLocal(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16);
}
/** `2026-12-10 09:00` in China time, for reading. */
export const chinaText = (iso: string) => chinaLocal(iso).replace('T', ' ');

/**
 * The form's values as the API's plan, or null while something it needs is missing (then no
 * live check is sent). Empty texts are left out; a row without a speaker or minutes is not yet a
 * row.
 */
export function planBody(v: PlanForm): MeetingPlan | null {
  const title = text(v.title);
  if (!title || !v.kind || !v.organizerUnitId || !v.startsAt || !v.endsAt || !v.headcount || v.headcount < 1) return null;
  const agenda = (v.agenda ?? [])
    .filter((a) => (a.speakerId || text(a.speaker)) && a.minutes && a.minutes >= 1)
    .map((a) => ({
      ...(a.speakerId ? { speakerId: a.speakerId } : { speaker: text(a.speaker)! }),
      role: a.role ?? 'other',
      minutes: Math.round(a.minutes!),
      ...(text(a.topic) ? { topic: text(a.topic)! } : {}),
    }));
  if (!agenda.length) return null;
  const body: MeetingPlan = {
    title,
    kind: v.kind,
    scope: v.scope ?? 'internal',
    organizerUnitId: v.organizerUnitId,
    startsAt: chinaInstant(v.startsAt),
    endsAt: chinaInstant(v.endsAt),
    attendingUnitIds: v.attendingUnitIds ?? [],
    headcount: Math.round(v.headcount),
    agenda,
    online: !!v.online,
  };
  if (text(v.place)) body.place = text(v.place)!;
  if (text(v.chair)) body.chair = text(v.chair)!;
  if (text(v.overrideReason)) body.overrideReason = text(v.overrideReason)!;
  return body;
}

export const can = (allowed: readonly MeetingAction[] | undefined, action: MeetingAction) => !!allowed?.includes(action);

// --- the speech timer ---

/** Seconds left of a speaker's planned minutes (negative: over time). */
export const secondsLeft = (plannedMinutes: number, elapsedMs: number) => plannedMinutes * 60 - Math.floor(elapsedMs / 1000);

/** `12:05`, `-03:20` (over time), hours as `1:02:03`. */
export function clock(seconds: number): string {
  const neg = seconds < 0;
  const s = Math.abs(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${neg ? '-' : ''}${h ? `${h}:${two(m)}` : two(m)}:${two(r)}`;
}

/** The minutes to record for a speech that took `elapsedMs`: rounded, at least 1 once it started. */
export const minutesSpoken = (elapsedMs: number) => (elapsedMs <= 0 ? 0 : Math.max(1, Math.round(elapsedMs / 60_000)));

/** The first speech not yet timed (or the last one when all are), as an index. */
export function firstUntimed(agenda: readonly { actualMinutes: number | null }[]): number {
  const i = agenda.findIndex((a) => a.actualMinutes === null);
  return i === -1 ? Math.max(0, agenda.length - 1) : i;
}

/** What a decision lacks to be concluded (the conclude refusal's `missing`), in words. */
export const MISSING: Record<string, readonly [string, string]> = { leadUnit: ['牵头单位', 'lead unit'], responsible: ['责任人', 'responsible person'], deadline: ['完成时限', 'deadline'] };
export const missingNames = (missing: readonly string[], lang: Lang) => missing.map((m) => pick(MISSING, m, lang)).join(lang === 'zh' ? '、' : ', ');

/** A share 0..1 as "62.5%", or "—". */
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);
