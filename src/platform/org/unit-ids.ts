/**
 * Unit ids by path condition (a scope's subtrees, a filter's unit), kept a few seconds: every
 * ledger page, statistic and workbench turned its paths into ids with a query of its own first,
 * and the tree changes rarely. Units created or moved through this node are seen at once
 * (OrgService forgets); through another node, within `ttlMs`.
 */
export class UnitIdCache {
  private readonly entries = new Map<string, { ids: number[]; at: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 5_000,
  ) {}

  /** The ids under `key`, from the cache when read within ttlMs, else from `load`. Do not mutate them. */
  async get(key: string, load: () => Promise<number[]>): Promise<number[]> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.ids;
    const at = Date.now();
    const ids = await load();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { ids, at });
    return ids;
  }

  /** After the unit tree changed. */
  forget(): void {
    this.entries.clear();
  }
}
