import type { Policy } from '../../platform/policy.ts';
import { yearlyAllowance } from '../meetings/rules.ts';
import { activeFrom, daysBetween, halfDays, targetFor } from '../research/rules.ts';

/**
 * 比学赶超: the efficiency index as pure arithmetic. Each component turns its facts into a score
 * 0–100 with an `explanation` (zh-CN, with the numbers, shown in the app); the unit's score is the
 * weighted mean over the components that have data (weights renormalised), so a component without
 * data — no records in the period, or its module's facts not connected — never counts as 0.
 */

export type ScoreboardPolicy = Policy['scoreboard'];

// --- periods ---

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period: its key as the API spells it, and its days [from, to) as YYYY-MM-DD. */
export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => `${y + Math.floor((m - 1) / 12)}-${pad(((m - 1) % 12) + 1)}-01`;

/** `YYYY-MM`, `YYYY-Qn` or `YYYY` (years 2000–2999) as a period; null for anything else. */
export function parsePeriod(s: string): Period | null {
  let m = /^(2\d{3})-(0[1-9]|1[0-2])$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { key: s, kind: 'month', year: y, from: monthStart(y, mo), to: monthStart(y, mo + 1) };
  }
  m = /^(2\d{3})-Q([1-4])$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { key: s, kind: 'quarter', year: y, from: monthStart(y, 3 * q - 2), to: monthStart(y, 3 * q + 1) };
  }
  m = /^(2\d{3})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return { key: s, kind: 'year', year: y, from: `${y}-01-01`, to: `${y + 1}-01-01` };
  }
  return null;
}

/** The period of `kind` that contains the day `date` (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, date: string): Period {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const key = kind === 'month' ? `${y}-${pad(mo)}` : kind === 'quarter' ? `${y}-Q${Math.ceil(mo / 3)}` : `${y}`;
  return parsePeriod(key)!;
}

/** The period just before (2026-01 → 2025-12, 2026-Q1 → 2025-Q4, 2026 → 2025); null before 2000. */
export function previousPeriod(p: Period): Period | null {
  const d = new Date(`${p.from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const day = d.toISOString().slice(0, 10);
  return day < '2000-01-01' ? null : periodOf(p.kind, day);
}

/** The last day of the period that has happened by `today`: the period's last day, or today; null when it has not begun. */
export function asOfDay(p: Period, today: string): string | null {
  if (today < p.from) return null;
  if (today >= p.to) {
    const d = new Date(`${p.to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  return today;
}

/** A period is finished (and may be closed for good) once `today` is past its last day. */
export const isFinished = (p: Period, today: string): boolean => today >= p.to;

// --- components ---

export const COMPONENT_KEYS = [
  'on_time',
  'sign',
  'feedback',
  'progress',
  'overdue_days',
  'extensions',
  'escalations',
  'citizen_on_time',
  'citizen_satisfaction',
  'meetings',
  'documents',
  'field_days',
  'findings',
] as const;
export type ComponentKey = (typeof COMPONENT_KEYS)[number];

export const COMPONENT_NAMES: Record<ComponentKey, string> = {
  on_time: '按期办结',
  sign: '签收及时',
  feedback: '催办反馈及时',
  progress: '进度报告按时',
  overdue_days: '逾期任务天数',
  extensions: '延期',
  escalations: '升级督办',
  citizen_on_time: '群众诉求按时办结',
  citizen_satisfaction: '群众满意度',
  meetings: '会议精简合规',
  documents: '发文精简合规',
  field_days: '领导一线工作天数',
  findings: '调研发现整改',
};

/** Which kind of records stand behind a component (the drill-down's links). */
export const COMPONENT_RECORDS: Record<ComponentKey, 'task' | 'urging' | 'request' | 'meeting' | 'document' | 'visit' | 'finding'> = {
  on_time: 'task',
  sign: 'task',
  feedback: 'urging',
  progress: 'task',
  overdue_days: 'task',
  extensions: 'task',
  escalations: 'task',
  citizen_on_time: 'request',
  citizen_satisfaction: 'request',
  meetings: 'meeting',
  documents: 'document',
  field_days: 'visit',
  findings: 'finding',
};

/** The components a person is scored on (the tasks they are responsible for). */
export const PERSON_COMPONENTS: readonly ComponentKey[] = ['on_time', 'sign', 'feedback', 'progress', 'overdue_days', 'extensions', 'escalations'];

/** Per subject (unit or responsible person), the task facts of one period. */
export interface TaskFacts {
  /** Tasks under way at some time in the period (assigned before its end, not verified before its start). */
  active: number;
  /** Tasks whose deadline fell in the period, up to its last day so far. */
  due: number;
  /** Of those, completion submitted on or before the deadline. */
  onTime: number;
  /** Tasks assigned in the period whose sign-for day has come. */
  signDue: number;
  signedOnTime: number;
  /** Urgings (催办/督办) whose reply was due in the period, and those answered (情况说明) by then. */
  urgingsDue: number;
  urgingsAnsweredOnTime: number;
  /** Open signed tasks with a progress report due, and those whose report is overdue (as of the period's last day so far). */
  reporting: number;
  reportsLate: number;
  /** Overdue task-days inside the period (from the day after the deadline to the day of submission, or the period's end). */
  overdueDays: number;
  /** Extensions approved in the period. */
  extensions: number;
  /** Escalation rungs received in the period, by level. */
  escalations: Record<'remind' | 'urge' | 'supervise' | 'notice' | 'accountability', number>;
}

export interface CitizenFacts {
  /** Requests (praise left out) submitted in the period to the unit. */
  volume: number;
  /** Of those, answered by their deadline. */
  onTime: number;
  /** Rated (a rating, or the window passed: 基本满意), and satisfied (≥ 基本满意). */
  rated: number;
  satisfied: number;
}

/** Meetings a unit organised (or documents it issued) in the period, and in the same days a year earlier. */
export interface ComplianceFacts {
  /** Meetings starting (documents issued) in the period so far. */
  count: number;
  /** Of those, within the rules: planned without a blocking finding (a document whose check passed). */
  compliant: number;
  /** The same days a year earlier. */
  lastYear: number;
  /** The policy's yearly reduction (percent): the allowance is last year's count less it, rounded down. */
  reductionPercent: number;
}

/** The field days of a unit's leaders in the period against what their yearly quota expects of it. */
export interface FieldFacts {
  leaders: { days: number; expected: number }[];
}

/** Findings of the visits the unit's people made in the period, and those resolved (their task 办结) by its last day. */
export interface FindingFacts {
  found: number;
  resolved: number;
}

/** The facts of one subject, by source; a source left undefined means its module's facts are not connected. */
export interface SubjectFacts {
  tasks?: TaskFacts | undefined;
  citizen?: CitizenFacts | undefined;
  meetings?: ComplianceFacts | undefined;
  documents?: ComplianceFacts | undefined;
  field?: FieldFacts | undefined;
  findings?: FindingFacts | undefined;
  /**
   * 进度报告按时 is read from the tasks' state now (the next report due); a finished period cannot
   * be measured so. `'past'`: the period is over and no measurement was taken while it ran — no data.
   * Otherwise the tasks' facts (or the last in-period measurement, passed in `tasks`) count.
   */
  progress?: 'past' | undefined;
}

/**
 * What a leader's yearly field-day target expects of the days [from, asOf] of one year: the target
 * (prorated from the 任职日期, research's rule) spread evenly over the days it runs. 0 when the post
 * began after `asOf` or the target is 0.
 */
export function expectedFieldDays(perYear: Policy['research']['fieldDaysPerYear'], rank: keyof Policy['research']['fieldDaysPerYear'], rankSince: string | null, from: string, asOf: string): number {
  const year = Number(from.slice(0, 4));
  const target = targetFor(perYear, rank, year, rankSince);
  const start = activeFrom(year, rankSince);
  if (target === 0 || start === null || start > asOf) return 0;
  const spanFrom = start > from ? start : from;
  return round1((target * daysBetween(spanFrom, asOf)) / daysBetween(start, `${year}-12-31`));
}

export const EMPTY_TASK_FACTS: TaskFacts = {
  active: 0,
  due: 0,
  onTime: 0,
  signDue: 0,
  signedOnTime: 0,
  urgingsDue: 0,
  urgingsAnsweredOnTime: 0,
  reporting: 0,
  reportsLate: 0,
  overdueDays: 0,
  extensions: 0,
  escalations: { remind: 0, urge: 0, supervise: 0, notice: 0, accountability: 0 },
};
export const EMPTY_CITIZEN_FACTS: CitizenFacts = { volume: 0, onTime: 0, rated: 0, satisfied: 0 };

/** One component of a score: null score = no data (then its weight does not count). */
export interface ComponentScore {
  key: ComponentKey;
  name: string;
  /** 0–100, one decimal; null: no data. */
  score: number | null;
  /** The policy's weight. */
  weight: number;
  /** The weight's share of the total after renormalising over the components with data (0–1); 0 without data. */
  share: number;
  /** How many records stand behind it (the denominator). */
  samples: number;
  /** The formula in words and numbers (zh-CN). */
  explanation: string;
  /** The numbers the formula used. */
  facts: Record<string, number>;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number) => Math.min(100, Math.max(0, x));
const fmt = (x: number) => String(round1(x));

const LEVEL_NAMES = { remind: '提醒', urge: '催办', supervise: '督办', notice: '通报', accountability: '问责建议' } as const;

type Partial0 = Omit<ComponentScore, 'key' | 'name' | 'weight' | 'share'>;

function share(numer: number, denom: number, what: string, ofWhat: string, min: number, facts: Record<string, number>): Partial0 {
  if (denom < min) return { score: null, samples: denom, facts, explanation: `无数据：${ofWhat} ${denom} 件${denom === 0 ? '' : `，少于 ${min} 件`}。` };
  const s = round1(clamp((100 * numer) / denom));
  return { score: s, samples: denom, facts, explanation: `${ofWhat} ${denom} 件，${what} ${numer} 件；得分 = 100 × ${numer} ÷ ${denom} = ${fmt(s)}。` };
}

/**
 * 会议 / 发文精简合规: the share within the rules, and the year-on-year reduction (100 when the count
 * is within last year's allowance, else 100 × allowance ÷ count); the mean of the two that have
 * data. Year-on-year has no data when last year had fewer than `min` records.
 */
function compliance(f: ComplianceFacts, what: string, verb: string, okWhat: string, min: number): Partial0 {
  const facts = { count: f.count, compliant: f.compliant, lastYear: f.lastYear, reductionPercent: f.reductionPercent };
  const parts: string[] = [];
  const scores: number[] = [];
  if (f.count >= min) {
    const s = round1(clamp((100 * f.compliant) / f.count));
    scores.push(s);
    parts.push(`合规：期内${verb}${what} ${f.count} 件，${okWhat} ${f.compliant} 件，100 × ${f.compliant} ÷ ${f.count} = ${fmt(s)}`);
  } else {
    parts.push(`合规：期内${verb}${what} ${f.count} 件，少于 ${min} 件，无数据`);
  }
  if (f.lastYear >= min) {
    const allowance = yearlyAllowance(f.lastYear, f.reductionPercent);
    const s = f.count <= allowance ? 100 : round1(clamp((100 * allowance) / f.count));
    scores.push(s);
    parts.push(
      `同比：去年同期 ${f.lastYear} 件，压减 ${f.reductionPercent}% 后不超过 ${allowance} 件，今年 ${f.count} 件，` +
        (f.count <= allowance ? '未超出，100' : `超出，100 × ${allowance} ÷ ${f.count} = ${fmt(s)}`),
    );
  } else {
    parts.push(`同比：去年同期 ${f.lastYear} 件，少于 ${min} 件，无数据`);
  }
  if (scores.length === 0) return { score: null, samples: f.count, facts, explanation: `无数据：${parts.join('；')}。` };
  const score = round1(scores.reduce((a, b) => a + b, 0) / scores.length);
  return { score, samples: f.count, facts, explanation: `${parts.join('；')}；得分 = ${scores.length === 2 ? `(${fmt(scores[0]!)} + ${fmt(scores[1]!)}) ÷ 2 = ` : ''}${fmt(score)}。` };
}

/** 领导一线工作天数: each leader's days against what their quota expects of the period (at most 100%), averaged. */
function fieldDays(f: FieldFacts): Partial0 {
  const counted = f.leaders.filter((l) => l.expected > 0);
  const days = round1(counted.reduce((s, l) => s + l.days, 0));
  const expected = round1(counted.reduce((s, l) => s + l.expected, 0));
  const facts = { leaders: counted.length, days, expected };
  if (counted.length === 0) return { score: null, samples: 0, facts, explanation: '无数据：期内没有有一线工作天数指标的领导。' };
  const met = counted.reduce((s, l) => s + Math.min(1, l.days / l.expected), 0);
  const score = round1(clamp((100 * met) / counted.length));
  return {
    score,
    samples: counted.length,
    facts,
    explanation: `领导 ${counted.length} 人，期内应下基层 ${halfDays(expected)} 天、实际 ${halfDays(days)} 天；得分 = 100 × 各人完成率（最高 100%）之和 ÷ ${counted.length} = ${fmt(score)}。`,
  };
}

/** A source whose facts are absent (module not connected): no data, saying so. */
function absent(source: string): Partial0 {
  return { score: null, samples: 0, facts: {}, explanation: `无数据：${source}的数据尚未接入记分。` };
}

/** Each component's score from the subject's facts (not yet weighted). */
export function componentScores(facts: SubjectFacts, p: ScoreboardPolicy, keys: readonly ComponentKey[] = COMPONENT_KEYS): ComponentScore[] {
  const t = facts.tasks;
  const c = facts.citizen;
  const min = p.minSamples;
  const one = (key: ComponentKey): Partial0 => {
    switch (key) {
      case 'on_time':
        return t ? share(t.onTime, t.due, '按期办结', '期内到期任务', min, { due: t.due, onTime: t.onTime }) : absent('督查督办');
      case 'sign':
        return t ? share(t.signedOnTime, t.signDue, '按时签收', '期内交办且已到签收时限的任务', min, { signDue: t.signDue, signedOnTime: t.signedOnTime }) : absent('督查督办');
      case 'feedback':
        return t ? share(t.urgingsAnsweredOnTime, t.urgingsDue, '按时报送情况说明', '期内应回复的催办/督办', min, { urgingsDue: t.urgingsDue, answeredOnTime: t.urgingsAnsweredOnTime }) : absent('督查督办');
      case 'progress':
        if (t && facts.progress === 'past') return { score: null, samples: 0, facts: {}, explanation: '无数据：进度报告按时按任务当时的状态计算，该期间结束前未留下计算结果。' };
        return t ? share(t.reporting - t.reportsLate, t.reporting, '进度报告未逾期', '应报进度的在办任务', min, { reporting: t.reporting, late: t.reportsLate }) : absent('督查督办');
      case 'overdue_days': {
        if (!t) return absent('督查督办');
        const f = { active: t.active, overdueDays: t.overdueDays, pointsPerDay: p.overduePointsPerDay };
        if (t.active < min) return share(0, t.active, '', '期内在办任务', min, f);
        const s = round1(clamp(100 - (p.overduePointsPerDay * t.overdueDays) / t.active));
        return {
          score: s,
          samples: t.active,
          facts: f,
          explanation: `期内在办任务 ${t.active} 件，逾期共 ${t.overdueDays} 天；得分 = 100 − ${p.overduePointsPerDay} × ${t.overdueDays} ÷ ${t.active} = ${fmt(s)}（最低 0）。`,
        };
      }
      case 'extensions': {
        if (!t) return absent('督查督办');
        const f = { active: t.active, extensions: t.extensions };
        if (t.active < min) return share(0, t.active, '', '期内在办任务', min, f);
        const s = round1(clamp(100 * (1 - t.extensions / t.active)));
        return { score: s, samples: t.active, facts: f, explanation: `期内在办任务 ${t.active} 件，批准延期 ${t.extensions} 次；得分 = 100 × (1 − ${t.extensions} ÷ ${t.active}) = ${fmt(s)}（最低 0）。` };
      }
      case 'escalations': {
        if (!t) return absent('督查督办');
        const levels = Object.keys(LEVEL_NAMES) as (keyof typeof LEVEL_NAMES)[];
        const points = levels.reduce((sum, l) => sum + t.escalations[l] * p.escalationPoints[l], 0);
        const f: Record<string, number> = { active: t.active, points, ...Object.fromEntries(levels.map((l) => [l, t.escalations[l]])) };
        if (t.active < min) return share(0, t.active, '', '期内在办任务', min, f);
        const s = round1(clamp(100 - points / t.active));
        const parts = levels.filter((l) => t.escalations[l] > 0).map((l) => `${LEVEL_NAMES[l]} ${t.escalations[l]} 次 × ${p.escalationPoints[l]} 分`);
        return {
          score: s,
          samples: t.active,
          facts: f,
          explanation: `期内在办任务 ${t.active} 件，升级督办${parts.length ? `：${parts.join('，')}，共 ${points} 分` : ' 0 次'}；得分 = 100 − ${points} ÷ ${t.active} = ${fmt(s)}（最低 0）。`,
        };
      }
      case 'citizen_on_time':
        return c ? share(c.onTime, c.volume, '按期答复', '期内受理的群众诉求', min, { volume: c.volume, onTime: c.onTime }) : absent('群众诉求');
      case 'citizen_satisfaction':
        return c ? share(c.satisfied, c.rated, '基本满意及以上', '已评价的群众诉求', min, { rated: c.rated, satisfied: c.satisfied }) : absent('群众诉求');
      case 'meetings':
        return facts.meetings ? compliance(facts.meetings, '会议', '召开', '未触发需说明理由的规则', min) : absent('会议');
      case 'documents':
        return facts.documents ? compliance(facts.documents, '发文', '印发', '文风检查通过', min) : absent('发文');
      case 'field_days':
        return facts.field ? fieldDays(facts.field) : absent('一线工作法');
      case 'findings': {
        const f = facts.findings;
        return f ? share(f.resolved, f.found, '已整改办结', '期内调研发现问题', min, { found: f.found, resolved: f.resolved }) : absent('一线工作法调研发现');
      }
    }
  };
  const parts = keys.map((key) => ({ key, name: COMPONENT_NAMES[key], weight: p.weights[key], share: 0, ...one(key) }));
  const total = parts.reduce((s, x) => s + (x.score === null ? 0 : x.weight), 0);
  return parts.map((x) => ({ ...x, share: x.score === null || total === 0 ? 0 : x.weight / total }));
}

/** The subject's score: the weighted mean over the components with data and weight, or null (no data) below minComponents. */
export function totalScore(parts: readonly ComponentScore[], p: Pick<ScoreboardPolicy, 'minComponents'>): { score: number | null; explanation: string } {
  const counted = parts.filter((x) => x.score !== null && x.weight > 0);
  if (counted.length < p.minComponents || counted.length === 0) {
    return { score: null, explanation: `无数据：有数据的分项 ${counted.length} 项，少于 ${Math.max(1, p.minComponents)} 项。` };
  }
  const weights = counted.reduce((s, x) => s + x.weight, 0);
  const sum = counted.reduce((s, x) => s + x.weight * x.score!, 0);
  const score = round1(clamp(sum / weights));
  const terms = counted.map((x) => `${x.name} ${fmt(x.score!)} × ${x.weight}`).join(' + ');
  return { score, explanation: `总分 = (${terms}) ÷ ${weights} = ${fmt(score)}（权重按有数据的分项重新归一）。` };
}

// --- ranks ---

/**
 * Competition ranks (1, 2, 2, 4) by score, highest first, within each group; no score, no rank.
 * Equal scores share a rank and the next rank skips.
 */
export function rankWithin<T extends { group: number; score: number | null }>(rows: readonly T[]): (T & { rank: number | null })[] {
  const byGroup = new Map<number, number[]>();
  for (const r of rows) if (r.score !== null) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r.score]);
  for (const scores of byGroup.values()) scores.sort((a, b) => b - a);
  return rows.map((r) => {
    if (r.score === null) return { ...r, rank: null };
    const scores = byGroup.get(r.group)!;
    return { ...r, rank: scores.findIndex((s) => s === r.score) + 1 };
  });
}

/** Change against the last period: null for a new unit (no score then) or no score now. */
export function changeOf(now: number | null, before: number | null | undefined): number | null {
  if (now === null || before === null || before === undefined) return null;
  return round1(now - before);
}

/**
 * 红榜 / 黑榜 of one group: the `size` best and the `size` worst ranked subjects (ties at the edge
 * all included). A group too small for both lists gets only a 红榜 of its top half; nobody is on both.
 */
export function honourLists<T extends { rank: number | null }>(rows: readonly T[], size: number): { red: T[]; black: T[] } {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
  if (size <= 0 || ranked.length === 0) return { red: [], black: [] };
  const n = ranked.length;
  const redSize = Math.min(size, Math.ceil(n / 2));
  const redCut = ranked[redSize - 1]!.rank!;
  const red = ranked.filter((r) => r.rank! <= redCut);
  if (n < 2 * size) return { red, black: [] };
  const blackCut = ranked[n - size]!.rank!;
  const black = ranked.filter((r) => r.rank! >= blackCut && !red.includes(r));
  return { red, black };
}

// --- peers ---

export const PEER_GROUPS = ['township', 'department'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];
export const PEER_NAMES: Record<PeerGroup, string> = { township: '乡镇', department: '县直部门' };

/**
 * Who competes with whom, from the unit tree: a township (region, level township) with the other
 * townships of its county; a county department (a department directly under a county region) with
 * the county's other departments. Other units (offices inside a department, counties) are not ranked.
 */
export function peerOf(unit: { kind: string; level: string; parentId: number | null }, parent: { kind: string; level: string } | null): { peer: PeerGroup; group: number } | null {
  if (unit.parentId === null || !parent) return null;
  if (unit.kind === 'region' && unit.level === 'township') return { peer: 'township', group: unit.parentId };
  if (unit.kind === 'department' && parent.kind === 'region' && parent.level === 'county') return { peer: 'department', group: unit.parentId };
  return null;
}

// --- model cases (典型) ---

export const CASE_STATUSES = ['nominated', 'selected', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_NAMES: Record<CaseStatus, string> = { nominated: '推荐', selected: '入选', rejected: '未入选' };

/** 推荐 → 入选 / 未入选; a decided case may be decided again only back from 未入选 to 入选 (a second look). */
export function caseTransition(from: CaseStatus, action: 'select' | 'reject'): CaseStatus | null {
  if (action === 'select') return from === 'nominated' || from === 'rejected' ? 'selected' : null;
  return from === 'nominated' ? 'rejected' : null;
}
