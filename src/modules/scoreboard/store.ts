import { sql, type Insertable, type SqlBool, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { likeContains, likePrefix } from '../../platform/db/like.ts';
import type { BoardSight } from './policy.ts';
import type { CaseStatus } from './rules.ts';
import type { ComponentBrief, ModelCaseTable, ScoreboardScoreTable } from './schema.ts';

const BATCH = 500;

/** The scoreboard's queries (Kysely only). */
export class ScoreboardStore {
  /** Every active unit with its parent's kind and level (peer groups come from the tree). */
  units(db: Executor) {
    return db
      .selectFrom('unit as u')
      .leftJoin('unit as p', 'p.id', 'u.parentId')
      .where('u.active', '=', true)
      .select(['u.id', 'u.name', 'u.path', 'u.kind', 'u.level', 'u.parentId', 'p.kind as parentKind', 'p.level as parentLevel'])
      .execute();
  }

  /** Active people by id, with their unit's path. */
  people(db: Executor, ids: readonly number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('person as p')
      .innerJoin('unit as u', 'u.id', 'p.unitId')
      .where('p.id', 'in', [...ids])
      .where('p.active', '=', true)
      .select(['p.id', 'p.name', 'p.unitId', 'u.path as unitPath'])
      .execute();
  }

  period(db: Executor, period: string) {
    return db.selectFrom('scoreboardPeriod').selectAll().where('period', '=', period).executeTakeFirst();
  }

  /** The periods computed, newest first. */
  periods(db: Executor, limit: number) {
    return db.selectFrom('scoreboardPeriod').selectAll().orderBy('computedAt', 'desc').orderBy('period', 'desc').limit(limit).execute();
  }

  /** Replaces an open period's rows and marks it computed (and closed, when `close`). */
  async writePeriod(db: Executor, period: string, rows: Insertable<ScoreboardScoreTable>[], at: Date, close: boolean): Promise<void> {
    await db.deleteFrom('scoreboardScore').where('period', '=', period).execute();
    for (let i = 0; i < rows.length; i += BATCH) await db.insertInto('scoreboardScore').values(rows.slice(i, i + BATCH)).execute();
    await db
      .insertInto('scoreboardPeriod')
      .values({ period, computedAt: at, closedAt: close ? at : null })
      .onConflict((oc) => oc.column('period').doUpdateSet({ computedAt: at, closedAt: close ? at : null }))
      .execute();
  }

  /** A period's scores by subject ("unit:5", "person:9"): the previous period's, for the change. */
  async scoresOf(db: Executor, period: string): Promise<Map<string, number | null>> {
    const rows = await db.selectFrom('scoreboardScore').select(['subjectKind', 'subjectId', 'score']).where('period', '=', period).execute();
    return new Map(rows.map((r) => [`${r.subjectKind}:${r.subjectId}`, r.score]));
  }

  /** The progress facts (应报 / 逾期) of a period's last computation, by subject ("unit:5", "person:9"). */
  async progressFacts(db: Executor, period: string): Promise<Map<string, { reporting: number; late: number }>> {
    const rows = await db.selectFrom('scoreboardScore').select(['subjectKind', 'subjectId', 'components']).where('period', '=', period).execute();
    const out = new Map<string, { reporting: number; late: number }>();
    for (const r of rows) {
      const c = r.components.find((x) => x.key === 'progress');
      if (c && typeof c.facts.reporting === 'number' && typeof c.facts.late === 'number') out.set(`${r.subjectKind}:${r.subjectId}`, { reporting: c.facts.reporting, late: c.facts.late });
    }
    return out;
  }

  /**
   * The board: one indexed read of a period's peer group, limited to what the actor sees — in
   * full (`full`), or a unit head's peers by rank only (`full` false) — by group and rank, with
   * the period's state on every row (no second statement) and each group's path (whether the
   * reader sees all of it: see ScoreboardService.board).
   */
  board(db: Executor, opts: { period: string; peer: string; sight: BoardSight; ownGroupId: number | null; underPath?: string | undefined }) {
    return this.boardQuery(db, opts).execute();
  }

  /** The board's query (bench/explain.ts shows its plan). */
  boardQuery(db: Executor, opts: { period: string; peer: string; sight: BoardSight; ownGroupId: number | null; underPath?: string | undefined }) {
    const { sight } = opts;
    const fullExpr = sight.all ? sql<boolean>`true` : sight.full.length ? sql<boolean>`(${sql.join(sight.full.map((p) => sql`s.unit_path like ${likePrefix(p)}`), sql` or `)})` : sql<boolean>`false`;
    let q = db
      .selectFrom('scoreboardScore as s')
      // The group's name and path by key: joined, the planner hashes every unit of a province
      // (24,303) for a county's 20 rows.
      .innerJoinLateral((eb) => eb.selectFrom('unit as g').select(['g.name', 'g.path']).whereRef('g.id', '=', 's.groupId').as('g'), (j) => j.onTrue())
      .where('s.period', '=', opts.period)
      .where('s.peer', '=', opts.peer)
      .where('s.subjectKind', '=', 'unit');
    if (opts.underPath) q = q.where('s.unitPath', 'like', likePrefix(opts.underPath));
    if (!sight.all) {
      q = q.where((eb) => {
        const ors = [eb(fullExpr, '=', true)];
        if (opts.ownGroupId !== null) ors.push(eb('s.groupId', '=', opts.ownGroupId));
        return eb.or(ors);
      });
    }
    return q
      .select(['s.subjectId as unitId', 's.name as unitName', 's.unitPath', 's.groupId', 'g.name as groupName', 'g.path as groupPath', 's.score', 's.rank', 's.change', 's.computedAt'])
      .select(fullExpr.as('full'))
      // What a board row shows of each component (key, name, score, weight), written with the
      // period: the stored components carry facts and explanations (≈ 3 kB a row) that the board
      // does not show; read, they cost the server ≈ 2 ms a request for 20 rows, cut in SQL 1.2 ms
      // of PostgreSQL's time.
      .select(sql<ComponentBrief[]>`case when ${fullExpr} then s.brief else '[]' end`.as('components'))
      .select((eb) => eb.selectFrom('scoreboardPeriod as p').select('p.closedAt').whereRef('p.period', '=', 's.period').$asScalar().as('periodClosedAt'))
      .orderBy('s.groupId')
      .orderBy(sql`s.rank asc nulls last`)
      .orderBy('s.subjectId');
  }

  /** The ranks of whole peer groups (for 红榜 / 黑榜 whatever part of a group the reader sees). */
  groupRanks(db: Executor, period: string, peer: string, groupIds: number[]) {
    return db
      .selectFrom('scoreboardScore as s')
      .select(['s.subjectId as unitId', 's.groupId', 's.rank'])
      .where('s.period', '=', period)
      .where('s.peer', '=', peer)
      .where('s.subjectKind', '=', 'unit')
      .where('s.groupId', 'in', groupIds)
      .execute();
  }

  /** One subject's row of a period. */
  score(db: Executor, period: string, kind: 'unit' | 'person', id: number) {
    return this.scoreQuery(db, period, kind, id).executeTakeFirst();
  }

  /** That row's query (bench/explain.ts shows its plan). */
  scoreQuery(db: Executor, period: string, kind: 'unit' | 'person', id: number) {
    return db
      .selectFrom('scoreboardScore as s')
      .selectAll('s')
      // By key (joined, a province's units were hashed for one row).
      .select((eb) => eb.selectFrom('unit as g').select('g.name').whereRef('g.id', '=', 's.groupId').$asScalar().$notNull().as('groupName'))
      .where('s.period', '=', period)
      .where('s.subjectKind', '=', kind)
      .where('s.subjectId', '=', id);
  }

  /** How many ranked subjects a group has in a period. */
  async groupSize(db: Executor, period: string, peer: string, groupId: number): Promise<number> {
    const r = await db
      .selectFrom('scoreboardScore')
      .select((eb) => eb.fn.count<number>('rank').as('n'))
      .where('period', '=', period)
      .where('peer', '=', peer)
      .where('groupId', '=', groupId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** People's scores of a unit in a period, by rank; `onlyPersonId` for who sees only their own. */
  peopleOf(db: Executor, period: string, unitId: number, onlyPersonId?: number) {
    let q = db.selectFrom('scoreboardScore').selectAll().where('period', '=', period).where('subjectKind', '=', 'person').where('unitId', '=', unitId);
    if (onlyPersonId !== undefined) q = q.where('subjectId', '=', onlyPersonId);
    return q.orderBy(sql`rank asc nulls last`).orderBy('subjectId').execute();
  }

  // --- model cases ---

  insertCase(db: Executor, row: Insertable<ModelCaseTable>) {
    return db.insertInto('modelCase').values(row).returning('id').executeTakeFirstOrThrow();
  }

  updateCase(db: Executor, id: number, version: number, patch: Updateable<ModelCaseTable>) {
    return db
      .updateTable('modelCase')
      .set({ ...patch, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  }

  private caseQuery(db: Executor) {
    return db
      .selectFrom('modelCase as c')
      .innerJoin('unit as u', 'u.id', 'c.unitId')
      .innerJoin('person as n', 'n.id', 'c.nominatedBy')
      .leftJoin('person as d', 'd.id', 'c.decidedBy')
      .selectAll('c')
      .select(['u.name as unitName', 'u.path as unitPath', 'n.name as nominatedByName', 'd.name as decidedByName']);
  }

  caseById(db: Executor, id: number) {
    return this.caseQuery(db).where('c.id', '=', id).executeTakeFirst();
  }

  /** The library: selected cases, and every state the actor may manage; filters q, unit subtree, tag, year, status; newest first by id. */
  cases(
    db: Executor,
    f: { sight: { all: boolean; subtrees: string[]; personId: number }; q?: string | undefined; underPath?: string | undefined; tag?: string | undefined; year?: number | undefined; status?: CaseStatus | undefined; taskId?: number | undefined; decidedFrom?: Date; decidedTo?: Date },
    page: { limit: number; beforeId?: number | undefined },
  ) {
    let q = this.caseQuery(db);
    if (!f.sight.all) {
      const { subtrees, personId } = f.sight;
      q = q.where((eb) => eb.or([eb('c.status', '=', 'selected'), eb('c.nominatedBy', '=', personId), ...subtrees.map((p) => eb('u.path', 'like', likePrefix(p)))]));
    }
    if (f.q) {
      const like = likeContains(f.q);
      q = q.where((eb) => eb.or([eb('c.title', 'ilike', like), eb('c.summary', 'ilike', like), eb('c.body', 'ilike', like)]));
    }
    if (f.underPath) q = q.where('u.path', 'like', likePrefix(f.underPath));
    if (f.tag) q = q.where(sql<SqlBool>`${f.tag} = any(c.tags)`);
    if (f.year) q = q.where('c.year', '=', f.year);
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.taskId) q = q.where('c.taskId', '=', f.taskId);
    if (f.decidedFrom) q = q.where('c.decidedAt', '>=', f.decidedFrom);
    if (f.decidedTo) q = q.where('c.decidedAt', '<', f.decidedTo);
    if (page.beforeId) q = q.where('c.id', '<', page.beforeId);
    return q.orderBy('c.id', 'desc').limit(page.limit).execute();
  }
}

export type CaseRow = NonNullable<Awaited<ReturnType<ScoreboardStore['caseById']>>>;
export type BoardRow = Awaited<ReturnType<ScoreboardStore['board']>>[number];
export type ScoreRow = NonNullable<Awaited<ReturnType<ScoreboardStore['score']>>>;
