/** What the load runner (run.ts) and the floor runner (floor.ts) share. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import type { Db } from '../src/platform/db/index.ts';

/** Title prefix of the tasks the create scenarios add (removed again before the next run). */
export const CREATED = '基准交办 ';

/**
 * Takes out the tasks an earlier run's create scenario added (its titles start with CREATED),
 * so every run starts from the generated data: each run adds thousands of open tasks to one
 * county department, and left in place they made the next run's county pages, statistics and
 * workbench measurably slower (49,833 of them after a day of runs). Their audit entries stay:
 * the log is append-only. `keep`: tasks to leave (the floor runner's recorded ones, which its
 * later scenarios write to).
 */
export async function removeCreatedTasks(db: Db, keep: number[] = []): Promise<void> {
  const removed = await sql<{ n: number }>`
    with t as (select id from task where title like ${`${CREATED}%`} and not (id = any(${keep}::int[]))),
      n as (select id from notification where object_type = 'task' and object_id in (select id::text from t)),
      d as (delete from delivery where notification_id in (select id from n)),
      nn as (delete from notification where id in (select id from n)),
      a as (delete from task_attachment where task_id in (select id from t)),
      e as (delete from task_event where task_id in (select id from t)),
      m as (delete from task_milestone where task_id in (select id from t)),
      x as (delete from task_extension where task_id in (select id from t)),
      s as (delete from task_escalation where task_id in (select id from t))
    select count(*)::int as n from t`.execute(db);
  const n = Number(removed.rows[0]?.n ?? 0);
  if (n === 0) return;
  await sql`delete from task where title like ${`${CREATED}%`} and not (id = any(${keep}::int[]))`.execute(db);
  await sql`vacuum analyze task, task_event, notification`.execute(db);
  console.log(`Removed ${n} tasks a create scenario added.`);
}

/** The newest installed PostgreSQL's pgbench, if any. */
export function pgbenchBinary(): string | undefined {
  const dirs = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  return dirs.map((d) => `/usr/lib/postgresql/${d}/bin/pgbench`).find(existsSync);
}

/** The machine's busy and total CPU time so far (all cores, from /proc/stat, in clock ticks). */
export function machineCpu(): { busy: number; total: number } {
  const t = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = t[3]! + t[4]!;
  const total = t.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** One statement as the server sent it. */
export interface Sent {
  text: string;
  values: unknown[];
  /** A named prepared statement (node-postgres `name`). */
  named: boolean;
}

/**
 * Hears every statement sent to the database — node-postgres's Client#query (the pool's clients,
 * transactions, prepared statements) and, on PGlite, its one connection's query() — and keeps
 * them between `start()` and `stop()`. `count` goes on counting either way.
 */
export function statementRecorder(pglite: PGlite | null) {
  let recording: Sent[] | null = null;
  let count = 0;
  const heard = (s: Sent) => {
    count++;
    recording?.push(s);
  };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called below with the client as `this`
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [string | { text: string; values?: unknown[]; name?: string }, unknown];
    if (typeof first === 'string') heard({ text: first, values: Array.isArray(second) ? second : [], named: false });
    else heard({ text: first.text, values: first.values ?? (Array.isArray(second) ? second : []), named: Boolean(first.name) });
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  if (pglite) {
    const pgliteQuery = pglite.query.bind(pglite);
    pglite.query = ((text: string, params?: unknown[], ...rest: unknown[]) => {
      heard({ text, values: params ?? [], named: false });
      return (pgliteQuery as (...a: unknown[]) => unknown)(text, params, ...rest);
    }) as typeof pglite.query;
  }
  return {
    start(): void {
      recording = [];
    },
    stop(): Sent[] {
      const out = recording ?? [];
      recording = null;
      return out;
    },
    get count(): number {
      return count;
    },
  };
}
