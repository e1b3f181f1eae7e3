import { sql } from 'kysely';
import type { Db } from './db/index.ts';

/**
 * Runs `fn` only if no other process (or other caller in this one) holds the named
 * PostgreSQL advisory lock; several app nodes elect one runner this way. The lock is
 * session-level and held on one connection for the whole run, and released even on error.
 * `fn` must do its work on the connection it is given: the embedded PGlite has only one.
 */
export async function runExclusive<T>(db: Db, name: string, fn: (conn: Db) => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }> {
  return db.connection().execute(async (conn) => {
    const key = sql`hashtext(${`mashang:${name}`})`;
    const got = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(conn);
    if (!got.rows[0]?.locked) return { ran: false as const };
    try {
      return { ran: true as const, result: await fn(conn) };
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

/**
 * A scheduled job: the server runs each on its interval (and once at start); `mashang jobs run
 * <name>` runs one by hand. Modules add theirs in `createServices`. `run` must be idempotent and
 * safe on several nodes (use runExclusive when only one node should work at a time).
 */
export interface Job {
  name: string;
  description: string;
  everyMs: number;
  /** Returns a line for the log, or null when there was nothing to say. */
  run(): Promise<string | null>;
}

/** Repeats a job on an interval in this process; a run never overlaps the previous one. */
export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  every(ms: number, run: () => Promise<unknown>, onError: (err: unknown) => void): void {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const p = run()
        .catch(onError)
        .finally(() => {
          busy = false;
          this.inFlight.delete(p);
        });
      this.inFlight.add(p);
    };
    tick();
    this.timers.push(setInterval(tick, ms));
  }

  /**
   * No new runs; resolves when the runs under way have finished, or after `graceMs` (jobs
   * commit in batches, so one cut off by closing the database loses only its open batch).
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.timers.forEach(clearInterval);
    this.timers.length = 0;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all([...this.inFlight]), new Promise((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
  }
}
