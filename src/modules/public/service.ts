import { randomBytes } from 'node:crypto';
import { appendAudit, type AuditContext } from '../../platform/audit/audit.ts';
import { hasRole, type Actor } from '../../platform/auth/actor.ts';
import { sha256 } from '../../platform/auth/service.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import { rowExists, type Db, type Executor } from '../../platform/db/index.ts';
import { AppError, badRequest, conflict, forbidden, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { acceptUpload, type UploadRule } from '../../platform/files/upload.ts';
import type { NewNotification, NotifyService } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import type { TaskTransition } from '../tasks/events.ts';
import type { TaskLevel } from '../tasks/rules.ts';
import type { TaskService } from '../tasks/service.ts';
import { PUBLIC_ERRORS } from './errors.ts';
import { canActForUnit, canHandle, canIssueVisit, canManageWindow, canSeeRequest, needsContact, requestSight } from './policy.ts';
import {
  acknowledgeDue,
  afterRating,
  checkAction,
  checkExtension,
  checkRating,
  checkReturn,
  dedupeKey,
  DUPLICATE_WINDOW_MS,
  effectiveRating,
  isTrackingCode,
  lastTwoMonthsRunning,
  monthRange,
  normalizeCode,
  previousTwoMonths,
  ratingWindowEnds,
  rectifyDue,
  reopens,
  resolveWorkdaysOf,
  returnUntil,
  satisfactionRate,
  trackingCode,
  TYPE_NAMES,
  type RequestAction,
  type RequestType,
} from './rules.ts';
import type { RequestListFilter, RequestRow, RequestStore } from './store.ts';

export type { RequestRow } from './store.ts';

/** Photos of a request: images only, judged by their bytes, 5 MB each, 3 per request. */
export const PHOTO_RULE: UploadRule = { kinds: ['image'], maxBytes: 5 * 1024 * 1024 };
export const MAX_PHOTOS = 3;
/** Open311 client keys: a prefix that says what they are, then 32 random bytes. */
export const CLIENT_KEY_PREFIX = 'o311_';

export interface SubmitInput {
  type: RequestType;
  category: string;
  description: string;
  address?: string | undefined;
  lat?: number | undefined;
  long?: number | undefined;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  /** The region whose desk takes it in (default: the top region). */
  jurisdictionId?: number | undefined;
  /** The honeypot: a field people never see and so never fill. */
  website?: string | undefined;
}

const notFoundCode = () => new AppError(PUBLIC_ERRORS.REQUEST_NOT_FOUND, '查询码不存在，请核对后重试 (no request has this tracking code).');

/**
 * 群众口碑: citizens' requests from submission to rating. Each request's handling is a supervised
 * task created in the request's transaction (`source: { kind: 'citizen', id }`); the request
 * follows its task through the task events (a reply is required before the task is submitted;
 * its verification shows the reply to the citizen at once; a return moves it back to the desk).
 */
export class PublicRequestService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    private readonly org: OrgService,
    private readonly tasks: TaskService,
    private readonly store: RequestStore,
  ) {
    tasks.subscribe('citizen', (trx, t) => this.onTask(trx, t));
    tasks.setSourceCheck('citizen', async (db, _actor, id) => ((await rowExists(db, 'citizenRequest', id)) ? null : `群众诉求 ${id} 不存在 (citizen request not found).`));
    // 延期 of a request's task: the requests' keys, not tasks.maxExtensions.
    tasks.setExtensionRule('citizen', {
      maxExtensions: (policy) => policy.publicRequests.maxExtensions,
      check: (t, newDeadline, policy, cal) => checkExtension(t.extensionsUsed, t.deadline, newDeadline, cal, policy),
    });
  }

  private today(): string {
    return shanghaiDate(this.clock.now());
  }

  private state(action: RequestAction, r: RequestRow): void {
    const refusal = checkAction(action, r.status, r.type);
    if (refusal) throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, refusal.message);
  }

  private stale(r: RequestRow, version: number): void {
    if (r.version !== version) throw conflict(PLATFORM_ERRORS.STALE_VERSION, `诉求已被他人处理（当前版本 ${r.version}），请刷新后再试 (the request changed; reload it).`, { currentVersion: r.version });
  }

  // ——— Citizens (anonymous) ———

  /** Submits a request: refused with the reason in Chinese (honeypot, unknown jurisdiction, duplicate). */
  async submit(ctx: AuditContext, input: SubmitInput, clientId: number | null = null): Promise<{ id: number; code: string; acknowledgeDue: string }> {
    if (input.website) throw new AppError(PUBLIC_ERRORS.SUBMISSION_REFUSED, '提交未被受理：检测到自动填写的隐藏字段，请通过页面正常提交 (refused: looks automated).');
    if ((input.lat === undefined) !== (input.long === undefined)) throw badRequest('经纬度须同时提供 (lat and long go together).', { field: 'lat' });
    const cal = await this.calendar.get();
    const out = await this.db.transaction().execute(async (trx) => {
      const region = await this.jurisdiction(input.jurisdictionId, trx);
      const key = dedupeKey(input.description, input);
      const dup = await this.store.duplicateOf(trx, key, new Date(ctx.now.getTime() - DUPLICATE_WINDOW_MS));
      // The earlier request's code is not given: it is the other citizen's only credential.
      if (dup) throw conflict(PUBLIC_ERRORS.DUPLICATE_REQUEST, '一天内已有相同内容、相同地点的诉求，请勿重复提交；请用您当时获得的查询码查询进度 (the same request was submitted within a day).');
      const policy = await this.policy.forUnitPath(region.path, trx);
      const submittedOn = shanghaiDate(ctx.now);
      const ackDue = acknowledgeDue(submittedOn, cal, policy);
      const code = trackingCode(randomBytes(32));
      const { id } = await this.store.insert(trx, {
        code,
        type: input.type,
        category: input.category,
        description: input.description,
        address: input.address ?? null,
        lat: input.lat ?? null,
        long: input.long ?? null,
        contactName: input.contactName ?? null,
        contactPhone: input.contactPhone ?? null,
        regionId: region.id,
        status: 'submitted',
        dedupeKey: key,
        clientId,
        submittedAt: ctx.now,
        acknowledgeDue: ackDue,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const desk = await this.org.supervisorsOver(region.path, trx);
      await this.notify.queue(
        trx,
        desk.map((p) => ({ recipientId: p.id, kind: 'public.submitted', title: `新群众诉求（${TYPE_NAMES[input.type]}）`, body: `${input.description.slice(0, 80)}。请于 ${ackDue} 前受理。`, objectType: 'citizen_request', objectId: id })),
      );
      // The audit keeps no contact: it is personal data the log need not hold.
      await appendAudit(trx, ctx, { action: 'public.submit', objectType: 'citizen_request', objectId: id, after: { type: input.type, category: input.category, regionId: region.id, clientId, hasContact: Boolean(input.contactPhone || input.contactName) } });
      return { id, code, acknowledgeDue: ackDue };
    });
    this.notify.kick();
    return out;
  }

  /** The jurisdiction: the given region, or the top region (the deployment's own). */
  private async jurisdiction(id: number | undefined, trx: Executor) {
    let q = trx.selectFrom('unit').select(['id', 'path', 'name', 'kind', 'active']).where('kind', '=', 'region').where('active', '=', true);
    q = id !== undefined ? q.where('id', '=', id) : q.where('parentId', 'is', null).orderBy('id').limit(1);
    const region = await q.executeTakeFirst();
    if (!region) throw badRequest(id !== undefined ? `受理地区 ${id} 不存在 (no such jurisdiction).` : '尚未设置受理地区 (no jurisdiction is set up).', { field: 'jurisdictionId' });
    return region;
  }

  private async byCode(code: string, db: Executor = this.db): Promise<RequestRow> {
    const c = normalizeCode(code);
    if (!isTrackingCode(c)) throw notFoundCode();
    const r = await this.store.byCode(db, c);
    if (!r) throw notFoundCode();
    return r;
  }

  /** Adds a photo to a request not yet taken in (its tracking code proves it is the citizen's). */
  async addPhoto(ctx: AuditContext, code: string, fileName: string, bytes: Buffer) {
    const file = acceptUpload(PHOTO_RULE, fileName, bytes);
    return this.db.transaction().execute(async (trx) => {
      const r = await this.byCode(code, trx);
      if (r.status !== 'submitted') throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, '诉求已受理，不能再添加照片 (photos are added before the request is taken in).');
      await trx.selectFrom('citizenRequest').select('id').where('id', '=', r.id).forUpdate().execute();
      if ((await this.store.photoCount(trx, r.id)) >= MAX_PHOTOS) throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, `每件诉求最多 ${MAX_PHOTOS} 张照片 (at most ${MAX_PHOTOS} photos).`);
      const p = await this.store.addPhoto(trx, { requestId: r.id, fileName: file.fileName, contentType: file.contentType, size: file.size, sha256: file.sha256, data: bytes, createdAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'public.photo', objectType: 'citizen_request', objectId: r.id, after: { photoId: p.id, contentType: file.contentType, size: file.size, sha256: file.sha256 } });
      return p;
    });
  }

  /** What the citizen sees with the tracking code: progress, the reply once verified, the rating state. */
  async lookup(code: string) {
    const r = await this.byCode(code);
    const policy = await this.policy.forUnitPath(r.regionPath);
    // A merged duplicate shows the progress of the request it was merged into.
    const shown = r.mergedInto ? ((await this.store.byId(this.db, r.mergedInto)) ?? r) : r;
    const now = this.clock.now();
    const facts = { status: shown.status, openedAt: shown.ratingOpenedAt, given: shown.given, previous: shown.previous };
    const [ratings, callbacks, photos] = await Promise.all([this.store.ratings(this.db, r.id), this.store.callbacks(this.db, shown.id), this.store.photos(this.db, r.id)]);
    return {
      r,
      shown,
      ratings,
      callbacks,
      photos,
      canRate: r.mergedInto ? false : checkRating(facts, now, policy) === null,
      ratingWindowEndsAt: shown.ratingOpenedAt ? ratingWindowEnds(shown.ratingOpenedAt, policy) : null,
      effective: effectiveRating(facts, now, policy),
    };
  }

  /** 好差评: the citizen rates the handling; 不满意/非常不满意 reopens it for rectification. */
  async rate(ctx: AuditContext, code: string, level: number, comment: string | undefined) {
    const cal = await this.calendar.get();
    const out = await this.db.transaction().execute(async (trx) => {
      const found = await this.byCode(code, trx);
      const r = (await this.store.byId(trx, found.id, { lock: true }))!;
      const policy = await this.policy.forUnitPath(r.regionPath, trx);
      const refusal = checkRating({ status: r.status, openedAt: r.ratingOpenedAt, given: r.given }, ctx.now, policy);
      if (refusal) throw conflict(PUBLIC_ERRORS.RATING_REFUSED, refusal);
      const added = await this.store.addRating(trx, { requestId: r.id, round: r.round, level, comment: comment ?? null, ratedAt: ctx.now });
      if (!added) throw conflict(PUBLIC_ERRORS.RATING_REFUSED, '本轮已评价，不能重复评价 (already rated).');
      const notes: NewNotification[] = [];
      if (reopens(level)) {
        const due = rectifyDue(shanghaiDate(ctx.now), cal, policy);
        await this.store.update(trx, r.id, { status: 'reopened', round: r.round + 1, rectifyDue: due, rectifiedAt: null, rectifyNote: null, updatedAt: ctx.now });
        const unitHeads = r.unitId ? (await this.org.unitWithHeads(r.unitId, trx))?.heads ?? [] : [];
        const desk = await this.org.supervisorsOver(r.regionPath, trx);
        const to = new Map<number, string>([...unitHeads, ...desk].map((p) => [p.id, p.name]));
        if (r.responsibleId) to.set(r.responsibleId, '');
        for (const id of to.keys()) notes.push({ recipientId: id, kind: 'public.reopened', title: '群众评价不满意，诉求重新打开', body: `请于 ${due} 前完成整改，整改后由受理人员回访。${comment ? `群众意见：${comment.slice(0, 100)}` : ''}`, objectType: 'citizen_request', objectId: r.id });
      } else {
        await this.store.update(trx, r.id, { status: afterRating(level), updatedAt: ctx.now });
      }
      await this.notify.queue(trx, notes);
      await appendAudit(trx, ctx, { action: 'public.rate', objectType: 'citizen_request', objectId: r.id, after: { round: r.round, level } });
      return { reopened: reopens(level) };
    });
    this.notify.kick();
    return out;
  }

  // ——— Staff ———

  /** A request the actor may see: 404 when missing, 403 when out of sight. */
  async get(actor: Actor, id: number, db: Executor = this.db): Promise<RequestRow> {
    const r = await this.store.byId(db, id);
    if (!r) throw new AppError(PUBLIC_ERRORS.REQUEST_NOT_FOUND, `诉求 ${id} 不存在 (request not found).`, { id });
    if (!canSeeRequest(actor, r)) throw forbidden('该诉求不在您的可见范围内 (this request is outside what you may see).');
    return r;
  }

  private async load(actor: Actor, id: number, trx: Executor): Promise<RequestRow> {
    const r = await this.store.byId(trx, id, { lock: true });
    if (!r) throw new AppError(PUBLIC_ERRORS.REQUEST_NOT_FOUND, `诉求 ${id} 不存在 (request not found).`, { id });
    if (!canSeeRequest(actor, r)) throw forbidden('该诉求不在您的可见范围内 (this request is outside what you may see).');
    return r;
  }

  private mustHandle(actor: Actor, r: RequestRow): void {
    if (!canHandle(actor, r.regionPath)) throw forbidden('只有受理地区的督查室（热线受理）人员或管理员可以受理诉求 (only the desk of the jurisdiction may do this).');
  }

  /** Everything the desk and the unit see of a request (the contact masked unless they need it). */
  async detail(actor: Actor, id: number) {
    const r = await this.get(actor, id);
    const policy = await this.policy.forUnitPath(r.regionPath);
    const cal = await this.calendar.get();
    const [ratings, callbacks, photos, merged, task] = await Promise.all([
      this.store.ratings(this.db, r.id),
      this.store.callbacks(this.db, r.id),
      this.store.photos(this.db, r.id),
      this.store.mergedCodes(this.db, r.id),
      r.taskId ? this.tasks.state(r.taskId) : Promise.resolve(undefined),
    ]);
    const now = this.clock.now();
    return {
      r,
      contactVisible: needsContact(actor, r),
      ratings,
      callbacks,
      photos,
      merged,
      task,
      effective: effectiveRating({ status: r.status, openedAt: r.ratingOpenedAt, given: r.given, previous: r.previous }, now, policy),
      returnUntil: r.assignedOn ? returnUntil(r.assignedOn, cal, policy) : null,
      allowed: this.allowedActions(actor, r),
    };
  }

  private allowedActions(actor: Actor, r: RequestRow): RequestAction[] {
    const desk: RequestAction[] = ['assign', 'forward', 'merge', 'decline', 'callback'];
    const unit: RequestAction[] = ['return', 'reply', 'rectify'];
    return ([...desk, ...unit] as RequestAction[]).filter(
      (a) => checkAction(a, r.status, r.type) === null && (desk.includes(a) ? canHandle(actor, r.regionPath) : canActForUnit(actor, r)),
    );
  }

  /** The requests the actor may see, newest first. */
  list(actor: Actor, filter: RequestListFilter, page: { limit: number; after?: readonly [number] | undefined }) {
    return this.store.list(this.db, requestSight(actor), filter, page);
  }

  /** Photo bytes, for staff who see the request. */
  async photo(actor: Actor, id: number, photoId: number) {
    await this.get(actor, id);
    const p = await this.store.photo(this.db, id, photoId);
    if (!p) throw new AppError(PUBLIC_ERRORS.PHOTO_NOT_FOUND, `照片 ${photoId} 不存在 (photo not found).`, { id: photoId });
    return p;
  }

  /**
   * 交办: the desk assigns the request to a unit, creating its supervised task in the same
   * transaction with the deadline for its type (resolveWorkdays). A request a unit returned goes
   * to its new unit through the task's reassignment.
   */
  async assign(ctx: AuditContext, actor: Actor, id: number, version: number, input: { unitId: number; level?: TaskLevel | undefined; responsibleId?: number | undefined; note?: string | undefined }) {
    const cal = await this.calendar.get();
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx);
      this.mustHandle(actor, r);
      this.state('assign', r);
      this.stale(r, version);
      const policy = await this.policy.forUnitPath(r.regionPath, trx);
      const workdays = resolveWorkdaysOf(r.type, policy)!;
      const title = `【群众${TYPE_NAMES[r.type]}】${r.description.replace(/\s+/g, ' ').slice(0, 40)}`;
      let task;
      if (r.taskId) {
        const current = await this.tasks.state(r.taskId, trx);
        const deadline = cal.addWorkdays(shanghaiDate(ctx.now), workdays).date;
        task = await this.tasks.reassign(ctx, actor, r.taskId, current!.task.version, { leadUnitId: input.unitId, responsibleId: input.responsibleId, deadline, note: input.note }, trx);
      } else {
        task = await this.tasks.create(
          ctx,
          actor,
          {
            title,
            description: `${r.description}${r.address ? `\n地点：${r.address}` : ''}\n（群众诉求，查询码尾号 ${r.code.slice(-4)}；答复群众后方可申请办结）`,
            level: input.level ?? 'normal',
            leadUnitId: input.unitId,
            responsibleId: input.responsibleId,
            deadline: { workdays },
            source: { kind: 'citizen', id: r.id, ref: `群众${TYPE_NAMES[r.type]}` },
          },
          trx,
        );
      }
      await this.store.update(trx, r.id, {
        status: 'assigned',
        unitId: task.leadUnitId,
        taskId: task.id,
        assignedOn: shanghaiDate(ctx.now),
        deadline: task.deadline,
        acknowledgedAt: r.acknowledgedAt ?? ctx.now,
        acknowledgedBy: r.acknowledgedBy ?? actor.personId,
        updatedAt: ctx.now,
      });
      await appendAudit(trx, ctx, { action: 'public.assign', objectType: 'citizen_request', objectId: r.id, after: { unitId: task.leadUnitId, taskId: task.id, deadline: task.deadline } });
    });
    this.notify.kick();
    return this.detail(actor, id);
  }

  /** 转达: praise is passed to the unit it praises (no task). */
  async forward(ctx: AuditContext, actor: Actor, id: number, version: number, unitId: number) {
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx);
      this.mustHandle(actor, r);
      this.state('forward', r);
      this.stale(r, version);
      const unit = await this.org.unitWithHeads(unitId, trx);
      if (!unit?.active) throw badRequest(`单位 ${unitId} 不存在 (unit not found).`, { field: 'unitId' });
      if (!canHandle(actor, unit.path)) throw forbidden('只能转达给您受理范围内的单位 (forward only to units in your scope).');
      await this.store.update(trx, r.id, { status: 'forwarded', unitId, acknowledgedAt: ctx.now, acknowledgedBy: actor.personId, answeredAt: ctx.now, updatedAt: ctx.now });
      await this.notify.queue(trx, unit.heads.map((h) => ({ recipientId: h.id, kind: 'public.praise', title: '群众表扬', body: r.description.slice(0, 200), objectType: 'citizen_request', objectId: r.id })));
      await appendAudit(trx, ctx, { action: 'public.forward', objectType: 'citizen_request', objectId: r.id, after: { unitId } });
    });
    this.notify.kick();
    return this.detail(actor, id);
  }

  /** 合并: a duplicate follows the request it is merged into (the citizen sees that one's progress). */
  async merge(ctx: AuditContext, actor: Actor, id: number, version: number, intoId: number) {
    await this.db.transaction().execute(async (trx) => {
      if (intoId === id) throw badRequest('不能与自身合并 (cannot merge a request into itself).', { field: 'intoId' });
      const r = await this.load(actor, id, trx);
      this.mustHandle(actor, r);
      this.state('merge', r);
      this.stale(r, version);
      const into = await this.load(actor, intoId, trx);
      this.mustHandle(actor, into);
      if (into.status === 'merged' || into.status === 'declined') throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, `目标诉求状态为「${into.status === 'merged' ? '已合并' : '不予受理'}」，不能并入 (merge into a live request).`);
      await this.store.update(trx, r.id, { status: 'merged', mergedInto: into.id, acknowledgedAt: ctx.now, acknowledgedBy: actor.personId, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'public.merge', objectType: 'citizen_request', objectId: r.id, after: { mergedInto: into.id } });
    });
    return this.detail(actor, id);
  }

  /** 不予受理: out of scope, with the reason the citizen sees. */
  async decline(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string) {
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx);
      this.mustHandle(actor, r);
      this.state('decline', r);
      this.stale(r, version);
      await this.store.update(trx, r.id, { status: 'declined', declineReason: reason, acknowledgedAt: ctx.now, acknowledgedBy: actor.personId, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'public.decline', objectType: 'citizen_request', objectId: r.id, after: { reason } });
    });
    return this.detail(actor, id);
  }

  /** 退回: the unit hands a misrouted request back (through its task; the window is checked in onTask). */
  async returnRequest(ctx: AuditContext, actor: Actor, id: number, version: number, reason: string) {
    const r = await this.get(actor, id);
    if (!canActForUnit(actor, r)) throw forbidden('只有承办单位负责人可以退回诉求 (only the unit’s heads return a request).');
    this.state('return', r);
    this.stale(r, version);
    const t = await this.tasks.state(r.taskId!);
    await this.tasks.returnTask(ctx, actor, r.taskId!, t!.task.version, reason);
  }

  /** 答复: the unit's reply to the citizen (required before its task is submitted; shown once verified). */
  async reply(ctx: AuditContext, actor: Actor, id: number, version: number, text: string) {
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx);
      if (!canActForUnit(actor, r)) throw forbidden('只有承办单位负责人或责任人可以答复 (only the unit’s heads or the responsible person reply).');
      this.state('reply', r);
      this.stale(r, version);
      await this.store.update(trx, r.id, { reply: text, repliedAt: ctx.now, repliedBy: actor.personId, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'public.reply', objectType: 'citizen_request', objectId: r.id, after: { length: text.length } });
    });
    return this.detail(actor, id);
  }

  /** 整改: the unit records what it put right after a bad rating. */
  async rectify(ctx: AuditContext, actor: Actor, id: number, version: number, text: string) {
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx);
      if (!canActForUnit(actor, r)) throw forbidden('只有承办单位负责人或责任人可以登记整改 (only the unit’s heads or the responsible person record a rectification).');
      this.state('rectify', r);
      this.stale(r, version);
      await this.store.update(trx, r.id, { status: 'rectified', rectifiedAt: ctx.now, rectifyNote: text, updatedAt: ctx.now });
      const desk = await this.org.supervisorsOver(r.regionPath, trx);
      await this.notify.queue(trx, desk.map((p) => ({ recipientId: p.id, kind: 'public.rectified', title: '诉求已整改，请回访群众', body: text.slice(0, 200), objectType: 'citizen_request', objectId: r.id })));
      await appendAudit(trx, ctx, { action: 'public.rectify', objectType: 'citizen_request', objectId: r.id, after: { round: r.round, onTime: r.rectifyDue ? shanghaiDate(ctx.now) <= r.rectifyDue : null } });
    });
    this.notify.kick();
    return this.detail(actor, id);
  }

  /** 回访: the desk records the call (who, when, what the citizen said); the citizen may rate again. */
  async callback(ctx: AuditContext, actor: Actor, id: number, version: number, input: { calledAt?: string | undefined; said: string }) {
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx);
      this.mustHandle(actor, r);
      this.state('callback', r);
      this.stale(r, version);
      const calledAt = input.calledAt ? new Date(input.calledAt) : ctx.now;
      if (calledAt > ctx.now) throw badRequest('回访时间不能晚于现在 (the call cannot be in the future).', { field: 'calledAt' });
      if (r.rectifiedAt && calledAt < r.rectifiedAt) throw badRequest('回访时间不能早于整改时间 (the call comes after the rectification).', { field: 'calledAt' });
      await this.store.addCallback(trx, { requestId: r.id, round: r.round, calledBy: actor.personId, calledAt, said: input.said, createdAt: ctx.now });
      await this.store.update(trx, r.id, { status: 'called_back', ratingOpenedAt: ctx.now, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'public.callback', objectType: 'citizen_request', objectId: r.id, after: { round: r.round, calledAt } });
    });
    return this.detail(actor, id);
  }

  /** Marks the citizen's text (and comment) publishable in the public statistics, or not. */
  async setPublishable(ctx: AuditContext, actor: Actor, id: number, version: number, publishable: boolean) {
    await this.db.transaction().execute(async (trx) => {
      const r = await this.load(actor, id, trx);
      this.mustHandle(actor, r);
      this.stale(r, version);
      await this.store.update(trx, r.id, { publishable, updatedAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'public.publishable', objectType: 'citizen_request', objectId: r.id, after: { publishable } });
    });
    return this.detail(actor, id);
  }

  /** Follows a request's task: the reply before submission, the answer on verification, returns, deadlines. */
  private async onTask(trx: Executor, tr: TaskTransition): Promise<NewNotification[] | void> {
    const taskId = tr.task.id;
    if (tr.kind === 'assigned' || tr.kind === 'escalated') return;
    const r = await this.store.byTask(trx, taskId);
    if (!r) return;
    const cal = await this.calendar.get(trx);
    switch (tr.kind) {
      case 'submitted':
        if (!r.reply) throw conflict(PUBLIC_ERRORS.REPLY_REQUIRED, '群众诉求须先答复群众，方可申请办结 (reply to the citizen before submitting).');
        return;
      case 'verified':
        // 马上就反馈: the citizen sees the reply from now on.
        if (r.status === 'assigned') await this.store.update(trx, r.id, { status: 'answered', answeredAt: tr.at, ratingOpenedAt: tr.at, updatedAt: tr.at });
        return;
      case 'returned': {
        const policy = await this.policy.forUnitPath(r.regionPath, trx);
        const late = r.assignedOn ? checkReturn(shanghaiDate(tr.at), r.assignedOn, cal, policy) : null;
        if (late) throw conflict(PUBLIC_ERRORS.RETURN_TOO_LATE, late);
        await this.store.update(trx, r.id, { status: 'submitted', unitId: null, assignedOn: null, deadline: null, updatedAt: tr.at });
        const desk = await this.org.supervisorsOver(r.regionPath, trx);
        return desk.map((p) => ({ recipientId: p.id, kind: 'public.returned', title: '诉求被承办单位退回，请重新交办', body: typeof tr.data.reason === 'string' ? tr.data.reason : '', objectType: 'citizen_request', objectId: r.id }));
      }
      case 'reassigned':
      case 'extended':
      case 'edited':
        // 修改事项 before sign-for may move the lead unit and the deadline: the request follows.
        // The citizen's own words stay as they wrote them; a new task title is staff wording.
        if (r.unitId !== tr.task.leadUnitId || r.deadline !== tr.task.deadline) await this.store.update(trx, r.id, { unitId: tr.task.leadUnitId, deadline: tr.task.deadline, updatedAt: tr.at });
        return;
      case 'withdrawn': {
        // 撤回: the task is gone, the request is not. It goes back to the desk's queue as 已受理、待交办
        // (its acknowledgement kept), without unit, deadline or task, so that the next 交办 makes a
        // fresh task; the desk hears of it with the reason.
        if (r.status !== 'assigned' && r.status !== 'submitted') return;
        await this.store.update(trx, r.id, { status: 'submitted', unitId: null, taskId: null, assignedOn: null, deadline: null, updatedAt: tr.at });
        const desk = (await this.org.supervisorsOver(r.regionPath, trx)).filter((p) => p.id !== tr.actorId);
        const reason = typeof tr.data.reason === 'string' ? tr.data.reason : '';
        return desk.map((p) => ({ recipientId: p.id, kind: 'public.withdrawn', title: '诉求的督办事项已撤回，请重新交办', body: reason, objectType: 'citizen_request', objectId: r.id }));
      }
      default:
        return;
    }
  }

  // ——— Statistics ———

  /**
   * 比学赶超's citizen facts: per unit, the requests (praise left out) submitted in [from, to) —
   * volume, answered on time, rated and satisfied (the effective ratings of unitStats). One grouped query.
   */
  async unitFacts(range: { from: string; to: string }, db: Executor = this.db) {
    const policy = await this.policy.forUnitPath('', db);
    return this.store.unitStats(db, { underPath: '', ...range, now: this.clock.now(), windowDays: policy.publicRequests.ratingWindowDays });
  }

  /** The requests of one unit behind those facts: a page by id (staff ids, not tracking codes, link to the request). */
  unitFactRequests(unitId: number, range: { from: string; to: string }, page: { limit: number; afterId?: number | undefined }, db: Executor = this.db) {
    return this.store.unitRequests(db, { unitId, ...range, ...page });
  }

  /** Public statistics per unit of a region for a year: volume, on-time rate, satisfaction; no personal data. */
  async publicStats(regionId: number | undefined, year: number) {
    const region = await this.jurisdiction(regionId, this.db);
    const policy = await this.policy.forUnitPath(region.path);
    const rows = await this.store.unitStats(this.db, { underPath: region.path, from: `${year}-01-01`, to: `${year + 1}-01-01`, now: this.clock.now(), windowDays: policy.publicRequests.ratingWindowDays });
    const quotes = await this.store.publishable(this.db, region.path, 20);
    return {
      region: { id: region.id, name: region.name },
      year,
      units: rows.map((u) => ({
        unitId: u.unitId,
        unitName: u.unitName,
        volume: u.volume,
        answered: u.answered,
        onTimeRate: u.answered ? u.onTime / u.answered : null,
        rated: u.rated,
        satisfactionRate: satisfactionRate(u),
        averageLevel: u.averageLevel,
      })),
      quotes,
    };
  }

  /**
   * 连续两个月排名末位: the units of the actor's region (or of `unitId`'s subtree, in sight) ranked
   * last by satisfaction in each of the two complete months before today — for the supervisor's
   * workbench until the accountability records exist.
   */
  async flagged(actor: Actor, unitId?: number) {
    const under = unitId ? (await this.org.getUnit(actor, unitId)).path : actor.regionPath;
    const policy = await this.policy.forUnitPath(under);
    const months = previousTwoMonths(this.today());
    const now = this.clock.now();
    const [a, b] = await Promise.all(
      months.map((m) => this.store.unitStats(this.db, { underPath: under, ...monthRange(m), now, windowDays: policy.publicRequests.ratingWindowDays, answeredBetween: true })),
    );
    const ids = lastTwoMonthsRunning(a!, b!);
    const name = new Map([...a!, ...b!].map((u) => [u.unitId, u.unitName]));
    const rate = (rows: typeof a, id: number) => {
      const u = rows!.find((x) => x.unitId === id);
      return u ? satisfactionRate(u) : null;
    };
    return { months, units: ids.map((id) => ({ unitId: id, unitName: name.get(id)!, rates: [rate(a, id), rate(b, id)] })) };
  }

  // ——— Service windows (一次一评) ———

  async createWindow(ctx: AuditContext, actor: Actor, input: { unitId: number; name: string }) {
    const unit = await this.org.getUnit(actor, input.unitId);
    if (!canManageWindow(actor, unit.path)) throw forbidden('只有管理员、督查室或单位负责人可以设置服务窗口 (only admins, supervisors or the unit’s heads set up windows).');
    return this.db.transaction().execute(async (trx) => {
      const w = await this.store.addWindow(trx, { unitId: unit.id, name: input.name, code: trackingCode(randomBytes(32), 10), createdAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'public.window_create', objectType: 'service_window', objectId: w.id, after: w });
      return { ...w, unitName: unit.name, unitPath: unit.path, ratings: 0, averageLevel: null };
    });
  }

  listWindows(actor: Actor) {
    return this.store.windows(this.db, hasRole(actor, 'admin') ? null : actor.regionPath);
  }

  /** Issues a visit code (one rating per visit) at a window, for its staff to hand the visitor. */
  async issueVisit(ctx: AuditContext, actor: Actor, windowId: number) {
    const w = await this.store.windowById(this.db, windowId);
    if (!w) throw new AppError(PUBLIC_ERRORS.WINDOW_NOT_FOUND, `窗口 ${windowId} 不存在 (window not found).`, { id: windowId });
    if (!canIssueVisit(actor, w.unitPath)) throw forbidden('只有该窗口所在单位的人员可以发放评价码 (only the window’s unit issues visit codes).');
    return this.db.transaction().execute((trx) => this.store.addVisit(trx, { windowId: w.id, code: trackingCode(randomBytes(32), 10), issuedBy: actor.personId, issuedAt: ctx.now }));
  }

  async windowByCode(code: string) {
    const w = await this.store.windowByCode(this.db, normalizeCode(code));
    if (!w) throw new AppError(PUBLIC_ERRORS.WINDOW_NOT_FOUND, '评价二维码无效 (no window has this code).');
    return w;
  }

  /** 一次一评: one rating per visit code. */
  async rateWindow(ctx: AuditContext, code: string, visitCode: string, level: number, comment: string | undefined) {
    const w = await this.windowByCode(code);
    return this.db.transaction().execute(async (trx) => {
      const done = await this.store.rateVisit(trx, w.id, normalizeCode(visitCode), level, comment ?? null, ctx.now);
      if (!done) {
        const v = await this.store.visit(trx, w.id, normalizeCode(visitCode));
        if (v) throw conflict(PUBLIC_ERRORS.RATING_REFUSED, '该评价码已使用，一次办事只能评价一次 (this visit was rated already).');
        throw new AppError(PUBLIC_ERRORS.VISIT_NOT_FOUND, '评价码无效，请向窗口工作人员索取 (no such visit code at this window).');
      }
      await appendAudit(trx, ctx, { action: 'public.window_rate', objectType: 'service_window', objectId: w.id, after: { visitId: done.id, level } });
      return { windowName: w.name, unitName: w.unitName, level };
    });
  }

  // ——— Open311 client applications ———

  /** Issues a client key (shown once; stored as its SHA-256). */
  async issueClient(ctx: AuditContext, actor: Actor, name: string) {
    const key = `${CLIENT_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = await this.db.transaction().execute(async (trx) => {
      const c = await this.store.addClient(trx, { name, keyHash: sha256(key), keyPrefix: key.slice(0, 10), createdBy: actor.personId, createdAt: ctx.now });
      await appendAudit(trx, ctx, { action: 'public.client_issue', objectType: 'open311_client', objectId: c.id, after: { name, keyPrefix: c.keyPrefix } });
      return c;
    });
    return { client: row, key };
  }

  listClients() {
    return this.store.clients(this.db);
  }

  async revokeClient(ctx: AuditContext, id: number) {
    return this.db.transaction().execute(async (trx) => {
      const c = await this.store.revokeClient(trx, id, ctx.now);
      if (!c) {
        if (await this.store.clientById(trx, id)) throw conflict(PLATFORM_ERRORS.INVALID_TRANSITION, '该密钥已吊销 (already revoked).');
        throw new AppError(PUBLIC_ERRORS.CLIENT_NOT_FOUND, `客户端 ${id} 不存在 (client not found).`, { id });
      }
      await appendAudit(trx, ctx, { action: 'public.client_revoke', objectType: 'open311_client', objectId: id });
      return c;
    });
  }

  /** The client an Open311 api_key belongs to; undefined when unknown or revoked. */
  clientByKey(key: string) {
    if (!key.startsWith(CLIENT_KEY_PREFIX) || key.length > 100) return Promise.resolve(undefined);
    return this.store.clientByKeyHash(this.db, sha256(key));
  }

  /** Open311 reads: requests of a jurisdiction (public fields only). */
  open311List(f: Parameters<RequestStore['open311List']>[1]) {
    return this.store.open311List(this.db, f);
  }

  jurisdictionOf(id: number | undefined) {
    return this.jurisdiction(id, this.db);
  }

  idByCode(code: string) {
    return this.store.idByCode(this.db, code);
  }
}
