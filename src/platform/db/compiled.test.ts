import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, sql, type CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled.ts';
import { CamelCaseResultsPlugin, SnakeCaseQueryCompiler } from './naming.ts';

interface Db {
  task: { id: number; leadUnitId: number; status: string; title: string };
}

/** A Kysely that compiles as the app's does and records what it is asked to run. */
function recordingDb() {
  const db = new Kysely<Db>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new SnakeCaseQueryCompiler(),
    },
    plugins: [new CamelCaseResultsPlugin()],
  });
  const ran: CompiledQuery[] = [];
  const runner = Object.assign(db, {
    executeQuery: <R,>(q: CompiledQuery<R>) => {
      ran.push(q);
      return Promise.resolve({ rows: [] as R[] });
    },
  });
  return { db: runner, ran };
}

const build = (db: Kysely<Db>, id: number, unitId: number) =>
  db.selectFrom('task').selectAll().where('id', '=', id).where('status', 'in', ['assigned', 'signed']).where('leadUnitId', '=', unitId).where(sql<boolean>`${id} > 0`);

describe('compiledOnce', () => {
  it('compiles once and runs the same SQL with each call’s arguments in their places, constants kept', async () => {
    const { db, ran } = recordingDb();
    const q = compiledOnce(build);
    await q(db, 7, 3);
    await q(db, 8, 4);
    expect(ran).toHaveLength(2);
    // Exactly what building the query afresh with these arguments gives.
    for (const [i, args] of [[7, 3], [8, 4]].entries()) {
      const fresh = build(db, args[0]!, args[1]!).compile();
      expect(ran[i]!.sql).toBe(fresh.sql);
      expect(ran[i]!.parameters).toEqual(fresh.parameters);
    }
    expect(ran[1]!.parameters).toEqual([8, 'assigned', 'signed', 4, 8]);
    expect(ran[0]!.sql).toContain('"lead_unit_id" = $4');
  });

  it('refuses an argument that does not reach the parameters as itself', async () => {
    const { db } = recordingDb();
    const stringified = compiledOnce((k: Kysely<Db>, data: Record<string, unknown>) => k.selectFrom('task').selectAll().where('title', '=', JSON.stringify(data)));
    await expect(stringified(db, { a: 1 })).rejects.toThrow(/argument\(s\) 0 did not reach/);
    const picked = compiledOnce((k: Kysely<Db>, ids: number[]) => k.selectFrom('task').selectAll().where('id', '=', ids[0]!));
    await expect(picked(db, [1, 2])).rejects.toThrow(/did not reach/);
    const unused = compiledOnce((k: Kysely<Db>, _id: number) => k.selectFrom('task').selectAll());
    await expect(unused(db, 1)).rejects.toThrow(/argument\(s\) 0/);
  });
});
