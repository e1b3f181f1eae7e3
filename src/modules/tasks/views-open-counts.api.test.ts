import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { lightDatesFor } from './rules.ts';
import { lightSql, TaskViewStore, type LightDates, type TaskFilter } from './views-store.ts';
import { rng } from '../../demo/rng.ts';

// Issue 21: statistics and the workbench count unfinished tasks from task_open_count (by county,
// lead unit, status and light as of task_light_asof's dates), kept by a trigger on task and
// recounted by the light-counters job when the day turns. Every answer must be the live count's.

const TODAY = '2026-10-14'; // a Wednesday
let ctx: TestContext;
let county: Unit;
let county2: Unit;
let depts: Unit[];
let town: Unit;
let townOffice: Unit;
let leader: Client;
let supervisor: Client;
let deptHead: Client;
let countyHead: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: `${TODAY}T09:00:00+08:00` });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '丙县' });
  county2 = await ctx.newUnit({ kind: 'region', level: 'county', name: '丁县' });
  depts = [await ctx.newUnit({ parent: county, name: '水利局' }), await ctx.newUnit({ parent: county, name: '林业局' }), await ctx.newUnit({ parent: county2, name: '交通局' })];
  town = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '甲镇' });
  townOffice = await ctx.newUnit({ parent: town, name: '镇农办' });
  const office = await ctx.newUnit({ parent: county, name: '县委办' });
  leader = await ctx.as(['leader'], office);
  supervisor = await ctx.as(['supervisor'], office);
  deptHead = await ctx.as(['unit_head'], depts[0]);
  countyHead = await ctx.as(['unit_head'], county);
});
afterAll(() => ctx.close());

const db = () => ctx.handle.db;
const dayOf = () => ctx.clock.now().toISOString().slice(0, 10);

/** The counters summed over their shards, against a live count of the tasks with the light as of the counters' dates. */
async function countersAgainstTruth() {
  const asof = (await sql<{ today: string | null; yb: string | null }>`select to_char(today, 'YYYY-MM-DD') as today, to_char(yellow_before, 'YYYY-MM-DD') as yb from task_light_asof`.execute(db())).rows[0]!;
  expect(asof.today).not.toBeNull();
  const d: LightDates = { today: asof.today!, yellowBefore: asof.yb! };
  const counted = (
    await sql<{ k: string }>`select county_id || '/' || lead_unit_id || '/' || status || '/' || light || '=' || sum(n) as k from task_open_count
      group by county_id, lead_unit_id, status, light having sum(n) <> 0 order by 1`.execute(db())
  ).rows.map((r) => r.k);
  const truth = (
    await sql<{ k: string }>`select c || '/' || u || '/' || s || '/' || l || '=' || count(*) as k
      from (select coalesce(t.county_id, 0) as c, t.lead_unit_id as u, t.status as s, ${lightSql(d)} as l
        from task t where t.status not in ('verified', 'closed', 'withdrawn')) x group by c, u, s, l order by 1`.execute(db())
  ).rows.map((r) => r.k);
  expect(counted).toEqual(truth);
  return counted.length;
}

/** Statistics with counters and without, and each workbench group against the ledger's todo filter (live), for several viewers. */
async function answersAgainstLive(label: string) {
  const store = new TaskViewStore();
  const d = lightDatesFor(dayOf(), await ctx.services.calendar.get(), await ctx.services.policy.forUnitPath(county.path));
  const sorted = (rows: { leadUnitId: number; status: string; light: string; n: unknown }[]) => rows.map((r) => `${r.leadUnitId}/${r.status}/${r.light}/${Number(r.n)}`).sort();
  let compared = 0;
  for (const c of [supervisor, leader, deptHead, countyHead]) {
    const actor = await ctx.actorOf(c.person);
    for (const unitPath of [undefined, county.path, county2.path, depts[0]!.path, town.path]) {
      const f: TaskFilter = { scope: scopeOf(actor), viewerId: actor.personId, ...(unitPath ? { unitPath } : {}) };
      const resolved = await store.resolve(db(), f);
      const fast = sorted(await store.statsQuery(db(), resolved, d).execute());
      const full = sorted(await store.statsQuery(db(), resolved, d, { counters: false }).execute());
      expect(fast, `${label}: stats of ${actor.personId} ${unitPath}`).toEqual(full);
      compared += full.length;
    }
    const me = await ctx.login(c.person);
    const groups = (await me.get('/api/v1/tasks/workbench')).json().groups as { kind: string; count: number; items: { id: number }[] }[];
    for (const g of groups) {
      const ledger = (await me.get(`/api/v1/tasks?todo=${g.kind}&limit=500&sort=deadline`)).json().items as { id: number }[];
      const ids = ledger.map((t) => t.id);
      expect(g.count, `${label}: ${g.kind} of ${actor.personId}`).toBe(ids.length);
      expect(g.items.map((t) => t.id), `${label}: ${g.kind} items of ${actor.personId}`).toEqual(ids.slice(0, 5));
    }
  }
  expect(compared).toBeGreaterThan(20);
}

describe('open-task counters by light', () => {
  it('count as the live queries do, at every light’s edge, as the day turns, through writes, moves and a stale date', { timeout: 300_000 }, async () => {
    const random = rng(33);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const near = (n: number) => addDays(TODAY, n);
    const dates = [-3, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 40].map(near);
    const maybe = [null, ...[-2, -1, 0, 1, 2].map(near)];
    const units = [...depts, town, townOffice, county];
    const staffs = await Promise.all(units.map((u) => ctx.newPerson({ unit: u, roles: ['staff'] })));
    const statuses = ['assigned', 'signed', 'in_progress', 'submitted', 'returned', 'verified', 'withdrawn'] as const;
    const ids: number[] = [];
    const scramble = async (id: number, i: number) => {
      const status = statuses[i % statuses.length]!;
      const deadline = pick(dates);
      await sql`update task set lead_unit_id = ${pick(units).id}, status = ${status}, deadline = ${deadline}::date, sign_due = ${pick(dates)}::date,
          plan_due = ${pick(maybe)}::date, plan_at = ${random() < 0.5 ? null : new Date(`${TODAY}T08:00:00+08:00`)},
          next_report_due = ${pick(maybe)}::date, next_milestone_due = ${pick(maybe)}::date,
          responsible_id = ${random() < 0.4 ? pick(staffs).id : random() < 0.2 ? supervisor.person.id : null},
          co_unit_ids = ${random() < 0.2 ? [pick(units).id] : []}::int[], pending_extension = ${random() < 0.1},
          submitted_on = ${status === 'submitted' ? pick([addDays(deadline, -1), deadline, addDays(deadline, 1), near(-3), near(-1)].filter((x) => x <= near(-1))) : null}::date
        where id = ${id}`.execute(db());
    };
    // Counters from the start: the first recount, then every task written under them.
    expect(await ctx.services.taskViews.refreshOpenCounts()).not.toBeNull();
    expect(await ctx.services.taskViews.refreshOpenCounts()).toBeNull();
    for (let i = 0; i < 120; i++) {
      const t = await ctx.newTask({ by: leader.person, title: `计 ${i}`, leadUnitId: depts[0]!.id, deadline: '2026-12-31' });
      ids.push(t.id);
      await scramble(t.id, i);
    }
    expect(await countersAgainstTruth()).toBeGreaterThan(20);
    await answersAgainstLive('written');

    // The day turns: until the recount, reads count live; after it, the counters hold the new lights.
    for (const day of [1, 5].map(near)) {
      ctx.clock.set(new Date(`${day}T09:00:00+08:00`));
      await answersAgainstLive(`${day}, before the recount`);
      const recounted = await ctx.services.taskViews.refreshOpenCounts();
      expect(recounted).toEqual(lightDatesFor(day, await ctx.services.calendar.get(), await ctx.services.policy.forUnitPath(county.path)));
      await countersAgainstTruth();
      await answersAgainstLive(`${day}, recounted`);
      // Writes under the new dates: some tasks scrambled again, one led elsewhere, one deleted.
      for (let i = 0; i < 15; i++) await scramble(pick(ids), Math.floor(random() * 100));
      await sql`update task set lead_unit_id = ${pick(units).id} where id = ${pick(ids)}`.execute(db());
      await countersAgainstTruth();
      await answersAgainstLive(`${day}, written`);
    }

    // A township moved to another county takes its tasks' counters with it, and back.
    const admin = await ctx.as(['admin'], county);
    expect((await admin.patch(`/api/v1/units/${town.id}`, { parentId: county2.id })).statusCode).toBe(200);
    await countersAgainstTruth();
    await answersAgainstLive('moved');
    expect((await admin.patch(`/api/v1/units/${town.id}`, { parentId: county.id })).statusCode).toBe(200);
    await countersAgainstTruth();

    // Writes from several connections at once (on PostgreSQL: other backends, other shards), and
    // the day turning in their midst: the recount waits for the writes whose counters it replaces,
    // the writes after it move their tasks from the new dates' lights.
    ctx.clock.set(new Date(`${near(6)}T09:00:00+08:00`));
    await Promise.all([
      ...ids.slice(0, 10).map((id, i) => scramble(id, i)),
      ctx.services.taskViews.refreshOpenCounts(),
      ...ids.slice(10, 20).map((id, i) => scramble(id, i + 3)),
    ]);
    await countersAgainstTruth();
    await answersAgainstLive('concurrent');

    // Counters as of another yellow window (a calendar change): reads count live until recounted.
    await sql`update task_light_asof set yellow_before = yellow_before + 1`.execute(db());
    await answersAgainstLive('stale window');
    expect(await ctx.services.taskViews.refreshOpenCounts()).not.toBeNull();
    await countersAgainstTruth();
    ctx.clock.set(new Date(`${TODAY}T09:00:00+08:00`));
  });

  it('serve the counts from the counters only when their dates are the reader’s', async () => {
    const store = new TaskViewStore();
    const actor = await ctx.actorOf(supervisor.person);
    const f = await store.resolve(db(), { scope: scopeOf(actor), viewerId: actor.personId, unitPath: county.path });
    const text = store.statsQuery(db(), f, { today: TODAY, yellowBefore: addDays(TODAY, 6) }).compile().sql;
    expect(text).toContain('task_open_count');
    expect(text).toContain('task_light_asof');
    const wb = store.workbenchQuery({ ...f, todo: 'sign', headIds: [county.id], headCountyId: county.id }, { today: TODAY, yellowBefore: addDays(TODAY, 6) }, 5).compile(db()).sql;
    expect(wb).toContain('task_open_count');
  });
});
