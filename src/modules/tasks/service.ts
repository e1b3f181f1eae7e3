import { appendAuditWith, changedFields, type AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { WorkCalendar } from '../../platform/calendar/calendar.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import { transact, type Db, type Executor } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, forbidden, notFound, PLATFORM_ERRORS, type ErrorDef } from '../../platform/errors.ts';
import { TASK_ERRORS } from './errors.ts';
import { taskFactRecords, taskFacts as readTaskFacts, type FactsRange, type TaskFactFilter, type TaskFactRecord, type TaskFactsRow } from './facts-store.ts';
import type { NewNotification, NotifyService } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import type { Policy } from '../../platform/policy.ts';
import type { Updateable } from 'kysely';
import { transitionOf, type TaskEvents, type TaskRow, type TaskSubscriber, type TaskTransitionKind } from './events.ts';
import { canAssignTo, canOversee, canSeeTask, seesFromRow, taskActorFacts, taskFacts, taskFactsWithParts, type CoPartPlace } from './policy.ts';
import {
  allowedActions,
  checkDeadline,
  checkMilestoneDue,
  checkCoUnits,
  checkEdit,
  decide,
  pickCoPart,
  isUrgentRung,
  ladderState,
  lightOf,
  nextReportDue,
  replyDueOf,
  scheduleFor,
  urgingNotice,
  urgingOverdue,
  type EscalationLevel,
  type LightResult,
  type Refusal,
  type SourceKind,
  type TaskAction,
  type TaskEdit,
  type TaskLevel,
  type TaskStatus,
} from './rules.ts';
import type { Completion, Summary, TaskEscalation, TaskTable } from './schema.ts';
import type { TaskStore } from './store.ts';
import { buildNotice, noticeFileName, type NoticeData, type NoticeKind } from './notice.ts';

export type { TaskRow } from './events.ts';

/** A milestone of a task's plan: what, by when, and who owns it. */
export interface Milestone {
  title: string;
  due: string;
  ownerId?: number | undefined;
}

/** Where a task came from: a kind, the id of the record in its module, and free text (文号, 会议名称). */
export interface TaskSource {
  kind: SourceKind;
  id?: number | undefined;
  ref?: string | undefined;
}

export interface TaskCreateInput {
  title: string;
  description?: string | undefined;
  level: TaskLevel;
  leadUnitId: number;
  coUnitIds?: number[] | undefined;
  responsibleId?: number | undefined;
  leaderId?: number | undefined;
  deadline: string | { workdays: number };
  source?: TaskSource | undefined;
  standard?: string | undefined;
  assessment?: string | undefined;
  milestones?: Milestone[] | undefined;
}

/** A ledger row's history (台账导入): the state the task had before Mashang, from the file. */
export interface ImportedHistory {
  line: number;
  /**
   * An admin's migration of a ledger kept before Mashang: the file's state, dates and progress are
   * taken as history. Otherwise a row is new work, checked exactly as the create route checks it.
   */
  migration: boolean;
  status: TaskStatus;
  percent: number;
  text: string | null;
  doneAt: Date | null;
}

/** What another module reads of a task it follows: the row, its light and the rungs reached. */
export interface TaskState {
  task: TaskRow;
  light: LightResult;
  escalations: TaskEscalation[];
}

/**
 * How a source module limits the extensions of the tasks that came from it (citizen requests
 * have their own keys, not tasks.maxExtensions): how many, and whether one new deadline is
 * allowed (a refusal message, answered with 409 EXTENSION_LIMIT, or null).
 */
export interface ExtensionRule {
  maxExtensions(policy: Policy): number;
  check(task: TaskRow, newDeadline: string, policy: Policy, cal: WorkCalendar): string | null;
}

/**
 * How a source module answers for its records (`source: { kind, id }` on a new task): null when
 * record `id` exists and the actor may name it as the task's source, else the refusal (a sentence,
 * Chinese first), answered with 400 on `source.id`. Runs in the creating transaction, so a module
 * creating tasks from a record it has just written finds it.
 */
export type SourceCheck = (db: Executor, actor: Actor, id: number) => Promise<string | null>;

/** The catalogue's entry for each refusal the rules can give. */
const REFUSALS = {
  FORBIDDEN: PLATFORM_ERRORS.FORBIDDEN,
  INVALID_TRANSITION: PLATFORM_ERRORS.INVALID_TRANSITION,
  EXTENSION_LIMIT: TASK_ERRORS.EXTENSION_LIMIT,
  EXTENSION_PENDING: TASK_ERRORS.EXTENSION_PENDING,
  NOTHING_TO_ANSWER: TASK_ERRORS.NOTHING_TO_ANSWER,
  TASK_CO_PART_SIGNED: TASK_ERRORS.TASK_CO_PART_SIGNED,
  TASK_CO_PART_NOT_SIGNED: TASK_ERRORS.TASK_CO_PART_NOT_SIGNED,
  TASK_EDIT_NEEDS_FLOW: TASK_ERRORS.TASK_EDIT_NEEDS_FLOW,
} satisfies Record<Refusal['code'], ErrorDef>;

const DONE_OR_LATER: Record<TaskStatus, number> = { assigned: 0, returned: 0, withdrawn: 0, signed: 1, in_progress: 1, submitted: 2, verified: 3, closed: 4 };

/**
 * The supervision engine's lifecycle (交办 → 签收 → 交办到人 → 进展 → 申请办结 → 审核 → 销号, with
 * 退回 and 延期): one transaction per action, with its timeline event, audit entry, notifications
 * and the transition delivered to the task's source module.
 *
 * Every action may run inside the caller's transaction (the last argument): a meeting concluded
 * into five tasks commits all six changes or none. Then the caller kicks the notifier after its
 * commit (`notify.kick()`); otherwise the service does.
 */
export class TaskService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    private readonly org: OrgService,
    private readonly store: TaskStore,
    /** The module's subscribers, shared with the escalation scan (it delivers `escalated`). */
    private readonly events: TaskEvents,
  ) {}

  private readonly extensionRules = new Map<SourceKind, ExtensionRule>();

  /** Lets a module set the extension limits of the tasks that came from it (`source.kind`). */
  setExtensionRule(source: SourceKind, rule: ExtensionRule): void {
    this.extensionRules.set(source, rule);
  }

  private readonly sourceChecks = new Map<SourceKind, SourceCheck>();

  /**
   * Lets a module vouch for the records tasks may name as their source (`source.kind`): a task
   * citing meeting 2147483600, which does not exist, would run its whole life pointing nowhere,
   * and the module would never hear of it. Kinds with no module (上级部署, 领导批示, 其他) keep
   * whatever id they are given: it names a paper record outside Mashang.
   */
  setSourceCheck(source: SourceKind, check: SourceCheck): void {
    this.sourceChecks.set(source, check);
  }

  private maxExtensions(t: TaskRow, policy: Policy): number {
    return this.extensionRules.get(t.sourceKind)?.maxExtensions(policy) ?? policy.tasks.maxExtensions;
  }

  /**
   * Lets a module follow the tasks that came from it (`source.kind`): the handler runs inside
   * each transition's transaction (all kinds, or those named) and may return notifications to
   * queue with it. Returns the unsubscribe function.
   */
  subscribe(source: SourceKind, handler: TaskSubscriber, kinds?: readonly TaskTransitionKind[]): () => void {
    return this.events.subscribe(source, handler, kinds);
  }

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /** May the actor see this task? (policy.canSeeTask, with the co-units and milestones it needs.) */
  private async canSee(actor: Actor, t: TaskRow, db: Executor): Promise<boolean> {
    if (seesFromRow(actor, t)) return true;
    const coUnitPaths = (await this.org.unitsByIds(t.coUnitIds, db)).map((u) => u.path);
    const ownsMilestone = await this.store.ownsMilestone(db, t.id, actor.personId);
    return canSeeTask(actor, t, { coUnitPaths, ownsMilestone });
  }

  /** 403 unless the actor may see the task (canSee). */
  private async mustSee(actor: Actor, t: TaskRow, db: Executor): Promise<void> {
    if (!(await this.canSee(actor, t, db))) throw forbidden('该事项不在您的可见范围内 (this task is outside what you may see).');
  }

  /** A task the actor may see: 404 when missing, 403 when not theirs to see. */
  async get(actor: Actor, id: number, db: Executor = this.db): Promise<TaskRow> {
    const t = await this.store.byId(db, id);
    if (!t) throw notFound(TASK_ERRORS.TASK_NOT_FOUND, id);
    await this.mustSee(actor, t, db);
    return t;
  }

  /** Everything the detail page shows: light, timeline, milestones, extensions, allowed actions, names. */
  async detail(actor: Actor, id: number, db: Executor = this.db) {
    const d = await this.store.detailById(db, id);
    if (!d) throw notFound(TASK_ERRORS.TASK_NOT_FOUND, id);
    await this.mustSee(actor, d.task, db);
    return this.detailOf(actor, d, db);
  }

  /** A page as stored, with what the viewer may do and the light today. */
  private async detailOf(actor: Actor, d: StoredPage, db: Executor = this.db) {
    const t = d.task;
    const policy = await this.policy.forUnitPath(t.leadUnitPath, db);
    const cal = await this.calendar.get(db);
    const today = this.today();
    const coParts = d.coParts;
    const headed = taskActorFacts(actor, t, coParts).coUnitsHeaded ?? [];
    return {
      ...d,
      coParts: coParts.map((p) => ({ ...p, mine: headed.includes(p.unitId) })),
      urgings: d.urgings.map((u) => ({ ...u, overdue: urgingOverdue(u, today) })),
      light: lightOf(taskFacts(t), today, cal, policy),
      allowedActions: allowedActions(taskFactsWithParts(t, coParts), taskActorFacts(actor, t, coParts), policy, this.maxExtensions(t, policy)),
    };
  }

  /** A task row's light today (a write's answer: the row is in hand, nothing is read again but the cached policy and calendar). */
  async lightNow(t: TaskRow): Promise<LightResult> {
    const policy = await this.policy.forUnitPath(t.leadUnitPath);
    return lightOf(taskFacts(t), this.today(), await this.calendar.get(), policy);
  }

  /**
   * A task as the module it came from follows it: the row, its light today and the escalation
   * rungs reached. No visibility check: the caller's module decides who sees its own records.
   */
  async state(id: number, db: Executor = this.db): Promise<TaskState | undefined> {
    const t = await this.store.byId(db, id);
    if (!t) return undefined;
    const policy = await this.policy.forUnitPath(t.leadUnitPath, db);
    const cal = await this.calendar.get(db);
    return { task: t, light: lightOf(taskFacts(t), this.today(), cal, policy), escalations: await this.store.escalations(db, [t.id]) };
  }

  /**
   * Many tasks as `state` gives them, in one read (a module's statistics over its records'
   * tasks); ids that do not exist are left out. No visibility check, as for `state`.
   */
  /**
   * 比学赶超's task facts: per lead unit and per responsible person, the tasks active in the span
   * [from, to) up to `asOf` — due and on time, signed on time, urgings answered on time, progress
   * reports late, overdue task-days, extensions, escalations by level. One grouped query.
   */
  unitFacts(range: FactsRange, db: Executor = this.db): Promise<TaskFactsRow[]> {
    return readTaskFacts(db, range);
  }

  /** The tasks of one unit (lead) or person (responsible) behind one of those facts: a page by id. */
  unitFactTasks(
    range: FactsRange,
    subject: { unitId: number } | { personId: number },
    filter: TaskFactFilter,
    page: { limit: number; afterId?: number | undefined },
    db: Executor = this.db,
  ): Promise<TaskFactRecord[]> {
    return taskFactRecords(db, range, subject, filter, page);
  }

  async states(ids: readonly number[], db: Executor = this.db): Promise<TaskState[]> {
    const rows = await this.store.byIds(db, [...new Set(ids)]);
    return this.withLights(rows, db);
  }

  private async withLights(rows: TaskRow[], db: Executor): Promise<TaskState[]> {
    if (rows.length === 0) return [];
    const cal = await this.calendar.get(db);
    const rungs = await this.store.escalations(db, rows.map((t) => t.id));
    const today = this.today();
    const out: TaskState[] = [];
    for (const t of rows) {
      const policy = await this.policy.forUnitPath(t.leadUnitPath, db);
      out.push({ task: t, light: lightOf(taskFacts(t), today, cal, policy), escalations: rungs.filter((e) => e.taskId === t.id) });
    }
    return out;
  }

  /** Every task that came from one record of a module (`source: { kind, id }`), oldest first, as `state` gives them. */
  async bySource(kind: SourceKind, sourceId: number, db: Executor = this.db): Promise<TaskState[]> {
    return this.withLights(await this.store.bySource(db, kind, sourceId), db);
  }

  /**
   * The escalation rungs of `levels` fired at or after `since` (or after the keyset `after`),
   * oldest first, with their task's title, deadline and lead unit: how another module follows the
   * upper rungs of every source without the scan loading full rows for it. No visibility check.
   */
  rungsSince(levels: readonly EscalationLevel[], from: { since: Date | null; after?: readonly [Date, number, string] | undefined }, limit: number, db: Executor = this.db) {
    return this.store.rungsSince(db, levels, from, limit);
  }

  /**
   * 一段时间一总结: the tasks a person was responsible for and that were closed (销号) in [from, to)
   * (dates, Asia/Shanghai), with their close-out summaries, oldest first. No visibility check:
   * the caller asks for the person themselves.
   */
  closedFor(personId: number, from: string, to: string, limit = 500, db: Executor = this.db) {
    return this.store.closedFor(db, personId, from, to, limit);
  }

  /**
   * 交办 as the API answers it: the new task's page, as `detail` gives it. A plain task's page is
   * built from what the create wrote (nothing else can have changed it yet, its creator sees
   * it); any other is read back after the commit.
   */
  async createdPage(ctx: AuditContext, actor: Actor, input: TaskCreateInput) {
    const { row, page } = await this.created(ctx, actor, input);
    return page ? this.detailOf(actor, page) : this.detail(actor, row.id);
  }

  /** 交办: creates a task for a lead unit within the assigner's scope (in the caller's transaction when given one). */
  async create(ctx: AuditContext, actor: Actor, input: TaskCreateInput, trx?: Executor): Promise<TaskRow> {
    return (await this.created(ctx, actor, input, trx)).row;
  }

  private async created(ctx: AuditContext, actor: Actor, input: TaskCreateInput, trx?: Executor) {
    const created = await transact(trx ?? this.db, (tx) => this.insert(ctx, actor, input, tx, null));
    if (!trx) this.notify.kick();
    return created;
  }

  /**
   * 台账导入: one ledger row through the same path as `create` (the same checks, the `assigned`
   * event, the notices to the lead unit's heads, the transition to the source's module), then the
   * state the file gives it, marked `imported` on the timeline. Runs in the import's transaction.
   */
  async importRow(ctx: AuditContext, actor: Actor, input: TaskCreateInput, history: ImportedHistory, trx: Executor): Promise<TaskRow> {
    return (await this.insert(ctx, actor, input, trx, history)).row;
  }

  /** The new task's row, and for a plain one (see below) its page as `detailById` would read it. */
  private async insert(ctx: AuditContext, actor: Actor, input: TaskCreateInput, trx: Executor, history: ImportedHistory | null): Promise<{ row: TaskRow; page: StoredPage | null }> {
    const today = shanghaiDate(ctx.now);
    const cal = await this.calendar.get(trx);
    const lead = await this.org.unitWithHeads(input.leadUnitId, trx);
    if (!lead?.active) throw badRequest(`主办单位 ${input.leadUnitId} 不存在或已撤销 (lead unit not found).`, { field: 'leadUnitId' });
    if (!canAssignTo(actor, lead.path)) throw forbidden('只能向您管辖范围内的单位交办 (you may assign only to units in your scope).');
    const coUnitIds = input.coUnitIds ?? [];
    const coRefusal = checkCoUnits(lead, coUnitIds);
    if (coRefusal) throw badRequest(coRefusal, { field: 'coUnitIds' });
    if (coUnitIds.length) {
      const found = (await this.org.unitsByIds(coUnitIds, trx)).filter((u) => u.active);
      const missing = coUnitIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) throw badRequest(`协办单位不存在 (co-units not found): ${missing.join(', ')}`, { field: 'coUnitIds' });
      const outside = found.filter((u) => !canAssignTo(actor, u.path));
      if (outside.length) throw forbidden(`协办单位须在您的管辖范围内 (co-units must be in your scope): ${outside.map((u) => u.name).join('、')}`, { field: 'coUnitIds' });
    }
    if (input.responsibleId && !(await this.org.personInSubtree(input.responsibleId, lead.path, trx))) {
      throw badRequest('责任人须是主办单位的在职人员 (the responsible person must work in the lead unit).', { field: 'responsibleId' });
    }
    if (input.leaderId) {
      const [leader] = await this.org.peopleWithScope([input.leaderId], trx);
      if (!leader?.active || !leader.roles.includes('leader')) throw badRequest('分管领导须是在职的领导 (the overseeing leader must be an active leader).', { field: 'leaderId' });
      if (!canOversee(leader, lead.path)) throw forbidden('分管领导须分管主办单位所在区域 (the overseeing leader must lead the region of the lead unit).', { field: 'leaderId' });
    }
    const check = input.source?.id !== undefined ? this.sourceChecks.get(input.source.kind) : undefined;
    if (check) {
      const refused = await check(trx, actor, input.source!.id!);
      if (refused) throw badRequest(refused, { field: 'source.id' });
    }
    const policy = await this.policy.forUnitPath(lead.path, trx);
    const due = typeof input.deadline === 'string' ? { date: input.deadline, estimated: cal.day(input.deadline).estimated } : cal.addWorkdays(today, input.deadline.workdays);
    // A ledger brought in from before Mashang may hold work already late: its deadline stands.
    const bad = history?.migration ? null : checkDeadline(due.date, today);
    if (bad) throw badRequest(bad, { field: 'deadline' });
    await this.checkMilestones(input.milestones ?? [], due.date, history?.migration ? null : today, lead.path, trx);
    const schedule = scheduleFor(input.level, today, due.date, cal, policy);
    const now = ctx.now;
    if (history && !history.migration && (history.status !== 'assigned' || history.doneAt)) throw badRequest('导入新事项只能是「已交办」状态；已在办理或已办结的事项须由管理员以迁移模式导入 (only an admin migration imports work already under way or done).', { field: 'status' });
    const stage = history ? DONE_OR_LATER[history.status] : 0;
    const doneAt = history?.doneAt ?? now;
    const assigned = { kind: 'assigned', actorId: actor.personId, at: now, data: { leadUnitId: lead.id, deadline: due.date, estimated: due.estimated } };
    const { eventId, ...task } = await this.store.insertWithEvent(trx, {
      title: input.title,
      description: input.description ?? null,
      sourceKind: input.source?.kind ?? 'other',
      sourceId: input.source?.id ?? null,
      sourceRef: input.source?.ref ?? null,
      level: input.level,
      status: history?.status ?? 'assigned',
      assignerId: actor.personId,
      leadUnitId: lead.id,
      coUnitIds,
      responsibleId: input.responsibleId ?? null,
      leaderId: input.leaderId ?? null,
      standard: input.standard ?? null,
      assessment: input.assessment ?? null,
      deadline: due.date,
      deadlineEstimated: due.estimated,
      originalDeadline: due.date,
      assignedAt: now,
      signDue: schedule.signDue,
      planDue: schedule.planDue,
      nextReportDue: schedule.nextReportDue,
      // Milestones given with the task are its plan (倒排工期): none is done yet.
      ...(input.milestones?.length ? { planAt: now, nextMilestoneDue: input.milestones.map((m) => m.due).sort()[0]! } : {}),
      ...(history
        ? {
            progressPercent: history.percent,
            signedAt: stage >= 1 ? now : null,
            submittedAt: stage >= 2 ? now : null,
            submittedOn: stage >= 2 ? today : null,
            verifiedAt: stage >= 3 ? doneAt : null,
            closedAt: stage >= 4 ? doneAt : null,
          }
        : {}),
      createdAt: now,
      updatedAt: now,
    }, assigned);
    if (input.milestones?.length) await this.store.addMilestones(trx, task.id, input.milestones, now);
    await this.store.addCoParts(trx, task.id, coUnitIds);
    if (history) {
      await this.store.addEvent(trx, { taskId: task.id, kind: 'imported', actorId: actor.personId, at: now, data: { row: history.line, status: history.status, percent: history.percent, text: history.text } });
    }
    const row: TaskRow = { ...task, leadUnitPath: lead.path };
    // A plain new task's page is what was just written (no co-units, milestones, names to look
    // up, imported history or source module that may add to it): the route answers from it
    // without reading the page back (issue #21: one statement less per create).
    const plain = !history && !coUnitIds.length && !input.milestones?.length && !input.responsibleId && !input.leaderId && !this.events.hasSubscribers(row.sourceKind, 'assigned');
    const page: StoredPage | null = plain
      ? {
          task: row,
          names: { leadUnitName: lead.name, responsibleName: null, leaderName: null } as unknown as StoredPage['names'] /* the page's left-joined names are null here, as they are read */,
          events: [{ id: eventId, kind: assigned.kind, at: now, data: JSON.parse(JSON.stringify(assigned.data)) as Record<string, unknown>, actorId: actor.personId, actorName: actor.name }],
          coParts: [], milestones: [], extensions: [], escalations: [], urgings: [], attachments: [],
        }
      : null;
    // Work already done before Mashang has nothing to sign for: its heads are not asked to.
    const open = stage < 3;
    const notes: NewNotification[] = open
      ? [
          ...lead.heads.map((h) => ({
            recipientId: h.id,
            kind: 'tasks.assigned',
            title: `新交办事项：${task.title}`,
            body: `${lead.name}：请于 ${schedule.signDue} 前签收，完成时限 ${due.date}${due.estimated ? '（该年度节假日安排未导入，时限为估算）' : ''}。`,
            objectType: 'task',
            objectId: task.id,
          })),
          ...(input.responsibleId ? [{ recipientId: input.responsibleId, kind: 'tasks.dispatched', title: `您是责任人：${task.title}`, body: `完成时限 ${due.date}。`, objectType: 'task', objectId: task.id }] : []),
          ...(await this.coUnitNotices(trx, task, coUnitIds, lead.name, due.date)),
          // The overseeing leader (分管领导) hears of the work they oversee, unless they assigned it.
          ...(input.leaderId && input.leaderId !== actor.personId
            ? [{ recipientId: input.leaderId, kind: 'tasks.overseeing', title: `您分管的事项：${task.title}`, body: `主办单位 ${lead.name}，完成时限 ${due.date}。`, objectType: 'task', objectId: task.id }]
            : []),
        ]
      : [];
    notes.push(...(await this.events.emit(trx, { kind: 'assigned', task: row, actorId: actor.personId, at: now, data: assigned.data })));
    // The inbox entries ride on the audit entry's statement (one round trip less).
    const inbox = await this.notify.queueWith(trx, notes);
    // Last: the audit head's lock is held from here to the commit.
    // The new task's fields, without the empty ones (absent is null: ≈ 17 of them on a new task).
    const given = Object.fromEntries(Object.entries(task).filter(([, v]) => v !== null));
    await appendAuditWith(trx, ctx, inbox, { action: history ? 'task.import' : 'task.create', objectType: 'task', objectId: task.id, after: given });
    return { row, page };
  }

  /** 协办: each co-unit's heads are asked to sign for their part. */
  private async coUnitNotices(trx: Executor, task: { id: number; title: string }, coUnitIds: readonly number[], leadName: string, deadline: string): Promise<NewNotification[]> {
    const out: NewNotification[] = [];
    for (const unitId of coUnitIds) {
      for (const h of await this.org.unitPeopleWithRole(unitId, 'unit_head', trx)) {
        out.push({ recipientId: h.id, kind: 'tasks.co_assigned', title: `协办事项：${task.title}`, body: `主办单位 ${leadName}，贵单位协办：请签收协办部分并报送协办进展，完成时限 ${deadline}。`, objectType: 'task', objectId: task.id });
      }
    }
    return out;
  }

  /** A plan's milestones (倒排工期), given with the task or later: due by the task's deadline, owned by people of the lead unit. */
  private async checkMilestones(milestones: readonly Milestone[], deadline: string, today: string | null, leadUnitPath: string, trx: Executor): Promise<void> {
    for (const m of milestones) {
      const bad = checkMilestoneDue(m, deadline, today);
      if (bad) throw badRequest(bad, { field: 'milestones' });
      if (m.ownerId && !(await this.org.personInSubtree(m.ownerId, leadUnitPath, trx))) {
        throw badRequest(`节点「${m.title}」的负责人须是主办单位人员 (milestone owners work in the lead unit).`, { field: 'milestones' });
      }
    }
  }

  /**
   * Runs one lifecycle action: lock the task, check the version, let the rules decide, apply,
   * record the event, tell the source's module, queue notifications and append the audit entry
   * — one transaction (the caller's, when given).
   */
  private async act(
    ctx: AuditContext,
    actor: Actor,
    id: number,
    version: number,
    action: TaskAction,
    apply: (
      trx: Executor,
      t: TaskRow,
      policy: Policy,
      cal: WorkCalendar,
      parts: CoPart[],
    ) => Promise<{ set: Updateable<TaskTable>; event: Record<string, unknown>; notify?: NewNotification[]; also?: { kind: TaskTransitionKind; data: Record<string, unknown> }[] }>,
    attachmentIds: number[] = [],
    trx?: Executor,
  ): Promise<TaskRow> {
    // Read before the transaction when opening one: the embedded database has one connection,
    // which the transaction holds, so nothing inside it may query outside it.
    const cal = await this.calendar.get(trx);
    const row = await transact(trx ?? this.db, async (trx) => {
      const locked = await this.store.forAction(trx, id);
      if (!locked) throw notFound(TASK_ERRORS.TASK_NOT_FOUND, id);
      const { task: t, parts } = locked;
      await this.mustSee(actor, t, trx);
      const policy = await this.policy.forUnitPath(t.leadUnitPath, trx);
      const decision = decide(action, taskFactsWithParts(t, parts), taskActorFacts(actor, t, parts), policy, this.maxExtensions(t, policy));
      if (!decision.ok) throw new AppError(REFUSALS[decision.refusal.code], decision.refusal.message);
      if (t.version !== version) {
        throw conflict(PLATFORM_ERRORS.STALE_VERSION, `事项已被他人修改（当前版本 ${t.version}），请刷新后再试 (the task changed; reload it).`, { currentVersion: t.version });
      }
      const { set, event, notify, also } = await apply(trx, t, policy, cal, parts);
      const data = attachmentIds.length ? { ...event, attachmentIds } : event;
      const written = await this.store.updateWithEvent(
        trx,
        id,
        version,
        { ...set, ...(decision.to ? { status: decision.to } : {}), updatedAt: ctx.now },
        { kind: action, actorId: actor.personId, at: ctx.now, data },
      );
      if (!written) throw conflict(PLATFORM_ERRORS.STALE_VERSION, '事项已被他人修改，请刷新后再试 (the task changed; reload it).');
      const { eventId, ...updated } = written;
      if (attachmentIds.length) {
        const linked = await this.store.linkAttachments(trx, id, attachmentIds, eventId);
        if (linked !== new Set(attachmentIds).size) {
          throw badRequest('附件须先上传到本事项且未被使用 (attachments must be uploaded to this task and not used yet).', { field: 'attachmentIds' });
        }
      }
      const leadUnitPath = updated.leadUnitId === t.leadUnitId ? t.leadUnitPath : (await this.org.unitsByIds([updated.leadUnitId], trx))[0]!.path;
      const after: TaskRow = { ...updated, leadUnitPath };
      const fromSource = await this.events.emit(trx, { kind: transitionOf(action, event), task: after, actorId: actor.personId, at: ctx.now, data });
      // A rung raised by hand is heard as the scan's rungs are (`escalated`), after the action's own transition.
      for (const x of also ?? []) fromSource.push(...(await this.events.emit(trx, { kind: x.kind, task: after, actorId: actor.personId, at: ctx.now, data: x.data })));
      // The inbox entries ride on the audit entry's statement (one round trip less).
      const inbox = await this.notify.queueWith(trx, [...(notify ?? []), ...fromSource]);
      // Last: the audit head's lock is held from here to the commit.
      // What changed (the fields set, the new status and version) and the timeline event's id (its
      // row holds what was reported), not the whole task twice nor the event again (issue #21).
      // lastReportAt is left out: it becomes the entry's own time, and was the previous report's.
      const { lastReportAt: _reportedAt, ...audited } = set;
      const changed = changedFields(t, { ...audited, status: updated.status, version: updated.version });
      await appendAuditWith(trx, ctx, inbox, { action: `task.${action}`, objectType: 'task', objectId: id, before: changed.before, after: { ...changed.after, eventId } });
      return after;
    });
    if (!trx) this.notify.kick();
    return row;
  }

  private note(t: TaskRow, recipientId: number | null, kind: string, title: string, body: string): NewNotification[] {
    return recipientId ? [{ recipientId, kind, title: `${title}：${t.title}`, body, objectType: 'task', objectId: t.id }] : [];
  }

  /** 签收. */
  sign(ctx: AuditContext, actor: Actor, id: number, version: number, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'sign', async (_trx, t) => ({
      set: { signedAt: ctx.now },
      event: {},
      notify: this.note(t, t.assignerId, 'tasks.signed', '已签收', `${actor.name} 已签收。`),
    }), [], trx);
  }

  /** 交办到人: the unit head names the responsible person (in the lead unit or below). */
  dispatch(ctx: AuditContext, actor: Actor, id: number, version: number, responsibleId: number, note?: string, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'dispatch', async (trx, t) => {
      const person = await this.org.personInSubtree(responsibleId, t.leadUnitPath, trx);
      if (!person) throw badRequest('责任人须是主办单位的在职人员 (the responsible person must work in the lead unit).', { field: 'responsibleId' });
      return {
        set: { responsibleId },
        event: { responsibleId, responsibleName: person.name, note: note ?? null },
        notify: this.note(t, responsibleId, 'tasks.dispatched', '您是责任人', `${actor.name} 交办给您，完成时限 ${t.deadline}。${note ?? ''}`),
      };
    }, [], trx);
  }

  /** 报送进展: an immutable progress report; the next report falls due by the level's cadence. */
  progress(ctx: AuditContext, actor: Actor, id: number, version: number, report: { percent: number; text: string; milestoneIds?: number[] | undefined; attachmentIds?: number[] | undefined }, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'progress', async (trx, t, policy) => {
      const done: { id: number; title: string }[] = [];
      for (const mid of report.milestoneIds ?? []) {
        const m = await this.store.completeMilestone(trx, id, mid, ctx.now);
        if (!m) throw badRequest(`节点 ${mid} 不属于该事项或已完成 (milestone not found or already done).`, { field: 'milestoneIds' });
        done.push(m);
      }
      return {
        set: {
          progressPercent: report.percent,
          lastReportAt: ctx.now,
          nextReportDue: nextReportDue(t.level, this.today(), t.deadline, policy),
          // Only a report that completes milestones moves the next one.
          ...(done.length ? { nextMilestoneDue: await this.store.nextMilestoneDue(trx, id) } : {}),
        },
        event: { percent: report.percent, text: report.text, milestonesDone: done },
        notify: this.note(t, t.assignerId, 'tasks.progress', '进展报送', `${actor.name}：${report.percent}%。${report.text.slice(0, 200)}`),
      };
    }, report.attachmentIds, trx);
  }

  /** 实施方案 / 倒排工期: milestones with owners and dates. */
  plan(ctx: AuditContext, actor: Actor, id: number, version: number, milestones: Milestone[], trx?: Executor) {
    return this.act(ctx, actor, id, version, 'plan', async (trx, t) => {
      await this.checkMilestones(milestones, t.deadline, this.today(), t.leadUnitPath, trx);
      await this.store.addMilestones(trx, id, milestones, ctx.now);
      return {
        set: { planAt: t.planAt ?? ctx.now, nextMilestoneDue: await this.store.nextMilestoneDue(trx, id) },
        event: { milestones },
        notify: milestones.flatMap((m) => this.note(t, m.ownerId ?? null, 'tasks.milestone_assigned', '工作节点', `「${m.title}」由您负责，时限 ${m.due}。`)),
      };
    }, [], trx);
  }

  /** 申请办结: the completion report and the close-out summary, with evidence. */
  submit(ctx: AuditContext, actor: Actor, id: number, version: number, completion: Completion, summary: Summary, attachmentIds: number[] = [], trx?: Executor) {
    return this.act(ctx, actor, id, version, 'submit', async (_trx, t) => ({
      set: { submittedAt: ctx.now, submittedOn: this.today(), completion: JSON.stringify(completion), summary: JSON.stringify(summary), progressPercent: 100 },
      event: { completion, summary },
      notify: [
        ...this.note(t, t.assignerId, 'tasks.submitted', '申请办结，请审核', `${actor.name}：${completion.text.slice(0, 200)}`),
        ...(t.leaderId !== t.assignerId ? this.note(t, t.leaderId, 'tasks.submitted', '申请办结', completion.text.slice(0, 200)) : []),
      ],
    }), attachmentIds, trx);
  }

  /** 审核办结: verified, and the source hears at once (马上就反馈). */
  verify(ctx: AuditContext, actor: Actor, id: number, version: number, note?: string, trx?: Executor) {
    // The source's module hears through the `verified` transition (its notices go out with these).
    return this.act(ctx, actor, id, version, 'verify', async (_trx, t) => {
      const summaryText = t.summary ? `做了什么：${t.summary.done}；结果：${t.summary.result}；体会：${t.summary.lessons}` : (t.completion?.text ?? '');
      const recipients = [...new Set([t.leaderId, t.assignerId].filter((x): x is number => x !== null && x !== actor.personId))];
      const defaults = recipients.flatMap((r) => this.note(t, r, 'tasks.feedback', '办结反馈', summaryText));
      const toUnit = [...new Set([t.responsibleId].filter((x): x is number => x !== null))].flatMap((r) => this.note(t, r, 'tasks.verified', '已审核办结', note ?? '事项已办结，请做好销号小结。'));
      const notifications = [...defaults, ...toUnit];
      return {
        set: { verifiedAt: ctx.now },
        event: { note: note ?? null, feedbackTo: [...new Set(notifications.filter((n) => n.kind !== 'tasks.verified').map((n) => n.recipientId))], summary: t.summary },
        notify: notifications,
      };
    }, [], trx);
  }

  /** 驳回: the completion is not accepted; back to work, with the reason. */
  reject(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'reject', async (_trx, t) => ({
      set: { submittedAt: null, submittedOn: null },
      event: { reason },
      notify: [...this.note(t, t.responsibleId, 'tasks.rejected', '办结申请被驳回', reason)],
    }), [], trx);
  }

  /** 销号: closed with the close-out summary (given now, or the one submitted). */
  close(ctx: AuditContext, actor: Actor, id: number, version: number, summary?: Summary, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'close', async (_trx, t) => {
      const final = summary ?? t.summary;
      if (!final) throw badRequest('销号需要小结：做了什么、结果如何、有何体会 (closing needs a summary: done, result, lessons).', { field: 'summary' });
      return {
        set: { closedAt: ctx.now, summary: JSON.stringify(final) },
        event: { summary: final },
        notify: [...this.note(t, t.responsibleId, 'tasks.closed', '已销号', final.result.slice(0, 200))],
      };
    }, [], trx);
  }

  /** 退回: the lead unit hands the task back to the assigner, with the reason. */
  returnTask(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'return', async (_trx, t) => ({
      set: {},
      event: { reason },
      notify: this.note(t, t.assignerId, 'tasks.returned', '事项被退回', `${actor.name}：${reason}`),
    }), [], trx);
  }

  /** 重新交办: after a return, to another (or the same) lead unit, with a fresh sign-for clock. */
  reassign(ctx: AuditContext, actor: Actor, id: number, version: number, input: { leadUnitId: number; responsibleId?: number | undefined; deadline?: string | undefined; note?: string | undefined }, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'reassign', async (trx, t, policy, cal, parts) => {
      const lead = await this.org.unitWithHeads(input.leadUnitId, trx);
      if (!lead?.active) throw badRequest(`主办单位 ${input.leadUnitId} 不存在 (lead unit not found).`, { field: 'leadUnitId' });
      if (!canAssignTo(actor, lead.path)) throw forbidden('只能向您管辖范围内的单位交办 (you may assign only to units in your scope).');
      // As in 修改事项: a co-unit's part stays its own; the new lead is another unit.
      if (parts.some((p) => p.unitId === lead.id)) throw badRequest(`${lead.name} 是本事项的协办单位，不能同时主办 (a co-unit cannot also lead).`, { field: 'leadUnitId' });
      if (input.responsibleId && !(await this.org.personInSubtree(input.responsibleId, lead.path, trx))) {
        throw badRequest('责任人须是主办单位的在职人员 (the responsible person must work in the lead unit).', { field: 'responsibleId' });
      }
      const today = this.today();
      if (input.deadline) {
        const bad = checkDeadline(input.deadline, today);
        if (bad) throw badRequest(bad, { field: 'deadline' });
      }
      const schedule = scheduleFor(t.level, today, input.deadline ?? t.deadline, cal, policy);
      const heads = lead.heads;
      return {
        set: { leadUnitId: lead.id, responsibleId: input.responsibleId ?? null, signDue: schedule.signDue, signedAt: null, nextEscalationOn: null, ...(input.deadline ? { deadline: input.deadline } : {}) },
        event: { leadUnitId: lead.id, leadUnitName: lead.name, note: input.note ?? null },
        notify: heads.flatMap((h) => this.note(t, h.id, 'tasks.assigned', '重新交办', `请于 ${schedule.signDue} 前签收，完成时限 ${input.deadline ?? t.deadline}。`)),
      };
    }, [], trx);
  }

  /** 延期申请: a reason and a later deadline; decided by the assigner. */
  async requestExtension(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string, newDeadline: string, trx?: Executor) {
    let extensionId = 0;
    const task = await this.act(ctx, actor, id, version, 'request_extension', async (trx, t, policy, cal) => {
      const bad = checkDeadline(newDeadline, this.today(), t.deadline);
      if (bad) throw badRequest(bad, { field: 'newDeadline' });
      const limited = this.extensionRules.get(t.sourceKind)?.check(t, newDeadline, policy, cal);
      if (limited) throw new AppError(TASK_ERRORS.EXTENSION_LIMIT, limited, { field: 'newDeadline' });
      const e = await this.store.addExtension(trx, { taskId: id, requestedBy: actor.personId, reason, currentDeadline: t.deadline, newDeadline, now: ctx.now });
      extensionId = e.id;
      return {
        set: { pendingExtension: true },
        event: { extensionId: e.id, reason, newDeadline, currentDeadline: t.deadline },
        notify: this.note(t, t.assignerId, 'tasks.extension_requested', '延期申请，请审批', `${actor.name} 申请延期至 ${newDeadline}：${reason}`),
      };
    }, [], trx);
    return { task, extensionId };
  }

  /** Approves or rejects a pending extension; approval moves the deadline and counts in scores. */
  decideExtension(ctx: AuditContext, actor: Actor, id: number, extensionId: number, version: number, approve: boolean, note?: string, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'decide_extension', async (trx, t, _policy, cal) => {
      const e = await this.store.extensionForUpdate(trx, id, extensionId);
      if (!e) throw notFound(TASK_ERRORS.EXTENSION_NOT_FOUND, extensionId);
      if (e.status !== 'pending') throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, `该延期申请已${e.status === 'approved' ? '批准' : '驳回'} (already decided).`);
      await this.store.decideExtension(trx, extensionId, { status: approve ? 'approved' : 'rejected', decidedBy: actor.personId, note: note ?? null, now: ctx.now });
      return {
        set: approve
          ? { pendingExtension: false, deadline: e.newDeadline, deadlineEstimated: cal.day(e.newDeadline).estimated, extensionsUsed: t.extensionsUsed + 1, nextEscalationOn: null }
          : { pendingExtension: false },
        event: { extensionId, approved: approve, newDeadline: e.newDeadline, note: note ?? null },
        notify: this.note(t, e.requestedBy, 'tasks.extension_decided', approve ? '延期已批准' : '延期未批准', approve ? `新的完成时限：${e.newDeadline}。${note ?? ''}` : (note ?? '')),
      };
    }, [], trx);
  }

  /**
   * 催办 / 督办 by hand: a written urging with a reply deadline, to the lead unit's heads and the
   * responsible person. Kept as an urging of its own (each on the timeline); the first of its level
   * is also the ladder's rung (task_escalation, by hand), so it counts in the statistics like the
   * scan's and the scan does not fire that level again. 督办 raises the task at once: the scan passes
   * over the lower rungs it had not had.
   */
  async urge(ctx: AuditContext, actor: Actor, id: number, version: number, input: UrgeInput, trx?: Executor) {
    let urgingId = 0;
    const task = await this.act(ctx, actor, id, version, input.level, async (trx, t, policy, cal) => {
      const today = this.today();
      const due = replyDueOf(input.replyDue, today, cal);
      if (!due.ok) throw badRequest(due.message, { field: 'replyDue' });
      if (due.date > t.deadline && today <= t.deadline) throw badRequest(`答复时限 ${due.date} 晚于事项时限 ${t.deadline} (the reply is due after the task itself).`, { field: 'replyDue' });
      const u = await this.store.addUrging(trx, { taskId: id, level: input.level, byId: actor.personId, text: input.text, replyDue: due.date, at: ctx.now });
      urgingId = u.id;
      const overdue = lightOf(taskFacts(t), today, cal, policy).overdueWorkdays;
      const had = (await this.store.escalations(trx, [id])).map((e) => e.level);
      const newRung = !had.includes(input.level) && (await this.store.addEscalations(trx, [{ taskId: id, level: input.level, overdueWorkdays: overdue, at: ctx.now, byId: actor.personId, manual: true }])).length > 0;
      const ladder = ladderState(newRung ? [...had, input.level] : had, t.escalationRung, t.deadline, cal, policy);
      const heads = (await this.org.unitPeopleWithRole(t.leadUnitId, 'unit_head', trx)).map((h) => h.id);
      const recipients = [...new Set([...heads, ...(t.responsibleId ? [t.responsibleId] : [])])].filter((r) => r !== actor.personId);
      const { title, body } = urgingNotice(input.level, t.title, input.text, due.date);
      const data = { urgingId: u.id, level: input.level, text: input.text, replyDue: due.date, rung: newRung, overdueWorkdays: overdue };
      return {
        set: { openUrgings: t.openUrgings + 1, escalationRung: ladder.rung, nextEscalationOn: ladder.nextOn },
        event: data,
        notify: recipients.map((recipientId) => ({ recipientId, kind: 'tasks.urged', title, body, objectType: 'task', objectId: id, urgent: isUrgentRung(input.level, policy) })),
        also: newRung ? [{ kind: 'escalated' as const, data: { level: input.level, overdueWorkdays: overdue, manual: true, byId: actor.personId } }] : [],
      };
    }, [], trx);
    return { task, urgingId };
  }

  /** 情况说明: the lead unit's head or the responsible person answers one urging; the urger hears of it. */
  answerUrging(ctx: AuditContext, actor: Actor, id: number, urgingId: number, version: number, text: string, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'answer_urging', async (trx, t) => {
      const today = this.today();
      const u = await this.store.urgingForUpdate(trx, id, urgingId);
      if (!u) throw notFound(TASK_ERRORS.URGING_NOT_FOUND, urgingId);
      if (u.answeredAt) throw conflict(TASK_ERRORS.URGING_ANSWERED, '该催办已答复 (this urging has been answered already).');
      await this.store.answerUrging(trx, urgingId, { answer: text, answeredBy: actor.personId, answeredAt: ctx.now, answeredOn: today });
      const late = urgingOverdue({ replyDue: u.replyDue, answeredOn: today }, today);
      return {
        set: { openUrgings: Math.max(0, t.openUrgings - 1) },
        event: { urgingId, level: u.level, text, replyDue: u.replyDue, late },
        notify: this.note(t, u.byId === actor.personId ? null : u.byId, 'tasks.urging_answered', late ? '情况说明（逾期答复）' : '情况说明', `${actor.name}：${text.slice(0, 200)}`),
      };
    }, [], trx);
  }

  /**
   * 批示: a leader's instruction on a task in their scope, on the timeline and to the lead unit's
   * heads and the responsible person; it may set a new milestone (on or before the deadline).
   */
  instruct(ctx: AuditContext, actor: Actor, id: number, version: number, input: InstructInput, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'instruct', async (trx, t) => {
      const m = input.milestone;
      if (m) {
        await this.checkMilestones([m], t.deadline, this.today(), t.leadUnitPath, trx);
        await this.store.addMilestones(trx, id, [m], ctx.now);
      }
      const heads = (await this.org.unitPeopleWithRole(t.leadUnitId, 'unit_head', trx)).map((h) => h.id);
      const recipients = [...new Set([...heads, ...(t.responsibleId ? [t.responsibleId] : [])])].filter((r) => r !== actor.personId);
      const body = `${actor.name}批示：${input.text.slice(0, 300)}${m ? `\n新节点「${m.title}」，时限 ${m.due}。` : ''}`;
      return {
        set: m ? { planAt: t.planAt ?? ctx.now, nextMilestoneDue: await this.store.nextMilestoneDue(trx, id) } : {},
        event: { text: input.text, milestone: m ?? null },
        notify: recipients.flatMap((r) => this.note(t, r, 'tasks.instructed', '领导批示', body)),
      };
    }, [], trx);
  }

  /** The lead unit's heads and the responsible person: who hears of what happens to the lead unit's work. */
  private async leadPeople(t: TaskRow, trx: Executor): Promise<number[]> {
    const heads = (await this.org.unitPeopleWithRole(t.leadUnitId, 'unit_head', trx)).map((h) => h.id);
    return [...new Set([...heads, ...(t.responsibleId ? [t.responsibleId] : [])])];
  }

  /** The co-unit's part a 协办 action is for (the one named, else the only one that fits); 403/409 as the rules say. */
  private coPartFor(action: 'co_sign' | 'co_progress', actor: Actor, t: TaskRow, parts: CoPart[], unitId: number | undefined): CoPart {
    const headed = taskActorFacts(actor, t, parts).coUnitsHeaded ?? [];
    const pick = pickCoPart(action, parts.map((p) => ({ unitId: p.unitId, signed: p.signedAt !== null })), headed, unitId);
    if (!pick.ok) throw new AppError(REFUSALS[pick.refusal.code], pick.refusal.message, unitId === undefined ? undefined : { field: 'unitId' });
    return parts.find((p) => p.unitId === pick.unitId)!;
  }

  /** 签收（协办）: a co-unit's head signs for the unit's part; the lead unit's heads hear of it. */
  coSign(ctx: AuditContext, actor: Actor, id: number, version: number, unitId?: number, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'co_sign', async (trx, t, _policy, _cal, parts) => {
      const part = this.coPartFor('co_sign', actor, t, parts, unitId);
      if (!(await this.store.signCoPart(trx, id, part.unitId, actor.personId, ctx.now))) throw conflict(TASK_ERRORS.TASK_CO_PART_SIGNED, '协办单位已签收其承担的部分 (the co-unit has signed for its part already).');
      const heads = (await this.org.unitPeopleWithRole(t.leadUnitId, 'unit_head', trx)).map((h) => h.id).filter((h) => h !== actor.personId);
      return {
        set: {},
        event: { unitId: part.unitId, unitName: part.unitName },
        notify: heads.flatMap((h) => this.note(t, h, 'tasks.co_signed', '协办单位已签收', `${part.unitName}（${actor.name}）已签收协办部分。`)),
      };
    }, [], trx);
  }

  /** 报送协办进展: a co-unit's own progress on its part, on the timeline marked with the unit; the lead unit hears of it. */
  coProgress(ctx: AuditContext, actor: Actor, id: number, version: number, report: { unitId?: number | undefined; percent: number; text: string }, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'co_progress', async (trx, t, _policy, _cal, parts) => {
      const part = this.coPartFor('co_progress', actor, t, parts, report.unitId);
      await this.store.reportCoPart(trx, id, part.unitId, report.percent, report.text, ctx.now);
      const recipients = (await this.leadPeople(t, trx)).filter((r) => r !== actor.personId);
      return {
        set: {},
        event: { unitId: part.unitId, unitName: part.unitName, percent: report.percent, text: report.text },
        notify: recipients.flatMap((r) => this.note(t, r, 'tasks.co_progress', '协办进展', `${part.unitName}：${report.percent}%。${report.text.slice(0, 200)}`)),
      };
    }, [], trx);
  }

  /**
   * 修改事项: the assigner corrects the title, description, 工作标准 and 考核方式; before sign-for
   * also the deadline (the derived dates follow) and the lead unit (a fresh sign-for clock, its
   * heads told). After sign-for those two go through 延期 and 退回 → 重新交办 (409 naming the flow).
   * The timeline and the audit keep each field's old and new value.
   */
  edit(ctx: AuditContext, actor: Actor, id: number, version: number, edit: TaskEdit, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'edit', async (trx, t, policy, cal, parts) => {
      const refusal = checkEdit(t, edit);
      if (refusal) throw new AppError(REFUSALS[refusal.code], refusal.message, { field: edit.deadline !== undefined && edit.deadline !== t.deadline ? 'deadline' : 'leadUnitId' });
      const set: Updateable<TaskTable> = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const change = <K extends 'title' | 'description' | 'standard' | 'assessment'>(k: K) => {
        const to = edit[k];
        if (to === undefined) return;
        const value = to === '' ? null : to;
        if (k === 'title' && value === null) throw badRequest('标题不能为空 (the title cannot be empty).', { field: 'title' });
        if (value !== t[k]) {
          changes[k] = { from: t[k], to: value };
          set[k] = value as string;
        }
      };
      (['title', 'description', 'standard', 'assessment'] as const).forEach(change);
      const notes: NewNotification[] = [];
      const today = this.today();
      let lead = { id: t.leadUnitId, path: t.leadUnitPath, name: '' };
      if (edit.leadUnitId !== undefined && edit.leadUnitId !== t.leadUnitId) {
        const next = await this.org.unitWithHeads(edit.leadUnitId, trx);
        if (!next?.active) throw badRequest(`主办单位 ${edit.leadUnitId} 不存在或已撤销 (lead unit not found).`, { field: 'leadUnitId' });
        if (!canAssignTo(actor, next.path)) throw forbidden('只能向您管辖范围内的单位交办 (you may assign only to units in your scope).', { field: 'leadUnitId' });
        if (parts.some((p) => p.unitId === next.id)) throw badRequest(`${next.name} 是本事项的协办单位，不能同时主办 (a co-unit cannot also lead).`, { field: 'leadUnitId' });
        const before = (await this.org.unitsByIds([t.leadUnitId], trx))[0];
        changes.leadUnitId = { from: { id: t.leadUnitId, name: before?.name ?? null }, to: { id: next.id, name: next.name } };
        set.leadUnitId = next.id;
        // The responsible person was named for the old unit; the new unit's head names theirs.
        if (t.responsibleId && !(await this.org.personInSubtree(t.responsibleId, next.path, trx))) set.responsibleId = null;
        lead = { id: next.id, path: next.path, name: next.name };
        for (const h of next.heads) notes.push(...this.note(t, h.id, 'tasks.assigned', '新交办事项', `${next.name}：请于 ${scheduleFor(t.level, today, edit.deadline ?? t.deadline, cal, policy).signDue} 前签收，完成时限 ${edit.deadline ?? t.deadline}。`));
      }
      const deadline = edit.deadline ?? t.deadline;
      if (edit.deadline !== undefined && edit.deadline !== t.deadline) {
        const bad = checkDeadline(edit.deadline, today);
        if (bad) throw badRequest(bad, { field: 'deadline' });
        const milestones = (await this.store.detailById(trx, id))?.milestones ?? [];
        // The plan's existing milestones, done or late ones too, must still fall by the new deadline.
        await this.checkMilestones(milestones.map((m) => ({ title: m.title, due: m.due })), edit.deadline, null, lead.path, trx);
        changes.deadline = { from: t.deadline, to: edit.deadline };
        Object.assign(set, { deadline: edit.deadline, deadlineEstimated: cal.day(edit.deadline).estimated, originalDeadline: edit.deadline, nextEscalationOn: null });
      }
      if (changes.deadline || changes.leadUnitId) {
        // The derived dates, from the day the (new) lead unit got it, none after the deadline.
        const from = changes.leadUnitId ? today : shanghaiDate(t.assignedAt);
        const schedule = scheduleFor(t.level, from, deadline, cal, policy);
        Object.assign(set, { signDue: schedule.signDue, planDue: schedule.planDue, nextReportDue: schedule.nextReportDue });
      }
      if (Object.keys(changes).length === 0) throw new AppError(TASK_ERRORS.TASK_EDIT_EMPTY, '没有需要修改的内容 (nothing to change).');
      if (!changes.leadUnitId) {
        const words = Object.keys(changes).map((k) => EDIT_FIELD_NAMES[k] ?? k).join('、');
        for (const r of (await this.leadPeople(t, trx)).filter((x) => x !== actor.personId)) notes.push(...this.note(t, r, 'tasks.edited', '事项已修改', `${actor.name} 修改了${words}。`));
      }
      return { set, event: { changes }, notify: notes };
    }, [], trx);
  }

  /**
   * 撤回: the assigner takes the task back before it is signed for (or after the lead unit returned
   * it). It leaves every list and the ladder; its page stays open to the assigner, the timeline and
   * the audit keep it. The lead unit's and co-units' heads, the responsible person and the leader hear.
   */
  withdraw(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'withdraw', async (trx, t, _policy, _cal, parts) => {
      const coHeads: number[] = [];
      for (const p of parts) coHeads.push(...(await this.org.unitPeopleWithRole(p.unitId, 'unit_head', trx)).map((h) => h.id));
      const recipients = [...new Set([...(await this.leadPeople(t, trx)), ...coHeads, ...(t.leaderId ? [t.leaderId] : [])])].filter((r) => r !== actor.personId);
      return {
        set: { nextEscalationOn: null },
        event: { reason },
        notify: recipients.flatMap((r) => this.note(t, r, 'tasks.withdrawn', '事项已撤回', `${actor.name}：${reason}`)),
      };
    }, [], trx);
  }

  /** 补充附件: files uploaded to the task (POST /attachments) put on its timeline; the other side hears. */
  attach(ctx: AuditContext, actor: Actor, id: number, version: number, attachmentIds: number[], note?: string, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'attach', async (trx, t) => {
      const recipients = actor.personId === t.assignerId ? await this.leadPeople(t, trx) : [t.assignerId];
      return {
        set: {},
        event: { note: note ?? null },
        notify: recipients.filter((r) => r !== actor.personId).flatMap((r) => this.note(t, r, 'tasks.attached', '补充附件', `${actor.name} 补充了 ${new Set(attachmentIds).size} 个附件。${note ?? ''}`)),
      };
    }, attachmentIds, trx);
  }

  /** 删除附件: the assigner removes a file before sign-for; the timeline and the audit keep its name and digest. */
  removeAttachment(ctx: AuditContext, actor: Actor, id: number, version: number, attachmentId: number, trx?: Executor) {
    return this.act(ctx, actor, id, version, 'remove_attachment', async (trx) => {
      const a = await this.store.removeAttachment(trx, id, attachmentId);
      if (!a) throw notFound(TASK_ERRORS.ATTACHMENT_NOT_FOUND, attachmentId);
      return { set: {}, event: { attachmentId: a.id, fileName: a.fileName, size: a.size, sha256: a.sha256 } };
    }, [], trx);
  }

  /** 督办通知单 / 催办通知单 (DOCX) of a task the actor may see. */
  async notice(actor: Actor, id: number, kind: NoticeKind): Promise<{ fileName: string; data: Buffer }> {
    return { fileName: noticeFileName(kind, id), data: await buildNotice(await this.noticeContent(actor, id, kind)) };
  }

  /** What the notice says (the DOCX and the web app's print page show the same). */
  async noticeContent(actor: Actor, id: number, kind: NoticeKind): Promise<NoticeData> {
    const n = await this.noticeData(actor, id, kind);
    const t = n.task;
    return {
      kind,
      taskId: t.id,
      title: t.title,
      description: t.description,
      level: t.level,
      assignerName: n.assignerName,
      leaderName: n.leaderName,
      leadUnitName: n.leadUnitName,
      coUnitNames: n.coUnitNames,
      responsibleName: n.responsibleName,
      deadline: t.deadline,
      standard: t.standard,
      overdueWorkdays: n.overdueWorkdays,
      urging: n.urging,
      signerUnit: n.signerUnit,
      today: n.today,
    };
  }

  /** What a 督办通知单 / 催办通知单 is made from: the task, its people and units, the last urging of the kind. */
  private async noticeData(actor: Actor, id: number, kind: NoticeKind, db: Executor = this.db) {
    const d = await this.detail(actor, id, db);
    const t = d.task;
    const people = await this.org.peopleByIds([t.assignerId, ...(t.leaderId ? [t.leaderId] : [])], db);
    const urging = [...d.urgings].reverse().find((u) => u.level === kind) ?? null;
    // 落款: the supervision office over the lead unit (the unit of the urger, else of a supervisor over it).
    const signerId = urging?.byId ?? (await this.org.supervisorsOver(t.leadUnitPath, db))[0]?.id;
    const signer = signerId ? (await this.org.peopleByIds([signerId], db))[0] : undefined;
    const unitIds = [...t.coUnitIds, ...(signer ? [signer.unitId] : [])];
    const units = await this.org.unitsByIds(unitIds, db);
    return {
      task: t,
      leadUnitName: d.names.leadUnitName,
      responsibleName: d.names.responsibleName,
      coUnitNames: t.coUnitIds.map((u) => units.find((x) => x.id === u)?.name).filter((n): n is string => Boolean(n)),
      assignerName: people.find((p) => p.id === t.assignerId)?.name ?? '',
      leaderName: t.leaderId ? (people.find((p) => p.id === t.leaderId)?.name ?? null) : null,
      urging,
      signerUnit: signer ? (units.find((u) => u.id === signer.unitId)?.name ?? '督查室') : '督查室',
      overdueWorkdays: d.light.overdueWorkdays,
      today: this.today(),
    };
  }
}

/** The words for the fields an edit changes (the notice to the lead unit). */
const EDIT_FIELD_NAMES: Record<string, string> = { title: '标题', description: '事项内容', standard: '工作标准', assessment: '考核方式', deadline: '完成时限', leadUnitId: '主办单位' };

/** A co-unit's part as the service reads it (store.coParts). */
type CoPart = CoPartPlace & { unitName: string };

export interface UrgeInput {
  level: 'urge' | 'supervise';
  text: string;
  /** A date, or N 工作日 from today. */
  replyDue: string | { workdays: number };
}

export interface InstructInput {
  text: string;
  milestone?: Milestone | undefined;
}

/** A task page as the store reads it (`TaskStore.detailById`). */
type StoredPage = NonNullable<Awaited<ReturnType<TaskStore['detailById']>>>;
