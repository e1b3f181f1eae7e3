import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import type { Role } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { rng } from '../../demo/rng.ts';
import { canOversee, canSeeTask } from './policy.ts';

/**
 * Who may see a task is decided twice: by policy.canSeeTask for one task (the task page, every
 * action) and by SQL for lists (the ledger, statistics, exports). On generated tasks — lead
 * units, co-units, assigners, responsible people, leaders and milestone owners all over a small
 * county — every viewer's ledger must hold exactly the tasks canSeeTask lets them open.
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
});
afterAll(() => ctx.close());

describe('task visibility: policy and SQL agree', () => {
  it('on 40 generated tasks, for viewers of every role in every place', async () => {
    const random = rng(1412);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '见县' });
    const t1 = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '甲镇' });
    const t2 = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '乙镇' });
    const units: Unit[] = [county, t1, t2, await ctx.newUnit({ parent: county, name: '见局' }), await ctx.newUnit({ parent: t1, name: '甲镇办' }), await ctx.newUnit({ parent: t2, name: '乙镇办' })];
    const roles: Role[][] = [['staff'], ['unit_head'], ['leader'], ['supervisor'], ['staff'], ['unit_head']];
    const people: { id: number; login: string; unit: Unit }[] = [];
    for (const u of units) for (const r of roles.slice(0, 4)) people.push(await ctx.newPerson({ unit: u, roles: r }));
    const admin = await ctx.newPerson({ unit: county, roles: ['admin'] });
    const inUnder = (p: { unit: Unit }, u: Unit) => p.unit.path.startsWith(u.path);

    const made: number[] = [];
    for (let i = 0; i < 40; i++) {
      const lead = pick(units);
      const staffThere = people.filter((p) => inUnder(p, lead));
      const leaders = people.filter((p) => p.unit.path.startsWith(county.path));
      // An overseeing leader must lead a region that covers the lead unit.
      const leaderIds = (await ctx.services.org.peopleWithScope(leaders.map((p) => p.id))).filter((p) => canOversee(p, lead.path)).map((p) => p.id);
      const t = await ctx.newTask({
        by: admin,
        leadUnit: lead,
        title: `见 ${i}`,
        coUnitIds: random() < 0.4 ? [pick(units).id] : [],
        ...(random() < 0.5 && staffThere.length ? { responsibleId: pick(staffThere).id } : {}),
        ...(random() < 0.4 && leaderIds.length ? { leaderId: pick(leaderIds) } : {}),
        ...(random() < 0.4 && staffThere.length ? { milestones: [{ title: '节点', due: '2026-12-05', ownerId: pick(staffThere).id }] } : {}),
      });
      made.push(t.id);
    }

    let compared = 0;
    for (const viewer of [...people, { ...admin, unit: county }]) {
      const actor = await ctx.actorOf(viewer);
      const listed = new Set((await ctx.services.taskViews.list(actor, { q: '见' }, { sort: 'newest', limit: 500 })).items.map((i) => i.task.id));
      for (const id of made) {
        const task = (await ctx.services.tasks.state(id))!.task;
        const coUnitPaths = (await ctx.services.org.unitsByIds(task.coUnitIds)).map((u) => u.path);
        const owns = (await ctx.handle.db.selectFrom('taskMilestone').select('id').where('taskId', '=', id).where('ownerId', '=', viewer.id).execute()).length > 0;
        const allowed = canSeeTask(actor, task, { coUnitPaths, ownsMilestone: owns });
        expect(listed.has(id), `viewer ${viewer.login} (${actor.roles.join()}) at ${viewer.unit.name}, task ${task.title}`).toBe(allowed);
        const opened = await ctx.services.tasks.get(actor, id).then(
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
    expect(compared).toBe(25 * 40);
  });
});
