import { appendAudit, changedFields, type AuditContext } from '../../platform/audit/audit.ts';
import { scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import { rowExists, transact, type Db, type Executor } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, forbidden, notFound, PLATFORM_ERRORS } from '../../platform/errors.ts';
import type { NewNotification, NotifyService } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import type { TaskService, TaskState } from '../tasks/service.ts';
import type { TaskTransition } from '../tasks/events.ts';
import type { TaskLevel } from '../tasks/rules.ts';
import { MEETING_ERRORS } from './errors.ts';
import { buildMinutes, minutesFileName } from './minutes.ts';
import { allowedActions, canApprove, canManage, canPlan, canRecordActual, canSeeMeeting, type MeetingSight } from './policy.ts';
import {
  checkMeeting,
  concludeGaps,
  meetingYear,
  nextStatus,
  planOutcome,
  meetingStats,
  taskOutcome,
  type Finding,
  type MeetingStats,
  type MeetingAction,
  type MeetingKind,
  type MeetingScope,
  type MeetingStatus,
  type SpeechRole,
} from './rules.ts';
import type { MeetingListFilter, MeetingRow, MeetingStore, Viewer } from './store.ts';
import { meetingFactRecords, meetingFacts, type FactsRange as MeetingFactsRange } from './facts-store.ts';

export type { MeetingRow } from './store.ts';

export interface AgendaInput {
  speakerId?: number | undefined;
  speaker?: string | undefined;
  role: SpeechRole;
  minutes: number;
  topic?: string | undefined;
}

/** A meeting's plan, as created or replaced. */
export interface MeetingInput {
  title: string;
  kind: MeetingKind;
  scope: MeetingScope;
  organizerUnitId: number;
  startsAt: string;
  endsAt: string;
  place?: string | undefined;
  online?: boolean | undefined;
  chair?: string | undefined;
  attendingUnitIds: number[];
  headcount: number;
  agenda: AgendaInput[];
  overrideReason?: string | undefined;
}

export interface DecisionInput {
  text: string;
  description?: string | null | undefined;
  leadUnitId?: number | null | undefined;
  responsibleId?: number | null | undefined;
  /** A date, or working days counted from the conclusion. */
  deadline?: string | { workdays: number } | null | undefined;
  level?: TaskLevel | undefined;
}

/** What a check answers: the findings and what the plan would become. */
export interface CheckResult {
  findings: Finding[];
  outcome: 'planned' | 'pending_approval' | 'blocked';
}

/** A meeting as its page shows it. */
export interface MeetingDetail {
  meeting: MeetingRow;
  attendees: { id: number; name: string; path: string }[];
  agenda: Awaited<ReturnType<MeetingStore['agenda']>>;
  decisions: (Awaited<ReturnType<MeetingStore['decisions']>>[number] & { task: TaskState | null })[];
  names: { plannedBy: string | null; decidedBy: string | null };
  allowedActions: MeetingAction[];
}

const DAY_MS = 86_400_000;

/**
 * 会议 (精文减会): plans checked against the rules before the fact, the supervisor's approval of
 * a plan that overrides a blocking finding, the speech timer's actual minutes, decisions and the
 * conclusion that turns them into supervised tasks — each operation one transaction with its
 * audit entry, notifications queued in it and kicked after the commit.
 */
type Evaluation = Awaited<ReturnType<MeetingService['evaluate']>>;

/** The plan's columns, as created and as changed: what was asked, as the check resolved it. */
function planColumns(input: MeetingInput, e: Evaluation, status: MeetingStatus, reason: string | null) {
  return {
    title: input.title,
    kind: input.kind,
    scope: input.scope,
    organizerUnitId: e.organizer.id,
    regionId: e.regionId,
    year: e.year,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    place: input.place ?? null,
    online: input.online ?? false,
    chair: input.chair ?? null,
    headcount: input.headcount,
    status,
    findings: JSON.stringify(e.findings),
    overrideReason: reason,
  };
}

export class MeetingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    private readonly org: OrgService,
    private readonly tasks: TaskService,
    private readonly store: MeetingStore,
  ) {
    // 马上就反馈: when a decision's task is verified, the meeting's organiser hears of it.
    tasks.subscribe('meeting', (trx, t) => this.onTaskVerified(trx, t), ['verified']);
    // A task may name only a meeting that exists as its source.
    tasks.setSourceCheck('meeting', async (db, _actor, id) => ((await rowExists(db, 'meeting', id)) ? null : `会议 ${id} 不存在 (meeting not found).`));
  }

  /**
   * For the scoreboard (比学赶超): per organising unit, the meetings starting in the span, those
   * planned without a blocking finding, and the count of the same days a year earlier. One grouped query.
   */
  unitFacts(range: MeetingFactsRange, db: Executor = this.db) {
    return meetingFacts(db, range);
  }

  /** The meetings of one unit behind those facts: a page by id. */
  unitFactMeetings(range: MeetingFactsRange, unitId: number, page: { limit: number; afterId?: number | undefined }, db: Executor = this.db) {
    return meetingFactRecords(db, range, unitId, page);
  }

  private viewer(actor: Actor): Viewer {
    return { scope: scopeOf(actor), personId: actor.personId, unitPath: actor.unitPath };
  }

  private async sight(m: MeetingRow, db: Executor): Promise<MeetingSight & { attendees: { id: number; name: string; path: string }[] }> {
    const attendees = await this.store.attendees(db, m.id);
    return { organizerUnitId: m.organizerUnitId, organizerPath: m.organizerPath, attendingPaths: attendees.map((a) => a.path), plannedBy: m.plannedBy, status: m.status, attendees };
  }

  /** The meeting, 404 when missing, 403 when out of the actor's sight; locked when asked. */
  private async load(actor: Actor, id: number, db: Executor, lock = false) {
    const m = await this.store.byId(db, id, { lock });
    if (!m) throw notFound(MEETING_ERRORS.MEETING_NOT_FOUND, id);
    const sight = await this.sight(m, db);
    if (!canSeeMeeting(actor, sight)) throw forbidden('该会议不在您的可见范围内 (this meeting is outside what you may see).');
    return { m, sight };
  }

  private mustManage(actor: Actor, sight: MeetingSight): void {
    if (!canManage(actor, sight)) throw forbidden('只有会议的主办单位负责人、管辖该单位的领导和督查人员或计划人可以操作 (only who plans for the organiser may do this).');
  }

  private step(status: MeetingStatus, action: MeetingAction, updated?: 'planned' | 'pending_approval'): MeetingStatus {
    const t = nextStatus(status, action, updated);
    if (!t.ok) throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, t.message, { status });
    return t.to;
  }

  // --- planning ---

  /** Validates a plan's references and reads what the rules need: the organiser, region, speakers' names, findings. */
  private async evaluate(actor: Actor, input: MeetingInput, db: Executor, opts: { excludeId?: number; lock?: boolean }) {
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    if (!(endsAt > startsAt)) throw badRequest('结束时间须晚于开始时间 (endsAt must be after startsAt).', { field: 'endsAt' });
    if (endsAt.getTime() - startsAt.getTime() > DAY_MS) throw badRequest('会议不能超过 24 小时；多日会议请分场次计划 (a meeting lasts at most 24 hours).', { field: 'endsAt' });
    const [organizer] = await this.org.unitsByIds([input.organizerUnitId], db);
    if (!organizer?.active) throw badRequest(`主办单位 ${input.organizerUnitId} 不存在或已撤销 (organiser unit not found).`, { field: 'organizerUnitId' });
    if (!canPlan(actor, organizer.path)) throw forbidden('只能为您管辖范围内的单位计划会议 (you may plan meetings only for units in your scope).', { field: 'organizerUnitId' });
    const regionId = await this.store.regionOf(db, organizer.path);
    if (!regionId) throw badRequest('主办单位不在任何地区之下 (the organiser belongs to no region).', { field: 'organizerUnitId' });
    const [region] = await this.org.unitsByIds([regionId], db);
    const attendingUnitIds = [...new Set(input.attendingUnitIds)];
    if (attendingUnitIds.length) {
      const found = (await this.org.unitsByIds(attendingUnitIds, db)).filter((u) => u.active);
      const missing = attendingUnitIds.filter((id) => !found.some((u) => u.id === id));
      if (missing.length) throw badRequest(`参会单位不存在 (attending units not found): ${missing.join(', ')}`, { field: 'attendingUnitIds' });
      // A meeting's attendees come from its own region (a county meeting: the county's units).
      const outside = found.filter((u) => !u.path.startsWith(region!.path));
      if (outside.length) throw badRequest(`参会单位须在主办单位所在地区内 (attending units must be in the organiser's region): ${outside.map((u) => u.name).join('、')}`, { field: 'attendingUnitIds' });
    }
    const speakerIds = [...new Set(input.agenda.flatMap((a) => (a.speakerId ? [a.speakerId] : [])))];
    const speakers = (await this.org.peopleByIds(speakerIds, db)).filter((p) => p.active);
    const unknown = speakerIds.filter((id) => !speakers.some((p) => p.id === id));
    if (unknown.length) throw badRequest(`发言人不存在 (speakers not found): ${unknown.join(', ')}`, { field: 'agenda' });
    const agenda = input.agenda.map((a) => ({
      speakerId: a.speakerId ?? null,
      speaker: a.speaker ?? speakers.find((p) => p.id === a.speakerId)?.name ?? null,
      role: a.role,
      minutes: a.minutes,
      topic: a.topic ?? null,
    }));
    const year = meetingYear(startsAt);
    if (opts.lock) await this.store.lockQuota(db, [organizer.id, regionId]);
    const policy = await this.policy.forUnitPath(organizer.path, db);
    const rules = policy.meetings;
    const counts = await this.store.counts(db, { organizerUnitId: organizer.id, regionId, year, excludeId: opts.excludeId });
    const window = rules.mergeWindowDays * DAY_MS;
    const nearby = await this.store.nearby(db, new Date(startsAt.getTime() - window), new Date(startsAt.getTime() + window), opts.excludeId);
    const findings = checkMeeting(
      { id: opts.excludeId, title: input.title, kind: input.kind, scope: input.scope, startsAt, endsAt, attendingUnitIds, organizerUnitId: organizer.id, agenda },
      { ...counts, nearby },
      rules,
    );
    return { organizer, regionId, year, startsAt, endsAt, attendingUnitIds, agenda, findings };
  }

  /** The findings of a plan without saving it (the web form checks as it is filled in). */
  async check(actor: Actor, input: MeetingInput): Promise<CheckResult> {
    const { findings } = await this.evaluate(actor, input, this.db, {});
    const o = planOutcome(findings, input.overrideReason);
    return { findings, outcome: o.ok ? o.status : 'blocked' };
  }

  private outcomeOrThrow(findings: Finding[], reason: string | undefined): 'planned' | 'pending_approval' {
    const o = planOutcome(findings, reason);
    if (o.ok) return o.status;
    if (o.code === 'VALIDATION') throw badRequest(o.message, { field: 'overrideReason' });
    throw conflict(MEETING_ERRORS.MEETING_RULE_BLOCKED, o.message, { findings: o.findings });
  }

  /** Supervisors over the organiser who may approve (not its own people, not the planner). */
  private async approvalRequests(m: { id: number; title: string; organizerUnitId: number; organizerPath: string; plannedBy: number }, reason: string, db: Executor): Promise<NewNotification[]> {
    const supervisors = await this.org.supervisorsOver(m.organizerPath, db);
    const people = await this.org.peopleByIds(supervisors.map((s) => s.id), db);
    return people
      .filter((p) => p.unitId !== m.organizerUnitId && p.id !== m.plannedBy)
      .map((p) => ({ recipientId: p.id, kind: 'meetings.approval_requested', title: `会议计划待审批：${m.title}`, body: `超出精文减会规定，计划人说明理由：${reason.slice(0, 300)}`, objectType: 'meeting', objectId: m.id }));
  }

  /** 计划会议: checked against the rules; a blocking finding needs a written reason and then waits for approval. */
  async create(ctx: AuditContext, actor: Actor, input: MeetingInput): Promise<MeetingRow> {
    const row = await transact(this.db, async (trx) => {
      const e = await this.evaluate(actor, input, trx, { lock: true });
      const status = this.outcomeOrThrow(e.findings, input.overrideReason);
      const reason = input.overrideReason?.trim() || null;
      const inserted = await this.store.insert(trx, {
        ...planColumns(input, e, status, reason),
        plannedBy: actor.personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await this.store.replacePlan(trx, inserted.id, e.agenda, e.attendingUnitIds);
      const m = { ...inserted, organizerPath: e.organizer.path, organizerName: e.organizer.name };
      if (status === 'pending_approval') await this.notify.queue(trx, await this.approvalRequests(m, reason!, trx));
      await appendAudit(trx, ctx, { action: 'meeting.create', objectType: 'meeting', objectId: inserted.id, after: { ...inserted, agenda: e.agenda, attendingUnitIds: e.attendingUnitIds } });
      return m;
    });
    this.notify.kick();
    return row;
  }

  /** 修改计划: the whole plan again, re-checked (a changed plan that blocks waits for approval again). */
  async update(ctx: AuditContext, actor: Actor, id: number, version: number, input: MeetingInput): Promise<MeetingRow> {
    const row = await transact(this.db, async (trx) => {
      const { m, sight } = await this.load(actor, id, trx, true);
      this.mustManage(actor, sight);
      this.step(m.status, 'update');
      if (m.version !== version) throw conflict(PLATFORM_ERRORS.STALE_VERSION, `会议已被他人修改（当前版本 ${m.version}），请刷新后再试 (the meeting changed; reload it).`, { currentVersion: m.version });
      const e = await this.evaluate(actor, input, trx, { excludeId: id, lock: true });
      const outcome = this.outcomeOrThrow(e.findings, input.overrideReason);
      const status = this.step(m.status, 'update', outcome);
      const reason = input.overrideReason?.trim() || null;
      const updated = await this.store.update(
        trx,
        id,
        {
          ...planColumns(input, e, status, reason),
          // A changed plan is decided afresh.
          decidedBy: null,
          decidedAt: null,
          decisionComment: null,
          updatedAt: ctx.now,
        },
        version,
      );
      if (!updated) throw conflict(PLATFORM_ERRORS.STALE_VERSION, '会议已被他人修改，请刷新后再试 (the meeting changed; reload it).');
      await this.store.replacePlan(trx, id, e.agenda, e.attendingUnitIds);
      const after = { ...updated, organizerPath: e.organizer.path, organizerName: e.organizer.name };
      if (status === 'pending_approval') await this.notify.queue(trx, await this.approvalRequests(after, reason!, trx));
      await appendAudit(trx, ctx, { action: 'meeting.update', objectType: 'meeting', objectId: id, ...changedFields(m, { ...updated, agenda: e.agenda, attendingUnitIds: e.attendingUnitIds }) });
      return after;
    });
    this.notify.kick();
    return row;
  }

  /** 审批: a supervisor over the organiser (not its own people) approves or refuses an overriding plan, with a comment. */
  async decide(ctx: AuditContext, actor: Actor, id: number, approve: boolean, comment: string | undefined): Promise<MeetingRow> {
    const row = await transact(this.db, async (trx) => {
      const { m, sight } = await this.load(actor, id, trx, true);
      if (!canApprove(actor, sight)) throw forbidden('只有管辖主办单位的督查人员或管理员可以审批，且不能审批本单位或本人计划的会议 (only a supervisor over the organiser, not of it, may decide).');
      const status = this.step(m.status, approve ? 'approve' : 'refuse');
      const updated = (await this.store.update(trx, id, { status, decidedBy: actor.personId, decidedAt: ctx.now, decisionComment: comment ?? null, updatedAt: ctx.now }))!;
      const heads = await this.org.unitPeopleWithRole(m.organizerUnitId, 'unit_head', trx);
      const recipients = [...new Set([m.plannedBy, ...heads.map((h) => h.id)])].filter((r) => r !== actor.personId);
      await this.notify.queue(
        trx,
        recipients.map((r) => ({
          recipientId: r,
          kind: approve ? 'meetings.approved' : 'meetings.refused',
          title: `${approve ? '会议计划已批准' : '会议计划未获批准'}：${m.title}`,
          body: `${actor.name}${comment ? `：${comment.slice(0, 300)}` : ''}`,
          objectType: 'meeting',
          objectId: id,
        })),
      );
      await appendAudit(trx, ctx, { action: approve ? 'meeting.approve' : 'meeting.refuse', objectType: 'meeting', objectId: id, before: { status: m.status, overrideReason: m.overrideReason, findings: m.findings }, after: { status, decidedBy: actor.personId, comment: comment ?? null } });
      return { ...updated, organizerPath: m.organizerPath, organizerName: m.organizerName };
    });
    this.notify.kick();
    return row;
  }

  /** 取消, with the reason. */
  async cancel(ctx: AuditContext, actor: Actor, id: number, reason: string): Promise<MeetingRow> {
    return transact(this.db, async (trx) => {
      const { m, sight } = await this.load(actor, id, trx, true);
      this.mustManage(actor, sight);
      const status = this.step(m.status, 'cancel');
      const updated = (await this.store.update(trx, id, { status, cancelledAt: ctx.now, cancelReason: reason, updatedAt: ctx.now }))!;
      await appendAudit(trx, ctx, { action: 'meeting.cancel', objectType: 'meeting', objectId: id, before: { status: m.status }, after: { status, reason } });
      return { ...updated, organizerPath: m.organizerPath, organizerName: m.organizerName };
    });
  }

  // --- reads ---

  /** A meeting the actor may see, with its agenda, attending units, decisions (each with its task's light) and the actions they may take. */
  async get(actor: Actor, id: number, db: Executor = this.db): Promise<MeetingDetail> {
    const { m, sight } = await this.load(actor, id, db);
    const agenda = await this.store.agenda(db, id);
    const decisions = await this.store.decisions(db, id);
    const states = await this.tasks.states(decisions.flatMap((d) => (d.taskId ? [d.taskId] : [])), db);
    const people = await this.org.peopleByIds([m.plannedBy, ...(m.decidedBy ? [m.decidedBy] : [])], db);
    return {
      meeting: m,
      attendees: sight.attendees,
      agenda,
      decisions: decisions.map((d) => ({ ...d, task: states.find((s) => s.task.id === d.taskId) ?? null })),
      names: { plannedBy: people.find((p) => p.id === m.plannedBy)?.name ?? null, decidedBy: people.find((p) => p.id === m.decidedBy)?.name ?? null },
      allowedActions: allowedActions(actor, sight),
    };
  }

  /** A page of the meetings the actor may see, newest first. */
  list(actor: Actor, filter: MeetingListFilter, page: { limit: number; after?: readonly [string, number] | undefined }) {
    return this.store.list(this.db, this.viewer(actor), filter, page);
  }

  /** 会议纪要 as DOCX: the meeting's data and its decisions (with their tasks' deadlines once concluded). */
  async minutes(actor: Actor, id: number): Promise<{ fileName: string; data: Buffer }> {
    const d = await this.get(actor, id);
    return { fileName: minutesFileName(d.meeting.title), data: await buildMinutes(d) };
  }

  /**
   * 会议统计 for a unit (its subtree; default the actor's region) and a year (default this
   * year): over the meetings the actor may see.
   */
  async stats(actor: Actor, q: { unitId?: number | undefined; year?: number | undefined }): Promise<MeetingStats & { unit: { id: number; name: string } }> {
    const unitId = q.unitId ?? Number(actor.regionPath.split('/').filter(Boolean).at(-1));
    const unit = await this.org.getUnit(actor, unitId);
    const year = q.year ?? meetingYear(this.clock.now());
    const rows = await this.store.statsRows(this.db, this.viewer(actor), unit.path, [year, year - 1]);
    const thisYear = rows.filter((r) => r.year === year);
    const decisions = await this.store.decisionsOf(this.db, thisYear.map((r) => r.id));
    const states = await this.tasks.states(decisions.flatMap((d) => (d.taskId ? [d.taskId] : [])));
    const stats = meetingStats(
      year,
      rows.map((r) => ({ kind: r.kind, year: r.year, slotMinutes: Math.round((new Date(r.endsAt).getTime() - new Date(r.startsAt).getTime()) / 60_000), timedPlanned: r.timedPlanned, timedActual: r.timedActual })),
      { total: decisions.length, withTask: decisions.filter((d) => d.taskId !== null).length },
      states.map((s) => taskOutcome({ status: s.task.status, deadline: s.task.deadline, submittedOn: s.task.submittedOn, light: s.light.light })),
    );
    return { ...stats, unit: { id: unit.id, name: unit.name } };
  }

  // --- the timer ---

  /** 计时: a speaker's actual minutes (given, or from the start and end); the first one marks the meeting held. */
  async recordActual(ctx: AuditContext, actor: Actor, id: number, itemId: number, input: { minutes?: number | undefined; startedAt?: string | undefined; endedAt?: string | undefined }) {
    return transact(this.db, async (trx) => {
      const { m, sight } = await this.load(actor, id, trx, true);
      if (!canRecordActual(actor, sight)) throw forbidden('只有主办单位人员或会议管理人可以记录发言时长 (only the organiser’s people record speech times).');
      const status = this.step(m.status, 'record_actual');
      const item = await this.store.agendaItemForUpdate(trx, id, itemId);
      if (!item) throw notFound(MEETING_ERRORS.AGENDA_ITEM_NOT_FOUND, itemId);
      const startedAt = input.startedAt ? new Date(input.startedAt) : null;
      const endedAt = input.endedAt ? new Date(input.endedAt) : null;
      let minutes = input.minutes;
      if (startedAt && endedAt) {
        if (!(endedAt > startedAt)) throw badRequest('发言结束时间须晚于开始时间 (endedAt must be after startedAt).', { field: 'endedAt' });
        const measured = Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000);
        if (measured > 24 * 60) throw badRequest('一次发言不超过 24 小时 (a speech lasts at most 24 hours).', { field: 'endedAt' });
        minutes ??= measured;
      }
      if (minutes === undefined) throw badRequest('请给出实际分钟数，或开始和结束时间 (give minutes, or startedAt and endedAt).', { field: 'minutes' });
      await this.store.setActual(trx, itemId, { actualMinutes: minutes, startedAt, endedAt });
      if (status !== m.status) await this.store.update(trx, id, { status, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'meeting.actual', objectType: 'meeting', objectId: id, before: { itemId, actualMinutes: item.actualMinutes }, after: { itemId, actualMinutes: minutes, planned: item.minutes, status } });
      return { itemId, actualMinutes: minutes, plannedMinutes: item.minutes, status };
    });
  }

  // --- decisions (一次布置到位) ---

  /** Checks a decision's lead unit and responsible person exist (the scope is the tasks engine's at the conclusion). */
  private async checkDecision(d: { leadUnitId: number | null; responsibleId: number | null; deadline: string | null }, db: Executor): Promise<void> {
    let leadPath: string | null = null;
    if (d.leadUnitId !== null) {
      const [u] = await this.org.unitsByIds([d.leadUnitId], db);
      if (!u?.active) throw badRequest(`牵头单位 ${d.leadUnitId} 不存在或已撤销 (lead unit not found).`, { field: 'leadUnitId' });
      leadPath = u.path;
    }
    if (d.responsibleId !== null) {
      const ok = leadPath ? await this.org.personInSubtree(d.responsibleId, leadPath, db) : (await this.org.peopleByIds([d.responsibleId], db)).find((p) => p.active);
      if (!ok) throw badRequest('责任人须是牵头单位的在职人员 (the responsible person must work in the lead unit).', { field: 'responsibleId' });
    }
    if (d.deadline !== null && d.deadline < shanghaiDate(this.clock.now())) throw badRequest(`完成时限 ${d.deadline} 已过 (the deadline is in the past).`, { field: 'deadline' });
  }

  private async editable(actor: Actor, id: number, trx: Executor) {
    const { m, sight } = await this.load(actor, id, trx, true);
    this.mustManage(actor, sight);
    this.step(m.status, 'edit_decisions');
    return m;
  }

  /** 议定事项: adds a decision (lead unit, responsible person and deadline may come later, but before the conclusion). */
  async addDecision(ctx: AuditContext, actor: Actor, id: number, input: DecisionInput) {
    return transact(this.db, async (trx) => {
      await this.editable(actor, id, trx);
      const fields = decisionFields(input);
      await this.checkDecision({ leadUnitId: fields.leadUnitId ?? null, responsibleId: fields.responsibleId ?? null, deadline: fields.deadline ?? null }, trx);
      const d = await this.store.addDecision(trx, { meetingId: id, text: input.text, description: null, leadUnitId: null, responsibleId: null, deadline: null, deadlineWorkdays: null, level: 'normal', ...fields, createdAt: ctx.now, updatedAt: ctx.now });
      await this.store.update(trx, id, { updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'meeting.decision.add', objectType: 'meeting', objectId: id, after: d });
      return d;
    });
  }

  /** Changes a decision (fields given; null clears one). */
  async updateDecision(ctx: AuditContext, actor: Actor, id: number, decisionId: number, input: Partial<DecisionInput>) {
    return transact(this.db, async (trx) => {
      await this.editable(actor, id, trx);
      const before = await this.store.decisionById(trx, id, decisionId);
      if (!before) throw notFound(MEETING_ERRORS.DECISION_NOT_FOUND, decisionId);
      const fields = decisionFields(input);
      const merged = { ...before, ...fields };
      await this.checkDecision(merged, trx);
      const d = await this.store.updateDecision(trx, decisionId, { ...fields, updatedAt: ctx.now });
      await this.store.update(trx, id, { updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'meeting.decision.update', objectType: 'meeting', objectId: id, before, after: d });
      return d;
    });
  }

  async deleteDecision(ctx: AuditContext, actor: Actor, id: number, decisionId: number): Promise<void> {
    await transact(this.db, async (trx) => {
      await this.editable(actor, id, trx);
      const before = await this.store.decisionById(trx, id, decisionId);
      if (!before) throw notFound(MEETING_ERRORS.DECISION_NOT_FOUND, decisionId);
      await this.store.deleteDecision(trx, decisionId);
      await this.store.update(trx, id, { updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'meeting.decision.delete', objectType: 'meeting', objectId: id, before });
    });
  }

  /**
   * 办结 (一次布置到位): every decision becomes a supervised task (source: this meeting), in the
   * meeting's own transaction — all tasks, the meeting's state and the audit entry commit together
   * or not at all. Refused while a decision lacks its lead unit, responsible person or deadline;
   * a lead unit outside the concluder's scope is the tasks engine's 403, naming the decision.
   */
  async conclude(ctx: AuditContext, actor: Actor, id: number): Promise<{ meeting: MeetingRow; taskIds: number[] }> {
    const out = await transact(this.db, async (trx) => {
      const { m, sight } = await this.load(actor, id, trx, true);
      this.mustManage(actor, sight);
      const status = this.step(m.status, 'conclude');
      const decisions = await this.store.decisions(trx, id);
      const gaps = concludeGaps(decisions);
      if (gaps) throw conflict(MEETING_ERRORS.DECISIONS_INCOMPLETE, gaps.message, { decisions: gaps.gaps });
      const taskIds: number[] = [];
      for (const [i, d] of decisions.entries()) {
        let task;
        try {
          task = await this.tasks.create(
            ctx,
            actor,
            {
              title: d.text,
              ...(d.description ? { description: d.description } : {}),
              level: d.level,
              leadUnitId: d.leadUnitId!,
              responsibleId: d.responsibleId!,
              deadline: d.deadline ?? { workdays: d.deadlineWorkdays! },
              source: { kind: 'meeting', id, ref: m.title.slice(0, 200) },
            },
            trx,
          );
        } catch (e) {
          // The same error (its code and status), saying which decision failed; the whole conclusion is undone with it.
          if (e instanceof AppError) {
            e.message = `第 ${i + 1} 项议定事项「${d.text.slice(0, 40)}」未能交办，会议未办结：${e.message}`;
            Object.assign(e, { details: { decisionId: d.id, ...(isObject(e.details) ? e.details : {}) } });
          }
          throw e;
        }
        await this.store.updateDecision(trx, d.id, { taskId: task.id, updatedAt: ctx.now });
        taskIds.push(task.id);
      }
      const updated = (await this.store.update(trx, id, { status, concludedBy: actor.personId, concludedAt: ctx.now, updatedAt: ctx.now }))!;
      await appendAudit(trx, ctx, { action: 'meeting.conclude', objectType: 'meeting', objectId: id, before: { status: m.status }, after: { status, taskIds } });
      return { meeting: { ...updated, organizerPath: m.organizerPath, organizerName: m.organizerName }, taskIds };
    });
    this.notify.kick();
    return out;
  }

  /** 马上就反馈: a decision's task verified — the person who planned the meeting and the organiser's heads hear of it. */
  private async onTaskVerified(trx: Executor, t: TaskTransition): Promise<NewNotification[]> {
    const d = await this.store.decisionByTask(trx, t.task.id);
    if (!d) return [];
    const heads = await this.org.unitPeopleWithRole(d.organizerUnitId, 'unit_head', trx);
    const recipients = [...new Set([d.plannedBy, ...heads.map((h) => h.id)])].filter((r) => r !== t.actorId);
    return recipients.map((r) => ({
      recipientId: r,
      kind: 'meetings.decision_done',
      title: `会议议定事项已办结：${d.text.slice(0, 60)}`,
      body: `「${d.title}」的议定事项「${d.text.slice(0, 100)}」已审核办结（督办事项 ${t.task.id}）。`,
      objectType: 'meeting',
      objectId: d.meetingId,
    }));
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The columns a decision input sets (only the fields given; null clears). */
function decisionFields(input: Partial<DecisionInput>) {
  const out: { text?: string; description?: string | null; leadUnitId?: number | null; responsibleId?: number | null; deadline?: string | null; deadlineWorkdays?: number | null; level?: TaskLevel } = {};
  if (input.text !== undefined) out.text = input.text;
  if (input.description !== undefined) out.description = input.description;
  if (input.leadUnitId !== undefined) out.leadUnitId = input.leadUnitId;
  if (input.responsibleId !== undefined) out.responsibleId = input.responsibleId;
  if (input.level !== undefined) out.level = input.level;
  if (input.deadline !== undefined) {
    out.deadline = typeof input.deadline === 'string' ? input.deadline : null;
    out.deadlineWorkdays = input.deadline !== null && typeof input.deadline === 'object' ? input.deadline.workdays : null;
  }
  return out;
}
