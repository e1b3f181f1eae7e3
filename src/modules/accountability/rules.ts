/**
 * 问责 records, pure: their kinds, states and the state machine (草稿 → 印发 → 已说明 → 结案),
 * and what a draft made from an escalation rung or a public flag says. No I/O.
 */

/** 提醒 / 约谈 / 通报批评 / 诫勉 / 问责建议. */
export const RECORD_KINDS = ['reminder', 'talk', 'criticism', 'admonition', 'recommendation'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const KIND_NAMES: Record<RecordKind, string> = { reminder: '提醒', talk: '约谈', criticism: '通报批评', admonition: '诫勉', recommendation: '问责建议' };

/** 草稿 → 印发 → 已说明 → 结案. */
export const RECORD_STATUSES = ['draft', 'issued', 'explained', 'closed'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export const STATUS_NAMES: Record<RecordStatus, string> = { draft: '草稿', issued: '印发', explained: '已说明', closed: '结案' };

/** edit (a draft), issue (印发), explain (申辩, once), close (结案). */
export const RECORD_ACTIONS = ['edit', 'issue', 'explain', 'close'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const RECORD_ORIGINS = ['manual', 'escalation', 'public_flag'] as const;
export type RecordOrigin = (typeof RECORD_ORIGINS)[number];

/** Kinds of evidence a record links to. */
export const EVIDENCE_KINDS = ['task', 'citizen_request', 'link'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export interface Evidence {
  kind: EvidenceKind;
  /** The task or citizen request id; absent for a link. */
  id?: number | undefined;
  /** A web address (kind link) or a note on the item. */
  note?: string | undefined;
}

export type Transition = { ok: true; status: RecordStatus } | { ok: false; reason: string };

const TABLE: Record<RecordStatus, Partial<Record<RecordAction, RecordStatus>>> = {
  draft: { edit: 'draft', issue: 'issued' },
  // The person concerned may explain once; the supervisor may close with or without an explanation.
  issued: { explain: 'explained', close: 'closed' },
  explained: { close: 'closed' },
  closed: {},
};

/** The state an action leads to from `status`, or why it may not be taken. */
export function nextStatus(status: RecordStatus, action: RecordAction): Transition {
  const to = TABLE[status][action];
  if (to) return { ok: true, status: to };
  const why: Record<RecordAction, string> = {
    edit: '只有草稿可以修改 (only a draft can be edited)',
    issue: '只有草稿可以印发 (only a draft can be issued)',
    explain: status === 'explained' ? '已提交过说明，申辩只能提交一次 (an explanation was already given; one per record)' : '印发后才能提交说明 (an explanation is given once the record is issued)',
    close: status === 'closed' ? '已结案 (already closed)' : '印发后才能结案 (only an issued record can be closed)',
  };
  return { ok: false, reason: `${STATUS_NAMES[status]}状态下不能这样做：${why[action]}` };
}

/** The actions the state allows (permission aside). */
export function actionsIn(status: RecordStatus): RecordAction[] {
  return RECORD_ACTIONS.filter((a) => nextStatus(status, a).ok);
}

/** The escalation rungs that make a draft, and the kind of record each drafts. */
export const RUNG_KINDS = { notice: 'criticism', accountability: 'recommendation' } as const satisfies Record<string, RecordKind>;
export type DraftingRung = keyof typeof RUNG_KINDS;
export const DRAFTING_RUNGS = Object.keys(RUNG_KINDS) as DraftingRung[];

/** The key that makes a draft once: one per task and rung. */
export const rungKey = (taskId: number, level: DraftingRung) => `task:${taskId}:${level}`;
/** The key that makes a draft once: one per unit and flag period (the later month of the two). */
export const flagKey = (unitId: number, month: string) => `flag:${unitId}:${month}`;

/** What a draft made from an escalation rung says. */
export function rungDraft(level: DraftingRung, t: { id: number; title: string; leadUnitName: string; deadline: string }, overdueWorkdays: number): { kind: RecordKind; title: string; reason: string } {
  const kind = RUNG_KINDS[level];
  return {
    kind,
    title: `关于${t.leadUnitName}“${t.title}”逾期的${KIND_NAMES[kind]}（草稿）`,
    reason: `督办事项“${t.title}”（期限 ${t.deadline}）逾期 ${overdueWorkdays} 个工作日未办结，已达${level === 'notice' ? '通报' : '问责建议'}层级。(Task ${t.id} is ${overdueWorkdays} working days overdue: the ${level} rung was reached.)`,
  };
}

/** What a draft made from the public module's "last two months running" flag says. */
export function flagDraft(unitName: string, months: readonly [string, string], rates: readonly (number | null)[]): { kind: RecordKind; title: string; reason: string } {
  const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`);
  return {
    kind: 'talk',
    title: `关于${unitName}群众满意度连续两个月末位的约谈（草稿）`,
    reason: `${unitName}在 ${months[0]}、${months[1]} 两个月群众诉求满意率均居末位（${pct(rates[0])}、${pct(rates[1])}）。(Last in citizens' satisfaction two months running.)`,
  };
}
