import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from './cache.ts';

afterEach(() => vi.useRealTimers());

describe('TtlCache', () => {
  it('reuses a value within ttlMs and reads again after it', async () => {
    vi.useFakeTimers();
    const cache = new TtlCache<string, number>(1000, 10);
    let reads = 0;
    const load = () => Promise.resolve(++reads);
    expect(await cache.get('a', load)).toBe(1);
    vi.advanceTimersByTime(999);
    expect(await cache.get('a', load)).toBe(1);
    vi.advanceTimersByTime(1);
    expect(await cache.get('a', load)).toBe(2);
  });

  it('does not remember a miss, and a miss forgets what was kept', async () => {
    vi.useFakeTimers();
    const cache = new TtlCache<string, number | undefined>(1000, 10);
    let value: number | undefined = 7;
    expect(await cache.get('a', () => Promise.resolve(value))).toBe(7);
    vi.advanceTimersByTime(1000);
    value = undefined;
    expect(await cache.get('a', () => Promise.resolve(value))).toBeUndefined();
    value = 8;
    expect(await cache.get('a', () => Promise.resolve(value))).toBe(8);
  });

  it('drops the oldest entry past maxEntries, and forgets by key, by predicate and wholly', async () => {
    const cache = new TtlCache<string, number>(60_000, 2);
    let reads = 0;
    const load = () => Promise.resolve(++reads);
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('c', load); // 'a' goes: the oldest read
    expect(await cache.get('b', load)).toBe(2);
    expect(await cache.get('a', load)).toBe(4); // read again; 'b' goes (a hit does not make it newer)
    expect(await cache.get('c', load)).toBe(3);
    cache.delete('c');
    expect(await cache.get('c', load)).toBe(5);
    cache.deleteWhere((v) => v === 4);
    expect(await cache.get('a', load)).toBe(6);
    cache.clear();
    expect(await cache.get('a', load)).toBe(7);
  });
});
