import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from './audit.ts';

describe('audit hashing', () => {
  it('canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson(null)).toBe('null');
  });

  it('changes the hash when any field changes', () => {
    const e = { seq: 1, at: new Date('2026-12-01T01:00:00Z'), actorId: 1, actorLogin: 'a', action: 'x', objectType: 'unit', objectId: '1', before: null, after: { n: 1 }, clientIp: null, prevHash: GENESIS_HASH };
    const h = entryHash(e);
    expect(entryHash({ ...e })).toBe(h);
    for (const changed of [{ seq: 2 }, { actorId: 2 }, { action: 'y' }, { after: { n: 2 } }, { prevHash: 'f'.repeat(64) }, { at: new Date('2026-12-01T01:00:00.001Z') }]) {
      expect(entryHash({ ...e, ...changed })).not.toBe(h);
    }
  });
});
