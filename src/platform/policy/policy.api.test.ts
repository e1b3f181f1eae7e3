import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { defaultPolicy } from '../policy.ts';
import { up as renameSpeechDraftKey } from '../db/migrations/202612011400_rename_speech_draft_key.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('policy API', () => {
  it('serves the defaults, then a region override for the units below it only', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const other = await ctx.newUnit({ kind: 'region', level: 'county' });
    const dept = await ctx.newUnit({ parent: county });
    const staff = await ctx.as(['staff'], dept);
    expect((await staff.get('/api/v1/policy')).json().policy).toEqual(defaultPolicy);

    const admin = await ctx.as(['admin'], county);
    const put = await admin.put(`/api/v1/policy/overrides/${county.id}`, { tasks: { escalation: { remind: 2 } } });
    expect(put.statusCode).toBe(200);
    expect(put.json().policy.tasks.escalation.remind).toBe(2);
    expect((await staff.get('/api/v1/policy')).json().policy.tasks.escalation).toEqual({ ...defaultPolicy.tasks.escalation, remind: 2 });
    const outsider = await ctx.as(['staff'], other);
    expect((await outsider.get('/api/v1/policy')).json().policy.tasks.escalation.remind).toBe(1);
    expect((await admin.get(`/api/v1/policy/overrides/${county.id}`)).json().overrides).toEqual({ tasks: { escalation: { remind: 2 } } });
  });

  it('refuses invalid overrides with the field path, departments, and non-admins', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const dept = await ctx.newUnit({ parent: county });
    const admin = await ctx.as(['admin'], county);
    const bad = await admin.put(`/api/v1/policy/overrides/${county.id}`, { auth: { maxFailedLogins: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('auth.maxFailedLogins');
    expect((await admin.put(`/api/v1/policy/overrides/${county.id}`, { tasks: { nonsense: 1 } })).statusCode).toBe(400);
    expect((await admin.put(`/api/v1/policy/overrides/${dept.id}`, { tasks: { maxExtensions: 2 } })).statusCode).toBe(400);
    const supervisor = await ctx.as(['supervisor'], county);
    expect((await supervisor.put(`/api/v1/policy/overrides/${county.id}`, { tasks: { maxExtensions: 2 } })).statusCode).toBe(403);
  });

  it('applies the auth section: a region with 3 allowed failures locks on the third', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const admin = await ctx.as(['admin'], county);
    await admin.put(`/api/v1/policy/overrides/${county.id}`, { auth: { maxFailedLogins: 3 } });
    const p = await ctx.newPerson({ unit: await ctx.newUnit({ parent: county }) });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: p.login, password: 'wrong-Pass-1' } })).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('resolves a snapshot of every override exactly as a load per unit does (nested regions, siblings)', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const township = await ctx.newUnit({ kind: 'region', level: 'township', parent: county });
    const sibling = await ctx.newUnit({ kind: 'region', level: 'township', parent: county });
    const dept = await ctx.newUnit({ parent: township });
    const admin = await ctx.as(['admin'], county);
    await admin.put(`/api/v1/policy/overrides/${county.id}`, { tasks: { escalation: { remind: 2, urge: 4 } } });
    await admin.put(`/api/v1/policy/overrides/${township.id}`, { tasks: { escalation: { urge: 6 } } });
    const db = ctx.handle.db;
    const policyOf = await ctx.services.policy.snapshot(db);
    for (const u of [county, township, sibling, dept]) expect(policyOf(u.path)).toEqual(await ctx.services.policy.load(u.path, db));
    expect(policyOf(dept.path).tasks.escalation).toMatchObject({ remind: 2, urge: 6 });
    expect(policyOf(sibling.path).tasks.escalation).toMatchObject({ remind: 2, urge: 4 });
    expect(policyOf('/999999/')).toEqual(defaultPolicy);
  });

  it('moves a stored speech-draft override from `national` to `major`, keeping its value and the rest', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const other = await ctx.newUnit({ kind: 'region', level: 'county' });
    const { db } = ctx.handle;
    const now = new Date();
    await db.insertInto('policyOverride').values([
      { unitId: county.id, overrides: JSON.stringify({ meetings: { speechDraftMaxChars: { national: 7000, other: 4000 }, mainSpeechMaxMinutes: 50 } }), updatedBy: null, updatedAt: now },
      { unitId: other.id, overrides: JSON.stringify({ tasks: { maxExtensions: 2 } }), updatedBy: null, updatedAt: now },
    ] as never).execute();
    await renameSpeechDraftKey(db);
    const read = async (unitId: number) => (await db.selectFrom('policyOverride').select('overrides').where('unitId', '=', unitId).executeTakeFirstOrThrow()).overrides;
    expect(await read(county.id)).toEqual({ meetings: { speechDraftMaxChars: { major: 7000, other: 4000 }, mainSpeechMaxMinutes: 50 } });
    expect(await read(other.id)).toEqual({ tasks: { maxExtensions: 2 } });
    const admin = await ctx.as(['admin'], county);
    expect((await admin.get(`/api/v1/policy/overrides/${county.id}`)).json().overrides.meetings.speechDraftMaxChars.major).toBe(7000);
  });
});
