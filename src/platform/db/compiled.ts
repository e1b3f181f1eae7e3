import type { Compilable, CompiledQuery, QueryResult } from 'kysely';

/** What can run a compiled query: a Kysely instance or a transaction. */
interface Runner {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/** Stands for an argument while the query is built (see `compiledOnce`). */
class Arg {
  constructor(readonly index: number) {}
}

/**
 * A query of fixed shape, built and compiled on its first run; later runs only put their
 * arguments into its parameter list. Kysely builds a query as a tree of immutable nodes and then
 * walks it (and each plugin walks it again) to write the SQL: for the task page that was ≈ 15 %
 * of the server's CPU per view, more than PostgreSQL spends running it.
 *
 * `build` is called once, with stand-ins for the arguments, and may use them only as plain
 * values (`where('t.id', '=', id)`, `sql\`${id}\``, an array as `= any(${ids}::int[])`): never
 * spread them into an `in` list, inspect them or branch on them — a query whose shape depends on
 * its arguments is not of fixed shape. An argument that does not reach the parameter list as
 * itself (stringified, taken apart, unused) is refused on the first run.
 * Every database Mashang opens compiles with the same PostgreSQL dialect and plugins, so one
 * compiled text serves them all (and transactions alike).
 */
export function compiledOnce<D, A extends unknown[], O>(build: (db: D, ...args: A) => Compilable<O>) {
  let compiled: { query: CompiledQuery<O>; slots: ({ arg: number } | { value: unknown })[] } | undefined;
  return async (db: D & Runner, ...args: A): Promise<QueryResult<O>> => {
    if (!compiled) {
      const query = build(db, ...(args.map((_, i) => new Arg(i)) as A)).compile();
      const slots = query.parameters.map((p) => (p instanceof Arg ? { arg: p.index } : { value: p }));
      const used = new Set(slots.flatMap((s) => ('arg' in s ? [s.arg] : [])));
      const lost = args.map((_, i) => i).filter((i) => !used.has(i));
      if (lost.length) throw new Error(`compiledOnce: argument(s) ${lost.join(', ')} did not reach the parameters as plain values`);
      compiled = { query, slots };
    }
    const { query, slots } = compiled;
    return db.executeQuery<O>({ ...query, parameters: slots.map((s) => ('arg' in s ? args[s.arg] : s.value)) });
  };
}
