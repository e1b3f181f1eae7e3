import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import { likePrefix } from '../../platform/db/like.ts';
import type { RequestSight } from './policy.ts';
import type { RequestStatus, RequestType } from './rules.ts';
import type { CitizenRequestTable, Open311ClientTable, ServiceWindowTable } from './schema.ts';

type RequestEb = ExpressionBuilder<Database & { q: CitizenRequestTable; ru: Database['unit']; au: Database['unit'] }, 'q' | 'ru' | 'au'>;

export interface RequestListFilter {
  status?: RequestStatus | undefined;
  type?: RequestType | undefined;
  /** Assigned unit at or under this path. */
  unitPath?: string | undefined;
  category?: string | undefined;
  /** Intake queue only: past the acknowledgement date. */
  overdueOn?: string | undefined;
}

/** A request row with its jurisdiction's and unit's path and name. */
export type RequestRow = NonNullable<Awaited<ReturnType<RequestStore['byId']>>>;

/** Kysely queries of the citizens' requests module; each takes the executor. */
export class RequestStore {
  /** The requests a viewer may see, as SQL: the same decision as policy.canSeeRequest. */
  visible(eb: RequestEb, s: RequestSight): Expression<SqlBool> {
    if (s.all) return sql<SqlBool>`true`;
    const parts: Expression<SqlBool>[] = [
      ...s.regionSubtrees.map((p) => sql<SqlBool>`ru.path like ${likePrefix(p)}`),
      ...s.unitSubtrees.map((p) => sql<SqlBool>`au.path like ${likePrefix(p)}`),
      ...(s.units.length ? [sql<SqlBool>`au.path = any(${s.units})`] : []),
    ];
    if (!parts.length) return sql<SqlBool>`false`;
    return eb.or(parts.map((p) => eb(p, '=', true)));
  }

  private base(db: Executor) {
    return db
      .selectFrom('citizenRequest as q')
      .innerJoin('unit as ru', 'ru.id', 'q.regionId')
      .leftJoin('unit as au', 'au.id', 'q.unitId')
      .selectAll('q')
      .select(['ru.path as regionPath', 'ru.name as regionName', 'au.path as unitPath', 'au.name as unitName'])
      .select((eb) => [
        eb.selectFrom('task as t').select('t.responsibleId').whereRef('t.id', '=', 'q.taskId').as('responsibleId'),
        eb.selectFrom('citizenRating as r').select('r.level').whereRef('r.requestId', '=', 'q.id').whereRef('r.round', '=', 'q.round').as('given'),
        eb.selectFrom('citizenRating as r').select('r.level').whereRef('r.requestId', '=', 'q.id').whereRef('r.round', '<', 'q.round').orderBy('r.round', 'desc').limit(1).as('previous'),
      ]);
  }

  async byId(db: Executor, id: number, opts: { lock?: boolean } = {}) {
    let q = this.base(db).where('q.id', '=', id);
    if (opts.lock) q = q.forUpdate('q');
    return q.executeTakeFirst();
  }

  byCode(db: Executor, code: string) {
    return this.base(db).where('q.code', '=', code).executeTakeFirst();
  }

  idByCode(db: Executor, code: string) {
    return db.selectFrom('citizenRequest').select('id').where('code', '=', code).executeTakeFirst();
  }

  byTask(db: Executor, taskId: number) {
    return this.base(db).where('q.taskId', '=', taskId).forUpdate('q').executeTakeFirst();
  }

  /** An earlier request with the same description and place since `since` (not declined). */
  duplicateOf(db: Executor, dedupeKey: string, since: Date) {
    return db
      .selectFrom('citizenRequest')
      .select(['id', 'code', 'status'])
      .where('dedupeKey', '=', dedupeKey)
      .where('submittedAt', '>=', since)
      .where('status', '!=', 'declined')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  }

  async insert(db: Executor, row: Insertable<CitizenRequestTable>) {
    return db.insertInto('citizenRequest').values(row).returning('id').executeTakeFirstOrThrow();
  }

  /** Writes a change, bumping the version; undefined when the version moved meanwhile. */
  update(db: Executor, id: number, set: Updateable<CitizenRequestTable>) {
    return db
      .updateTable('citizenRequest')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returning(['id', 'version', 'status'])
      .executeTakeFirst();
  }

  list(db: Executor, s: RequestSight, f: RequestListFilter, page: { limit: number; after?: readonly [number] | undefined }) {
    let q = this.base(db).where((eb) => this.visible(eb as RequestEb, s));
    if (f.status) q = q.where('q.status', '=', f.status);
    if (f.type) q = q.where('q.type', '=', f.type);
    if (f.category) q = q.where('q.category', '=', f.category);
    if (f.unitPath) q = q.where('au.path', 'like', likePrefix(f.unitPath));
    if (f.overdueOn) q = q.where('q.status', '=', 'submitted').where('q.acknowledgeDue', '<', f.overdueOn);
    if (page.after) q = q.where('q.id', '<', page.after[0]);
    return q.orderBy('q.id', 'desc').limit(page.limit + 1).execute();
  }

  photos(db: Executor, requestId: number) {
    return db.selectFrom('citizenRequestPhoto').select(['id', 'fileName', 'contentType', 'size', 'createdAt']).where('requestId', '=', requestId).orderBy('id').execute();
  }

  photo(db: Executor, requestId: number, photoId: number) {
    return db.selectFrom('citizenRequestPhoto').selectAll().where('requestId', '=', requestId).where('id', '=', photoId).executeTakeFirst();
  }

  async photoCount(db: Executor, requestId: number): Promise<number> {
    const r = await db.selectFrom('citizenRequestPhoto').select(sql<number>`count(*)::int`.as('n')).where('requestId', '=', requestId).executeTakeFirstOrThrow();
    return r.n;
  }

  addPhoto(db: Executor, row: Insertable<Database['citizenRequestPhoto']>) {
    return db.insertInto('citizenRequestPhoto').values(row).returning(['id', 'fileName', 'contentType', 'size', 'createdAt']).executeTakeFirstOrThrow();
  }

  ratings(db: Executor, requestId: number) {
    return db.selectFrom('citizenRating').selectAll().where('requestId', '=', requestId).orderBy('round').execute();
  }

  addRating(db: Executor, row: Insertable<Database['citizenRating']>) {
    return db.insertInto('citizenRating').values(row).onConflict((oc) => oc.columns(['requestId', 'round']).doNothing()).returning('id').executeTakeFirst();
  }

  callbacks(db: Executor, requestId: number) {
    return db
      .selectFrom('citizenCallback as c')
      .innerJoin('person as p', 'p.id', 'c.calledBy')
      .select(['c.id', 'c.round', 'c.calledBy', 'p.name as calledByName', 'c.calledAt', 'c.said', 'c.createdAt'])
      .where('c.requestId', '=', requestId)
      .orderBy('c.id')
      .execute();
  }

  addCallback(db: Executor, row: Insertable<Database['citizenCallback']>) {
    return db.insertInto('citizenCallback').values(row).returning('id').executeTakeFirstOrThrow();
  }

  /** Requests merged into this one. */
  mergedCodes(db: Executor, id: number) {
    return db.selectFrom('citizenRequest').select(['id', 'code']).where('mergedInto', '=', id).orderBy('id').execute();
  }

  /**
   * Per assigned unit, the requests submitted in [from, to) (Asia/Shanghai dates), of the units at
   * or under `underPath`: volume, answered, answered on time, and the effective ratings (the
   * current round's, 基本满意 once its window passed, else the earlier round's).
   */
  unitStats(db: Executor, opts: { underPath: string; from: string; to: string; now: Date; windowDays: number; answeredBetween?: boolean }) {
    const windowStart = new Date(opts.now.getTime() - opts.windowDays * 86_400_000);
    const dateCol = opts.answeredBetween ? sql`(q.answered_at at time zone 'Asia/Shanghai')::date` : sql`(q.submitted_at at time zone 'Asia/Shanghai')::date`;
    const level = sql<number | null>`coalesce(
      (select r.level from citizen_rating r where r.request_id = q.id and r.round = q.round),
      case when q.status in ('answered', 'called_back') and q.rating_opened_at < ${windowStart} then 3 end,
      (select r.level from citizen_rating r where r.request_id = q.id and r.round < q.round order by r.round desc limit 1))`;
    return db
      .selectFrom('citizenRequest as q')
      .innerJoin('unit as u', 'u.id', 'q.unitId')
      .where('u.path', 'like', likePrefix(opts.underPath))
      .where('q.type', '!=', 'praise')
      .where(sql<SqlBool>`${dateCol} >= ${opts.from}::date and ${dateCol} < ${opts.to}::date`)
      .groupBy(['u.id', 'u.name', 'u.path'])
      .select(['u.id as unitId', 'u.name as unitName', 'u.path as unitPath'])
      .select([
        sql<number>`count(*)::int`.as('volume'),
        sql<number>`count(q.answered_at)::int`.as('answered'),
        sql<number>`count(*) filter (where (q.answered_at at time zone 'Asia/Shanghai')::date <= q.deadline)::int`.as('onTime'),
        sql<number>`count(${level})::int`.as('rated'),
        sql<number>`count(*) filter (where ${level} >= 3)::int`.as('satisfied'),
        sql<number | null>`avg(${level})::float8`.as('averageLevel'),
      ])
      .orderBy('u.path')
      .execute();
  }

  /** A page (by id) of the requests (praise left out) submitted to a unit in [from, to): the scoreboard's drill-down. */
  unitRequests(db: Executor, opts: { unitId: number; from: string; to: string; limit: number; afterId?: number | undefined }) {
    const submitted = sql`(q.submitted_at at time zone 'Asia/Shanghai')::date`;
    return db
      .selectFrom('citizenRequest as q')
      .where('q.unitId', '=', opts.unitId)
      .where('q.type', '!=', 'praise')
      .where(sql<SqlBool>`${submitted} >= ${opts.from}::date and ${submitted} < ${opts.to}::date`)
      .where('q.id', '>', opts.afterId ?? 0)
      .select(['q.id', 'q.code', 'q.type', 'q.category', 'q.status', 'q.deadline', 'q.answeredAt', 'q.submittedAt'])
      .select(sql<boolean>`coalesce((q.answered_at at time zone 'Asia/Shanghai')::date <= q.deadline, false)`.as('onTime'))
      .orderBy('q.id')
      .limit(opts.limit)
      .execute();
  }

  /** Comments and descriptions staff marked publishable, newest first, of units at or under `underPath`. */
  publishable(db: Executor, underPath: string, limit: number) {
    return db
      .selectFrom('citizenRequest as q')
      .innerJoin('unit as u', 'u.id', 'q.unitId')
      .leftJoin('citizenRating as r', (j) => j.onRef('r.requestId', '=', 'q.id'))
      .where('q.publishable', '=', true)
      .where('u.path', 'like', likePrefix(underPath))
      .select(['q.id', 'q.type', 'q.category', 'q.description', 'q.reply', 'q.answeredAt', 'u.name as unitName', 'r.level', 'r.comment'])
      .orderBy('q.id', 'desc')
      .limit(limit)
      .execute();
  }

  // Service windows (一次一评).
  addWindow(db: Executor, row: Insertable<ServiceWindowTable>) {
    return db.insertInto('serviceWindow').values(row).returningAll().executeTakeFirstOrThrow();
  }
  windowById(db: Executor, id: number) {
    return db.selectFrom('serviceWindow as w').innerJoin('unit as u', 'u.id', 'w.unitId').selectAll('w').select(['u.path as unitPath', 'u.name as unitName']).where('w.id', '=', id).executeTakeFirst();
  }
  windowByCode(db: Executor, code: string) {
    return db.selectFrom('serviceWindow as w').innerJoin('unit as u', 'u.id', 'w.unitId').selectAll('w').select(['u.path as unitPath', 'u.name as unitName']).where('w.code', '=', code).executeTakeFirst();
  }
  windows(db: Executor, underPath: string | null) {
    let q = db
      .selectFrom('serviceWindow as w')
      .innerJoin('unit as u', 'u.id', 'w.unitId')
      .selectAll('w')
      .select(['u.path as unitPath', 'u.name as unitName'])
      .select((eb) => [
        eb.selectFrom('windowVisit as v').select(sql<number>`count(*)::int`.as('n')).whereRef('v.windowId', '=', 'w.id').where('v.ratedAt', 'is not', null).as('ratings'),
        eb.selectFrom('windowVisit as v').select(sql<number | null>`avg(v.level)::float8`.as('a')).whereRef('v.windowId', '=', 'w.id').as('averageLevel'),
      ]);
    if (underPath) q = q.where('u.path', 'like', likePrefix(underPath));
    return q.orderBy('w.id').limit(1000).execute();
  }
  addVisit(db: Executor, row: Insertable<Database['windowVisit']>) {
    return db.insertInto('windowVisit').values(row).returningAll().executeTakeFirstOrThrow();
  }
  /** Records the one rating of a visit; undefined when the code is unknown, of another window, or used. */
  rateVisit(db: Executor, windowId: number, code: string, level: number, comment: string | null, now: Date) {
    return db
      .updateTable('windowVisit')
      .set({ level, comment, ratedAt: now })
      .where('windowId', '=', windowId)
      .where('code', '=', code)
      .where('ratedAt', 'is', null)
      .returning(['id'])
      .executeTakeFirst();
  }
  visit(db: Executor, windowId: number, code: string) {
    return db.selectFrom('windowVisit').select(['id', 'ratedAt']).where('windowId', '=', windowId).where('code', '=', code).executeTakeFirst();
  }

  // Open311 client applications.
  addClient(db: Executor, row: Insertable<Open311ClientTable>) {
    return db.insertInto('open311Client').values(row).returningAll().executeTakeFirstOrThrow();
  }
  clients(db: Executor) {
    return db.selectFrom('open311Client').selectAll().orderBy('id').execute();
  }
  clientByKeyHash(db: Executor, keyHash: string) {
    return db.selectFrom('open311Client').selectAll().where('keyHash', '=', keyHash).where('revokedAt', 'is', null).executeTakeFirst();
  }
  revokeClient(db: Executor, id: number, now: Date) {
    return db.updateTable('open311Client').set({ revokedAt: now }).where('id', '=', id).where('revokedAt', 'is', null).returningAll().executeTakeFirst();
  }
  clientById(db: Executor, id: number) {
    return db.selectFrom('open311Client').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Open311 GET requests: the public fields of requests of a jurisdiction, filtered. */
  open311List(db: Executor, f: { regionPath: string; ids?: number[] | undefined; categories?: string[] | undefined; start?: Date | undefined; end?: Date | undefined; statuses?: RequestStatus[] | undefined; limit: number }) {
    let q = this.base(db).where('ru.path', 'like', likePrefix(f.regionPath));
    if (!f.ids) q = q.where('q.status', '!=', 'merged');
    if (f.ids) q = q.where('q.id', 'in', f.ids.length ? f.ids : [0]);
    if (f.categories?.length) q = q.where('q.category', 'in', f.categories);
    if (f.start) q = q.where('q.submittedAt', '>=', f.start);
    if (f.end) q = q.where('q.submittedAt', '<=', f.end);
    if (f.statuses?.length) q = q.where('q.status', 'in', f.statuses);
    return q.orderBy('q.submittedAt', 'desc').orderBy('q.id', 'desc').limit(f.limit).execute();
  }
}
