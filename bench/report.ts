/**
 * The BENCHMARKS.md tables from result files: `npx tsx bench/report.ts bench/results/<file>.json…`.
 */
import { existsSync, readFileSync } from 'node:fs';

/** A result file of bench/run.ts, as far as the tables read it (older files lack newer fields). */
interface RunResult {
  database: string;
  size: string;
  generated?: { units: number; people: number; tasks: number; events: number; seconds: number; databaseBytes: number } | null;
  escalationScan: { openTasks: number; first?: ScanRun | null; again?: ScanRun | null };
  pgbenchInsertsPerSecond?: Record<string, number> | null;
  rows: RunRow[];
}
interface ScanRun {
  seconds: number;
  peakRssMb: number;
  output: string;
}
interface RunRow {
  scenario: string;
  user: string;
  connections: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p97_5: number; p99: number };
  non2xx: number;
  errors?: number;
  serverRssMb: { peak: number };
  serverCpuMsPerRequest?: number | null;
  machineBusyPercent?: number;
}
/** Its `-floor.json` companion from bench/floor.ts. */
interface FloorResult {
  database: string;
  rows: { scenario: string; statements: number; transactionsPerSecond: number; databaseCpuMsPerRequest: number }[];
}

for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
  console.log(`\n#### ${r.database}, ${r.size} data (\`${file}\`)\n`);
  if (r.generated) console.log(`Generated ${r.generated.units.toLocaleString('en')} units, ${r.generated.people.toLocaleString('en')} people, ${r.generated.tasks.toLocaleString('en')} tasks, ${r.generated.events.toLocaleString('en')} events in ${r.generated.seconds} s; database ${(r.generated.databaseBytes / 2 ** 20).toFixed(0)} MB.\n`);
  const s = r.escalationScan;
  if (s.first && s.again) console.log(`Escalation scan over ${s.openTasks.toLocaleString('en')} open tasks (\`mashang jobs run escalation\`, process start included): first run ${s.first.seconds} s, peak RSS ${s.first.peakRssMb} MB — ${s.first.output}; second run ${s.again.seconds} s, ${s.again.peakRssMb} MB — ${s.again.output}.\n`);
  if (r.pgbenchInsertsPerSecond && Object.keys(r.pgbenchInsertsPerSecond).length) {
    const parts = Object.entries(r.pgbenchInsertsPerSecond).map(([c, tps]) => {
      const create = r.rows.find((x) => x.scenario.startsWith('create task') && x.connections === Number(c));
      return `${c} connections: pgbench ${tps} inserts/s, Mashang create task ${create?.requestsPerSecond ?? '—'}/s (${create && tps ? ((create.requestsPerSecond / Number(tps)) * 100).toFixed(0) : '—'} %)`;
    });
    console.log(`Storage engine's own limit (pgbench, one-row inserts): ${parts.join('; ')}.\n`);
  }
  console.log('| scenario | user | conns | req/s | p50 ms | p90 ms | p97.5 ms | p99 ms | non-2xx | server RSS MB | server CPU ms/req | machine busy |');
  console.log('| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const x of r.rows) {
    console.log(
      `| ${x.scenario} | ${x.user} | ${x.connections} | ${x.requestsPerSecond} | ${x.latencyMs.p50} | ${x.latencyMs.p90} | ${x.latencyMs.p97_5} | ${x.latencyMs.p99} | ${x.non2xx}${x.errors ? ` (+${x.errors} errors)` : ''} | ${x.serverRssMb.peak} | ${x.serverCpuMsPerRequest ?? '—'} | ${x.machineBusyPercent === undefined ? '—' : `${x.machineBusyPercent} %`} |`,
    );
  }
  // The database's own limit (bench/floor.ts), when it was measured with the run.
  const floorFile = file.replace(/\.json$/, '-floor.json');
  if (existsSync(floorFile)) {
    const f = JSON.parse(readFileSync(floorFile, 'utf8')) as FloorResult;
    console.log(`\nThe database alone, replaying each scenario's statements (\`${floorFile}\`), against Mashang at 10 connections:\n`);
    console.log(`| scenario | statements | ${f.database === 'pglite' ? 'PGlite' : 'PostgreSQL'} alone req/s | its CPU ms/req | Mashang req/s | Mashang / floor |`);
    console.log('| --- | --: | --: | --: | --: | --: |');
    for (const x of f.rows) {
      const m = r.rows.find((y) => y.scenario === x.scenario && y.connections === 10);
      console.log(`| ${x.scenario} | ${x.statements} | ${x.transactionsPerSecond} | ${x.databaseCpuMsPerRequest} | ${m?.requestsPerSecond ?? '—'} | ${m ? `${Math.round((100 * m.requestsPerSecond) / x.transactionsPerSecond)} %` : '—'} |`);
    }
  }
}
