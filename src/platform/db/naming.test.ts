import { CamelCasePlugin, DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type Compilable, type KyselyPlugin, type QueryCompiler } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { describe, expect, it } from 'vitest';
import { TaskViewStore, type ResolvedFilter } from '../../modules/tasks/views-store.ts';
import { camelCase, CamelCaseResultsPlugin, camelRow, snakeCase, SnakeCaseQueryCompiler } from './naming.ts';
import type { Database } from './schema.ts';

/** A Kysely that only compiles: with Kysely's CamelCasePlugin (before), or as the app now does (naming.ts). */
function compiler(compiler: () => QueryCompiler, plugins: KyselyPlugin[]) {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: compiler,
    },
    plugins,
  });
}
const before = compiler(() => new PostgresQueryCompiler(), [new CamelCasePlugin()]);
const after = compiler(() => new SnakeCaseQueryCompiler(), [new CamelCaseResultsPlugin()]);

/** CamelCasePlugin's protected mappers, reachable. */
class PluginMappers extends CamelCasePlugin {
  override snakeCase(s: string) {
    return super.snakeCase(s);
  }
  override camelCase(s: string) {
    return super.camelCase(s);
  }
  override mapRow(row: Record<string, unknown>) {
    return super.mapRow(row);
  }
}

/** The same query built on both and compiled: SQL text and parameters must be identical. */
function same(build: (db: Kysely<Database>) => Compilable<unknown>) {
  const a = build(before).compile();
  const b = build(after).compile();
  expect(b.sql).toBe(a.sql);
  expect(b.parameters).toEqual(a.parameters);
  return b.sql;
}

const filter = (f: Partial<ResolvedFilter>): ResolvedFilter => ({
  scope: { all: false, subtrees: ['/1/2/'], units: [] },
  viewerId: 7,
  unitTotal: 24_000,
  scopeIds: [2, 3, 4],
  scopeCountyId: 2,
  unitIds: null,
  countyId: null,
  headIds: [],
  headCountyId: null,
  ...f,
});
const dates = { today: '2026-10-14', yellowBefore: '2026-10-19' };

describe('snake_case compiler and camelCase rows (instead of CamelCasePlugin)', () => {
  it('maps names exactly as CamelCasePlugin’s default mappers', () => {
    const plugin = new PluginMappers();
    for (const s of ['leadUnitId', 'id', 'fooBAR', 'HTTPServer', 'a1B2', 'x', '', 'already_snake', 'coUnitIds', 'responsibleName', 'ÄbcDéf', 'nextMilestoneDue', 'o2oX'])
      expect(snakeCase(s)).toBe(plugin.snakeCase(s));
    for (const s of ['lead_unit_id', 'id', '_x', 'a__b', 'x_', 'leadUnitId', '', 'count(*)', 'a_1_b', 'é_é'])
      expect(camelCase(s)).toBe(plugin.camelCase(s));
  });

  it('compiles selects, joins, sub-selects, JSON helpers and raw fragments to the same SQL', () => {
    same((db) =>
      db
        .selectFrom('task as t')
        .innerJoin('unit as u', 'u.id', 't.leadUnitId')
        .select(['t.id', 't.leadUnitId', 'u.name as leadUnitName', sql.ref('t.coUnitIds').as('coUnits')])
        .select((eb) => [
          jsonArrayFrom(eb.selectFrom('taskEscalation as s').selectAll('s').whereRef('s.taskId', '=', 't.id').orderBy('s.at')).as('escalations'),
          jsonObjectFrom(eb.selectFrom('person as p').select(['p.id', 'p.name']).whereRef('p.id', '=', 't.responsibleId')).as('responsible'),
          eb.fn.countAll<number>().over((o) => o.partitionBy('t.leadUnitId')).as('perUnit'),
        ])
        .where('t.status', 'in', ['assigned', 'signed'])
        .where(sql<boolean>`${sql.ref('t.nextReportDue')} < ${'2026-10-14'} and ${sql.id('t', 'pendingExtension')}`)
        .where((eb) => eb.or([eb('t.title', 'ilike', '%水%'), eb.exists(eb.selectFrom('taskMilestone as m').select('m.taskId').whereRef('m.taskId', '=', 't.id'))]))
        .orderBy('t.deadline')
        .orderBy('t.id', 'desc')
        .limit(51),
    );
  });

  it('compiles inserts, updates, deletes with returning, upserts and CTEs to the same SQL', () => {
    same((db) =>
      db
        .insertInto('taskEvent')
        .values({ taskId: 1, kind: 'progress', actorId: 2, at: new Date(0), data: JSON.stringify({ nextReportDue: '2026-10-20' }) } as never)
        .returning(['id', 'taskId', 'at']),
    );
    same((db) =>
      db
        .updateTable('task')
        .set({ progressPercent: 40, nextReportDue: '2026-10-20', version: sql`version + 1` })
        .where('id', '=', 3)
        .where('version', '=', 2)
        .returningAll(),
    );
    same((db) => db.deleteFrom('taskAttachment').where('taskId', '=', 9).returning('storedName' as never));
    same((db) =>
      db
        .with('moved', (qb) => qb.updateTable('task').set({ leadUnitId: 5 }).where('leadUnitId', '=', 4).returning(['id', 'leadUnitId']))
        .selectFrom('moved')
        .select((eb) => eb.fn.count<number>('moved.leadUnitId').as('movedCount')),
    );
    same((db) =>
      db
        .insertInto('taskDoneCount' as never)
        .values({ leadUnitId: 1, status: 'verified', n: 1 })
        .onConflict((oc) => oc.columns(['leadUnitId', 'status'] as never).doUpdateSet({ n: sql`task_done_count.n + excluded.n` })),
    );
  });

  it('compiles schema statements (migrations) to the same SQL', () => {
    same((db) =>
      db.schema
        .createTable('fieldDay')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('leaderId', 'integer', (c) => c.notNull().references('person.id').onDelete('cascade'))
        .addColumn('visitedOn', 'date', (c) => c.notNull())
        .addUniqueConstraint('fieldDayOnce', ['leaderId', 'visitedOn']),
    );
    same((db) => db.schema.createIndex('taskCountyIdx').on('task').columns(['countyId', 'deadline', 'id']).where(sql.ref('status'), '<>', 'withdrawn'));
    same((db) => db.schema.alterTable('task').addColumn('lightChangesOn', 'date').renameColumn('signDue', 'signDueOn'));
  });

  it('compiles the ledger’s, statistics’ and workbench’s queries to the same SQL, for each filter shape', () => {
    const store = new TaskViewStore();
    const shapes: Partial<ResolvedFilter>[] = [
      {},
      { light: 'red' },
      { light: 'yellow', unitIds: [3], countyId: null },
      { status: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'], unitIds: [2, 3, 4], countyId: 2 },
      { q: '水_利%', level: 'major', sourceKind: 'meeting', sourceId: 4, overdue: true, responsibleId: 9, assignerId: 8 },
      { scope: { all: true, subtrees: [], units: [] }, scopeIds: null, scopeCountyId: null, deadlineFrom: '2026-01-01', deadlineTo: '2026-12-31', escalatedFrom: '2026-10-12' },
      { todo: 'report', headIds: [3, 4], headCountyId: null },
      { todo: 'verify', light: 'done' },
    ];
    for (const f of shapes) {
      const rf = filter(f);
      same((db) => store.listQuery(db, rf, dates, { sort: 'deadline', limit: 51 }));
      same((db) => store.listQuery(db, rf, dates, { sort: 'deadline', after: ['2026-11-02', 40], limit: 26, withDescription: true }));
      same((db) => store.listQuery(db, rf, dates, { sort: 'newest', after: [40, 40], limit: 26 }));
      same((db) => store.statsQuery(db, rf, dates));
      same((db) => ({ compile: () => store.workbenchQuery({ ...rf, todo: 'sign', headIds: [2, 3], headCountyId: 2 }, dates, 5).compile(db) }));
    }
  });

  it('renames rows as CamelCasePlugin did: nested objects and arrays of them, nothing else', () => {
    const plugin = new PluginMappers();
    const proto = Object.create(null) as Record<string, unknown>;
    proto.nested_key = 1;
    class Thing {
      inner_key = 2;
    }
    const row = {
      lead_unit_id: 3,
      at: new Date(0),
      raw: Buffer.from('x'),
      escalations: [{ overdue_workdays: 3, at_time: '2026-10-14' }, 5, null, [{ deep_key: 1 }]],
      responsible: { person_id: 4, unit: { unit_name: '甲' } },
      co_unit_ids: [1, 2],
      bare: proto,
      thing: new Thing(),
      nothing: null,
    };
    const expected = plugin.mapRow(row);
    expect(camelRow(row)).toEqual(expected);
    // The arrays are new ones, as the plugin's were (a caller may change them).
    expect(camelRow(row).coUnitIds).not.toBe(row.co_unit_ids);
    expect(camelRow(row).thing).toBe(row.thing);
  });
});
