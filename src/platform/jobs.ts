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

/** Repeats a job on an interval in this process; a run never overlaps the previous one. */
export class Scheduler {
  private readonly timers: NodeJS.Timeout[] = [];

  every(ms: number, run: () => Promise<unknown>, onError: (err: unknown) => void): void {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      run()
        .catch(onError)
        .finally(() => {
          busy = false;
        });
    };
    tick();
    this.timers.push(setInterval(tick, ms));
  }

  stop(): void {
    this.timers.forEach(clearInterval);
    this.timers.length = 0;
  }
}
