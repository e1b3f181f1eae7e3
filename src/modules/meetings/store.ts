import { sql, type Expression, type ExpressionBuilder, type Insertable, type SqlBool, type Updateable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Scope } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import { likeContains, likePrefix } from '../../platform/db/like.ts';
import { COUNTED_STATUSES, type MeetingKind, type MeetingStatus, type NearbyMeeting } from './rules.ts';
import type { MeetingAgendaItemTable, MeetingDecisionTable, MeetingTable } from './schema.ts';

/** Who is looking: what the visibility SQL needs (see policy.canSeeMeeting). */
export interface Viewer {
  scope: Scope;
  personId: number;
  unitPath: string;
}

export interface MeetingListFilter {
  /** Organiser at or under this unit. */
  unitPath?: string | undefined;
  kind?: MeetingKind | undefined;
  status?: MeetingStatus | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

type MeetingEb = ExpressionBuilder<Database & { m: MeetingTable; ou: Database['unit'] }, 'm' | 'ou'>;

/** A meeting row with its organiser's path and name. */
export type MeetingRow = Awaited<ReturnType<MeetingStore['byId']>> & object;

/** Kysely queries of the meetings module; each takes the executor (the operation's transaction). */
export class MeetingStore {
  /**
   * The meetings a viewer may see, as SQL — the same decision as policy.canSeeMeeting: the
   * organiser in their scope, an attending unit in their scope or above their own unit, or
   * they planned it. policy.api.test.ts holds the two together.
   */
  visible(eb: MeetingEb, v: Viewer): Expression<SqlBool> {
    if (v.scope.all) return sql<SqlBool>`true`;
    const inScope = (col: 'ou.path' | 'au.path') => [
      ...v.scope.subtrees.map((p) => sql<SqlBool>`${sql.ref(col)} like ${likePrefix(p)}`),
      ...(v.scope.units.length ? [sql<SqlBool>`${sql.ref(col)} = any(${v.scope.units})`] : []),
    ];
    const attending = sql<SqlBool>`exists (select 1 from meeting_attendee ma join unit au on au.id = ma.unit_id where ma.meeting_id = m.id and (${sql.join(
      [...inScope('au.path'), sql<SqlBool>`starts_with(${v.unitPath}, au.path)`],
      sql` or `,
    )}))`;
    return eb.or([...inScope('ou.path').map((e) => eb(e, '=', true)), eb('m.plannedBy', '=', v.personId), eb(attending, '=', true)]);
  }

  private base(db: Executor) {
    return db
      .selectFrom('meeting as m')
      .innerJoin('unit as ou', 'ou.id', 'm.organizerUnitId')
      .selectAll('m')
      .select(['ou.path as organizerPath', 'ou.name as organizerName']);
  }

  /** One meeting with its organiser's path and name; locked for the operation when asked. */
  async byId(db: Executor, id: number, opts: { lock?: boolean } = {}) {
    let q = this.base(db).where('m.id', '=', id);
    if (opts.lock) q = q.forUpdate('m');
    return q.executeTakeFirst();
  }

  /** The paths of the units nearest-region-first at or above `path`: the nearest region's id. */
  async regionOf(db: Executor, path: string): Promise<number | undefined> {
    const ids = path.split('/').filter(Boolean).map(Number);
    if (!ids.length) return undefined;
    const r = await db.selectFrom('unit').select('id').where('id', 'in', ids).where('kind', '=', 'region').orderBy(sql`length(path)`, 'desc').limit(1).executeTakeFirst();
    return r?.id;
  }

  /** Locks the organiser's and the region's unit rows: plans counted against one quota are checked one at a time. */
  async lockQuota(db: Executor, unitIds: number[]): Promise<void> {
    await db.selectFrom('unit').select('id').where('id', 'in', unitIds).orderBy('id').forUpdate().execute();
  }

  /** What the rules count for a plan (counted statuses; the plan itself left out). */
  async counts(db: Executor, p: { organizerUnitId: number; regionId: number; year: number; excludeId?: number | undefined }) {
    const excl = p.excludeId ?? 0;
    const row = await db
      .selectFrom('meeting')
      .select([
        sql<number>`count(*) filter (where organizer_unit_id = ${p.organizerUnitId} and kind = 'comprehensive' and year = ${p.year})::int`.as('organizerComprehensive'),
        sql<number>`count(*) filter (where region_id = ${p.regionId} and scope = 'region' and year = ${p.year})::int`.as('regionThisYear'),
        sql<number>`count(*) filter (where region_id = ${p.regionId} and scope = 'region' and year = ${p.year - 1})::int`.as('regionLastYear'),
      ])
      .where('status', 'in', COUNTED_STATUSES)
      .where('id', '<>', excl)
      .where((eb) => eb.or([eb('organizerUnitId', '=', p.organizerUnitId), eb('regionId', '=', p.regionId)]))
      .where('year', 'in', [p.year, p.year - 1])
      .executeTakeFirstOrThrow();
    return row;
  }

  /** Counted meetings starting in [from, to], with their attending units and agenda topics (the merge suggestion). */
  async nearby(db: Executor, from: Date, to: Date, excludeId?: number): Promise<NearbyMeeting[]> {
    const rows = await db
      .selectFrom('meeting as m')
      .select((eb) => [
        'm.id',
        'm.title',
        'm.startsAt',
        'm.organizerUnitId',
        jsonArrayFrom(eb.selectFrom('meetingAttendee as a').select('a.unitId').whereRef('a.meetingId', '=', 'm.id')).as('attendees'),
        jsonArrayFrom(eb.selectFrom('meetingAgendaItem as i').select('i.topic').whereRef('i.meetingId', '=', 'm.id').where('i.topic', 'is not', null)).as('topics'),
      ])
      .where('m.startsAt', '>=', from)
      .where('m.startsAt', '<=', to)
      .where('m.status', 'in', COUNTED_STATUSES)
      .where('m.id', '<>', excludeId ?? 0)
      .orderBy('m.startsAt')
      .limit(500)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: r.startsAt,
      organizerUnitId: r.organizerUnitId,
      attendingUnitIds: r.attendees.map((a) => a.unitId),
      topics: r.topics.map((t) => t.topic ?? ''),
    }));
  }

  async insert(db: Executor, m: Insertable<MeetingTable>) {
    return db.insertInto('meeting').values(m).returningAll().executeTakeFirstOrThrow();
  }

  /** Updates the meeting and bumps its version; undefined when the version moved on. */
  async update(db: Executor, id: number, set: Updateable<MeetingTable>, version?: number) {
    let q = db
      .updateTable('meeting')
      .set({ ...set, version: sql`version + 1` })
      .where('id', '=', id);
    if (version !== undefined) q = q.where('version', '=', version);
    return q.returningAll().executeTakeFirst();
  }

  /** Replaces the agenda and the attending units (a new or changed plan). */
  async replacePlan(db: Executor, meetingId: number, agenda: Omit<Insertable<MeetingAgendaItemTable>, 'meetingId' | 'position'>[], unitIds: number[]) {
    await db.deleteFrom('meetingAgendaItem').where('meetingId', '=', meetingId).execute();
    await db.deleteFrom('meetingAttendee').where('meetingId', '=', meetingId).execute();
    if (agenda.length) await db.insertInto('meetingAgendaItem').values(agenda.map((a, i) => ({ ...a, meetingId, position: i + 1 }))).execute();
    if (unitIds.length) await db.insertInto('meetingAttendee').values(unitIds.map((unitId) => ({ meetingId, unitId }))).execute();
  }

  agenda(db: Executor, meetingId: number) {
    return db
      .selectFrom('meetingAgendaItem as i')
      .leftJoin('person as p', 'p.id', 'i.speakerId')
      .selectAll('i')
      .select('p.name as speakerName')
      .where('i.meetingId', '=', meetingId)
      .orderBy('i.position')
      .execute();
  }

  attendees(db: Executor, meetingId: number) {
    return db
      .selectFrom('meetingAttendee as a')
      .innerJoin('unit as u', 'u.id', 'a.unitId')
      .select(['u.id', 'u.name', 'u.path'])
      .where('a.meetingId', '=', meetingId)
      .orderBy('u.path')
      .execute();
  }

  async agendaItemForUpdate(db: Executor, meetingId: number, itemId: number) {
    return db.selectFrom('meetingAgendaItem').selectAll().where('id', '=', itemId).where('meetingId', '=', meetingId).forUpdate().executeTakeFirst();
  }

  async setActual(db: Executor, itemId: number, set: Pick<Updateable<MeetingAgendaItemTable>, 'actualMinutes' | 'startedAt' | 'endedAt'>) {
    await db.updateTable('meetingAgendaItem').set(set).where('id', '=', itemId).execute();
  }

  // --- decisions ---

  decisions(db: Executor, meetingId: number) {
    return db
      .selectFrom('meetingDecision as d')
      .leftJoin('unit as u', 'u.id', 'd.leadUnitId')
      .leftJoin('person as p', 'p.id', 'd.responsibleId')
      .selectAll('d')
      .select(['u.name as leadUnitName', 'u.path as leadUnitPath', 'p.name as responsibleName'])
      .where('d.meetingId', '=', meetingId)
      .orderBy('d.position')
      .orderBy('d.id')
      .execute();
  }

  async addDecision(db: Executor, d: Omit<Insertable<MeetingDecisionTable>, 'position'>) {
    const next = await db.selectFrom('meetingDecision').select(sql<number>`coalesce(max(position), 0) + 1`.as('n')).where('meetingId', '=', d.meetingId).executeTakeFirstOrThrow();
    return db
      .insertInto('meetingDecision')
      .values({ ...d, position: next.n })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  decisionById(db: Executor, meetingId: number, id: number) {
    return db.selectFrom('meetingDecision').selectAll().where('id', '=', id).where('meetingId', '=', meetingId).executeTakeFirst();
  }

  updateDecision(db: Executor, id: number, set: Updateable<MeetingDecisionTable>) {
    return db.updateTable('meetingDecision').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  async deleteDecision(db: Executor, id: number) {
    await db.deleteFrom('meetingDecision').where('id', '=', id).execute();
  }

  /** The decision a task came from, with its meeting's title, organiser and planner. */
  decisionByTask(db: Executor, taskId: number) {
    return db
      .selectFrom('meetingDecision as d')
      .innerJoin('meeting as m', 'm.id', 'd.meetingId')
      .select(['d.id', 'd.text', 'd.meetingId', 'm.title', 'm.organizerUnitId', 'm.plannedBy'])
      .where('d.taskId', '=', taskId)
      .executeTakeFirst();
  }

  // --- lists and statistics ---

  /** A page of the meetings the viewer may see, newest start first (keyset on starts_at, id). */
  list(db: Executor, v: Viewer, f: MeetingListFilter, page: { limit: number; after?: readonly [string, number] | undefined }) {
    let q = this.base(db).where((eb) => this.visible(eb as MeetingEb, v));
    if (f.unitPath) q = q.where('ou.path', 'like', likePrefix(f.unitPath));
    if (f.kind) q = q.where('m.kind', '=', f.kind);
    if (f.status) q = q.where('m.status', '=', f.status);
    if (f.year) q = q.where('m.year', '=', f.year);
    if (f.q) q = q.where('m.title', 'ilike', likeContains(f.q));
    if (page.after) {
      const [at, id] = page.after;
      q = q.where((eb) => eb.or([eb('m.startsAt', '<', new Date(at)), eb.and([eb('m.startsAt', '=', new Date(at)), eb('m.id', '<', id)])]));
    }
    return q
      .select((eb) => [
        eb.selectFrom('meetingDecision as d').select(sql<number>`count(*)::int`.as('n')).whereRef('d.meetingId', '=', 'm.id').as('decisionCount'),
      ])
      .orderBy('m.startsAt', 'desc')
      .orderBy('m.id', 'desc')
      .limit(page.limit + 1)
      .execute();
  }

  /** The counted meetings the viewer may see organised at or under `unitPath` in these years, with their timed speeches' planned and actual minutes. */
  statsRows(db: Executor, v: Viewer, unitPath: string, years: number[]) {
    return this.base(db)
      .where((eb) => this.visible(eb as MeetingEb, v))
      .where('ou.path', 'like', likePrefix(unitPath))
      .where('m.year', 'in', years)
      .where('m.status', 'in', COUNTED_STATUSES)
      .select((eb) => [
        eb
          .selectFrom('meetingAgendaItem as i')
          .select(sql<number | null>`sum(i.minutes)::int`.as('n'))
          .whereRef('i.meetingId', '=', 'm.id')
          .where('i.actualMinutes', 'is not', null)
          .as('timedPlanned'),
        eb
          .selectFrom('meetingAgendaItem as i')
          .select(sql<number | null>`sum(i.actual_minutes)::int`.as('n'))
          .whereRef('i.meetingId', '=', 'm.id')
          .as('timedActual'),
      ])
      .execute();
  }

  /** The decisions of these meetings with their task ids. */
  decisionsOf(db: Executor, meetingIds: number[]) {
    if (!meetingIds.length) return Promise.resolve([]);
    return db.selectFrom('meetingDecision').select(['id', 'meetingId', 'taskId']).where('meetingId', 'in', meetingIds).execute();
  }
}
