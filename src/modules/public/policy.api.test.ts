import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { canSeeRequest } from './policy.ts';

/** The list's SQL (RequestStore.visible) and policy.canSeeRequest decide alike, for every role × request. */
let ctx: TestContext;
let county: Unit;
const units: Unit[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '一致县' });
  const town = await ctx.newUnit({ parent: county, kind: 'region', name: '一致镇' });
  units.push(county, town, await ctx.newUnit({ parent: county, name: '一致局' }), await ctx.newUnit({ parent: town, name: '镇所' }));
  units.push(await ctx.newUnit({ kind: 'region', level: 'county', name: '他县' }));
});
afterAll(() => ctx.close());

describe('request visibility: SQL equals canSeeRequest', () => {
  it('lists exactly the requests the policy lets each person see', { timeout: 120_000 }, async () => {
    const god = await ctx.as(['admin'], county);
    const ids: number[] = [];
    let n = 0;
    for (const region of [units[0]!, units[1]!, units[4]!]) {
      for (const target of [null, ...units.filter((u) => u.path.startsWith(region.path))]) {
        const res = await ctx.inject({ method: 'POST', url: '/api/v1/public/requests', payload: { type: 'help', category: 'other', description: `一致性检查第${++n}件诉求`, jurisdictionId: region.id } });
        const code = res.json<{ code: string }>().code;
        const id = (await ctx.handle.db.selectFrom('citizenRequest').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
        if (target) expect((await god.post(`/api/v1/citizen-requests/${id}/assign`, { version: 1, unitId: target.id })).statusCode).toBe(200);
        ids.push(id);
      }
    }
    let checked = 0;
    for (const unit of units) {
      for (const roles of [['admin'], ['supervisor'], ['leader'], ['unit_head'], ['staff']] as Role[][]) {
        const p = await ctx.newPerson({ unit, roles });
        const actor = await ctx.actorOf(p);
        const listed = new Set((await ctx.services.publicRequests.list(actor, {}, { limit: 500 })).map((r) => r.id));
        for (const id of ids) {
          const r = (await ctx.handle.db
            .selectFrom('citizenRequest as q')
            .innerJoin('unit as ru', 'ru.id', 'q.regionId')
            .leftJoin('unit as au', 'au.id', 'q.unitId')
            .select(['ru.path as regionPath', 'au.path as unitPath'])
            .where('q.id', '=', id)
            .executeTakeFirstOrThrow());
          expect(listed.has(id), `${roles.join()} in ${unit.name} sees request ${id}`).toBe(canSeeRequest(actor, r));
          checked += 1;
        }
      }
    }
    // 10 requests (3 unassigned, 7 assigned over two regions and another county) × 5 units × 5 roles.
    expect(ids).toHaveLength(10);
    expect(checked).toBe(units.length * 5 * ids.length);
  });
});
