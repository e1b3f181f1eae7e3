import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../db/schema.ts';

let ctx: TestContext;
let county: Unit;
let otherCounty: Unit;
let dept: Unit;
let township: Unit;
let siblingTownship: Unit;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '甲县' });
  otherCounty = await ctx.newUnit({ kind: 'region', level: 'county', name: '乙县' });
  dept = await ctx.newUnit({ parent: county, name: '教育局' });
  township = await ctx.newUnit({ parent: county, kind: 'region', name: '东镇' });
  siblingTownship = await ctx.newUnit({ parent: county, kind: 'region', name: '西镇' });
  admin = await ctx.as(['admin'], county);
});
afterAll(() => ctx.close());

describe('units', () => {
  it('lists the units of your region with the contract fields', async () => {
    const staff = await ctx.as(['staff'], dept);
    const res = await staff.get('/api/v1/units');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: number; name: string; code: string; kind: string; level: string; parentId: number | null }[];
    expect(items.map((u) => u.id).sort()).toEqual([county.id, dept.id, township.id, siblingTownship.id].sort());
    expect(items.find((u) => u.id === dept.id)).toMatchObject({ name: '教育局', code: dept.code, kind: 'department', level: 'county', parentId: county.id });
  });

  it('shows a township person their township and its ancestors, not the sibling township', async () => {
    const staff = await ctx.as(['staff'], township);
    const ids = (await staff.get('/api/v1/units')).json().items.map((u: { id: number }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([county.id, township.id]));
    expect(ids).not.toContain(siblingTownship.id);
    expect(ids).not.toContain(dept.id);
    expect((await staff.get(`/api/v1/units/${siblingTownship.id}`)).statusCode).toBe(403);
  });

  it('a person whose unit moves sees the new region at once, and roles changed by an admin apply at once', async () => {
    const office = await ctx.newUnit({ parent: township, name: '党政办' });
    const staff = await ctx.as(['staff'], office);
    const before = (await staff.get('/api/v1/units')).json().items.map((u: { id: number }) => u.id);
    expect(before).toContain(township.id);
    expect((await admin.patch(`/api/v1/units/${office.id}`, { parentId: siblingTownship.id })).statusCode).toBe(200);
    const after = (await staff.get('/api/v1/units')).json().items.map((u: { id: number }) => u.id);
    expect(after).toContain(siblingTownship.id);
    expect(after).not.toContain(township.id);
    expect((await admin.patch(`/api/v1/people/${staff.person.id}`, { roles: ['staff', 'unit_head'] })).statusCode).toBe(200);
    expect((await staff.get('/api/v1/auth/me')).json().user.roles).toEqual(['staff', 'unit_head']);
  });

  it('refuses a unit of another county with 403, and a missing one with 404', async () => {
    const supervisor = await ctx.as(['supervisor'], dept);
    expect((await supervisor.get(`/api/v1/units/${otherCounty.id}`)).statusCode).toBe(403);
    const missing = await supervisor.get('/api/v1/units/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('UNIT_NOT_FOUND');
  });

  it('lets an admin create, rename, move and deactivate units, with audit entries', async () => {
    const created = await admin.post('/api/v1/units', { parentId: county.id, code: 'test-wjj', name: '卫生健康局', kind: 'department' });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ code: 'test-wjj', level: 'county', parentId: county.id });
    const child = (await admin.post('/api/v1/units', { parentId: unit.id, code: 'test-wjj-bgs', name: '办公室', kind: 'department' })).json();
    expect((await admin.delete(`/api/v1/units/${unit.id}`)).json().error.code).toBe('UNIT_NOT_EMPTY');
    const moved = await admin.patch(`/api/v1/units/${child.id}`, { parentId: dept.id, name: '教育局办公室' });
    expect(moved.statusCode).toBe(200);
    const row = await ctx.handle.db.selectFrom('unit').select('path').where('id', '=', child.id).executeTakeFirstOrThrow();
    expect(row.path).toBe(`${dept.path}${child.id}/`);
    expect((await admin.delete(`/api/v1/units/${unit.id}`)).json()).toMatchObject({ active: false });
    const actions = await ctx.handle.db.selectFrom('auditLog').select('action').where('objectType', '=', 'unit').where('objectId', 'in', [String(unit.id), String(child.id)]).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['unit.create', 'unit.create', 'unit.update', 'unit.deactivate']);
  });

  it('refuses bad placements, duplicate codes and cycles with clear errors', async () => {
    expect((await admin.post('/api/v1/units', { parentId: dept.id, code: 'x1', name: '镇', kind: 'region', level: 'township' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/units', { parentId: county.id, code: 'x2', name: '市', kind: 'region', level: 'prefecture' })).statusCode).toBe(400);
    const dup = await admin.post('/api/v1/units', { parentId: county.id, code: dept.code, name: '重复', kind: 'department' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('UNIT_CODE_TAKEN');
    expect((await admin.patch(`/api/v1/units/${county.id}`, { parentId: township.id })).json().error.code).toBe('UNIT_CYCLE');
    expect((await admin.post('/api/v1/units', { parentId: 999999, code: 'x3', name: '无', kind: 'department' })).statusCode).toBe(400);
    const bad = await admin.post('/api/v1/units', { parentId: county.id, code: 'has space', name: '', kind: 'office', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.code', 'body.name', 'body.kind']));
  });

  it('refuses unit writes to everyone but admins (403)', async () => {
    for (const roles of [['supervisor'], ['leader'], ['unit_head'], ['staff']] as const) {
      const c = await ctx.as([...roles], dept);
      const res = await c.post('/api/v1/units', { parentId: county.id, code: `no-${roles[0]}`, name: '禁止', kind: 'department' });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('people', () => {
  it('lists people of your region with the contract fields, keyset paged', async () => {
    const unit = await ctx.newUnit({ parent: county, name: '统计局' });
    const a = await ctx.newPerson({ unit, roles: ['staff'] });
    await ctx.newPerson({ unit });
    await ctx.newPerson({ unit });
    await ctx.newPerson({ unit: otherCounty });
    const leader = await ctx.as(['leader'], dept);
    const first = await leader.get(`/api/v1/people?unitId=${unit.id}&limit=2`);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.items).toHaveLength(2);
    // A leader outside the unit sees what a picker needs, not logins or contact details.
    expect(body.items[0]).toMatchObject({ id: a.id, login: null, email: null, phone: null, unitId: unit.id, rank: 'other', roles: ['staff'], name: '测试人员' });
    expect(typeof body.nextCursor).toBe('string');
    const second = (await leader.get(`/api/v1/people?unitId=${unit.id}&limit=2&cursor=${body.nextCursor}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).toBeGreaterThan(body.items[1].id);
    expect(second.nextCursor).toBeNull();
    // The old parameter is gone; a forged cursor is the caller's mistake.
    expect((await leader.get(`/api/v1/people?unitId=${unit.id}&cursor=garbage`)).json().error.details[0].path).toBe('querystring.cursor');
    const all = (await leader.get('/api/v1/people?limit=500')).json().items as { unitId: number }[];
    expect(all.every((p) => p.unitId !== otherCounty.id)).toBe(true);
  });

  it('shows logins, e-mail and phone only to who needs them: self, admin, a supervisor or unit head over the person', async () => {
    const unit = await ctx.newUnit({ parent: county, name: '审计局' });
    const p = await ctx.newPerson({ unit, email: 'p@example.gov.cn' });
    await ctx.handle.db.updateTable('person').set({ phone: '0871-1234567' }).where('id', '=', p.id).execute();
    const seen = async (c: Awaited<ReturnType<TestContext['as']>>) => (await c.get(`/api/v1/people/${p.id}`)).json<{ login: string | null; email: string | null; phone: string | null }>();
    const full = { login: p.login, email: 'p@example.gov.cn', phone: '0871-1234567' };
    const hidden = { login: null, email: null, phone: null };
    expect(await seen(await ctx.login(p))).toMatchObject(full);
    expect(await seen(await ctx.as(['admin'], otherCounty))).toMatchObject(full);
    expect(await seen(await ctx.as(['supervisor'], county))).toMatchObject(full);
    expect(await seen(await ctx.as(['unit_head'], unit))).toMatchObject(full);
    expect(await seen(await ctx.as(['unit_head'], dept))).toMatchObject(hidden);
    expect(await seen(await ctx.as(['staff'], unit))).toMatchObject(hidden);
    expect(await seen(await ctx.as(['leader'], dept))).toMatchObject(hidden);
    // A search matches logins only for who may see them.
    const staff = await ctx.as(['staff'], dept);
    expect((await staff.get(`/api/v1/people?q=${p.login}`)).json().items).toEqual([]);
    expect((await (await ctx.as(['supervisor'], county)).get(`/api/v1/people?q=${p.login}`)).json().items.map((x: { id: number }) => x.id)).toEqual([p.id]);
  });

  it('refuses a person of another county with 403', async () => {
    const outsider = await ctx.newPerson({ unit: otherCounty });
    const supervisor = await ctx.as(['supervisor'], dept);
    expect((await supervisor.get(`/api/v1/people/${outsider.id}`)).statusCode).toBe(403);
  });

  it('refuses a people filter on a unit out of sight as it refuses the unit itself: 403, and 404 for a missing one', async () => {
    const staff = await ctx.as(['staff'], township);
    for (const param of ['unitId', 'under']) {
      expect((await staff.get(`/api/v1/people?${param}=${siblingTownship.id}`)).statusCode, param).toBe(403);
      const missing = await staff.get(`/api/v1/people?${param}=999999`);
      expect(missing.statusCode, param).toBe(404);
      expect(missing.json().error.code).toBe('UNIT_NOT_FOUND');
      expect((await staff.get(`/api/v1/people?${param}=${township.id}`)).statusCode, param).toBe(200);
    }
  });

  it('creates a person with a policy-checked password who can then log in', async () => {
    const weak = await admin.post('/api/v1/people', { unitId: dept.id, name: '王芳', login: 'wangfang', rank: 'other', roles: ['staff'], password: 'weak' });
    expect(weak.statusCode).toBe(400);
    const res = await admin.post('/api/v1/people', { unitId: dept.id, name: '王芳', login: 'wangfang', rank: 'township', roles: ['staff', 'unit_head'], password: 'Wf-2026-secure' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ login: 'wangfang', unitName: '教育局', roles: ['staff', 'unit_head'] });
    expect(JSON.stringify(res.json())).not.toMatch(/password|hash/i);
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'wangfang', password: 'Wf-2026-secure' } })).statusCode).toBe(200);
    const dup = await admin.post('/api/v1/people', { unitId: dept.id, name: '王芳', login: 'wangfang', rank: 'other', roles: [] });
    expect(dup.json().error.code).toBe('LOGIN_TAKEN');
  });

  it('deactivating a person ends their sessions; an admin cannot deactivate themself', async () => {
    const p = await ctx.newPerson({ unit: dept });
    const c = await ctx.login(p);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200); // the session is now cached
    expect((await admin.delete(`/api/v1/people/${p.id}`)).json()).toMatchObject({ active: false });
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await admin.delete(`/api/v1/people/${admin.person.id}`)).json().error.code).toBe('SELF_LOCKOUT');
  });

  it('an admin password reset ends the sessions and unlocks the account', async () => {
    const p = await ctx.newPerson({ unit: dept });
    const c = await ctx.login(p);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await admin.put(`/api/v1/people/${p.id}/password`, { password: 'Reset-2026-ok' })).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: p.login, password: TEST_PASSWORD } })).statusCode).toBe(401);
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: p.login, password: 'Reset-2026-ok' } })).statusCode).toBe(200);
  });

  it('role changes take effect on the next request', async () => {
    const p = await ctx.newPerson({ unit: dept, roles: ['staff'] });
    const c = await ctx.login(p);
    expect((await c.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await admin.patch(`/api/v1/people/${p.id}`, { roles: ['staff', 'admin'] })).statusCode).toBe(200);
    expect((await c.get('/api/v1/audit')).statusCode).toBe(200);
  });

  it('refuses people writes to non-admins and bad bodies with 400', async () => {
    const head = await ctx.as(['unit_head'], dept);
    expect((await head.post('/api/v1/people', { unitId: dept.id, name: '张三', login: 'zhangsan', rank: 'other', roles: [] })).statusCode).toBe(403);
    const bad = await admin.post('/api/v1/people', { unitId: 'x', name: '张三', login: 'Zhang San', rank: 'boss', roles: ['king'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.unitId', 'body.login', 'body.rank']));
  });
});
