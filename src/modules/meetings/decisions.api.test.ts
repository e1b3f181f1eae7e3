import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';

/**
 * 一次布置到位: a meeting's decisions, its conclusion into supervised tasks in one transaction
 * (all tasks, the meeting's state and the audit entry, or nothing), and the feedback when a
 * decision's task is verified (马上就反馈). Runs on PGlite and, under test:pg, PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let deptA: Unit;
let deptB: Unit;
let headA: Client;
let headA2: { id: number; login: string };
let staffA: { id: number; login: string };
let staffB: { id: number; login: string };
let leader: Client;
let admin: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '议定县' });
  deptA = await ctx.newUnit({ parent: county, name: '住建局' });
  deptB = await ctx.newUnit({ parent: county, name: '水利局' });
  headA = await ctx.as(['unit_head'], deptA);
  headA2 = await ctx.newPerson({ unit: deptA, roles: ['unit_head'] });
  staffA = await ctx.newPerson({ unit: deptA, roles: ['staff'], name: '王责任' });
  staffB = await ctx.newPerson({ unit: deptB, roles: ['staff'] });
  leader = await ctx.as(['leader'], county);
  admin = await ctx.as(['admin'], county);
});
afterAll(() => ctx.close());

let seq = 0;
async function meeting(by: Client = headA): Promise<{ id: number; title: string }> {
  seq++;
  const res = await by.post('/api/v1/meetings', {
    title: `城建${String.fromCharCode(0x4e00 + seq * 211)}${String.fromCharCode(0x4e00 + seq * 401)}调度会`,
    kind: 'standing',
    organizerUnitId: deptA.id,
    startsAt: `2026-12-${String(2 + (seq % 20)).padStart(2, '0')}T09:00:00+08:00`,
    endsAt: `2026-12-${String(2 + (seq % 20)).padStart(2, '0')}T10:30:00+08:00`,
    place: '三楼会议室',
    chair: '李局长',
    attendingUnitIds: [deptB.id],
    headcount: 20,
    agenda: [{ speaker: '李局长', role: 'main', minutes: 30 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const full = (o: Record<string, unknown> = {}) => ({ text: '完成老旧小区改造一期', leadUnitId: deptA.id, responsibleId: staffA.id, deadline: '2026-12-31', level: 'key', ...o });
const tasksOf = (meetingId: number) => ctx.handle.db.selectFrom('task').select(['id', 'title', 'status', 'sourceId', 'sourceRef', 'deadline', 'level']).where('sourceKind', '=', 'meeting').where('sourceId', '=', meetingId).orderBy('id').execute();

describe('decisions', () => {
  it('adds, changes (null clears) and removes decisions', async () => {
    const m = await meeting();
    const add = await headA.post(`/api/v1/meetings/${m.id}/decisions`, { text: '排查在建工地安全' });
    expect(add.statusCode, add.body).toBe(201);
    const d = add.json();
    expect(d).toMatchObject({ text: '排查在建工地安全', leadUnit: null, responsible: null, deadline: null, deadlineWorkdays: null, level: 'normal', taskId: null, task: null, position: 1 });
    const patched = await headA.patch(`/api/v1/meetings/${m.id}/decisions/${d.id}`, { leadUnitId: deptA.id, responsibleId: staffA.id, deadline: { workdays: 5 } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ leadUnit: { id: deptA.id, name: '住建局' }, responsible: { id: staffA.id, name: '王责任' }, deadline: null, deadlineWorkdays: 5 });
    const cleared = await headA.patch(`/api/v1/meetings/${m.id}/decisions/${d.id}`, { responsibleId: null, deadline: '2026-12-20' });
    expect(cleared.json()).toMatchObject({ responsible: null, deadline: '2026-12-20', deadlineWorkdays: null });
    expect((await headA.post(`/api/v1/meetings/${m.id}/decisions`, { text: '第二项' })).json().position).toBe(2);
    expect((await headA.delete(`/api/v1/meetings/${m.id}/decisions/${d.id}`)).statusCode).toBe(204);
    expect((await headA.get(`/api/v1/meetings/${m.id}`)).json().decisions.map((x: { text: string }) => x.text)).toEqual(['第二项']);
    expect((await headA.delete(`/api/v1/meetings/${m.id}/decisions/${d.id}`)).statusCode).toBe(404);
  });

  it('refuses a lead unit that does not exist, a responsible person outside it, a past deadline (400)', async () => {
    const m = await meeting();
    expect((await headA.post(`/api/v1/meetings/${m.id}/decisions`, full({ leadUnitId: 999_999 }))).json().error.details).toMatchObject({ field: 'leadUnitId' });
    expect((await headA.post(`/api/v1/meetings/${m.id}/decisions`, full({ responsibleId: staffB.id }))).json().error.details).toMatchObject({ field: 'responsibleId' });
    expect((await headA.post(`/api/v1/meetings/${m.id}/decisions`, full({ deadline: '2026-11-30' }))).json().error.details).toMatchObject({ field: 'deadline' });
  });

  it('only who manages the meeting edits its decisions', async () => {
    const m = await meeting();
    const headB = await ctx.as(['unit_head'], deptB);
    expect((await headB.post(`/api/v1/meetings/${m.id}/decisions`, full())).statusCode).toBe(403);
  });
});

describe('conclude (一次布置到位)', () => {
  it('refuses a meeting without decisions, and one whose decisions lack what a task needs, naming them (409)', async () => {
    const m = await meeting();
    const none = await headA.post(`/api/v1/meetings/${m.id}/conclude`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toMatchObject({ code: 'DECISIONS_INCOMPLETE', details: { decisions: [] } });
    await headA.post(`/api/v1/meetings/${m.id}/decisions`, full());
    const lacking = (await headA.post(`/api/v1/meetings/${m.id}/decisions`, { text: '研究供暖保障', leadUnitId: deptA.id })).json();
    const res = await headA.post(`/api/v1/meetings/${m.id}/conclude`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.decisions).toEqual([{ decisionId: lacking.id, text: '研究供暖保障', missing: ['responsible', 'deadline'] }]);
    expect(res.json().error.message).toContain('研究供暖保障');
    expect(await tasksOf(m.id)).toEqual([]);
  });

  it('turns every decision into a supervised task linked to the meeting, in one go', async () => {
    const m = await meeting();
    await headA.post(`/api/v1/meetings/${m.id}/decisions`, full());
    await headA.post(`/api/v1/meetings/${m.id}/decisions`, full({ text: '制定冬季供暖应急预案', deadline: { workdays: 5 }, level: 'normal' }));
    const res = await headA.post(`/api/v1/meetings/${m.id}/conclude`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.status).toBe('concluded');
    expect(body.concludedAt).toBeTruthy();
    const tasks = await tasksOf(m.id);
    expect(tasks.map((t) => [t.title, t.level, t.sourceRef])).toEqual([
      ['完成老旧小区改造一期', 'key', m.title],
      ['制定冬季供暖应急预案', 'normal', m.title],
    ]);
    expect(tasks[1]!.deadline).toBe('2026-12-08');
    expect(body.decisions.map((d: { taskId: number; task: { light: string; status: string } }) => [d.taskId, d.task.status, d.task.light])).toEqual(tasks.map((t) => [t.id, 'assigned', 'green']));
    // The ledger filters by the meeting.
    const ledger = (await headA.get(`/api/v1/tasks?source=meeting&sourceId=${m.id}`)).json();
    expect(ledger.items.map((t: { id: number }) => t.id).sort()).toEqual(tasks.map((t) => t.id));
    // Concluded: no more decisions, no second conclusion.
    expect((await headA.post(`/api/v1/meetings/${m.id}/decisions`, full())).statusCode).toBe(409);
    expect((await headA.post(`/api/v1/meetings/${m.id}/conclude`)).statusCode).toBe(409);
    const audit = await ctx.handle.db.selectFrom('auditLog').select(['action', 'after']).where('objectType', '=', 'meeting').where('objectId', '=', String(m.id)).where('action', '=', 'meeting.conclude').execute();
    expect(audit).toHaveLength(1);
  });

  it('one transaction: when the 3rd decision’s lead unit is out of the concluder’s scope, no task is made and the meeting stays unconcluded', async () => {
    const m = await meeting();
    await headA.post(`/api/v1/meetings/${m.id}/decisions`, full({ text: '第一项' }));
    await headA.post(`/api/v1/meetings/${m.id}/decisions`, full({ text: '第二项' }));
    // Written by the admin: the water bureau lies outside the unit head's scope.
    const third = (await admin.post(`/api/v1/meetings/${m.id}/decisions`, full({ text: '第三项：河道清淤', leadUnitId: deptB.id, responsibleId: staffB.id }))).json();
    const notesBefore = await ctx.handle.db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const auditBefore = await ctx.handle.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await headA.post(`/api/v1/meetings/${m.id}/conclude`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(res.json().error.message).toMatch(/第 3 项议定事项「第三项：河道清淤」未能交办，会议未办结/);
    expect(res.json().error.details).toMatchObject({ decisionId: third.id });
    expect(await tasksOf(m.id)).toEqual([]);
    const after = (await headA.get(`/api/v1/meetings/${m.id}`)).json();
    expect(after.status).toBe('planned');
    expect(after.decisions.every((d: { taskId: number | null }) => d.taskId === null)).toBe(true);
    const notesAfter = await ctx.handle.db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const auditAfter = await ctx.handle.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(notesAfter.n)).toBe(Number(notesBefore.n));
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
    // A leader over both units concludes it whole.
    const ok = await leader.post(`/api/v1/meetings/${m.id}/conclude`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await tasksOf(m.id)).map((t) => t.title)).toEqual(['第一项', '第二项', '第三项：河道清淤']);
  });

  it('a plan waiting for approval cannot be concluded (409)', async () => {
    const res = await headA.post('/api/v1/meetings', {
      title: '住建领域全天集中培训会',
      kind: 'topic',
      organizerUnitId: deptA.id,
      startsAt: '2026-12-22T08:30:00+08:00',
      endsAt: '2026-12-22T17:30:00+08:00',
      attendingUnitIds: [],
      headcount: 80,
      agenda: [{ speaker: '讲师', role: 'main', minutes: 60 }],
      overrideReason: '新规实施前须对全县施工企业集中培训，半天无法完成全部课程。',
    });
    const m = res.json();
    expect(m.status).toBe('pending_approval');
    await headA.post(`/api/v1/meetings/${m.id}/decisions`, full());
    expect((await headA.post(`/api/v1/meetings/${m.id}/conclude`)).json().error.code).toBe('INVALID_TRANSITION');
  });
});

describe('马上就反馈: a decision’s task verified', () => {
  it('tells the person who planned the meeting and the organiser’s heads', async () => {
    const m = await meeting();
    const d = (await headA.post(`/api/v1/meetings/${m.id}/decisions`, full({ text: '完成燃气管道排查' }))).json();
    // Concluded by the leader: the leader assigns, and verifies.
    expect((await leader.post(`/api/v1/meetings/${m.id}/conclude`)).statusCode).toBe(200);
    const taskId = (await tasksOf(m.id))[0]!.id;
    const s = ctx.services;
    const head = await ctx.actorOf(headA.person);
    const responsible = await ctx.actorOf(staffA);
    const lead = await ctx.actorOf(leader.person);
    let t = await s.tasks.sign(ctx.system(), head, taskId, 1);
    t = await s.tasks.submit(ctx.system(), responsible, taskId, t.version, { text: '已排查 120 公里' }, { done: '排查', result: '整改 3 处', lessons: '分片包干' });
    await s.tasks.verify(ctx.system(), lead, taskId, t.version);
    const notes = await ctx.handle.db.selectFrom('notification').select(['recipientId', 'title', 'objectType', 'objectId']).where('kind', '=', 'meetings.decision_done').where('objectId', '=', String(m.id)).orderBy('recipientId').execute();
    expect(notes.map((n) => n.recipientId).sort()).toEqual([headA.person.id, headA2.id].sort());
    expect(notes[0]).toMatchObject({ objectType: 'meeting', title: '会议议定事项已办结：完成燃气管道排查' });
    const page = (await headA.get(`/api/v1/meetings/${m.id}`)).json();
    expect(page.decisions.find((x: { id: number }) => x.id === d.id).task).toMatchObject({ status: 'verified', light: 'done' });
  });
});
