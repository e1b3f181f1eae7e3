import { sql, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compiledOnce } from '../../platform/db/compiled.ts';
import { PREPARE } from '../../platform/db/prepared.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { TaskAttachmentTable, TaskEscalation, TaskTable, TaskUrgingTable } from './schema.ts';
import type { EscalationLevel, SourceKind } from './rules.ts';
import type { Insertable, Updateable } from 'kysely';

/** The lifecycle's queries: one task, its timeline, milestones, extensions, rungs, attachments, feed. The views over many tasks are in views-store.ts. */

/** An escalation rung as a JSON sub-select gives it (keys camel-cased by the plugin, the time as text). */
export type EscalationJson = Omit<TaskEscalation, 'at' | 'firedAt'> & { at: string | Date; firedAt: string | Date };

/** JSON carries timestamps as text: back to Date, as the column reads give them. */
export function escalationsFromJson(rows: EscalationJson[]): TaskEscalation[] {
  return rows.map((e) => ({ ...e, at: new Date(e.at), firedAt: new Date(e.firedAt) }));
}

/**
 * Each row's rungs from JSON, set on the row itself: copying every row to replace one field (rest
 * and spread of ≈ 50 columns) cost ≈ 0.5 ms of CPU for a 51-row page.
 */
export function withEscalations<R extends { escalations: EscalationJson[] }>(rows: R[]): (Omit<R, 'escalations'> & { escalations: TaskEscalation[] })[] {
  return rows.map((r) => Object.assign(r, { escalations: escalationsFromJson(r.escalations) }));
}

/** A timeline event to record with a write. */
export interface NewEvent {
  kind: string;
  actorId: number | null;
  at: Date;
  data?: Record<string, unknown>;
}

/** An event's columns as a select list over the written task (`t` or `u`), typed for insert … select. */
const eventColumns = (e: NewEvent) => [
  sql<number>`id`.as('taskId'),
  sql<string>`${e.kind}::text`.as('kind'),
  sql<number | null>`${e.actorId}::int`.as('actorId'),
  sql<Date>`${e.at}::timestamptz`.as('at'),
  sql<string>`${JSON.stringify(e.data ?? {})}::jsonb`.as('data'),
];


/** The task with its lead unit's path (see TaskStore.byId), read or locked. */
const taskWithPath = (db: Executor, id: number) =>
  db.selectFrom('task as t').innerJoin('unit as u', 'u.id', 't.leadUnitId').selectAll('t').select('u.path as leadUnitPath').where('t.id', '=', id);
const taskById = compiledOnce((db: Executor, id: number) => taskWithPath(db, id).modifyEnd(PREPARE));
const taskForUpdate = compiledOnce((db: Executor, id: number) => taskWithPath(db, id).forUpdate('t').modifyEnd(PREPARE));

/** A task's co-units' parts (协办), ordered as its co-unit list: the columns of TaskStore.coParts. */
const coPartsOf = (db: Executor, taskId: number) =>
  db
    .selectFrom('taskCoPart as c')
    .innerJoin('task as t', 't.id', 'c.taskId')
    .innerJoin('unit as u', 'u.id', 'c.unitId')
    .leftJoin('person as p', 'p.id', 'c.signedBy')
    .select(['c.unitId', 'u.path as unitPath', 'u.name as unitName', 'c.signedAt', 'c.signedBy', 'p.name as signedByName', 'c.percent', 'c.lastText', 'c.lastReportAt', 'c.reports'])
    .where('c.taskId', '=', taskId)
    .orderBy(sql`array_position(t.co_unit_ids, c.unit_id)`)
    .orderBy('c.unitId');

/** A timestamp read through JSON (text) back to a Date, as a column read gives it. */
const dateOrNull = (v: Date | string | null) => (v === null ? null : new Date(v));

/** Co-parts read as a JSON array: timestamps come as text, back to Date as coParts() gives them. */
function coPartsFromJson<P extends { signedAt: Date | string | null; lastReportAt: Date | string | null }>(parts: P[]) {
  return parts.map((c) => ({ ...c, signedAt: dateOrNull(c.signedAt), lastReportAt: dateOrNull(c.lastReportAt) }));
}

/** The locked task with its co-parts as a JSON array: a lifecycle action's read, one statement. */
const taskForUpdateWithParts = compiledOnce((db: Executor, id: number) =>
  taskWithPath(db, id)
    .select((eb) => jsonArrayFrom(coPartsOf(eb as unknown as Executor, id)).as('coParts'))
    .forUpdate('t')
    .modifyEnd(PREPARE),
);

const nextMilestone = compiledOnce((db: Executor, taskId: number) =>
  db.selectFrom('taskMilestone').select((eb) => eb.fn.min('due').as('due')).where('taskId', '=', taskId).where('doneAt', 'is', null).modifyEnd(PREPARE),
);

/** The task page's query (see TaskStore.detailById). */
const taskPage = compiledOnce((db: Executor, id: number) =>
  db
    .selectFrom('task as t')
    .innerJoin('unit as u', 'u.id', 't.leadUnitId')
    .leftJoin('person as r', 'r.id', 't.responsibleId')
    .selectAll('t')
    .select(['u.path as leadUnitPath', 'u.name as leadUnitName', 'r.name as responsibleName'])
    .select((eb) => eb.selectFrom('person as l').select('l.name').whereRef('l.id', '=', 't.leaderId').$asScalar().as('leaderName'))
    .select((eb) => [
      jsonArrayFrom(coPartsOf(eb as unknown as Executor, id)).as('coParts'),
      jsonArrayFrom(
        eb
          .selectFrom('taskEvent as e')
          .leftJoin('person as p', 'p.id', 'e.actorId')
          .select(['e.id', 'e.kind', 'e.at', 'e.data', 'e.actorId', 'p.name as actorName'])
          .whereRef('e.taskId', '=', 't.id')
          .orderBy('e.id'),
      ).as('events'),
      jsonArrayFrom(
        eb
          .selectFrom('taskMilestone as m')
          .leftJoin('person as p', 'p.id', 'm.ownerId')
          .select(['m.id', 'm.title', 'm.due', 'm.ownerId', 'p.name as ownerName', 'm.doneAt'])
          .whereRef('m.taskId', '=', 't.id')
          .orderBy('m.due')
          .orderBy('m.id'),
      ).as('milestones'),
      jsonArrayFrom(eb.selectFrom('taskExtension as x').selectAll('x').whereRef('x.taskId', '=', 't.id').orderBy('x.id')).as('extensions'),
      jsonArrayFrom(eb.selectFrom('taskEscalation as s').selectAll('s').whereRef('s.taskId', '=', 't.id').orderBy('s.at')).as('escalations'),
      jsonArrayFrom(
        eb
          .selectFrom('taskUrging as g')
          .innerJoin('person as b', 'b.id', 'g.byId')
          .leftJoin('person as w', 'w.id', 'g.answeredBy')
          .select(['g.id', 'g.level', 'g.text', 'g.replyDue', 'g.at', 'g.byId', 'b.name as byName', 'g.answer', 'g.answeredBy', 'w.name as answeredByName', 'g.answeredAt', 'g.answeredOn'])
          .whereRef('g.taskId', '=', 't.id')
          .orderBy('g.id'),
      ).as('urgings'),
      jsonArrayFrom(
        eb
          .selectFrom('taskAttachment as a')
          .select(['a.id', 'a.fileName', 'a.contentType', 'a.size', 'a.sha256', 'a.eventId', 'a.createdAt'])
          .whereRef('a.taskId', '=', 't.id')
          .orderBy('a.id'),
      ).as('attachments'),
    ])
    .where('t.id', '=', id)
    .modifyEnd(PREPARE),
);

export class TaskStore {
  insert(db: Executor, row: Insertable<TaskTable>) {
    return db.insertInto('task').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /** Inserts a task and its first timeline event in one statement; returns the task. */
  insertWithEvent(db: Executor, row: Insertable<TaskTable>, e: NewEvent) {
    return db
      .with('t', (w) => w.insertInto('task').values(row).returningAll())
      .with('e', (w) => w.insertInto('taskEvent').columns(['taskId', 'kind', 'actorId', 'at', 'data']).expression((eb) => eb.selectFrom('t').select(eventColumns(e))).returning('id'))
      .selectFrom(['t', 'e'])
      .selectAll('t')
      .select('e.id as eventId')
      .modifyEnd(PREPARE)
      .executeTakeFirstOrThrow();
  }

  /**
   * Moves a task to its next version and records the event, in one statement; undefined when
   * the version no longer matches (nothing is written then).
   */
  updateWithEvent(db: Executor, id: number, version: number, set: Updateable<TaskTable>, e: NewEvent) {
    return db
      .with('u', (w) => w.updateTable('task').set({ ...set, version: sql`version + 1` }).where('id', '=', id).where('version', '=', version).returningAll())
      .with('e', (w) =>
        w.insertInto('taskEvent').columns(['taskId', 'kind', 'actorId', 'at', 'data']).expression((eb) => eb.selectFrom('u').select(eventColumns(e))).returning('id'),
      )
      .selectFrom(['u', 'e'])
      .selectAll('u')
      .select('e.id as eventId')
      .modifyEnd(PREPARE)
      .executeTakeFirst();
  }

  /** The task with its lead unit's path; `lock` holds the row for the rest of the transaction. */
  async byId(db: Executor, id: number, opts: { lock?: boolean } = {}) {
    return (await (opts.lock ? taskForUpdate : taskById)(db, id)).rows[0];
  }

  /**
   * The task page in one round trip: the task with its lead unit's path and name, the
   * responsible person's name, and its timeline, milestones, extensions, escalations and
   * attachments as JSON arrays (each a sub-select on its task index). The detail is read on every
   * view and after every action, so it is one query, not eight.
   */
  async detailById(db: Executor, id: number) {
    const row = (await taskPage(db, id)).rows[0];
    if (!row) return undefined;
    // JSON carries timestamps as text: back to Date, as the column reads give them.
    const date = (v: Date | string) => new Date(v);
    const { events, milestones, extensions, escalations, urgings, attachments, coParts, leadUnitName, responsibleName, leaderName, ...task } = row;
    return {
      task,
      names: { leadUnitName, responsibleName, leaderName },
      coParts: coPartsFromJson(coParts),
      events: events.map((e) => ({ ...e, at: date(e.at) })),
      milestones: milestones.map((m) => ({ ...m, doneAt: dateOrNull(m.doneAt) })),
      extensions: extensions.map((x) => ({ ...x, decidedAt: dateOrNull(x.decidedAt), createdAt: date(x.createdAt) })),
      escalations: escalationsFromJson(escalations),
      urgings: urgings.map((u) => ({ ...u, at: date(u.at), answeredAt: dateOrNull(u.answeredAt) })),
      attachments: attachments.map((a) => ({ ...a, createdAt: date(a.createdAt) })),
    };
  }

  /** Does the person own one of the task's milestones? (They may then see the task.) */
  async ownsMilestone(db: Executor, taskId: number, personId: number): Promise<boolean> {
    return (await db.selectFrom('taskMilestone').select('id').where('taskId', '=', taskId).where('ownerId', '=', personId).executeTakeFirst()) !== undefined;
  }

  /** Every task of one source record, oldest first, with its lead unit's path. */
  /** Tasks by id (any that exist), with their lead units' paths, by id. */
  byIds(db: Executor, ids: readonly number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('task as t').innerJoin('unit as u', 'u.id', 't.leadUnitId').selectAll('t').select('u.path as leadUnitPath').where('t.id', 'in', [...ids]).orderBy('t.id').execute();
  }

  bySource(db: Executor, kind: SourceKind, sourceId: number) {
    return db
      .selectFrom('task as t')
      .innerJoin('unit as u', 'u.id', 't.leadUnitId')
      .selectAll('t')
      .select('u.path as leadUnitPath')
      .where('t.sourceKind', '=', kind)
      .where('t.sourceId', '=', sourceId)
      .orderBy('t.id')
      .execute();
  }

  addAttachment(db: Executor, a: Insertable<TaskAttachmentTable>) {
    return db.insertInto('taskAttachment').values({ ...a, eventId: null }).returning(['id', 'fileName', 'contentType', 'size', 'sha256', 'createdAt']).executeTakeFirstOrThrow();
  }

  attachment(db: Executor, taskId: number, id: number) {
    return db.selectFrom('taskAttachment').selectAll().where('id', '=', id).where('taskId', '=', taskId).executeTakeFirst();
  }

  /** Each task's latest progress report (or imported progress), for the ledger's progress column. */
  latestReports(db: Executor, taskIds: number[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('taskEvent').select(['taskId', 'data']).distinctOn('taskId').where('taskId', 'in', taskIds).where('kind', 'in', ['progress', 'imported']).orderBy('taskId').orderBy('id', 'desc').execute();
  }

  /** The co-units' parts of a task (协办), in the order the task names its co-units, with each unit's path and name. */
  coParts(db: Executor, taskId: number) {
    return coPartsOf(db, taskId).execute();
  }

  /**
   * A lifecycle action's read: the task locked for the rest of the transaction, with its lead
   * unit's path and its co-units' parts (one statement, not two).
   */
  async forAction(db: Executor, id: number) {
    const row = (await taskForUpdateWithParts(db, id)).rows[0];
    if (!row) return undefined;
    const { coParts, ...task } = row;
    return { task, parts: coPartsFromJson(coParts) };
  }

  /** A part for each co-unit of a task (none twice). */
  async addCoParts(db: Executor, taskId: number, unitIds: readonly number[]): Promise<void> {
    if (unitIds.length === 0) return;
    await db.insertInto('taskCoPart').values(unitIds.map((unitId) => ({ taskId, unitId }))).onConflict((oc) => oc.doNothing()).execute();
  }

  /** 签收（协办）: the co-unit's part is signed for (once). */
  async signCoPart(db: Executor, taskId: number, unitId: number, personId: number, at: Date): Promise<boolean> {
    const r = await db.updateTable('taskCoPart').set({ signedAt: at, signedBy: personId }).where('taskId', '=', taskId).where('unitId', '=', unitId).where('signedAt', 'is', null).returning('unitId').executeTakeFirst();
    return r !== undefined;
  }

  /** 报送协办进展: the part's latest progress. */
  async reportCoPart(db: Executor, taskId: number, unitId: number, percent: number, text: string, at: Date): Promise<void> {
    await db
      .updateTable('taskCoPart')
      .set((eb) => ({ percent, lastText: text, lastReportAt: at, reports: eb('reports', '+', 1) }))
      .where('taskId', '=', taskId)
      .where('unitId', '=', unitId)
      .execute();
  }

  /** Removes one attachment of a task (its bytes with it); what it was, or undefined. */
  removeAttachment(db: Executor, taskId: number, id: number) {
    return db.deleteFrom('taskAttachment').where('taskId', '=', taskId).where('id', '=', id).returning(['id', 'fileName', 'contentType', 'size', 'sha256', 'eventId']).executeTakeFirst();
  }

  /** Ties uploaded, unused attachments to the event that cites them; how many it tied. */
  async linkAttachments(db: Executor, taskId: number, ids: number[], eventId: number): Promise<number> {
    const linked = await db.updateTable('taskAttachment').set({ eventId }).where('taskId', '=', taskId).where('id', 'in', ids).where('eventId', 'is', null).returning('id').execute();
    return linked.length;
  }

  addEvent(db: Executor, e: NewEvent & { taskId: number }) {
    return db
      .insertInto('taskEvent')
      .values({ taskId: e.taskId, kind: e.kind, actorId: e.actorId, at: e.at, data: JSON.stringify(e.data ?? {}) })
      .returning('id')
      .executeTakeFirstOrThrow();
  }

  addMilestones(db: Executor, taskId: number, items: readonly { title: string; due: string; ownerId?: number | undefined }[], now: Date) {
    return db
      .insertInto('taskMilestone')
      .values(items.map((m) => ({ title: m.title, due: m.due, ownerId: m.ownerId ?? null, taskId, createdAt: now })))
      .returning('id')
      .execute();
  }

  completeMilestone(db: Executor, taskId: number, milestoneId: number, now: Date) {
    return db
      .updateTable('taskMilestone')
      .set({ doneAt: now })
      .where('id', '=', milestoneId)
      .where('taskId', '=', taskId)
      .where('doneAt', 'is', null)
      .returning(['id', 'title'])
      .executeTakeFirst();
  }

  async nextMilestoneDue(db: Executor, taskId: number): Promise<string | null> {
    const r = (await nextMilestone(db, taskId)).rows[0];
    return (r?.due as string | null | undefined) ?? null;
  }

  addExtension(db: Executor, e: { taskId: number; requestedBy: number; reason: string; currentDeadline: string; newDeadline: string; now: Date }) {
    return db
      .insertInto('taskExtension')
      .values({ taskId: e.taskId, requestedBy: e.requestedBy, reason: e.reason, currentDeadline: e.currentDeadline, newDeadline: e.newDeadline, status: 'pending', createdAt: e.now })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  extensionForUpdate(db: Executor, taskId: number, id: number) {
    return db.selectFrom('taskExtension').selectAll().where('id', '=', id).where('taskId', '=', taskId).forUpdate().executeTakeFirst();
  }

  decideExtension(db: Executor, id: number, d: { status: 'approved' | 'rejected'; decidedBy: number; note: string | null; now: Date }) {
    return db
      .updateTable('taskExtension')
      .set({ status: d.status, decidedBy: d.decidedBy, decisionNote: d.note, decidedAt: d.now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  escalations(db: Executor, taskIds: number[]) {
    if (taskIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('taskEscalation').selectAll().where('taskId', 'in', taskIds).orderBy('at').execute();
  }

  /**
   * The rungs of `levels` fired after the cursor (at, taskId, level) or at or after `since`, oldest
   * first, with their task's title, deadline, lead unit and responsible person (another module's
   * drafts from the upper rungs; migration 202612012201 indexes the 通报 and 问责建议 rungs by time).
   */
  rungsSince(db: Executor, levels: readonly EscalationLevel[], from: { since: Date | null; after?: readonly [Date, number, string] | undefined }, limit: number) {
    let q = db
      .selectFrom('taskEscalation as e')
      .innerJoin('task as t', 't.id', 'e.taskId')
      .innerJoin('unit as u', 'u.id', 't.leadUnitId')
      // `at` here is when the rung was recorded (fired_at), the order followers read in: a rung
      // stamped on a past working day (several found at once) is still read after the last one.
      .select(['e.taskId', 'e.level', 'e.firedAt as at', 'e.at as dueAt', 'e.overdueWorkdays', 'e.manual', 't.title', 't.deadline', 't.leadUnitId', 'u.name as leadUnitName', 'u.path as leadUnitPath', 't.responsibleId'])
      .where('e.level', 'in', [...levels]);
    if (from.after) {
      const [at, taskId, level] = from.after;
      q = q.where(sql<SqlBool>`(e.fired_at, e.task_id, e.level) > (${at}, ${taskId}, ${level})`);
    } else if (from.since) q = q.where('e.firedAt', '>=', from.since);
    return q.orderBy('e.firedAt').orderBy('e.taskId').orderBy('e.level').limit(limit).execute();
  }

  /** The tasks a person was responsible for that were closed (销号) in [from, to) (Asia/Shanghai days), with their 小结, oldest first. */
  closedFor(db: Executor, personId: number, from: string, to: string, limit: number) {
    return db
      .selectFrom('task')
      .select(['id', 'title', 'closedAt', 'summary'])
      .where('responsibleId', '=', personId)
      .where('status', '=', 'closed')
      .where('closedAt', '>=', new Date(`${from}T00:00:00+08:00`))
      .where('closedAt', '<', new Date(`${to}T00:00:00+08:00`))
      .orderBy('closedAt')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** Sets the escalation rung and the next rung's date of many tasks in one statement. */
  async setEscalationState(db: Executor, rows: { id: number; rung: number; nextOn: string | null }[]): Promise<void> {
    if (rows.length === 0) return;
    await sql`update task t set escalation_rung = v.rung, next_escalation_on = v.next_on
      from unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => r.rung)}::int[], ${rows.map((r) => r.nextOn)}::date[]) as v(id, rung, next_on)
      where t.id = v.id`.execute(db);
  }

  /** Records rungs; returns the ones that were new (the unique key drops those fired already). */
  addEscalations(db: Executor, rows: { taskId: number; level: EscalationLevel; overdueWorkdays: number; at: Date; firedAt?: Date; byId?: number; manual?: boolean }[]) {
    if (rows.length === 0) return Promise.resolve([]);
    return db
      .insertInto('taskEscalation')
      .values(rows.map((r) => ({ ...r, firedAt: r.firedAt ?? r.at })))
      .onConflict((oc) => oc.columns(['taskId', 'level']).doNothing())
      .returning(['taskId', 'level'])
      .execute();
  }

  addEvents(db: Executor, rows: { taskId: number; kind: string; actorId: number | null; at: Date; data: Record<string, unknown> }[]) {
    if (rows.length === 0) return Promise.resolve([]);
    return db
      .insertInto('taskEvent')
      .values(rows.map((e) => ({ ...e, data: JSON.stringify(e.data) })))
      .execute();
  }

  addUrging(db: Executor, u: Insertable<TaskUrgingTable>) {
    return db.insertInto('taskUrging').values(u).returning(['id']).executeTakeFirstOrThrow();
  }

  /** One urging of the task, held for the rest of the transaction. */
  urgingForUpdate(db: Executor, taskId: number, id: number) {
    return db.selectFrom('taskUrging').selectAll().where('taskId', '=', taskId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  async answerUrging(db: Executor, id: number, a: { answer: string; answeredBy: number; answeredAt: Date; answeredOn: string }): Promise<void> {
    await db.updateTable('taskUrging').set(a).where('id', '=', id).execute();
  }

  /**
   * Tasks whose unit owes the next step and whose next rung may be due by `today` (see
   * next_escalation_on), by id after `afterId`. Literal SQL so task_escalation_due_idx applies.
   */
  overdueBatch(db: Executor, today: string, afterId: number, limit: number) {
    return db
      .selectFrom('task as t')
      .innerJoin('unit as u', 'u.id', 't.leadUnitId')
      .select(['t.id', 't.title', 't.deadline', 't.level', 't.sourceKind', 't.leadUnitId', 't.responsibleId', 't.assignerId', 't.leaderId', 't.escalationRung', 't.nextEscalationOn', 'u.path as leadUnitPath', 'u.name as leadUnitName'])
      .where(sql<SqlBool>`t.status in ('assigned', 'signed', 'in_progress') and t.escalation_rung < 5`)
      .where(sql<SqlBool>`coalesce(t.next_escalation_on, t.deadline + 1) <= ${today}::date`)
      .where('t.id', '>', afterId)
      .orderBy('t.id')
      .limit(limit)
      .execute();
  }

  feedTokenOwner(db: Executor, tokenHash: string) {
    return db.selectFrom('taskFeed').select('personId').where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  deleteFeedToken(db: Executor, personId: number) {
    return db.deleteFrom('taskFeed').where('personId', '=', personId).execute();
  }

  setFeedToken(db: Executor, personId: number, tokenHash: string, now: Date) {
    return db
      .insertInto('taskFeed')
      .values({ personId, tokenHash, createdAt: now })
      .onConflict((oc) => oc.column('personId').doUpdateSet({ tokenHash, createdAt: now }))
      .execute();
  }

  /** Deadlines and milestones of a person's open tasks (ICS feed). */
  feedItems(db: Executor, personId: number) {
    return Promise.all([
      db
        .selectFrom('task as t')
        .innerJoin('unit as u', 'u.id', 't.leadUnitId')
        .select(['t.id', 't.title', 't.deadline', 't.status', 't.level', 'u.name as leadUnitName', 't.updatedAt'])
        .where((eb) => eb.or([eb('t.responsibleId', '=', personId), eb('t.assignerId', '=', personId), eb('t.leaderId', '=', personId)]))
        .where('t.status', 'not in', ['closed', 'withdrawn'])
        .orderBy('t.deadline')
        .limit(2000)
        .execute(),
      db
        .selectFrom('taskMilestone as m')
        .innerJoin('task as t', 't.id', 'm.taskId')
        .select(['m.id', 'm.title', 'm.due', 'm.doneAt', 't.id as taskId', 't.title as taskTitle'])
        .where((eb) => eb.or([eb('m.ownerId', '=', personId), eb('t.responsibleId', '=', personId)]))
        .where('t.status', 'not in', ['closed', 'withdrawn'])
        .orderBy('m.due')
        .limit(2000)
        .execute(),
    ]);
  }
}
