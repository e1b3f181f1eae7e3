import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { runEscalationJob } from './jobs.ts';

/**
 * Issue #16: 驾驶舱, a leader's and supervisor's overview of their scope. Each number is checked
 * against the ledger under the filter the page links it to. Runs on PGlite and PostgreSQL.
 */
let ctx: TestContext;
let water: Unit;
let forest: Unit;
type P = { id: number; login: string };
let leader: P;
let supervisor: P;
let head: P;
let staff: P;
let outsider: P;

const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const as = (p: P) => ctx.login(p);
const overview = async (p: P, query = '') => {
  const r = await (await as(p)).get(`/api/v1/tasks/overview${query}`);
  expect(r.statusCode).toBe(200);
  return r.json();
};
const ledgerIds = async (p: P, query: string) => ((await (await as(p)).get(`/api/v1/tasks?limit=200&${query}`)).json().items as { id: number }[]).map((t) => t.id).sort((a, b) => a - b);

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-09-21T09:00:00+08:00' });
  const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '丙县' });
  water = await ctx.newUnit({ parent: county, name: '水务局' });
  forest = await ctx.newUnit({ parent: county, name: '林草局' });
  const office = await ctx.newUnit({ parent: county, name: '县政府办' });
  const elsewhere = await ctx.newUnit({ kind: 'region', level: 'county', name: '丁县' });
  leader = await ctx.newPerson({ unit: office, roles: ['leader'], name: '县长' });
  supervisor = await ctx.newPerson({ unit: office, roles: ['supervisor'], name: '督查员' });
  head = await ctx.newPerson({ unit: water, roles: ['unit_head'], name: '水务局长' });
  staff = await ctx.newPerson({ unit: water, roles: ['staff'], name: '水务科员' });
  outsider = await ctx.newPerson({ unit: elsewhere, roles: ['leader', 'supervisor'], name: '丁县县长' });
});
afterAll(() => ctx.close());

describe('驾驶舱 (GET /tasks/overview)', () => {
  it('answers leaders, supervisors and admins; a unit head, staff or anonymous caller is refused', async () => {
    expect((await (await as(head)).get('/api/v1/tasks/overview')).statusCode).toBe(403);
    expect((await (await as(staff)).get('/api/v1/tasks/overview')).statusCode).toBe(403);
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/tasks/overview' })).statusCode).toBe(401);
    for (const q of ['?weeks=0', '?weeks=-1', '?weeks=1e9', '?weeks=abc', '?weeks=%00', '?other=1']) {
      const r = await (await as(leader)).get(`/api/v1/tasks/overview${q}`);
      expect(r.statusCode, q).toBe(400);
      expect(r.json().error.code).toBeTruthy();
    }
    const empty = await overview(leader);
    expect(empty).toMatchObject({ today: '2026-09-21', totals: { total: 0 }, units: [], red: { count: 0, items: [] }, decisions: { verify: 0, extension: 0, answers: { count: 0, items: [] } } });
    expect(empty.trend).toHaveLength(8);
  });

  it('counts lights by unit, the red list, escalations this week and what waits for a decision, each as the ledger shows it', async () => {
    const mk = (title: string, leadUnitId: number, deadline: string, extra: object = {}) => ctx.newTask({ by: leader, title, level: 'normal', leadUnitId, deadline, ...extra });
    const late = await mk('河道清淤', water.id, '2026-09-22', { responsibleId: staff.id, leaderId: leader.id });
    const late2 = await mk('护林防火', forest.id, '2026-09-23');
    const green = await mk('节水宣传', water.id, '2026-12-30');
    const toVerify = await mk('水表更换', water.id, '2026-12-30', { responsibleId: staff.id });
    const h = await as(head);
    await h.post(`/api/v1/tasks/${toVerify.id}/sign`, { version: 1 });
    const s = await as(staff);
    const summary = { done: '已更换', result: '计量准确', lessons: '提前排期' };
    expect((await s.post(`/api/v1/tasks/${toVerify.id}/submit`, { version: 2, completion: { text: '完成' }, summary })).statusCode).toBe(200);
    await h.post(`/api/v1/tasks/${green.id}/sign`, { version: 1 });
    expect((await (await as(head)).post(`/api/v1/tasks/${green.id}/extensions`, { version: 2, reason: '资金未到位', newDeadline: '2027-01-29' })).statusCode).toBe(201);

    // A week on (Monday 28 September): two tasks overdue, their first rungs fired this week.
    ctx.clock.set(at('2026-09-28'));
    expect((await runEscalationJob(ctx.handle.db, ctx.services.escalation)).ran).toBe(true);
    // The supervisor urges the late task; the water bureau answers with a 情况说明.
    const t0 = (await (await as(supervisor)).get(`/api/v1/tasks/${late.id}`)).json();
    const u = await (await as(supervisor)).post(`/api/v1/tasks/${late.id}/urgings`, { version: t0.version, level: 'urge', text: '请说明逾期原因。', replyDue: { workdays: 2 } });
    expect(u.statusCode).toBe(201);
    const ans = await (await as(head)).post(`/api/v1/tasks/${late.id}/urgings/${u.json().urgingId}/answer`, { version: u.json().version, text: '设备故障，周三前完成。' });
    expect(ans.statusCode).toBe(200);

    const o = await overview(supervisor);
    expect(o.totals).toEqual({ total: 4, byLight: { red: 2, green: 2 } });
    expect(o.units.map((x: { unitName: string }) => x.unitName)).toEqual(['水务局', '林草局']); // the most red first, then the most work
    expect(o.units[0]).toMatchObject({ unitId: water.id, total: 3, byLight: { red: 1, green: 2 } });
    expect(o.red.count).toBe(2);
    expect(o.red.items.map((t: { id: number }) => t.id)).toEqual([late.id, late2.id]); // the longest overdue first
    expect(await ledgerIds(supervisor, 'light=red')).toEqual([late.id, late2.id].sort((a, b) => a - b));
    expect(await ledgerIds(supervisor, `light=red&unitId=${water.id}`)).toEqual([late.id]);

    // Escalations since Monday, by the working day each rung became due (the scan that found them
    // late stamps them there): the automatic rungs of both tasks fell due last week; 河道清淤 was
    // urged by hand today.
    expect(o.escalations.since).toBe('2026-09-28');
    expect(o.escalations.tasks).toBe(1);
    expect(Object.values(o.escalations.byLevel as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    expect(await ledgerIds(supervisor, 'escalatedFrom=2026-09-28')).toEqual([late.id]);
    expect(await ledgerIds(supervisor, 'escalatedFrom=2026-09-23')).toEqual([late.id, late2.id].sort((a, b) => a - b));
    expect(await ledgerIds(supervisor, 'escalatedFrom=2026-09-29')).toEqual([]);

    // The supervisor wrote the urging: its answer waits to be read. Verification and the
    // extension wait on the assigner (the leader), not on the supervisor.
    expect(o.decisions).toMatchObject({ verify: 0, extension: 0, answers: { count: 1, since: '2026-09-21' } });
    expect(o.decisions.answers.items[0]).toMatchObject({ taskId: late.id, title: '河道清淤', level: 'urge', answeredByName: '水务局长' });
    const l = await overview(leader);
    expect(l.decisions).toMatchObject({ verify: 1, extension: 1, answers: { count: 1 } }); // 分管 the late task
    expect(await ledgerIds(leader, 'todo=verify')).toEqual([toVerify.id]);
    expect(await ledgerIds(leader, 'todo=extension')).toEqual([green.id]);
    expect(l.trend.at(-1)).toMatchObject({ week: '2026-09-28' });

    // Another county's leader sees none of it.
    const other = await overview(outsider);
    expect(other).toMatchObject({ totals: { total: 0 }, units: [], red: { count: 0 }, escalations: { tasks: 0 }, decisions: { verify: 0, extension: 0, answers: { count: 0 } } });
  });

  it('refuses a malformed escalatedFrom on the ledger with 400', async () => {
    for (const q of ['escalatedFrom=2026-02-30', 'escalatedFrom=yesterday', 'escalatedFrom=%00']) expect((await (await as(leader)).get(`/api/v1/tasks?${q}`)).statusCode, q).toBe(400);
  });
});

describe('GET /tasks/limits', () => {
  it('names the attachment, import and title limits the routes enforce, for any signed-in person', async () => {
    const r = await (await as(staff)).get('/api/v1/tasks/limits');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ attachmentBytes: 20 * 1024 * 1024, importBytes: 20 * 1024 * 1024, titleChars: 200 });
    const task = await ctx.newTask({ by: leader, title: '附件上限', level: 'normal', leadUnitId: water.id, deadline: '2026-12-30' });
    const l = await as(leader);
    const big = await ctx.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/attachments`, headers: { cookie: l.cookie, 'x-csrf-token': l.csrfToken, 'content-type': 'application/octet-stream', 'x-file-name': 'a.bin' }, payload: Buffer.alloc(r.json().attachmentBytes + 1) });
    expect(big.statusCode).toBe(413);
    expect((await ctx.inject({ method: 'GET', url: '/api/v1/tasks/limits' })).statusCode).toBe(401);
  });
});
