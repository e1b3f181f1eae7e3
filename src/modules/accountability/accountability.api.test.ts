import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { runEscalationJob } from '../tasks/jobs.ts';
import { canSee } from './policy.ts';
import { draftsJob } from './jobs.ts';

/**
 * 问责 records through the API: drafts by hand (supervisors over the target only), edit, issue
 * (the target told), explain once (the person concerned), close; who sees what (drafts only the
 * supervisors), the list's SQL held equal to `canSee`; drafts from the 通报 and 问责建议 rungs,
 * once per task and rung. Runs on PGlite and, under test:pg, PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let dept: Unit;
let otherCounty: Unit;
let supervisor: Client;
let supervisorElsewhere: Client;
let leader: Client;
let head: Client;
let staff: Client;
let colleague: Client;
let admin: Client;

const at = (date: string) => new Date(`${date}T09:00:00+08:00`);

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-09-28T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '问责县' });
  dept = await ctx.newUnit({ parent: county, name: '住建局' });
  const office = await ctx.newUnit({ parent: county, name: '督查室' });
  otherCounty = await ctx.newUnit({ kind: 'region', level: 'county', name: '邻县' });
  supervisor = await ctx.as(['supervisor'], office);
  supervisorElsewhere = await ctx.as(['supervisor'], otherCounty);
  leader = await ctx.as(['leader'], office);
  head = await ctx.as(['unit_head'], dept);
  staff = await ctx.as(['staff'], dept);
  colleague = await ctx.as(['staff'], dept);
  admin = await ctx.as(['admin'], county);
});
afterAll(() => ctx.close());

const body = (o: Record<string, unknown> = {}) => ({ kind: 'talk', targetUnitId: dept.id, title: '关于住建局工作推进不力的约谈', reason: '多项督办事项逾期未办结。', ...o });

describe('a record by hand: draft → issue → explain → close', () => {
  it('creates a draft (supervisor over the unit) and refuses others with 403', async () => {
    const res = await supervisor.post('/api/v1/accountability', body({ targetPersonId: staff.person.id }));
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ status: 'draft', kind: 'talk', kindName: '约谈', targetPerson: { id: staff.person.id }, origin: 'manual', allowedActions: ['edit', 'issue'] });
    expect((await supervisorElsewhere.post('/api/v1/accountability', body())).statusCode).toBe(403);
    expect((await head.post('/api/v1/accountability', body())).statusCode).toBe(403);
    expect((await admin.post('/api/v1/accountability', body())).statusCode).toBe(403);
  });

  it('refuses a target person outside the target unit (400) and unknown evidence (400)', async () => {
    const outsider = await ctx.newPerson({ unit: otherCounty });
    const a = await supervisor.post('/api/v1/accountability', body({ targetPersonId: outsider.id }));
    expect(a.statusCode).toBe(400);
    expect(a.json().error.code).toBe('ACCOUNTABILITY_TARGET_MISMATCH');
    const b = await supervisor.post('/api/v1/accountability', body({ evidence: [{ kind: 'task', id: 2147483647 }] }));
    expect(b.statusCode).toBe(400);
    expect(b.json().error.code).toBe('ACCOUNTABILITY_EVIDENCE_INVALID');
    expect((await supervisor.post('/api/v1/accountability', body({ evidence: [{ kind: 'link' }] }))).statusCode).toBe(400);
  });

  it('walks the states, tells the target on issue, lets the person concerned explain once', async () => {
    const task = await ctx.newTask({ leadUnit: dept, title: '老旧小区改造' });
    const r = (await supervisor.post('/api/v1/accountability', body({ kind: 'admonition', targetPersonId: staff.person.id, evidence: [{ kind: 'task', id: task.id }, { kind: 'link', note: 'https://example.org/minutes' }] }))).json();
    // A draft is the supervisors' only: to others it answers as an unknown id (no existence oracle).
    expect((await staff.get(`/api/v1/accountability/${r.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/v1/accountability/${r.id}`)).statusCode).toBe(404);
    const edited = await supervisor.patch(`/api/v1/accountability/${r.id}`, { version: r.version, reason: '改过的事由。' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ reason: '改过的事由。', version: r.version + 1 });
    expect((await supervisor.post(`/api/v1/accountability/${r.id}/issue`, { version: r.version })).statusCode).toBe(409); // stale
    expect((await staff.post(`/api/v1/accountability/${r.id}/explain`, { version: r.version + 1, text: '说明' })).statusCode).toBe(404); // not yet seen: as an unknown id
    const issued = await supervisor.post(`/api/v1/accountability/${r.id}/issue`, { version: r.version + 1 });
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', statusName: '印发', issuedBy: { id: supervisor.person.id } });
    const note = await ctx.handle.db.selectFrom('notification').select(['recipientId', 'kind']).where('kind', '=', 'accountability.issued').where('objectId', '=', String(r.id)).execute();
    expect(note.map((n) => n.recipientId)).toEqual([staff.person.id]);
    // Once issued: the person, the unit's head and the leader see it; a colleague does not; nothing more is edited.
    expect((await staff.get(`/api/v1/accountability/${r.id}`)).json().allowedActions).toEqual(['explain']);
    expect((await head.get(`/api/v1/accountability/${r.id}`)).json().allowedActions).toEqual([]);
    expect((await leader.get(`/api/v1/accountability/${r.id}`)).statusCode).toBe(200);
    expect((await colleague.get(`/api/v1/accountability/${r.id}`)).statusCode).toBe(404);
    const v = issued.json().version;
    expect((await supervisor.patch(`/api/v1/accountability/${r.id}`, { version: v, title: '再改' })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await head.post(`/api/v1/accountability/${r.id}/explain`, { version: v, text: '单位说明' })).statusCode).toBe(403);
    const ex = await staff.post(`/api/v1/accountability/${r.id}/explain`, { version: v, text: '因拆迁协调未完成，已制定整改计划。' });
    expect(ex.statusCode).toBe(200);
    expect(ex.json()).toMatchObject({ status: 'explained', explainedBy: { id: staff.person.id } });
    const again = await staff.post(`/api/v1/accountability/${r.id}/explain`, { version: v + 1, text: '再说明' });
    expect(again.statusCode).toBe(409);
    expect((await staff.post(`/api/v1/accountability/${r.id}/close`, { version: v + 1, conclusion: '结案' })).statusCode).toBe(403);
    const closed = await supervisor.post(`/api/v1/accountability/${r.id}/close`, { version: v + 1, conclusion: '说明属实，予以结案。' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', conclusion: '说明属实，予以结案。', allowedActions: [] });
    const audit = await ctx.handle.db.selectFrom('auditLog').select('action').where('objectType', '=', 'accountability_record').where('objectId', '=', String(r.id)).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['accountability.create', 'accountability.edit', 'accountability.issue', 'accountability.explain', 'accountability.close']);
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('a record against a unit is explained by its heads, and closed without an explanation too', async () => {
    const r = (await supervisor.post('/api/v1/accountability', body({ kind: 'criticism' }))).json();
    const i = (await supervisor.post(`/api/v1/accountability/${r.id}/issue`, { version: r.version })).json();
    const heads = await ctx.handle.db.selectFrom('notification').select('recipientId').where('kind', '=', 'accountability.issued').where('objectId', '=', String(r.id)).execute();
    expect(heads.map((h) => h.recipientId)).toEqual([head.person.id]);
    // Staff of the unit do not see a record against it: 404, as for an unknown id.
    expect((await staff.post(`/api/v1/accountability/${r.id}/explain`, { version: i.version, text: '说明' })).statusCode).toBe(404);
    expect((await head.get(`/api/v1/accountability/${r.id}`)).json().allowedActions).toEqual(['explain']);
    const c = await supervisor.post(`/api/v1/accountability/${r.id}/close`, { version: i.version, conclusion: '未申辩，结案。' });
    expect(c.json().status).toBe('closed');
  });

  it('404 for an unknown record; 400 for bad input', async () => {
    expect((await supervisor.get('/api/v1/accountability/2147483647')).json().error.code).toBe('ACCOUNTABILITY_NOT_FOUND');
    expect((await supervisor.get('/api/v1/accountability/abc')).statusCode).toBe(400);
    expect((await supervisor.post('/api/v1/accountability', body({ kind: 'firing' }))).statusCode).toBe(400);
    expect((await supervisor.post('/api/v1/accountability', body({ title: 'x'.repeat(201) }))).statusCode).toBe(400);
    expect((await supervisor.post('/api/v1/accountability', body({ reason: 'a\u0000b' }))).statusCode).toBe(400);
    expect((await supervisor.get('/api/v1/accountability?q=%00')).statusCode).toBe(400);
    expect((await supervisor.get('/api/v1/accountability?cursor=xyz')).statusCode).toBe(400);
  });
});

describe('the list shows what canSee allows', () => {
  it('holds the SQL and the policy together for every caller', async () => {
    const all = await ctx.handle.db.selectFrom('accountabilityRecord as r').innerJoin('unit as u', 'u.id', 'r.targetUnitId').select(['r.id', 'r.targetUnitId', 'u.path', 'r.targetPersonId', 'r.status']).execute();
    expect(all.length).toBeGreaterThan(2);
    for (const c of [supervisor, supervisorElsewhere, leader, head, staff, colleague, admin]) {
      const actor = await ctx.actorOf(c.person);
      const listed = ((await c.get('/api/v1/accountability?limit=500')).json().items as { id: number }[]).map((x) => x.id).sort((a, b) => a - b);
      const expected = all.filter((r) => canSee(actor, { targetUnitId: r.targetUnitId, targetPath: r.path, targetPersonId: r.targetPersonId, status: r.status })).map((r) => r.id).sort((a, b) => a - b);
      expect(listed, c.person.login).toEqual(expected);
    }
  });

  it('filters by status, kind and unit, and pages', async () => {
    const res0 = await supervisor.get(`/api/v1/accountability?status=closed&unitId=${dept.id}`);
    const closed = res0.json().items;
    expect(closed.length).toBe(2);
    const p1 = (await supervisor.get('/api/v1/accountability?limit=1')).json();
    expect(p1.items.length).toBe(1);
    const p2 = (await supervisor.get(`/api/v1/accountability?limit=1&cursor=${p1.nextCursor}`)).json();
    expect(p2.items[0].id).toBeLessThan(p1.items[0].id);
  });
});

describe('drafts from the escalation ladder', () => {
  it('drafts one record per task at 通报 and at 问责建议, never twice, as drafts for the supervisor', async () => {
    const task = await ctx.newTask({ by: leader.person, leadUnit: dept, title: '节前安全大检查', responsibleId: staff.person.id, deadline: '2026-09-30' });
    const job = draftsJob(ctx.handle.db, ctx.services.accountability);
    for (const date of ['2026-10-08', '2026-10-13', '2026-10-20']) {
      ctx.clock.set(at(date));
      const r = await runEscalationJob(ctx.handle.db, ctx.services.escalation);
      expect(r.ran).toBe(true);
    }
    await job.run();
    await job.run();
    let drafts = await ctx.handle.db.selectFrom('accountabilityRecord').selectAll().where('taskId', '=', task.id).execute();
    expect(drafts.map((d) => [d.kind, d.status, d.origin, d.targetPersonId])).toEqual([['criticism', 'draft', 'escalation', staff.person.id]]);
    ctx.clock.set(at('2026-11-04'));
    await runEscalationJob(ctx.handle.db, ctx.services.escalation);
    await Promise.all([job.run(), job.run()]);
    drafts = await ctx.handle.db.selectFrom('accountabilityRecord').selectAll().where('taskId', '=', task.id).orderBy('id').execute();
    expect(drafts.map((d) => d.kind)).toEqual(['criticism', 'recommendation']);
    expect(drafts.every((d) => d.status === 'draft' && d.createdBy === null)).toBe(true);
    // The supervisor is told and sees them; the person concerned does not until issued.
    const told = await ctx.handle.db.selectFrom('notification').select('recipientId').where('kind', '=', 'accountability.draft').where('objectId', '=', String(drafts[1]!.id)).execute();
    expect(told.map((t) => t.recipientId)).toContain(supervisor.person.id);
    // The clock moved weeks: the sessions timed out.
    const [sup, st] = [await ctx.login(supervisor.person), await ctx.login(staff.person)];
    expect((await sup.get(`/api/v1/accountability?taskId=${task.id}`)).json().items.length).toBe(2);
    expect((await st.get(`/api/v1/accountability?taskId=${task.id}`)).json().items.length).toBe(0);
  });
});

describe('evidence files', () => {
  // The ladder's test moved the clock weeks on: sessions are signed in again.
  beforeAll(async () => {
    [supervisor, supervisorElsewhere, head, staff] = [await ctx.login(supervisor.person), await ctx.login(supervisorElsewhere.person), await ctx.login(head.person), await ctx.login(staff.person)];
  });
  const upload = (c: Client, id: number, bytes: Buffer, name = '约谈记录.txt') =>
    ctx.inject({ method: 'POST', url: `/api/v1/accountability/${id}/attachments`, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) }, payload: bytes });

  it('a supervisor over the target attaches a file (audited); who sees the record downloads it; a closed record takes no more', async () => {
    const r = (await supervisor.post('/api/v1/accountability', { kind: 'talk', targetUnitId: dept.id, title: '约谈住建局', reason: '整改滞后' })).json();
    const res = await upload(supervisor, r.id, Buffer.from('约谈时间：九月二十八日'));
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ fileName: '约谈记录.txt', contentType: expect.stringContaining('text/plain') });
    const detail = (await supervisor.get(`/api/v1/accountability/${r.id}`)).json();
    expect(detail.attachments).toEqual([expect.objectContaining({ id: a.id, fileName: '约谈记录.txt', uploadedBy: expect.any(String) })]);
    expect(detail.canAttach).toBe(true);
    const audit = await ctx.handle.db.selectFrom('auditLog').select('action').where('objectType', '=', 'accountability_record').where('objectId', '=', String(r.id)).orderBy('seq').execute();
    expect(audit.map((x) => x.action)).toContain('accountability.attach');
    // Others: staff cannot attach (403 at the door); a supervisor elsewhere gets the unknown id's 404.
    expect((await upload(staff, r.id, Buffer.from('x'))).statusCode).toBe(403);
    expect((await upload(supervisorElsewhere, r.id, Buffer.from('x'))).statusCode).toBe(404);
    // Issued: the unit head over the target reads it and downloads the file; cannot attach.
    const issued = (await supervisor.post(`/api/v1/accountability/${r.id}/issue`, { version: detail.version })).json();
    const seen = (await head.get(`/api/v1/accountability/${r.id}`)).json();
    expect(seen.canAttach).toBe(false);
    const file = await head.get(`/api/v1/accountability/${r.id}/attachments/${a.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('约谈时间：九月二十八日');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('约谈记录.txt'));
    expect((await head.get(`/api/v1/accountability/${r.id}/attachments/2147483647`)).statusCode).toBe(404);
    expect((await supervisorElsewhere.get(`/api/v1/accountability/${r.id}/attachments/${a.id}`)).statusCode).toBe(404);
    // Closed: no more evidence.
    const closed = await supervisor.post(`/api/v1/accountability/${r.id}/close`, { version: issued.version, conclusion: '已整改' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await upload(supervisor, r.id, Buffer.from('迟到的证据'))).statusCode).toBe(403);
  });

  it('refuses a file type outside the allow list (415) and a body that is not the file', async () => {
    const r = (await supervisor.post('/api/v1/accountability', { kind: 'reminder', targetUnitId: dept.id, title: '提醒', reason: '事由' })).json();
    expect((await upload(supervisor, r.id, Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), '约谈.pdf')).statusCode).toBe(415);
    expect((await upload(supervisor, r.id, Buffer.from('<html><script>alert(1)</script></html>'), '说明.txt')).statusCode).toBe(415);
    expect((await upload(supervisor, r.id, Buffer.alloc(0), 'empty.txt')).statusCode).toBe(415);
    const json = await supervisor.post(`/api/v1/accountability/${r.id}/attachments`, { not: 'a file' });
    expect([400, 415]).toContain(json.statusCode);
  });
});
