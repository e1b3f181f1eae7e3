import { PostgresQueryCompiler, type IdentifierNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';

/**
 * Columns are snake_case in SQL and camelCase in TypeScript. Kysely's CamelCasePlugin did the
 * translation by rebuilding every query's operation tree with renamed identifiers before it was
 * compiled, and by rebuilding every result row with `reduce`: for a ledger page that was ≈ 0.45 ms
 * of the server's CPU, more than compiling the query. Here the compiler writes each identifier
 * snake_cased as it goes (no second tree), and the rows are renamed in one plain loop. The SQL
 * and the rows are exactly the plugin's (naming.test.ts compares them).
 */

/** CamelCasePlugin's snake_case (default options): `leadUnitId` → `lead_unit_id`, `fooBAR` → `foo_bar`. */
export function snakeCase(str: string): string {
  let out = snakeCache.get(str);
  if (out !== undefined) return out;
  out = '';
  if (str.length > 0) {
    const upper = str.toUpperCase();
    const lower = str.toLowerCase();
    out = lower[0]!;
    for (let i = 1; i < str.length; i++) {
      const char = str[i]!;
      if (char === upper[i] && upper[i] !== lower[i]) {
        const prev = str[i - 1]!;
        const prevIsUpper = prev === upper[i - 1] && upper[i - 1] !== lower[i - 1];
        out += prevIsUpper ? lower[i] : `_${lower[i]}`;
      } else out += char;
    }
  }
  if (snakeCache.size < CACHE_LIMIT) snakeCache.set(str, out);
  return out;
}

/** CamelCasePlugin's camelCase (default options): `lead_unit_id` → `leadUnitId`. */
export function camelCase(str: string): string {
  let out = camelCache.get(str);
  if (out !== undefined) return out;
  out = str.length > 0 ? str[0]! : '';
  for (let i = 1; i < str.length; i++) {
    const char = str[i]!;
    if (char !== '_') out += str[i - 1] === '_' ? char.toUpperCase() : char;
  }
  if (camelCache.size < CACHE_LIMIT) camelCache.set(str, out);
  return out;
}

// Identifiers and column names come from the code, not from users: a few hundred. The cap keeps a
// query built from user input (which never names identifiers) from growing them without bound.
const CACHE_LIMIT = 10_000;
const snakeCache = new Map<string, string>();
const camelCache = new Map<string, string>();

/** PostgreSQL's compiler that writes identifiers snake_cased (what CamelCasePlugin's tree rewrite did). */
export class SnakeCaseQueryCompiler extends PostgresQueryCompiler {
  protected override compileUnwrappedIdentifier(node: IdentifierNode): void {
    this.append(this.sanitizeIdentifier(snakeCase(node.name)));
  }
}

/** A plain object as CamelCasePlugin's isPlainObject saw it (not an array, Date, Buffer or class instance). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** A row with camelCased keys, nested plain objects and arrays of them too (CamelCasePlugin.mapRow). */
export function camelRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    let value = row[key];
    if (Array.isArray(value)) {
      let mapped: unknown[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (isPlainObject(item)) (mapped ??= value.slice())[i] = camelRow(item);
      }
      // CamelCasePlugin always made a new array; a caller may rely on not sharing the driver's.
      value = mapped ?? value.slice();
    } else if (isPlainObject(value)) value = camelRow(value);
    out[camelCase(key)] = value;
  }
  return out;
}

/** Renames result rows' keys to camelCase; the query is left alone (SnakeCaseQueryCompiler writes its names). */
export class CamelCaseResultsPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const { result } = args;
    if (!Array.isArray(result.rows)) return Promise.resolve(result);
    const rows = new Array<UnknownRow>(result.rows.length);
    for (let i = 0; i < rows.length; i++) rows[i] = camelRow(result.rows[i]!);
    return Promise.resolve({ ...result, rows });
  }
}
