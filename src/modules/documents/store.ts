import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { likeContains, likePrefix } from '../../platform/db/like.ts';
import type { DocumentSight } from './policy.ts';
import type { DocumentKind, DocumentStatus } from './rules.ts';
import type { DocumentRow, DocumentTable } from './schema.ts';
import type { Insertable, Updateable } from 'kysely';

/** A document with its issuing unit's path and name and its author's name. */
export type DocumentWithNames = DocumentRow & { unitPath: string; unitName: string; authorName: string };

export interface DocumentFilter {
  sight: DocumentSight;
  /** The issuing unit and the units under it. */
  unitPath?: string;
  kind?: DocumentKind;
  status?: DocumentStatus;
  year?: number;
  q?: string;
}

/** The documents module's queries. */
export class DocumentStore {
  private withNames(db: Executor) {
    return db
      .selectFrom('document as d')
      .innerJoin('unit as u', 'u.id', 'd.unitId')
      .innerJoin('person as p', 'p.id', 'd.authorId')
      .selectAll('d')
      .select(['u.path as unitPath', 'u.name as unitName', 'p.name as authorName']);
  }

  byId(db: Executor, id: number): Promise<DocumentWithNames | undefined> {
    return this.withNames(db).where('d.id', '=', id).executeTakeFirst();
  }

  /** The row, locked for an update in this transaction. */
  async lockById(db: Executor, id: number): Promise<DocumentWithNames | undefined> {
    const row = await db.selectFrom('document').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    return row ? this.byId(db, id) : undefined;
  }

  async insert(db: Executor, values: Insertable<DocumentTable>): Promise<number> {
    return (await db.insertInto('document').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }

  /** Updates the row at `version` (and bumps it); false when it has changed since. */
  async update(db: Executor, id: number, version: number, set: Updateable<DocumentTable>): Promise<boolean> {
    const r = await db
      .updateTable('document')
      .set({ ...set, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /**
   * What a viewer may see (the SQL side of policy.canSeeDocument, held to it by
   * policy.api.test.ts): documents of units under their subtrees or in their units, and their own.
   */
  visible(s: DocumentSight): Expression<SqlBool> {
    if (s.all) return sql<SqlBool>`true`;
    const conds = [...s.subtrees.map((p) => sql<SqlBool>`u.path like ${likePrefix(p)}`), ...s.units.map((p) => sql<SqlBool>`u.path = ${p}`), sql<SqlBool>`d.author_id = ${s.authorId}`];
    return sql<SqlBool>`(${sql.join(conds, sql` or `)})`;
  }

  private filtered(db: Executor, f: DocumentFilter) {
    let q = this.withNames(db).where(this.visible(f.sight));
    if (f.unitPath) q = q.where('u.path', 'like', likePrefix(f.unitPath));
    if (f.kind) q = q.where('d.kind', '=', f.kind);
    if (f.status) q = q.where('d.status', '=', f.status);
    if (f.year) q = q.where('d.year', '=', f.year);
    if (f.q) {
      const like = likeContains(f.q);
      q = q.where((eb) => eb.or([eb('d.title', 'ilike', like), eb('d.number', 'ilike', like)]));
    }
    return q;
  }

  /** A page, newest first (keyset on id). */
  list(db: Executor, f: DocumentFilter, page: { afterId?: number; limit: number }): Promise<DocumentWithNames[]> {
    let q = this.filtered(db, f);
    if (page.afterId) q = q.where('d.id', '<', page.afterId);
    return q.orderBy('d.id', 'desc').limit(page.limit + 1).execute();
  }

  /** Documents a unit issued in a year. */
  async issuedCount(db: Executor, unitId: number, year: number): Promise<number> {
    const r = await db.selectFrom('document').select((eb) => eb.fn.countAll<number>().as('n')).where('unitId', '=', unitId).where('year', '=', year).where('status', '=', 'issued').executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Is this 文号 already used by the unit this year? */
  async numberTaken(db: Executor, unitId: number, year: number, number: string): Promise<boolean> {
    return (await db.selectFrom('document').select('id').where('unitId', '=', unitId).where('year', '=', year).where('number', '=', number).executeTakeFirst()) !== undefined;
  }

  /** The path of the nearest region (省/州市/县/乡镇) at or above the unit at `unitPath`. */
  async regionPathOf(db: Executor, unitPath: string): Promise<string> {
    const ids = unitPath.split('/').filter(Boolean).map(Number);
    const r = await db.selectFrom('unit').select('path').where('id', 'in', ids).where('kind', '=', 'region').orderBy(sql`length(path)`, 'desc').executeTakeFirst();
    return r?.path ?? unitPath;
  }

  /** Issued documents of the units under `regionPath` (this year and last), to compare a text against. */
  corpus(db: Executor, regionPath: string, sinceYear: number, excludeId?: number) {
    let q = db
      .selectFrom('document as d')
      .innerJoin('unit as u', 'u.id', 'd.unitId')
      .select(['d.id', 'd.title', 'd.number', 'd.body'])
      .where('d.status', '=', 'issued')
      .where('d.year', '>=', sinceYear)
      .where('u.path', 'like', likePrefix(regionPath));
    if (excludeId) q = q.where('d.id', '!=', excludeId);
    return q.orderBy('d.id').execute();
  }

  phraseList(db: Executor) {
    return db.selectFrom('documentPhraseList').selectAll().where('id', '=', 1).executeTakeFirst();
  }

  /** The stored list's version only (cheap: every check asks whether the compiled matcher is current). */
  async phraseListVersion(db: Executor): Promise<number> {
    return (await db.selectFrom('documentPhraseList').select('version').where('id', '=', 1).executeTakeFirst())?.version ?? 0;
  }

  async savePhraseList(db: Executor, phrases: string[], by: number | null, at: Date): Promise<number> {
    const r = await db
      .insertInto('documentPhraseList')
      .values({ id: 1, phrases: JSON.stringify(phrases), version: 1, updatedBy: by, updatedAt: at })
      .onConflict((oc) => oc.column('id').doUpdateSet({ phrases: JSON.stringify(phrases), version: sql<number>`document_phrase_list.version + 1`, updatedBy: by, updatedAt: at }))
      .returning('version')
      .executeTakeFirstOrThrow();
    return r.version;
  }

  /**
   * Per issuing unit and kind, in the two years: documents issued, and of those drafted or
   * issued in the later year the checked ones, their average 字数, how many were over the limit
   * and their average phrase density. Only what the viewer may see.
   */
  stats(db: Executor, f: DocumentFilter, year: number) {
    return this.filtered(db, { ...f, year: undefined })
      .clearSelect()
      .where('d.year', 'in', [year - 1, year])
      .select((eb) => [
        'd.unitId',
        'u.name as unitName',
        'd.kind',
        eb.fn.count<number>(sql`case when d.status = 'issued' and d.year = ${year} then 1 end`).as('issuedThisYear'),
        eb.fn.count<number>(sql`case when d.status = 'issued' and d.year = ${year - 1} then 1 end`).as('issuedLastYear'),
        eb.fn.count<number>(sql`case when d.year = ${year} then 1 end`).as('total'),
        eb.fn.count<number>(sql`case when d.year = ${year} and d.verdict is not null then 1 end`).as('checked'),
        eb.fn.count<number>(sql`case when d.year = ${year} and d.verdict = 'over_limit' then 1 end`).as('overLimit'),
        sql<number | null>`avg(case when d.year = ${year} then d.characters end)`.as('avgCharacters'),
        sql<number | null>`avg(case when d.year = ${year} then d.phrases_per1000 end)`.as('avgPhrasesPer1000'),
      ])
      .groupBy(['d.unitId', 'u.name', 'd.kind'])
      .orderBy('u.name')
      .orderBy('d.kind')
      .execute();
  }
}
