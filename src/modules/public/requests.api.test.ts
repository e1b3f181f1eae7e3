import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Unit } from '../../platform/db/schema.ts';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';

/**
 * 群众口碑 end to end through the API: a citizen submits and looks up by code; the desk assigns
 * (the task is created in the same transaction), the unit replies, submits, the desk verifies and
 * the citizen sees the reply at once; a bad rating reopens → rectification → call-back → new
 * rating; returns within the window; the extension limits of requests; masking; duplicates;
 * honeypot; praise; merge; decline; window ratings; public statistics; flags.
 */
let ctx: TestContext;
let county: Unit;
let dept: Unit;
let otherDept: Unit;
let desk: Client;
let head: Client;
let staff: Client;
let outsider: Client;
let seq = 0;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '诉求县' });
  dept = await ctx.newUnit({ parent: county, name: '住建局' });
  otherDept = await ctx.newUnit({ parent: county, name: '交通局' });
  desk = await ctx.as(['supervisor'], county);
  head = await ctx.as(['unit_head'], dept);
  staff = await ctx.as(['staff'], dept);
  const other = await ctx.newUnit({ kind: 'region', level: 'county', name: '别县' });
  outsider = await ctx.as(['supervisor'], other);
});
afterAll(() => ctx.close());

/** Moves the clock (idle sessions end on the way) and logs everyone in again. */
async function travel(ms: number) {
  ctx.clock.advance(ms);
  desk = await ctx.login(desk.person);
  head = await ctx.login(head.person);
  staff = await ctx.login(staff.person);
  outsider = await ctx.login(outsider.person);
}

const anon = (method: 'GET' | 'POST', url: string, payload?: unknown) => ctx.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function submit(o: Record<string, unknown> = {}) {
  seq += 1;
  const res = await anon('POST', '/api/v1/public/requests', {
    type: 'complaint',
    category: 'roads',
    description: `幸福路第${seq}段路灯不亮已两周，夜间出行不便`,
    address: `幸福路${seq}号`,
    contactName: '王小明',
    contactPhone: '13812341234',
    jurisdictionId: county.id,
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json<{ code: string }>().code;
  const id = (await ctx.handle.db.selectFrom('citizenRequest').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  return { code, id };
}
const detail = async (c: Client, id: number) => (await c.get(`/api/v1/citizen-requests/${id}`)).json();
const lookup = async (code: string) => (await anon('GET', `/api/v1/public/requests/${code}`)).json();

async function assigned(o: Record<string, unknown> = {}) {
  const r = await submit(o);
  const d = await detail(desk, r.id);
  const res = await desk.post(`/api/v1/citizen-requests/${r.id}/assign`, { version: d.version, unitId: dept.id, responsibleId: staff.person.id });
  expect(res.statusCode, res.body).toBe(200);
  return { ...r, taskId: res.json().taskId as number };
}

async function answered(o: Record<string, unknown> = {}) {
  const r = await assigned(o);
  let d = await detail(staff, r.id);
  expect((await staff.post(`/api/v1/citizen-requests/${r.id}/reply`, { version: d.version, text: '已更换路灯，恢复照明。' })).statusCode).toBe(200);
  let t = (await head.get(`/api/v1/tasks/${r.taskId}`)).json();
  t = (await head.post(`/api/v1/tasks/${r.taskId}/sign`, { version: t.version })).json();
  t = (await staff.post(`/api/v1/tasks/${r.taskId}/submit`, { version: t.version, completion: { text: '已处理' }, summary: { done: '换灯', result: '恢复照明', lessons: '定期巡查' } })).json();
  const v = await desk.post(`/api/v1/tasks/${r.taskId}/verify`, { version: t.version });
  expect(v.statusCode, v.body).toBe(200);
  d = await detail(desk, r.id);
  expect(d.status).toBe('answered');
  return r;
}

describe('citizens submit and look up', () => {
  it('gives an unguessable tracking code and shows progress with it, without the contact', async () => {
    const { code } = await submit();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{14}$/);
    const v = await lookup(code);
    expect(v).toMatchObject({ status: 'submitted', statusName: '待受理', type: 'complaint', acknowledgeDue: '2026-12-02', reply: null, canRate: false });
    expect(JSON.stringify(v)).not.toContain('13812341234');
    expect(JSON.stringify(v)).not.toContain('王小明');
    // Typed in lower case with spaces, the code still works; a wrong one is 404 in Chinese.
    expect((await anon('GET', `/api/v1/public/requests/${code.toLowerCase().slice(0, 7)} ${code.toLowerCase().slice(7)}`)).statusCode).toBe(200);
    const missing = await anon('GET', '/api/v1/public/requests/23456789ABCDEF');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/查询码不存在/);
  });

  it('refuses the honeypot, a duplicate within a day, and bad input, in Chinese', async () => {
    const bot = await anon('POST', '/api/v1/public/requests', { type: 'help', category: 'other', description: '自动提交的广告内容', website: 'http://spam' });
    expect(bot.statusCode).toBe(400);
    expect(bot.json().error).toMatchObject({ code: 'SUBMISSION_REFUSED' });
    expect(bot.json().error.message).toMatch(/提交未被受理/);
    const body = { type: 'help', category: 'water_power', description: '和平小区停水三天了，请尽快恢复', address: '和平小区', jurisdictionId: county.id };
    expect((await anon('POST', '/api/v1/public/requests', body)).statusCode).toBe(201);
    const dup = await anon('POST', '/api/v1/public/requests', { ...body, description: '和平小区 停水三天了，请尽快恢复！' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_REQUEST');
    expect(dup.json().error.message).toMatch(/请勿重复提交/);
    // A day later the same text is a new request.
    await travel(25 * 3600_000);
    expect((await anon('POST', '/api/v1/public/requests', body)).statusCode).toBe(201);
    await travel(-25 * 3600_000);
    expect((await anon('POST', '/api/v1/public/requests', { ...body, description: '短' })).statusCode).toBe(400);
    expect((await anon('POST', '/api/v1/public/requests', { ...body, description: '经纬度只给一个不行', lat: 25 })).statusCode).toBe(400);
    expect((await anon('POST', '/api/v1/public/requests', { ...body, contactPhone: 'abc' })).statusCode).toBe(400);
    expect((await anon('POST', '/api/v1/public/requests', { ...body, description: '无效的受理地区编号', jurisdictionId: 999999 })).statusCode).toBe(400);
  });

  it('takes photos judged by their bytes, up to three, before intake', async () => {
    const { code } = await submit();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1e5b9f70000000049454e44ae426082', 'hex');
    const up = (bytes: Buffer) => ctx.inject({ method: 'POST', url: `/api/v1/public/requests/${code}/photos`, headers: { 'content-type': 'image/png', 'x-file-name': 'p.png' }, payload: bytes });
    expect((await up(png)).statusCode).toBe(201);
    expect((await up(Buffer.from('not an image at all'))).statusCode).toBe(415);
    expect((await up(png)).statusCode).toBe(201);
    expect((await up(png)).statusCode).toBe(201);
    expect((await up(png)).statusCode).toBe(409);
    expect((await lookup(code)).photos).toBe(3);
  });
});

describe('the desk and the unit', () => {
  it('masks the contact for staff without the need to know, not for the desk or the responsible person', async () => {
    const r = await assigned();
    expect((await detail(desk, r.id)).contactPhone).toBe('13812341234');
    expect((await detail(staff, r.id)).contactPhone).toBe('13812341234');
    const h = await detail(head, r.id);
    expect(h.contactPhone).toBe('138****1234');
    expect(h.contactName).toBe('王**');
    expect(h.contactMasked).toBe(true);
    // Out of sight: another county's desk.
    expect((await outsider.get(`/api/v1/citizen-requests/${r.id}`)).statusCode).toBe(403);
    // The list shows only the code's last four characters.
    const list = (await desk.get('/api/v1/citizen-requests?status=assigned')).json();
    expect(list.items[0].code).toMatch(/^…[0-9A-Z]{4}$/);
  });

  it('assigns: creates the task in the same transaction with the deadline for the type, source citizen', async () => {
    const r = await assigned({ type: 'consult', description: '咨询：新生入学需要哪些材料？' });
    const t = (await head.get(`/api/v1/tasks/${r.taskId}`)).json();
    expect(t).toMatchObject({ source: { kind: 'citizen', id: r.id }, deadline: '2026-12-03' });
    const d = await detail(desk, r.id);
    expect(d).toMatchObject({ status: 'assigned', deadline: '2026-12-03', unit: { id: dept.id }, acknowledgedAt: expect.any(String) });
    expect((await lookup(r.code)).unitName).toBe('住建局');
    // The ledger filters by source=citizen.
    const ledger = (await desk.get(`/api/v1/tasks?source=citizen&sourceId=${r.id}`)).json();
    expect(ledger.items.map((x: { id: number }) => x.id)).toEqual([r.taskId]);
    // A unit outside the desk's scope: refused, nothing written.
    const other = await submit();
    const od = await detail(desk, other.id);
    const far = await ctx.newUnit({ kind: 'region', level: 'county', name: '远县' });
    expect((await desk.post(`/api/v1/citizen-requests/${other.id}/assign`, { version: od.version, unitId: far.id })).statusCode).toBe(403);
    expect((await detail(desk, other.id)).status).toBe('submitted');
    // Only the desk assigns.
    expect((await head.post(`/api/v1/citizen-requests/${other.id}/assign`, { version: od.version, unitId: dept.id })).statusCode).toBe(403);
  });

  it('requires a reply before the task is submitted; the citizen sees it once verified', async () => {
    const r = await assigned();
    let t = (await head.get(`/api/v1/tasks/${r.taskId}`)).json();
    t = (await head.post(`/api/v1/tasks/${r.taskId}/sign`, { version: t.version })).json();
    const early = await staff.post(`/api/v1/tasks/${r.taskId}/submit`, { version: t.version, completion: { text: '完成' }, summary: { done: 'd', result: 'r', lessons: 'l' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('REPLY_REQUIRED');
    const d = await detail(staff, r.id);
    await staff.post(`/api/v1/citizen-requests/${r.id}/reply`, { version: d.version, text: '路灯已修复。' });
    expect((await lookup(r.code)).reply).toBeNull();
    t = (await staff.post(`/api/v1/tasks/${r.taskId}/submit`, { version: t.version, completion: { text: '完成' }, summary: { done: 'd', result: 'r', lessons: 'l' } })).json();
    expect((await lookup(r.code)).reply).toBeNull();
    await desk.post(`/api/v1/tasks/${r.taskId}/verify`, { version: t.version });
    const v = await lookup(r.code);
    expect(v).toMatchObject({ status: 'answered', reply: '路灯已修复。', canRate: true });
  });

  it('lets the unit return a misrouted request within returnWithinWorkdays, back to the desk', async () => {
    const r = await assigned();
    let d = await detail(head, r.id);
    expect(d.returnUntil).toBe('2026-12-03');
    expect(d.allowedActions).toContain('return');
    const res = await head.post(`/api/v1/citizen-requests/${r.id}/return`, { version: d.version, reason: '属交通局职责' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: r.id, status: 'submitted' });
    expect((await head.get(`/api/v1/citizen-requests/${r.id}`)).statusCode).toBe(403);
    d = await detail(desk, r.id);
    expect(d).toMatchObject({ status: 'submitted', unit: null });
    // Reassigned: the same task goes to the new unit.
    const again = await desk.post(`/api/v1/citizen-requests/${r.id}/assign`, { version: d.version, unitId: otherDept.id });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'assigned', taskId: r.taskId, unit: { id: otherDept.id } });

    const late = await assigned();
    await travel(3 * 86_400_000); // Friday: past the second working day
    const ld = await detail(head, late.id);
    const refused = await head.post(`/api/v1/citizen-requests/${late.id}/return`, { version: ld.version, reason: '太晚了' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('RETURN_TOO_LATE');
    // Through the task's own route the same rule holds.
    const t = (await head.get(`/api/v1/tasks/${late.taskId}`)).json();
    expect((await head.post(`/api/v1/tasks/${late.taskId}/return`, { version: t.version, reason: '太晚了' })).json().error.code).toBe('RETURN_TOO_LATE');
    await travel(-3 * 86_400_000);
  });

  it('follows its task when the assigner edits it before sign-for: the unit and the deadline move, the citizen’s words stay', async () => {
    const r = await assigned();
    const before = await lookup(r.code);
    const t = (await desk.get(`/api/v1/tasks/${r.taskId}`)).json();
    const res = await desk.post(`/api/v1/tasks/${r.taskId}/edit`, { version: t.version, title: '【群众投诉】幸福路路灯（已核实）', leadUnitId: otherDept.id, deadline: '2026-12-18' });
    expect(res.statusCode, res.body).toBe(200);
    const d = await detail(desk, r.id);
    expect(d).toMatchObject({ status: 'assigned', unit: { id: otherDept.id }, deadline: '2026-12-18', taskId: r.taskId });
    const v = await lookup(r.code);
    expect(v).toMatchObject({ status: 'assigned', statusName: '办理中', deadline: '2026-12-18', description: before.description });
    expect(v.unitName).toBe(otherDept.name);
  });

  it('goes back to the desk as 已受理，待交办 when its task is withdrawn; the next 交办 makes a fresh task', async () => {
    const other = await ctx.as(['supervisor'], county);
    const r = await assigned();
    const t = (await desk.get(`/api/v1/tasks/${r.taskId}`)).json();
    const res = await desk.post(`/api/v1/tasks/${r.taskId}/withdraw`, { version: t.version, reason: '交办单位有误，重新交办' });
    expect(res.statusCode, res.body).toBe(200);
    let d = await detail(desk, r.id);
    expect(d).toMatchObject({ status: 'submitted', unit: null, deadline: null, taskId: null });
    expect(d.allowedActions).toContain('assign');
    // The citizen is not left with a request 办理中 at a unit that no longer has it.
    const v = await lookup(r.code);
    expect(v).toMatchObject({ status: 'submitted', statusName: '已受理，待交办', unitName: null, deadline: null });
    expect(v.acknowledgedAt).not.toBeNull();
    // The other supervisors of the region hear of it with the reason (not the one who withdrew).
    const notes = await ctx.handle.db.selectFrom('notification').select(['recipientId', 'title', 'body']).where('kind', '=', 'public.withdrawn').where('objectId', '=', String(r.id)).execute();
    expect(notes).toContainEqual({ recipientId: other.person.id, title: '诉求的督办事项已撤回，请重新交办', body: '交办单位有误，重新交办' });
    expect(notes.some((n) => n.recipientId === desk.person.id)).toBe(false);
    // 交办 again: a new task, the withdrawn one stays withdrawn.
    const again = await desk.post(`/api/v1/citizen-requests/${r.id}/assign`, { version: d.version, unitId: otherDept.id });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().taskId).not.toBe(r.taskId);
    d = await detail(desk, r.id);
    expect(d).toMatchObject({ status: 'assigned', unit: { id: otherDept.id } });
    expect((await desk.get(`/api/v1/tasks/${r.taskId}`)).json().status).toBe('withdrawn');
  });

  it('allows one extension of at most extensionMaxWorkdays (the requests’ keys)', async () => {
    const r = await assigned(); // complaint: 15 working days → 2026-12-22
    let t = (await head.get(`/api/v1/tasks/${r.taskId}`)).json();
    expect(t.deadline).toBe('2026-12-22');
    t = (await head.post(`/api/v1/tasks/${r.taskId}/sign`, { version: t.version })).json();
    const tooFar = await staff.post(`/api/v1/tasks/${r.taskId}/extensions`, { version: t.version, reason: '需要更多时间', newDeadline: '2027-01-29' });
    expect(tooFar.statusCode).toBe(409);
    expect(tooFar.json().error.code).toBe('EXTENSION_LIMIT');
    const ok = await staff.post(`/api/v1/tasks/${r.taskId}/extensions`, { version: t.version, reason: '需要采购灯具', newDeadline: '2027-01-05' });
    expect(ok.statusCode, ok.body).toBe(201);
    const { extensionId, version } = ok.json();
    const approved = await desk.post(`/api/v1/tasks/${r.taskId}/extensions/${extensionId}/approve`, { version });
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await detail(desk, r.id)).deadline).toBe('2027-01-05');
    const second = await staff.post(`/api/v1/tasks/${r.taskId}/extensions`, { version: approved.json().version, reason: '再延期', newDeadline: '2027-01-06' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('EXTENSION_LIMIT');
  });

  it('declines with a reason the citizen sees; merges a duplicate, whose citizen follows the other', async () => {
    const a = await submit();
    let d = await detail(desk, a.id);
    expect((await desk.post(`/api/v1/citizen-requests/${a.id}/decline`, { version: d.version, reason: '属于民事纠纷，请通过法院解决' })).statusCode).toBe(200);
    expect(await lookup(a.code)).toMatchObject({ status: 'declined', declineReason: '属于民事纠纷，请通过法院解决' });

    const main = await assigned();
    const dup = await submit();
    d = await detail(desk, dup.id);
    expect((await desk.post(`/api/v1/citizen-requests/${dup.id}/merge`, { version: d.version, intoId: main.id })).statusCode).toBe(200);
    expect(await lookup(dup.code)).toMatchObject({ merged: true, status: 'assigned', unitName: '住建局' });
    expect((await detail(desk, main.id)).mergedFrom).toEqual([dup.id]);
    // Not into itself, not into a declined one.
    const x = await submit();
    d = await detail(desk, x.id);
    expect((await desk.post(`/api/v1/citizen-requests/${x.id}/merge`, { version: d.version, intoId: x.id })).statusCode).toBe(400);
    expect((await desk.post(`/api/v1/citizen-requests/${x.id}/merge`, { version: d.version, intoId: a.id })).statusCode).toBe(409);
  });

  it('forwards praise without a task; refuses to assign it', async () => {
    const p = await submit({ type: 'praise', description: '住建局窗口小李服务热情，点赞！' });
    const d = await detail(desk, p.id);
    expect((await desk.post(`/api/v1/citizen-requests/${p.id}/assign`, { version: d.version, unitId: dept.id })).statusCode).toBe(409);
    const f = await desk.post(`/api/v1/citizen-requests/${p.id}/forward`, { version: d.version, unitId: dept.id });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json()).toMatchObject({ status: 'forwarded', taskId: null });
  });

  it('shows the intake queue past its acknowledgement date', async () => {
    const r = await submit();
    expect((await desk.get('/api/v1/citizen-requests?overdue=true')).json().items.some((x: { id: number }) => x.id === r.id)).toBe(false);
    await travel(2 * 86_400_000);
    expect((await desk.get('/api/v1/citizen-requests?overdue=true')).json().items.some((x: { id: number }) => x.id === r.id)).toBe(true);
    await travel(-2 * 86_400_000);
  });
});

describe('ratings', () => {
  it('不满意 reopens → rectify → call-back (who, when, what) → the citizen rates again', async () => {
    const r = await answered();
    const bad = await anon('POST', `/api/v1/public/requests/${r.code}/rating`, { level: 2, comment: '只修了一盏，另一盏还坏着' });
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json()).toMatchObject({ status: 'reopened', canRate: false, rectifyDue: '2026-12-08', effectiveRating: { level: 2, defaulted: false } });
    // Once per round.
    expect((await anon('POST', `/api/v1/public/requests/${r.code}/rating`, { level: 5 })).json().error.code).toBe('RATING_REFUSED');
    let d = await detail(desk, r.id);
    expect(d).toMatchObject({ status: 'reopened', round: 1, allowedActions: [] });
    expect((await desk.post(`/api/v1/citizen-requests/${r.id}/callback`, { version: d.version, said: '还没整改' })).statusCode).toBe(409);
    d = await detail(staff, r.id);
    expect(d.allowedActions).toEqual(['rectify']);
    expect((await staff.post(`/api/v1/citizen-requests/${r.id}/rectify`, { version: d.version, text: '另一盏也已更换' })).statusCode).toBe(200);
    expect((await lookup(r.code)).rectification).toBe('另一盏也已更换');
    d = await detail(desk, r.id);
    expect((await desk.post(`/api/v1/citizen-requests/${r.id}/callback`, { version: d.version, calledAt: '2030-01-01T10:00:00+08:00', said: '未来' })).statusCode).toBe(400);
    // No such day or hour: refused, not rolled over to 3 月 2 日 or the next morning.
    for (const calledAt of ['2026-02-30T10:00:00+08:00', '2026-11-31T10:00:00+08:00', '2026-11-30T24:00:00+08:00']) {
      const res = await desk.post(`/api/v1/citizen-requests/${r.id}/callback`, { version: d.version, calledAt, said: '日期不存在' });
      expect(res.statusCode, calledAt).toBe(400);
      expect(res.json().error, `${calledAt} ${res.body}`).toMatchObject({ code: 'VALIDATION', details: [{ path: 'body.calledAt', message: expect.stringMatching(/no such day or hour/) }] });
    }
    const cb = await desk.post(`/api/v1/citizen-requests/${r.id}/callback`, { version: d.version, said: '群众表示两盏灯都亮了' });
    expect(cb.statusCode, cb.body).toBe(200);
    expect(cb.json().callbacks[0]).toMatchObject({ round: 1, calledBy: { id: desk.person.id }, said: '群众表示两盏灯都亮了' });
    expect((await lookup(r.code)).canRate).toBe(true);
    const good = await anon('POST', `/api/v1/public/requests/${r.code}/rating`, { level: 5, comment: '满意' });
    expect(good.json()).toMatchObject({ status: 'rated', effectiveRating: { level: 5 }, ratings: [{ round: 0, level: 2 }, { round: 1, level: 5 }] });
  });

  it('counts no rating within ratingWindowDays as 基本满意, and refuses a late one', async () => {
    const r = await answered();
    expect((await lookup(r.code)).effectiveRating).toBeNull();
    await travel(7 * 86_400_000 + 60_000);
    const v = await lookup(r.code);
    expect(v).toMatchObject({ canRate: false, effectiveRating: { level: 3, levelName: '基本满意', defaulted: true } });
    const late = await anon('POST', `/api/v1/public/requests/${r.code}/rating`, { level: 1 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/评价期/);
    await travel(-(7 * 86_400_000 + 60_000));
  });

  it('refuses a rating before the answer and bad levels', async () => {
    const r = await assigned();
    expect((await anon('POST', `/api/v1/public/requests/${r.code}/rating`, { level: 4 })).statusCode).toBe(409);
    expect((await anon('POST', `/api/v1/public/requests/${r.code}/rating`, { level: 6 })).statusCode).toBe(400);
    expect((await anon('POST', `/api/v1/public/requests/${r.code}/rating`, { level: 0 })).statusCode).toBe(400);
  });

  it('rates a window once per visit code (一次一评)', async () => {
    const w = await head.post('/api/v1/service-windows', { unitId: dept.id, name: '不动产登记窗口' });
    expect(w.statusCode, w.body).toBe(201);
    const { id, code } = w.json();
    expect((await anon('GET', `/api/v1/public/windows/${code}`)).json()).toEqual({ name: '不动产登记窗口', unitName: '住建局' });
    const visit = (await staff.post(`/api/v1/service-windows/${id}/visits`)).json();
    const rate = (visitCode: string) => anon('POST', `/api/v1/public/windows/${code}/ratings`, { visitCode, level: 5 });
    expect((await rate(visit.code)).statusCode).toBe(201);
    expect((await rate(visit.code)).json().error.code).toBe('RATING_REFUSED');
    expect((await rate('23456789AB')).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/service-windows/${id}/visits`)).statusCode).toBe(403);
    const list = (await desk.get('/api/v1/service-windows')).json();
    expect(list.find((x: { id: number }) => x.id === id)).toMatchObject({ ratings: 1, averageLevel: 5 });
  });
});

describe('public statistics and flags', () => {
  it('gives per-unit volume, on-time and satisfaction without personal data; quotes only what is publishable', async () => {
    const r = await answered({ description: '公开统计用的诉求内容，含隐私' });
    await anon('POST', `/api/v1/public/requests/${r.code}/rating`, { level: 4, comment: '不错' });
    const s = (await anon('GET', `/api/v1/public/stats?jurisdictionId=${county.id}&year=2026`)).json();
    const u = s.units.find((x: { unitId: number }) => x.unitId === dept.id);
    expect(u.volume).toBeGreaterThan(0);
    expect(u.onTimeRate).toBe(1);
    expect(u.satisfactionRate).toBeGreaterThan(0);
    expect(JSON.stringify(s)).not.toMatch(/13812341234|王小明|含隐私/);
    const d = await detail(desk, r.id);
    await desk.post(`/api/v1/citizen-requests/${r.id}/publishable`, { version: d.version, publishable: true });
    const s2 = (await anon('GET', `/api/v1/public/stats?jurisdictionId=${county.id}&year=2026`)).json();
    expect(s2.quotes.some((q: { description: string }) => q.description.includes('含隐私'))).toBe(true);
    expect(JSON.stringify(s2)).not.toMatch(/13812341234|王小明/);
  });

  it('flags a unit ranked last two months running (for the workbench)', async () => {
    const good = await ctx.newUnit({ parent: county, name: '好评局' });
    const poor = await ctx.newUnit({ parent: county, name: '差评局' });
    const db = ctx.handle.db;
    const mk = async (unitId: number, month: string, level: number) => {
      const at = new Date(`${month}-10T10:00:00+08:00`);
      const { id } = await db
        .insertInto('citizenRequest')
        .values({ code: `F${String(++seq).padStart(13, '2')}`.slice(0, 14), type: 'help', category: 'other', description: 'x', regionId: county.id, unitId, status: 'rated', dedupeKey: `f${seq}`, submittedAt: at, acknowledgeDue: `${month}-11`, deadline: `${month}-25`, answeredAt: at, ratingOpenedAt: at, createdAt: at, updatedAt: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('citizenRating').values({ requestId: id, round: 0, level, ratedAt: at }).execute();
    };
    for (const m of ['2026-10', '2026-11']) {
      await mk(good.id, m, 5);
      await mk(poor.id, m, 1);
    }
    const f = (await desk.get(`/api/v1/citizen-requests/flags?unitId=${county.id}`)).json();
    expect(f.months).toEqual(['2026-10', '2026-11']);
    expect(f.units.map((u: { unitName: string }) => u.unitName)).toEqual(['差评局']);
  });
});
