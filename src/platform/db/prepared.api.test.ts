import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/context.ts';
import type { DatabaseHandle, Executor } from './index.ts';
import { withGenericPlan } from './prepared.ts';

// The workbench's statement is planned once (plan_cache_mode=force_generic_plan) on its own
// connection only: the setting must never outlive it, or every other statement on that pooled
// connection (the ledger's, planned for their unit ids) would be planned generically too.
let handle: DatabaseHandle;
let drop: () => Promise<void>;
beforeAll(async () => ({ handle, drop } = await freshDatabase()));
afterAll(() => drop());

const mode = async <D,>(db: Kysely<D>) => (await sql<{ planCacheMode: string }>`show plan_cache_mode`.execute(db)).rows[0]!.planCacheMode;

describe('withGenericPlan', () => {
  it('plans generically inside on a PostgreSQL server, and leaves every pooled connection as it was, after a failure too', async () => {
    const inside = await withGenericPlan(handle.db, handle.kind, (c) => mode(c));
    expect(inside).toBe(handle.kind === 'postgres' ? 'force_generic_plan' : 'auto');
    await expect(withGenericPlan(handle.db, handle.kind, async (c) => (await sql`select 1 / 0`.execute(c), 1))).rejects.toThrow(/division by zero/);
    // As many at once as the pool holds: each on its own connection, the ones used above among them.
    const modes = await Promise.all(Array.from({ length: 10 }, () => handle.db.connection().execute(async (c) => (await sql`select pg_sleep(0.05)`.execute(c), mode(c)))));
    expect(new Set(modes)).toEqual(new Set(['auto']));
    // Inside a transaction it runs there, as it is.
    expect(await handle.db.transaction().execute((trx) => withGenericPlan(trx, handle.kind, (c: Executor) => mode(c)))).toBe('auto');
  });
});
