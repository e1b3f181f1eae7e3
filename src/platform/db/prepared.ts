import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import type { DbKind } from './index.ts';

/**
 * Statements worth preparing: hot, of a fixed shape, and with a plan that does not depend on the
 * values (a row by its key, an insert). On a PostgreSQL server each is parsed once per connection
 * and, after five runs, planned once (plan_cache_mode auto): on province data the task page's
 * query spent 1.3 ms of PostgreSQL's 1.9 ms being parsed and planned again on every view, and a
 * write's five statements ≈ 2 ms. Not for queries whose best plan depends on their values (the
 * ledger's unit-id arrays): those stay unnamed, planned for their values each time.
 *
 * Mark a query with `.modifyEnd(PREPARE)` (or end raw SQL with it); the comment changes nothing
 * on the embedded database, which has no statement cache to use.
 *
 * PostgreSQL keeps planning a prepared statement for its values when the generic plan's estimate
 * is higher than the custom plans' (the workbench's: 50 of 50 runs custom-planned, ≈ 3 ms each).
 * `withGenericPlan` runs one such statement with plan_cache_mode=force_generic_plan on its
 * connection and puts the setting back. Never session-wide: the setting applies to unnamed
 * statements too, and the ledger's (planned for their unit ids) and the scoreboard's (a LIKE
 * prefix over a parameter) became 2–10× slower with generic plans.
 */
const MARK = '/* mashang:prepare */';
export const PREPARE = sql.raw(MARK);

/** Distinct prepared texts a process will name; past it, marked queries run unnamed (a safety cap). */
const MAX_NAMED = 1000;
const named = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = named.get(text);
  if (name === undefined && named.size < MAX_NAMED) {
    name = `mp_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    named.set(text, name);
  }
  return name;
}

/** Makes a pool's connections run marked statements as named (prepared) ones. */
/** Anything that hands out clients with a 'connect' event: a pg.Pool (a fake one in tests). */
export interface ConnectingPool {
  on(event: 'connect', listener: (client: { query: pg.PoolClient['query'] }) => void): unknown;
}

export function prepareMarkedStatements(pool: ConnectingPool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (text: unknown, values?: unknown, ...rest: unknown[]) => {
      if (typeof text === 'string' && text.endsWith(MARK) && Array.isArray(values)) {
        const name = nameOf(text);
        if (name) return query({ name, text, values }, ...rest);
      }
      return query(text, values, ...rest);
    };
  });
}

/**
 * Runs `run` on one connection of `db` with plan_cache_mode=force_generic_plan, then resets it
 * (also when `run` fails). For a marked statement whose plan does not depend on its values and
 * whose planning is a large share of its cost; on the embedded database `run` runs as it is.
 */
export async function withGenericPlan<D, T>(db: Kysely<D>, kind: DbKind, run: (conn: Kysely<D>) => Promise<T>): Promise<T> {
  if (kind !== 'postgres' || db.isTransaction) return run(db);
  return db.connection().execute(async (conn) => {
    await sql`set plan_cache_mode = force_generic_plan`.execute(conn);
    try {
      return await run(conn);
    } finally {
      await sql`reset plan_cache_mode`.execute(conn);
    }
  });
}
