import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { runEscalationJob } from './jobs.ts';

/**
 * Issue #16: 催办 / 督办 by hand, the unit's 情况说明, 批示 and the printable 督办单. A task due on
 * Wednesday 30 September 2026 (1–7 October off; Saturday 10 October a makeup working day): 8 October
 * is 1 工作日 overdue, 13 October 5, 20 October 10. Runs on PGlite and, under test:pg, PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let dept: Unit;
let office: Unit;
type P = { id: number; login: string };
let leader: P;
let supervisor: P;
let head: P;
let staff: P;
let other: P;
let outsider: P;
let taskId: number;

const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const as = (p: P) => ctx.login(p);
const scan = async () => {
  const r = await runEscalationJob(ctx.handle.db, ctx.services.escalation);
  if (!r.ran) throw new Error('scan did not run');
  return r.result;
};
const detail = async (id = taskId) => (await (await as(leader)).get(`/api/v1/tasks/${id}`)).json();
const rungs = async (id = taskId) => ctx.handle.db.selectFrom('taskEscalation').selectAll().where('taskId', '=', id).orderBy('at').execute();
const notes = (kind: string, id = taskId) => ctx.handle.db.selectFrom('notification').select(['recipientId', 'title', 'body']).where('kind', '=', kind).where('objectId', '=', String(id)).orderBy('id').execute();

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-09-28T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '示范县' });
  dept = await ctx.newUnit({ parent: county, name: '应急局' });
  office = await ctx.newUnit({ parent: county, name: '县政府督查室' });
  const elsewhere = await ctx.newUnit({ kind: 'region', level: 'county', name: '邻县' });
  leader = await ctx.newPerson({ unit: office, roles: ['leader'], name: '县长甲' });
  supervisor = await ctx.newPerson({ unit: office, roles: ['supervisor'], name: '督查员乙' });
  head = await ctx.newPerson({ unit: dept, roles: ['unit_head'], name: '局长丙' });
  staff = await ctx.newPerson({ unit: dept, roles: ['staff'], name: '科员丁' });
  other = await ctx.newPerson({ unit: dept, roles: ['staff'], name: '科员戊' });
  outsider = await ctx.newPerson({ unit: elsewhere, roles: ['leader', 'supervisor'], name: '邻县领导' });
  taskId = (await ctx.newTask({ by: leader, title: '节前安全生产大检查', level: 'key', leadUnitId: dept.id, responsibleId: staff.id, deadline: '2026-09-30', standard: '全覆盖检查，隐患清单闭环' })).id;
});
afterAll(() => ctx.close());

describe('催办 and 督办 by hand', () => {
  it('offers the supervisor 催办 and 升级督办 on a red task, and the unit nothing to answer yet', async () => {
    ctx.clock.set(at('2026-10-08'));
    await scan(); // 1 工作日 overdue: 提醒
    const s = (await (await as(supervisor)).get(`/api/v1/tasks/${taskId}`)).json();
    expect(s.light).toBe('red');
    expect(s.allowedActions).toEqual(['urge', 'supervise']);
    expect((await (await as(head)).get(`/api/v1/tasks/${taskId}`)).json().allowedActions).not.toContain('answer_urging');
  });

  it('催办: a written urging with a reply deadline in 工作日, to the heads and the responsible person, recorded as the 催办 rung by hand', async () => {
    const c = await as(supervisor);
    const t0 = await detail();
    const r = await c.post(`/api/v1/tasks/${taskId}/urgings`, { version: t0.version, level: 'urge', text: '请于两个工作日内报送未完成原因及整改措施。', replyDue: { workdays: 2 } });
    expect(r.statusCode).toBe(201);
    const t = r.json();
    expect(t.urgingId).toBeGreaterThan(0);
    expect(t.urgings).toEqual([expect.objectContaining({ id: t.urgingId, level: 'urge', replyDue: '2026-10-10', byName: '督查员乙', answer: null, overdue: false })]);
    expect(t.timeline.at(-1)).toMatchObject({ kind: 'urge', actorName: '督查员乙', data: { urgingId: t.urgingId, level: 'urge', rung: true, overdueWorkdays: 1 } });
    const rows = await rungs();
    expect(rows.map((e) => [e.level, e.manual, e.byId])).toEqual([
      ['remind', false, null],
      ['urge', true, supervisor.id],
    ]);
    expect((await notes('tasks.urged')).map((n) => n.recipientId).sort()).toEqual([head.id, staff.id].sort());
    expect((await notes('tasks.urged'))[0]!.body).toContain('2026-10-10');
    const state = await ctx.handle.db.selectFrom('task').select(['escalationRung', 'nextEscalationOn', 'openUrgings']).where('id', '=', taskId).executeTakeFirstOrThrow();
    expect(state).toEqual({ escalationRung: 2, nextEscalationOn: '2026-10-13', openUrgings: 1 });
    expect((await (await as(head)).get(`/api/v1/tasks/${taskId}`)).json().allowedActions).toContain('answer_urging');
  });

  it('a second 催办 is an urging of its own, not a second rung', async () => {
    const t0 = await detail();
    const r = await (await as(leader)).post(`/api/v1/tasks/${taskId}/urgings`, { version: t0.version, level: 'urge', text: '再次催办：请局长亲自过问。', replyDue: '2026-10-09' });
    expect(r.statusCode).toBe(201);
    expect(r.json().urgings).toHaveLength(2);
    expect(r.json().timeline.at(-1).data.rung).toBe(false);
    expect((await rungs()).filter((e) => e.level === 'urge')).toHaveLength(1);
  });

  it('the scan does not fire 催办 again, and after 督办 by hand passes over to 通报', async () => {
    ctx.clock.set(at('2026-10-10'));
    expect((await scan()).fired).toBe(0);
    ctx.clock.set(at('2026-10-12'));
    const t0 = await detail();
    const r = await (await as(leader)).post(`/api/v1/tasks/${taskId}/urgings`, { version: t0.version, level: 'supervise', text: '列为县政府督办事项，请于 10 月 14 日前报送情况说明。', replyDue: '2026-10-14' });
    expect(r.statusCode).toBe(201);
    expect(r.json().escalations.map((e: { level: string }) => e.level)).toEqual(['remind', 'urge', 'supervise']);
    // Already at 督办: no second raise (409), for anyone.
    const again = await (await as(supervisor)).post(`/api/v1/tasks/${taskId}/urgings`, { version: r.json().version, level: 'supervise', text: '再升级', replyDue: '2026-10-14' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_TRANSITION');
    ctx.clock.set(at('2026-10-13'));
    expect((await scan()).fired).toBe(0);
    ctx.clock.set(at('2026-10-20'));
    expect((await scan()).fired).toBe(1);
    expect((await rungs()).map((e) => e.level)).toEqual(['remind', 'urge', 'supervise', 'notice']);
  });

  it('counts the rungs raised by hand in the weekly statistics like the scan’s', async () => {
    const weeks = (await (await as(supervisor)).get('/api/v1/tasks/stats/trend?weeks=4')).json().weeks as { week: string; escalations: Record<string, number> }[];
    const sum = (level: string) => weeks.reduce((n, w) => n + (w.escalations[level] ?? 0), 0);
    expect([sum('remind'), sum('urge'), sum('supervise'), sum('notice')]).toEqual([1, 1, 1, 1]);
  });

  it('refuses 催办 from the unit, a staff member, and anyone out of scope; bad input gets 4xx', async () => {
    const v = (await detail()).version;
    const body = { version: v, level: 'urge', text: '催办', replyDue: { workdays: 1 } };
    expect((await (await as(head)).post(`/api/v1/tasks/${taskId}/urgings`, body)).statusCode).toBe(403);
    expect((await (await as(other)).post(`/api/v1/tasks/${taskId}/urgings`, body)).statusCode).toBe(403);
    expect((await (await as(outsider)).post(`/api/v1/tasks/${taskId}/urgings`, body)).statusCode).toBe(403);
    const s = await as(supervisor);
    expect((await s.post('/api/v1/tasks/99999999/urgings', body)).statusCode).toBe(404);
    for (const bad of [
      { ...body, text: '' },
      { ...body, text: 'x'.repeat(2001) },
      { ...body, text: 'a\u0000b' },
      { ...body, level: 'notice' },
      { ...body, replyDue: '2026-10-01' },
      { ...body, replyDue: { workdays: -1 } },
      { ...body, replyDue: { workdays: 1e9 } },
      { ...body, replyDue: '2026-13-45' },
      { ...body, version: 'x' },
      { ...body, extra: 1 },
    ]) {
      const r = await s.post(`/api/v1/tasks/${taskId}/urgings`, bad);
      expect(r.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(r.json().error.code).toBeTruthy();
    }
    expect((await s.post(`/api/v1/tasks/${taskId}/urgings`, { ...body, version: v - 1 })).statusCode).toBe(409);
  });
});

describe('情况说明', () => {
  it('the head answers an urging: on the timeline, the urger is told; a second answer is 409', async () => {
    const t0 = await detail();
    const first = t0.urgings[0];
    const h = await as(head);
    const r = await h.post(`/api/v1/tasks/${taskId}/urgings/${first.id}/answer`, { version: t0.version, text: '已完成 80% 点位检查，剩余点位 10 月 23 日前完成。\n整改清单附后。' });
    expect(r.statusCode).toBe(200);
    const u = r.json().urgings.find((x: { id: number }) => x.id === first.id);
    expect(u).toMatchObject({ answeredByName: '局长丙', overdue: true }); // due 10 October, answered on the 20th
    expect(r.json().timeline.at(-1)).toMatchObject({ kind: 'answer_urging', data: { urgingId: first.id, late: true } });
    const told = await notes('tasks.urging_answered');
    expect(told.map((n) => n.recipientId)).toEqual([supervisor.id]);
    expect(told[0]!.title).toContain('逾期');
    const again = await h.post(`/api/v1/tasks/${taskId}/urgings/${first.id}/answer`, { version: r.json().version, text: '补充' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('URGING_ANSWERED');
  });

  it('the responsible person answers too; others may not; unknown urgings are 404', async () => {
    const t0 = await detail();
    const [, second] = t0.urgings;
    expect((await (await as(other)).post(`/api/v1/tasks/${taskId}/urgings/${second.id}/answer`, { version: t0.version, text: '说明' })).statusCode).toBe(403);
    expect((await (await as(supervisor)).post(`/api/v1/tasks/${taskId}/urgings/${second.id}/answer`, { version: t0.version, text: '说明' })).statusCode).toBe(403);
    const s = await as(staff);
    expect((await s.post(`/api/v1/tasks/${taskId}/urgings/99999999/answer`, { version: t0.version, text: '说明' })).statusCode).toBe(404);
    expect((await s.post(`/api/v1/tasks/${taskId}/urgings/${second.id}/answer`, { version: t0.version, text: '' })).statusCode).toBe(400);
    const r = await s.post(`/api/v1/tasks/${taskId}/urgings/${second.id}/answer`, { version: t0.version, text: '已按要求整改。' });
    expect(r.statusCode).toBe(200);
    expect(r.json().urgings.filter((u: { answer: string | null }) => u.answer === null)).toHaveLength(1);
  });
});

describe('批示', () => {
  it('a leader over the unit writes a 批示 with a new milestone; the heads and the responsible person are told', async () => {
    // A task still in time: the overdue one above can take no new milestone (none falls between today and its deadline).
    const fresh = await ctx.newTask({ by: leader, title: '节后复工检查', level: 'key', leadUnitId: dept.id, responsibleId: staff.id, deadline: '2026-11-30' });
    const r = await (await as(leader)).post(`/api/v1/tasks/${fresh.id}/instructions`, { version: fresh.version, text: '请应急局牵头，10 月 30 日前报结果。', milestone: { title: '报送检查结果', due: '2026-10-30' } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().timeline.at(-1)).toMatchObject({ kind: 'instruct', data: { text: '请应急局牵头，10 月 30 日前报结果。', milestone: { title: '报送检查结果', due: '2026-10-30' } } });
    expect(r.json().milestones.map((m: { title: string }) => m.title)).toContain('报送检查结果');
    expect((await notes('tasks.instructed', fresh.id)).map((n) => n.recipientId).sort()).toEqual([head.id, staff.id].sort());
    // On the overdue task a milestone already due is refused like a past deadline.
    const past = await (await as(leader)).post(`/api/v1/tasks/${taskId}/instructions`, { version: (await detail()).version, text: '补报结果', milestone: { title: '报送检查结果', due: '2026-09-30' } });
    expect(past.statusCode, past.body).toBe(400);
    expect(past.json().error.message).toMatch(/in the past/);
  });

  it('refuses a milestone after the deadline (400), a supervisor or a unit head (403), and a leader out of scope (403)', async () => {
    const v = (await detail()).version;
    const l = await as(leader);
    const late = await l.post(`/api/v1/tasks/${taskId}/instructions`, { version: v, text: '批示', milestone: { title: '节点', due: '2026-12-31' } });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.details).toMatchObject({ field: 'milestones' });
    expect((await (await as(supervisor)).post(`/api/v1/tasks/${taskId}/instructions`, { version: v, text: '批示' })).statusCode).toBe(403);
    expect((await (await as(head)).post(`/api/v1/tasks/${taskId}/instructions`, { version: v, text: '批示' })).statusCode).toBe(403);
    expect((await (await as(outsider)).post(`/api/v1/tasks/${taskId}/instructions`, { version: v, text: '批示' })).statusCode).toBe(403);
    expect((await l.post(`/api/v1/tasks/${taskId}/instructions`, { version: v, text: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await l.post(`/api/v1/tasks/${taskId}/instructions`, { version: v, text: '批示', milestone: { title: '', due: '2026-09-30' } })).statusCode).toBe(400);
  });
});

describe('督办通知单 / 催办通知单', () => {
  it('prints the 督办通知单 as a DOCX that reads back with the office’s fields', async () => {
    const r = await (await as(supervisor)).get(`/api/v1/tasks/${taskId}/notice.docx?kind=supervise`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('wordprocessingml');
    const text = (await mammoth.extractRawText({ buffer: r.rawPayload })).value;
    for (const s of ['督办通知单', `编号：督〔2026〕第 ${taskId} 号`, '督办事项', '节前安全生产大检查', '交办领导', '县长甲', '主办单位', '应急局', '协办单位', '完成时限', '2026年9月30日', '办理要求', '列为县政府督办事项', '全覆盖检查', '反馈要求', '2026年10月14日', '县政府督查室', '2026年10月20日']) {
      expect(text).toContain(s);
    }
  });

  it('gives the print page the same rows as the DOCX', async () => {
    const n = (await (await as(head)).get(`/api/v1/tasks/${taskId}/notice?kind=supervise`)).json();
    expect(n).toMatchObject({ title: '督办通知单', number: `督〔2026〕第 ${taskId} 号`, signer: '县政府督查室', date: '2026年10月20日' });
    expect(n.rows.map((r: { label: string }) => r.label)).toEqual(['督办事项', '事项等级', '交办领导', '主办单位', '协办单位', '责 任 人', '完成时限', '办理要求', '反馈要求']);
  });

  it('prints the 催办通知单 from the last 催办; 400 for an unknown kind, 404 for an unknown task, 403 out of scope', async () => {
    const s = await as(supervisor);
    const text = (await mammoth.extractRawText({ buffer: (await s.get(`/api/v1/tasks/${taskId}/notice.docx?kind=urge`)).rawPayload })).value;
    expect(text).toContain('催办通知单');
    expect(text).toContain('再次催办');
    expect((await s.get(`/api/v1/tasks/${taskId}/notice.docx?kind=x`)).statusCode).toBe(400);
    expect((await s.get('/api/v1/tasks/99999999/notice.docx')).statusCode).toBe(404);
    expect((await (await as(outsider)).get(`/api/v1/tasks/${taskId}/notice.docx`)).statusCode).toBe(403);
  });

  it('kept the audit chain whole', async () => {
    // The 批示 is on the second task (see above); the rest on the first.
    const actions = await ctx.handle.db.selectFrom('auditLog').select('action').where('objectType', '=', 'task').execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['task.urge', 'task.supervise', 'task.answer_urging', 'task.instruct']));
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });
});
