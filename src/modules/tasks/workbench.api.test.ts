import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { runEscalationJob } from './jobs.ts';

let ctx: TestContext;
let dept: Unit;
let leader: Client;
let head: Client;
let staff: Client;
let otherHead: Client;
let supervisor: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-09-21T09:00:00+08:00' });
  const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '乙县' });
  dept = await ctx.newUnit({ parent: county, name: '水利局' });
  const otherDept = await ctx.newUnit({ parent: county, name: '林业局' });
  const office = await ctx.newUnit({ parent: county, name: '县委办' });
  leader = await ctx.as(['leader'], office);
  supervisor = await ctx.as(['supervisor'], office);
  head = await ctx.as(['unit_head'], dept);
  staff = await ctx.as(['staff'], dept);
  otherHead = await ctx.as(['unit_head'], otherDept);
});
afterAll(() => ctx.close());

type Group = { kind: string; count: number; items: { id: number; title: string }[] };
const workbench = async (c: Client) => {
  const res = await c.get('/api/v1/tasks/workbench');
  expect(res.statusCode).toBe(200);
  return Object.fromEntries((res.json().groups as Group[]).map((g) => [g.kind, g])) as Record<string, Group>;
};
const counts = async (c: Client) => Object.fromEntries(Object.entries(await workbench(c)).map(([k, g]) => [k, g.count]));

describe('工作台 (workbench)', () => {
  it('groups each person’s to-dos, follows the task through its life, and the ledger filters by the same group', async () => {
    expect(await counts(head)).toEqual({ sign: 0, report: 0, warn: 0, verify: 0, extension: 0 });
    const a = (await ctx.newTask({ by: leader.person, title: '防汛物资清点', level: 'normal', leadUnitId: dept.id, deadline: '2026-10-30' }));
    const b = (await ctx.newTask({ by: leader.person, title: '河长制巡河', level: 'normal', leadUnitId: dept.id, deadline: { workdays: 2 } }));

    // Both wait for the head's signature; the near deadline is yellow for everyone who sees it.
    const hw = await workbench(head);
    expect(hw.sign!.count).toBe(2);
    expect(hw.sign!.items.map((t) => t.id)).toEqual([b.id, a.id]); // most urgent first
    expect(hw.warn!.items.map((t) => t.id)).toEqual([b.id]);
    expect(await counts(otherHead)).toEqual({ sign: 0, report: 0, warn: 0, verify: 0, extension: 0 });
    expect((await counts(supervisor)).warn).toBe(1);
    expect((await counts(staff)).sign).toBe(0);

    // Signed and dispatched: the head and the responsible person both owe reports.
    await head.post(`/api/v1/tasks/${a.id}/sign`, { version: 1 });
    await head.post(`/api/v1/tasks/${a.id}/dispatch`, { version: 2, responsibleId: staff.person.id });
    expect(await counts(head)).toMatchObject({ sign: 1, report: 1 });
    expect(await counts(staff)).toMatchObject({ sign: 0, report: 1 });

    // An extension request and a completion wait on the assigner.
    const ext = (await staff.post(`/api/v1/tasks/${a.id}/extensions`, { version: 3, reason: '汛期延后', newDeadline: '2026-11-13' })).json();
    expect(await counts(leader)).toMatchObject({ extension: 1, verify: 0 });
    await leader.post(`/api/v1/tasks/${a.id}/extensions/${ext.extensionId}/approve`, { version: 4 });
    const summary = { done: '清点完毕', result: '补齐缺口', lessons: '提前备汛' };
    await staff.post(`/api/v1/tasks/${a.id}/submit`, { version: 5, completion: { text: '已完成' }, summary });
    expect(await counts(leader)).toMatchObject({ extension: 0, verify: 1 });
    expect(await counts(staff)).toMatchObject({ report: 0 });

    const ledger = (await leader.get('/api/v1/tasks?todo=verify')).json();
    expect(ledger.items.map((t: { id: number }) => t.id)).toEqual([a.id]);
    const stats = (await head.get('/api/v1/tasks/stats?todo=sign')).json();
    expect(stats.totals.total).toBe(1);
    expect((await leader.get('/api/v1/tasks?todo=nothing')).statusCode).toBe(400);

    // The dashboard trend: a's verification this week, on time; b escalates once it is overdue.
    await leader.post(`/api/v1/tasks/${a.id}/verify`, { version: 6 });
    ctx.clock.set(new Date('2026-09-29T09:00:00+08:00')); // b was due 23 September
    await runEscalationJob(ctx.handle.db, ctx.services.escalation);
    // Eight days on the sessions have timed out: sign in again.
    supervisor = await ctx.login(supervisor.person);
    otherHead = await ctx.login(otherHead.person);
    const trend = (await supervisor.get('/api/v1/tasks/stats/trend?weeks=2')).json().weeks;
    expect(trend).toEqual([
      // Each rung in the week it became due, though one scan on the 29th found both (issue #16):
      // 提醒 at 1 工作日 overdue (Thursday 24th), 催办 at 3 (Monday 28th).
      { week: '2026-09-21', done: 1, onTime: 1, escalations: { remind: 1, urge: 0, supervise: 0, notice: 0, accountability: 0 } },
      { week: '2026-09-28', done: 0, onTime: 0, escalations: { remind: 0, urge: 1, supervise: 0, notice: 0, accountability: 0 } },
    ]);
    expect((await otherHead.get('/api/v1/tasks/stats/trend?weeks=2')).json().weeks.every((w: { done: number }) => w.done === 0)).toBe(true);
    expect((await supervisor.get('/api/v1/tasks/stats/trend?weeks=0')).statusCode).toBe(400);
  });

  it('counts every task of a group but lists only the five most urgent, by deadline then id', async () => {
    const unit = await ctx.newUnit({ parent: dept, name: '水利局防汛科' });
    const unitHead = await ctx.as(['unit_head'], unit);
    leader = await ctx.login(leader.person); // the first test moved the clock past its session
    const deadlines = ['2026-12-20', '2026-12-01', '2026-12-15', '2026-12-01', '2026-12-30', '2026-12-05', '2026-12-10'];
    const made: { id: number; deadline: string }[] = [];
    for (const [i, deadline] of deadlines.entries()) made.push((await ctx.newTask({ by: leader.person, title: `排序 ${i}`, level: 'normal', leadUnitId: unit.id, deadline })));
    const sign = (await workbench(unitHead)).sign!;
    expect(sign.count).toBe(7);
    const expected = [...made].sort((x, y) => (x.deadline < y.deadline ? -1 : x.deadline > y.deadline ? 1 : x.id - y.id)).slice(0, 5);
    expect(sign.items.map((t) => t.id)).toEqual(expected.map((t) => t.id));
  });
});
