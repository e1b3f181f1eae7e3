import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { runEscalationJob } from './jobs.ts';

/**
 * Issue #16, the task itself: co-units (协办) and the overseeing leader take part; the assigner
 * edits and withdraws before sign-for; files added to (and removed from) an existing task; rungs
 * found due at once recorded on the days they became due, with one message. PGlite and PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let lead: Unit;
let co1: Unit;
let co2: Unit;
let other: Unit;
type P = { id: number; login: string };
let assigner: P;
let leader: P;
let head: P;
let staff: P;
let coHead1: P;
let coHead2: P;
let coStaff: P;
let otherHead: P;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');
const at = (date: string, time = '09:30') => new Date(`${date}T${time}:00+08:00`);
const as = (p: P) => ctx.login(p);
const detail = async (id: number, p: P = assigner) => (await (await as(p)).get(`/api/v1/tasks/${id}`)).json();
const notes = (kind: string, id: number) => ctx.handle.db.selectFrom('notification').select(['recipientId', 'title', 'body']).where('kind', '=', kind).where('objectId', '=', String(id)).orderBy('id').execute();
const upload = (c: Client, id: number, body: Buffer, name: string) =>
  ctx.inject({ method: 'POST', url: `/api/v1/tasks/${id}/attachments`, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, payload: body });
const newTask = async (o: { deadline?: string; coUnitIds?: number[]; leaderId?: number; title?: string } = {}) => {
  const r = await (await as(assigner)).post('/api/v1/tasks', {
    title: o.title ?? '城区老旧小区改造',
    level: 'key',
    leadUnitId: lead.id,
    coUnitIds: o.coUnitIds ?? [co1.id, co2.id],
    leaderId: o.leaderId ?? leader.id,
    deadline: o.deadline ?? '2026-10-30',
    standard: '按期完成改造',
  });
  expect(r.statusCode).toBe(201);
  return r.json<{ id: number; version: number }>();
};

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-09-14T09:30:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '示范县' });
  const office = await ctx.newUnit({ parent: county, name: '县政府办' });
  lead = await ctx.newUnit({ parent: county, name: '住建局' });
  co1 = await ctx.newUnit({ parent: county, name: '财政局' });
  co2 = await ctx.newUnit({ parent: county, name: '自然资源局' });
  other = await ctx.newUnit({ parent: county, name: '教育局' });
  assigner = await ctx.newPerson({ unit: office, roles: ['leader'], name: '县长甲' });
  leader = await ctx.newPerson({ unit: office, roles: ['leader'], name: '副县长乙' });
  head = await ctx.newPerson({ unit: lead, roles: ['unit_head'], name: '住建局长' });
  staff = await ctx.newPerson({ unit: lead, roles: ['staff'], name: '住建科员' });
  coHead1 = await ctx.newPerson({ unit: co1, roles: ['unit_head'], name: '财政局长' });
  coHead2 = await ctx.newPerson({ unit: co2, roles: ['unit_head'], name: '自然资源局长' });
  coStaff = await ctx.newPerson({ unit: co1, roles: ['staff'], name: '财政科员' });
  otherHead = await ctx.newPerson({ unit: other, roles: ['unit_head'], name: '教育局长' });
});
afterAll(() => ctx.close());

describe('co-units (协办) and the overseeing leader take part', () => {
  let id: number;
  it('shows the co-units with their parts and the overseeing leader; tells both on 交办', async () => {
    id = (await newTask()).id;
    const t = await detail(id);
    expect(t.leader).toEqual({ id: leader.id, name: '副县长乙' });
    expect(t.coUnits).toEqual([
      expect.objectContaining({ unitId: co1.id, unitName: '财政局', signedAt: null, percent: 0, lastText: null, reports: 0 }),
      expect.objectContaining({ unitId: co2.id, unitName: '自然资源局', signedAt: null }),
    ]);
    expect((await notes('tasks.co_assigned', id)).map((n) => n.recipientId).sort()).toEqual([coHead1.id, coHead2.id].sort());
    expect((await notes('tasks.overseeing', id)).map((n) => n.recipientId)).toEqual([leader.id]);
  });

  it('the overseeing leader and the co-units see the task in their lists', async () => {
    for (const p of [leader, coHead1, coStaff]) {
      const items = (await (await as(p)).get('/api/v1/tasks?limit=100')).json().items as { id: number }[];
      expect(items.map((x) => x.id)).toContain(id);
    }
    const items = (await (await as(otherHead)).get('/api/v1/tasks?limit=100')).json().items as { id: number }[];
    expect(items.map((x) => x.id)).not.toContain(id);
  });

  it('offers a co-unit head 签收（协办） only, and refuses what belongs to the lead unit (申请办结 among them)', async () => {
    const t = await detail(id, coHead1);
    expect(t.allowedActions).toEqual(['co_sign']);
    // Each part says whether the caller heads it (the web app offers a choice to a head of several).
    expect(t.coUnits.map((p: { unitId: number; mine: boolean }) => [p.unitId, p.mine])).toEqual([[co1.id, true], [co2.id, false]]);
    expect((await detail(id, head)).coUnits.every((p: { mine: boolean }) => !p.mine)).toBe(true);
    const c = await as(coHead1);
    expect((await c.post(`/api/v1/tasks/${id}/sign`, { version: t.version })).statusCode).toBe(403);
    expect((await c.post(`/api/v1/tasks/${id}/co-progress`, { version: t.version, percent: 10, text: '资金已落实' })).json().error.code).toBe('TASK_CO_PART_NOT_SIGNED');
    expect((await (await as(coStaff)).post(`/api/v1/tasks/${id}/co-sign`, { version: t.version })).statusCode).toBe(403);
    expect((await (await as(otherHead)).post(`/api/v1/tasks/${id}/co-sign`, { version: t.version })).statusCode).toBe(403);
    expect((await c.post(`/api/v1/tasks/${id}/co-sign`, { version: t.version, unitId: co2.id })).statusCode).toBe(403);
  });

  it('a co-unit signs for its part and reports its own progress; the lead unit sees both, marked with the unit', async () => {
    const c = await as(coHead1);
    let t = await detail(id, coHead1);
    const signed = await c.post(`/api/v1/tasks/${id}/co-sign`, { version: t.version });
    expect(signed.statusCode).toBe(200);
    t = await detail(id, coHead1);
    expect(t.status).toBe('assigned'); // the lead unit's sign-for is its own
    expect(t.allowedActions).toEqual(['co_progress']);
    expect((await c.post(`/api/v1/tasks/${id}/co-sign`, { version: t.version })).json().error.code).toBe('TASK_CO_PART_SIGNED');
    expect((await c.post(`/api/v1/tasks/${id}/co-sign`, { version: t.version, unitId: co1.id })).json().error.code).toBe('TASK_CO_PART_SIGNED');
    const reported = await c.post(`/api/v1/tasks/${id}/co-progress`, { version: t.version, percent: 40, text: '改造补助资金 1200 万元已拨付。' });
    expect(reported.statusCode).toBe(200);
    const seen = await detail(id, head);
    expect(seen.coUnits[0]).toMatchObject({ unitId: co1.id, signedByName: '财政局长', percent: 40, lastText: '改造补助资金 1200 万元已拨付。', reports: 1 });
    expect(seen.coUnits[0].signedAt).not.toBeNull();
    expect(seen.coUnits[1]).toMatchObject({ unitId: co2.id, signedAt: null });
    expect(seen.timeline.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'co_sign', actorName: '财政局长', data: { unitId: co1.id, unitName: '财政局' } }),
      expect.objectContaining({ kind: 'co_progress', data: { unitId: co1.id, unitName: '财政局', percent: 40, text: '改造补助资金 1200 万元已拨付。' } }),
    ]);
    expect(seen.progressPercent).toBe(0); // the lead unit's progress is its own
    expect((await notes('tasks.co_progress', id)).map((n) => n.recipientId)).toEqual([head.id]);
  });

  it('a stale version is refused; a co-unit cannot withdraw, edit or apply for completion', async () => {
    const c = await as(coHead1);
    expect((await c.post(`/api/v1/tasks/${id}/co-progress`, { version: 1, percent: 50, text: 'x' })).json().error.code).toBe('STALE_VERSION');
    const t = await detail(id, head);
    await (await as(head)).post(`/api/v1/tasks/${id}/sign`, { version: t.version });
    const now = await detail(id, coHead1);
    expect(now.allowedActions).toEqual(['co_progress']);
    for (const [path, body] of [
      ['submit', { completion: { text: '完成' }, summary: { done: 'a', result: 'b', lessons: 'c' } }],
      ['edit', { title: '改' }],
    ] as const) {
      expect((await c.post(`/api/v1/tasks/${id}/${path}`, { version: now.version, ...body })).statusCode).toBe(403);
    }
  });
});

describe('editing after 交办 and 撤回', () => {
  it('before sign-for the assigner corrects the wording, the deadline and the lead unit; each change on the timeline and in the audit', async () => {
    const { id, version } = await newTask({ coUnitIds: [], title: '老旧小区改造（初稿）' });
    const c = await as(assigner);
    const r = await c.post(`/api/v1/tasks/${id}/edit`, { version, title: '城区老旧小区改造', description: '含雨污分流', deadline: '2026-11-13' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id, deadline: '2026-11-13' });
    const t = await detail(id);
    expect(t).toMatchObject({ title: '城区老旧小区改造', description: '含雨污分流', deadline: '2026-11-13', originalDeadline: '2026-11-13' });
    expect(t.timeline.at(-1)).toMatchObject({ kind: 'edit', data: { changes: { title: { from: '老旧小区改造（初稿）', to: '城区老旧小区改造' }, description: { from: null, to: '含雨污分流' }, deadline: { from: '2026-10-30', to: '2026-11-13' } } } });
    expect((await notes('tasks.edited', id)).map((n) => n.recipientId)).toEqual([head.id]);
    const moved = await c.post(`/api/v1/tasks/${id}/edit`, { version: t.version, leadUnitId: other.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().leadUnitId).toBe(other.id);
    expect((await detail(id)).leadUnit).toEqual({ id: other.id, name: '教育局' });
    expect((await notes('tasks.assigned', id)).map((n) => n.recipientId)).toEqual([head.id, otherHead.id]);
    expect((await c.post(`/api/v1/tasks/${id}/edit`, { version: moved.json().version })).json().error.code).toBe('TASK_EDIT_EMPTY');
    expect((await c.post(`/api/v1/tasks/${id}/edit`, { version: moved.json().version, deadline: '2026-01-05' })).statusCode).toBe(400);
    const audit = await ctx.handle.db.selectFrom('auditLog').select(['action']).where('objectType', '=', 'task').where('objectId', '=', String(id)).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['task.create', 'task.edit', 'task.edit']);
  });

  it('only the assigner edits; after sign-for the deadline and lead unit are refused with 409 naming the flow, the wording still changes', async () => {
    const { id } = await newTask({ coUnitIds: [] });
    let t = await detail(id);
    expect((await (await as(head)).post(`/api/v1/tasks/${id}/edit`, { version: t.version, title: 'x' })).statusCode).toBe(403);
    expect((await (await as(leader)).post(`/api/v1/tasks/${id}/edit`, { version: t.version, title: 'x' })).statusCode).toBe(403);
    await (await as(head)).post(`/api/v1/tasks/${id}/sign`, { version: t.version });
    t = await detail(id);
    expect(t.allowedActions).toContain('edit');
    expect(t.allowedActions).not.toContain('withdraw');
    const c = await as(assigner);
    const late = await c.post(`/api/v1/tasks/${id}/edit`, { version: t.version, deadline: '2026-12-01' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'TASK_EDIT_NEEDS_FLOW', message: expect.stringContaining('延期申请') });
    const moved = await c.post(`/api/v1/tasks/${id}/edit`, { version: t.version, leadUnitId: other.id });
    expect(moved.json().error).toMatchObject({ code: 'TASK_EDIT_NEEDS_FLOW', message: expect.stringContaining('退回后重新交办') });
    const w = await c.post(`/api/v1/tasks/${id}/withdraw`, { version: t.version, reason: '重复交办' });
    expect(w.statusCode).toBe(409);
    expect(w.json().error.message).toContain('签收后不能撤回');
    const ok = await c.post(`/api/v1/tasks/${id}/edit`, { version: t.version, standard: '年底前全部完工', deadline: t.deadline });
    expect(ok.statusCode).toBe(200);
    expect((await detail(id)).standard).toBe('年底前全部完工');
  });

  it('撤回 before sign-for: the task leaves every list, its page stays open to the assigner, the units are told', async () => {
    const { id, version } = await newTask();
    const r = await (await as(assigner)).post(`/api/v1/tasks/${id}/withdraw`, { version, reason: '与第 12 号事项重复，撤回' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'withdrawn', light: 'done' });
    expect(await detail(id)).toMatchObject({ status: 'withdrawn', allowedActions: [] });
    expect((await detail(id)).timeline.at(-1)).toMatchObject({ kind: 'withdraw', data: { reason: '与第 12 号事项重复，撤回' } });
    expect((await notes('tasks.withdrawn', id)).map((n) => n.recipientId).sort()).toEqual([head.id, coHead1.id, coHead2.id, leader.id].sort());
    for (const p of [assigner, head, leader, coHead1]) {
      const items = (await (await as(p)).get('/api/v1/tasks?limit=200')).json().items as { id: number }[];
      expect(items.map((x) => x.id)).not.toContain(id);
      const wb = (await (await as(p)).get('/api/v1/tasks/workbench')).json().groups as { items: { id: number }[] }[];
      expect(wb.flatMap((g) => g.items.map((x) => x.id))).not.toContain(id);
    }
    expect((await (await as(head)).get(`/api/v1/tasks/${id}`)).statusCode).toBe(403);
    expect((await (await as(leader)).get(`/api/v1/tasks/${id}`)).statusCode).toBe(403);
    expect((await (await as(head)).post(`/api/v1/tasks/${id}/sign`, { version: r.json().version })).statusCode).toBe(403);
    const audit = await ctx.handle.db.selectFrom('auditLog').select(['action']).where('objectType', '=', 'task').where('objectId', '=', String(id)).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['task.create', 'task.withdraw']);
    expect(await verifyAudit(ctx.handle.db)).toMatchObject({ ok: true });
  });
});

describe('attachments on an existing task', () => {
  it('adds files to the task page through the upload seam; the assigner removes one before sign-for, not after', async () => {
    const { id } = await newTask({ coUnitIds: [] });
    const c = await as(assigner);
    const a = (await upload(c, id, PDF, '改造方案.pdf')).json();
    const b = (await upload(c, id, PDF, '预算表.pdf')).json();
    let t = await detail(id);
    const r = await c.post(`/api/v1/tasks/${id}/attach`, { version: t.version, attachmentIds: [a.id, b.id], note: '补充方案和预算' });
    expect(r.statusCode).toBe(200);
    t = await detail(id);
    expect(t.attachments.map((x: { fileName: string; eventId: number | null }) => [x.fileName, x.eventId !== null])).toEqual([
      ['改造方案.pdf', true],
      ['预算表.pdf', true],
    ]);
    expect(t.timeline.at(-1)).toMatchObject({ kind: 'attach', data: { attachmentIds: [a.id, b.id], note: '补充方案和预算' } });
    expect((await c.post(`/api/v1/tasks/${id}/attach`, { version: t.version, attachmentIds: [a.id] })).statusCode).toBe(400);
    expect((await notes('tasks.attached', id)).map((n) => n.recipientId)).toEqual([head.id]);
    expect((await (await as(head)).post(`/api/v1/tasks/${id}/attachments/${b.id}/remove`, { version: t.version })).statusCode).toBe(403);
    const removed = await c.post(`/api/v1/tasks/${id}/attachments/${b.id}/remove`, { version: t.version });
    expect(removed.statusCode).toBe(200);
    t = removed.json();
    expect(t.attachments.map((x: { id: number }) => x.id)).toEqual([a.id]);
    expect(t.timeline.at(-1)).toMatchObject({ kind: 'remove_attachment', data: { attachmentId: b.id, fileName: '预算表.pdf' } });
    expect((await c.post(`/api/v1/tasks/${id}/attachments/999999/remove`, { version: t.version })).statusCode).toBe(404);
    await (await as(head)).post(`/api/v1/tasks/${id}/sign`, { version: t.version });
    t = await detail(id);
    expect(t.allowedActions).toContain('attach');
    expect(t.allowedActions).not.toContain('remove_attachment');
    const refused = await c.post(`/api/v1/tasks/${id}/attachments/${a.id}/remove`, { version: t.version });
    expect(refused.statusCode).toBe(409);
    // The lead unit adds its own; the assigner is told.
    const h = await as(head);
    const e = (await upload(h, id, PDF, '进度照片.pdf')).json();
    expect((await h.post(`/api/v1/tasks/${id}/attach`, { version: t.version, attachmentIds: [e.id] })).statusCode).toBe(200);
    expect((await notes('tasks.attached', id)).map((n) => n.recipientId)).toEqual([head.id, assigner.id]);
  });

  it('names the limit when an upload is too large', async () => {
    const { id } = await newTask({ coUnitIds: [] });
    const r = await upload(await as(assigner), id, Buffer.alloc(21 * 1024 * 1024, 1), 'big.pdf');
    expect(r.statusCode).toBe(413);
    expect(r.json().error.message).toContain('20 MB');
  });
});

describe('escalation rungs found due at once', () => {
  it('records each rung on the working day it became due, in office hours, and sends one message at the highest', async () => {
    ctx.clock.set(at('2026-09-14'));
    const { id, version } = await newTask({ coUnitIds: [], deadline: '2026-09-16' });
    await (await as(head)).post(`/api/v1/tasks/${id}/dispatch`, { version, responsibleId: staff.id }).catch(() => undefined);
    // 2026-09-16 + 21 工作日 (National Day off 1–7 Oct, Sat 10 Oct a makeup day) — the scan runs at 02:33.
    ctx.clock.set(at('2026-10-26', '02:33'));
    const r = await runEscalationJob(ctx.handle.db, ctx.services.escalation);
    expect(r.ran).toBe(true);
    const rows = await ctx.handle.db.selectFrom('taskEscalation').selectAll().where('taskId', '=', id).orderBy('at').execute();
    expect(rows.map((e) => e.level)).toEqual(['remind', 'urge', 'supervise', 'notice', 'accountability']);
    const days = rows.map((e) => new Date(e.at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
    expect(new Set(days).size).toBe(5);
    // Each at 09:00 on its own working day, the last at most today.
    for (const d of days) expect(d.endsWith('09:00')).toBe(true);
    expect(days[0]!.slice(0, 10)).toBe('2026-09-17');
    expect(rows.map((e) => e.overdueWorkdays)).toEqual([1, 3, 5, 10, 20]);
    // Recorded when the scan found them (what the accountability drafts follow), all at once.
    expect(rows.every((e) => Math.abs(e.firedAt.getTime() - at('2026-10-26', '02:33').getTime()) < 60_000)).toBe(true);
    const told = await notes('tasks.escalated', id);
    expect(told.map((n) => n.title)).toEqual(expect.arrayContaining([expect.stringContaining('【问责建议】')]));
    expect(new Set(told.map((n) => n.title)).size).toBe(1);
    const events = (await detail(id)).timeline.filter((e: { kind: string }) => e.kind === 'escalated');
    expect(events.map((e: { data: { level: string } }) => e.data.level)).toEqual(['remind', 'urge', 'supervise', 'notice', 'accountability']);
    expect(new Set(events.map((e: { at: string }) => e.at)).size).toBe(5);
  });
});

describe('co-units named twice, or the lead unit named as a co-unit', () => {
  const count = async (title: string) => Number((await ctx.handle.db.selectFrom('task').select((e) => e.fn.countAll().as('n')).where('title', '=', title).executeTakeFirstOrThrow()).n);

  it('refuses 交办 with 400 naming coUnitIds, in Chinese, and writes nothing', async () => {
    ctx.clock.set(at('2026-09-14'));
    const c = await as(assigner);
    const body = (title: string, coUnitIds: number[]) => ({ title, level: 'normal', leadUnitId: lead.id, coUnitIds, deadline: '2026-10-30' });
    const withLead = await c.post('/api/v1/tasks', body('主办兼协办', [co1.id, lead.id]));
    expect(withLead.statusCode).toBe(400);
    expect(withLead.json().error).toEqual({ code: 'VALIDATION', message: `主办单位「住建局」不能同时是协办单位 (the lead unit cannot also be a co-unit): ${lead.id}`, details: { field: 'coUnitIds' } });
    const twice = await c.post('/api/v1/tasks', body('协办重复', [co1.id, co2.id, co1.id]));
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error).toEqual({ code: 'VALIDATION', message: `协办单位重复 (a co-unit is named more than once): ${co1.id}`, details: { field: 'coUnitIds' } });
    expect(await count('主办兼协办')).toBe(0);
    expect(await count('协办重复')).toBe(0);
    // Each once, without the lead: taken as given, in its order.
    const ok = await c.post('/api/v1/tasks', body('协办各一次', [co2.id, co1.id]));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().coUnitIds).toEqual([co2.id, co1.id]);
  });

  it('refuses 重新交办 to a unit that is a co-unit of the task with 400 naming leadUnitId, and leaves the task as it was', async () => {
    const { id, version } = await newTask({ coUnitIds: [co1.id] });
    const back = await (await as(head)).post(`/api/v1/tasks/${id}/return`, { version, reason: '不属于本单位职责' });
    expect(back.statusCode).toBe(200);
    const c = await as(assigner);
    const before = await detail(id);
    const r = await c.post(`/api/v1/tasks/${id}/reassign`, { version: back.json().version, leadUnitId: co1.id });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toEqual({ code: 'VALIDATION', message: '财政局 是本事项的协办单位，不能同时主办 (a co-unit cannot also lead).', details: { field: 'leadUnitId' } });
    const after = await detail(id);
    expect(after).toMatchObject({ version: before.version, status: 'returned', leadUnit: { id: lead.id } });
    expect(after.coUnits.map((p: { unitId: number }) => p.unitId)).toEqual([co1.id]);
    const moved = await c.post(`/api/v1/tasks/${id}/reassign`, { version: back.json().version, leadUnitId: other.id });
    expect(moved.statusCode).toBe(200);
  });
});
