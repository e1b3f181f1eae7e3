import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { prepareMarkedStatements } from './prepared.ts';

/** A pool that hands out one client recording what it was asked to run. */
function fakePool() {
  const pool = new EventEmitter();
  prepareMarkedStatements(pool);
  const calls: unknown[][] = [];
  const client = { query: (...args: unknown[]) => calls.push(args) };
  pool.emit('connect', client);
  return { client, calls };
}

describe('prepared statements', () => {
  it('runs a marked statement by a name derived from its text, the same name every time', () => {
    const { client, calls } = fakePool();
    const text = 'select * from task where id = $1 /* mashang:prepare */';
    client.query(text, [1]);
    client.query(text, [2]);
    client.query('select * from unit where id = $1 /* mashang:prepare */', [3]);
    const [a, b, c] = calls.map((args) => args[0] as { name: string; text: string; values: unknown[] });
    expect(a).toMatchObject({ text, values: [1] });
    expect(a!.name).toMatch(/^mp_[0-9a-f]{20}$/);
    expect(b).toMatchObject({ name: a!.name, values: [2] });
    expect(c!.name).not.toBe(a!.name);
  });

  it('leaves unmarked statements (value-dependent plans, BEGIN, COMMIT) unnamed', () => {
    const { client, calls } = fakePool();
    client.query('select * from task where lead_unit_id = any($1::int[])', [[1, 2]]);
    client.query('begin');
    client.query('select 1 /* mashang:prepare */ and more', []);
    expect(calls).toEqual([
      ['select * from task where lead_unit_id = any($1::int[])', [[1, 2]]],
      ['begin', undefined],
      ['select 1 /* mashang:prepare */ and more', []],
    ]);
  });
});
