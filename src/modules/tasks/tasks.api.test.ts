import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { actThenRead } from '../../../test/helpers/tasks.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import type { Unit } from '../../platform/db/schema.ts';

let ctx: TestContext;
let county: Unit;
let dept: Unit;
let otherDept: Unit;
let leader: Client;
let overseer: Client;
let head: Client;
let staff: Client;
let otherHead: Client;
let outsider: Client;
let supervisor: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-09-21T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '甲县' });
  dept = await ctx.newUnit({ parent: county, name: '住建局' });
  otherDept = await ctx.newUnit({ parent: county, name: '交通局' });
  const xzfb = await ctx.newUnit({ parent: county, name: '县政府办' });
  leader = await ctx.as(['leader'], xzfb);
  overseer = await ctx.as(['leader'], xzfb);
  supervisor = await ctx.as(['supervisor'], xzfb);
  head = await ctx.as(['unit_head'], dept);
  staff = await ctx.as(['staff'], dept);
  otherHead = await ctx.as(['unit_head'], otherDept);
  outsider = await ctx.as(['staff'], otherDept);
});
afterAll(() => ctx.close());

const newTask = (body: Record<string, unknown> = {}) =>
  leader.post('/api/v1/tasks', { title: '老旧小区改造推进', level: 'key', leadUnitId: dept.id, leaderId: overseer.person.id, deadline: '2026-09-30', source: { kind: 'instruction', ref: '县长批示〔2026〕12号' }, ...body });

describe('assignment', () => {
  it('creates a task with the contract fields, light and sign-for due in 1 工作日', async () => {
    const res = await newTask();
    expect(res.statusCode).toBe(201);
    const t = res.json();
    expect(t).toMatchObject({
      version: 1,
      status: 'assigned',
      level: 'key',
      deadline: '2026-09-30',
      light: 'green',
      overdueWorkdays: 0,
      escalations: [],
      signDue: '2026-09-22',
      leadUnit: { id: dept.id, name: '住建局' },
      source: { kind: 'instruction', ref: '县长批示〔2026〕12号' },
    });
    expect(t.timeline.map((e: { kind: string }) => e.kind)).toEqual(['assigned']);
    const inbox = (await head.get('/api/v1/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ kind: 'tasks.assigned', objectId: String(t.id) });
  });

  it('takes a deadline as N 工作日 from today, across the Mid-autumn break', async () => {
    // Monday 21 September + 4 工作日: 22, 23, 24, then 25–27 off (中秋), then 28.
    const t = (await newTask({ deadline: { workdays: 4 } })).json();
    expect(t).toMatchObject({ deadline: '2026-09-28', deadlineEstimated: false, light: 'green' });
    // Within 3 工作日 of the deadline: yellow.
    const near = (await newTask({ deadline: { workdays: 3 } })).json();
    expect(near).toMatchObject({ deadline: '2026-09-24', light: 'yellow', lightReasons: ['deadline_near'] });
  });

  it('puts the sign-for, plan and first report on or before the deadline (issue #16), and refuses -3 工作日', async () => {
    // Due today (0 工作日): sign for, plan and report today, not tomorrow.
    const today = (await newTask({ level: 'major', deadline: { workdays: 0 } })).json();
    expect(today).toMatchObject({ deadline: '2026-09-21', signDue: '2026-09-21', planDue: '2026-09-21', nextReportDue: '2026-09-21' });
    // Due in 2 工作日: the weekly report and the 10-day plan come by the deadline.
    const soon = (await newTask({ level: 'major', deadline: { workdays: 2 } })).json();
    expect(soon).toMatchObject({ deadline: '2026-09-23', signDue: '2026-09-22', planDue: '2026-09-23', nextReportDue: '2026-09-23' });
    const negative = await newTask({ deadline: { workdays: -3 } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.code).toBe('VALIDATION');
  });

  it('refuses a past deadline, a unit out of scope, a staff member, and bad bodies', async () => {
    expect((await newTask({ deadline: '2026-09-01' })).statusCode).toBe(400);
    expect((await staff.post('/api/v1/tasks', { title: 'x', level: 'normal', leadUnitId: dept.id, deadline: '2026-12-01' })).statusCode).toBe(403);
    expect((await head.post('/api/v1/tasks', { title: 'x', level: 'normal', leadUnitId: otherDept.id, deadline: '2026-12-01' })).statusCode).toBe(403);
    const bad = await leader.post('/api/v1/tasks', { title: '', level: 'urgent', leadUnitId: -1, deadline: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.title', 'body.level', 'body.leadUnitId', 'body.deadline']));
    expect((await newTask({ responsibleId: outsider.person.id })).statusCode).toBe(400);
  });
});

describe('the whole lifecycle', () => {
  it('walks 交办 → 签收 → 办理中 → 延期 → 申请办结 → 驳回 → 申请办结 → 办结 → 销号, with feedback to the overseeing leader', async () => {
    const t0 = (await newTask()).json();
    const id = t0.id;

    // 签收: only the lead unit's head; a stale version is refused.
    expect((await staff.post(`/api/v1/tasks/${id}/sign`, { version: 1 })).statusCode).toBe(403);
    expect((await otherHead.post(`/api/v1/tasks/${id}/sign`, { version: 1 })).statusCode).toBe(403);
    const stale = await head.post(`/api/v1/tasks/${id}/sign`, { version: 7 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const signed = await head.post(`/api/v1/tasks/${id}/sign`, { version: 1 });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', version: 2 });
    const again = await head.post(`/api/v1/tasks/${id}/sign`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_TRANSITION');

    // 交办到人, then the responsible person reports progress.
    expect((await head.post(`/api/v1/tasks/${id}/dispatch`, { version: 2, responsibleId: outsider.person.id })).statusCode).toBe(400);
    const dispatched = await actThenRead(head, id, 'dispatch', { version: 2, responsibleId: staff.person.id });
    expect(dispatched).toMatchObject({ status: 'in_progress', responsible: { id: staff.person.id } });
    expect(dispatched.allowedActions).toEqual(expect.arrayContaining(['dispatch', 'progress', 'submit', 'request_extension']));
    expect((await outsider.get(`/api/v1/tasks/${id}`)).statusCode).toBe(403);
    const staffView = (await staff.get(`/api/v1/tasks/${id}`)).json();
    expect(staffView.allowedActions).toEqual(['progress', 'plan', 'submit', 'request_extension', 'attach']);
    const reported = (await staff.post(`/api/v1/tasks/${id}/progress`, { version: 3, percent: 40, text: '已完成 3 个小区的入户调查' })).json();
    expect(reported).toMatchObject({ progressPercent: 40, nextReportDue: '2026-09-28', version: 4 });
    // The answer is what changed and the new version, not the page with its growing timeline (issue #21).
    expect(Object.keys(reported).slice(0, 2)).toEqual(['id', 'version']);
    for (const key of ['timeline', 'milestones', 'description', 'allowedActions']) expect(reported).not.toHaveProperty(key);
    expect(Buffer.byteLength(JSON.stringify(reported))).toBeLessThan(600);
    // The audit entry records what the report changed, not two copies of the task (issue #21).
    const entry = await ctx.handle.db.selectFrom('auditLog').select(['before', 'after']).where('objectType', '=', 'task').where('objectId', '=', String(id)).where('action', '=', 'task.progress').executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ progressPercent: 0, version: 3 });
    expect(entry.after).toMatchObject({ progressPercent: 40, version: 4, eventId: expect.any(Number) });
    const reportEvent = await ctx.handle.db.selectFrom('taskEvent').select(['kind', 'data']).where('id', '=', (entry.after as { eventId: number }).eventId).executeTakeFirstOrThrow();
    expect(reportEvent).toMatchObject({ kind: 'progress', data: { text: '已完成 3 个小区的入户调查' } });
    // The entry names the event instead of copying it: the event is written once.
    await expect(ctx.handle.db.updateTable('taskEvent').set({ data: JSON.stringify({ text: '改写' }) }).where('id', '=', (entry.after as { eventId: number }).eventId).execute()).rejects.toThrow(/written once/);
    expect(Object.keys(entry.before as object)).not.toContain('title');
    expect(Buffer.byteLength(JSON.stringify(entry))).toBeLessThan(600);

    // 延期: one request at a time, at most one approved per task.
    const ext = await staff.post(`/api/v1/tasks/${id}/extensions`, { version: 4, reason: '国庆假期施工暂停', newDeadline: '2026-10-16' });
    expect(ext.statusCode).toBe(201);
    const { extensionId } = ext.json();
    expect(ext.json().pendingExtension).toBe(true);
    const twice = await staff.post(`/api/v1/tasks/${id}/extensions`, { version: 5, reason: '再延', newDeadline: '2026-10-20' });
    expect(twice.json().error.code).toBe('EXTENSION_PENDING');
    expect((await staff.post(`/api/v1/tasks/${id}/extensions/${extensionId}/approve`, { version: 5 })).statusCode).toBe(403);
    const approved = (await leader.post(`/api/v1/tasks/${id}/extensions/${extensionId}/approve`, { version: 5, note: '同意' })).json();
    expect(approved).toMatchObject({ deadline: '2026-10-16', originalDeadline: '2026-09-30', extensionsUsed: 1, pendingExtension: false });
    expect(approved.extensions[0]).toMatchObject({ status: 'approved', newDeadline: '2026-10-16' });
    const limit = await staff.post(`/api/v1/tasks/${id}/extensions`, { version: 6, reason: '还要延', newDeadline: '2026-10-30' });
    expect(limit.statusCode).toBe(409);
    expect(limit.json().error.code).toBe('EXTENSION_LIMIT');

    // 申请办结 → 驳回 → 申请办结 → 办结.
    const summary = { done: '完成 12 个老旧小区改造', result: '惠及 3,200 户居民', lessons: '先议后改，居民满意度高' };
    const submitted = (await staff.post(`/api/v1/tasks/${id}/submit`, { version: 6, completion: { text: '全部完工并验收', evidence: '验收单 2026-10-12' }, summary })).json();
    expect(submitted).toMatchObject({ status: 'submitted', progressPercent: 100 });
    expect((await staff.post(`/api/v1/tasks/${id}/verify`, { version: 7 })).statusCode).toBe(403);
    const rejected = (await leader.post(`/api/v1/tasks/${id}/reject`, { version: 7, reason: '缺少居民签字' })).json();
    expect(rejected.status).toBe('in_progress');
    expect((await staff.post(`/api/v1/tasks/${id}/submit`, { version: 8, completion: { text: '补齐居民签字' }, summary })).json().status).toBe('submitted');
    const verified = (await leader.post(`/api/v1/tasks/${id}/verify`, { version: 9, note: '好' })).json();
    expect(verified).toMatchObject({ status: 'verified', light: 'done' });

    // 马上就反馈: the overseeing leader hears at once, with the summary.
    const feedback = (await overseer.get('/api/v1/notifications')).json().items.find((n: { kind: string; objectId: string }) => n.kind === 'tasks.feedback' && n.objectId === String(id));
    expect(feedback.body).toContain('惠及 3,200 户居民');

    // 销号 needs the summary (the submitted one stands unless a new one is given).
    const closed = await actThenRead(leader, id, 'close', { version: 10 });
    expect(closed).toMatchObject({ status: 'closed', light: 'done', summary });
    expect(closed.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'assigned', 'sign', 'dispatch', 'progress', 'request_extension', 'decide_extension', 'submit', 'reject', 'submit', 'verify', 'close',
    ]);
    expect(closed.allowedActions).toEqual([]);
    const audit = await ctx.handle.db.selectFrom('auditLog').select('action').where('objectType', '=', 'task').where('objectId', '=', String(id)).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'task.create', 'task.sign', 'task.dispatch', 'task.progress', 'task.request_extension', 'task.decide_extension', 'task.submit', 'task.reject', 'task.submit', 'task.verify', 'task.close',
    ]);
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('rejects an extension request and keeps the deadline', async () => {
    const { id } = (await newTask({ responsibleId: staff.person.id })).json();
    await head.post(`/api/v1/tasks/${id}/sign`, { version: 1 });
    const { extensionId } = (await staff.post(`/api/v1/tasks/${id}/extensions`, { version: 2, reason: '人手不足', newDeadline: '2026-10-30' })).json();
    const res = (await leader.post(`/api/v1/tasks/${id}/extensions/${extensionId}/reject`, { version: 3, note: '不予延期' })).json();
    expect(res).toMatchObject({ deadline: '2026-09-30', extensionsUsed: 0, pendingExtension: false });
    expect(res.extensions[0].status).toBe('rejected');
    expect((await leader.post(`/api/v1/tasks/${id}/extensions/${extensionId}/approve`, { version: 4 })).statusCode).toBe(409);
    const earlier = await staff.post(`/api/v1/tasks/${id}/extensions`, { version: 4, reason: 'x', newDeadline: '2026-09-29' });
    expect(earlier.statusCode).toBe(400);
  });

  it('退回 and 重新交办: the unit returns it with a reason, the assigner gives it to another unit', async () => {
    const { id } = (await newTask()).json();
    expect((await head.post(`/api/v1/tasks/${id}/return`, { version: 1, reason: '不属于我局职责' })).json().status).toBe('returned');
    const note = (await leader.get('/api/v1/notifications')).json().items.find((n: { kind: string }) => n.kind === 'tasks.returned');
    expect(note.body).toContain('不属于我局职责');
    expect((await head.post(`/api/v1/tasks/${id}/reassign`, { version: 2, leadUnitId: otherDept.id })).statusCode).toBe(403);
    const moved = (await leader.post(`/api/v1/tasks/${id}/reassign`, { version: 2, leadUnitId: otherDept.id, note: '改由交通局办理' })).json();
    expect(moved).toMatchObject({ status: 'assigned', leadUnitId: otherDept.id });
    expect((await head.post(`/api/v1/tasks/${id}/sign`, { version: 3 })).statusCode).toBe(403);
    expect((await otherHead.post(`/api/v1/tasks/${id}/sign`, { version: 3 })).json().status).toBe('signed');
  });

  it('a directive (重大) needs a plan within 10 日; milestones turn it yellow when overdue', async () => {
    const { id, planDue } = (await newTask({ level: 'major', deadline: '2026-12-31' })).json();
    expect(planDue).toBe('2026-10-01');
    await head.post(`/api/v1/tasks/${id}/sign`, { version: 1 });
    const planned = await actThenRead(head, id, 'plan', { version: 2, milestones: [{ title: '完成方案设计', due: '2026-10-20', ownerId: staff.person.id }, { title: '完成施工', due: '2026-12-20' }] });
    expect(planned.milestones).toHaveLength(2);
    expect(planned.nextMilestoneDue).toBe('2026-10-20');
    const late = await head.post(`/api/v1/tasks/${id}/plan`, { version: 3, milestones: [{ title: '超出时限', due: '2027-01-10' }] });
    expect(late.statusCode).toBe(400);
    // A milestone already due is refused like a past deadline, in a plan and at creation.
    const past = await head.post(`/api/v1/tasks/${id}/plan`, { version: 3, milestones: [{ title: '已过节点', due: '2026-09-01' }] });
    expect(past.statusCode, past.body).toBe(400);
    expect(past.json().error.message).toMatch(/in the past/);
    const born = await newTask({ deadline: '2026-12-31', milestones: [{ title: '已过节点', due: '2026-09-01' }] });
    expect(born.statusCode, born.body).toBe(400);
    ctx.clock.set(new Date('2026-10-22T09:00:00+08:00'));
    try {
      // A month later the old sessions have timed out: log in again.
      const head2 = await ctx.login(head.person);
      const t = (await head2.get(`/api/v1/tasks/${id}`)).json();
      expect(t.light).toBe('yellow');
      expect(t.lightReasons).toEqual(expect.arrayContaining(['milestone_overdue', 'report_overdue']));
      const done = (await head2.post(`/api/v1/tasks/${id}/progress`, { version: 3, percent: 30, text: '方案已定', milestoneIds: [planned.milestones[0].id] })).json();
      expect(done).toMatchObject({ light: 'green', nextMilestoneDue: '2026-12-20' });
    } finally {
      ctx.clock.set(new Date('2026-09-21T09:00:00+08:00'));
    }
  });
});

describe('the ledger', () => {
  it('lists items without the long texts, and reads any spelling of "open" as the unfinished tasks', async () => {
    const unit = await ctx.newUnit({ parent: county, name: '统计局' });
    const h = await ctx.as(['unit_head'], unit);
    const long = '详'.repeat(5000);
    const ids: number[] = [];
    for (const [i, deadline] of ['2026-10-09', '2026-10-12', '2026-10-13', '2026-10-14'].entries()) {
      const r = await leader.post('/api/v1/tasks', { title: `统计任务${i + 1}`, level: 'normal', leadUnitId: unit.id, deadline, description: long, standard: long, assessment: long });
      ids.push(r.json().id);
    }
    // The first is finished (closed), the second withdrawn: neither is open.
    await ctx.handle.db.updateTable('task').set({ status: 'closed', closedAt: new Date(), summary: JSON.stringify({ done: long, result: long, lessons: long }) }).where('id', '=', ids[0]!).execute();
    expect((await leader.post(`/api/v1/tasks/${ids[1]}/withdraw`, { version: 1, reason: '重复交办' })).statusCode).toBe(200);
    const all = (await h.get(`/api/v1/tasks?unitId=${unit.id}`)).json();
    expect(all.items.map((t: { title: string }) => t.title)).toEqual(['统计任务1', '统计任务3', '统计任务4']);
    for (const item of all.items) {
      for (const key of ['description', 'standard', 'assessment', 'completion', 'summary']) expect(item).not.toHaveProperty(key);
      expect(item).toMatchObject({ leadUnit: { id: unit.id, name: '统计局' }, light: expect.any(String), overdueWorkdays: expect.any(Number), escalations: [] });
    }
    // Four long texts of 5,000 characters each stay on the task page.
    expect(JSON.stringify(all).length).toBeLessThan(4000);
    expect((await h.get(`/api/v1/tasks/${ids[2]}`)).json()).toMatchObject({ description: long, standard: long, assessment: long });
    const titles = async (query: string) => (await h.get(`/api/v1/tasks?unitId=${unit.id}&${query}`)).json().items.map((t: { title: string }) => t.title);
    // Every spelling of "open" gives the same open tasks in deadline order; a list with a finished status keeps it.
    for (const status of ['assigned,signed,in_progress,submitted,returned', 'returned,submitted,in_progress,signed,assigned', 'assigned'])
      expect(await titles(`status=${status}&sort=deadline&limit=25`)).toEqual(['统计任务3', '统计任务4']);
    expect(await titles('status=assigned,closed')).toEqual(['统计任务1', '统计任务3', '统计任务4']);
    expect(await titles('status=closed')).toEqual(['统计任务1']);
    expect(await titles('light=done')).toEqual(['统计任务1']);
    expect(await titles('status=withdrawn')).toEqual([]);
    // The workbench and the 驾驶舱's red list carry list items too.
    const wb = (await h.get('/api/v1/tasks/workbench')).json();
    const sign = wb.groups.find((g: { kind: string }) => g.kind === 'sign');
    expect(sign.items.map((t: { title: string }) => t.title)).toEqual(['统计任务3', '统计任务4']);
    expect(sign.items[0]).not.toHaveProperty('description');
  });

  it('filters by unit subtree, light, level, status, responsible, text (Chinese), and pages by keyset', async () => {
    const unit = await ctx.newUnit({ parent: county, name: '水务局' });
    const h = await ctx.as(['unit_head'], unit);
    for (let i = 0; i < 5; i++) {
      const r = await leader.post('/api/v1/tasks', { title: `河道整治第${i + 1}段`, level: i % 2 ? 'key' : 'normal', leadUnitId: unit.id, deadline: `2026-11-0${i + 2}` });
      expect(r.statusCode).toBe(201);
    }
    await leader.post('/api/v1/tasks', { title: '防汛物资储备', level: 'major', leadUnitId: unit.id, deadline: '2026-09-23' });
    const page1 = (await h.get(`/api/v1/tasks?unitId=${unit.id}&limit=4`)).json();
    expect(page1.items.map((t: { deadline: string }) => t.deadline)).toEqual(['2026-09-23', '2026-11-02', '2026-11-03', '2026-11-04']);
    const page2 = (await h.get(`/api/v1/tasks?unitId=${unit.id}&limit=4&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((t: { deadline: string }) => t.deadline)).toEqual(['2026-11-05', '2026-11-06']);
    expect(page2.nextCursor).toBeNull();
    expect((await h.get(`/api/v1/tasks?unitId=${unit.id}&q=河道`)).json().items).toHaveLength(5);
    expect((await h.get(`/api/v1/tasks?unitId=${unit.id}&q=${encodeURIComponent('防汛')}`)).json().items).toHaveLength(1);
    expect((await h.get(`/api/v1/tasks?unitId=${unit.id}&light=yellow`)).json().items.map((t: { title: string }) => t.title)).toEqual(['防汛物资储备']);
    expect((await h.get(`/api/v1/tasks?unitId=${unit.id}&level=key`)).json().items).toHaveLength(2);
    expect((await h.get(`/api/v1/tasks?unitId=${unit.id}&status=assigned,signed`)).json().items).toHaveLength(6);
    const newest = (await h.get(`/api/v1/tasks?unitId=${unit.id}&sort=newest&limit=4`)).json();
    expect(newest.items[0].title).toBe('防汛物资储备');
    const newest2 = (await h.get(`/api/v1/tasks?unitId=${unit.id}&sort=newest&limit=4&cursor=${newest.nextCursor}`)).json();
    expect(newest2.items.map((t: { title: string }) => t.title)).toEqual(['河道整治第2段', '河道整治第1段']);
    expect(newest2.nextCursor).toBeNull();
    // A cursor is a position in one order: used with the other sort it is refused, not misread.
    const mixed = await h.get(`/api/v1/tasks?unitId=${unit.id}&sort=newest&cursor=${page1.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details.map((d: { path: string }) => d.path)).toEqual(['querystring.cursor']);
    expect((await h.get(`/api/v1/tasks?unitId=${unit.id}&cursor=${newest.nextCursor}`)).statusCode).toBe(400);
    expect((await h.get('/api/v1/tasks?cursor=garbage')).statusCode).toBe(400);
    expect((await h.get('/api/v1/tasks?status=nonsense')).statusCode).toBe(400);
    // A unit head sees their own unit's tasks, not another unit's.
    expect((await h.get(`/api/v1/tasks?unitId=${dept.id}`)).json().items).toEqual([]);
    const foreign = (await leader.get(`/api/v1/tasks?unitId=${dept.id}&limit=1`)).json().items[0].id;
    expect((await h.get(`/api/v1/tasks/${foreign}`)).statusCode).toBe(403);
    const mine = (await h.get('/api/v1/tasks?limit=100')).json().items as { leadUnit: { id: number } }[];
    expect(mine.every((t) => t.leadUnit.id === unit.id)).toBe(true);

    const statsRes = await supervisor.get(`/api/v1/tasks/stats?unitId=${unit.id}`);
    const stats = statsRes.json();
    expect(stats.totals).toMatchObject({ total: 6, byLight: { green: 5, yellow: 1 }, byStatus: { assigned: 6 } });
    const resp = (await supervisor.get(`/api/v1/tasks/lists/responsibility?unitId=${unit.id}`)).json();
    expect(resp.items).toEqual([{ unitId: unit.id, unitName: '水务局', responsibleId: null, responsibleName: null, total: 6, byLight: { green: 5, yellow: 1 } }]);
  });

  it('under a unit filter shows a subtree in the viewer’s scope in full, and otherwise only what they may see', async () => {
    const office = await ctx.newUnit({ parent: county, name: '县统计局' });
    const section = await ctx.newUnit({ parent: office, name: '综合股' });
    const officeStaff = await ctx.as(['staff'], office);
    const officeHead = await ctx.as(['unit_head'], office);
    const own = (await leader.post('/api/v1/tasks', { title: '统计年报汇总', level: 'normal', leadUnitId: office.id, deadline: '2026-12-01' })).json().id as number;
    const below = (await leader.post('/api/v1/tasks', { title: '住户调查', level: 'normal', leadUnitId: section.id, deadline: '2026-12-02' })).json().id as number;
    const ids = async (c: Client, path: string) => ((await c.get(path)).json().items as { id: number }[]).map((t) => t.id);
    const total = async (c: Client, path: string) => (await c.get(path)).json().totals.total as number;
    // The head's scope is the office's subtree: the section's task too.
    expect(await ids(officeHead, `/api/v1/tasks?limit=100&unitId=${office.id}`)).toEqual([own, below]);
    expect(await total(officeHead, `/api/v1/tasks/stats?unitId=${office.id}`)).toBe(2);
    // Staff see their own unit, not the units under it, even when the filter names the subtree.
    expect(await ids(officeStaff, `/api/v1/tasks?limit=100&unitId=${office.id}`)).toEqual([own]);
    expect(await ids(officeStaff, `/api/v1/tasks?limit=100&unitId=${office.id}&sort=deadline&light=green`)).toEqual([own]);
    expect(await total(officeStaff, `/api/v1/tasks/stats?unitId=${office.id}`)).toBe(1);
    // A county supervisor's subtree holds both; another department's head sees neither.
    expect(await ids(supervisor, `/api/v1/tasks?limit=100&unitId=${office.id}`)).toEqual([own, below]);
    expect(await ids(otherHead, `/api/v1/tasks?limit=100&unitId=${office.id}`)).toEqual([]);
  });

  it('filters by light in SQL exactly as the rules compute it, on any day', async () => {
    for (const day of ['2026-09-21', '2026-09-24', '2026-10-02', '2026-10-09', '2026-11-03', '2027-01-05']) {
      ctx.clock.set(new Date(`${day}T09:00:00+08:00`));
      const c = await ctx.login(supervisor.person);
      const all = (await c.get('/api/v1/tasks?limit=500')).json().items as { id: number; light: string }[];
      expect(all.length).toBeGreaterThan(10);
      for (const light of ['green', 'yellow', 'red', 'done']) {
        const ids = ((await c.get(`/api/v1/tasks?limit=500&light=${light}`)).json().items as { id: number }[]).map((t) => t.id).sort();
        expect(ids, `${light} on ${day}`).toEqual(all.filter((t) => t.light === light).map((t) => t.id).sort());
      }
    }
    ctx.clock.set(new Date('2026-09-21T09:00:00+08:00'));
  });
});
