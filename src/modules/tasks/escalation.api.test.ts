import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { runEscalationJob } from './jobs.ts';

/**
 * A task due on Wednesday 30 September 2026, the last working day before the National Day
 * break (1–7 October off; Saturday 10 October is a makeup working day). Overdue 工作日 count
 * from 8 October: 8th → 1 (提醒), 9th → 2, Sat 10th → 3 (催办), 12th → 4, 13th → 5 (督办),
 * 20th → 10 (通报), 3 November → 20 (问责建议).
 */
let ctx: TestContext;
let county: Unit;
let dept: Unit;
let leader: Client;
let taskId: number;
let headId: number;
let staffId: number;
let supervisorId: number;

const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const scan = async () => {
  const r = await runEscalationJob(ctx.handle.db, ctx.services.escalation);
  if (!r.ran) throw new Error('scan did not run');
  return r.result;
};
/** The task page; the ledger row and any workbench row show the same light and escalations. */
const view = async () => {
  const c = await ctx.login(leader.person);
  const detail = (await c.get(`/api/v1/tasks/${taskId}`)).json();
  const row = (await c.get('/api/v1/tasks?limit=100')).json().items.find((t: { id: number }) => t.id === taskId);
  expect(row).toMatchObject({ light: detail.light, escalations: detail.escalations });
  const groups = (await c.get('/api/v1/tasks/workbench')).json().groups as { items: { id: number }[] }[];
  for (const item of groups.flatMap((g) => g.items).filter((t) => t.id === taskId)) expect(item).toMatchObject({ light: detail.light, escalations: detail.escalations });
  return detail;
};

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-09-28T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county' });
  dept = await ctx.newUnit({ parent: county, name: '应急局' });
  const office = await ctx.newUnit({ parent: county, name: '督查室' });
  leader = await ctx.as(['leader'], office);
  supervisorId = (await ctx.newPerson({ unit: office, roles: ['supervisor'] })).id;
  headId = (await ctx.newPerson({ unit: dept, roles: ['unit_head'] })).id;
  staffId = (await ctx.newPerson({ unit: dept, roles: ['staff'] })).id;
  taskId = (await ctx.newTask({ by: leader.person, title: '节前安全生产大检查', level: 'key', leadUnitId: dept.id, responsibleId: staffId, deadline: '2026-09-30' })).id;
});
afterAll(() => ctx.close());

describe('lights and the escalation ladder around the 2026 National Day break', () => {
  it.each([
    ['2026-09-28', 'yellow', 0, []],
    ['2026-09-30', 'yellow', 0, []],
    ['2026-10-01', 'red', 0, []],
    ['2026-10-07', 'red', 0, []],
    ['2026-10-08', 'red', 1, ['remind']],
    ['2026-10-09', 'red', 2, ['remind']],
    ['2026-10-10', 'red', 3, ['remind', 'urge']],
    ['2026-10-11', 'red', 3, ['remind', 'urge']],
    ['2026-10-12', 'red', 4, ['remind', 'urge']],
    ['2026-10-13', 'red', 5, ['remind', 'urge', 'supervise']],
    ['2026-10-19', 'red', 9, ['remind', 'urge', 'supervise']],
    ['2026-10-20', 'red', 10, ['remind', 'urge', 'supervise', 'notice']],
    ['2026-11-02', 'red', 19, ['remind', 'urge', 'supervise', 'notice']],
    ['2026-11-03', 'red', 20, ['remind', 'urge', 'supervise', 'notice', 'accountability']],
  ] as const)('on %s the task is %s, %i 工作日 overdue, escalated to %j', async (date, light, overdue, levels) => {
    ctx.clock.set(at(date));
    await scan();
    const t = await view();
    expect(t.light).toBe(light);
    expect(t.overdueWorkdays).toBe(overdue);
    expect(t.escalations.map((e: { level: string }) => e.level)).toEqual(levels);
  });

  it('fired each level once, to the right people, with timeline events and audit entries', async () => {
    await scan();
    await scan();
    const rows = await ctx.handle.db.selectFrom('taskEscalation').selectAll().where('taskId', '=', taskId).orderBy('at').execute();
    expect(rows.map((r) => [r.level, r.overdueWorkdays])).toEqual([
      ['remind', 1],
      ['urge', 3],
      ['supervise', 5],
      ['notice', 10],
      ['accountability', 20],
    ]);
    const notes = await ctx.handle.db.selectFrom('notification').select(['recipientId', 'title']).where('kind', '=', 'tasks.escalated').where('objectId', '=', String(taskId)).orderBy('id').execute();
    const to = (word: string) => notes.filter((n) => n.title.startsWith(`【${word}】`)).map((n) => n.recipientId).sort();
    expect(to('提醒')).toEqual([staffId]);
    expect(to('催办')).toEqual([headId]);
    expect(to('督办')).toEqual([supervisorId]);
    expect(to('通报')).toEqual([leader.person.id, supervisorId].sort());
    expect(to('问责建议')).toEqual([leader.person.id, supervisorId].sort());
    const t = await view();
    expect(t.timeline.filter((e: { kind: string }) => e.kind === 'escalated')).toHaveLength(5);
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('fires each level once even with two scanners racing', async () => {
    ctx.clock.set(at('2026-10-08'));
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) ids.push((await ctx.newTask({ by: leader.person, title: `竞争测试 ${i}`, level: 'normal', leadUnitId: dept.id, deadline: '2026-10-08' })).id);
    ctx.clock.set(at('2026-10-20'));
    const results = await Promise.all([runEscalationJob(ctx.handle.db, ctx.services.escalation), runEscalationJob(ctx.handle.db, ctx.services.escalation), ctx.services.escalation.scan(ctx.handle.db, await ctx.services.calendar.get())]);
    const fired = results.reduce((n, r) => n + ('ran' in r ? (r.ran ? r.result.fired : 0) : r.fired), 0);
    // 2026-10-08 → 2026-10-20 is 9 工作日: remind, urge and supervise for each of the six.
    expect(fired).toBe(18);
    const rows = await ctx.handle.db.selectFrom('taskEscalation').select(['taskId', 'level']).where('taskId', 'in', ids).execute();
    expect(rows).toHaveLength(18);
  });

  it('does not escalate a task that is done, or returned to the assigner', async () => {
    ctx.clock.set(at('2026-11-04'));
    const before = (await ctx.handle.db.selectFrom('taskEscalation').select('taskId').execute()).length;
    const { id } = (await ctx.newTask({ by: leader.person, title: '已办结的不再升级', level: 'normal', leadUnitId: dept.id, deadline: '2026-11-04' }));
    await ctx.handle.db.updateTable('task').set({ status: 'verified' }).where('id', '=', id).execute();
    // A returned task waits for the assigner; the unit that returned it is not chased.
    const { id: returned } = (await ctx.newTask({ by: leader.person, title: '退回的不催办', level: 'normal', leadUnitId: dept.id, deadline: '2026-11-04' }));
    await ctx.handle.db.updateTable('task').set({ status: 'returned' }).where('id', '=', returned).execute();
    ctx.clock.set(at('2026-11-20'));
    await scan();
    const after = (await ctx.handle.db.selectFrom('taskEscalation').select('taskId').where('taskId', 'in', [id, returned]).execute()).length;
    expect(after).toBe(0);
    expect(before).toBeGreaterThan(0);
  });

  it('looks at a task again only on its next rung’s day, and from scratch after an extension', async () => {
    ctx.clock.set(at('2026-10-08'));
    const { id } = (await ctx.newTask({ by: leader.person, title: '按日升级', level: 'normal', leadUnitId: dept.id, responsibleId: staffId, deadline: '2026-10-09' }));
    const next = async () => (await ctx.handle.db.selectFrom('task').select('nextEscalationOn').where('id', '=', id).executeTakeFirstOrThrow()).nextEscalationOn;
    const scannedIt = async () => {
      const before = await ctx.handle.db.selectFrom('taskEscalation').select('level').where('taskId', '=', id).execute();
      await scan();
      return (await ctx.handle.db.selectFrom('taskEscalation').select('level').where('taskId', '=', id).execute()).length - before.length;
    };
    expect(await next()).toBeNull();
    // Friday 9 October is the deadline; Saturday 10th is a makeup working day: 1 工作日 overdue.
    ctx.clock.set(at('2026-10-10'));
    expect(await scannedIt()).toBe(1);
    expect(await next()).toBe('2026-10-13'); // 3 工作日 after the deadline: 催办
    ctx.clock.set(at('2026-10-12'));
    const quiet = await scan();
    expect(await next()).toBe('2026-10-13');
    expect(quiet.fired).toBe(0);
    ctx.clock.set(at('2026-10-13'));
    expect(await scannedIt()).toBe(1);
    expect(await next()).toBe('2026-10-15'); // 5 工作日: 督办

    // An approved extension moves the deadline: the day is recomputed from the new one.
    const assigner = await ctx.login(leader.person); // days have passed: a fresh session
    const staff = await ctx.login({ login: (await ctx.handle.db.selectFrom('person').select('login').where('id', '=', staffId).executeTakeFirstOrThrow()).login });
    const head = await ctx.login({ login: (await ctx.handle.db.selectFrom('person').select('login').where('id', '=', headId).executeTakeFirstOrThrow()).login });
    let t = (await head.post(`/api/v1/tasks/${id}/sign`, { version: (await assigner.get(`/api/v1/tasks/${id}`)).json().version })).json();
    expect(t.error ?? null).toBeNull();
    const ext = (await staff.post(`/api/v1/tasks/${id}/extensions`, { version: t.version, reason: '需要更多时间', newDeadline: '2026-10-30' })).json();
    expect(ext.error ?? null).toBeNull();
    t = (await assigner.post(`/api/v1/tasks/${id}/extensions/${ext.extensionId}/approve`, { version: ext.version })).json();
    expect(t.deadline).toBe('2026-10-30');
    expect(await next()).toBeNull();
    ctx.clock.set(at('2026-11-02'));
    expect(await scannedIt()).toBe(0); // 1 工作日 overdue again, but 提醒 and 催办 fired before
    expect(await next()).toBe('2026-11-06'); // 督办 at 5 工作日 after the new deadline
  });
});
