import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import type { Role } from '../../platform/auth/actor.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { rng } from '../../demo/rng.ts';
import { canApprove, canManage, canPlan, canSeeMeeting } from './policy.ts';

/**
 * Who may see a meeting is decided twice: by policy.canSeeMeeting for one meeting (its page,
 * every action) and by SQL for the list (MeetingStore.visible). On generated meetings —
 * organisers, attending units and planners all over a small county — every viewer's list must
 * hold exactly the meetings canSeeMeeting lets them open.
 */
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
});
afterAll(() => ctx.close());

describe('meeting visibility: policy and SQL agree', () => {
  it('on 30 generated meetings, for viewers of every role in every place', async () => {
    const random = rng(1713);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '见会县' });
    const t1 = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '甲镇' });
    const t2 = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '乙镇' });
    const units: Unit[] = [county, t1, t2, await ctx.newUnit({ parent: county, name: '见局' }), await ctx.newUnit({ parent: t1, name: '甲镇办' }), await ctx.newUnit({ parent: t2, name: '乙镇办' })];
    const roles: Role[][] = [['staff'], ['unit_head'], ['leader'], ['supervisor']];
    const people: { id: number; login: string; unit: Unit }[] = [];
    for (const u of units) for (const r of roles) people.push(await ctx.newPerson({ unit: u, roles: r }));
    const admin = await ctx.newPerson({ unit: county, roles: ['admin'] });
    const planners = people.filter((_, i) => i % 4 !== 0);

    const made: number[] = [];
    let tries = 0;
    while (made.length < 30 && tries++ < 200) {
      const planner = pick(planners);
      const actor = await ctx.actorOf(planner);
      const organizer = pick(units.filter((u) => canPlan(actor, u.path)));
      // Attending units from the organiser's region (the county's units for a county organiser).
      const region = organizer.path.startsWith(t1.path) ? t1 : organizer.path.startsWith(t2.path) ? t2 : county;
      const candidates = units.filter((u) => u.path.startsWith(region.path));
      const attending = [...new Set([pick(candidates), ...(random() < 0.5 ? [pick(candidates)] : [])].map((u) => u.id))];
      const startsAt = new Date(Date.UTC(2026, 0, 5 + made.length * 7, 1));
      const m = await ctx.services.meetings.create(ctx.system(), actor, {
        title: `见会 ${made.length} ${String.fromCharCode(0x4e00 + made.length * 97)}`,
        kind: 'topic',
        scope: 'internal',
        organizerUnitId: organizer.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
        attendingUnitIds: attending,
        headcount: 10,
        agenda: [{ role: 'main', minutes: 20, speaker: '甲' }],
      });
      made.push(m.id);
    }
    expect(made).toHaveLength(30);

    let compared = 0;
    for (const viewer of [...people, { ...admin, unit: county }]) {
      const actor = await ctx.actorOf(viewer);
      const listed = new Set((await ctx.services.meetings.list(actor, { q: '见会' }, { limit: 500 })).map((m) => m.id));
      for (const id of made) {
        const m = (await ctx.handle.db.selectFrom('meeting as m').innerJoin('unit as u', 'u.id', 'm.organizerUnitId').select(['m.organizerUnitId', 'm.plannedBy', 'u.path']).where('m.id', '=', id).executeTakeFirstOrThrow());
        const attendingPaths = (await ctx.handle.db.selectFrom('meetingAttendee as a').innerJoin('unit as u', 'u.id', 'a.unitId').select('u.path').where('a.meetingId', '=', id).execute()).map((r) => r.path);
        const sight = { organizerUnitId: m.organizerUnitId, organizerPath: m.path, attendingPaths, plannedBy: m.plannedBy };
        const allowed = canSeeMeeting(actor, sight);
        expect(listed.has(id), `viewer ${viewer.login} (${actor.roles.join()}) at ${viewer.unit.name}, meeting ${id}`).toBe(allowed);
        const opened = await ctx.services.meetings.get(actor, id).then(
          () => true,
          (e: unknown) => {
            if ((e as { status?: number }).status === 403) return false;
            throw e;
          },
        );
        expect(opened).toBe(allowed);
        // Whoever may manage or approve a meeting also sees it.
        if (canManage(actor, sight) || canApprove(actor, sight)) expect(allowed).toBe(true);
        compared += 1;
      }
    }
    expect(compared).toBe(25 * 30);
  });
});
