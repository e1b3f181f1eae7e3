import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.ts';
import { seedModuleDemos } from '../src/server.ts';
import { verifyAudit } from '../src/platform/audit/audit.ts';
import { createTestContext, type TestContext } from './helpers/context.ts';

let ctx: TestContext;
let made: Record<string, Record<string, number>>;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
});
afterAll(() => ctx.close());

describe('the demo county', () => {
  it('has ~300 people and a realistic spread of supervised work', async () => {
    const people = await seedDemo(ctx.services);
    expect(people.units).toBe(39);
    expect(people.people).toBeGreaterThanOrEqual(280);
    made = await seedModuleDemos(ctx.services);
    const work = made.tasks!;
    expect(work.tasks).toBe(40);
    expect(work.escalations).toBeGreaterThan(0);

    const login = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'duchashi', password: 'mashang-demo' } });
    const cookie = `mashang_sid=${login.cookies[0]!.value}`;
    const stats = (await ctx.inject({ method: 'GET', url: '/api/v1/tasks/stats', headers: { cookie } })).json();
    expect(stats.totals.total).toBe(40);
    for (const light of ['green', 'yellow', 'red', 'done']) expect(stats.totals.byLight[light], light).toBeGreaterThan(0);
    const red = (await ctx.inject({ method: 'GET', url: '/api/v1/tasks?light=red&limit=100', headers: { cookie } })).json().items;
    expect(red.some((t: { escalations: unknown[] }) => t.escalations.length > 0)).toBe(true);
    expect(stats.totals.byStatus.closed).toBeGreaterThan(0);
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('has a year of documents: issued with 文号, over the limit, formulaic, a repeat, explanations past last year’s count', async () => {
    const docs = made.documents!;
    expect(docs.documents).toBeGreaterThanOrEqual(30);
    expect(docs.issued).toBeGreaterThanOrEqual(20);
    for (const k of ['explained', 'overLimit', 'revise', 'repeats'] as const) expect(docs[k], k).toBeGreaterThan(0);
    const login = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'duchashi', password: 'mashang-demo' } });
    const cookie = `mashang_sid=${login.cookies[0]!.value}`;
    const stats = (await ctx.inject({ method: 'GET', url: '/api/v1/documents/stats', headers: { cookie } })).json();
    expect(stats.totals.issuedThisYear).toBeGreaterThan(0);
    expect(stats.totals.issuedLastYear).toBeGreaterThan(0);
    const issued = (await ctx.inject({ method: 'GET', url: '/api/v1/documents?status=issued&limit=100', headers: { cookie } })).json().items;
    expect(issued.every((d: { number: string | null }) => /〔\d{4}〕\d+号$/.test(d.number ?? ''))).toBe(true);
  });

  it('is deterministic: a second database gets the same people and the same work', async () => {
    const other = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
    try {
      await seedDemo(other.services);
      await seedModuleDemos(other.services);
      const snapshot = async (c: TestContext) => ({
        people: await c.handle.db.selectFrom('person').select(['login', 'name', 'rank', 'roles']).orderBy('id').execute(),
        tasks: await c.handle.db.selectFrom('task').select(['title', 'status', 'deadline', 'leadUnitId', 'escalationRung']).orderBy('id').execute(),
        documents: await c.handle.db.selectFrom('document').select(['title', 'body', 'status', 'verdict', 'number', 'unitId', 'explanation']).orderBy('id').execute(),
      });
      expect(await snapshot(other)).toEqual(await snapshot(ctx));
    } finally {
      await other.close();
    }
  });
});
