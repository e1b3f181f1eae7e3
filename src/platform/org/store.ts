import { sql } from 'kysely';
import { compiledOnce } from '../db/compiled.ts';
import type { Executor } from '../db/index.ts';
import { PREPARE } from '../db/prepared.ts';
import type { NewPerson, PersonUpdate, UnitUpdate } from '../db/schema.ts';

export interface UnitVisibility {
  /** Subtree prefix the caller may see, or null for everything. */
  subtree: string | null;
  /** Ancestors of that subtree, so the tree has its root. */
  ancestorIds: number[];
}

/** One unit by id: read on every unit-filtered ledger page and statistics view. */
const unitById = compiledOnce((db: Executor, id: number) => db.selectFrom('unit').selectAll().where('id', '=', id).modifyEnd(PREPARE));

export class OrgStore {
  async unitById(db: Executor, id: number) {
    return (await unitById(db, id)).rows[0];
  }

  unitByCode(db: Executor, code: string) {
    return db.selectFrom('unit').selectAll().where('code', '=', code).executeTakeFirst();
  }

  listUnits(db: Executor, vis: UnitVisibility, opts: { includeInactive: boolean; under?: string }) {
    let q = db.selectFrom('unit').selectAll();
    if (vis.subtree) {
      const subtree = vis.subtree;
      q = q.where((eb) =>
        eb.or([eb('path', 'like', `${subtree}%`), ...(vis.ancestorIds.length ? [eb('id', 'in', vis.ancestorIds)] : [])]),
      );
    }
    if (opts.under) q = q.where('path', 'like', `${opts.under}%`);
    if (!opts.includeInactive) q = q.where('active', '=', true);
    return q.orderBy('path').orderBy('sortOrder').execute();
  }

  async insertUnit(db: Executor, u: { parentId: number | null; parentPath: string; code: string; name: string; kind: 'region' | 'department'; level: string; sortOrder: number; now: Date }) {
    const row = await db
      .insertInto('unit')
      .values({ parentId: u.parentId, code: u.code, name: u.name, kind: u.kind, level: u.level as never, path: '', sortOrder: u.sortOrder, createdAt: u.now, updatedAt: u.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return db
      .updateTable('unit')
      .set({ path: `${u.parentPath}${row.id}/` })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  updateUnit(db: Executor, id: number, set: UnitUpdate) {
    return db.updateTable('unit').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  /** Moves a subtree: every path under oldPrefix now starts with newPrefix. */
  movePaths(db: Executor, oldPrefix: string, newPrefix: string) {
    return db
      .updateTable('unit')
      .set({ path: sql`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
      .where('path', 'like', `${oldPrefix}%`)
      .execute();
  }

  countActiveChildren(db: Executor, id: number) {
    return db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).where('parentId', '=', id).where('active', '=', true).executeTakeFirstOrThrow();
  }

  countActivePeople(db: Executor, unitId: number) {
    return db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).where('unitId', '=', unitId).where('active', '=', true).executeTakeFirstOrThrow();
  }

  personById(db: Executor, id: number) {
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .selectAll('p')
      .select(['u.path as unitPath', 'u.name as unitName'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  }

  personByLogin(db: Executor, login: string) {
    return db.selectFrom('person').select(['id']).where('login', '=', login).executeTakeFirst();
  }

  listPeople(
    db: Executor,
    opts: { subtree: string | null; unitId?: number; under?: string; role?: string; q?: string; includeInactive: boolean; afterId?: number; limit: number },
  ) {
    let q = db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .selectAll('p')
      .select(['u.path as unitPath', 'u.name as unitName']);
    if (opts.subtree) q = q.where('u.path', 'like', `${opts.subtree}%`);
    if (opts.under) q = q.where('u.path', 'like', `${opts.under}%`);
    if (opts.unitId) q = q.where('p.unitId', '=', opts.unitId);
    if (opts.role) q = q.where(sql<boolean>`${opts.role} = any(p.roles)`);
    if (opts.q) {
      const like = `%${opts.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('p.name', 'like', like), eb('p.login', 'like', like)]));
    }
    if (!opts.includeInactive) q = q.where('p.active', '=', true);
    if (opts.afterId) q = q.where('p.id', '>', opts.afterId);
    return q.orderBy('p.id').limit(opts.limit).execute();
  }

  insertPerson(db: Executor, p: NewPerson) {
    return db.insertInto('person').values(p).returning('id').executeTakeFirstOrThrow();
  }

  updatePerson(db: Executor, id: number, set: PersonUpdate) {
    return db.updateTable('person').set(set).where('id', '=', id).execute();
  }

  deleteSessionsOf(db: Executor, personId: number) {
    return db.deleteFrom('session').where('personId', '=', personId).execute();
  }
}
