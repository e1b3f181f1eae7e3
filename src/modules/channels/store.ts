import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { RobotProvider } from '../../platform/notify/robots.ts';
import './schema.ts';

const ROBOT_COLUMNS = ['r.id', 'r.unitId', 'r.name', 'r.provider', 'r.url', 'r.secret', 'r.kinds', 'r.urgentOnly', 'r.mention', 'r.active', 'r.createdAt', 'u.path as unitPath', 'u.name as unitName'] as const;

/** The channels module's queries (Kysely only). */
export class ChannelStore {
  /** Recipients as routing needs them: unit path, mobile on file, choices and quiet hours. */
  recipients(db: Executor, ids: number[]) {
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .leftJoin('channelSetting as s', 's.personId', 'p.id')
      .select(['p.id', 'p.phone', 'p.active', 'u.path as unitPath', 's.choices', 's.quietStart', 's.quietEnd'])
      .where('p.id', 'in', ids)
      .execute();
  }

  activeRobots(db: Executor) {
    return db.selectFrom('channelRobot as r').innerJoin('unit as u', 'u.id', 'r.unitId').select(ROBOT_COLUMNS).where('r.active', '=', true).execute();
  }

  robots(db: Executor, underPaths: string[] | null) {
    let q = db.selectFrom('channelRobot as r').innerJoin('unit as u', 'u.id', 'r.unitId').select(ROBOT_COLUMNS);
    if (underPaths) q = underPaths.length ? q.where((eb) => eb.or(underPaths.map((p) => eb(sql<string>`left(u.path, ${p.length})`, '=', p)))) : q.where(sql<boolean>`false`);
    return q.orderBy('r.id').execute();
  }

  robot(db: Executor, id: number) {
    return db.selectFrom('channelRobot as r').innerJoin('unit as u', 'u.id', 'r.unitId').select(ROBOT_COLUMNS).where('r.id', '=', id).executeTakeFirst();
  }

  insertRobot(db: Executor, r: { unitId: number; name: string; provider: RobotProvider; url: string; secret: string | null; kinds: string[]; urgentOnly: boolean; mention: boolean; createdBy: number; createdAt: Date }) {
    return db.insertInto('channelRobot').values(r).returning('id').executeTakeFirstOrThrow();
  }

  updateRobot(db: Executor, id: number, set: Partial<{ name: string; kinds: string[]; urgentOnly: boolean; mention: boolean; active: boolean; secret: string | null; url: string }>) {
    return db.updateTable('channelRobot').set(set).where('id', '=', id).execute();
  }

  /** Robot messages sent in the last minute (the rate limit), oldest first. */
  sentSince(db: Executor, robotId: number, since: Date) {
    return db
      .selectFrom('delivery')
      .select('sentAt')
      .where('channel', '=', 'robot')
      .where(sql<boolean>`split_part(split_part(target, '@', 1), ':', 2) = ${String(robotId)}`)
      .where('status', '=', 'sent')
      .where('sentAt', '>', since)
      .orderBy('sentAt')
      .execute();
  }

  phones(db: Executor, ids: number[]) {
    return ids.length ? db.selectFrom('person').select(['id', 'phone', 'unitId']).where('id', 'in', ids).execute() : Promise.resolve([]);
  }

  personWithUnit(db: Executor, id: number) {
    return db.selectFrom('person as p').innerJoin('unit as u', 'u.id', 'p.unitId').select(['p.id', 'p.phone', 'p.email', 'u.path as unitPath']).where('p.id', '=', id).executeTakeFirst();
  }

  gateway(db: Executor) {
    return db.selectFrom('channelSmsGateway').selectAll().where('id', '=', 1).executeTakeFirst();
  }

  saveGateway(db: Executor, g: { kind: 'http' | 'log'; url: string | null; method: 'POST' | 'PUT' | 'GET'; headers: Record<string, string>; bodyTemplate: string; secret: string | null; updatedBy: number; updatedAt: Date }) {
    const row = { ...g, id: 1, headers: JSON.stringify(g.headers) };
    return db
      .insertInto('channelSmsGateway')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet({ kind: g.kind, url: g.url, method: g.method, headers: row.headers, bodyTemplate: g.bodyTemplate, secret: g.secret, updatedBy: g.updatedBy, updatedAt: g.updatedAt }))
      .execute();
  }

  setting(db: Executor, personId: number) {
    return db.selectFrom('channelSetting').selectAll().where('personId', '=', personId).executeTakeFirst();
  }

  saveSetting(db: Executor, s: { personId: number; choices: Record<string, string[]>; quietStart: string | null; quietEnd: string | null; digest: boolean; updatedAt: Date }) {
    const row = { ...s, choices: JSON.stringify(s.choices) };
    return db
      .insertInto('channelSetting')
      .values(row)
      .onConflict((oc) => oc.column('personId').doUpdateSet({ choices: row.choices, quietStart: s.quietStart, quietEnd: s.quietEnd, digest: s.digest, updatedAt: s.updatedAt }))
      .execute();
  }

  /** Active people who want the digest and have not had today's, with their unit's path. */
  digestCandidates(db: Executor, day: string, afterId: number, limit: number) {
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .leftJoin('channelSetting as s', 's.personId', 'p.id')
      .select(['p.id', 'u.path as unitPath'])
      .where('p.active', '=', true)
      .where('p.id', '>', afterId)
      .where((eb) => eb.or([eb('s.digest', 'is', null), eb('s.digest', '=', true)]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('channelDigest as d').select('d.personId').whereRef('d.personId', '=', 'p.id').where('d.day', '=', day))))
      .orderBy('p.id')
      .limit(limit)
      .execute();
  }

  /** Marks the day's digest done for a person; false when another run did it first. */
  async markDigest(db: Executor, personId: number, day: string, notificationId: number | null): Promise<boolean> {
    const r = await db.insertInto('channelDigest').values({ personId, day, notificationId }).onConflict((oc) => oc.columns(['personId', 'day']).doNothing()).returning('personId').executeTakeFirst();
    return r !== undefined;
  }

  lastNotificationId(db: Executor, personId: number, kind: string) {
    return db.selectFrom('notification').select('id').where('recipientId', '=', personId).where('kind', '=', kind).orderBy('id', 'desc').limit(1).executeTakeFirst();
  }
}
