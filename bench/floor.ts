/**
 * The database's own limit for each load scenario: `npx tsx bench/floor.ts --size province
 * --database-url URL [--duration 10] [--connections 10] [--only create,progress]`, or on PGlite
 * `npx tsx bench/floor.ts --size county [--data-dir bench/data-county]`.
 *
 * Runs each scenario's requests in process (`app.inject`, on the benchmark data, the clock at
 * the day the data was made for), records every statement the server sends to PostgreSQL for
 * them — session lookup, begin, reads, writes, audit entry, commit, the page read back — and
 * replays exactly those statements with pgbench, with no application in between. The
 * replay's rate is what this PostgreSQL server on this machine can do for Mashang's statements
 * (the load runner's pgbench of one-row inserts says what it can do for the simplest ones).
 *
 * pgbench's connections get the server's session settings (no JIT, no parallel workers).
 * Each scenario is recorded as 100 requests. Reads of one page replay the last of them (caches
 * warm); the task page replays each (other tasks, picked at random); writes replay one request
 * with its task's id as a variable over the 100 tasks the create scenario made (so sign and
 * progress write fresh tasks with short timelines, where the load runner reports on generated
 * ones). Parameters are written into the statements as literals; scenarios whose statements the
 * server prepares run with `-M prepared`, the rest with `-M extended` (planned every time, as the
 * server's unnamed statements are). Replayed updates keep no version check (withoutVersionCheck),
 * so each replay writes its row again instead of finding it gone. What the replays add is
 * removed afterwards (tasks, timeline events, notifications); audit entries stay, the log being
 * append-only.
 *
 * On PGlite there is no pgbench: the recorded statements run again through PGlite's query() in
 * this process, one after another, as the server's one connection runs them (see
 * replayInProcess).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { SESSION_OPTIONS } from '../src/platform/db/index.ts';
import { inProcessApp } from './in-process.ts';
import { BENCH_TODAY } from './generate.ts';
import { CREATED, machineCpu, pgbenchBinary, removeCreatedTasks, statementRecorder, type Sent } from './shared.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'province' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    duration: { type: 'string', default: '10' },
    /** The server's pool holds 10 connections: it never has more statements in flight. */
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
const pgbench = databaseUrl ? pgbenchBinary() : undefined;
if (databaseUrl && !pgbench) throw new Error('pgbench not found (Debian package postgresql).');
const duration = Number(values.duration);
const connectionCounts = values.connections.split(',').map(Number);
/** Requests recorded per scenario (pgbench takes at most 128 scripts, for `each`). */
const RECORDED = 100;

/** node-postgres's conversion of a parameter to the text it sends. */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (v: unknown) => string | Buffer | null };

/**
 * A parameter as an SQL literal of unknown type, as a parameter is. pgbench reads `:name` as
 * a variable even inside quotes (`{"planAt":null}`), so colons are written as `\x3a` in an
 * E'' string.
 */
function literal(v: unknown): string {
  const text = prepareValue(v);
  if (text === null) return 'NULL';
  if (Buffer.isBuffer(text)) throw new Error('binary parameters are not replayed');
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/:/g, '\\x3a')}'`;
}

/**
 * A replayed update writes its row again instead of finding it moved on: its version check
 * (`and "version" = $n`) becomes one that always holds, keeping the parameter used.
 */
const withoutVersionCheck = (text: string) => text.replace(/ and "version" = (\$\d+)/g, ' and $1::int is not null');

/**
 * One request's statements as a pgbench script. With `task`, the parameters that are that task's
 * id become the pgbench variable `:task` (the script then writes any of the recorded tasks).
 */
function script(sent: Sent[], task?: { id: number; from: number; to: number }): string {
  const value = (v: unknown) => (task && (v === task.id || v === String(task.id)) ? ':task' : literal(v));
  return (
    (task ? `\\set task random(${task.from}, ${task.to})\n` : '') +
    sent
      .map((s) => {
        // Comments go (pgbench would read `/* mashang:prepare */` as a variable, see literal()).
        const text = withoutVersionCheck(s.text)
          .replace(/\/\*[^]*?\*\//g, '')
          .replace(/\$(\d+)/g, (m, n: string) => (Number(n) <= s.values.length ? value(s.values[Number(n) - 1]) : m));
        return `${text.trim()};\n`;
      })
      .join('')
  );
}

const { database, app, login, county, countyUnits } = await inProcessApp({ size: values.size, databaseUrl, dataDir: values['data-dir'] });
// Every statement the server sends (PGlite: its one connection's query(), which the Kysely dialect calls).
const pglite = database.pglite;
const recorder = statementRecorder(pglite);
await removeCreatedTasks(database.db);
const supervisor = await login(`${county}.p2`);
const countyHead = await login(`${county}.p1`);
const townHead = await login(`${county}-t1.p1`);
type Headers = typeof supervisor;
const get = async <T>(h: Headers, url: string) => (await app.inject({ url, headers: h })).json<T>();
const { countyId, deptId } = await countyUnits(supervisor);
type Task = { id: number; version: number };
const readable = (await get<{ items: Task[] }>(supervisor, `/api/v1/tasks?unitId=${countyId}&limit=${RECORDED}`)).items;
let deepCursor: string | null = null;
for (let i = 0; i < 20; i++) {
  const page: { nextCursor: string | null } = await get(supervisor, `/api/v1/tasks?unitId=${countyId}&sort=deadline&limit=50${deepCursor ? `&cursor=${deepCursor}` : ''}`);
  if (!page.nextCursor) break;
  deepCursor = page.nextCursor;
}

// 比学赶超: this month's board computed once (as the hourly job would), unless the load run did.
const scorePeriod = BENCH_TODAY.slice(0, 7);
if (!(await get<{ computedAt: string | null }>(supervisor, `/api/v1/scoreboard?period=${scorePeriod}&peer=township`)).computedAt) {
  const r = await app.inject({ method: 'POST', url: '/api/v1/scoreboard/recompute', headers: supervisor, payload: { periods: [scorePeriod] } });
  if (r.statusCode !== 200) throw new Error(`scoreboard recompute: ${r.statusCode} ${r.body}`);
}
const firstTownship = (await get<{ items: { unitId: number }[] }>(supervisor, `/api/v1/scoreboard?period=${scorePeriod}&peer=township`)).items[0]?.unitId;

interface Request {
  method?: 'GET' | 'POST';
  url: string;
  headers: Headers;
  payload?: object;
}
/**
 * How a scenario is replayed: `one` script (every request the same: the last recorded one, its
 * caches warm), `each` recorded request a script (other tasks: pgbench picks at random), or one
 * script for any of the `task`s the writes were recorded on (their ids are consecutive: tasks the
 * create scenario made).
 */
type Replay = 'one' | 'each' | 'task';
/** The tasks the create scenario makes, with their current versions; sign and progress write them. */
const created: Task[] = [];
const write = (i: number, action: string, payload: object): Request => {
  const t = created[i % created.length]!;
  return { method: 'POST', url: `/api/v1/tasks/${t.id}/${action}`, headers: countyHead, payload: { version: t.version, ...payload } };
};
const scenarios: [string, Replay, (i: number) => Request][] = [
  ['ledger: county subtree, red, page 1', 'one', () => ({ url: `/api/v1/tasks?unitId=${countyId}&light=red&limit=50`, headers: supervisor })],
  ['ledger: township head, page 1', 'one', () => ({ url: '/api/v1/tasks?limit=50', headers: townHead })],
  ['ledger: county open by deadline, first 25', 'one', () => ({ url: `/api/v1/tasks?unitId=${countyId}&status=assigned,signed,in_progress,submitted,returned&sort=deadline&limit=25`, headers: supervisor })],
  ['ledger: county yellow, page 1', 'one', () => ({ url: `/api/v1/tasks?unitId=${countyId}&light=yellow&limit=50`, headers: supervisor })],
  ['ledger: deep keyset page (21st)', 'one', () => ({ url: `/api/v1/tasks?unitId=${countyId}&sort=deadline&limit=50&cursor=${deepCursor}`, headers: supervisor })],
  ['task detail with timeline', 'each', (i) => ({ url: `/api/v1/tasks/${readable[i % readable.length]!.id}`, headers: supervisor })],
  ['stats: county subtree', 'one', () => ({ url: `/api/v1/tasks/stats?unitId=${countyId}`, headers: supervisor })],
  ['workbench: county head', 'one', () => ({ url: '/api/v1/tasks/workbench', headers: countyHead })],
  ['scoreboard: county townships', 'one', () => ({ url: `/api/v1/scoreboard?period=${scorePeriod}&peer=township`, headers: supervisor })],
  ['scoreboard: a township drilled down', 'one', () => ({ url: `/api/v1/scoreboard/units/${firstTownship}?period=${scorePeriod}`, headers: supervisor })],
  ['create task (+audit)', 'one', (i) => ({ method: 'POST', url: '/api/v1/tasks', headers: supervisor, payload: { title: `${CREATED}floor-${i}`, level: 'normal', leadUnitId: deptId, deadline: '2026-12-31' } })],
  ['sign for (+audit)', 'task', (i) => write(i, 'sign', {})],
  ['progress report (+audit)', 'task', (i) => write(i, 'progress', { percent: 50, text: '基准进展报告' })],
];

/** pgbench's scripts (PostgreSQL only). */
const dir = pglite ? null : mkdtempSync(join(tmpdir(), 'mashang-floor-'));
/** CPU seconds of this process's finished children (pgbench), from /proc/self/stat. */
const childCpu = () => {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[13]) + Number(f[14])) / 100; // cutime, cstime
};
// Bookkeeping goes through the app's own database handle, outside the recording.
const maxId = async (table: string) => Number((await sql<{ n: number }>`select coalesce(max(id), 0) as n from ${sql.table(table)}`.execute(database.db)).rows[0]!.n);
const rows: object[] = [];
const only = values.only?.split(',').filter(Boolean);
try {
  for (const [name, replay, request] of scenarios) {
    if (only && !only.some((o) => name.includes(o))) continue;
    if (replay === 'task' && created.length === 0) {
      console.log(`${name}: no tasks to write (it writes what the create scenario made; add create to --only).`);
      continue;
    }
    const kept: { sent: Sent[]; task?: { id: number; from: number; to: number } }[] = [];
    /** Unnamed statements by text, with the number of requests that sent them. */
    const unnamed = new Map<string, number>();
    let statements = 0;
    const ids = created.map((t) => t.id);
    const tasks = { from: Math.min(...ids), to: Math.max(...ids) };
    if (replay === 'task') {
      if (tasks.to - tasks.from + 1 !== ids.length) throw new Error(`${name}: the created tasks' ids are not consecutive`);
      // An earlier scenario's replays moved them on.
      const now = new Map((await sql<Task>`select id, version from task where id = any(${ids}::int[])`.execute(database.db)).rows.map((r) => [r.id, r.version]));
      for (const t of created) t.version = now.get(t.id)!;
    }
    for (let i = 0; i < RECORDED; i++) {
      recorder.start();
      const r = await app.inject(request(i));
      const sent = recorder.stop();
      if (r.statusCode >= 300) throw new Error(`${name}: ${r.statusCode} ${r.body}`);
      const answer = r.json<Task>();
      if (name.startsWith('create')) created.push({ id: answer.id, version: answer.version });
      if (replay === 'task') created[i % created.length]!.version = answer.version;
      // Transaction control and the settings around one statement (withGenericPlan's SET/RESET) decide nothing.
      const control = /^(begin|commit|rollback|set plan_cache_mode = \w+|reset plan_cache_mode)$/i;
      for (const text of new Set(sent.filter((x) => !x.named && !control.test(x.text.trim())).map((x) => x.text))) unnamed.set(text, (unnamed.get(text) ?? 0) + 1);
      statements += sent.length / RECORDED;
      if (replay === 'each' || i === RECORDED - 1) kept.push({ sent, task: replay === 'task' ? { id: created[i % created.length]!.id, ...tasks } : undefined });
    }
    const before = { event: await maxId('task_event'), notification: await maxId('notification'), delivery: await maxId('delivery') };
    if (!dir) {
      rows.push(await replayInProcess(name, kept, statements));
    } else {
      const files = kept.map(({ sent, task }, i) => {
        const file = join(dir, `${name.replace(/\W+/g, '-')}-${i}.sql`);
        writeFileSync(file, script(sent, task));
        return file;
      });
      // pgbench has one mode for a run. The scenario's own statements decide it; a cache refresh in a
      // few of the requests (the unit ids under a path, say) does not.
      const decisive = [...unnamed].filter(([, n]) => n >= RECORDED / 2).map(([text]) => text.replace(/\s+/g, ' ').trim().slice(0, 50));
      const prepared = decisive.length === 0;
      if (!prepared) console.log(`${name}: replayed unprepared, as the server sends ${decisive.join(' | ')}… unnamed`);
      for (const connections of connectionCounts) {
        const m0 = machineCpu();
        const c0 = childCpu();
        const out = execFileSync(pgbench!, ['-n', '-c', String(connections), '-j', '2', '-T', String(duration), '-M', prepared ? 'prepared' : 'extended', ...files.flatMap((f) => ['-f', `${f}@1`]), databaseUrl!], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, PGOPTIONS: SESSION_OPTIONS } });
        const m1 = machineCpu();
        const pgbenchCpu = childCpu() - c0;
        const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
        const transactions = Number(/actually processed: (\d+)/.exec(out)?.[1]);
        const busySeconds = (m1.busy - m0.busy) / 100; // clock ticks (100 Hz), all cores
        const row = {
          scenario: name,
          connections,
          /** Statements per request, on average over the recorded ones. */
          statements: Number(statements.toFixed(1)),
          mode: prepared ? 'prepared' : 'extended',
          transactionsPerSecond: Math.round(tps),
          /** The machine's CPU per replayed request, less pgbench's own: PostgreSQL's work. */
          databaseCpuMsPerRequest: Number((((busySeconds - pgbenchCpu) * 1000) / transactions).toFixed(2)),
          pgbenchCpuMsPerRequest: Number(((pgbenchCpu * 1000) / transactions).toFixed(2)),
          machineBusyPercent: Math.round((100 * (m1.busy - m0.busy)) / Math.max(1, m1.total - m0.total)),
        };
        rows.push(row);
        console.log(`${name.padEnd(36)} c=${String(connections).padStart(2)}  ${String(row.transactionsPerSecond).padStart(6)}/s  ${row.statements} statements (${row.mode})  PostgreSQL ${row.databaseCpuMsPerRequest} ms CPU/request  machine ${row.machineBusyPercent}% busy`);
      }
    }
    // What the replays wrote (the recorded requests' own writes stay, as the load runner's do).
    await sql`delete from delivery where id > ${before.delivery}`.execute(database.db);
    await sql`delete from notification where id > ${before.notification}`.execute(database.db);
    await sql`delete from task_event where id > ${before.event}`.execute(database.db);
    // Replayed creates are copies of the recorded ones: all but the recorded tasks go.
    await removeCreatedTasks(database.db, created.map((t) => t.id));
  }
} finally {
  if (dir && !process.env.FLOOR_KEEP) rmSync(dir, { recursive: true, force: true });
}

/**
 * PGlite: the recorded statements run again through its query(), one after another for the
 * duration (one connection, in this process, as the server has). CPU from process.cpuUsage(): the database's work and its
 * client's, as in the server.
 */
async function replayInProcess(name: string, kept: { sent: Sent[]; task?: { id: number; from: number; to: number } }[], statements: number) {
  const prepared = kept.map(({ sent, task }) => ({
    task,
    sent: sent.map((x) => ({ text: withoutVersionCheck(x.text), values: x.values })),
  }));
  const once = async (i: number) => {
    const { sent, task } = prepared[i % prepared.length]!;
    const id = task ? task.from + Math.floor(Math.random() * (task.to - task.from + 1)) : 0;
    for (const x of sent) {
      const params = task ? x.values.map((v) => (v === task.id ? id : v === String(task.id) ? String(id) : v)) : x.values;
      await pglite!.query(x.text, params);
    }
  };
  for (let i = 0; i < 30; i++) await once(i); // warm up: WebAssembly tier-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < duration * 1000) await once(n++);
  const cpu = process.cpuUsage(cpu0);
  const seconds = (performance.now() - t0) / 1000;
  const row = {
    scenario: name,
    connections: 1,
    statements: Number(statements.toFixed(1)),
    mode: 'in process',
    transactionsPerSecond: Math.round(n / seconds),
    databaseCpuMsPerRequest: Number(((cpu.user + cpu.system) / 1000 / n).toFixed(2)),
  };
  console.log(`${name.padEnd(36)} ${String(row.transactionsPerSecond).padStart(6)}/s  ${row.statements} statements  PGlite ${row.databaseCpuMsPerRequest} ms CPU/request`);
  return row;
}

await removeCreatedTasks(database.db);
await sql`vacuum analyze task, task_event, notification, delivery`.execute(database.db);
await app.close();
await database.close();

const result = {
  date: new Date().toISOString(),
  database: pglite ? 'pglite' : 'postgres',
  size: values.size,
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  durationSeconds: duration,
  recordedRequestsPerScenario: RECORDED,
  rows,
};
mkdirSync('bench/results', { recursive: true });
const partial = only ? '-partial' : '';
const file = `bench/results/${result.date.slice(0, 10)}-${result.database}-${values.size}-floor${partial}.json`;
writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
console.log(`Results: ${file}`);
