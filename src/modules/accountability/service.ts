import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { hasRole, scopeOf, type Actor } from '../../platform/auth/actor.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import { transact, type Db, type Executor } from '../../platform/db/index.ts';
import { AppError, conflict, forbidden, PLATFORM_ERRORS } from '../../platform/errors.ts';
import type { NewNotification, NotifyService } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PublicRequestService } from '../public/service.ts';
import type { TaskService } from '../tasks/service.ts';
import { ACCOUNTABILITY_ERRORS } from './errors.ts';
import { acceptUpload, ATTACHMENT_RULE } from '../../platform/files/upload.ts';
import { allowedActions, canAttach, canManage, canSee, may, type RecordSight } from './policy.ts';
import {
  DRAFTING_RUNGS,
  KIND_NAMES,
  flagDraft,
  flagKey,
  nextStatus,
  rungDraft,
  rungKey,
  type DraftingRung,
  type Evidence,
  type RecordAction,
  type RecordKind,
} from './rules.ts';
import type { AccountabilityStore, RecordFilter, RecordRow, Viewer } from './store.ts';

export type { RecordRow } from './store.ts';

/** A record as created by hand. */
export interface RecordInput {
  kind: RecordKind;
  targetUnitId: number;
  targetPersonId?: number | null | undefined;
  title: string;
  reason: string;
  evidence?: Evidence[] | undefined;
  taskId?: number | null | undefined;
}

/** A record as its page shows it. */
export interface RecordDetail {
  record: RecordRow;
  allowedActions: RecordAction[];
  /** Evidence files (without their bytes). */
  attachments: { id: number; fileName: string; contentType: string; size: number; sha256: string; createdAt: Date; uploadedByName: string }[];
  /** May the actor attach a file now (a supervisor over the target, the record not closed)? */
  canAttach: boolean;
}

/** The job's own actor for reads another module's service guards (public flags): an admin that is nobody. */
const JOB_ACTOR: Actor = { personId: 0, login: 'job:accountability', name: '系统', unitId: 0, unitPath: '/', regionPath: '/', roles: ['admin'], via: 'token' };

/**
 * 问责: records of 提醒 / 约谈 / 通报批评 / 诫勉 / 问责建议 by hand, and drafts made by a job from
 * the 通报 and 问责建议 escalation rungs and from the public module's "last two months running"
 * flag — each operation one transaction with its audit entry, notifications queued in it and
 * kicked after the commit.
 */
export class AccountabilityService {
  /** The month whose public flags this process has drafted from (the flags change once a month). */
  private flagsDoneFor: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly notify: NotifyService,
    private readonly org: OrgService,
    private readonly tasks: TaskService,
    private readonly publicRequests: PublicRequestService | undefined,
    private readonly store: AccountabilityStore,
  ) {}

  private viewer(actor: Actor): Viewer {
    const scope = scopeOf(actor);
    return { all: scope.all, personId: actor.personId, manage: hasRole(actor, 'supervisor') ? scope : null, read: hasRole(actor, 'leader', 'unit_head') ? scope : null };
  }

  private sight(r: RecordRow): RecordSight {
    return { targetUnitId: r.targetUnitId, targetPath: r.targetPath, targetPersonId: r.targetPersonId, status: r.status };
  }

  /** The record, 404 when missing or out of the actor's sight (the same answer); locked when asked. */
  private async load(actor: Actor, id: number, db: Executor, lock = false): Promise<RecordRow> {
    const r = await this.store.byId(db, id, { lock });
    // Out of the actor's sight answers exactly as an unknown id (no existence oracle).
    if (!r || !canSee(actor, this.sight(r))) throw new AppError(ACCOUNTABILITY_ERRORS.ACCOUNTABILITY_NOT_FOUND, `问责记录 ${id} 不存在 (accountability record ${id} does not exist).`, { id });
    return r;
  }

  /** A record with the actions the actor may take on it. */
  async get(actor: Actor, id: number): Promise<RecordDetail> {
    const record = await this.load(actor, id, this.db);
    const attachments = await this.store.attachments(this.db, id);
    return { record, allowedActions: allowedActions(actor, this.sight(record)), attachments, canAttach: canAttach(actor, record) };
  }

  /**
   * Attaches an evidence file to a record (约谈记录, 情况说明, a photo): a supervisor over the
   * target, until it is closed. What the file is comes from its bytes (the platform's upload rules,
   * as for a task's attachments); audited in the same transaction.
   */
  async attach(ctx: AuditContext, actor: Actor, id: number, fileName: string, bytes: Buffer) {
    const file = acceptUpload(ATTACHMENT_RULE, fileName, bytes);
    return transact(this.db, async (trx) => {
      const r = await this.load(actor, id, trx, true);
      if (!canAttach(actor, r)) throw forbidden(r.status === 'closed' ? '已结案的问责记录不能再添加证据 (a closed record takes no more evidence).' : '只有本区域的督查室可以添加证据 (only a supervisor over the target attaches evidence).');
      const a = await this.store.addAttachment(trx, { recordId: id, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256, data: bytes, uploadedBy: actor.personId, createdAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'accountability.attach', objectType: 'accountability_record', objectId: id, after: { attachmentId: a.id, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256 } });
      return a;
    });
  }

  /** An evidence file's bytes, for whoever may see the record (404 otherwise, as for an unknown one). */
  async attachment(actor: Actor, id: number, attachmentId: number) {
    await this.load(actor, id, this.db);
    const a = await this.store.attachment(this.db, id, attachmentId);
    if (!a) throw new AppError(ACCOUNTABILITY_ERRORS.ACCOUNTABILITY_ATTACHMENT_NOT_FOUND, `附件 ${attachmentId} 不存在 (attachment ${attachmentId} does not exist).`, { id: attachmentId });
    return a;
  }

  /** The records the actor may see, newest first. */
  list(actor: Actor, filter: RecordFilter, page: { limit: number; after?: readonly [string, number] | undefined }) {
    return this.store.list(this.db, this.viewer(actor), filter, page);
  }

  /** Records issued in [from, to) (Asia/Shanghai days) against units at or under `unitPath`, by kind (the reports cite them). */
  async countsIssued(unitPath: string, period: { from: string; to: string }, db: Executor = this.db): Promise<{ kind: RecordKind; n: number }[]> {
    const rows = await this.store.counts(db, unitPath, new Date(`${period.from}T00:00:00+08:00`), new Date(`${period.to}T00:00:00+08:00`));
    return rows.map((r) => ({ kind: r.kind, n: Number(r.n) }));
  }

  /** Checks the target person works in the target unit (or below), and the evidence exists and is the actor's to cite. */
  private async checkTargets(actor: Actor, unitPath: string, personId: number | null | undefined, evidence: Evidence[], taskId: number | null | undefined, db: Executor): Promise<void> {
    if (personId) {
      const p = await this.org.personInSubtree(personId, unitPath, db);
      if (!p) throw new AppError(ACCOUNTABILITY_ERRORS.ACCOUNTABILITY_TARGET_MISMATCH, '被问责人须在被问责单位（或其下级单位）工作 (the target person must work in the target unit or below it).', { field: 'targetPersonId' });
    }
    const taskIds = [...evidence.filter((e) => e.kind === 'task').map((e) => e.id!), ...(taskId ? [taskId] : [])];
    if (taskIds.length) {
      const found = await this.tasks.states(taskIds, db);
      const scope = scopeOf(actor);
      const bad = taskIds.filter((id) => {
        const s = found.find((f) => f.task.id === id);
        return !s || !(scope.all || scope.subtrees.some((p) => s.task.leadUnitPath.startsWith(p)) || scope.units.includes(s.task.leadUnitPath));
      });
      if (bad.length) throw new AppError(ACCOUNTABILITY_ERRORS.ACCOUNTABILITY_EVIDENCE_INVALID, `证据中的督办事项不存在或不在您的范围内：${bad.join('、')} (tasks not found or outside your scope).`, { taskIds: bad });
    }
    const requestIds = evidence.filter((e) => e.kind === 'citizen_request').map((e) => e.id!);
    for (const id of requestIds) {
      if (!this.publicRequests) throw new AppError(ACCOUNTABILITY_ERRORS.ACCOUNTABILITY_EVIDENCE_INVALID, '群众诉求模块未启用 (the citizen requests module is absent).', { requestIds });
      try {
        await this.publicRequests.get(actor, id, db);
      } catch {
        throw new AppError(ACCOUNTABILITY_ERRORS.ACCOUNTABILITY_EVIDENCE_INVALID, `证据中的群众诉求 ${id} 不存在或不在您的范围内 (citizen request not found or outside your scope).`, { requestIds: [id] });
      }
    }
  }

  /** 新建 a record by hand, as a draft: a supervisor whose region covers the target unit. */
  async create(ctx: AuditContext, actor: Actor, input: RecordInput): Promise<RecordRow> {
    const unit = await this.org.getUnit(actor, input.targetUnitId);
    if (!canManage(actor, unit.path)) throw forbidden('只有本区域的督查室可以新建问责记录 (only a supervisor over the unit creates accountability records).');
    const evidence = input.evidence ?? [];
    const id = await this.db.transaction().execute(async (trx) => {
      await this.checkTargets(actor, unit.path, input.targetPersonId, evidence, input.taskId, trx);
      const row = await this.store.insert(trx, {
        kind: input.kind,
        status: 'draft',
        targetUnitId: unit.id,
        targetPersonId: input.targetPersonId ?? null,
        title: input.title,
        reason: input.reason,
        evidence: JSON.stringify(evidence),
        origin: 'manual',
        originKey: null,
        originAt: null,
        taskId: input.taskId ?? null,
        createdBy: actor.personId,
        issuedBy: null,
        issuedAt: null,
        explanation: null,
        explainedBy: null,
        explainedAt: null,
        conclusion: null,
        closedBy: null,
        closedAt: null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await appendAudit(trx, ctx, { action: 'accountability.create', objectType: 'accountability_record', objectId: row!.id, after: { ...input, evidence } });
      return row!.id;
    });
    return (await this.store.byId(this.db, id))!;
  }

  /** Runs one action on a record: lock, check permission, state and version, write, audit, notify. */
  private async act(
    ctx: AuditContext,
    actor: Actor,
    id: number,
    version: number,
    action: RecordAction,
    decide: (r: RecordRow, trx: Executor) => Promise<{ set: Parameters<AccountabilityStore['update']>[3]; notify?: NewNotification[]; audit?: unknown }>,
  ): Promise<RecordRow> {
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx, true);
      const sight = this.sight(r);
      const step = nextStatus(r.status, action);
      if (action === 'explain' ? !may(actor, 'explain', { ...sight, status: 'issued' }) : !canManage(actor, r.targetPath)) {
        throw forbidden(action === 'explain' ? '只有被问责人（或被问责单位的负责人）可以提交说明 (only the person concerned, or the target unit’s heads, explains).' : '只有本区域的督查室可以这样做 (only a supervisor over the target unit may do this).');
      }
      if (!step.ok) throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, step.reason, { status: r.status, action });
      if (r.version !== version) throw conflict(PLATFORM_ERRORS.STALE_VERSION, `问责记录已被他人修改（当前版本 ${r.version}），请刷新后再试 (the record changed; reload it).`, { currentVersion: r.version });
      const d = await decide(r, trx);
      await this.store.update(trx, id, version, { ...d.set, status: step.status, updatedAt: ctx.now });
      if (d.notify?.length) await this.notify.queue(trx, d.notify);
      await appendAudit(trx, ctx, { action: `accountability.${action}`, objectType: 'accountability_record', objectId: id, before: { status: r.status, version }, after: { status: step.status, ...(d.audit ?? d.set) } });
    });
    this.notify.kick();
    return (await this.store.byId(this.db, id))!;
  }

  /** 修改草稿: the fields given (a draft only). */
  update(ctx: AuditContext, actor: Actor, id: number, version: number, patch: Partial<Omit<RecordInput, 'targetUnitId'>>): Promise<RecordRow> {
    return this.act(ctx, actor, id, version, 'edit', async (r, trx) => {
      const evidence = patch.evidence ?? JSON.parse(JSON.stringify(r.evidence)) as Evidence[];
      await this.checkTargets(actor, r.targetPath, patch.targetPersonId === undefined ? r.targetPersonId : patch.targetPersonId, patch.evidence ?? [], patch.taskId, trx);
      const set: Parameters<AccountabilityStore['update']>[3] = {};
      if (patch.kind) set.kind = patch.kind;
      if (patch.title) set.title = patch.title;
      if (patch.reason) set.reason = patch.reason;
      if (patch.targetPersonId !== undefined) set.targetPersonId = patch.targetPersonId;
      if (patch.taskId !== undefined) set.taskId = patch.taskId;
      if (patch.evidence) set.evidence = JSON.stringify(evidence);
      return { set, audit: patch };
    });
  }

  /** 印发: the record is issued; the target person (or the target unit's heads) is told. */
  issue(ctx: AuditContext, actor: Actor, id: number, version: number): Promise<RecordRow> {
    return this.act(ctx, actor, id, version, 'issue', async (r, trx) => {
      const to = r.targetPersonId ? [r.targetPersonId] : (await this.org.unitPeopleWithRole(r.targetUnitId, 'unit_head', trx)).map((h) => h.id);
      const name = KIND_NAMES[r.kind];
      return {
        set: { issuedBy: actor.personId, issuedAt: ctx.now },
        notify: to.map((recipientId) => ({ recipientId, kind: 'accountability.issued', title: `${name}：${r.title}`, body: `${r.reason.slice(0, 300)}\n如有异议，可在系统中提交说明（申辩）。`, objectType: 'accountability_record', objectId: r.id })),
      };
    });
  }

  /** 申辩: the person concerned explains, once, after the record is issued; the issuer is told. */
  explain(ctx: AuditContext, actor: Actor, id: number, version: number, text: string): Promise<RecordRow> {
    return this.act(ctx, actor, id, version, 'explain', async (r) => ({
      set: { explanation: text, explainedBy: actor.personId, explainedAt: ctx.now },
      notify: r.issuedBy ? [{ recipientId: r.issuedBy, kind: 'accountability.explained', title: `收到说明：${r.title}`, body: text.slice(0, 300), objectType: 'accountability_record', objectId: r.id }] : [],
    }));
  }

  /** 结案: the supervisor closes the record with a conclusion. */
  close(ctx: AuditContext, actor: Actor, id: number, version: number, conclusion: string): Promise<RecordRow> {
    return this.act(ctx, actor, id, version, 'close', async (r) => ({
      set: { conclusion, closedBy: actor.personId, closedAt: ctx.now },
      notify: r.explainedBy ? [{ recipientId: r.explainedBy, kind: 'accountability.closed', title: `已结案：${r.title}`, body: conclusion.slice(0, 300), objectType: 'accountability_record', objectId: r.id }] : [],
    }));
  }

  /** A job's draft: inserted once per origin key; the supervisors over the unit are told. False when it existed. */
  private async draft(trx: Executor, now: Date, d: { kind: RecordKind; title: string; reason: string; unitId: number; unitPath: string; personId: number | null; origin: 'escalation' | 'public_flag'; key: string; at: Date | null; taskId: number | null; evidence: Evidence[] }): Promise<boolean> {
    const row = await this.store.insert(trx, {
      kind: d.kind,
      status: 'draft',
      targetUnitId: d.unitId,
      targetPersonId: d.personId,
      title: d.title,
      reason: d.reason,
      evidence: JSON.stringify(d.evidence),
      origin: d.origin,
      originKey: d.key,
      originAt: d.at,
      taskId: d.taskId,
      createdBy: null,
      issuedBy: null,
      issuedAt: null,
      explanation: null,
      explainedBy: null,
      explainedAt: null,
      conclusion: null,
      closedBy: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) return false;
    const supervisors = await this.org.supervisorsOver(d.unitPath, trx);
    await this.notify.queue(trx, supervisors.map((s) => ({ recipientId: s.id, kind: 'accountability.draft', title: `待审核的问责草稿：${d.title}`, body: d.reason.slice(0, 300), objectType: 'accountability_record', objectId: row.id })));
    await appendAudit(trx, { actorId: null, actorLogin: 'job:accountability', clientIp: null, now }, { action: 'accountability.draft', objectType: 'accountability_record', objectId: row.id, after: { origin: d.origin, key: d.key, kind: d.kind } });
    return true;
  }

  /**
   * Drafts from the 通报 and 问责建议 rungs fired since the last drafted one (read through the
   * tasks service, in batches): one draft per task and rung, against the lead unit and, when the
   * task has one, its responsible person. Idempotent (the origin key), so overlapping runs and a
   * re-read of the last instant are harmless.
   */
  async draftFromRungs(conn: Executor = this.db, batch = 200): Promise<{ read: number; drafted: number }> {
    const since = await this.store.lastRungAt(conn);
    let after: readonly [Date, number, string] | undefined;
    let read = 0;
    let drafted = 0;
    for (;;) {
      const rows = await this.tasks.rungsSince(DRAFTING_RUNGS, { since, after }, batch, conn);
      if (rows.length === 0) break;
      read += rows.length;
      const last = rows.at(-1)!;
      after = [new Date(last.at), last.taskId, last.level];
      const now = this.clock.now();
      await conn.transaction().execute(async (trx) => {
        for (const e of rows) {
          const level = e.level as DraftingRung;
          const text = rungDraft(level, { id: e.taskId, title: e.title, leadUnitName: e.leadUnitName, deadline: e.deadline }, e.overdueWorkdays);
          const made = await this.draft(trx, now, { ...text, unitId: e.leadUnitId, unitPath: e.leadUnitPath, personId: e.responsibleId, origin: 'escalation', key: rungKey(e.taskId, level), at: new Date(e.at), taskId: e.taskId, evidence: [{ kind: 'task', id: e.taskId }] });
          if (made) drafted += 1;
        }
      });
      if (rows.length < batch) break;
    }
    if (drafted) this.notify.kick();
    return { read, drafted };
  }

  /**
   * Drafts a 约谈 for each unit the public module flags as last in satisfaction two months
   * running, in each county (or higher region without a parent): once per unit and flag period.
   * Without the public module there is nothing to read.
   */
  async draftFromFlags(): Promise<{ regions: number; drafted: number }> {
    // Not under the job's lock: the public module reads on its own connection, and the origin
    // key keeps two nodes from drafting twice.
    const conn = this.db;
    const month = shanghaiDate(this.clock.now()).slice(0, 7);
    if (!this.publicRequests || this.flagsDoneFor === month) return { regions: 0, drafted: 0 };
    const regions = (await this.org.listUnits(JOB_ACTOR, { includeInactive: false })).filter((u) => u.kind === 'region' && (u.level === 'county' || u.parentId === null));
    let drafted = 0;
    for (const region of regions) {
      const flags = await this.publicRequests.flagged(JOB_ACTOR, region.id);
      if (flags.units.length === 0) continue;
      const units = await this.org.unitsByIds(flags.units.map((u) => u.unitId), conn);
      const now = this.clock.now();
      await conn.transaction().execute(async (trx) => {
        for (const f of flags.units) {
          const unit = units.find((u) => u.id === f.unitId);
          if (!unit) continue;
          const text = flagDraft(f.unitName, flags.months, f.rates);
          if (await this.draft(trx, now, { ...text, unitId: unit.id, unitPath: unit.path, personId: null, origin: 'public_flag', key: flagKey(unit.id, flags.months[1]), at: null, taskId: null, evidence: [] })) drafted += 1;
        }
      });
    }
    this.flagsDoneFor = month;
    if (drafted) this.notify.kick();
    return { regions: regions.length, drafted };
  }
}
