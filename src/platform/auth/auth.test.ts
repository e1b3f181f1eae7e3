import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy.ts';
import { inScope, scopeOf } from './actor.ts';
import { hashPassword, passwordProblems, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Correct-Horse-9');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Correct-Horse-9', hash)).toBe(true);
    expect(await verifyPassword('correct-horse-9', hash)).toBe(false);
    expect(await verifyPassword('Correct-Horse-9', null)).toBe(false);
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });

  it('salts: two hashes of one password differ', async () => {
    expect(await hashPassword('Same-Password-1')).not.toBe(await hashPassword('Same-Password-1'));
  });
});

describe('password policy', () => {
  const rules = defaultPolicy.auth;
  it.each([
    ['short', 'Ab1!', 1],
    ['two classes', 'abcdefghij12', 1],
    ['fine', 'Abcdefgh12', 0],
    ['fine with symbol', 'abcdefgh-12', 0],
    ['contains login', 'Zhangsan-2026', 1],
  ])('%s', (_name, password, count) => {
    expect(passwordProblems(password, rules, 'zhangsan')).toHaveLength(count);
  });
  it('counts characters, not bytes', () => {
    expect(passwordProblems('密码密码密码密码密1a', rules)).toEqual([]);
  });
});

describe('scope', () => {
  const base = { unitPath: '/1/5/9/', regionPath: '/1/5/' };
  it.each([
    [['admin'], '/2/', true],
    [['supervisor'], '/1/5/77/', true],
    [['supervisor'], '/1/6/', false],
    [['leader'], '/1/5/', true],
    [['unit_head'], '/1/5/9/12/', true],
    [['unit_head'], '/1/5/10/', false],
    [['staff'], '/1/5/9/', true],
    [['staff'], '/1/5/9/12/', false],
    [['staff'], '/1/5/', false],
  ] as const)('%j on %s: %s', (roles, path, expected) => {
    expect(inScope(scopeOf({ ...base, roles: [...roles] }), path)).toBe(expected);
  });
  it('does not confuse /1/5/ with /1/55/', () => {
    expect(inScope(scopeOf({ ...base, roles: ['supervisor'] }), '/1/55/')).toBe(false);
  });
  it('folds nested subtrees', () => {
    expect(scopeOf({ ...base, roles: ['supervisor', 'unit_head', 'staff'] })).toEqual({ all: false, subtrees: ['/1/5/'], units: [] });
  });
});
