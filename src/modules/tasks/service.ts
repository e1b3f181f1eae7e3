import { createHash } from 'node:crypto';
import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { hasRole, inScope, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { addDays, type WorkCalendar } from '../../platform/calendar/calendar.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import type { NewNotification, NotifyService } from '../../platform/notify/service.ts';
import type { UnitIdCache } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import type { Policy } from '../../platform/policy.ts';
import {
  allowedActions,
  checkDeadline,
  decide,
  dueEscalations,
  ESCALATION_LEVELS,
  ESCALATION_NAMES,
  lightOf,
  nextReportDue,
  scheduleFor,
  type ActorFacts,
  type EscalationLevel,
  type SourceKind,
  type TaskAction,
  type TaskFacts,
  type TaskLevel,
} from './rules.ts';
import type { Updateable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { Completion, Summary, Task, TaskTable } from './schema.ts';
import { sniff } from './sniff.ts';
import { TaskStore, TODO_KINDS, type LightDates, type TaskFilter, type TaskSort } from './store.ts';

export type TaskRow = Task & { leadUnitPath: string };

export interface TaskCreateInput {
  title: string;
  description?: string | undefined;
  level: TaskLevel;
  leadUnitId: number;
  coUnitIds?: number[] | undefined;
  responsibleId?: number | undefined;
  leaderId?: number | undefined;
  deadline: string | { workdays: number };
  source?: { kind: SourceKind; ref?: string | undefined } | undefined;
  standard?: string | undefined;
  assessment?: string | undefined;
  milestones?: { title: string; due: string; ownerId?: number | undefined }[] | undefined;
}

/**
 * What a task's source hears when the work is verified (马上就反馈). Modules that create tasks
 * (meetings, public requests, research) register a handler for their source kind; every source
 * also gets the default: the overseeing leader and the assigner are notified at once.
 */
export type FeedbackHandler = (trx: Executor, task: TaskRow, feedback: { completion: Completion | null; summary: Summary | null; at: Date }) => Promise<NewNotification[]>;

/** Heads and supervisors by unit, looked up once per escalation scan. */
type NoticeLookups = { heads: Map<number, { id: number }[]>; supervisors: Map<string, { id: number }[]> };

/** The value under `key`, loaded and kept the first time it is asked for. */
async function memo<K, V>(map: Map<K, V>, key: K, load: () => Promise<V>): Promise<V> {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = await load()));
  return value;
}

/** Rungs of the ladder and who hears of each (提醒 → 催办 → 督办 → 通报 → 问责建议). */
const RUNG_OF: Record<EscalationLevel, number> = { remind: 1, urge: 2, supervise: 3, notice: 4, accountability: 5 };

export class TaskService {
  readonly store: TaskStore;
  private readonly feedbackHandlers = new Map<string, FeedbackHandler>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    unitIds?: UnitIdCache,
  ) {
    this.store = new TaskStore(unitIds);
  }

  /** Lets another module hear about the completion of tasks that came from it. */
  registerFeedback(kind: SourceKind, handler: FeedbackHandler): void {
    this.feedbackHandlers.set(kind, handler);
  }

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  async lightDates(policy: Policy): Promise<LightDates> {
    const today = this.today();
    const cal = await this.calendar.get();
    return { today, yellowBefore: cal.addWorkdays(today, policy.tasks.yellowWithinWorkdays + 1).date };
  }

  facts(t: TaskRow): TaskFacts {
    return {
      status: t.status,
      level: t.level,
      deadline: t.deadline,
      assignerId: t.assignerId,
      leaderId: t.leaderId,
      responsibleId: t.responsibleId,
      leadUnitPath: t.leadUnitPath,
      signDue: t.signDue,
      planDue: t.planDue,
      planAt: t.planAt,
      nextReportDue: t.nextReportDue,
      nextMilestoneDue: t.nextMilestoneDue,
      submittedOn: t.submittedOn,
      extensionsUsed: t.extensionsUsed,
      pendingExtension: t.pendingExtension,
    };
  }

  actorFacts(actor: Actor, t: { leadUnitPath: string }): ActorFacts {
    const scope = scopeOf(actor);
    return {
      personId: actor.personId,
      roles: actor.roles,
      headsLeadUnit: hasRole(actor, 'admin') || (hasRole(actor, 'unit_head') && t.leadUnitPath.startsWith(actor.unitPath)),
      supervises: hasRole(actor, 'supervisor', 'admin') && inScope(scope, t.leadUnitPath),
    };
  }

  /** May the actor see this task? Its units in scope, or the actor is part of it. */
  private async canSee(actor: Actor, t: TaskRow, db: Executor = this.db): Promise<boolean> {
    const scope = scopeOf(actor);
    if (inScope(scope, t.leadUnitPath)) return true;
    if ([t.assignerId, t.responsibleId, t.leaderId].includes(actor.personId)) return true;
    if (t.coUnitIds.length) {
      const co = await db.selectFrom('unit').select('path').where('id', 'in', t.coUnitIds).execute();
      if (co.some((u) => inScope(scope, u.path))) return true;
    }
    const owns = await db.selectFrom('taskMilestone').select('id').where('taskId', '=', t.id).where('ownerId', '=', actor.personId).executeTakeFirst();
    return owns !== undefined;
  }

  /** 403 unless the actor may see the task (canSee). */
  private async mustSee(actor: Actor, t: TaskRow, db: Executor = this.db): Promise<void> {
    if (!(await this.canSee(actor, t, db))) throw forbidden('该事项不在您的可见范围内 (this task is outside what you may see).');
  }

  /** A task the actor may see: 404 when missing, 403 when not theirs to see. */
  async get(actor: Actor, id: number): Promise<TaskRow> {
    const t = await this.store.byId(this.db, id);
    if (!t) throw notFound('Task', id);
    await this.mustSee(actor, t);
    return t;
  }

  /** Everything the detail page shows: light, timeline, milestones, extensions, allowed actions, names. */
  async detail(actor: Actor, id: number) {
    const d = await this.store.detailById(this.db, id);
    if (!d) throw notFound('Task', id);
    const t = d.task;
    await this.mustSee(actor, t);
    const policy = await this.policy.forUnitPath(t.leadUnitPath);
    const cal = await this.calendar.get();
    return {
      ...d,
      light: lightOf(this.facts(t), this.today(), cal, policy),
      allowedActions: allowedActions(this.facts(t), this.actorFacts(actor, t), policy),
    };
  }

  /** 交办: creates a task for a lead unit within the assigner's scope. */
  async create(ctx: AuditContext, actor: Actor, input: TaskCreateInput): Promise<TaskRow> {
    const today = this.today();
    const cal = await this.calendar.get();
    const created = await this.db.transaction().execute(async (trx) => {
      const lead = await this.store.unitWithHeads(trx, input.leadUnitId);
      if (!lead?.active) throw badRequest(`主办单位 ${input.leadUnitId} 不存在或已撤销 (lead unit not found).`, { field: 'leadUnitId' });
      if (!inScope(scopeOf(actor), lead.path)) throw forbidden('只能向您管辖范围内的单位交办 (you may assign only to units in your scope).');
      const coUnitIds = [...new Set(input.coUnitIds ?? [])].filter((id) => id !== lead.id);
      if (coUnitIds.length) {
        const found = await trx.selectFrom('unit').select('id').where('id', 'in', coUnitIds).where('active', '=', true).execute();
        const missing = coUnitIds.filter((id) => !found.some((f) => f.id === id));
        if (missing.length) throw badRequest(`协办单位不存在 (co-units not found): ${missing.join(', ')}`, { field: 'coUnitIds' });
      }
      if (input.responsibleId && !(await this.store.personInSubtree(trx, input.responsibleId, lead.path))) {
        throw badRequest('责任人须是主办单位的在职人员 (the responsible person must work in the lead unit).', { field: 'responsibleId' });
      }
      if (input.leaderId) {
        const leader = await trx.selectFrom('person').select(['id', 'roles', 'active']).where('id', '=', input.leaderId).executeTakeFirst();
        if (!leader?.active || !leader.roles.includes('leader')) throw badRequest('分管领导须是在职的领导 (the overseeing leader must be an active leader).', { field: 'leaderId' });
      }
      const policy = await this.policy.forUnitPathIn(lead.path, trx);
      const due = typeof input.deadline === 'string' ? { date: input.deadline, estimated: cal.day(input.deadline).estimated } : cal.addWorkdays(today, input.deadline.workdays);
      const bad = checkDeadline(due.date, today);
      if (bad) throw badRequest(bad, { field: 'deadline' });
      for (const m of input.milestones ?? []) {
        if (m.due > due.date) throw badRequest(`节点「${m.title}」的时限晚于事项时限 (a milestone is due after the task).`, { field: 'milestones' });
      }
      const schedule = scheduleFor(input.level, today, cal, policy);
      const now = ctx.now;
      const assigned = { kind: 'assigned', actorId: actor.personId, at: now, data: { leadUnitId: lead.id, deadline: due.date, estimated: due.estimated } };
      const task = await this.store.insertWithEvent(trx, {
        title: input.title,
        description: input.description ?? null,
        sourceKind: input.source?.kind ?? 'other',
        sourceRef: input.source?.ref ?? null,
        level: input.level,
        status: 'assigned',
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
        createdAt: now,
        updatedAt: now,
      }, assigned);
      if (input.milestones?.length) {
        await this.store.addMilestones(trx, task.id, input.milestones.map((m) => ({ title: m.title, due: m.due, ownerId: m.ownerId ?? null })), now);
      }
      const heads = lead.heads;
      await this.notify.queue(trx, [
        ...heads.map((h) => ({
          recipientId: h.id,
          kind: 'tasks.assigned',
          title: `新交办事项：${task.title}`,
          body: `${lead.name}：请于 ${schedule.signDue} 前签收，完成时限 ${due.date}${due.estimated ? '（该年度节假日安排未导入，时限为估算）' : ''}。`,
          objectType: 'task',
          objectId: task.id,
        })),
        ...(input.responsibleId ? [{ recipientId: input.responsibleId, kind: 'tasks.dispatched', title: `您是责任人：${task.title}`, body: `完成时限 ${due.date}。`, objectType: 'task', objectId: task.id }] : []),
      ]);
      // Last: the audit head's lock is held from here to the commit.
      await appendAudit(trx, ctx, { action: 'task.create', objectType: 'task', objectId: task.id, after: task });
      return { ...task, leadUnitPath: lead.path };
    });
    this.notify.kick();
    return created;
  }

  /**
   * Runs one lifecycle action: lock the task, check the version, let the rules decide, apply,
   * record the event and the audit entry, queue notifications — one transaction.
   */
  private async act(
    ctx: AuditContext,
    actor: Actor,
    id: number,
    version: number,
    action: TaskAction,
    apply: (trx: Executor, t: TaskRow, policy: Policy, cal: WorkCalendar) => Promise<{ set: Updateable<TaskTable>; event: Record<string, unknown>; notify?: NewNotification[] }>,
    attachmentIds: number[] = [],
  ): Promise<TaskRow> {
    // Read before the transaction: the embedded database has one connection, which the
    // transaction holds, so nothing inside it may query outside it.
    const cal = await this.calendar.get();
    const row = await this.db.transaction().execute(async (trx) => {
      const t = await this.store.byId(trx, id, { lock: true });
      if (!t) throw notFound('Task', id);
      await this.mustSee(actor, t, trx);
      const policy = await this.policy.forUnitPathIn(t.leadUnitPath, trx);
      const decision = decide(action, this.facts(t), this.actorFacts(actor, t), policy);
      if (!decision.ok) throw new AppError(decision.refusal.status, decision.refusal.code, decision.refusal.message);
      if (t.version !== version) {
        throw conflict('STALE_VERSION', `事项已被他人修改（当前版本 ${t.version}），请刷新后再试 (the task changed; reload it).`, { currentVersion: t.version });
      }
      const { set, event, notify } = await apply(trx, t, policy, cal);
      const written = await this.store.updateWithEvent(
        trx,
        id,
        version,
        { ...set, ...(decision.to ? { status: decision.to } : {}), updatedAt: ctx.now },
        { kind: action, actorId: actor.personId, at: ctx.now, data: attachmentIds.length ? { ...event, attachmentIds } : event },
      );
      if (!written) throw conflict('STALE_VERSION', '事项已被他人修改，请刷新后再试 (the task changed; reload it).');
      const { eventId, ...updated } = written;
      if (attachmentIds.length) {
        const linked = await trx.updateTable('taskAttachment').set({ eventId }).where('taskId', '=', id).where('id', 'in', attachmentIds).where('eventId', 'is', null).returning('id').execute();
        if (linked.length !== new Set(attachmentIds).size) {
          throw badRequest('附件须先上传到本事项且未被使用 (attachments must be uploaded to this task and not used yet).', { field: 'attachmentIds' });
        }
      }
      await this.notify.queue(trx, notify ?? []);
      // Last: the audit head's lock is held from here to the commit.
      await appendAudit(trx, ctx, { action: `task.${action}`, objectType: 'task', objectId: id, before: t, after: { ...set, status: updated.status, version: updated.version, event } });
      const leadUnitPath = updated.leadUnitId === t.leadUnitId ? t.leadUnitPath : (await trx.selectFrom('unit').select('path').where('id', '=', updated.leadUnitId).executeTakeFirstOrThrow()).path;
      return { ...updated, leadUnitPath };
    });
    this.notify.kick();
    return row;
  }

  private note(t: TaskRow, recipientId: number | null, kind: string, title: string, body: string): NewNotification[] {
    return recipientId ? [{ recipientId, kind, title: `${title}：${t.title}`, body, objectType: 'task', objectId: t.id }] : [];
  }

  /** 签收. */
  sign(ctx: AuditContext, actor: Actor, id: number, version: number) {
    return this.act(ctx, actor, id, version, 'sign', async (_trx, t) => ({
      set: { signedAt: ctx.now },
      event: {},
      notify: this.note(t, t.assignerId, 'tasks.signed', '已签收', `${actor.name} 已签收。`),
    }));
  }

  /** 交办到人: the unit head names the responsible person (in the lead unit or below). */
  dispatch(ctx: AuditContext, actor: Actor, id: number, version: number, responsibleId: number, note?: string) {
    return this.act(ctx, actor, id, version, 'dispatch', async (trx, t) => {
      const person = await this.store.personInSubtree(trx, responsibleId, t.leadUnitPath);
      if (!person) throw badRequest('责任人须是主办单位的在职人员 (the responsible person must work in the lead unit).', { field: 'responsibleId' });
      return {
        set: { responsibleId },
        event: { responsibleId, responsibleName: person.name, note: note ?? null },
        notify: this.note(t, responsibleId, 'tasks.dispatched', '您是责任人', `${actor.name} 交办给您，完成时限 ${t.deadline}。${note ?? ''}`),
      };
    });
  }

  /** 报送进展: an immutable progress report; the next report falls due by the level's cadence. */
  progress(ctx: AuditContext, actor: Actor, id: number, version: number, report: { percent: number; text: string; milestoneIds?: number[] | undefined; attachmentIds?: number[] | undefined }) {
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
          nextReportDue: nextReportDue(t.level, this.today(), policy),
          nextMilestoneDue: await this.store.nextMilestoneDue(trx, id),
        },
        event: { percent: report.percent, text: report.text, milestonesDone: done },
        notify: this.note(t, t.assignerId, 'tasks.progress', '进展报送', `${actor.name}：${report.percent}%。${report.text.slice(0, 200)}`),
      };
    }, report.attachmentIds);
  }

  /** 实施方案 / 倒排工期: milestones with owners and dates. */
  plan(ctx: AuditContext, actor: Actor, id: number, version: number, milestones: { title: string; due: string; ownerId?: number | undefined }[]) {
    return this.act(ctx, actor, id, version, 'plan', async (trx, t) => {
      for (const m of milestones) {
        if (m.due > t.deadline) throw badRequest(`节点「${m.title}」的时限晚于事项时限 ${t.deadline} (a milestone is due after the task).`, { field: 'milestones' });
        if (m.ownerId && !(await this.store.personInSubtree(trx, m.ownerId, t.leadUnitPath))) {
          throw badRequest(`节点「${m.title}」的负责人须是主办单位人员 (milestone owners work in the lead unit).`, { field: 'milestones' });
        }
      }
      await this.store.addMilestones(trx, id, milestones.map((m) => ({ title: m.title, due: m.due, ownerId: m.ownerId ?? null })), ctx.now);
      return {
        set: { planAt: t.planAt ?? ctx.now, nextMilestoneDue: await this.store.nextMilestoneDue(trx, id) },
        event: { milestones },
        notify: milestones.flatMap((m) => this.note(t, m.ownerId ?? null, 'tasks.milestone_assigned', '工作节点', `「${m.title}」由您负责，时限 ${m.due}。`)),
      };
    });
  }

  /** 申请办结: the completion report and the close-out summary, with evidence. */
  submit(ctx: AuditContext, actor: Actor, id: number, version: number, completion: Completion, summary: Summary, attachmentIds: number[] = []) {
    return this.act(ctx, actor, id, version, 'submit', async (_trx, t) => ({
      set: { submittedAt: ctx.now, submittedOn: this.today(), completion: JSON.stringify(completion), summary: JSON.stringify(summary), progressPercent: 100 },
      event: { completion, summary },
      notify: [
        ...this.note(t, t.assignerId, 'tasks.submitted', '申请办结，请审核', `${actor.name}：${completion.text.slice(0, 200)}`),
        ...(t.leaderId !== t.assignerId ? this.note(t, t.leaderId, 'tasks.submitted', '申请办结', completion.text.slice(0, 200)) : []),
      ],
    }), attachmentIds);
  }

  /**
   * Stores an attachment (up to the route's limit) for a later progress report or completion.
   * What the file is comes from its bytes; a kind outside the allow list is refused with 415.
   */
  async upload(ctx: AuditContext, actor: Actor, id: number, fileName: string, bytes: Buffer) {
    const t = await this.get(actor, id);
    const f = this.actorFacts(actor, t);
    if (!(f.headsLeadUnit || [t.responsibleId, t.assignerId, t.leaderId].includes(actor.personId))) {
      throw forbidden('只有责任人、主办单位负责人、交办人或分管领导可以上传附件。');
    }
    const kind = sniff(bytes);
    if (!kind) {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的文件类型：仅接受 PDF、图片、Office/WPS/OFD 文档、压缩包和纯文本 (unsupported file type, judged by its content).');
    }
    const digest = createHash('sha256').update(bytes).digest('hex');
    const row = await this.db.transaction().execute(async (trx) => {
      const a = await trx
        .insertInto('taskAttachment')
        .values({ taskId: id, eventId: null, fileName, contentType: kind.contentType, size: bytes.length, sha256: digest, data: bytes, uploadedBy: actor.personId, createdAt: ctx.now })
        .returning(['id', 'fileName', 'contentType', 'size', 'sha256', 'createdAt'])
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx, { action: 'task.attachment_upload', objectType: 'task', objectId: id, after: { attachmentId: a.id, fileName, contentType: kind.contentType, size: bytes.length, sha256: digest } });
      return a;
    });
    return row;
  }

  /** An attachment's bytes, for someone who may see the task. */
  async attachment(actor: Actor, id: number, attachmentId: number) {
    await this.get(actor, id);
    const a = await this.db.selectFrom('taskAttachment').selectAll().where('id', '=', attachmentId).where('taskId', '=', id).executeTakeFirst();
    if (!a) throw notFound('Attachment', attachmentId);
    return a;
  }

  /** 审核办结: verified, and the source hears at once (马上就反馈). */
  verify(ctx: AuditContext, actor: Actor, id: number, version: number, note?: string) {
    return this.act(ctx, actor, id, version, 'verify', async (trx, t) => {
      const feedback = { completion: t.completion, summary: t.summary, at: ctx.now };
      const verified = { ...t, status: 'verified' as const, verifiedAt: ctx.now };
      const handler = this.feedbackHandlers.get(t.sourceKind);
      const fromSource = handler ? await handler(trx, verified, feedback) : [];
      const summaryText = t.summary ? `做了什么：${t.summary.done}；结果：${t.summary.result}；体会：${t.summary.lessons}` : (t.completion?.text ?? '');
      const recipients = [...new Set([t.leaderId, t.assignerId].filter((x): x is number => x !== null && x !== actor.personId))];
      const defaults = recipients.flatMap((r) => this.note(t, r, 'tasks.feedback', '办结反馈', summaryText));
      const toUnit = [...new Set([t.responsibleId].filter((x): x is number => x !== null))].flatMap((r) => this.note(t, r, 'tasks.verified', '已审核办结', note ?? '事项已办结，请做好销号小结。'));
      const notifications = [...defaults, ...fromSource, ...toUnit];
      return {
        set: { verifiedAt: ctx.now },
        event: { note: note ?? null, feedbackTo: [...new Set(notifications.filter((n) => n.kind !== 'tasks.verified').map((n) => n.recipientId))], summary: t.summary },
        notify: notifications,
      };
    });
  }

  /** 驳回: the completion is not accepted; back to work, with the reason. */
  reject(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string) {
    return this.act(ctx, actor, id, version, 'reject', async (_trx, t) => ({
      set: { submittedAt: null, submittedOn: null },
      event: { reason },
      notify: [...this.note(t, t.responsibleId, 'tasks.rejected', '办结申请被驳回', reason)],
    }));
  }

  /** 销号: closed with the close-out summary (given now, or the one submitted). */
  close(ctx: AuditContext, actor: Actor, id: number, version: number, summary?: Summary) {
    return this.act(ctx, actor, id, version, 'close', async (_trx, t) => {
      const final = summary ?? t.summary;
      if (!final) throw badRequest('销号需要小结：做了什么、结果如何、有何体会 (closing needs a summary: done, result, lessons).', { field: 'summary' });
      return {
        set: { closedAt: ctx.now, summary: JSON.stringify(final) },
        event: { summary: final },
        notify: [...this.note(t, t.responsibleId, 'tasks.closed', '已销号', final.result.slice(0, 200))],
      };
    });
  }

  /** 退回: the lead unit hands the task back to the assigner, with the reason. */
  returnTask(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string) {
    return this.act(ctx, actor, id, version, 'return', async (_trx, t) => ({
      set: {},
      event: { reason },
      notify: this.note(t, t.assignerId, 'tasks.returned', '事项被退回', `${actor.name}：${reason}`),
    }));
  }

  /** 重新交办: after a return, to another (or the same) lead unit, with a fresh sign-for clock. */
  reassign(ctx: AuditContext, actor: Actor, id: number, version: number, input: { leadUnitId: number; responsibleId?: number | undefined; deadline?: string | undefined; note?: string | undefined }) {
    return this.act(ctx, actor, id, version, 'reassign', async (trx, t, policy, cal) => {
      const lead = await this.store.unitWithHeads(trx, input.leadUnitId);
      if (!lead?.active) throw badRequest(`主办单位 ${input.leadUnitId} 不存在 (lead unit not found).`, { field: 'leadUnitId' });
      if (!inScope(scopeOf(actor), lead.path) && actor.personId !== t.assignerId) throw forbidden('只能向您管辖范围内的单位交办 (you may assign only to units in your scope).');
      if (input.responsibleId && !(await this.store.personInSubtree(trx, input.responsibleId, lead.path))) {
        throw badRequest('责任人须是主办单位的在职人员 (the responsible person must work in the lead unit).', { field: 'responsibleId' });
      }
      const today = this.today();
      if (input.deadline) {
        const bad = checkDeadline(input.deadline, today);
        if (bad) throw badRequest(bad, { field: 'deadline' });
      }
      const schedule = scheduleFor(t.level, today, cal, policy);
      const heads = lead.heads;
      return {
        set: { leadUnitId: lead.id, responsibleId: input.responsibleId ?? null, signDue: schedule.signDue, signedAt: null, nextEscalationOn: null, ...(input.deadline ? { deadline: input.deadline } : {}) },
        event: { leadUnitId: lead.id, leadUnitName: lead.name, note: input.note ?? null },
        notify: heads.flatMap((h) => this.note(t, h.id, 'tasks.assigned', '重新交办', `请于 ${schedule.signDue} 前签收，完成时限 ${input.deadline ?? t.deadline}。`)),
      };
    });
  }

  /** 延期申请: a reason and a later deadline; decided by the assigner. */
  async requestExtension(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string, newDeadline: string) {
    let extensionId = 0;
    const task = await this.act(ctx, actor, id, version, 'request_extension', async (trx, t) => {
      const bad = checkDeadline(newDeadline, this.today(), t.deadline);
      if (bad) throw badRequest(bad, { field: 'newDeadline' });
      const e = await this.store.addExtension(trx, { taskId: id, requestedBy: actor.personId, reason, currentDeadline: t.deadline, newDeadline, now: ctx.now });
      extensionId = e.id;
      return {
        set: { pendingExtension: true },
        event: { extensionId: e.id, reason, newDeadline, currentDeadline: t.deadline },
        notify: this.note(t, t.assignerId, 'tasks.extension_requested', '延期申请，请审批', `${actor.name} 申请延期至 ${newDeadline}：${reason}`),
      };
    });
    return { task, extensionId };
  }

  /** Approves or rejects a pending extension; approval moves the deadline and counts in scores. */
  decideExtension(ctx: AuditContext, actor: Actor, id: number, extensionId: number, version: number, approve: boolean, note?: string) {
    return this.act(ctx, actor, id, version, 'decide_extension', async (trx, t, _policy, cal) => {
      const e = await this.store.extensionForUpdate(trx, id, extensionId);
      if (!e) throw notFound('Extension', extensionId);
      if (e.status !== 'pending') throw conflict('INVALID_TRANSITION', `该延期申请已${e.status === 'approved' ? '批准' : '驳回'} (already decided).`);
      await this.store.decideExtension(trx, extensionId, { status: approve ? 'approved' : 'rejected', decidedBy: actor.personId, note: note ?? null, now: ctx.now });
      return {
        set: approve
          ? { pendingExtension: false, deadline: e.newDeadline, deadlineEstimated: cal.day(e.newDeadline).estimated, extensionsUsed: t.extensionsUsed + 1, nextEscalationOn: null }
          : { pendingExtension: false },
        event: { extensionId, approved: approve, newDeadline: e.newDeadline, note: note ?? null },
        notify: this.note(t, e.requestedBy, 'tasks.extension_decided', approve ? '延期已批准' : '延期未批准', approve ? `新的完成时限：${e.newDeadline}。${note ?? ''}` : (note ?? '')),
      };
    });
  }

  /** The viewer's part of every filter: what they may see, and what they head (workbench). */
  private fullFilter(actor: Actor, filter: Omit<TaskFilter, 'scope' | 'viewerId'>): TaskFilter {
    const headPath = hasRole(actor, 'admin') ? '/' : hasRole(actor, 'unit_head') ? actor.unitPath : null;
    return { ...filter, scope: scopeOf(actor), viewerId: actor.personId, headPath };
  }

  /** 工作台: each to-do group's count and its first few tasks (most urgent deadline first). */
  async workbench(actor: Actor, perGroup = 5) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    const dates = await this.lightDates(policy);
    const cal = await this.calendar.get();
    // Resolved once: headIds are the same for every group ('sign' only asks for them).
    const filter = await this.store.resolve(this.db, this.fullFilter(actor, { todo: 'sign' }));
    const { counts, rows } = await this.store.workbench(this.db, filter, dates, perGroup);
    return TODO_KINDS.map((kind) => ({
      kind,
      count: counts[kind],
      items: rows
        .filter((r) => r.todoKind === kind)
        .map((t) => ({ task: t, light: lightOf(this.facts(t), dates.today, cal, policy), escalations: t.escalations })),
    }));
  }

  /** The ledger: filtered, sorted, keyset-paged rows with their lights. */
  async list(actor: Actor, filter: Omit<TaskFilter, 'scope' | 'viewerId'>, page: { sort: TaskSort; after?: [string | number, number]; limit: number }) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    const dates = await this.lightDates(policy);
    const rows = await this.store.list(this.db, this.fullFilter(actor, filter), dates, { ...page, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit);
    const cal = await this.calendar.get();
    const last = items.at(-1);
    return {
      // The row itself, not a copy without its rungs: copying ≈ 50 columns a row costs more than the page's lights.
      items: items.map((t) => ({ task: t, light: lightOf(this.facts(t), dates.today, cal, policy), escalations: t.escalations })),
      next: rows.length > page.limit && last ? ([page.sort === 'deadline' ? last.deadline : last.id, last.id] as [string | number, number]) : null,
    };
  }

  async stats(actor: Actor, filter: Omit<TaskFilter, 'scope' | 'viewerId'>) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    return this.store.stats(this.db, this.fullFilter(actor, filter), await this.lightDates(policy));
  }

  /** Trend for the dashboard: the last `weeks` weeks (this one included), oldest first. */
  async trend(actor: Actor, filter: Omit<TaskFilter, 'scope' | 'viewerId'>, weeks: number) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    const dates = await this.lightDates(policy);
    const today = dates.today;
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const firstMonday = addDays(today, -weekday - 7 * (weeks - 1));
    const { doneRows, escalationRows } = await this.store.trend(this.db, this.fullFilter(actor, filter), dates, new Date(`${firstMonday}T00:00:00+08:00`));
    return Array.from({ length: weeks }, (_, i) => {
      const week = addDays(firstMonday, 7 * i);
      const done = doneRows.find((r) => r.week === week);
      const escalations = Object.fromEntries(ESCALATION_LEVELS.map((l) => [l, Number(escalationRows.find((r) => r.week === week && r.level === l)?.n ?? 0)]));
      return { week, done: Number(done?.done ?? 0), onTime: Number(done?.onTime ?? 0), escalations };
    });
  }

  async responsibility(actor: Actor, filter: Omit<TaskFilter, 'scope' | 'viewerId'>) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    return this.store.responsibility(this.db, this.fullFilter(actor, filter), await this.lightDates(policy));
  }

  /**
   * One escalation scan: every open task past its deadline gets each rung it has reached and
   * not had (提醒 1 → 催办 3 → 督办 5 → 通报 10 → 问责建议 20 工作日, policy), exactly once.
   * One runner at a time across nodes (advisory lock); the unique (task, level) key makes a
   * rung fire once even if two scans overlap. Works in batches, in bounded memory. Every query
   * goes through `conn` (the embedded database has a single connection, held by the scan).
   */
  async escalationScan(conn: Executor, cal: WorkCalendar, batchSize = 500): Promise<{ scanned: number; fired: number }> {
    const today = this.today();
    let afterId = 0;
    let scanned = 0;
    let fired = 0;
    // Every region's overrides, read once for the whole scan; who hears of a rung, per unit.
    const policyOf = await this.policy.snapshot(conn);
    const recipients: NoticeLookups = { heads: new Map(), supervisors: new Map() };
    for (;;) {
      const batch = await this.store.overdueBatch(conn, today, afterId, batchSize);
      if (batch.length === 0) break;
      afterId = batch.at(-1)!.id;
      scanned += batch.length;
      await conn.transaction().execute(async (trx) => {
        // The batch's rungs so far, by task (a filter per task was 500 × 1,500 comparisons a batch).
        const existing = new Map<number, EscalationLevel[]>();
        for (const e of await this.store.escalations(trx, batch.map((t) => t.id))) {
          const levels = existing.get(e.taskId);
          if (levels) levels.push(e.level);
          else existing.set(e.taskId, [e.level]);
        }
        const now = this.clock.now();
        const due: { t: (typeof batch)[number]; level: EscalationLevel; overdue: number }[] = [];
        const moved: { id: number; rung: number; nextOn: string | null }[] = [];
        for (const t of batch) {
          const policy = policyOf(t.leadUnitPath);
          const overdue = cal.workdaysBetween(t.deadline, today);
          const had = existing.get(t.id) ?? [];
          const levels = dueEscalations(overdue, had, policy);
          for (const level of levels) due.push({ t, level, overdue });
          // The rung reached and the next rung's day: the scan skips this task until then.
          const reached = [...had, ...levels];
          const rung = Math.max(t.escalationRung, ...reached.map((l) => RUNG_OF[l]));
          const nextLevel = ESCALATION_LEVELS.find((l) => !reached.includes(l));
          const nextOn = nextLevel ? cal.addWorkdays(t.deadline, policy.tasks.escalation[nextLevel]).date : null;
          if (rung !== t.escalationRung || nextOn !== t.nextEscalationOn) moved.push({ id: t.id, rung, nextOn });
        }
        // The batch's rungs in one insert; the unique (task, level) key keeps only the new ones
        // (another scan may have fired some), and only those get an event, notices and audit.
        const inserted = new Set(
          (await this.store.addEscalations(trx, due.map((d) => ({ taskId: d.t.id, level: d.level, overdueWorkdays: d.overdue, at: now })))).map((r) => `${r.taskId}:${r.level}`),
        );
        const firedNow = due.filter((d) => inserted.has(`${d.t.id}:${d.level}`));
        fired += firedNow.length;
        await this.store.addEvents(trx, firedNow.map((d) => ({ taskId: d.t.id, kind: 'escalated', actorId: null, at: now, data: { level: d.level, overdueWorkdays: d.overdue } })));
        const notes: NewNotification[] = [];
        for (const d of firedNow) notes.push(...(await this.escalationNotices(trx, d.t, d.level, d.overdue, recipients)));
        await this.store.setEscalationState(trx, moved);
        await this.notify.queue(trx, notes);
        // Last: the audit head's lock is held from here to the commit.
        await appendAudit(
          trx,
          { actorId: null, actorLogin: 'job:escalation', clientIp: null, now },
          ...firedNow.map((d) => ({ action: 'task.escalate', objectType: 'task', objectId: d.t.id, after: { level: d.level, overdueWorkdays: d.overdue } })),
        );
      });
    }
    if (fired) this.notify.kick();
    return { scanned, fired };
  }

  private async escalationNotices(
    trx: Executor,
    t: { id: number; title: string; deadline: string; leadUnitId: number; leadUnitPath: string; leadUnitName: string; responsibleId: number | null; assignerId: number; leaderId: number | null },
    level: EscalationLevel,
    overdue: number,
    lookups: NoticeLookups,
  ): Promise<NewNotification[]> {
    const heads = () => memo(lookups.heads, t.leadUnitId, () => this.store.unitPeopleWithRole(trx, t.leadUnitId, 'unit_head'));
    const supervisors = () => memo(lookups.supervisors, t.leadUnitPath, () => this.store.supervisorsOver(trx, t.leadUnitPath));
    let recipients: number[];
    switch (level) {
      case 'remind':
        recipients = t.responsibleId ? [t.responsibleId] : (await heads()).map((h) => h.id);
        break;
      case 'urge':
        recipients = (await heads()).map((h) => h.id);
        break;
      default:
        recipients = [...(await supervisors()).map((s) => s.id), ...(level === 'supervise' ? [] : [t.assignerId, ...(t.leaderId ? [t.leaderId] : [])])];
    }
    const body =
      level === 'notice'
        ? `${t.leadUnitName} 承办的事项已超期 ${overdue} 个工作日，列入下期通报。`
        : level === 'accountability'
          ? `${t.leadUnitName} 承办的事项已超期 ${overdue} 个工作日，建议启动问责程序。`
          : `${t.leadUnitName} 承办的事项已超期 ${overdue} 个工作日（时限 ${t.deadline}），请马上办理。`;
    return [...new Set(recipients)].map((recipientId) => ({ recipientId, kind: 'tasks.escalated', title: `【${ESCALATION_NAMES[level]}】${t.title}`, body, objectType: 'task', objectId: t.id }));
  }

  /** The calendar, loaded outside any held connection (see escalationScan). */
  workCalendar(): Promise<WorkCalendar> {
    return this.calendar.get();
  }
}
