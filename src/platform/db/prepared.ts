import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type pg from 'pg';

/**
 * Statements worth preparing: hot, of a fixed shape, and with a plan that does not depend on the
 * values (a row by its key, an insert). On a PostgreSQL server each is parsed once per connection
 * and planned once (plan_cache_mode force_generic_plan, see SESSION_OPTIONS): on province data the task page's
 * query spent 1.3 ms of PostgreSQL's 1.9 ms being parsed and planned again on every view, and a
 * write's five statements ≈ 2 ms. Not for queries whose best plan depends on their values (the
 * ledger's unit-id arrays): those stay unnamed, planned for their values each time.
 *
 * Mark a query with `.modifyEnd(PREPARE)` (or end raw SQL with it); the comment changes nothing
 * on the embedded database, which has no statement cache to use.
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
