import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compiledOnce } from '../db/compiled.ts';
import type { Executor } from '../db/index.ts';
import { likeContains, likePrefix } from '../db/like.ts';
import { PREPARE } from '../db/prepared.ts';
import type { Database, NewPerson, PersonUpdate, UnitUpdate } from '../db/schema.ts';

export interface UnitVisibility {
  /** Subtree prefix the caller may see, or null for everything. */
  subtree: string | null;
  /** Ancestors of that subtree, so the tree has its root. */
  ancestorIds: number[];
}

/**
 * The path of the nearest region (省/州市/县/乡镇) at or above the unit at `u.path`: looked up
 * among the unit's own ancestors (ids from the path, by primary key), one index probe per level.
 * Used wherever a person's scope is needed (auth's actor, the org reads that judge other people).
 */
export function nearestRegionPath(eb: ExpressionBuilder<Database & { u: Database['unit'] }, 'u'>) {
  return eb
    .selectFrom('unit as r')
    .select('r.path')
    .where('r.kind', '=', 'region')
    .where(sql<boolean>`r.id = any(string_to_array(trim(both '/' from u.path), '/')::int[])`)
    .orderBy(sql`length(r.path)`, 'desc')
    .limit(1);
}

/** One unit by id: read on every unit-filtered ledger page and statistics view. */
const unitById = compiledOnce((db: Executor, id: number) => db.selectFrom('unit').selectAll().where('id', '=', id).modifyEnd(PREPARE));

/** A unit with its active heads: read on every assignment (who is told). */
const unitAndHeads = compiledOnce((db: Executor, unitId: number) =>
  db
    .selectFrom('unit as u')
    .select(['u.id', 'u.path', 'u.name', 'u.active'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('person as p')
          .select(['p.id', 'p.name'])
          .whereRef('p.unitId', '=', 'u.id')
          .where('p.active', '=', true)
          .where(sql<SqlBool>`'unit_head' = any(p.roles)`)
          .orderBy('p.id'),
      ).as('heads'),
    )
    .where('u.id', '=', unitId)
    .modifyEnd(PREPARE),
);

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
    opts: { subtree: string | null; unitId?: number; under?: string; role?: string; q?: string; qLogins?: boolean; includeInactive: boolean; afterId?: number; limit: number },
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
      const like = likeContains(opts.q);
      q = opts.qLogins ? q.where((eb) => eb.or([eb('p.name', 'like', like), eb('p.login', 'like', like)])) : q.where('p.name', 'like', like);
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



  /** A unit with its active heads, in one statement. */
  async unitWithHeads(db: Executor, unitId: number) {
    return (await unitAndHeads(db, unitId)).rows[0];
  }

  /** Units by id (any that exist), with what callers check: path, name, active. */
  unitsByIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('unit').select(['id', 'path', 'name', 'active']).where('id', 'in', ids).execute();
  }

  /** People by id (any that exist), with roles and whether active. */
  peopleByIds(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('person').select(['id', 'name', 'roles', 'active', 'unitId']).where('id', 'in', ids).execute();
  }

  /** People with what their scope needs (roles, unit path, nearest region's path). */
  peopleWithScope(db: Executor, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.name', 'p.roles', 'p.active', 'u.path as unitPath'])
      .select((eb) => nearestRegionPath(eb).as('regionPath'))
      .where('p.id', 'in', ids)
      .execute();
  }

  /** Active people with a role in exactly this unit. */
  unitPeopleWithRole(db: Executor, unitId: number, role: string) {
    return db
      .selectFrom('person')
      .select(['id', 'name'])
      .where('unitId', '=', unitId)
      .where('active', '=', true)
      .where(sql<SqlBool>`${role} = any(roles)`)
      .execute();
  }

  /** Active supervisors whose region (nearest region of their unit) contains this unit. */
  supervisorsOver(db: Executor, unitPath: string) {
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.name'])
      .where('p.active', '=', true)
      .where(sql<SqlBool>`'supervisor' = any(p.roles)`)
      .where(
        // The supervisor's region: the nearest region among their unit's ancestors (by primary key).
        sql<SqlBool>`${unitPath} like (select r.path from unit r where r.kind = 'region' and r.id = any(string_to_array(trim(both '/' from u.path), '/')::int[]) order by length(r.path) desc limit 1) || '%'`,
      )
      .execute();
  }

  /** The person when active and working in the unit at `path` or below it. */
  personInSubtree(db: Executor, personId: number, path: string) {
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.name'])
      .where('p.id', '=', personId)
      .where('p.active', '=', true)
      .where('u.path', 'like', likePrefix(path))
      .executeTakeFirst();
  }

  /** Active people with these names, with their roles and unit path (matching names in imports). */
  activePeopleNamed(db: Executor, names: string[]) {
    if (names.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.name', 'p.roles', 'u.path'])
      .where('p.active', '=', true)
      .where('p.name', 'in', names)
      .execute();
  }

  /** Active units with these names (matching names in imports). */
  activeUnitsNamed(db: Executor, names: string[]) {
    if (names.length === 0) return Promise.resolve([]);
    return db.selectFrom('unit').select(['id', 'name', 'path']).where('active', '=', true).where('name', 'in', names).execute();
  }
}
