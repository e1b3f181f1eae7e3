import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { TaskViewStore, WARN_FROM, type LightDates, type TaskFilter } from './views-store.ts';
import { rng } from '../../demo/rng.ts';

// Issue 21: yellow and "red or yellow" as index ranges (WARN_FROM, task_unfinished_warn_idx), and
// statistics that take the finished tasks from task_done_count (kept by triggers on task).

const TODAY = '2026-10-14'; // a Wednesday
let ctx: TestContext;
let county: Unit;
let depts: Unit[];
let town: Unit;
let townOffice: Unit;
let leader: Client;
let supervisor: Client;
let deptHead: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: `${TODAY}T09:00:00+08:00` });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '丙县' });
  depts = [await ctx.newUnit({ parent: county, name: '水利局' }), await ctx.newUnit({ parent: county, name: '林业局' }), await ctx.newUnit({ parent: county, name: '交通局' })];
  town = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '甲镇' });
  townOffice = await ctx.newUnit({ parent: town, name: '镇农办' });
  const office = await ctx.newUnit({ parent: county, name: '县委办' });
  leader = await ctx.as(['leader'], office);
  supervisor = await ctx.as(['supervisor'], office);
  deptHead = await ctx.as(['unit_head'], depts[0]);
});
afterAll(() => ctx.close());

const db = () => ctx.handle.db;
const counters = async () =>
  (await sql<{ k: string }>`select lead_unit_id || '/' || status || '=' || n as k from task_done_count where n > 0 order by 1`.execute(db())).rows.map((r) => r.k);
const truth = async () =>
  (await sql<{ k: string }>`select lead_unit_id || '/' || status || '=' || count(*) as k from task where status in ('verified', 'closed') group by lead_unit_id, status order by 1`.execute(db())).rows.map((r) => r.k);

describe('yellow and red-or-yellow as index ranges', () => {
  it('filter by light and by the workbench warn group exactly as rules.lightOf computes the light, at every due’s edge', async () => {
    const random = rng(21);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const near = (n: number) => addDays(TODAY, n);
    const dates = [-3, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 40].map(near);
    const maybe = [null, ...[-2, -1, 0, 1, 2].map(near)];
    const statuses = ['assigned', 'signed', 'in_progress', 'submitted', 'returned', 'verified', 'closed'] as const;
    // A submission day is never after the earliest day the test looks from (the clock's day - 1).
    for (let i = 0; i < 140; i++) {
      const t = await ctx.newTask({ by: leader.person, title: `灯 ${i}`, leadUnitId: pick(depts).id, deadline: '2026-12-31' });
      const status = statuses[i % statuses.length]!;
      const deadline = pick(dates);
      await sql`update task set status = ${status}, deadline = ${deadline}::date, sign_due = ${pick(dates)}::date,
          plan_due = ${pick(maybe)}::date, plan_at = ${random() < 0.5 ? null : new Date(`${TODAY}T08:00:00+08:00`)},
          next_report_due = ${pick(maybe)}::date, next_milestone_due = ${pick(maybe)}::date,
          submitted_on = ${status === 'submitted' ? pick([addDays(deadline, -1), deadline, addDays(deadline, 1), near(-3), near(-1)].filter((x) => x <= near(-1))) : null}::date
        where id = ${t.id}`.execute(db());
    }
    for (const day of [-1, 0, 1, 3].map(near)) {
      ctx.clock.set(new Date(`${day}T09:00:00+08:00`));
      const c = await ctx.login(supervisor.person);
      const all = (await c.get(`/api/v1/tasks?limit=500&unitId=${county.id}`)).json().items as { id: number; light: string }[];
      expect(all.length).toBe(140);
      const ids = async (q: string) => ((await c.get(`/api/v1/tasks?limit=500&unitId=${county.id}&${q}`)).json().items as { id: number }[]).map((t) => t.id).sort();
      const want = (lights: string[]) => all.filter((t) => lights.includes(t.light)).map((t) => t.id).sort();
      for (const light of ['green', 'yellow', 'red', 'done']) expect(await ids(`light=${light}`), `${light} on ${day}`).toEqual(want([light]));
      expect(want(['yellow']).length).toBeGreaterThan(5);
      // The workbench's warn group, as the ledger filters by it and as the workbench counts it.
      expect(await ids('todo=warn'), `warn on ${day}`).toEqual(want(['yellow', 'red']));
      const groups = (await c.get('/api/v1/tasks/workbench')).json().groups as { kind: string; count: number }[];
      expect(groups.find((g) => g.kind === 'warn')!.count).toBe(want(['yellow', 'red']).length);
    }
    ctx.clock.set(new Date(`${TODAY}T09:00:00+08:00`));
    await sql`update task set status = 'withdrawn' where title like '灯 %'`.execute(db());
  });

  it('states the warn date exactly as the expression index does, so the planner can read the index', async () => {
    const plan = await db()
      .transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const r = await sql<{ 'QUERY PLAN': string }>`explain select t.id from task t where t.status not in ('verified', 'closed', 'withdrawn') and ${WARN_FROM} < ${TODAY}::date`.execute(trx);
        return r.rows.map((x) => x['QUERY PLAN']).join('\n');
      });
    expect(plan).toContain('task_unfinished_warn_idx');
  });
});

describe('statistics from per-unit counters of finished tasks', () => {
  it('answer exactly as the full count does, for viewers with links beyond their scope and unit filters', async () => {
    const random = rng(7);
    const units = [...depts, town, townOffice];
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const staffs = await Promise.all(units.map((u) => ctx.newPerson({ unit: u, roles: ['staff'] })));
    const statuses = ['assigned', 'signed', 'in_progress', 'submitted', 'returned', 'verified', 'closed', 'withdrawn'] as const;
    for (let i = 0; i < 120; i++) {
      const lead = pick(units);
      const t = await ctx.newTask({ by: leader.person, title: `统计 ${i}`, leadUnitId: lead.id, deadline: addDays(TODAY, Math.floor(random() * 30) - 10 > 0 ? 20 : 5) });
      const coUnits = random() < 0.3 ? [pick(units).id].filter((u) => u !== lead.id) : [];
      const deadline = addDays(TODAY, Math.floor(random() * 30) - 10);
      await sql`update task set status = ${statuses[i % statuses.length]!}, deadline = ${deadline}::date, co_unit_ids = ${coUnits}::int[],
          responsible_id = ${random() < 0.4 ? pick(staffs).id : null}, leader_id = ${random() < 0.2 ? pick(staffs).id : null},
          assigner_id = ${random() < 0.15 ? pick(staffs).id : leader.person.id}
        where id = ${t.id}`.execute(db());
      if (random() < 0.1) {
        await sql`insert into task_milestone (task_id, title, due, owner_id, created_at) values (${t.id}, '节点', ${addDays(TODAY, 3)}::date, ${pick(staffs).id}, now())`.execute(db());
      }
    }
    expect(await counters()).toEqual(await truth());

    const store = new TaskViewStore();
    const dates: LightDates = { today: TODAY, yellowBefore: addDays(TODAY, 5) };
    const sorted = (rows: { leadUnitId: number; status: string; light: string; n: unknown; unitName: string }[]) =>
      rows.map((r) => `${r.leadUnitId}/${r.status}/${r.light}/${Number(r.n)}/${r.unitName}`).sort();
    const viewers = [
      ...(await Promise.all(staffs.map((p) => ctx.actorOf(p)))),
      await ctx.actorOf(deptHead.person),
      await ctx.actorOf(supervisor.person),
      await ctx.actorOf(leader.person),
    ];
    let compared = 0;
    for (const actor of viewers) {
      for (const unitPath of [undefined, county.path, depts[0]!.path, town.path, townOffice.path]) {
        const f: TaskFilter = { scope: scopeOf(actor), viewerId: actor.personId, ...(unitPath ? { unitPath } : {}) };
        const resolved = await store.resolve(db(), f);
        const fast = sorted(await store.statsQuery(db(), resolved, dates).execute());
        const full = sorted(await store.statsQuery(db(), resolved, dates, { counters: false }).execute());
        expect(fast, `${actor.personId} ${unitPath}`).toEqual(full);
        compared += full.length;
      }
    }
    expect(compared).toBeGreaterThan(100);
    // Another filter: the full count, as before.
    const f = await store.resolve(db(), { scope: scopeOf(viewers[0]!), viewerId: viewers[0]!.personId, level: 'normal' });
    expect(store.statsQuery(db(), f, dates).compile().sql).not.toContain('task_done_count');
  });

  it('follow every change into and out of a finished status, a move to another unit and a delete', async () => {
    const staff = await ctx.as(['staff'], depts[1]);
    const head = await ctx.as(['unit_head'], depts[1]);
    const t = await ctx.newTask({ by: leader.person, title: '计数', leadUnitId: depts[1]!.id, deadline: addDays(TODAY, 20) });
    expect((await head.post(`/api/v1/tasks/${t.id}/sign`, { version: 1 })).statusCode).toBe(200);
    expect((await head.post(`/api/v1/tasks/${t.id}/dispatch`, { version: 2, responsibleId: staff.person.id })).statusCode).toBe(200);
    const summary = { done: '完成', result: '达标', lessons: '无' };
    expect((await staff.post(`/api/v1/tasks/${t.id}/submit`, { version: 3, completion: { text: '已完成' }, summary })).statusCode).toBe(200);
    const before = await counters();
    expect((await leader.post(`/api/v1/tasks/${t.id}/verify`, { version: 4 })).statusCode).toBe(200);
    expect(await counters()).toEqual(await truth());
    expect(await counters()).not.toEqual(before);
    expect((await leader.post(`/api/v1/tasks/${t.id}/close`, { version: 5 })).statusCode).toBe(200);
    expect(await counters()).toEqual(await truth());
    // Moved to another unit, back out of finished, finished again, deleted (no route does these: any writer is counted).
    await sql`update task set lead_unit_id = ${depts[2]!.id} where id = ${t.id}`.execute(db());
    expect(await counters()).toEqual(await truth());
    await sql`update task set status = 'in_progress' where id = ${t.id}`.execute(db());
    expect(await counters()).toEqual(await truth());
    await sql`update task set status = 'verified', lead_unit_id = ${depts[0]!.id} where id = ${t.id}`.execute(db());
    expect(await counters()).toEqual(await truth());
    await sql`update task set title = '计数（改）', progress_percent = 100 where id = ${t.id}`.execute(db());
    expect(await counters()).toEqual(await truth());
    await sql`delete from task_event where task_id = ${t.id}`.execute(db());
    await sql`delete from task where id = ${t.id}`.execute(db());
    expect((await sql<{ n: number }>`select count(*)::int as n from task where id = ${t.id}`.execute(db())).rows[0]!.n).toBe(0);
    expect(await counters()).toEqual(await truth());
    // A withdrawn task never counts.
    const w = await ctx.newTask({ by: leader.person, title: '撤回', leadUnitId: depts[1]!.id, deadline: addDays(TODAY, 20) });
    expect((await leader.post(`/api/v1/tasks/${w.id}/withdraw`, { version: 1, reason: '重复交办' })).statusCode).toBe(200);
    expect(await counters()).toEqual(await truth());
  });
});
