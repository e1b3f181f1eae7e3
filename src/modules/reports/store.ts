import { sql, type Expression, type SqlBool } from 'kysely';
import type { Scope } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/index.ts';
import { likeContains, likePrefix } from '../../platform/db/like.ts';
import type { ReportKind, ReportStatus } from './rules.ts';
import type { NewReport, ReportUpdate } from './schema.ts';

/** Who is looking (policy.ts `canSeeReport` as SQL). */
export interface ReportViewer {
  all: boolean;
  /** A supervisor's scope: drafts too. */
  draft: Scope | null;
  scope: Scope;
  unitPath: string;
}

export interface ReportFilter {
  unitPath?: string | undefined;
  kind?: ReportKind | undefined;
  status?: ReportStatus | undefined;
  year?: number | undefined;
  q?: string | undefined;
}

const inScopeSql = (s: Scope): Expression<SqlBool>[] => [
  ...s.subtrees.map((p) => sql<SqlBool>`u.path like ${likePrefix(p)}`),
  ...(s.units.length ? [sql<SqlBool>`u.path = any(${s.units})`] : []),
];
const or = (xs: Expression<SqlBool>[]) => (xs.length ? sql<SqlBool>`(${sql.join(xs, sql` or `)})` : sql<SqlBool>`false`);

/** The report's columns without its files (lists and pages read these). */
const COLUMNS = ['r.id', 'r.version', 'r.kind', 'r.status', 'r.unitId', 'r.periodKey', 'r.periodFrom', 'r.periodTo', 'r.content', 'r.editedKeys', 'r.year', 'r.seq', 'r.number', 'r.scheduled', 'r.createdBy', 'r.issuedBy', 'r.issuedAt', 'r.createdAt', 'r.updatedAt'] as const;

export type ReportRow = NonNullable<Awaited<ReturnType<ReportStore['byId']>>>;

/** Kysely queries of the reports module. */
export class ReportStore {
  visible(v: ReportViewer): Expression<SqlBool> {
    if (v.all) return sql<SqlBool>`true`;
    const issued = sql<SqlBool>`(r.status = 'issued' and (${or([...inScopeSql(v.scope), sql<SqlBool>`starts_with(${v.unitPath}, u.path)`])}))`;
    return or([...(v.draft ? inScopeSql(v.draft) : []), issued]);
  }

  private base(db: Executor) {
    return db.selectFrom('report as r').innerJoin('unit as u', 'u.id', 'r.unitId').select([...COLUMNS, 'u.path as unitPath', 'u.name as unitName']);
  }

  byId(db: Executor, id: number, opts: { lock?: boolean } = {}) {
    let q = this.base(db).where('r.id', '=', id);
    if (opts.lock) q = q.forUpdate('r');
    return q.executeTakeFirst();
  }

  /** The stored files of an issued report. */
  files(db: Executor, id: number) {
    return db.selectFrom('report').select(['docx', 'xlsx']).where('id', '=', id).executeTakeFirst();
  }

  list(db: Executor, v: ReportViewer, f: ReportFilter, page: { limit: number; after?: readonly [string, number] | undefined }) {
    let q = this.base(db).where(this.visible(v));
    if (f.unitPath) q = q.where('u.path', 'like', likePrefix(f.unitPath));
    if (f.kind) q = q.where('r.kind', '=', f.kind);
    if (f.status) q = q.where('r.status', '=', f.status);
    if (f.year) q = q.where('r.periodFrom', '>=', `${f.year}-01-01`).where('r.periodFrom', '<', `${f.year + 1}-01-01`);
    if (f.q) q = q.where(sql<string>`r.content->>'title'`, 'ilike', likeContains(f.q));
    if (page.after) {
      const [at, id] = page.after;
      q = q.where((eb) => eb.or([eb('r.createdAt', '<', new Date(at)), eb.and([eb('r.createdAt', '=', new Date(at)), eb('r.id', '<', id)])]));
    }
    return q.orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').limit(page.limit + 1).execute();
  }

  /** The periodic report of this unit, kind and period, if any. */
  existing(db: Executor, unitId: number, kind: ReportKind, periodKey: string) {
    return db.selectFrom('report').select(['id']).where('unitId', '=', unitId).where('kind', '=', kind).where('periodKey', '=', periodKey).executeTakeFirst();
  }

  /** Inserts a report; a periodic one that exists already (a concurrent job) is skipped (undefined). */
  insert(db: Executor, row: NewReport) {
    return db
      .insertInto('report')
      .values(row)
      .onConflict((oc) => oc.columns(['unitId', 'kind', 'periodKey']).where('kind', '<>', 'notice').doNothing())
      .returning(['id'])
      .executeTakeFirst();
  }

  update(db: Executor, id: number, version: number, patch: Omit<ReportUpdate, 'id' | 'version'>) {
    return db.updateTable('report').set({ ...patch, version: sql<number>`version + 1` }).where('id', '=', id).where('version', '=', version).returning(['id']).executeTakeFirst();
  }

  /**
   * The next 文号 sequence of the unit's kind in the year. Two reports of the same unit, kind and
   * year issued at once take turns on a transaction lock (the unique index is the last guard).
   */
  async nextSeq(db: Executor, unitId: number, kind: ReportKind, year: number): Promise<number> {
    await sql`select pg_advisory_xact_lock(hashtext(${`mashang.report.${unitId}.${kind}.${year}`}))`.execute(db);
    const r = await db.selectFrom('report').select((eb) => eb.fn.max('seq').as('max')).where('unitId', '=', unitId).where('kind', '=', kind).where('year', '=', year).executeTakeFirst();
    return Number(r?.max ?? 0) + 1;
  }

  // ——— personal summaries ———

  private summaryBase(db: Executor) {
    return db
      .selectFrom('reportSummary as s')
      .innerJoin('person as p', 'p.id', 's.personId')
      .innerJoin('unit as u', 'u.id', 's.unitId')
      .selectAll('s')
      .select(['p.name as personName', 'u.path as unitPath', 'u.name as unitName']);
  }

  summaryById(db: Executor, id: number, opts: { lock?: boolean } = {}) {
    let q = this.summaryBase(db).where('s.id', '=', id);
    if (opts.lock) q = q.forUpdate('s');
    return q.executeTakeFirst();
  }

  summaryOf(db: Executor, personId: number, periodKey: string) {
    return this.summaryBase(db).where('s.personId', '=', personId).where('s.periodKey', '=', periodKey).executeTakeFirst();
  }

  insertSummary(db: Executor, row: { personId: number; unitId: number; periodKey: string; periodFrom: string; periodTo: string; items: string; createdAt: Date; updatedAt: Date }) {
    return db
      .insertInto('reportSummary')
      .values({ ...row, status: 'draft' })
      .onConflict((oc) => oc.columns(['personId', 'periodKey']).doNothing())
      .returning(['id'])
      .executeTakeFirst();
  }

  updateSummary(db: Executor, id: number, version: number, patch: { text?: string; items?: string; status?: 'submitted'; submittedAt?: Date; updatedAt: Date }) {
    return db.updateTable('reportSummary').set({ ...patch, version: sql<number>`version + 1` }).where('id', '=', id).where('version', '=', version).returning(['id']).executeTakeFirst();
  }

  /** Summaries the viewer may read: their own, and the submitted ones of people in `scope` (heads, supervisors) — newest first. */
  listSummaries(db: Executor, v: { personId: number; scope: Scope | null }, f: { personId?: number | undefined; unitPath?: string | undefined; periodKey?: string | undefined; status?: 'draft' | 'submitted' | undefined }, page: { limit: number; after?: number | undefined }) {
    const theirs = !v.scope ? sql<SqlBool>`false` : v.scope.all ? sql<SqlBool>`s.status = 'submitted'` : sql<SqlBool>`(s.status = 'submitted' and ${or(inScopeSql(v.scope))})`;
    let q = this.summaryBase(db).where(or([sql<SqlBool>`s.person_id = ${v.personId}`, theirs]));
    if (f.personId) q = q.where('s.personId', '=', f.personId);
    if (f.unitPath) q = q.where('u.path', 'like', likePrefix(f.unitPath));
    if (f.periodKey) q = q.where('s.periodKey', '=', f.periodKey);
    if (f.status) q = q.where('s.status', '=', f.status);
    if (page.after) q = q.where('s.id', '<', page.after);
    return q.orderBy('s.id', 'desc').limit(page.limit + 1).execute();
  }
}
