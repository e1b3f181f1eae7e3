import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import type { Role } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { rng } from '../../demo/rng.ts';
import { canSeeDocument } from './policy.ts';

/**
 * Who may see a document is decided twice: by policy.canSeeDocument for one document (its page,
 * every action) and by SQL for lists and statistics (DocumentStore.visible from policy.documentSight).
 * On generated documents — issuing units and authors all over a small county — every viewer's
 * list must hold exactly the documents canSeeDocument lets them open.
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
});
afterAll(() => ctx.close());

describe('document visibility: policy and SQL agree', () => {
  it('on 30 generated documents, for viewers of every role in every place', async () => {
    const random = rng(1717);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '观县' });
    const t1 = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '甲镇' });
    const t2 = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '乙镇' });
    const units: Unit[] = [county, t1, t2, await ctx.newUnit({ parent: county, name: '观局' }), await ctx.newUnit({ parent: t1, name: '甲镇办' }), await ctx.newUnit({ parent: t2, name: '乙镇办' })];
    const roles: Role[][] = [['staff'], ['unit_head'], ['leader'], ['supervisor']];
    const people: { id: number; login: string; unit: Unit }[] = [];
    for (const u of units) for (const r of roles) people.push(await ctx.newPerson({ unit: u, roles: r }));
    const admin = await ctx.newPerson({ unit: county, roles: ['admin'] });

    const made: number[] = [];
    for (let i = 0; i < 30; i++) {
      // Authors draft for their own unit (the rule); some documents by the admin anywhere.
      const author = random() < 0.3 ? { ...admin, unit: pick(units) } : pick(people);
      const actor = await ctx.actorOf(author);
      const d = await ctx.services.documents.create(ctx.system(), actor, { title: `观 ${i}`, unitId: author.unit.id, kind: 'brief', body: '县交通局12月完成。' });
      made.push(d.id);
    }

    let compared = 0;
    for (const viewer of [...people, { ...admin, unit: county }]) {
      const actor = await ctx.actorOf(viewer);
      const listed = new Set((await ctx.services.documents.list(actor, { q: '观' }, { limit: 500 })).map((d) => d.id));
      for (const id of made) {
        const row = (await ctx.handle.db.selectFrom('document as d').innerJoin('unit as u', 'u.id', 'd.unitId').select(['u.path as unitPath', 'd.authorId', 'd.status']).where('d.id', '=', id).executeTakeFirstOrThrow());
        const allowed = canSeeDocument(actor, row);
        expect(listed.has(id), `viewer ${viewer.login} (${actor.roles.join()}) at ${viewer.unit.name}, document ${id}`).toBe(allowed);
        const opened = await ctx.services.documents.get(actor, id).then(
          () => true,
          (e: unknown) => {
            if ((e as { status?: number }).status === 403) return false;
            throw e;
          },
        );
        expect(opened).toBe(allowed);
        compared += 1;
      }
    }
    expect(compared).toBe(25 * 30);
  });
});
