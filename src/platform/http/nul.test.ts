import { describe, expect, it } from 'vitest';
import { findNul } from './nul.ts';

describe('findNul', () => {
  it('names the field holding a NUL, in strings and keys, at any depth', () => {
    expect(findNul({ a: 'ok', b: [{ c: 'x\u0000' }] }, 'body')).toBe('body.b.0.c');
    expect(findNul({ 'k\u0000': 1 }, 'body')).toBe('body.k\u0000');
    expect(findNul('\u0000', 'body')).toBe('body');
    expect(findNul({ a: 'tab\tand\nline', n: 1, z: null, b: Buffer.from([0]) }, 'body')).toBeNull();
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findNul(deep, 'body')).toMatch(/^body(\.0)+$/);
  });
});
