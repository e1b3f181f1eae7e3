import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Rank, Scope } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import { likeContains, likePrefix } from '../../platform/db/like.ts';
import type { PlaceKind } from './rules.ts';
import type { FieldFindingTable, FieldVisitTable, ResearchPlaceTable } from './schema.ts';

/** Who is looking at visits: the people they oversee (policy.visitSight) and themself. */
export interface VisitViewer {
  sight: Scope;
  personId: number;
}

export interface PlaceFilter {
  /** Places under this unit (a township, or a county: its townships). */
  unitPath?: string | undefined;
  kind?: PlaceKind | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  includeInactive?: boolean | undefined;
}

export interface VisitFilter {
  personId?: number | undefined;
  /** Visits with someone of this unit's subtree on them. */
  unitPath?: string | undefined;
  year?: number | undefined;
  placeId?: number | undefined;
}

/** A path condition as SQL: the column in one of the scope's subtrees or units. */
function inScopeSql(col: string, scope: Scope) {
  if (scope.all) return sql<SqlBool>`true`;
  const parts = [...scope.subtrees.map((p) => sql<SqlBool>`${sql.ref(col)} like ${likePrefix(p)}`), ...(scope.units.length ? [sql<SqlBool>`${sql.ref(col)} = any(${scope.units})`] : [])];
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/** Kysely queries of the research module; each takes the executor (the operation's transaction). */
export class ResearchStore {
  // --- places ---

  private places(db: Executor) {
    return db
      .selectFrom('researchPlace as rp')
      .innerJoin('unit as tu', 'tu.id', 'rp.townshipId')
      .selectAll('rp')
      .select(['tu.name as townshipName', 'tu.path as townshipPath']);
  }

  placeById(db: Executor, id: number) {
    return this.places(db).where('rp.id', '=', id).executeTakeFirst();
  }

  placesByIds(db: Executor, ids: readonly number[]) {
    if (!ids.length) return Promise.resolve([]);
    return this.places(db).where('rp.id', 'in', [...ids]).execute();
  }

  /** A page of places, ordered by township then name (cursor: id order inside the filter). */
  listPlaces(db: Executor, f: PlaceFilter, page: { limit: number; after?: number | undefined }) {
    let q = this.places(db);
    if (f.unitPath) q = q.where('tu.path', 'like', likePrefix(f.unitPath));
    if (f.kind) q = q.where('rp.kind', '=', f.kind);
    if (f.tag) q = q.where(sql<SqlBool>`${f.tag} = any(rp.tags)`);
    if (f.q) q = q.where('rp.name', 'like', likeContains(f.q));
    if (!f.includeInactive) q = q.where('rp.active', '=', true);
    if (page.after) q = q.where('rp.id', '>', page.after);
    return q.orderBy('rp.id').limit(page.limit + 1).execute();
  }

  /** Every active place under a unit (the statistics). */
  placesUnder(db: Executor, unitPath: string) {
    return db
      .selectFrom('researchPlace as rp')
      .innerJoin('unit as tu', 'tu.id', 'rp.townshipId')
      .select(['rp.id', 'rp.name', 'rp.kind', 'rp.tags', 'rp.townshipId', 'tu.name as townshipName'])
      .where('tu.path', 'like', likePrefix(unitPath))
      .where('rp.active', '=', true)
      .orderBy('rp.id')
      .execute();
  }

  /** An active place of this name in this township (names are unique per township). */
  placeNamed(db: Executor, townshipId: number, name: string, excludeId?: number) {
    let q = db.selectFrom('researchPlace').select('id').where('townshipId', '=', townshipId).where('name', '=', name).where('active', '=', true);
    if (excludeId) q = q.where('id', '!=', excludeId);
    return q.executeTakeFirst();
  }

  insertPlace(db: Executor, row: Insertable<ResearchPlaceTable>) {
    return db.insertInto('researchPlace').values(row).returningAll().executeTakeFirstOrThrow();
  }

  updatePlace(db: Executor, id: number, set: Updateable<ResearchPlaceTable>) {
    return db.updateTable('researchPlace').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  }

  // --- visits ---

  insertVisit(db: Executor, row: Insertable<FieldVisitTable>) {
    return db.insertInto('fieldVisit').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async linkVisit(db: Executor, visitId: number, personIds: readonly number[], placeIds: readonly number[]): Promise<void> {
    if (personIds.length) await db.insertInto('fieldVisitPerson').values(personIds.map((personId) => ({ visitId, personId }))).execute();
    if (placeIds.length) await db.insertInto('fieldVisitPlace').values(placeIds.map((placeId) => ({ visitId, placeId }))).execute();
  }

  insertFindings(db: Executor, rows: Insertable<FieldFindingTable>[]) {
    if (!rows.length) return Promise.resolve([]);
    return db.insertInto('fieldFinding').values(rows).returningAll().execute();
  }

  visitById(db: Executor, id: number) {
    return db.selectFrom('fieldVisit').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The people on visits, with their unit's path and name. */
  visitPeople(db: Executor, visitIds: readonly number[]) {
    if (!visitIds.length) return Promise.resolve([]);
    return db
      .selectFrom('fieldVisitPerson as fp')
      .innerJoin('person as p', 'p.id', 'fp.personId')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['fp.visitId', 'p.id', 'p.name', 'p.title', 'p.rank', 'u.path as unitPath', 'u.name as unitName'])
      .where('fp.visitId', 'in', [...visitIds])
      .orderBy('fp.visitId')
      .orderBy('p.id')
      .execute();
  }

  visitPlaces(db: Executor, visitIds: readonly number[]) {
    if (!visitIds.length) return Promise.resolve([]);
    return db
      .selectFrom('fieldVisitPlace as fl')
      .innerJoin('researchPlace as rp', 'rp.id', 'fl.placeId')
      .innerJoin('unit as tu', 'tu.id', 'rp.townshipId')
      .select(['fl.visitId', 'rp.id', 'rp.name', 'rp.kind', 'rp.tags', 'tu.name as townshipName'])
      .where('fl.visitId', 'in', [...visitIds])
      .orderBy('fl.visitId')
      .orderBy('rp.id')
      .execute();
  }

  findings(db: Executor, visitIds: readonly number[]) {
    if (!visitIds.length) return Promise.resolve([]);
    return db.selectFrom('fieldFinding').selectAll().where('visitId', 'in', [...visitIds]).orderBy('visitId').orderBy('position').execute();
  }

  findingForUpdate(db: Executor, visitId: number, id: number) {
    return db.selectFrom('fieldFinding').selectAll().where('visitId', '=', visitId).where('id', '=', id).forUpdate().executeTakeFirst();
  }

  findingByTask(db: Executor, taskId: number) {
    return db.selectFrom('fieldFinding').selectAll().where('taskId', '=', taskId).executeTakeFirst();
  }

  setFindingTask(db: Executor, id: number, taskId: number) {
    return db.updateTable('fieldFinding').set({ taskId }).where('id', '=', id).execute();
  }

  /** The visit ids a viewer may see (policy.canSeeVisit as SQL): they were on it, or someone on it works in their sight. */
  private visibleSql(v: VisitViewer) {
    if (v.sight.all) return sql<SqlBool>`true`;
    return sql<SqlBool>`exists (select 1 from field_visit_person vp join person vpp on vpp.id = vp.person_id join unit vu on vu.id = vpp.unit_id where vp.visit_id = fv.id and (vp.person_id = ${v.personId} or ${inScopeSql('vu.path', v.sight)}))`;
  }

  /** A page of the visits a viewer may see, newest first (cursor: [startDate, id]). */
  listVisits(db: Executor, v: VisitViewer, f: VisitFilter, page: { limit: number; after?: readonly [string, number] | undefined }) {
    let q = db.selectFrom('fieldVisit as fv').selectAll('fv').where(this.visibleSql(v));
    if (f.personId) q = q.where(sql<SqlBool>`exists (select 1 from field_visit_person x where x.visit_id = fv.id and x.person_id = ${f.personId})`);
    if (f.unitPath) q = q.where(sql<SqlBool>`exists (select 1 from field_visit_person x join person xp on xp.id = x.person_id join unit xu on xu.id = xp.unit_id where x.visit_id = fv.id and xu.path like ${likePrefix(f.unitPath)})`);
    if (f.placeId) q = q.where(sql<SqlBool>`exists (select 1 from field_visit_place x where x.visit_id = fv.id and x.place_id = ${f.placeId})`);
    if (f.year) q = q.where('fv.endDate', '>=', `${f.year}-01-01`).where('fv.startDate', '<=', `${f.year}-12-31`);
    if (page.after) {
      const [d, id] = page.after;
      q = q.where((eb) => eb.or([eb('fv.startDate', '<', d), eb.and([eb('fv.startDate', '=', d), eb('fv.id', '<', id)])]));
    }
    return q.orderBy('fv.startDate', 'desc').orderBy('fv.id', 'desc').limit(page.limit + 1).execute();
  }

  /** Every visit span of these people overlapping [from, to]: the quota's input (read in chunks of ids). */
  async spansOf(db: Executor, personIds: readonly number[], from: string, to: string) {
    const out = [];
    for (let i = 0; i < personIds.length; i += 5000) {
      const rows = await db
        .selectFrom('fieldVisitPerson as fp')
        .innerJoin('fieldVisit as fv', 'fv.id', 'fp.visitId')
        .select(['fp.personId', 'fv.id', 'fv.startDate', 'fv.endDate', 'fv.halfDay', 'fv.kind', 'fv.purpose', 'fv.updatedAt'])
        .where('fp.personId', 'in', personIds.slice(i, i + 5000))
        .where('fv.endDate', '>=', from)
        .where('fv.startDate', '<=', to)
        .orderBy('fv.startDate')
        .execute();
      out.push(...rows);
    }
    return out;
  }

  /** The year's visits with someone of the unit's subtree on them, as the statistics need them. */
  visitsOfYear(db: Executor, v: VisitViewer, unitPath: string, year: number) {
    return db
      .selectFrom('fieldVisit as fv')
      .select(['fv.id', 'fv.unannounced', 'fv.startDate'])
      .where(this.visibleSql(v))
      .where(sql<SqlBool>`exists (select 1 from field_visit_person x join person xp on xp.id = x.person_id join unit xu on xu.id = xp.unit_id where x.visit_id = fv.id and xu.path like ${likePrefix(unitPath)})`)
      .where('fv.endDate', '>=', `${year}-01-01`)
      .where('fv.startDate', '<=', `${year}-12-31`)
      .execute();
  }

  visitLinks(db: Executor, visitIds: readonly number[]) {
    if (!visitIds.length) return Promise.resolve({ people: [], places: [] });
    return Promise.all([
      db.selectFrom('fieldVisitPerson').select(['visitId', 'personId']).where('visitId', 'in', [...visitIds]).execute(),
      db.selectFrom('fieldVisitPlace').select(['visitId', 'placeId']).where('visitId', 'in', [...visitIds]).execute(),
    ]).then(([people, places]) => ({ people, places }));
  }

  /** Active people of a unit's subtree (inside the viewer's sight) holding one of these ranks: the annual table's rows. */
  rankedPeople(db: Executor, sight: Scope, unitPath: string, ranks: readonly Rank[]) {
    if (!ranks.length) return Promise.resolve([]);
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.name', 'p.title', 'p.rank', 'p.rankSince', 'p.unitId', 'u.name as unitName', 'u.path as unitPath'])
      .where('p.active', '=', true)
      .where('p.rank', 'in', [...ranks])
      .where('u.path', 'like', likePrefix(unitPath))
      .where(inScopeSql('u.path', sight))
      .orderBy('u.path')
      .orderBy('p.id')
      .execute();
  }

  /** Every active person holding one of these ranks (the monthly behind scan). */
  allRanked(db: Executor, ranks: readonly Rank[]) {
    if (!ranks.length) return Promise.resolve([]);
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .select(['p.id', 'p.name', 'p.rank', 'p.rankSince', 'u.path as unitPath'])
      .where('p.active', '=', true)
      .where('p.rank', 'in', [...ranks])
      .orderBy('p.id')
      .execute();
  }

  /** People already warned this month (notification kind `research.behind` since the month began). */
  async warnedSince(db: Executor, since: Date): Promise<Set<number>> {
    const rows = await db.selectFrom('notification').select('recipientId').where('kind', '=', 'research.behind').where('createdAt', '>=', since).execute();
    return new Set(rows.map((r) => r.recipientId));
  }
}
