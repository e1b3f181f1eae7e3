/**
 * The query plans that matter, on benchmark data: `npx tsx bench/explain.ts --size county
 * [--database-url URL | --data-dir DIR]`. Runs EXPLAIN (ANALYZE, BUFFERS) on the ledger page,
 * a deep keyset page, a township head's page and the county stats, built by the same TaskViewStore
 * code the server runs; and the scoreboard's board of the county's townships and one township's
 * row (ScoreboardStore, this month's period: computed by the load run, or here when missing).
 * BENCHMARKS.md keeps the plans.
 */
import { parseArgs } from 'node:util';
import { CompiledQuery } from 'kysely';
import type { Scope } from '../src/platform/auth/actor.ts';
import { builtinYears } from '../src/platform/calendar/builtin.ts';
import { addDays, WorkCalendar } from '../src/platform/calendar/calendar.ts';
import { defaultPolicy } from '../src/platform/policy.ts';
import { lightDatesFor } from '../src/modules/tasks/rules.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { migrateAll } from '../src/modules/index.ts';
import { TaskViewStore, type LightDates, type TaskFilter } from '../src/modules/tasks/views-store.ts';
import { ScoreboardStore } from '../src/modules/scoreboard/store.ts';
import { BENCH_TODAY } from './generate.ts';

const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, 'database-url': { type: 'string' }, 'data-dir': { type: 'string' } } });
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
const handle = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 1 } : { dataDir: values['data-dir'] ?? `bench/data-${values.size}` });
await migrateAll(handle.db);
const db = handle.db;
const store = new TaskViewStore();
// The server's dates (and the open-task counters', see generate.ts).
const dates: LightDates = lightDatesFor(BENCH_TODAY, new WorkCalendar(builtinYears()), defaultPolicy);

const unit = (code: string) => db.selectFrom('unit').select(['id', 'path']).where('code', '=', code).executeTakeFirstOrThrow();
const countyCode = values.size === 'county' ? 'c1' : 'p1c1';
const county = await unit(countyCode);
const town = await unit(`${countyCode}-t1`);
const supervisor = await db.selectFrom('person').select('id').where('login', '=', `${countyCode}.p2`).executeTakeFirstOrThrow();
const townHead = await db.selectFrom('person').select('id').where('login', '=', `${countyCode}-t1.p1`).executeTakeFirstOrThrow();
const regionScope: Scope = { all: false, subtrees: [county.path], units: [county.path] };
const townScope: Scope = { all: false, subtrees: [town.path], units: [town.path] };
const sup: TaskFilter = { scope: regionScope, viewerId: supervisor.id, unitPath: county.path };

async function explain(title: string, q: { compile(): CompiledQuery }) {
  const c = q.compile();
  const r = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${c.sql}`, [...c.parameters]));
  console.log(`\n### ${title}\n\n\`\`\`\n${r.rows.map((x) => x['QUERY PLAN']).join('\n')}\n\`\`\``);
}

await explain('Ledger, county supervisor: county subtree, red, first page', store.listQuery(db, await store.resolve(db, { ...sup, light: 'red' }), dates, { sort: 'deadline', limit: 51 }));
await explain(
  'Ledger, county supervisor: county open by deadline, first 25 (status=assigned,signed,in_progress,submitted,returned)',
  store.listQuery(db, await store.resolve(db, { ...sup, status: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'] }), dates, { sort: 'deadline', limit: 26 }),
);
await explain('Ledger, county supervisor: county subtree, yellow, first page', store.listQuery(db, await store.resolve(db, { ...sup, light: 'yellow' }), dates, { sort: 'deadline', limit: 51 }));
await explain('Ledger, county supervisor: deep keyset page', store.listQuery(db, await store.resolve(db, sup), dates, { sort: 'deadline', after: [addDays(BENCH_TODAY, 20), 1], limit: 51 }));
await explain('Ledger, township head: first page', store.listQuery(db, await store.resolve(db, { scope: townScope, viewerId: townHead.id }), dates, { sort: 'deadline', limit: 51 }));
await explain('Stats, county subtree', store.statsQuery(db, await store.resolve(db, sup), dates));
const countyHead = await db.selectFrom('person').select('id').where('login', '=', `${countyCode}.p1`).executeTakeFirstOrThrow();
const wb = store.workbenchQuery(await store.resolve(db, { scope: regionScope, viewerId: countyHead.id, headPath: county.path, todo: 'sign' }), dates, 5);
await explain('Workbench, county head', { compile: () => wb.compile(db) });

// 比学赶超: the board (one indexed read of the period table) and a unit's drill-down row.
const scorePeriod = BENCH_TODAY.slice(0, 7);
const scores = new ScoreboardStore();
const computed = await scores.period(db, scorePeriod);
if (!computed) console.log(`\n(The scoreboard period ${scorePeriod} is not computed: run the load (bench/run.ts) or bench/floor.ts first; the plans below read an empty table.)`);
await db.executeQuery(CompiledQuery.raw('analyze scoreboard_score'));
await explain('Scoreboard: county supervisor, the townships of the period (board)', scores.boardQuery(db, { period: scorePeriod, peer: 'township', sight: { all: false, full: [county.path], ownUnitPath: null }, ownGroupId: null }));
await explain('Scoreboard: one township’s row (drill-down)', scores.scoreQuery(db, scorePeriod, 'unit', town.id));
await handle.close();
