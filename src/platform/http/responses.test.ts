import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exactJson } from './responses.ts';

const Item = z.object({ id: z.number(), name: z.string(), at: z.string().nullable(), tags: z.array(z.string()).optional() });
const route = (httpStatus = '200') => ({ schema: Item, method: 'GET', url: '/things/:id', httpStatus });
const env = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = env;
});

describe('exactJson: hot routes answer with JSON.stringify, held to their schemas by the tests', () => {
  it('writes an exact answer as JSON.stringify does, key order and undefined properties aside', () => {
    process.env.NODE_ENV = 'test';
    const serialize = exactJson(route());
    expect(serialize({ id: 1, name: '甲', at: null })).toBe('{"id":1,"name":"甲","at":null}');
    expect(serialize({ at: '2026-10-14', tags: ['a'], name: '乙', id: 2 })).toBe('{"at":"2026-10-14","tags":["a"],"name":"乙","id":2}');
    expect(serialize({ id: 3, name: '丙', at: null, tags: undefined })).toBe('{"id":3,"name":"丙","at":null}');
  });

  it('under the tests, refuses an answer the zod serializer would change or refuse', () => {
    process.env.NODE_ENV = 'test';
    const serialize = exactJson(route());
    // A field the schema would strip (a password hash that slipped into a row, say).
    expect(() => serialize({ id: 1, name: '甲', at: null, passwordHash: 'x' })).toThrow(/not exactly its schema/);
    expect(() => serialize({ id: 1, name: '甲' })).toThrow(/does not match its schema/);
    expect(() => serialize({ id: '1', name: '甲', at: null })).toThrow(/does not match its schema/);
  });

  it('in production writes the answer unchecked; errors keep the zod serializer', () => {
    process.env.NODE_ENV = 'production';
    expect(exactJson(route())({ id: 1, name: '甲', at: null, extra: true })).toBe('{"id":1,"name":"甲","at":null,"extra":true}');
    const error = exactJson({ ...route('4xx'), schema: z.object({ error: z.object({ code: z.string() }) }) });
    // The zod serializer strips what its schema does not name.
    expect(error({ error: { code: 'X', stack: 'secret' } })).toBe('{"error":{"code":"X"}}');
  });
});
