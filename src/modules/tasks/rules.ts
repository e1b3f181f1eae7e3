/**
 * 督查督办: the pure rules of a supervised task. No I/O: every decision takes the task, the
 * actor, the date and the policy, and returns an answer or a typed refusal.
 */
import type { WorkCalendar } from '../../platform/calendar/calendar.ts';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { Policy } from '../../platform/policy.ts';
// Loads the module's error catalogue wherever its rules are used, so a not-found Task answers TASK_NOT_FOUND.
import './errors.ts';

export const TaskStatus = {
  assigned: 'assigned', // 交办
  signed: 'signed', // 签收
  inProgress: 'in_progress', // 办理中
  submitted: 'submitted', // 申请办结
  verified: 'verified', // 办结
  closed: 'closed', // 销号
  returned: 'returned', // 退回
  withdrawn: 'withdrawn', // 撤回 (by the assigner, before sign-for): out of every list, kept for the audit
} as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];
export const TASK_STATUSES = Object.values(TaskStatus) as [TaskStatus, ...TaskStatus[]];
export const STATUS_NAMES: Record<TaskStatus, string> = {
  assigned: '已交办',
  signed: '已签收',
  in_progress: '办理中',
  submitted: '申请办结',
  verified: '已办结',
  closed: '已销号',
  returned: '已退回',
  withdrawn: '已撤回',
};

export const TaskLevel = { normal: 'normal', key: 'key', major: 'major' } as const; // 一般 / 重点 / 重大
export type TaskLevel = (typeof TaskLevel)[keyof typeof TaskLevel];
export const TASK_LEVELS = Object.values(TaskLevel) as [TaskLevel, ...TaskLevel[]];
export const LEVEL_NAMES: Record<TaskLevel, string> = { normal: '一般', key: '重点', major: '重大' };

/** Where a task came from; other modules add their feedback handlers by kind. */
export const SourceKind = {
  directive: 'directive', // 上级部署 / 文件指示
  meeting: 'meeting', // 会议决定
  instruction: 'instruction', // 领导批示
  research: 'research', // 调研发现
  citizen: 'citizen', // 群众诉求
  document: 'document', // 公文
  other: 'other',
} as const;
export type SourceKind = (typeof SourceKind)[keyof typeof SourceKind];
export const SOURCE_KINDS = Object.values(SourceKind) as [SourceKind, ...SourceKind[]];
export const SOURCE_NAMES: Record<SourceKind, string> = {
  directive: '上级部署',
  meeting: '会议决定',
  instruction: '领导批示',
  research: '调研发现',
  citizen: '群众诉求',
  document: '公文',
  other: '其他',
};

export const Light = { green: 'green', yellow: 'yellow', red: 'red', done: 'done' } as const;
export type Light = (typeof Light)[keyof typeof Light];
export const LIGHTS = Object.values(Light) as [Light, ...Light[]];

/** The escalation ladder, in order (提醒 → 催办 → 督办 → 通报 → 问责建议). */
export const ESCALATION_LEVELS = ['remind', 'urge', 'supervise', 'notice', 'accountability'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** A rung's notices are urgent (sent at once, quiet hours or not) from `policy.notify.urgentFromRung` up (督办 by default). */
export function isUrgentRung(level: EscalationLevel, policy: Pick<Policy, 'notify'>): boolean {
  return ESCALATION_LEVELS.indexOf(level) >= ESCALATION_LEVELS.indexOf(policy.notify.urgentFromRung);
}
export const ESCALATION_NAMES: Record<EscalationLevel, string> = { remind: '提醒', urge: '催办', supervise: '督办', notice: '通报', accountability: '问责建议' };

export const DONE_STATUSES: readonly TaskStatus[] = ['verified', 'closed'];
/** Statuses in which the work is not done: past the deadline they count as overdue. */
export const OPEN_STATUSES = ['assigned', 'signed', 'in_progress', 'returned'] as const satisfies readonly TaskStatus[];
/**
 * Statuses in which the lead unit owes the next step, so the escalation ladder runs. A returned
 * task waits for the assigner to reassign it; a submitted one waits for verification.
 */
export const ESCALATING_STATUSES = ['assigned', 'signed', 'in_progress'] as const satisfies readonly TaskStatus[];

/** The workbench groups: to sign for, to report on, yellow/red, to verify, extensions to decide. */
export const TODO_KINDS = ['sign', 'report', 'warn', 'verify', 'extension'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];
export const TODO_NAMES: Record<TodoKind, string> = { sign: '待签收', report: '待报送进展', warn: '红黄灯', verify: '待审核', extension: '待审批延期' };

/** What the rules need to know of a task. */
export interface TaskFacts {
  status: TaskStatus;
  level: TaskLevel;
  deadline: string;
  assignerId: number;
  leaderId: number | null;
  responsibleId: number | null;
  leadUnitPath: string;
  signDue: string;
  planDue: string | null;
  planAt: Date | null;
  nextReportDue: string | null;
  nextMilestoneDue: string | null;
  submittedOn: string | null;
  extensionsUsed: number;
  pendingExtension: boolean;
  /** The highest rung of the ladder reached (0 none, 1 提醒 … 5 问责建议), by the scan or by hand. */
  escalationRung: number;
  /** Urgings (催办/督办 by hand) not yet answered with a 情况说明. */
  openUrgings: number;
  /** The co-units' parts (协办): which unit, and whether it has signed for its part. Absent: none loaded. */
  coParts?: readonly CoPartFacts[] | undefined;
}

/** A co-unit's part of a task, as the rules see it. */
export interface CoPartFacts {
  unitId: number;
  signed: boolean;
}

/** The actor as far as the rules care: who, which roles, and what they oversee. */
export interface ActorFacts {
  personId: number;
  roles: readonly string[];
  /** True when the task's lead unit lies in the actor's scope (their unit or subtree). */
  headsLeadUnit: boolean;
  /** True when the actor is a supervisor or admin whose scope covers the lead unit. */
  supervises: boolean;
  /** True when the actor holds an assigning role now and the lead unit is in their scope (the assigner's standing). */
  assigns: boolean;
  /** True when the actor is a leader (or admin) whose scope covers the lead unit now (the overseeing leader's standing). */
  oversees: boolean;
  /** The task's co-units (ids) whose head the actor is: a unit head whose unit is the co-unit or above it. */
  coUnitsHeaded?: readonly number[] | undefined;
  /** May the actor add files to the task (policy.canUpload)? */
  uploads?: boolean | undefined;
}

export type TaskAction =
  | 'sign'
  | 'dispatch'
  | 'progress'
  | 'plan'
  | 'submit'
  | 'verify'
  | 'reject'
  | 'close'
  | 'return'
  | 'reassign'
  | 'request_extension'
  | 'decide_extension'
  | 'urge'
  | 'supervise'
  | 'answer_urging'
  | 'instruct'
  | 'co_sign'
  | 'co_progress'
  | 'edit'
  | 'withdraw'
  | 'attach'
  | 'remove_attachment';

export const ACTION_NAMES: Record<TaskAction, string> = {
  sign: '签收',
  dispatch: '交办到人',
  progress: '报送进展',
  plan: '制定实施方案',
  submit: '申请办结',
  verify: '审核办结',
  reject: '驳回',
  close: '销号',
  return: '退回',
  reassign: '重新交办',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  urge: '催办',
  supervise: '升级督办',
  answer_urging: '填报情况说明',
  instruct: '批示',
  co_sign: '签收（协办）',
  co_progress: '报送协办进展',
  edit: '修改事项',
  withdraw: '撤回',
  attach: '补充附件',
  remove_attachment: '删除附件',
};

/** Which states each action starts from, and where it leads (null: the state stays). */
const TRANSITIONS: Record<TaskAction, { from: readonly TaskStatus[]; to: TaskStatus | null }> = {
  sign: { from: ['assigned'], to: 'signed' },
  dispatch: { from: ['signed', 'in_progress'], to: 'in_progress' },
  progress: { from: ['signed', 'in_progress'], to: 'in_progress' },
  plan: { from: ['signed', 'in_progress'], to: null },
  submit: { from: ['signed', 'in_progress'], to: 'submitted' },
  verify: { from: ['submitted'], to: 'verified' },
  reject: { from: ['submitted'], to: 'in_progress' },
  close: { from: ['verified'], to: 'closed' },
  return: { from: ['assigned', 'signed'], to: 'returned' },
  reassign: { from: ['returned'], to: 'assigned' },
  request_extension: { from: ['signed', 'in_progress'], to: null },
  decide_extension: { from: ['assigned', 'signed', 'in_progress', 'submitted'], to: null },
  // 催办 and 督办 by hand: while the lead unit owes the next step (the ladder's statuses).
  urge: { from: ESCALATING_STATUSES, to: null },
  supervise: { from: ESCALATING_STATUSES, to: null },
  // 情况说明: an urging is answered whatever the task has moved on to, until it is done.
  answer_urging: { from: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'], to: null },
  // 批示: on any task not yet done.
  instruct: { from: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'], to: null },
  // 协办: a co-unit signs for and reports on its part while the lead unit owes the work.
  co_sign: { from: ESCALATING_STATUSES, to: null },
  co_progress: { from: ESCALATING_STATUSES, to: null },
  // The assigner corrects the wording while the work is open; what matters after sign-for
  // (deadline, lead unit) goes through 延期 and 退回/重新交办 (checkEdit).
  edit: { from: ['assigned', 'signed', 'in_progress', 'returned'], to: null },
  // 撤回: before anyone has signed for it (or after the lead unit handed it back).
  withdraw: { from: ['assigned', 'returned'], to: 'withdrawn' },
  attach: { from: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'], to: null },
  remove_attachment: { from: ['assigned'], to: null },
};

/** Who may take each action, in words for the refusal. */
const WHO: Record<TaskAction, string> = {
  sign: '主办单位负责人 (the head of the lead unit)',
  dispatch: '主办单位负责人 (the head of the lead unit)',
  progress: '责任人或主办单位负责人 (the responsible person or the lead unit head)',
  plan: '责任人或主办单位负责人 (the responsible person or the lead unit head)',
  submit: '责任人或主办单位负责人 (the responsible person or the lead unit head)',
  verify: '交办人或分管领导 (the assigner or the overseeing leader)',
  reject: '交办人或分管领导 (the assigner or the overseeing leader)',
  close: '交办人、分管领导或督查室 (the assigner, the overseeing leader or the supervision office)',
  return: '主办单位负责人 (the head of the lead unit)',
  reassign: '交办人 (the assigner)',
  request_extension: '责任人或主办单位负责人 (the responsible person or the lead unit head)',
  decide_extension: '交办人或分管领导 (the assigner or the overseeing leader)',
  urge: '督查室、交办人或分管领导 (the supervision office, the assigner or the overseeing leader)',
  supervise: '督查室、交办人或分管领导 (the supervision office, the assigner or the overseeing leader)',
  answer_urging: '责任人或主办单位负责人 (the responsible person or the lead unit head)',
  instruct: '分管该单位的领导 (a leader whose scope covers the lead unit)',
  co_sign: '协办单位负责人 (the head of a co-unit)',
  co_progress: '协办单位负责人 (the head of a co-unit)',
  edit: '交办人 (the assigner)',
  withdraw: '交办人 (the assigner)',
  attach: '责任人、主办单位负责人、交办人或分管领导 (the responsible person, the lead unit head, the assigner or the overseeing leader)',
  remove_attachment: '交办人 (the assigner)',
};

/** What a refusal by state adds: the flow that does it instead. */
const INSTEAD: Partial<Record<TaskAction, string>> = {
  withdraw: '签收后不能撤回：如需调整，请走延期申请或由主办单位退回后重新交办 (after sign-for a task is not withdrawn: use an extension, or a return and reassignment)。',
  remove_attachment: '签收后附件只能补充，不能删除 (after sign-for attachments may be added, not removed)。',
};

function allowedActor(action: TaskAction, task: TaskFacts, actor: ActorFacts): boolean {
  const isHead = actor.headsLeadUnit && (actor.roles.includes('unit_head') || actor.roles.includes('admin'));
  const isResponsible = task.responsibleId === actor.personId;
  const isAssigner = task.assignerId === actor.personId && actor.assigns;
  const isLeader = task.leaderId === actor.personId && actor.oversees;
  switch (action) {
    case 'sign':
    case 'dispatch':
    case 'return':
      return isHead;
    case 'progress':
    case 'plan':
    case 'submit':
    case 'request_extension':
      return isHead || isResponsible;
    case 'verify':
    case 'reject':
    case 'decide_extension':
      return isAssigner || isLeader;
    case 'close':
      return isAssigner || isLeader || actor.supervises;
    case 'reassign':
      return isAssigner || actor.supervises;
    case 'urge':
    case 'supervise':
      return isAssigner || isLeader || actor.supervises;
    case 'answer_urging':
      return isHead || isResponsible;
    case 'instruct':
      return actor.oversees;
    case 'co_sign':
    case 'co_progress':
      return (actor.coUnitsHeaded ?? []).length > 0;
    case 'edit':
    case 'withdraw':
    case 'remove_attachment':
      return isAssigner;
    case 'attach':
      return actor.uploads === true;
  }
}

export type Refusal = {
  status: 403 | 409;
  code: 'FORBIDDEN' | 'INVALID_TRANSITION' | 'EXTENSION_LIMIT' | 'EXTENSION_PENDING' | 'NOTHING_TO_ANSWER' | 'TASK_CO_PART_SIGNED' | 'TASK_CO_PART_NOT_SIGNED' | 'TASK_EDIT_NEEDS_FLOW';
  message: string;
};
export type Decision = { ok: true; to: TaskStatus | null } | { ok: false; refusal: Refusal };

/**
 * May this actor take this action on this task now? 403 names who may; 409 names the states
 * the action needs. The state is checked first: an action that cannot happen now is 409 for all.
 */
export function decide(action: TaskAction, task: TaskFacts, actor: ActorFacts, policy: Policy, maxExtensions: number = policy.tasks.maxExtensions): Decision {
  const t = TRANSITIONS[action];
  if (!t.from.includes(task.status)) {
    return {
      ok: false,
      refusal: {
        status: 409,
        code: 'INVALID_TRANSITION',
        message: `事项当前状态为「${STATUS_NAMES[task.status]}」，不能${ACTION_NAMES[action]} (cannot ${action} a task that is ${task.status}; needs ${t.from.join(' or ')}).${INSTEAD[action] ? ` ${INSTEAD[action]}` : ''}`,
      },
    };
  }
  if (!allowedActor(action, task, actor)) {
    return { ok: false, refusal: { status: 403, code: 'FORBIDDEN', message: `只有${WHO[action]}可以${ACTION_NAMES[action]}。` } };
  }
  if (action === 'request_extension') {
    if (task.pendingExtension) return { ok: false, refusal: { status: 409, code: 'EXTENSION_PENDING', message: '已有待审批的延期申请 (an extension request is already pending).' } };
    if (task.extensionsUsed >= maxExtensions) {
      return { ok: false, refusal: { status: 409, code: 'EXTENSION_LIMIT', message: `每个事项最多延期 ${maxExtensions} 次 (at most ${maxExtensions} extension(s) per task).` } };
    }
  }
  if (action === 'supervise' && task.escalationRung >= RUNG_OF.supervise) {
    return { ok: false, refusal: { status: 409, code: 'INVALID_TRANSITION', message: `事项已在「${ESCALATION_NAMES[levelOfRung(task.escalationRung)]}」阶段，无需再升级督办 (the task is already at or past 督办).` } };
  }
  if (action === 'co_sign' || action === 'co_progress') {
    const part = pickCoPart(action, task.coParts ?? [], actor.coUnitsHeaded ?? []);
    if (!part.ok) return { ok: false, refusal: part.refusal };
  }
  if (action === 'answer_urging' && task.openUrgings === 0) {
    return { ok: false, refusal: { status: 409, code: 'NOTHING_TO_ANSWER', message: '没有待答复的催办或督办 (there is no urging waiting for an answer).' } };
  }
  return { ok: true, to: t.to };
}

/**
 * Which co-unit's part a 协办 action is for: the one named (it must be a part the actor heads),
 * else the only one the action fits. 签收（协办） needs a part not yet signed for; 报送协办进展 a
 * signed one. 403 when the actor heads none of the named part; 409 when the part's state is wrong.
 */
export function pickCoPart(
  action: 'co_sign' | 'co_progress',
  parts: readonly CoPartFacts[],
  headed: readonly number[],
  unitId?: number,
): { ok: true; unitId: number } | { ok: false; refusal: Refusal } {
  const mine = parts.filter((p) => headed.includes(p.unitId) && (unitId === undefined || p.unitId === unitId));
  if (mine.length === 0) return { ok: false, refusal: { status: 403, code: 'FORBIDDEN', message: `只有${WHO[action]}可以${ACTION_NAMES[action]}。` } };
  const fits = mine.filter((p) => (action === 'co_sign' ? !p.signed : p.signed));
  if (fits.length === 0) {
    return action === 'co_sign'
      ? { ok: false, refusal: { status: 409, code: 'TASK_CO_PART_SIGNED', message: '协办单位已签收其承担的部分 (the co-unit has signed for its part already).' } }
      : { ok: false, refusal: { status: 409, code: 'TASK_CO_PART_NOT_SIGNED', message: '协办单位须先签收其承担的部分，再报送协办进展 (sign for the part before reporting on it).' } };
  }
  return { ok: true, unitId: fits[0]!.unitId };
}

/** What the assigner may change (修改事项); the deadline and the lead unit only before sign-for. */
export interface TaskEdit {
  title?: string | undefined;
  description?: string | null | undefined;
  standard?: string | null | undefined;
  assessment?: string | null | undefined;
  deadline?: string | undefined;
  leadUnitId?: number | undefined;
}

/**
 * After sign-for the deadline and the lead unit change only through their own flows: 延期申请
 * (approved by the assigner, counted in scores) and 退回 → 重新交办. An edit naming a new one is
 * refused with 409 naming the flow; the same value as now is no change and passes.
 */
export function checkEdit(task: Pick<TaskFacts, 'status' | 'deadline'> & { leadUnitId: number }, edit: TaskEdit): Refusal | null {
  if (task.status === 'assigned') return null;
  if (edit.deadline !== undefined && edit.deadline !== task.deadline) {
    return { status: 409, code: 'TASK_EDIT_NEEDS_FLOW', message: '事项已签收，完成时限只能通过延期申请调整 (after sign-for the deadline changes only through an extension request).' };
  }
  if (edit.leadUnitId !== undefined && edit.leadUnitId !== task.leadUnitId) {
    return {
      status: 409,
      code: 'TASK_EDIT_NEEDS_FLOW',
      message: task.status === 'returned' ? '已退回的事项请通过重新交办更换主办单位 (a returned task gets its new lead unit through reassignment).' : '事项已签收，更换主办单位须由主办单位退回后重新交办 (after sign-for the lead unit changes only through a return and reassignment).',
    };
  }
  return null;
}

/** The actions an actor may take now: what the web app shows as buttons. */
export function allowedActions(task: TaskFacts, actor: ActorFacts, policy: Policy, maxExtensions: number = policy.tasks.maxExtensions): TaskAction[] {
  return (Object.keys(TRANSITIONS) as TaskAction[]).filter((a) => a !== 'decide_extension' || task.pendingExtension).filter((a) => decide(a, task, actor, policy, maxExtensions).ok);
}

/** Rungs of the ladder (提醒 → 催办 → 督办 → 通报 → 问责建议), numbered as task.escalation_rung stores them. */
export const RUNG_OF: Record<EscalationLevel, number> = { remind: 1, urge: 2, supervise: 3, notice: 4, accountability: 5 };
const levelOfRung = (rung: number): EscalationLevel => ESCALATION_LEVELS[Math.min(Math.max(rung, 1), 5) - 1]!;

/**
 * Where a task stands on the ladder after the rungs it has had: the highest rung, and the day the
 * scan next needs it (the next rung above that one, counted in 工作日 from the deadline; null at
 * the top). A rung raised by hand (督办 at once) passes over the lower rungs the task had not
 * had: the scan does not fire 提醒 or 催办 after a 督办.
 */
export function ladderState(had: readonly EscalationLevel[], rung: number, deadline: string, cal: WorkCalendar, policy: Policy): { rung: number; nextOn: string | null } {
  const top = Math.max(rung, ...had.map((l) => RUNG_OF[l]));
  const next = ESCALATION_LEVELS.find((l) => RUNG_OF[l] > top && !had.includes(l));
  return { rung: top, nextOn: next ? cal.addWorkdays(deadline, policy.tasks.escalation[next]).date : null };
}

/** The reply deadline of an urging: a date, or N 工作日 from today; on or after today. */
export function replyDueOf(due: string | { workdays: number }, today: string, cal: WorkCalendar): { ok: true; date: string } | { ok: false; message: string } {
  const date = typeof due === 'string' ? due : cal.addWorkdays(today, due.workdays).date;
  if (date < today) return { ok: false, message: `答复时限 ${date} 已过 (the reply deadline is in the past).` };
  return { ok: true, date };
}

/** Is an urging's answer late (given after its reply deadline), or is it still owed past it? */
export function urgingOverdue(u: { replyDue: string; answeredOn: string | null }, today: string): boolean {
  return (u.answeredOn ?? today) > u.replyDue;
}

/** The written urging's notice: who hears (the lead unit's heads and the responsible person) is the service's lookup. */
export function urgingNotice(level: 'urge' | 'supervise', title: string, text: string, replyDue: string): { title: string; body: string } {
  return { title: `【${ESCALATION_NAMES[level]}】${title}`, body: `${text}\n请于 ${replyDue} 前报送情况说明。` };
}

/**
 * A date derived from the deadline's clock (sign-for, plan, next report) falls on or before the
 * deadline while the deadline is still ahead: a task due in two days is not asked to sign for on
 * the third. Once the deadline has passed, the cadence runs on as it is.
 */
function notAfterDeadline(date: string, from: string, deadline: string): string {
  return from <= deadline && date > deadline ? deadline : date;
}

/** Dates a new (or reassigned) task is measured against, none of them after its deadline. */
export function scheduleFor(level: TaskLevel, assignedOn: string, deadline: string, cal: WorkCalendar, policy: Policy) {
  return {
    signDue: notAfterDeadline(cal.addWorkdays(assignedOn, policy.tasks.signWithinWorkdays).date, assignedOn, deadline),
    planDue: level === 'major' ? notAfterDeadline(addDays(assignedOn, policy.tasks.planWithinDays), assignedOn, deadline) : null,
    nextReportDue: notAfterDeadline(addDays(assignedOn, policy.tasks.reportEveryDays[level]), assignedOn, deadline),
  };
}

/**
 * The next progress report: the level's cadence from the last one, by the deadline while that is
 * still ahead; a report made on the deadline day or later sets the cadence's date.
 */
export function nextReportDue(level: TaskLevel, reportedOn: string, deadline: string, policy: Policy): string {
  const next = addDays(reportedOn, policy.tasks.reportEveryDays[level]);
  return reportedOn < deadline && next > deadline ? deadline : next;
}

export type LightReason = 'overdue' | 'deadline_near' | 'sign_overdue' | 'plan_overdue' | 'report_overdue' | 'milestone_overdue';

export interface LightResult {
  light: Light;
  reasons: LightReason[];
  /** 工作日 past the deadline (0 when not past it, or done). */
  overdueWorkdays: number;
}

/**
 * The traffic light. done: verified or closed. red: past the deadline and not done (a completion
 * submitted on time stops the clock). yellow: the deadline is within N 工作日, or the sign-for,
 * the implementation plan, a progress report or a milestone is overdue. Otherwise green.
 */
export function lightOf(task: TaskFacts, today: string, cal: WorkCalendar, policy: Policy): LightResult {
  // A withdrawn task (撤回) is no longer measured: it shows as finished, with no reasons.
  if (DONE_STATUSES.includes(task.status) || task.status === 'withdrawn') return { light: 'done', reasons: [], overdueWorkdays: 0 };
  // A submitted task is measured on the day it was submitted: the wait for verification is not the unit's delay.
  const asOf = task.status === 'submitted' && task.submittedOn ? task.submittedOn : today;
  if (asOf > task.deadline) {
    return { light: 'red', reasons: ['overdue'], overdueWorkdays: Math.max(0, cal.workdaysBetween(task.deadline, asOf)) };
  }
  if (task.status === 'submitted') return { light: 'green', reasons: [], overdueWorkdays: 0 };
  const reasons: LightReason[] = [];
  if (cal.workdaysBetween(today, task.deadline) <= policy.tasks.yellowWithinWorkdays) reasons.push('deadline_near');
  if (task.status === 'assigned' && today > task.signDue) reasons.push('sign_overdue');
  if (task.planDue && !task.planAt && today > task.planDue && task.status !== 'returned') reasons.push('plan_overdue');
  if (task.nextReportDue && today > task.nextReportDue && task.status !== 'assigned' && task.status !== 'returned') reasons.push('report_overdue');
  if (task.nextMilestoneDue && today > task.nextMilestoneDue) reasons.push('milestone_overdue');
  return { light: reasons.length ? 'yellow' : 'green', reasons, overdueWorkdays: 0 };
}

/**
 * The escalation levels a task has reached by 工作日 overdue and has not had yet, lowest first.
 * A scanner that was down for days fires each missed level once, in order. `rung` is the rung
 * the task stands on: levels below it that it never had were passed over by a rung raised by hand.
 */
export function dueEscalations(overdueWorkdays: number, fired: readonly EscalationLevel[], policy: Policy, rung = 0): EscalationLevel[] {
  // Rungs below one raised by hand are passed over (see ladderState).
  return ESCALATION_LEVELS.filter((level) => overdueWorkdays >= policy.tasks.escalation[level] && !fired.includes(level) && RUNG_OF[level] > rung);
}

/**
 * The rungs a scan finds due at once (a task found 21 工作日 overdue after an import, a long stop
 * or the demo's replay), as history: each rung stamped on the working day it became due (the
 * deadline plus its 工作日, at 09:00 Asia/Shanghai, the start of office hours) unless that is still
 * ahead of now, with the overdue 工作日 of that day; only the highest is told (one message, not
 * five). A rung due today is stamped now. Lowest first, as `levels` came.
 */
export function rungsAsHistory(
  levels: readonly EscalationLevel[],
  deadline: string,
  overdueNow: number,
  now: Date,
  cal: WorkCalendar,
  policy: Pick<Policy, 'tasks'>,
): { level: EscalationLevel; dueOn: string; at: Date; overdueWorkdays: number; notify: boolean }[] {
  const top = levels.at(-1);
  return levels.map((level) => {
    const dueOn = cal.addWorkdays(deadline, policy.tasks.escalation[level]).date;
    const opening = new Date(`${dueOn}T09:00:00+08:00`);
    const past = opening.getTime() < now.getTime() && dueOn < new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    return { level, dueOn, at: past ? opening : now, overdueWorkdays: past ? policy.tasks.escalation[level] : overdueNow, notify: level === top };
  });
}

/** Checks a requested deadline: a real date, not in the past; 延期 must move it later. */
/**
 * Who hears of an escalation rung: 提醒 the responsible person (else the lead unit's heads), 催办
 * the heads, 督办 the supervisors over the unit, 通报 and 问责建议 the supervisors, the assigner and
 * the overseeing leader. Each list is asked for only when the rung needs it.
 */
export async function escalationRecipients(
  level: EscalationLevel,
  t: { responsibleId: number | null; assignerId: number; leaderId: number | null },
  who: { heads: () => Promise<number[]>; supervisors: () => Promise<number[]> },
): Promise<number[]> {
  let recipients: number[];
  switch (level) {
    case 'remind':
      recipients = t.responsibleId ? [t.responsibleId] : await who.heads();
      break;
    case 'urge':
      recipients = await who.heads();
      break;
    default:
      recipients = [...(await who.supervisors()), ...(level === 'supervise' ? [] : [t.assignerId, ...(t.leaderId ? [t.leaderId] : [])])];
  }
  return [...new Set(recipients)];
}

/** What a rung's notice says. */
export function escalationNotice(level: EscalationLevel, title: string, unitName: string, overdue: number, deadline: string): { title: string; body: string } {
  const body =
    level === 'notice'
      ? `${unitName} 承办的事项已超期 ${overdue} 个工作日，列入下期通报。`
      : level === 'accountability'
        ? `${unitName} 承办的事项已超期 ${overdue} 个工作日，建议启动问责程序。`
        : `${unitName} 承办的事项已超期 ${overdue} 个工作日（时限 ${deadline}），请马上办理。`;
  return { title: `【${ESCALATION_NAMES[level]}】${title}`, body };
}

/** The dates a light is computed against today (see LightDates in store.ts and lightOf). */
export function lightDatesFor(today: string, cal: WorkCalendar, policy: Policy): { today: string; yellowBefore: string } {
  return { today, yellowBefore: cal.addWorkdays(today, policy.tasks.yellowWithinWorkdays + 1).date };
}

/**
 * Checks a milestone's due date: by the task's deadline and, unless the task comes from a ledger
 * before Mashang (today null: its plan may already be late), not in the past.
 */
export function checkMilestoneDue(m: { title: string; due: string }, deadline: string, today: string | null): string | null {
  if (m.due > deadline) return `节点「${m.title}」的时限晚于事项时限 ${deadline} (a milestone is due after the task).`;
  if (today !== null && m.due < today) return `节点「${m.title}」的时限 ${m.due} 已过 (a milestone is due in the past).`;
  return null;
}

/**
 * 协办单位: each co-unit named once, and never the lead unit itself (it leads; a co-unit signs for
 * and reports on a part of the work). A list that breaks either is a mistake in the form or the
 * ledger file: it is said, not tidied away, so the assigner sees what was meant.
 */
export function checkCoUnits(lead: { id: number; name: string }, coUnitIds: readonly number[]): string | null {
  if (coUnitIds.includes(lead.id)) return `主办单位「${lead.name}」不能同时是协办单位 (the lead unit cannot also be a co-unit): ${lead.id}`;
  const repeated = [...new Set(coUnitIds.filter((id, i) => coUnitIds.indexOf(id) !== i))];
  if (repeated.length) return `协办单位重复 (a co-unit is named more than once): ${repeated.join(', ')}`;
  return null;
}

export function checkDeadline(deadline: string, today: string, current?: string): string | null {
  if (deadline < today) return `完成时限 ${deadline} 已过 (the deadline is in the past).`;
  if (current !== undefined && deadline <= current) return `延期后的时限须晚于现时限 ${current} (the new deadline must be later than ${current}).`;
  return null;
}
