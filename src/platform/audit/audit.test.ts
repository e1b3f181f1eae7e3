import { describe, expect, it } from 'vitest';
import { canonicalJson, changedFields, entryHash, GENESIS_HASH } from './audit.ts';

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

describe('changedFields: what an update changed', () => {
  const task = { id: 7, title: '整治', description: '很长的说明'.repeat(100), status: 'signed', progress: 20, deadline: '2026-12-31', updatedAt: new Date('2026-12-01T01:00:00Z'), tags: ['a'] };

  it('keeps the fields set that differ, with their old and new values, and leaves the rest out', () => {
    expect(changedFields(task, { status: 'in_progress', progress: 40, deadline: '2026-12-31' })).toEqual({
      before: { status: 'signed', progress: 20 },
      after: { status: 'in_progress', progress: 40 },
    });
  });

  it('keeps a field the write adds, and drops undefined ones', () => {
    expect(changedFields(task, { event: { note: '已完成一半' }, progress: undefined })).toEqual({ before: {}, after: { event: { note: '已完成一半' } } });
  });

  it('compares as stored: a date equal to its ISO text, arrays and objects by value, null against a value', () => {
    expect(changedFields(task, { updatedAt: '2026-12-01T01:00:00.000Z', tags: ['a'] })).toEqual({ before: {}, after: {} });
    expect(changedFields(task, { tags: ['a', 'b'] })).toEqual({ before: { tags: ['a'] }, after: { tags: ['a', 'b'] } });
    expect(changedFields({ signedAt: null }, { signedAt: new Date('2026-12-02T00:00:00Z') })).toEqual({
      before: { signedAt: null },
      after: { signedAt: new Date('2026-12-02T00:00:00Z') },
    });
  });

  it('is much smaller than two copies of a long row', () => {
    const diff = changedFields(task, { progress: 60 });
    expect(JSON.stringify(diff).length).toBeLessThan(100);
    expect(Buffer.byteLength(JSON.stringify(task))).toBeGreaterThan(1000);
  });
});
