/**
 * The server's own CPU per request, measured in process: `npx tsx bench/cpu.ts --size county
 * [--database-url URL] [--only detail,create] [--requests 300]`. The app is driven by
 * `app.inject` one request at a time on benchmark data (no network, no load generator), and
 * `process.cpuUsage()` is read around each scenario's requests (garbage-collector threads
 * included), so a change to the server's work shows without the noise of a load run. It does not
 * count PostgreSQL's CPU; on PGlite it does (the database runs in the same process). The create
 * scenario adds tasks titled like the load runner's, which its next run removes; sign and progress
 * write those. Each row also says how many statements a request sent to the database.
 */
import { parseArgs } from 'node:util';
import { inProcessApp } from './in-process.ts';
import { statementRecorder } from './shared.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'county' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    only: { type: 'string' },
    requests: { type: 'string', default: '300' },
    /** Print the statements of one request of each scenario (what "statements/req" counts). */
    show: { type: 'boolean', default: false },
  },
});
const { database, app, login, county, countyUnits } = await inProcessApp({ size: values.size, databaseUrl: values['database-url'] ?? process.env.DATABASE_URL, dataDir: values['data-dir'] });
const requests = Number(values.requests);

// Statements sent to the database, counted (and for --show, one request's kept).
const recorder = statementRecorder(database.pglite);

const supervisor = await login(`${county}.p2`);
const townHead = await login(`${county}-t1.p1`);
const countyHead = await login(`${county}.p1`);
const { countyId, deptId } = await countyUnits(supervisor);
const taskId = (await app.inject({ url: `/api/v1/tasks?unitId=${countyId}&limit=1`, headers: supervisor })).json<{ items: { id: number }[] }>().items[0]!.id;
let created = 0;
/** The tasks the create scenario made, with their versions: sign for each once, then report on them. */
const made: { id: number; version: number }[] = [];
let signed = 0;
let reported = 0;
const write = async (t: { id: number; version: number }, action: string, payload: object) => {
  const r = await app.inject({ method: 'POST', url: `/api/v1/tasks/${t.id}/${action}`, headers: countyHead, payload: { version: t.version, ...payload } });
  if (r.statusCode === 200) t.version = r.json<{ version: number }>().version;
  return r;
};
// 比学赶超: this month's board, computed once if it is not (as the hourly job would).
const scorePeriod = '2026-11';
const board = () => app.inject({ url: `/api/v1/scoreboard?period=${scorePeriod}&peer=township`, headers: supervisor });
if (!(await board()).json<{ computedAt: string | null }>().computedAt) {
  const r = await app.inject({ method: 'POST', url: '/api/v1/scoreboard/recompute', headers: supervisor, payload: { periods: [scorePeriod] } });
  if (r.statusCode !== 200) throw new Error(`scoreboard recompute: ${r.statusCode} ${r.body}`);
}
const firstTownship = (await board()).json<{ items: { unitId: number }[] }>().items[0]?.unitId;

type Answer = { statusCode: number; body: string };
const scenarios: [string, () => Promise<Answer>][] = [
  ['ledger: county subtree, red, page 1', () => app.inject({ url: `/api/v1/tasks?unitId=${countyId}&light=red&limit=50`, headers: supervisor })],
  ['ledger: township head, page 1', () => app.inject({ url: '/api/v1/tasks?limit=50', headers: townHead })],
  ['task detail with timeline', () => app.inject({ url: `/api/v1/tasks/${taskId}`, headers: supervisor })],
  ['stats: county subtree', () => app.inject({ url: `/api/v1/tasks/stats?unitId=${countyId}`, headers: supervisor })],
  [
    'create task (+audit)',
    async () => {
      const r = await app.inject({ method: 'POST', url: '/api/v1/tasks', headers: supervisor, payload: { title: `基准交办 cpu-${++created}`, level: 'normal', leadUnitId: deptId, deadline: '2026-12-31' } });
      if (r.statusCode === 201) made.push(r.json<{ id: number; version: number }>());
      return r;
    },
  ],
  ['sign for (+audit)', () => write(made[signed++ % made.length]!, 'sign', {})],
  [
    'progress report (+audit)',
    async () => {
      // Reports need signed tasks: sign what the sign scenario did not (on the first, unmeasured call).
      for (; signed < made.length; signed++) await write(made[signed]!, 'sign', {});
      return write(made[reported++ % made.length]!, 'progress', { percent: 50, text: '基准进展报告' });
    },
  ],
  ['scoreboard: county townships', board],
  ['scoreboard: a township drilled down', () => app.inject({ url: `/api/v1/scoreboard/units/${firstTownship}?period=${scorePeriod}`, headers: supervisor })],
  ['who am I (the floor: session, guard, headers)', () => app.inject({ url: '/api/v1/auth/me', headers: supervisor })],
];
const only = values.only?.split(',').filter(Boolean);
for (const [name, run] of scenarios) {
  if (only && !only.some((o) => name.includes(o))) continue;
  const first = await run();
  if (first.statusCode >= 300) throw new Error(`${name}: ${first.statusCode} ${first.body}`);
  for (let i = 0; i < 30; i++) await run(); // warm up: JIT, caches, prepared statements
  if (values.show) {
    recorder.start();
    await run();
    console.log(`— ${name}:\n${recorder.stop().map((s, i) => `  ${i + 1}. ${s.text.replace(/\s+/g, ' ').slice(0, 400)}`).join('\n')}`);
  }
  const statements0 = recorder.count;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < requests; i++) await run();
  const cpu = process.cpuUsage(cpu0);
  const ms = (us: number) => (us / 1000 / requests).toFixed(2);
  const perRequest = ((recorder.count - statements0) / requests).toFixed(1);
  console.log(`${name.padEnd(46)} server CPU ${ms(cpu.user + cpu.system)} ms/req (kernel ${ms(cpu.system)})   wall ${((performance.now() - t0) / requests).toFixed(2)} ms/req   ${perRequest} statements/req   ${first.body.length} bytes`);
}
await app.close();
await database.close();
