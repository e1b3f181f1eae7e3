import { appendAudit, type AuditContext } from '../audit/audit.ts';
import type { Db, Executor } from '../db/index.ts';
import { badRequest, notFound, PLATFORM_ERRORS } from '../errors.ts';
import { defaultPolicy, resolvePolicy, type Policy } from '../policy.ts';

/** "/1/5/23/" → [1, 5, 23]: the unit and its ancestors, root first. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** The defaults with these overrides applied, root first (none: the defaults). */
function policyFrom(chain: Record<string, unknown>[]): Policy {
  if (chain.length === 0) return defaultPolicy;
  const result = resolvePolicy(chain);
  // Overrides were validated when written; a failure here means the defaults changed under them.
  return result.success ? result.data : defaultPolicy;
}

/** How long the overrides are reused: they change rarely, and every request reads them. */
const CACHE_MS = 30_000;

export class PolicyService {
  /** Every override as a function from unit path to policy, and when it was read. */
  private cached: { policyOf: (path: string) => Policy; at: number } | null = null;

  constructor(private readonly db: Db) {}

  /**
   * The policy in force for a unit: defaults, then each ancestor's overrides from the root down;
   * from every override read at most 30 s ago (one small table, read once for
   * all units: a province's requests each name a different unit, so a per-unit cache missed),
   * else read again through `executor` (the embedded database has one connection, which a write's
   * transaction holds). A change on this node clears it at once; on other nodes it is seen within
   * the 30 s.
   */
  async forUnitPath(path: string, executor: Executor = this.db): Promise<Policy> {
    let cached = this.cached;
    if (!cached || Date.now() - cached.at >= CACHE_MS) {
      const at = Date.now();
      cached = { policyOf: await this.snapshot(executor), at };
      this.cached = cached;
    }
    return cached.policyOf(path);
  }

  /** Forgets the overrides read: the next read goes to the database. */
  forget(): void {
    this.cached = null;
  }

  /**
   * Every override, read once, as a function from unit path to policy: for jobs that visit many
   * units (the escalation scan), one query instead of one per unit. Policies are shared between
   * units with the same overriding ancestors.
   */
  async snapshot(executor: Executor): Promise<(path: string) => Policy> {
    const rows = await executor.selectFrom('policyOverride').select(['unitId', 'overrides']).execute();
    const byUnit = new Map(rows.map((r) => [r.unitId, r.overrides]));
    const memo = new Map<string, Policy>();
    return (path) => {
      const chainIds = pathIds(path).filter((id) => byUnit.has(id));
      const key = chainIds.join('/');
      let policy = memo.get(key);
      if (!policy) memo.set(key, (policy = policyFrom(chainIds.map((id) => byUnit.get(id)!))));
      return policy;
    };
  }

  /** As forUnitPath, uncached, inside a transaction. */
  async load(path: string, executor: Executor): Promise<Policy> {
    const ids = pathIds(path);
    if (ids.length === 0) return defaultPolicy;
    const rows = await executor.selectFrom('policyOverride').select(['unitId', 'overrides']).where('unitId', 'in', ids).execute();
    return policyFrom(ids.flatMap((id) => rows.filter((r) => r.unitId === id).map((r) => r.overrides)));
  }

  /** The overrides stored on one unit (a region), or null. */
  async overridesOf(unitId: number): Promise<Record<string, unknown> | null> {
    const row = await this.db.selectFrom('policyOverride').select('overrides').where('unitId', '=', unitId).executeTakeFirst();
    return row?.overrides ?? null;
  }

  /** Replaces a region's overrides; refused unless the merged policy is valid. */
  async setOverrides(ctx: AuditContext, unitId: number, overrides: Record<string, unknown>): Promise<Policy> {
    const policy = await this.db.transaction().execute(async (trx) => {
      const unit = await trx.selectFrom('unit').select(['id', 'path', 'kind']).where('id', '=', unitId).executeTakeFirst();
      if (!unit) throw notFound(PLATFORM_ERRORS.UNIT_NOT_FOUND, unitId);
      if (unit.kind !== 'region') throw badRequest('政策只能按行政区划设置 (policy overrides belong to a region unit, not a department).');
      const ids = pathIds(unit.path);
      const above = await trx.selectFrom('policyOverride').select(['unitId', 'overrides']).where('unitId', 'in', ids).where('unitId', '!=', unitId).execute();
      const chain = ids.flatMap((id) => (id === unitId ? [overrides] : above.filter((r) => r.unitId === id).map((r) => r.overrides)));
      const result = resolvePolicy(chain);
      if (!result.success) {
        throw badRequest('政策覆盖值无效 (invalid policy override).', result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      }
      const before = await trx.selectFrom('policyOverride').select('overrides').where('unitId', '=', unitId).executeTakeFirst();
      await trx
        .insertInto('policyOverride')
        .values({ unitId, overrides: JSON.stringify(overrides), updatedBy: ctx.actorId, updatedAt: ctx.now })
        .onConflict((oc) => oc.column('unitId').doUpdateSet({ overrides: JSON.stringify(overrides), updatedBy: ctx.actorId, updatedAt: ctx.now }))
        .execute();
      await appendAudit(trx, ctx, { action: 'policy.override', objectType: 'unit', objectId: unitId, before: before?.overrides ?? null, after: overrides });
      return result.data;
    });
    // After the commit: a request between the write and the commit could have cached the old rows.
    this.cached = null;
    return policy;
  }
}
