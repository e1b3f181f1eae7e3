import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { CamelCaseResultsPlugin, SnakeCaseQueryCompiler } from './naming.ts';
import { prepareMarkedStatements } from './prepared.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything a store method can run on: the database or an open transaction. */
export type Executor = Kysely<Database>;

export type DbKind = 'pglite' | 'postgres';

/**
 * Runs `fn` in the transaction `executor` already is (a service called from inside another
 * module's operation), else in a new one. One operation across modules is one transaction: on
 * the embedded database a second transaction would wait for the single connection the first
 * one holds, for ever.
 */
export function transact<T>(executor: Executor, fn: (trx: Executor) => Promise<T>): Promise<T> {
  return executor.isTransaction ? fn(executor) : executor.transaction().execute(fn);
}

export interface DatabaseHandle {
  db: Db;
  kind: DbKind;
  /** The embedded instance, for dumpDataDir (backup, test templates); null on a server. */
  pglite: PGlite | null;
  close(): Promise<void>;
}

const OID = { int8: 20, date: 1082 } as const;
// Dates stay 'YYYY-MM-DD' strings (a Date at local midnight shifts with the server's zone);
// int8 becomes a number: our bigints (audit sequence, counts) stay far below 2^53.
const parseInt8 = (v: string) => Number(v);
const keepText = (v: string) => v;

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** A PGlite data-dir dump to start from (test templates). */
  loadDataDir?: Blob | File | undefined;
  poolSize?: number;
}

/**
 * Settings of every connection to a PostgreSQL server. No JIT: our queries are short and indexed;
 * a bad row estimate (an array overlap, say) can push a 5 ms query over jit_above_cost and add
 * 50–200 ms of compiling to it. No parallel workers either: starting one costs ≈ 20 ms, a
 * township's ledger page needs 1 ms of work (EXPLAIN on province data: 33 ms with a worker), and
 * concurrent requests already keep every core busy.
 */
export const SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/** snake_case in SQL, camelCase in TypeScript (naming.ts): the compiler writes the names, a plugin renames the rows. */
class SnakeCasePostgresDialect extends PostgresDialect {
  override createQueryCompiler() {
    return new SnakeCaseQueryCompiler();
  }
}
class SnakeCasePGliteDialect extends PGliteDialect {
  override createQueryCompiler() {
    return new SnakeCaseQueryCompiler();
  }
}

export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  const plugins = [new CamelCaseResultsPlugin()];
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: SESSION_OPTIONS,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === OID.int8) return parseInt8;
          if (oid === OID.date) return keepText;
          return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
        }) as typeof pg.types.getTypeParser,
      },
    });
    prepareMarkedStatements(pool);
    const db = new Kysely<Database>({ dialect: new SnakeCasePostgresDialect({ pool }), plugins });
    return { db, kind: 'postgres', pglite: null, close: () => db.destroy() };
  }
  const pglite = await PGlite.create({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    extensions: { pg_trgm },
    parsers: { [OID.int8]: parseInt8, [OID.date]: keepText },
  });
  const db = new Kysely<Database>({ dialect: new SnakeCasePGliteDialect(pglite), plugins });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}

/** Tables whose rows are named by their `id` (an integer key). */
type TableWithId = { [T in keyof Database]: Database[T] extends { id: unknown } ? T : never }[keyof Database];

/** Whether row `id` of `table` exists (one index probe): a module vouching for a record another module names. */
export async function rowExists(db: Executor, table: TableWithId, id: number): Promise<boolean> {
  const row = await db
    .selectFrom(table as 'task')
    .select((eb) => eb.lit(1).as('one'))
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
