/**
 * 会议 (精文减会): the pure rules of a meeting — the checks made when it is planned and its
 * lifecycle. No I/O: every decision takes the plan, the counts the store read and the policy's
 * `meetings` section, and returns findings or a typed refusal.
 *
 * Severities (each finding names the rule, the number in force and what would comply):
 * - `block` — the meeting's length (`total_length`), a main speech over its limit
 *   (`main_speech_length`), more main speeches than allowed (`main_speech_count`), a
 *   comprehensive meeting past the organiser's yearly quota (`comprehensive_quota`) and the
 *   region's meetings past last year's count less the reduction (`yearly_count`): the regulation
 *   states each as a ceiling, so passing it needs a written reason (确需…详细说明理由) and a
 *   supervisor's approval.
 * - `warn` — another speech over its limit (`other_speech_length`: the timer holds a speaker
 *   to the limit on the day, and the total length already blocks a meeting that speeches
 *   make too long) and a meeting on an overlapping topic with overlapping attendees within
 *   `mergeWindowDays` (`merge`: merging is advice, the organiser may have reasons).
 */
import type { Policy } from '../../platform/policy.ts';
// Loads the module's error catalogue wherever its rules are used.
import './errors.ts';

export const MeetingKind = {
  comprehensive: 'comprehensive', // 综合性工作会议
  standing: 'standing', // 常务会议
  topic: 'topic', // 专题会议
  department: 'department', // 部门会议
  video: 'video', // 视频会议
} as const;
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind];
export const MEETING_KINDS = Object.values(MeetingKind) as [MeetingKind, ...MeetingKind[]];
export const KIND_NAMES: Record<MeetingKind, string> = {
  comprehensive: '综合性工作会议',
  standing: '常务会议',
  topic: '专题会议',
  department: '部门会议',
  video: '视频会议',
};

/** Region-wide (全县性, attended by units across the region) or internal to the organiser. */
export const MeetingScope = { region: 'region', internal: 'internal' } as const;
export type MeetingScope = (typeof MeetingScope)[keyof typeof MeetingScope];
export const MEETING_SCOPES = Object.values(MeetingScope) as [MeetingScope, ...MeetingScope[]];

export const MeetingStatus = {
  pendingApproval: 'pending_approval', // 待审批: a blocking finding, overridden with a written reason
  planned: 'planned', // 已计划
  held: 'held', // 已召开 (a speaker's actual minutes recorded)
  concluded: 'concluded', // 已办结: decisions turned into supervised tasks
  cancelled: 'cancelled', // 已取消
  refused: 'refused', // 未获批准
} as const;
export type MeetingStatus = (typeof MeetingStatus)[keyof typeof MeetingStatus];
export const MEETING_STATUSES = Object.values(MeetingStatus) as [MeetingStatus, ...MeetingStatus[]];
export const STATUS_NAMES: Record<MeetingStatus, string> = {
  pending_approval: '待审批',
  planned: '已计划',
  held: '已召开',
  concluded: '已办结',
  cancelled: '已取消',
  refused: '未获批准',
};
/** The states in which a meeting counts (quotas, yearly counts, merge suggestions): not cancelled, not refused. */
export const COUNTED_STATUSES: readonly MeetingStatus[] = ['pending_approval', 'planned', 'held', 'concluded'];

export const SpeechRole = { main: 'main', other: 'other' } as const;
export type SpeechRole = (typeof SpeechRole)[keyof typeof SpeechRole];
export const SPEECH_ROLES = Object.values(SpeechRole) as [SpeechRole, ...SpeechRole[]];

export const RULES = ['total_length', 'main_speech_length', 'other_speech_length', 'main_speech_count', 'comprehensive_quota', 'yearly_count', 'merge'] as const;
export type RuleName = (typeof RULES)[number];
export type Severity = 'block' | 'warn';

/** One finding of the check: which rule, how bad, the number in force, what the plan has, what would comply. */
export interface Finding {
  rule: RuleName;
  message: string;
  severity: Severity;
  limit?: number;
  actual?: number;
  suggestion?: string;
  /** The agenda item (0-based) a speech finding is about. */
  item?: number;
  /** The other meeting a merge suggestion names. */
  meetingId?: number;
}

export interface AgendaPlan {
  role: SpeechRole;
  minutes: number;
  topic?: string | null | undefined;
  speaker?: string | null | undefined;
}

/** The plan as the rules see it. */
export interface MeetingPlan {
  /** The meeting itself when re-checking a saved one (left out of its own counts). */
  id?: number | undefined;
  title: string;
  kind: MeetingKind;
  scope: MeetingScope;
  startsAt: Date;
  endsAt: Date;
  attendingUnitIds: readonly number[];
  organizerUnitId: number;
  agenda: readonly AgendaPlan[];
}

/** A counted meeting near the plan in time, for the merge suggestion. */
export interface NearbyMeeting {
  id: number;
  title: string;
  startsAt: Date;
  organizerUnitId: number;
  attendingUnitIds: readonly number[];
  topics: readonly string[];
}

/** What the store counted for the plan (all without the plan itself, counted statuses only). */
export interface MeetingCounts {
  /** The organiser's comprehensive meetings in the plan's year. */
  organizerComprehensive: number;
  /** The region's region-wide meetings in the plan's year and the year before. */
  regionThisYear: number;
  regionLastYear: number;
  /** Counted meetings starting within mergeWindowDays of the plan. */
  nearby: readonly NearbyMeeting[];
}

export type MeetingRules = Policy['meetings'];

const DAY_MS = 86_400_000;

/**
 * The planned length in minutes: the time slot (endsAt − startsAt), or the agenda's sum when the
 * speeches add up to more than the slot — a meeting whose agenda does not fit its slot will run
 * over it, so the longer of the two is what the length rule checks.
 */
export function plannedMinutes(plan: Pick<MeetingPlan, 'startsAt' | 'endsAt' | 'agenda'>): number {
  const slot = Math.round((plan.endsAt.getTime() - plan.startsAt.getTime()) / 60_000);
  return Math.max(slot, agendaMinutes(plan.agenda));
}

export const agendaMinutes = (agenda: readonly Pick<AgendaPlan, 'minutes'>[]): number => agenda.reduce((s, a) => s + a.minutes, 0);

/** The year a meeting counts in: its start's calendar year in Asia/Shanghai. */
export function meetingYear(startsAt: Date): number {
  return new Date(startsAt.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** How many meetings the region may hold this year: last year's count less the reduction, rounded down. */
export function yearlyAllowance(lastYear: number, reductionPercent: number): number {
  return Math.floor((lastYear * (100 - reductionPercent)) / 100 + 1e-9);
}

// --- topic similarity (the merge suggestion) ---

/**
 * Words every meeting title carries; they say nothing about the topic, so they are taken out
 * before comparing (“全县安全生产工作会议” and “全县教育工作会议” share only these).
 */
const GENERIC_WORDS = [
  '工作会议', '专题会议', '常务会议', '视频会议', '部门会议', '推进会', '调度会', '座谈会', '动员会', '部署会', '会议',
  '全县', '全市', '全州', '全省', '全镇', '全乡', '全区', '县委', '县政府', '工作', '专题', '常务', '部署', '推进',
  '动员', '调度', '研究', '关于', '召开', '第', '次', '年度',
];
const GENERIC = new RegExp(GENERIC_WORDS.sort((a, b) => b.length - a.length).join('|'), 'g');

/** The character bigrams of a topic text, generic words, digits, Latin letters, spaces and punctuation left out. */
export function topicBigrams(text: string): Set<string> {
  const chunks = text
    .replace(GENERIC, ' ')
    .split(/[^\p{Script=Han}]+/u)
    .filter(Boolean);
  const out = new Set<string>();
  for (const c of chunks) {
    const chars = [...c];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Dice's coefficient of two bigram sets (0 … 1); 0 when either is empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Two topics overlap when the Dice coefficient of their character bigrams reaches this, on the
 * titles or on the titles with the agenda topics — “安全生产大检查部署” and “安全生产检查推进”
 * (0.73) overlap; “安全生产” and “义务教育” (0) do not.
 */
export const TOPIC_SIMILARITY_THRESHOLD = 0.5;
/** Attendees overlap when at least this share of the smaller set (attending units with the organiser) is shared. */
export const ATTENDEE_OVERLAP_THRESHOLD = 0.5;

export function topicSimilarity(a: { title: string; topics: readonly string[] }, b: { title: string; topics: readonly string[] }): number {
  const titles = dice(topicBigrams(a.title), topicBigrams(b.title));
  const all = dice(topicBigrams([a.title, ...a.topics].join(' ')), topicBigrams([b.title, ...b.topics].join(' ')));
  return Math.max(titles, all);
}

/** Shared attendees over the smaller set of attendees (attending units with the organiser). */
export function attendeeOverlap(a: { organizerUnitId: number; attendingUnitIds: readonly number[] }, b: { organizerUnitId: number; attendingUnitIds: readonly number[] }): number {
  const sa = new Set([a.organizerUnitId, ...a.attendingUnitIds]);
  const sb = new Set([b.organizerUnitId, ...b.attendingUnitIds]);
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  return shared / Math.min(sa.size, sb.size);
}

const fmtDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 计划会议时的检查: every finding of a plan against the policy in force and what the store
 * counted. Pure; the order of the findings is the order of the rules.
 */
export function checkMeeting(plan: MeetingPlan, counts: MeetingCounts, rules: MeetingRules): Finding[] {
  const out: Finding[] = [];

  // 开短会: ordinary meetings at most half a day (every kind: Mashang plans ordinary meetings).
  const length = plannedMinutes(plan);
  if (length > rules.ordinaryMeetingMaxMinutes) {
    const slot = Math.round((plan.endsAt.getTime() - plan.startsAt.getTime()) / 60_000);
    const why = agendaMinutes(plan.agenda) > slot ? `议程合计 ${agendaMinutes(plan.agenda)} 分钟` : `会期 ${slot} 分钟`;
    out.push({
      rule: 'total_length',
      severity: 'block',
      limit: rules.ordinaryMeetingMaxMinutes,
      actual: length,
      message: `会议时长超限：${why}，超过 ${rules.ordinaryMeetingMaxMinutes} 分钟的上限 (the meeting runs ${length} min, over the ${rules.ordinaryMeetingMaxMinutes} min limit).`,
      suggestion: `压缩议程或分开召开，会议总时长不超过 ${rules.ordinaryMeetingMaxMinutes} 分钟。`,
    });
  }

  // 讲短话: the main speech and the other speeches.
  plan.agenda.forEach((a, i) => {
    const main = a.role === 'main';
    const limit = main ? rules.mainSpeechMaxMinutes : rules.otherSpeechMaxMinutes;
    if (a.minutes <= limit) return;
    const who = a.speaker ? `「${a.speaker}」` : `第 ${i + 1} 项`;
    out.push({
      rule: main ? 'main_speech_length' : 'other_speech_length',
      severity: main ? 'block' : 'warn',
      limit,
      actual: a.minutes,
      item: i,
      message: `${main ? '主要讲话' : '其他发言'}${who}安排 ${a.minutes} 分钟，超过 ${limit} 分钟的上限 (${main ? 'main speech' : 'speech'} of ${a.minutes} min, over the ${limit} min limit).`,
      suggestion: `将该${main ? '讲话' : '发言'}压缩到 ${limit} 分钟以内。`,
    });
  });

  const mains = plan.agenda.filter((a) => a.role === 'main').length;
  if (mains > rules.mainSpeechesPerMeeting) {
    out.push({
      rule: 'main_speech_count',
      severity: 'block',
      limit: rules.mainSpeechesPerMeeting,
      actual: mains,
      message: `安排了 ${mains} 个主要讲话，每次会议至多 ${rules.mainSpeechesPerMeeting} 个 (${mains} main speeches; at most ${rules.mainSpeechesPerMeeting}).`,
      suggestion: `只安排 ${rules.mainSpeechesPerMeeting} 个主要讲话，其余改为其他发言（每人不超过 ${rules.otherSpeechMaxMinutes} 分钟）或书面交流。`,
    });
  }

  // 少开会: the organiser's comprehensive meetings this year.
  if (plan.kind === 'comprehensive') {
    const n = counts.organizerComprehensive + 1;
    if (n > rules.comprehensiveMeetingsPerYear) {
      out.push({
        rule: 'comprehensive_quota',
        severity: 'block',
        limit: rules.comprehensiveMeetingsPerYear,
        actual: n,
        message: `这将是主办单位本年度第 ${n} 次综合性工作会议，每年至多 ${rules.comprehensiveMeetingsPerYear} 次 (comprehensive meeting no. ${n} this year; at most ${rules.comprehensiveMeetingsPerYear}).`,
        suggestion: '并入已召开的综合性会议，或改为专题会议、视频会议；确需召开的，须详细说明理由并经审批。',
      });
    }
  }

  // 少开会: the region's region-wide meetings this year against last year's less the reduction.
  // A region with no meetings last year has no baseline yet: nothing to compare with.
  if (plan.scope === 'region' && counts.regionLastYear > 0) {
    const allowed = yearlyAllowance(counts.regionLastYear, rules.yearlyReductionPercent);
    const n = counts.regionThisYear + 1;
    if (n > allowed) {
      const cut = rules.yearlyReductionPercent > 0 ? `减少 ${rules.yearlyReductionPercent}% 后` : '';
      out.push({
        rule: 'yearly_count',
        severity: 'block',
        limit: allowed,
        actual: n,
        message: `这将是本地区本年度第 ${n} 次全局性会议，上年 ${counts.regionLastYear} 次${cut}本年至多 ${allowed} 次 (region-wide meeting no. ${n} this year; last year ${counts.regionLastYear}, allowed ${allowed}).`,
        suggestion: '与其他会议合并召开，或以文件、视频会议代替；确需召开的，须详细说明理由并经审批。',
      });
    }
  }

  // 合并召开: an overlapping topic with overlapping attendees within the window.
  const windowMs = rules.mergeWindowDays * DAY_MS;
  const topics = plan.agenda.map((a) => a.topic ?? '').filter(Boolean);
  // The plan's bigrams once (topicSimilarity's measure, for each meeting nearby).
  const planTitle = topicBigrams(plan.title);
  const planAll = topicBigrams([plan.title, ...topics].join(' '));
  for (const m of counts.nearby) {
    if (m.id === plan.id) continue;
    if (Math.abs(m.startsAt.getTime() - plan.startsAt.getTime()) > windowMs) continue;
    // The cheap test first: most meetings nearby share no attendees.
    if (attendeeOverlap(plan, m) < ATTENDEE_OVERLAP_THRESHOLD) continue;
    const sim = Math.max(dice(planTitle, topicBigrams(m.title)), dice(planAll, topicBigrams([m.title, ...m.topics].join(' '))));
    if (sim < TOPIC_SIMILARITY_THRESHOLD) continue;
    out.push({
      rule: 'merge',
      severity: 'warn',
      limit: rules.mergeWindowDays,
      actual: Math.round(Math.abs(m.startsAt.getTime() - plan.startsAt.getTime()) / DAY_MS),
      meetingId: m.id,
      message: `${fmtDate(m.startsAt)} 的「${m.title}」议题相近、参会单位重叠，相隔不到 ${rules.mergeWindowDays} 天 (a meeting on an overlapping topic with overlapping attendees within ${rules.mergeWindowDays} days).`,
      suggestion: `建议与「${m.title}」（会议 ${m.id}）合并召开。`,
    });
  }
  return out;
}

export const blocks = (findings: readonly Pick<Finding, 'severity'>[]): boolean => findings.some((f) => f.severity === 'block');

/** A written reason (确需…详细说明理由): at least this many characters once trimmed, at most the max. */
export const OVERRIDE_REASON_MIN_CHARS = 15;
export const OVERRIDE_REASON_MAX_CHARS = 2000;

export type PlanOutcome =
  | { ok: true; status: 'planned' | 'pending_approval' }
  | { ok: false; code: 'MEETING_RULE_BLOCKED'; message: string; findings: Finding[] }
  | { ok: false; code: 'VALIDATION'; message: string };

/**
 * What a plan becomes: `planned` when nothing blocks (a reason given anyway is kept but asks for
 * nothing); `pending_approval` when something blocks and a written reason comes with it; refused
 * (MEETING_RULE_BLOCKED, with the findings) when something blocks and no reason does.
 */
export function planOutcome(findings: Finding[], overrideReason: string | null | undefined): PlanOutcome {
  if (!blocks(findings)) return { ok: true, status: 'planned' };
  const reason = overrideReason?.trim() ?? '';
  if (!reason) {
    return { ok: false, code: 'MEETING_RULE_BLOCKED', message: '会议计划不符合精文减会规定；确需召开的，请填写理由 (overrideReason) 报批 (the plan breaks a rule; give a written reason to ask for approval).', findings };
  }
  if ([...reason].length < OVERRIDE_REASON_MIN_CHARS) {
    return { ok: false, code: 'VALIDATION', message: `理由须详细说明，至少 ${OVERRIDE_REASON_MIN_CHARS} 个字 (the reason needs at least ${OVERRIDE_REASON_MIN_CHARS} characters).` };
  }
  return { ok: true, status: 'pending_approval' };
}

// --- lifecycle ---

export const MEETING_ACTIONS = ['update', 'approve', 'refuse', 'record_actual', 'edit_decisions', 'conclude', 'cancel'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

/** From which states each action may be taken. */
const FROM: Record<MeetingAction, readonly MeetingStatus[]> = {
  // A plan is changed before the meeting; once held, its record stands (actuals and decisions go on).
  update: ['pending_approval', 'planned'],
  approve: ['pending_approval'],
  refuse: ['pending_approval'],
  // Recording a speaker's actual minutes is the meeting being held.
  record_actual: ['planned', 'held'],
  edit_decisions: ['pending_approval', 'planned', 'held'],
  // Held, or straight from planned (no timer used).
  conclude: ['planned', 'held'],
  cancel: ['pending_approval', 'planned'],
};

export type Transition = { ok: true; to: MeetingStatus } | { ok: false; message: string };

/** The state an action leads to, or why it may not be taken now. `update` leads to the re-check's outcome. */
export function nextStatus(status: MeetingStatus, action: MeetingAction, updated?: 'planned' | 'pending_approval'): Transition {
  if (!FROM[action].includes(status)) {
    return { ok: false, message: `会议${STATUS_NAMES[status]}，不能${ACTION_NAMES[action]} (a ${status} meeting cannot ${action.replace('_', ' ')}).` };
  }
  switch (action) {
    case 'update':
      return { ok: true, to: updated ?? 'planned' };
    case 'approve':
      return { ok: true, to: 'planned' };
    case 'refuse':
      return { ok: true, to: 'refused' };
    case 'record_actual':
      return { ok: true, to: 'held' };
    case 'edit_decisions':
      return { ok: true, to: status };
    case 'conclude':
      return { ok: true, to: 'concluded' };
    case 'cancel':
      return { ok: true, to: 'cancelled' };
  }
}

export const ACTION_NAMES: Record<MeetingAction, string> = {
  update: '修改计划',
  approve: '审批',
  refuse: '不予批准',
  record_actual: '记录实际发言时长',
  edit_decisions: '修改议定事项',
  conclude: '办结（议定事项转督办）',
  cancel: '取消',
};

// --- decisions (一次布置到位) ---

export interface DecisionFacts {
  id: number;
  text: string;
  leadUnitId: number | null;
  responsibleId: number | null;
  deadline: string | null;
  deadlineWorkdays: number | null;
}

export interface DecisionGap {
  decisionId: number;
  text: string;
  missing: ('leadUnit' | 'responsible' | 'deadline')[];
}

/**
 * 主要工作一次布置到位、责任一次安排到位: a meeting concludes only with at least one decision,
 * each with a lead unit, a responsible person and a deadline. The gaps, or null when complete.
 */
export function concludeGaps(decisions: readonly DecisionFacts[]): { message: string; gaps: DecisionGap[] } | null {
  if (decisions.length === 0) return { message: '会议没有议定事项，不能办结；请先录入议定事项 (a meeting without decisions cannot be concluded).', gaps: [] };
  const gaps: DecisionGap[] = [];
  for (const d of decisions) {
    const missing: DecisionGap['missing'] = [];
    if (d.leadUnitId === null) missing.push('leadUnit');
    if (d.responsibleId === null) missing.push('responsible');
    if (d.deadline === null && d.deadlineWorkdays === null) missing.push('deadline');
    if (missing.length) gaps.push({ decisionId: d.id, text: d.text, missing });
  }
  if (!gaps.length) return null;
  const names = { leadUnit: '牵头单位', responsible: '责任人', deadline: '完成时限' };
  const list = gaps.map((g) => `「${g.text.slice(0, 30)}」缺${g.missing.map((m) => names[m]).join('、')}`).join('；');
  return { message: `议定事项须一次布置到位：${list} (each decision needs a lead unit, a responsible person and a deadline).`, gaps };
}

/** A speech's actual against its plan: over by how many minutes (0 when within). */
export const overrun = (planned: number, actual: number | null): number => (actual === null ? 0 : Math.max(0, actual - planned));

// --- statistics ---

/** A decision's task as the statistics see it. */
export interface TaskOutcomeFacts {
  status: string;
  deadline: string;
  submittedOn: string | null;
  /** The task's light today (red: past its deadline and not done). */
  light: string;
}

/**
 * Was a decision's task done on time? Done (verified or closed) with its completion submitted
 * by the deadline: `on_time`; done after it, or still open past it (red): `late`; still open
 * within it: `pending` (not counted either way yet). The same measure as the tasks' trend.
 */
export function taskOutcome(t: TaskOutcomeFacts): 'on_time' | 'late' | 'pending' {
  if (t.status === 'verified' || t.status === 'closed') return t.submittedOn !== null && t.submittedOn <= t.deadline ? 'on_time' : 'late';
  return t.light === 'red' ? 'late' : 'pending';
}

/** A counted meeting as the statistics see it. */
export interface MeetingStatsRow {
  kind: MeetingKind;
  year: number;
  /** The slot's minutes. */
  slotMinutes: number;
  /** Planned and actual minutes of the agenda items timed (null: none timed). */
  timedPlanned: number | null;
  timedActual: number | null;
}

const avg = (xs: number[]): number | null => (xs.length ? Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10 : null);
const share = (n: number, of: number): number | null => (of ? Math.round((n / of) * 1000) / 1000 : null);

/**
 * 会议统计: meetings by kind this year vs last year, average length planned vs actual (over the
 * meetings whose speeches were timed, the same speeches planned and actual), the share of
 * decisions with a task, and the share of those tasks done on time (of those decided: on time
 * or late).
 */
export function meetingStats(year: number, rows: readonly MeetingStatsRow[], decisions: { total: number; withTask: number }, outcomes: readonly ('on_time' | 'late' | 'pending')[]) {
  const thisYear = rows.filter((r) => r.year === year);
  const byKind = MEETING_KINDS.map((kind) => ({ kind, thisYear: thisYear.filter((r) => r.kind === kind).length, lastYear: rows.filter((r) => r.year === year - 1 && r.kind === kind).length }));
  const timed = thisYear.filter((r) => r.timedActual !== null && r.timedPlanned !== null);
  const onTime = outcomes.filter((o) => o === 'on_time').length;
  const late = outcomes.filter((o) => o === 'late').length;
  return {
    year,
    total: { thisYear: thisYear.length, lastYear: rows.length - thisYear.length },
    byKind,
    length: {
      meetings: thisYear.length,
      averageSlotMinutes: avg(thisYear.map((r) => r.slotMinutes)),
      timedMeetings: timed.length,
      averagePlannedMinutes: avg(timed.map((r) => r.timedPlanned!)),
      averageActualMinutes: avg(timed.map((r) => r.timedActual!)),
    },
    decisions: { total: decisions.total, withTask: decisions.withTask, shareWithTask: share(decisions.withTask, decisions.total) },
    tasks: { total: outcomes.length, onTime, late, pending: outcomes.length - onTime - late, shareOnTime: share(onTime, onTime + late) },
  };
}
export type MeetingStats = ReturnType<typeof meetingStats>;
