import { z } from 'zod';

/**
 * The regulation's numbers, in one typed object (DESIGN.md, "The rules, with numbers").
 * Defaults below; a region stores overrides in `policy_override`, merged from the root of the
 * unit tree down to the region (a county inherits its prefecture's overrides).
 * Every module reads its section from here; no number of the regulation is a literal elsewhere.
 */
const workdays = z.number().int().min(0).max(365);
const days = z.number().int().min(0).max(3660);
const chars = z.number().int().min(1).max(1_000_000);
const weight = z.number().min(0).max(1000);
const points = z.number().min(0).max(100);

export const PolicySchema = z
  .object({
    tasks: z.strictObject({
      /** 签收: sign for an assigned task within N 工作日 (马上抓落实). */
      signWithinWorkdays: workdays,
      /** A directive (重大) needs an implementation plan within N 日 (provincial regulation, art. 5). */
      planWithinDays: days,
      /** Progress report cadence in calendar days by level: 重点/重大 weekly, 一般 monthly. */
      reportEveryDays: z.strictObject({ normal: days, key: days, major: days }),
      /** Yellow light when the deadline is within N 工作日. */
      yellowWithinWorkdays: workdays,
      /** Escalation ladder by 工作日 overdue: 提醒 → 催办 → 督办 → 通报 → 问责建议. */
      escalation: z.strictObject({
        remind: workdays,
        urge: workdays,
        supervise: workdays,
        notice: workdays,
        accountability: workdays,
      }),
      /** 延期: at most N extensions per task, approved by the assigner. */
      maxExtensions: z.number().int().min(0).max(10),
    }),
    research: z.strictObject({
      /** 一线工作法: grassroots field days a year by rank. */
      fieldDaysPerYear: z.strictObject({
        provincial: days,
        department: days,
        county: days,
        township: days,
        other: days,
      }),
      /** More than N days behind the target prorated to today: warned in the inbox once a month, shown to the supervisor and unit head. */
      behindMarginDays: days,
    }),
    documents: z.strictObject({
      /** Length limits by kind: local/departmental documents, single-topic, briefs, 请示/报告. */
      maxChars: z.strictObject({ general: chars, singleTopic: chars, brief: chars, report: chars }),
      /** Documents per year: at most last year's count, minus this reduction (percent). */
      yearlyReductionPercent: z.number().min(0).max(100),
    }),
    meetings: z.strictObject({
      /** Speech drafts: at a region-wide or higher meeting (`major`), at other meetings. */
      speechDraftMaxChars: z.strictObject({ major: chars, other: chars }),
      mainSpeechMaxMinutes: z.number().int().min(1).max(600),
      otherSpeechMaxMinutes: z.number().int().min(1).max(600),
      mainSpeechesPerMeeting: z.number().int().min(1).max(10),
      ordinaryMeetingMaxMinutes: z.number().int().min(1).max(1440),
      comprehensiveMeetingsPerYear: z.number().int().min(0).max(100),
      yearlyReductionPercent: z.number().min(0).max(100),
      /** A meeting on an overlapping topic with overlapping attendees within N 日: suggest merging. */
      mergeWindowDays: days,
    }),
    publicRequests: z.strictObject({
      /** 受理: the desk acts on a new request within N 工作日. */
      acknowledgeWorkdays: workdays,
      /** 办理时限 by type (12345 rules); praise has no task. */
      resolveWorkdays: z.strictObject({ consult: workdays, help: workdays, suggestion: workdays, complaint: workdays, report: workdays }),
      /** A request's task: at most N extensions (these keys, not tasks.maxExtensions), each ≤ extensionMaxWorkdays. */
      maxExtensions: z.number().int().min(0).max(10),
      extensionMaxWorkdays: workdays,
      /** The unit may hand a misrouted request back within N 工作日 of its assignment. */
      returnWithinWorkdays: workdays,
      /** No rating within N 日 counts as 基本满意. */
      ratingWindowDays: days,
      rectifyWorkdays: workdays,
    }),
    scoreboard: z.strictObject({
      /**
       * 比学赶超 efficiency index: each component's weight (any non-negative numbers; renormalised
       * over the components that have data, so a component without data never counts as 0).
       */
      weights: z.strictObject({
        on_time: weight,
        sign: weight,
        feedback: weight,
        progress: weight,
        overdue_days: weight,
        extensions: weight,
        escalations: weight,
        citizen_on_time: weight,
        citizen_satisfaction: weight,
        meetings: weight,
        documents: weight,
        field_days: weight,
        findings: weight,
      }),
      /** Which period kinds the job computes: month (YYYY-MM), quarter (YYYY-Qn), year (YYYY). */
      periodKinds: z.array(z.enum(['month', 'quarter', 'year'])).min(1).max(3),
      /** 红榜 / 黑榜: the top and bottom N of each peer group. */
      honourListSize: z.number().int().min(0).max(50),
      /** A component has data only with at least N records behind it (tasks, requests, urgings). */
      minSamples: z.number().int().min(1).max(1000),
      /** A unit or person gets a score only with at least N components that have data. */
      minComponents: z.number().int().min(1).max(13),
      /** 逾期任务天数: points off per overdue task-day, averaged over the tasks of the period. */
      overduePointsPerDay: z.number().min(0).max(100),
      /** 升级督办: points off per escalation rung received, by level, averaged over the tasks of the period. */
      escalationPoints: z.strictObject({ remind: points, urge: points, supervise: points, notice: points, accountability: points }),
    }),
    reports: z.strictObject({
      /** 周报告 / 月调度 / 季通报 / 年度考评 for the previous period are drafted on the Nth working day of the next (周报告、月调度). */
      generateOnWorkday: z.number().int().min(1).max(20),
      /** At most N rows in a report's table (red tasks, units, rankings). */
      tableRows: z.number().int().min(1).max(500),
    }),
    notify: z.strictObject({
      /** Escalation rungs from which a notice is urgent (goes at once, quiet hours or not): 提醒 remind, 催办 urge, 督办 supervise, 通报 notice, 问责 accountability. */
      urgentFromRung: z.enum(['remind', 'urge', 'supervise', 'notice', 'accountability']),
      /** Channels that reach the recipient of an urgent notice whatever they chose (督办 and above by SMS). */
      urgentChannels: z.array(z.enum(['email', 'sms'])).max(2),
      /** Kinds × channels nobody may switch off, e.g. { "tasks.urged": ["sms"] }. */
      mandatory: z.record(z.string().regex(/^[a-z_]+\.[a-z_]+$/).max(100), z.array(z.enum(['email', 'sms'])).max(2)),
      /** Default quiet hours (Asia/Shanghai, HH:MM); a person may choose their own. Rest days are quiet all day. */
      quietStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      quietEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      /** The morning digest (今日待办) on working days, HH:MM Asia/Shanghai. */
      digestAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      /** SMS length to aim for (one message): the text is cut before the short link. */
      smsMaxChars: z.number().int().min(30).max(500),
    }),
    auth: z.strictObject({
      maxFailedLogins: z.number().int().min(1).max(100),
      lockoutMinutes: z.number().int().min(1).max(24 * 60),
      idleTimeoutMinutes: z.number().int().min(1).max(24 * 60),
      sessionMaxHours: z.number().int().min(1).max(24 * 30),
      passwordMinLength: z.number().int().min(8).max(128),
      /** How many of: lower case, upper case, digit, symbol (等保三级: at least 3). */
      passwordMinClasses: z.number().int().min(1).max(4),
    }),
    audit: z.strictObject({
      /**
       * Months the audit log keeps an entry in the database before `mashang audit archive` may
       * move it to an archive file (网络安全法 第二十一条: network logs kept at least six months).
       */
      keepMonths: z.number().int().min(6).max(1200),
    }),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
export type PolicySection = keyof Policy;

export const defaultPolicy: Policy = {
  tasks: {
    signWithinWorkdays: 1,
    planWithinDays: 10,
    reportEveryDays: { normal: 30, key: 7, major: 7 },
    yellowWithinWorkdays: 3,
    escalation: { remind: 1, urge: 3, supervise: 5, notice: 10, accountability: 20 },
    maxExtensions: 1,
  },
  research: {
    fieldDaysPerYear: { provincial: 60, department: 60, county: 90, township: 90, other: 0 },
    behindMarginDays: 10,
  },
  documents: {
    maxChars: { general: 5000, singleTopic: 4000, brief: 500, report: 3000 },
    yearlyReductionPercent: 0,
  },
  meetings: {
    speechDraftMaxChars: { major: 8000, other: 5000 },
    mainSpeechMaxMinutes: 60,
    otherSpeechMaxMinutes: 10,
    mainSpeechesPerMeeting: 1,
    ordinaryMeetingMaxMinutes: 240,
    comprehensiveMeetingsPerYear: 1,
    yearlyReductionPercent: 0,
    mergeWindowDays: 14,
  },
  publicRequests: {
    acknowledgeWorkdays: 1,
    resolveWorkdays: { consult: 2, help: 10, suggestion: 10, complaint: 15, report: 15 },
    maxExtensions: 1,
    extensionMaxWorkdays: 10,
    returnWithinWorkdays: 2,
    ratingWindowDays: 7,
    rectifyWorkdays: 5,
  },
  scoreboard: {
    // On-time completion weighs most (按期办结 is what 马上就办 is judged by); the sum is 100 so a weight reads as a percentage.
    weights: {
      on_time: 20,
      sign: 8,
      feedback: 7,
      progress: 8,
      overdue_days: 10,
      extensions: 5,
      escalations: 10,
      citizen_on_time: 8,
      citizen_satisfaction: 8,
      meetings: 4,
      documents: 4,
      field_days: 4,
      findings: 4,
    },
    periodKinds: ['month', 'quarter', 'year'],
    honourListSize: 3,
    minSamples: 1,
    minComponents: 1,
    overduePointsPerDay: 2,
    escalationPoints: { remind: 2, urge: 5, supervise: 10, notice: 20, accountability: 40 },
  },
  reports: {
    generateOnWorkday: 1,
    tableRows: 30,
  },
  notify: {
    urgentFromRung: 'supervise',
    urgentChannels: ['sms'],
    mandatory: {},
    quietStart: '21:00',
    quietEnd: '07:30',
    digestAt: '08:30',
    smsMaxChars: 70,
  },
  auth: {
    maxFailedLogins: 5,
    lockoutMinutes: 15,
    idleTimeoutMinutes: 30,
    sessionMaxHours: 12,
    passwordMinLength: 10,
    passwordMinClasses: 3,
  },
  audit: { keepMonths: 36 },
};

export type PolicyOverride = { [K in PolicySection]?: DeepPartial<Policy[K]> };
type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}

/**
 * Applies overrides in order (root region first) and validates the result, so an override
 * with an unknown key or a wrong type is refused with the path of the offending field.
 */
export function resolvePolicy(overrides: readonly unknown[], base: Policy = defaultPolicy) {
  let merged: unknown = base;
  for (const o of overrides) merged = deepMerge(merged, o);
  return PolicySchema.safeParse(merged);
}
