import type { Executor } from '../db/index.ts';
import { PREPARE } from '../db/prepared.ts';
import { nearestRegionPath } from '../org/store.ts';

/** Queries for sessions, API tokens and the login fields of a person. */
export class AuthStore {
  personByLogin(db: Executor, login: string) {
    return db.selectFrom('person').selectAll().where('login', '=', login).executeTakeFirst();
  }

  /**
   * The person with what authorization needs: unit path and the nearest region's path. The
   * region is looked up among the unit's own ancestors (ids from the path, by primary key), not
   * by matching every region's path: that is one index probe per level at any size.
   */
  private actorQuery(db: Executor) {
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.login', 'p.name', 'p.unitId', 'p.roles', 'p.active', 'u.path as unitPath'])
      .select((eb) => nearestRegionPath(eb).as('regionPath'));
  }

  actorRow(db: Executor, personId: number) {
    return this.actorQuery(db).where('p.id', '=', personId).executeTakeFirst();
  }

  /** A session and the person behind it, in one round trip (every request asks). */
  sessionWithActor(db: Executor, tokenHash: string) {
    return this.actorQuery(db)
      .innerJoin('session as s', 's.personId', 'p.id')
      .select(['s.csrfToken', 's.lastSeenAt', 's.expiresAt'])
      .where('s.tokenHash', '=', tokenHash)
      .modifyEnd(PREPARE)
      .executeTakeFirst();
  }

  throttleOf(db: Executor, login: string, clientIp: string) {
    return db.selectFrom('loginThrottle').select(['failures', 'lockedUntil']).where('login', '=', login).where('clientIp', '=', clientIp).executeTakeFirst();
  }

  /** Counts one failure; returns the count (a lock starts the next count from zero). */
  recordLoginFailure(db: Executor, login: string, clientIp: string, now: Date) {
    return db
      .insertInto('loginThrottle')
      .values({ login, clientIp, failures: 1, lockedUntil: null, updatedAt: now })
      .onConflict((oc) => oc.columns(['login', 'clientIp']).doUpdateSet((eb) => ({ failures: eb('loginThrottle.failures', '+', 1), updatedAt: now })))
      .returning('failures')
      .executeTakeFirstOrThrow();
  }

  lockLogin(db: Executor, login: string, clientIp: string, until: Date) {
    return db.updateTable('loginThrottle').set({ failures: 0, lockedUntil: until }).where('login', '=', login).where('clientIp', '=', clientIp).execute();
  }

  /** Forgets the failures of a login: from one address (a success there), or from all (an admin's reset). */
  clearLoginFailures(db: Executor, login: string, clientIp?: string) {
    let q = db.deleteFrom('loginThrottle').where('login', '=', login);
    if (clientIp !== undefined) q = q.where('clientIp', '=', clientIp);
    return q.execute();
  }

  deleteStaleThrottles(db: Executor, before: Date) {
    return db.deleteFrom('loginThrottle').where('updatedAt', '<', before).where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<', before)])).execute();
  }

  setPassword(db: Executor, personId: number, passwordHash: string, now: Date) {
    return db
      .updateTable('person')
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
      .where('id', '=', personId)
      .execute();
  }

  insertSession(db: Executor, s: { tokenHash: string; personId: number; csrfToken: string; clientIp: string | null; now: Date; expiresAt: Date }) {
    return db
      .insertInto('session')
      .values({ tokenHash: s.tokenHash, personId: s.personId, csrfToken: s.csrfToken, clientIp: s.clientIp, createdAt: s.now, lastSeenAt: s.now, expiresAt: s.expiresAt })
      .execute();
  }

  touchSession(db: Executor, tokenHash: string, now: Date) {
    return db.updateTable('session').set({ lastSeenAt: now }).where('tokenHash', '=', tokenHash).execute();
  }

  deleteSession(db: Executor, tokenHash: string) {
    return db.deleteFrom('session').where('tokenHash', '=', tokenHash).execute();
  }

  /** All of a person's sessions, except optionally the one in use. */
  deleteSessionsOf(db: Executor, personId: number, keepTokenHash?: string) {
    let q = db.deleteFrom('session').where('personId', '=', personId);
    if (keepTokenHash) q = q.where('tokenHash', '!=', keepTokenHash);
    return q.execute();
  }

  deleteExpiredSessions(db: Executor, now: Date) {
    return db.deleteFrom('session').where('expiresAt', '<', now).execute();
  }

  insertApiToken(db: Executor, t: { personId: number; name: string; tokenHash: string; now: Date }) {
    return db
      .insertInto('apiToken')
      .values({ personId: t.personId, name: t.name, tokenHash: t.tokenHash, createdAt: t.now })
      .returning(['id', 'name', 'createdAt'])
      .executeTakeFirstOrThrow();
  }

  /** A live API token and the person behind it, in one round trip (as `sessionWithActor`). */
  apiTokenWithActor(db: Executor, tokenHash: string) {
    return this.actorQuery(db)
      .innerJoin('apiToken as t', 't.personId', 'p.id')
      .select(['t.id as tokenId', 't.lastUsedAt'])
      .where('t.tokenHash', '=', tokenHash)
      .where('t.revokedAt', 'is', null)
      .modifyEnd(PREPARE)
      .executeTakeFirst();
  }

  apiTokensOf(db: Executor, personId: number) {
    return db.selectFrom('apiToken').select(['id', 'name', 'createdAt', 'lastUsedAt', 'revokedAt']).where('personId', '=', personId).orderBy('id').execute();
  }

  revokeApiTokensOf(db: Executor, personId: number, now: Date) {
    return db.updateTable('apiToken').set({ revokedAt: now }).where('personId', '=', personId).where('revokedAt', 'is', null).execute();
  }

  revokeApiToken(db: Executor, id: number, personId: number, now: Date) {
    return db
      .updateTable('apiToken')
      .set({ revokedAt: now })
      .where('id', '=', id)
      .where('personId', '=', personId)
      .where('revokedAt', 'is', null)
      .returning('id')
      .executeTakeFirst();
  }

  touchApiToken(db: Executor, id: number, now: Date) {
    return db.updateTable('apiToken').set({ lastUsedAt: now }).where('id', '=', id).execute();
  }
}
