/**
 * Load benchmarks: `npm run bench -- --size county [--database-url URL | --data-dir DIR]
 * [--duration 10] [--connections 10,50]`. Starts `mashang serve` as its own process on loopback
 * over data from `npm run bench:generate` (its clock at the day the data was made for), signs in
 * as a county supervisor, the county's head and a township head, and drives each scenario with
 * autocannon for a fixed time at each connection count. Records requests/s, latency
 * percentiles, non-2xx answers and the server's RSS in bench/results/<date>-<db>-<size>.json;
 * then the query plans (bench/explain.ts) and the database's own limit per scenario
 * (bench/floor.ts) next to it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/index.ts';
import { migrateAll } from '../src/modules/index.ts';
import { BENCH_PASSWORD, BENCH_TODAY, generate, SIZES, type Size } from './generate.ts';
import { CREATED, machineCpu, pgbenchBinary, removeCreatedTasks } from './shared.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'county' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    port: { type: 'string', default: '3999' },
    /** Generate the data first when the database is empty. */
    generate: { type: 'boolean', default: false },
    /** Also save the query plans (bench/explain.ts) next to the results. */
    explain: { type: 'boolean', default: true },
    /** Skip measuring the database's own limit for each scenario (bench/floor.ts) after the load. */
    'skip-floor': { type: 'boolean', default: false },
    /** Only the scenarios whose name contains one of these (comma-separated), e.g. `detail,create`. */
    only: { type: 'string' },
    /** Skip the escalation scan and pgbench (iterating on one scenario). */
    'skip-scan': { type: 'boolean', default: false },
    /** Run the server with --cpu-prof; profiles land in bench/profiles/ (open in Chrome DevTools). */
    profile: { type: 'boolean', default: false },
    /** Server worker processes (`mashang serve --workers`; PostgreSQL only). */
    workers: { type: 'string', default: '1' },
    /**
     * Let the server run its scheduled jobs (MASHANG_JOBS) while it is measured. Off by default:
     * on province data their first runs at start (the scoreboard's periods, the escalation scan,
     * the field-day warnings) keep the machine busy for minutes; the scan is measured on its own.
     */
    jobs: { type: 'boolean', default: false },
  },
});
const size = values.size;
const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
const dataDir = values['data-dir'] ?? `bench/data-${size}`;
const duration = Number(values.duration);
const connectionCounts = values.connections.split(',').map(Number);
const base = `http://127.0.0.1:${values.port}`;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const serverEnv = {
  ...process.env,
  NODE_ENV: 'development',
  LOG_LEVEL: 'warn',
  MASHANG_NOW: `${BENCH_TODAY}T09:00:00+08:00`,
  MASHANG_JOBS: values.jobs ? '1' : '0',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { MASHANG_DATA_DIR: dataDir, DATABASE_URL: '' }),
};

let generated: Awaited<ReturnType<typeof generate>> | null = null;
{
  const handle = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir });
  await migrateAll(handle.db);
  const n = await handle.db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n.n) === 0) {
    if (!values.generate) throw new Error('No tasks in the database: run `npm run bench:generate` first, or pass --generate.');
    generated = await generate(handle.db, size as Size);
  }
  await removeCreatedTasks(handle.db);
  await handle.close();
}

/** Peak RSS of a child process, sampled every 100 ms until it exits. */
function runMeasured(args: string[]): Promise<{ seconds: number; peakRssMb: number; output: string }> {
  const started = Date.now();
  const child = spawn(process.execPath, args, { env: serverEnv, stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  const t = setInterval(() => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      // exited
    }
  }, 100);
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      clearInterval(t);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}`));
      else resolve({ seconds: Number(((Date.now() - started) / 1000).toFixed(1)), peakRssMb: Math.round(peak), output: output.trim() });
    }),
  );
}

// The escalation scan over the fresh data (every overdue rung fires), then again (nothing new).
const openTasks = await (async () => {
  const handle = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 1 } : { dataDir });
  const r = await handle.db.selectFrom('task').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['assigned', 'signed', 'in_progress', 'returned']).executeTakeFirstOrThrow();
  await handle.close();
  return Number(r.n);
})();
const skipScan = values['skip-scan'];
const firstScan = skipScan ? null : await runMeasured(['bin/mashang.js', 'jobs', 'run', 'escalation']);
const secondScan = skipScan ? null : await runMeasured(['bin/mashang.js', 'jobs', 'run', 'escalation']);
if (firstScan && secondScan) {
  console.log(`escalation scan over ${openTasks.toLocaleString()} open tasks: first ${firstScan.seconds} s (${firstScan.output}), peak RSS ${firstScan.peakRssMb} MB; again ${secondScan.seconds} s, ${secondScan.peakRssMb} MB`);
}

/** pgbench's plain single-row insert rate on the same server: the storage engine's own limit. */
function pgbenchInserts(connections: number): number | null {
  if (!databaseUrl) return null;
  const bin = pgbenchBinary();
  if (!bin) return null;
  writeFileSync('/tmp/mashang-pgbench.sql', "insert into bench_plain (title, body, created_at) values ('基准插入', repeat('内容', 100), now());\n");
  const out = execFileSync(bin, ['-n', '-c', String(connections), '-j', '2', '-T', String(duration), '-f', '/tmp/mashang-pgbench.sql', databaseUrl], { encoding: 'utf8' });
  const m = /tps = ([\d.]+)/.exec(out);
  return m ? Math.round(Number(m[1])) : null;
}
let pgbench: Record<number, number | null> = {};
/** One connection to the benchmark's PostgreSQL for bookkeeping, closed after `fn`. */
async function withPg<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
if (databaseUrl && !skipScan) {
  await withPg((c) => c.query('create table if not exists bench_plain (id bigint generated always as identity primary key, title text not null, body text, created_at timestamptz not null)'));
  pgbench = Object.fromEntries(connectionCounts.map((n) => [n, pgbenchInserts(n)]));
  console.log(`pgbench plain inserts: ${JSON.stringify(pgbench)} tps by connections`);
}

const server = spawn(process.execPath, [...(values.profile ? ['--cpu-prof', '--cpu-prof-dir', 'bench/profiles'] : []), 'bin/mashang.js', 'serve'], {
  env: { ...serverEnv, PORT: values.port, HOST: '127.0.0.1', MASHANG_WORKERS: values.workers },
  stdio: ['ignore', 'inherit', 'inherit'],
});
/** The server's processes: the server, and its workers when it has them. */
const serverPids = () => {
  const children = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8').trim();
  return [server.pid!, ...(children ? children.split(' ').map(Number) : [])];
};
/** A file of /proc/PID, or null when the process has gone meanwhile. */
const procFile = (pid: number, name: string) => {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return null;
  }
};
/** CPU seconds the server's processes have used (user + system). */
const serverCpuSeconds = () =>
  serverPids().reduce((sum, pid) => {
    const f = procFile(pid, 'stat')?.split(') ')[1]!.split(' ');
    return sum + (f ? (Number(f[11]) + Number(f[12])) / 100 : 0); // utime, stime in clock ticks (100 Hz)
  }, 0);
const rssMb = () => {
  const kb = serverPids().reduce((sum, pid) => sum + Number(/VmRSS:\s+(\d+) kB/.exec(procFile(pid, 'status') ?? '')?.[1] ?? 0), 0);
  return kb ? Math.round(kb / 1024) : null;
};

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start within 5 minutes');
}

interface Session {
  login: string;
  headers: Record<string, string>;
}
async function signIn(login: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: BENCH_PASSWORD }) });
  if (!res.ok) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { login, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}
async function getJson<T>(s: Session, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: s.headers });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type Task = { id: number; version: number };
/** "The first 25 open tasks of the county by deadline", as a county office spells "open" (issue 21). */
const OPEN_BY_DEADLINE = 'assigned,signed,in_progress,submitted,returned';
interface Scenario {
  name: string;
  session: Session;
  method?: 'GET' | 'POST';
  /** Each request's path and body; `onBody` sees each 2xx answer. */
  next: () => { path: string; body?: unknown };
  onBody?: (body: string) => void;
  /** At most this many requests (actions that can happen once per task). */
  amount?: number;
  write?: boolean;
}

async function drive(sc: Scenario, connections: number) {
  const before = rssMb();
  let peak = before ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb() ?? 0)), 250);
  const cpu0 = serverCpuSeconds();
  const machine0 = machineCpu();
  const result = await autocannon({
    url: base,
    connections,
    ...(sc.amount ? { amount: sc.amount } : { duration }),
    headers: sc.session.headers,
    requests: [
      {
        method: sc.method ?? 'GET',
        setupRequest: (req: Record<string, unknown>) => {
          const n = sc.next();
          return { ...req, path: n.path, ...(n.body !== undefined ? { body: JSON.stringify(n.body) } : {}) };
        },
        ...(sc.onBody ? { onResponse: (status: number, body: string) => status < 300 && sc.onBody!(body) } : {}),
      },
    ],
  });
  clearInterval(sampler);
  const serverCpu = serverCpuSeconds() - cpu0;
  const machine1 = machineCpu();
  // Requests autocannon gave up on may still run on the server: wait until it answers promptly,
  // so one slow scenario does not slow the next (at most a minute).
  for (let i = 0; i < 120; i++) {
    const t0 = Date.now();
    await fetch(`${base}/api/v1/auth/me`, { headers: sc.session.headers }).catch(() => null);
    if (Date.now() - t0 < 50) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  // …and until the machine is quiet: queries of abandoned requests may still run in the database
  // (at most two minutes).
  for (let i = 0; i < 120; i++) {
    const m0 = machineCpu();
    await new Promise((r) => setTimeout(r, 1000));
    const m1 = machineCpu();
    if ((m1.busy - m0.busy) / Math.max(1, m1.total - m0.total) < 0.25) break;
  }
  const row = {
    scenario: sc.name,
    user: sc.session.login,
    connections,
    write: !!sc.write,
    seconds: Number((result.duration ?? duration).toFixed(1)),
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    serverRssMb: { before, peak },
    /** The server's CPU per answered request, and how busy the whole machine was (both cores). */
    serverCpuMsPerRequest: result.requests.total ? Number(((serverCpu * 1000) / result.requests.total).toFixed(2)) : null,
    machineBusyPercent: Math.round((100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total)),
  };
  console.log(
    `${sc.name.padEnd(34)} c=${String(connections).padStart(2)}  ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.latencyMs.p50} ms  p99 ${row.latencyMs.p99} ms  non-2xx ${row.non2xx}  RSS ${peak} MB  server CPU ${row.serverCpuMsPerRequest} ms/req  machine ${row.machineBusyPercent}% busy`,
  );
  return row;
}

/**
 * Storage the load's writes left (PostgreSQL): the database's growth and, per audit action, how
 * many entries and their average size as stored (`pg_column_size` of the row, before indexes).
 */
async function storageMark() {
  if (!databaseUrl) return null;
  return withPg(async (c) => {
    const r = await c.query<{ bytes: string; audit: string }>('select pg_database_size(current_database()) as bytes, (select coalesce(max(seq), 0) from audit_log) as audit');
    return { bytes: Number(r.rows[0]!.bytes), auditId: Number(r.rows[0]!.audit) };
  });
}
async function storageSince(mark: { bytes: number; auditId: number } | null, writes: number) {
  if (!databaseUrl || !mark) return null;
  return withPg(async (c) => {
    await c.query('checkpoint');
    const size = Number((await c.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes')).rows[0]!.bytes);
    const audit = await c.query<{ action: string; n: string; avg: string }>(
      'select action, count(*) as n, round(avg(pg_column_size(a.*))) as avg from audit_log a where seq > $1 group by action order by action',
      [mark.auditId],
    );
    return {
      writes,
      databaseGrowthBytes: size - mark.bytes,
      bytesPer10000Writes: writes ? Math.round(((size - mark.bytes) / writes) * 10_000) : null,
      audit: audit.rows.map((r) => ({ action: r.action, entries: Number(r.n), averageBytes: Number(r.avg) })),
    };
  });
}

try {
  await waitForServer();
  const storageBefore = await storageMark();
  await new Promise((r) => setTimeout(r, 3000)); // let the start-up escalation scan finish
  const county = size === 'county' ? 'c1' : 'p1c1';
  const supervisor = await signIn(`${county}.p2`);
  const countyHead = await signIn(`${county}.p1`);
  const townHead = await signIn(`${county}-t1.p1`);
  // An integration (the 12345 platform, an Open311 client) reads with the supervisor's API token.
  const issued = await fetch(`${base}/api/v1/auth/tokens`, { method: 'POST', headers: supervisor.headers, body: JSON.stringify({ name: 'bench' }) });
  if (!issued.ok) throw new Error(`API token: ${issued.status} ${await issued.text()}`);
  const supervisorToken: Session = { login: supervisor.login, headers: { authorization: `Bearer ${((await issued.json()) as { token: string }).token}`, 'content-type': 'application/json' } };
  const units = await getJson<{ items: { id: number; code: string }[] }>(supervisor, `/api/v1/units`);
  const countyId = units.items.find((u) => u.code === county)!.id;
  const deptId = units.items.find((u) => u.code === `${county}-d1`)!.id;

  // Tasks to read, report on and sign for: open tasks of the county, by keyset pages.
  const collect = async (s: Session, query: string, want: number) => {
    const out: Task[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Task[]; nextCursor: string | null } = await getJson(s, `/api/v1/tasks?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      out.push(...page.items.map((t) => ({ id: t.id, version: t.version })));
      cursor = page.nextCursor;
    } while (cursor && out.length < want);
    return out;
  };
  const readable = await collect(supervisor, `unitId=${countyId}`, 1000);
  const reportable = await collect(countyHead, `status=in_progress&unitId=${countyId}`, 4000);
  // A deep keyset page: the cursor after 20 pages of 50.
  let deepCursor = '';
  {
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: { nextCursor: string | null } = await getJson(supervisor, `/api/v1/tasks?unitId=${countyId}&sort=deadline&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    deepCursor = cursor ?? '';
  }
  console.log(`Tasks in play: ${readable.length} readable, ${reportable.length} in progress.`);
  // 比学赶超: this month's scoreboard computed once (as the hourly job would), then read.
  const scorePeriod = BENCH_TODAY.slice(0, 7);
  {
    const started = Date.now();
    const res = await fetch(`${base}/api/v1/scoreboard/recompute`, { method: 'POST', headers: supervisor.headers, body: JSON.stringify({ periods: [scorePeriod] }) });
    if (!res.ok) throw new Error(`scoreboard recompute: ${res.status} ${await res.text()}`);
    console.log(`Scoreboard ${scorePeriod} computed in ${Date.now() - started} ms.`);
  }
  const scoreTownship = (await getJson<{ items: { unitId: number }[] }>(supervisor, `/api/v1/scoreboard?period=${scorePeriod}&peer=township`)).items[0]?.unitId;

  const rr = <T>(xs: T[]) => {
    let i = 0;
    return () => xs[i++ % xs.length]!;
  };
  const rows = [];
  // Kept across rounds: a report moves its task to the next version.
  const versions = new Map(reportable.map((t) => [t.id, t.version]));
  for (const c of connectionCounts) {
    const pickRead = rr(readable);
    const pickReport = rr(reportable);
    let seq = 0;
    const scenarios: Scenario[] = [
      { name: 'ledger: county subtree, red, page 1', session: supervisor, next: () => ({ path: `/api/v1/tasks?unitId=${countyId}&light=red&limit=50` }) },
      { name: 'ledger: township head, page 1', session: townHead, next: () => ({ path: `/api/v1/tasks?limit=50` }) },
      { name: 'ledger: county open by deadline, first 25', session: supervisor, next: () => ({ path: `/api/v1/tasks?unitId=${countyId}&status=${OPEN_BY_DEADLINE}&sort=deadline&limit=25` }) },
      { name: 'ledger: county yellow, page 1', session: supervisor, next: () => ({ path: `/api/v1/tasks?unitId=${countyId}&light=yellow&limit=50` }) },
      { name: 'ledger: deep keyset page (21st)', session: supervisor, next: () => ({ path: `/api/v1/tasks?unitId=${countyId}&sort=deadline&limit=50&cursor=${deepCursor}` }) },
      { name: 'task detail with timeline', session: supervisor, next: () => ({ path: `/api/v1/tasks/${pickRead().id}` }) },
      { name: 'task detail via API token', session: supervisorToken, next: () => ({ path: `/api/v1/tasks/${pickRead().id}` }) },
      { name: 'stats: county subtree', session: supervisor, next: () => ({ path: `/api/v1/tasks/stats?unitId=${countyId}` }) },
      { name: 'workbench: county head', session: countyHead, next: () => ({ path: `/api/v1/tasks/workbench` }) },
      { name: 'scoreboard: county townships', session: supervisor, next: () => ({ path: `/api/v1/scoreboard?period=${scorePeriod}&peer=township` }) },
      { name: 'scoreboard: a township drilled down', session: supervisor, next: () => ({ path: `/api/v1/scoreboard/units/${scoreTownship}?period=${scorePeriod}` }) },
      {
        name: 'create task (+audit)',
        session: supervisor,
        method: 'POST',
        write: true,
        next: () => ({ path: '/api/v1/tasks', body: { title: `${CREATED}${c}-${++seq}`, level: 'normal', leadUnitId: deptId, deadline: '2026-12-31' } }),
      },
      {
        name: 'progress report (+audit)',
        session: countyHead,
        method: 'POST',
        write: true,
        next: () => {
          const t = pickReport();
          return { path: `/api/v1/tasks/${t.id}/progress`, body: { version: versions.get(t.id), percent: 50, text: '基准进展报告' } };
        },
        onBody: (body) => {
          const m = /^\{"id":(\d+),"version":(\d+)/.exec(body);
          if (m) versions.set(Number(m[1]), Number(m[2]));
        },
      },
    ];
    const only = values.only?.split(',').filter(Boolean);
    const wanted = (name: string) => !only || only.some((o) => name.includes(o));
    for (const sc of scenarios) if (wanted(sc.name)) rows.push(await drive(sc, c));
    // Each task can be signed for once: this round signs what is waiting now (the tasks its create
    // scenario just assigned to the county's department, removed again before the next run).
    const signName = 'sign for (+audit)';
    if (wanted(signName)) {
      const signable = await collect(countyHead, `status=assigned&unitId=${countyId}`, 4000);
      const pickSign = rr(signable);
      if (signable.length === 0) console.log(`${signName}: nothing waiting to be signed for (it signs what the create scenario assigned).`);
      else {
        rows.push(
          await drive(
            {
              name: signName,
              session: countyHead,
              method: 'POST',
              write: true,
              amount: signable.length,
              next: () => {
                const t = pickSign();
                return { path: `/api/v1/tasks/${t.id}/sign`, body: { version: t.version } };
              },
            },
            c,
          ),
        );
      }
    }
  }

  const result = {
    date: new Date().toISOString(),
    database: databaseUrl ? 'postgres' : 'pglite',
    size,
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
    durationSeconds: duration,
    serverWorkers: Number(values.workers),
    generated,
    escalationScan: { openTasks, first: firstScan, again: secondScan },
    pgbenchInsertsPerSecond: pgbench,
    rows,
    storage: await storageSince(storageBefore, rows.filter((r) => r.write).reduce((n, r) => n + r.requests, 0)),
  };
  if (result.storage) console.log('Storage:', JSON.stringify(result.storage));
  mkdirSync('bench/results', { recursive: true });
  // A partial run (--only, --skip-scan) does not replace the full results.
  const partial = values.only || skipScan ? '-partial' : '';
  const file = `bench/results/${result.date.slice(0, 10)}-${result.database}-${size}${partial}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`Results: ${file}`);
  const database = databaseUrl ? ['--database-url', databaseUrl] : ['--data-dir', dataDir];
  if ((values.explain || !values['skip-floor']) && !partial && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r)); // PGlite: one process at a time
  }
  if (values.explain && !partial) {
    const plans = execFileSync('node_modules/.bin/tsx', ['bench/explain.ts', '--size', size, ...database], { encoding: 'utf8' });
    writeFileSync(file.replace(/\.json$/, '-plans.md'), `# Query plans: ${result.database}, ${size} data\n${plans}`);
  }
  // Writes …-floor.json next to the results (bench/report.ts puts the two side by side).
  if (!values['skip-floor'] && !partial && databaseUrl && !pgbenchBinary()) console.log('No pgbench: the floor (bench/floor.ts) is skipped.');
  else if (!values['skip-floor'] && !partial) execFileSync('node_modules/.bin/tsx', ['bench/floor.ts', '--size', size, '--duration', String(duration), ...database], { stdio: 'inherit' });
} finally {
  server.kill('SIGTERM');
}
