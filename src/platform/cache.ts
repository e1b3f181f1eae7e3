/**
 * Values read from the database and reused for a short wall-clock time (not the business
 * clock): sessions, scope unit ids. A change made through this node forgets them at once
 * (`delete`, `deleteWhere`, `clear`, after the change commits); one made through another node is
 * seen within `ttlMs`. Bounded: past `maxEntries` the oldest entry goes.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /**
   * The value under `key` when read within ttlMs, else what `load` gives, kept unless undefined
   * (a miss is not remembered). Do not mutate what it returns beyond what every reader may see.
   */
  async get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const at = Date.now();
    const value = await load();
    this.entries.delete(key);
    if (value !== undefined) {
      // Oldest first out: a Map iterates in insertion order.
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, { value, at });
    }
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Forgets every entry the predicate picks. */
  deleteWhere(pick: (value: V, key: K) => boolean): void {
    for (const [key, { value }] of this.entries) if (pick(value, key)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
