import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { canSeeUnitScore } from './policy.ts';

/**
 * 比学赶超 through the API on a real database: the period table computed on demand and by the
 * job, the board (peer groups, ranks with ties, no data, scope: supervisor, unit head's peers by
 * rank only, staff refused), the drill-down and the tasks behind a component, a closed period that
 * never changes, people's scores, bad periods refused with 400; the model cases (nominate,
 * select / reject, library search, who sees what, stale versions). PGlite and PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let t1: Unit;
let t2: Unit;
let t3: Unit;
let dept: Unit;
let otherCounty: Unit;
let otherTown: Unit;
let supervisor: Client;
let admin: Client;
let head2: Client;
let staff: Client;
let outsider: Client;
let responsible: { id: number; login: string };
const taskIds: Record<string, number> = {};

/** A task of `unit` with the facts set directly: assigned, signed, deadline, submitted (dates 2026-…). */
async function taskWith(unit: Unit, f: { assigned: string; signed?: string; deadline: string; submitted?: string; responsibleId?: number }) {
  const t = await ctx.newTask({ leadUnit: unit, deadline: '2026-12-31', ...(f.responsibleId ? { responsibleId: f.responsibleId } : {}) });
  const done = f.submitted !== undefined;
  await ctx.handle.db
    .updateTable('task')
    .set({
      assignedAt: new Date(`${f.assigned}T09:00:00+08:00`),
      signDue: f.assigned,
      signedAt: f.signed ? new Date(`${f.signed}T10:00:00+08:00`) : null,
      deadline: f.deadline,
      originalDeadline: f.deadline,
      status: done ? 'verified' : f.signed ? 'signed' : 'assigned',
      submittedOn: f.submitted ?? null,
      submittedAt: f.submitted ? new Date(`${f.submitted}T10:00:00+08:00`) : null,
      verifiedAt: f.submitted ? new Date(`${f.submitted}T12:00:00+08:00`) : null,
      nextReportDue: null,
    })
    .where('id', '=', t.id)
    .execute();
  return t.id;
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-10T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '比学县' });
  t1 = await ctx.newUnit({ parent: county, kind: 'region', name: '甲镇' });
  t2 = await ctx.newUnit({ parent: county, kind: 'region', name: '乙镇' });
  t3 = await ctx.newUnit({ parent: county, kind: 'region', name: '丙乡' });
  dept = await ctx.newUnit({ parent: county, name: '交通运输局' });
  otherCounty = await ctx.newUnit({ kind: 'region', level: 'county', name: '赶超县' });
  otherTown = await ctx.newUnit({ parent: otherCounty, kind: 'region', name: '外镇' });
  supervisor = await ctx.as(['supervisor'], county);
  admin = await ctx.as(['admin'], county);
  head2 = await ctx.as(['unit_head'], t2);
  staff = await ctx.as(['staff'], t1);
  outsider = await ctx.as(['supervisor'], otherCounty);
  responsible = await ctx.newPerson({ unit: t2, roles: ['staff'], name: '王办事' });

  // 甲镇: both October tasks on time, signed on time. 乙镇: one on time, one 5 days late (signed a day late).
  taskIds.a1 = await taskWith(t1, { assigned: '2026-10-08', signed: '2026-10-08', deadline: '2026-10-20', submitted: '2026-10-18' });
  taskIds.a2 = await taskWith(t1, { assigned: '2026-10-09', signed: '2026-10-09', deadline: '2026-10-25', submitted: '2026-10-25' });
  taskIds.b1 = await taskWith(t2, { assigned: '2026-10-08', signed: '2026-10-08', deadline: '2026-10-20', submitted: '2026-10-19', responsibleId: responsible.id });
  taskIds.b2 = await taskWith(t2, { assigned: '2026-10-08', signed: '2026-10-09', deadline: '2026-10-20', submitted: '2026-10-25', responsibleId: responsible.id });
  // 外镇 (another county): one on time.
  taskIds.x1 = await taskWith(otherTown, { assigned: '2026-10-08', signed: '2026-10-08', deadline: '2026-10-20', submitted: '2026-10-20' });
});
afterAll(() => ctx?.close());

describe('computing the period table', () => {
  it('refuses recompute by a leader (403) and a period that has not begun (400)', async () => {
    const leader = await ctx.as(['leader'], county);
    expect((await leader.post('/api/v1/scoreboard/recompute', {})).statusCode).toBe(403);
    const future = await supervisor.post('/api/v1/scoreboard/recompute', { periods: ['2027-01'] });
    expect(future.statusCode).toBe(400);
  });

  it('computes September (no data) and October (closed: it is over) on demand, in time order', async () => {
    const res = await supervisor.post('/api/v1/scoreboard/recompute', { periods: ['2026-10', '2026-09'] });
    expect(res.statusCode).toBe(200);
    const results = res.json().results as { period: string; closed: boolean; skipped: boolean; units: number }[];
    expect(results.map((r) => r.period)).toEqual(['2026-09', '2026-10']);
    expect(results.every((r) => r.closed && !r.skipped)).toBe(true);
    expect(results[1]!.units).toBeGreaterThanOrEqual(5);
    const audit = await ctx.handle.db.selectFrom('auditLog').select('action').where('action', '=', 'scoreboard.recompute').execute();
    expect(audit.length).toBe(1);
  });

  it('the job computes the current periods (and closes the last ones once)', async () => {
    const job = ctx.services.jobs.find((j) => j.name === 'scoreboard')!;
    expect(job).toBeDefined();
    const line = await job.run();
    expect(line).toContain('2026-11');
    expect(line).toContain('2026-Q4');
    const periods = (await supervisor.get('/api/v1/scoreboard/periods')).json().items as { period: string; closed: boolean }[];
    expect(periods.find((p) => p.period === '2026-10')?.closed).toBe(true);
    expect(periods.find((p) => p.period === '2026-11')?.closed).toBe(false);
    expect(periods.find((p) => p.period === '2026-Q3')?.closed).toBe(true);
  });
});

describe('the board', () => {
  it('ranks a county’s townships for a supervisor: scores, components, no data without a rank, nothing of another county', async () => {
    const res = await supervisor.get('/api/v1/scoreboard?period=2026-10&peer=township');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ period: '2026-10', peer: 'township', closed: true });
    const items = body.items as { unitId: number; score: number | null; rank: number | null; change: number | null; components: { key: string; score: number | null; weight: number }[] }[];
    expect(items.map((i) => i.unitId)).toEqual([t1.id, t2.id, t3.id]);
    const [a, b, c] = items;
    expect(a!.rank).toBe(1);
    expect(b!.rank).toBe(2);
    expect(a!.score!).toBeGreaterThan(b!.score!);
    expect(c).toMatchObject({ score: null, rank: null, change: null });
    // New last period (no data in September): no change.
    expect(a!.change).toBeNull();
    expect(a!.components.find((x) => x.key === 'on_time')).toEqual({ key: 'on_time', name: '按期办结', score: 100, weight: 20 });
    expect(b!.components.find((x) => x.key === 'on_time')?.score).toBe(50);
    // A module's facts not connected: no data, never 0.
    expect(a!.components.find((x) => x.key === 'meetings')?.score).toBeNull();
    expect(body.red).toContain(t1.id);
    expect(items.some((i) => i.unitId === otherTown.id)).toBe(false);
  });

  it('ranks the county’s departments apart from its townships', async () => {
    const items = (await supervisor.get('/api/v1/scoreboard?period=2026-10&peer=department')).json().items as { unitId: number }[];
    expect(items.map((i) => i.unitId)).toContain(dept.id);
    expect(items.map((i) => i.unitId)).not.toContain(t1.id);
  });

  it('shows admins every county, each ranked on its own', async () => {
    const items = (await admin.get('/api/v1/scoreboard?period=2026-10&peer=township')).json().items as { unitId: number; rank: number | null; groupId: number }[];
    expect(items.find((i) => i.unitId === otherTown.id)).toMatchObject({ rank: 1, groupId: otherCounty.id });
    const only = (await admin.get(`/api/v1/scoreboard?period=2026-10&peer=township&unitId=${otherCounty.id}`)).json().items as { unitId: number }[];
    expect(only.map((i) => i.unitId)).toEqual([otherTown.id]);
  });

  it('shows a unit head their own unit in full and the peers’ ranks only', async () => {
    const items = (await head2.get('/api/v1/scoreboard?period=2026-10&peer=township')).json().items as { unitId: number; score: number | null; rank: number | null; full: boolean; components: unknown[] }[];
    const own = items.find((i) => i.unitId === t2.id)!;
    const peer = items.find((i) => i.unitId === t1.id)!;
    expect(own).toMatchObject({ full: true, rank: 2 });
    expect(own.score).not.toBeNull();
    expect(peer).toMatchObject({ full: false, rank: 1, score: null, components: [] });
    expect(items.some((i) => i.unitId === otherTown.id)).toBe(false);
  });

  it('puts a unit on the 红榜 by its place in the whole group, not in the part the reader sees', async () => {
    // A township's own leader sees one row of the county's townships; 乙镇 is second of two ranked (size 3 → 红榜 is the top 1).
    const leader2 = await ctx.as(['leader'], t2);
    const mine = (await leader2.get('/api/v1/scoreboard?period=2026-10&peer=township')).json<{ items: { unitId: number }[]; red: number[]; black: number[] }>();
    expect(mine.items.map((i) => i.unitId)).toContain(t2.id);
    expect(mine.red).not.toContain(t2.id);
    // The same through a unit filter: the supervisor looking at 乙镇 alone.
    const only = (await supervisor.get(`/api/v1/scoreboard?period=2026-10&peer=township&unitId=${t2.id}`)).json<{ items: { unitId: number }[]; red: number[] }>();
    expect(only.items.map((i) => i.unitId)).toEqual([t2.id]);
    expect(only.red).toEqual([]);
    const first = (await supervisor.get(`/api/v1/scoreboard?period=2026-10&peer=township&unitId=${t1.id}`)).json<{ red: number[] }>();
    expect(first.red).toEqual([t1.id]);
  });

  it('refuses staff (403) and bad periods (400), never a 500', async () => {
    expect((await staff.get('/api/v1/scoreboard?period=2026-10')).statusCode).toBe(403);
    for (const p of ['2026-13', '2026-Q5', '26-10', '2026-1', 'abc', '%00', '2026-10%00', '1999', 'x'.repeat(5000)]) {
      const res = await supervisor.get(`/api/v1/scoreboard?period=${p}`);
      expect(res.statusCode, p).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    expect((await supervisor.get('/api/v1/scoreboard?period=2026-10&peer=village')).statusCode).toBe(400);
    expect((await supervisor.get('/api/v1/scoreboard?period=2026-10&unitId=-1')).statusCode).toBe(400);
    expect((await supervisor.get('/api/v1/scoreboard?period=2026-10&unitId=99999999999')).statusCode).toBe(400);
    expect((await supervisor.get('/api/v1/scoreboard?period=2026-10&unitId=999999')).statusCode).toBe(404);
  });

  it('answers an uncomputed period with an empty board', async () => {
    const res = await supervisor.get('/api/v1/scoreboard?period=2024');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ items: [], computedAt: null, closed: false });
  });
});

describe('the drill-down', () => {
  it('explains each component with its numbers, rank of how many', async () => {
    const res = await supervisor.get(`/api/v1/scoreboard/units/${t2.id}?period=2026-10`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ unit: { id: t2.id }, rank: 2, of: 2, peer: 'township', group: { id: county.id } });
    const onTime = body.components.find((c: { key: string }) => c.key === 'on_time');
    expect(onTime).toMatchObject({ score: 50, weight: 20, samples: 2, facts: { due: 2, onTime: 1 }, records: 'task' });
    expect(onTime.explanation).toContain('100 × 1 ÷ 2 = 50');
    const overdue = body.components.find((c: { key: string }) => c.key === 'overdue_days');
    expect(overdue.facts).toMatchObject({ overdueDays: 5 });
    const sign = body.components.find((c: { key: string }) => c.key === 'sign');
    expect(sign).toMatchObject({ score: 50, facts: { signDue: 2, signedOnTime: 1 } });
    expect(body.explanation).toContain('总分');
    const shares = body.components.reduce((s: number, c: { share: number }) => s + c.share, 0);
    expect(shares).toBeCloseTo(1, 5);
  });

  it('lists the tasks behind a component, paged, with the ledger filter', async () => {
    const first = await supervisor.get(`/api/v1/scoreboard/units/${t2.id}/components/on_time?period=2026-10&limit=1`);
    expect(first.statusCode).toBe(200);
    const p1 = first.json();
    expect(p1.items).toHaveLength(1);
    expect(p1.ledger).toMatchObject({ path: '/api/v1/tasks', query: { unitId: t2.id } });
    expect(p1.nextCursor).not.toBeNull();
    const p2 = (await supervisor.get(`/api/v1/scoreboard/units/${t2.id}/components/on_time?period=2026-10&limit=1&cursor=${p1.nextCursor}`)).json();
    const all = [...p1.items, ...p2.items] as { id: number; good: boolean; link: string }[];
    expect(all.map((i) => i.id).sort()).toEqual([taskIds.b1, taskIds.b2].sort());
    expect(all.find((i) => i.id === taskIds.b2)?.good).toBe(false);
    expect(all.find((i) => i.id === taskIds.b1)?.link).toBe(`/tasks/${taskIds.b1}`);
    const overdue = (await supervisor.get(`/api/v1/scoreboard/units/${t2.id}/components/overdue_days?period=2026-10`)).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).toEqual([taskIds.b2]);
    expect(overdue.items[0].facts.overdueDays).toBe(5);
  });

  it('keeps a unit’s score from those outside its scope and from staff', async () => {
    expect((await outsider.get(`/api/v1/scoreboard/units/${t2.id}?period=2026-10`)).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/scoreboard/units/${t1.id}?period=2026-10`)).statusCode).toBe(403);
    // A unit head: their own unit, not a peer's details.
    expect((await head2.get(`/api/v1/scoreboard/units/${t2.id}?period=2026-10`)).statusCode).toBe(200);
    expect((await head2.get(`/api/v1/scoreboard/units/${t1.id}?period=2026-10`)).statusCode).toBe(403);
    expect((await head2.get(`/api/v1/scoreboard/units/${t1.id}/components/on_time?period=2026-10`)).statusCode).toBe(403);
    expect((await supervisor.get(`/api/v1/scoreboard/units/${county.id}?period=2026-10`)).json().error.code).toBe('SCORE_NOT_FOUND');
    expect((await supervisor.get(`/api/v1/scoreboard/units/${t2.id}/components/nope?period=2026-10`)).statusCode).toBe(400);
  });

  it('policy and SQL agree on who sees a unit in full', async () => {
    for (const [who, c] of [
      ['supervisor', supervisor],
      ['head2', head2],
      ['outsider', outsider],
    ] as const) {
      const actor = await ctx.actorOf(c.person);
      const items = (await c.get('/api/v1/scoreboard?period=2026-10&peer=township')).json().items as { unitId: number; full: boolean }[];
      for (const u of [t1, t2, t3]) {
        const item = items.find((i) => i.unitId === u.id);
        expect(item?.full ?? false, `${who} ${u.name}`).toBe(canSeeUnitScore(actor, u.path));
      }
    }
  });
});

describe('a closed period', () => {
  it('never changes, even when recomputed after its facts changed', async () => {
    const before = (await supervisor.get(`/api/v1/scoreboard/units/${t2.id}?period=2026-10`)).json();
    await ctx.handle.db.updateTable('task').set({ submittedOn: '2026-10-19' }).where('id', '=', taskIds.b2!).execute();
    const res = (await supervisor.post('/api/v1/scoreboard/recompute', { periods: ['2026-10'] })).json();
    expect(res.results).toEqual([expect.objectContaining({ period: '2026-10', skipped: true })]);
    const after = (await supervisor.get(`/api/v1/scoreboard/units/${t2.id}?period=2026-10`)).json();
    expect(after.score).toBe(before.score);
    expect(after.computedAt).toBe(before.computedAt);
    await ctx.handle.db.updateTable('task').set({ submittedOn: '2026-10-25' }).where('id', '=', taskIds.b2!).execute();
  });

  it('the change against last period is measured for the next one', async () => {
    await supervisor.post('/api/v1/scoreboard/recompute', { periods: ['2026-11'] });
    const items = (await supervisor.get('/api/v1/scoreboard?period=2026-11&peer=township')).json().items as { unitId: number; score: number | null; change: number | null }[];
    // No task due in November yet: no data, so no change either.
    expect(items.find((i) => i.unitId === t1.id)).toMatchObject({ score: null, change: null });
  });
});

describe('people', () => {
  it('scores the responsible person on their tasks; the person sees only themself', async () => {
    const res = await supervisor.get(`/api/v1/scoreboard/people?period=2026-10&unitId=${t2.id}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { personId: number; score: number | null; rank: number | null; components: { key: string; score: number | null }[] }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ personId: responsible.id, rank: 1 });
    expect(items[0]!.components.find((c) => c.key === 'on_time')?.score).toBe(50);
    expect(items[0]!.components.some((c) => c.key === 'citizen_on_time')).toBe(false);
    const self = await ctx.login(responsible);
    const mine = (await self.get('/api/v1/scoreboard/people?period=2026-10')).json();
    expect(mine.items.map((i: { personId: number }) => i.personId)).toEqual([responsible.id]);
    expect((await self.get(`/api/v1/scoreboard/people/${responsible.id}/components/on_time?period=2026-10`)).json().items).toHaveLength(2);
    expect((await staff.get(`/api/v1/scoreboard/people?period=2026-10&unitId=${t2.id}`)).statusCode).toBe(403);
    expect((await staff.get(`/api/v1/scoreboard/people/${responsible.id}/components/on_time?period=2026-10`)).statusCode).toBe(403);
    expect((await self.get(`/api/v1/scoreboard/people/${responsible.id}/components/citizen_on_time?period=2026-10`)).statusCode).toBe(400);
    expect((await self.get(`/api/v1/scoreboard/people/999999/components/on_time?period=2026-10`)).statusCode).toBe(404);
  });
});

describe('model cases (典型)', () => {
  let caseId: number;
  it('a supervisor nominates a task as a case (its lead unit), audited; staff cannot', async () => {
    const res = await supervisor.post('/api/v1/scoreboard/cases', { title: '村道一周修复', summary: '当日签收，一周修复。', body: '做法……成效……', tags: ['马上就办', '马上就办'], taskId: taskIds.a1 });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ status: 'nominated', unit: { id: t1.id }, taskId: taskIds.a1, tags: ['马上就办'], year: 2026, version: 1 });
    caseId = c.id;
    expect((await staff.post('/api/v1/scoreboard/cases', { title: 't', summary: 's', body: 'b', unitId: t1.id })).statusCode).toBe(403);
    expect((await outsider.post('/api/v1/scoreboard/cases', { title: 't', summary: 's', body: 'b', unitId: t1.id })).statusCode).toBe(403);
    expect((await supervisor.post('/api/v1/scoreboard/cases', { title: 't', summary: 's', body: 'b' })).statusCode).toBe(400);
    expect((await supervisor.post('/api/v1/scoreboard/cases', { title: 't', summary: 's', body: 'b', taskId: 999999 })).statusCode).toBe(400);
    // Another county's task cannot be cited, even under a unit of one's own region.
    const foreign = await ctx.newTask({ leadUnit: otherTown, deadline: '2026-12-31' });
    expect((await supervisor.post('/api/v1/scoreboard/cases', { title: 't', summary: 's', body: 'b', taskId: foreign.id, unitId: t1.id })).statusCode).toBe(403);
    expect((await supervisor.post('/api/v1/scoreboard/cases', { title: 't\u0000', summary: 's', body: 'b', unitId: t1.id })).statusCode).toBe(400);
    expect((await supervisor.post('/api/v1/scoreboard/cases', { title: 'x'.repeat(201), summary: 's', body: 'b', unitId: t1.id })).statusCode).toBe(400);
    const audit = await ctx.handle.db.selectFrom('auditLog').select('action').where('objectType', '=', 'model_case').where('objectId', '=', String(caseId)).execute();
    expect(audit.map((a) => a.action)).toEqual(['scoreboard.case.nominate']);
  });

  it('a nominated case is hidden from staff (404) until selected; then the whole government reads it', async () => {
    expect((await staff.get(`/api/v1/scoreboard/cases/${caseId}`)).statusCode).toBe(404);
    expect((await staff.get('/api/v1/scoreboard/cases')).json().items).toHaveLength(0);
    const edit = await supervisor.patch(`/api/v1/scoreboard/cases/${caseId}`, { version: 1, summary: '当日签收，一周修复，群众满意。' });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().version).toBe(2);
    expect((await supervisor.post(`/api/v1/scoreboard/cases/${caseId}/select`, { version: 1 })).json().error.code).toBe('SCORE_CASE_STALE');
    const sel = await supervisor.post(`/api/v1/scoreboard/cases/${caseId}/select`, { version: 2, note: '可复制可推广' });
    expect(sel.statusCode).toBe(200);
    expect(sel.json()).toMatchObject({ status: 'selected', decisionNote: '可复制可推广', decidedBy: { id: supervisor.person.id } });
    expect((await supervisor.post(`/api/v1/scoreboard/cases/${caseId}/reject`, { version: 3 })).json().error.code).toBe('SCORE_CASE_DECIDED');
    expect((await staff.get(`/api/v1/scoreboard/cases/${caseId}`)).statusCode).toBe(200);
    expect((await outsider.get(`/api/v1/scoreboard/cases/${caseId}`)).statusCode).toBe(200);
  });

  it('searches the library by q, tag, unit, year and status, paged; hostile queries are 400', async () => {
    const other = (await supervisor.post('/api/v1/scoreboard/cases', { title: '会议精简', summary: '少开会', body: '清单化交办', tags: ['精文减会'], unitId: dept.id })).json();
    await supervisor.post(`/api/v1/scoreboard/cases/${other.id}/reject`, { version: 1 });
    const ids = async (c: Client, q: string) => ((await c.get(`/api/v1/scoreboard/cases?${q}`)).json().items as { id: number }[]).map((i) => i.id);
    expect(await ids(staff, 'q=一周')).toEqual([caseId]);
    expect(await ids(staff, 'q=%E6%B8%85%E5%8D%95')).toEqual([]);
    expect(await ids(supervisor, 'q=%E6%B8%85%E5%8D%95')).toEqual([other.id]);
    expect(await ids(supervisor, `unitId=${t1.id}`)).toEqual([caseId]);
    expect(await ids(supervisor, `tag=${encodeURIComponent('精文减会')}`)).toEqual([other.id]);
    expect(await ids(supervisor, 'status=rejected')).toEqual([other.id]);
    expect(await ids(supervisor, 'year=2025')).toEqual([]);
    expect(await ids(supervisor, 'q=%25')).toEqual([]);
    const p1 = (await supervisor.get('/api/v1/scoreboard/cases?limit=1')).json();
    expect(p1.items[0].id).toBe(other.id);
    const p2 = (await supervisor.get(`/api/v1/scoreboard/cases?limit=1&cursor=${p1.nextCursor}`)).json();
    expect(p2.items[0].id).toBe(caseId);
    for (const q of ['q=%00', `q=${'长'.repeat(101)}`, 'year=-1', 'year=99999', 'cursor=abc', 'limit=0', 'limit=100000', 'status=won']) {
      expect((await supervisor.get(`/api/v1/scoreboard/cases?${q}`)).statusCode, q).toBe(400);
    }
  });

  it('lists the cases selected in a period for the reports', async () => {
    const selected = await ctx.services.scoreboard.selectedCases('2026-11');
    expect(selected.map((c) => c.id)).toEqual([caseId]);
    expect(await ctx.services.scoreboard.selectedCases('2026-10')).toEqual([]);
    const ranks = await ctx.services.scoreboard.rankings('2026-10', 'township', { underPath: county.path });
    expect(ranks.map((r) => r.unitId)).toEqual([t1.id, t2.id, t3.id]);
  });
});
