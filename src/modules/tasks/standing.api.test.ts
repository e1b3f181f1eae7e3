import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';

/**
 * Who may act on a task is decided from the roles and scope a person holds now (issue #15):
 * an assigner demoted or a leader who no longer leads the region loses the task's verify, and
 * an overseeing leader named at 交办 must lead the lead unit's region.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const summary = { done: '已完成', result: '达到标准', lessons: '无' };

async function submittedBy(head: { id: number }, leadUnit: Awaited<ReturnType<TestContext['newUnit']>>, leaderId?: number) {
  const { services, system } = ctx;
  const actor = await ctx.actorOf(head);
  const t = await ctx.newTask({ leadUnit, by: head, ...(leaderId ? { leaderId } : {}) });
  const signed = await services.tasks.sign(system(), actor, t.id, t.version);
  const done = await services.tasks.submit(system(), actor, t.id, signed.version, { text: '已办结' }, summary, undefined);
  return done;
}

describe('standing now, not then', () => {
  it('an assigner demoted to staff no longer verifies the task they assigned', async () => {
    const township = await ctx.newUnit({ kind: 'region', level: 'township' });
    const office = await ctx.newUnit({ parent: township });
    const head = await ctx.newPerson({ unit: township, roles: ['unit_head'] });
    const admin = await ctx.as(['admin']);
    const a = await submittedBy(head, office);
    const client = await ctx.login(head);
    expect((await client.get(`/api/v1/tasks/${a.id}`)).json().allowedActions).toContain('verify');
    expect((await admin.patch(`/api/v1/people/${head.id}`, { roles: ['staff'] })).statusCode).toBe(200);
    const refused = await client.post(`/api/v1/tasks/${a.id}/verify`, { version: a.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    // Given the role back, the same person verifies again.
    expect((await admin.patch(`/api/v1/people/${head.id}`, { roles: ['unit_head'] })).statusCode).toBe(200);
    expect((await client.post(`/api/v1/tasks/${a.id}/verify`, { version: a.version })).statusCode).toBe(200);
  });

  it('an overseeing leader who no longer holds the leader role no longer verifies', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const dept = await ctx.newUnit({ parent: county });
    const head = await ctx.newPerson({ unit: county, roles: ['unit_head'] });
    const leader = await ctx.newPerson({ unit: county, roles: ['leader'] });
    const admin = await ctx.as(['admin']);
    const a = await submittedBy(head, dept, leader.id);
    const client = await ctx.login(leader);
    expect((await client.get(`/api/v1/tasks/${a.id}`)).json().allowedActions).toContain('verify');
    expect((await admin.patch(`/api/v1/people/${leader.id}`, { roles: ['staff'] })).statusCode).toBe(200);
    expect((await client.post(`/api/v1/tasks/${a.id}/verify`, { version: a.version })).statusCode).toBe(403);
  });

  it('refuses an overseeing leader who does not lead the lead unit’s region, at create', async () => {
    const county = await ctx.newUnit({ kind: 'region', level: 'county' });
    const otherCounty = await ctx.newUnit({ kind: 'region', level: 'county' });
    const township = await ctx.newUnit({ kind: 'region', level: 'township', parent: county });
    const ownLeader = await ctx.newPerson({ unit: county, roles: ['leader'] });
    const foreignLeader = await ctx.newPerson({ unit: otherCounty, roles: ['leader'] });
    const townshipHead = await ctx.login(await ctx.newPerson({ unit: township, roles: ['unit_head'] }));
    const body = { title: '分管领导范围', level: 'normal', leadUnitId: township.id, deadline: { workdays: 5 } };
    const refused = await townshipHead.post('/api/v1/tasks', { ...body, leaderId: foreignLeader.id });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ field: 'leaderId' });
    // The county's own leader oversees the township: allowed, although above the township head.
    expect((await townshipHead.post('/api/v1/tasks', { ...body, leaderId: ownLeader.id })).statusCode).toBe(201);
  });
});
