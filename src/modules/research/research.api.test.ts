import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { writeWorkbook } from '../../platform/xlsx.ts';
import { canSeeVisit } from './policy.ts';

/**
 * 一线工作法 through the API: places (CRUD, XLSX import all-or-nothing), visits with findings,
 * who sees a visit (policy and SQL held together), a finding turned into a task in one
 * transaction and its light on the visit, the quota, the annual table and XLSX, the statistics,
 * the behind list and the monthly warning, field days on the ICS feed. PGlite and PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let town: Unit;
let town2: Unit;
let dept: Unit;
let otherCounty: Unit;
let supervisor: Client;
let admin: Client;
let leaderP: { id: number; login: string };
let leader: Client;
let head: Client;
let staff: Client;
let staffP: { id: number; login: string };
let deptStaff: { id: number; login: string };
let outsider: Client;
const places: Record<string, number> = {};

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-07-02T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '调研县' });
  town = await ctx.newUnit({ parent: county, kind: 'region', name: '上坝镇' });
  town2 = await ctx.newUnit({ parent: county, kind: 'region', name: '下坝乡' });
  dept = await ctx.newUnit({ parent: county, name: '农业农村局' });
  otherCounty = await ctx.newUnit({ kind: 'region', level: 'county', name: '外县' });
  supervisor = await ctx.as(['supervisor'], county);
  admin = await ctx.as(['admin'], county);
  leaderP = await ctx.newPerson({ unit: county, roles: ['leader'], rank: 'county', name: '李县长' });
  leader = await ctx.login(leaderP);
  head = await ctx.as(['unit_head'], dept);
  staffP = await ctx.newPerson({ unit: dept, roles: ['staff'], rank: 'township', name: '王科长' });
  staff = await ctx.login(staffP);
  deptStaff = await ctx.newPerson({ unit: dept, roles: ['staff'] });
  outsider = await ctx.as(['leader'], otherCounty);
});
afterAll(() => ctx.close());

describe('places', () => {
  it('are created by the region’s supervisor, listed, changed; a name repeats only in another township', async () => {
    for (const [name, kind, tags, t] of [
      ['红旗村', 'village', ['先进'], town],
      ['石门村', 'village', ['后进', '脱贫村'], town],
      ['柳树村', 'village', [], town2],
      ['县中学', 'school', [], town2],
    ] as const) {
      const res = await supervisor.post('/api/v1/field-visits/places', { townshipId: t.id, name, kind, tags });
      expect(res.statusCode, res.body).toBe(201);
      places[name] = res.json().id;
    }
    expect((await supervisor.post('/api/v1/field-visits/places', { townshipId: town.id, name: '红旗村', kind: 'village' })).json().error.code).toBe('PLACE_EXISTS');
    expect((await supervisor.post('/api/v1/field-visits/places', { townshipId: town2.id, name: '红旗村', kind: 'village' })).statusCode).toBe(201);
    // Not a township; a department; outside the region; an unknown tag.
    expect((await supervisor.post('/api/v1/field-visits/places', { townshipId: dept.id, name: '甲村', kind: 'village' })).statusCode).toBe(400);
    expect((await outsider.post('/api/v1/field-visits/places', { townshipId: town.id, name: '甲村', kind: 'village' })).statusCode).toBe(403);
    expect((await supervisor.post('/api/v1/field-visits/places', { townshipId: town.id, name: '甲村', kind: 'village', tags: ['模范'] })).statusCode).toBe(400);
    const list = await staff.get(`/api/v1/field-visits/places?unitId=${county.id}&kind=village`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { name: string }) => p.name)).toEqual(['红旗村', '石门村', '柳树村', '红旗村']);
    expect((await staff.get(`/api/v1/field-visits/places?tag=后进`)).json().items.map((p: { name: string }) => p.name)).toEqual(['石门村']);
    const patched = await supervisor.patch(`/api/v1/field-visits/places/${places['柳树村']}`, { tags: ['后进'] });
    expect(patched.json()).toMatchObject({ name: '柳树村', tags: ['后进'], townshipName: '下坝乡' });
    expect((await outsider.get(`/api/v1/field-visits/places/${places['柳树村']}`)).statusCode).toBe(403);
  });

  it('imports from XLSX all or nothing, naming every row at fault', async () => {
    const file = (rows: string[][]) => writeWorkbook([{ name: '地点', columns: ['乡镇', '名称', '类别', '标签'].map((header) => ({ header })), rows }]);
    const bad = await ctx.inject({
      method: 'POST',
      url: '/api/v1/field-visits/places/import',
      headers: { cookie: supervisor.cookie, 'x-csrf-token': supervisor.csrfToken, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: await file([
        ['上坝镇', '新村', '行政村', '重点项目'],
        ['无此镇', '乙村', '行政村', ''],
        ['上坝镇', '红旗村', '行政村', ''],
        ['上坝镇', '丙厂', '工厂', '模范'],
      ]),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('IMPORT_INVALID');
    expect(bad.json().error.details.errors.join('\n')).toMatch(/第 3 行[\s\S]*第 4 行[\s\S]*第 5 行/);
    expect((await staff.get(`/api/v1/field-visits/places?q=新村`)).json().items).toEqual([]);
    const good = await ctx.inject({
      method: 'POST',
      url: '/api/v1/field-visits/places/import',
      headers: { cookie: supervisor.cookie, 'x-csrf-token': supervisor.csrfToken, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: await file([
        ['上坝镇', '新村', '行政村', '重点项目'],
        ['下坝乡', '卫生院', '卫生院', ''],
      ]),
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toEqual({ imported: 2 });
    places['新村'] = (await staff.get(`/api/v1/field-visits/places?q=新村`)).json().items[0].id;
  });
});

describe('visits, findings and tasks', () => {
  let visitId: number;
  let findingId: number;

  it('logs a visit with findings (201 with their ids); a day already counted does not count twice', async () => {
    const res = await leader.post('/api/v1/field-visits', {
      personIds: [leaderP.id],
      startDate: '2026-06-01',
      endDate: '2026-06-03',
      kind: 'survey',
      placeIds: [places['石门村'], places['红旗村']],
      unannounced: true,
      purpose: '调研人居环境整治',
      findings: [{ problem: '村道破损严重，雨季通行困难', placeId: places['石门村'], category: '基础设施', severity: 'high' }, { problem: '垃圾清运不及时' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json();
    visitId = v.id;
    findingId = v.findings[0].id;
    expect(v).toMatchObject({ startDate: '2026-06-01', endDate: '2026-06-03', unannounced: true, people: [{ id: leaderP.id, name: '李县长' }] });
    expect(v.findings.map((f: { id: number; severity: string; task: unknown }) => [typeof f.id, f.severity, f.task])).toEqual([['number', 'high', null], ['number', 'medium', null]]);
    // A half day on a day already counted adds nothing; a half day elsewhere adds 0.5.
    expect((await leader.post('/api/v1/field-visits', { personIds: [leaderP.id], startDate: '2026-06-02', endDate: '2026-06-02', halfDay: true, kind: 'onsite', purpose: '现场办公' })).statusCode).toBe(201);
    expect((await leader.post('/api/v1/field-visits', { personIds: [leaderP.id], startDate: '2026-06-10', endDate: '2026-06-10', halfDay: true, kind: 'petition', purpose: '接访', placeIds: [places['红旗村']] })).statusCode).toBe(201);
    const q = (await leader.get('/api/v1/field-visits/quota')).json();
    expect(q).toMatchObject({ target: 90, days: 3.5, behind: true, person: { id: leaderP.id } });
    // 2026-01-01 … 2026-07-02 is 183 of 365 days: 90 × 183 / 365 = 45.1.
    expect(q.expectedByNow).toBe(45.1);
    expect(q.shortfall).toBe(41.6);
  });

  it('refuses bad visits: future, reversed, a half day over two days, people outside the caller’s sight', async () => {
    const base = { personIds: [leaderP.id], kind: 'survey', purpose: '调研' };
    expect((await leader.post('/api/v1/field-visits', { ...base, startDate: '2026-08-01', endDate: '2026-08-01' })).statusCode).toBe(400);
    expect((await leader.post('/api/v1/field-visits', { ...base, startDate: '2026-06-05', endDate: '2026-06-04' })).statusCode).toBe(400);
    expect((await leader.post('/api/v1/field-visits', { ...base, startDate: '2026-06-04', endDate: '2026-06-05', halfDay: true })).statusCode).toBe(400);
    expect((await staff.post('/api/v1/field-visits', { ...base, startDate: '2026-06-04', endDate: '2026-06-04' })).statusCode).toBe(403);
    expect((await outsider.post('/api/v1/field-visits', { ...base, startDate: '2026-06-04', endDate: '2026-06-04' })).statusCode).toBe(403);
    expect((await leader.post('/api/v1/field-visits', { ...base, startDate: '2026-06-04', endDate: '2026-06-04', placeIds: [2147483647] })).statusCode).toBe(400);
  });

  it('shows a visit to the people on it and who oversees them, not to a colleague or another county', async () => {
    const v = await staff.post('/api/v1/field-visits', { personIds: [staffP.id], startDate: '2026-06-20', endDate: '2026-06-20', kind: 'stationed', purpose: '驻村' });
    expect(v.statusCode, v.body).toBe(201);
    const id = v.json().id;
    const colleague = await ctx.login(deptStaff);
    for (const [c, status] of [[staff, 200], [head, 200], [leader, 200], [supervisor, 200], [admin, 200], [colleague, 403], [outsider, 403]] as const) {
      expect((await c.get(`/api/v1/field-visits/${id}`)).statusCode).toBe(status);
      const listed = (await c.get('/api/v1/field-visits?year=2026')).json().items.some((i: { id: number }) => i.id === id);
      expect(listed).toBe(status === 200);
    }
    // The pure rule and the SQL agree for each caller.
    const actor = await ctx.actorOf(deptStaff);
    expect(canSeeVisit(actor, { personIds: [staffP.id], personPaths: [dept.path] })).toBe(false);
    expect((await staff.get(`/api/v1/field-visits/quota?personId=${leaderP.id}`)).statusCode).toBe(403);
    expect((await head.get(`/api/v1/field-visits/quota?personId=${staffP.id}`)).json()).toMatchObject({ target: 90, days: 1 });
  });

  it('turns a finding into a task in one transaction; the finding shows the task’s light and status; twice is 409', async () => {
    // A lead unit outside the caller's scope: 403, nothing written.
    const refused = await leader.post(`/api/v1/field-visits/${visitId}/findings/${findingId}/task`, { leadUnitId: otherCounty.id, deadline: '2026-07-31' });
    expect(refused.statusCode).toBe(403);
    expect((await leader.get(`/api/v1/field-visits/${visitId}`)).json().findings[0].taskId).toBeNull();
    const res = await leader.post(`/api/v1/field-visits/${visitId}/findings/${findingId}/task`, { leadUnitId: dept.id, responsibleId: staffP.id, deadline: '2026-07-31' });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({ title: '村道破损严重，雨季通行困难', level: 'key', source: { kind: 'research', id: findingId }, leadUnit: { id: dept.id }, status: 'assigned' });
    const f = (await leader.get(`/api/v1/field-visits/${visitId}`)).json().findings[0];
    expect(f).toMatchObject({ taskId: task.id, task: { id: task.id, status: 'assigned', light: 'green' } });
    expect((await leader.post(`/api/v1/field-visits/${visitId}/findings/${findingId}/task`, { leadUnitId: dept.id, deadline: '2026-07-31' })).json().error.code).toBe('FINDING_HAS_TASK');
    expect((await staff.post(`/api/v1/field-visits/${visitId}/findings/${findingId}/task`, { leadUnitId: dept.id, deadline: '2026-07-31' })).statusCode).toBe(403);
    expect((await leader.post(`/api/v1/field-visits/${visitId}/findings/2147483647/task`, { leadUnitId: dept.id, deadline: '2026-07-31' })).statusCode).toBe(404);
    // The ledger finds it by its source.
    const ledger = (await leader.get(`/api/v1/tasks?source=research&sourceId=${findingId}`)).json();
    expect(ledger.items.map((t: { id: number }) => t.id)).toEqual([task.id]);
  });

  it('follows the task: verified, the finding shows it done and the people on the visit hear of it (马上就反馈)', async () => {
    const v = (await leader.post('/api/v1/field-visits', { personIds: [leaderP.id, staffP.id], startDate: '2026-06-15', endDate: '2026-06-15', kind: 'inspection', purpose: '督查民生实事', findings: [{ problem: '助餐点未开放' }] })).json();
    const task = (await leader.post(`/api/v1/field-visits/${v.id}/findings/${v.findings[0].id}/task`, { leadUnitId: dept.id, responsibleId: staffP.id, deadline: { workdays: 10 } })).json();
    const t = ctx.services.tasks;
    const sys = ctx.system();
    const H = await ctx.actorOf(head.person);
    let x = await t.sign(sys, H, task.id, task.version);
    x = await t.submit(sys, await ctx.actorOf(staffP), x.id, x.version, { text: '已开放' }, { done: '开放助餐点', result: '老人就餐', lessons: '早抓' });
    await t.verify(sys, await ctx.actorOf(leaderP), x.id, x.version, '同意');
    const f = (await leader.get(`/api/v1/field-visits/${v.id}`)).json().findings[0];
    expect(f.task).toMatchObject({ status: 'verified', light: 'done' });
    const heard = await ctx.handle.db.selectFrom('notification').select(['recipientId']).where('kind', '=', 'research.finding_done').where('objectId', '=', String(v.id)).execute();
    expect(heard.map((n) => n.recipientId)).toEqual([staffP.id]);
  });

  it('reports the annual table (JSON and XLSX), the statistics and the behind list', async () => {
    const annual = await supervisor.get(`/api/v1/field-visits/annual?unitId=${county.id}`);
    expect(annual.statusCode, annual.body).toBe(200);
    const row = annual.json().rows.find((r: { person: { id: number } }) => r.person.id === leaderP.id);
    expect(row).toMatchObject({ visits: 4, unannounced: 1, places: 2, villages: 2, findings: 3, findingsWithTask: 2, findingsResolved: 1, byKind: { survey: 1, onsite: 1, petition: 1, inspection: 1 } });
    const xlsx = await supervisor.get(`/api/v1/field-visits/annual.xlsx?unitId=${county.id}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const stats = (await supervisor.get(`/api/v1/field-visits/stats?unitId=${county.id}&year=2026`)).json();
    expect(stats.villages).toBe(5);
    expect(stats.unvisitedVillages.map((v: { name: string }) => v.name).sort()).toEqual(['新村', '柳树村', '红旗村'].sort());
    expect(stats.county).toMatchObject({ visits: 5, advanced: 2, lagging: 1, unannounced: 1, findings: 3, findingsWithTask: 2, findingsResolved: 1, taskShare: 0.667, resolvedShare: 0.5 });
    expect(stats.leaders.map((l: { person: { id: number } }) => l.person.id)).toEqual([leaderP.id]);
    const behind = (await supervisor.get(`/api/v1/field-visits/behind?unitId=${county.id}`)).json();
    expect(behind.items.map((i: { person: { id: number } }) => i.person.id)).toEqual(expect.arrayContaining([leaderP.id, staffP.id]));
    expect((await staff.get('/api/v1/field-visits/behind')).statusCode).toBe(403);
    expect((await outsider.get(`/api/v1/field-visits/stats?unitId=${county.id}`)).statusCode).toBe(403);
  });

  it('warns the people behind once a month', async () => {
    const first = await ctx.services.research.warnBehind();
    expect(first.warned).toBeGreaterThanOrEqual(2);
    expect((await ctx.services.research.warnBehind()).warned).toBe(0);
    const notes = await ctx.handle.db.selectFrom('notification').select(['recipientId', 'title']).where('kind', '=', 'research.behind').execute();
    expect(notes.filter((n) => n.recipientId === leaderP.id)).toHaveLength(1);
    ctx.clock.set(new Date('2026-08-03T09:00:00+08:00'));
    try {
      expect((await ctx.services.research.warnBehind()).warned).toBe(first.warned);
    } finally {
      ctx.clock.set(new Date('2026-07-02T09:00:00+08:00'));
    }
  });

  it('prorates the target from the 任职日期 recorded on the person', async () => {
    const res = await admin.patch(`/api/v1/people/${staffP.id}`, { rankSince: '2026-06-20' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rankSince).toBe('2026-06-20');
    // 2026-06-20 … 12-31: 195 of 365 days → 48.5; expected by 07-02: 48.5 × 13 / 195.
    expect((await head.get(`/api/v1/field-visits/quota?personId=${staffP.id}`)).json()).toMatchObject({ target: 48.5, rankSince: '2026-06-20', expectedByNow: 3.2, days: 1, behind: false });
    // The 06-15 visit, before the post began, does not count toward it.
    expect((await admin.patch(`/api/v1/people/${staffP.id}`, { rankSince: '2026-02-30' })).statusCode).toBe(400);
    await admin.patch(`/api/v1/people/${staffP.id}`, { rankSince: null });
    expect((await head.get(`/api/v1/field-visits/quota?personId=${staffP.id}`)).json().target).toBe(90);
  });

  it('puts field days on the person’s ICS feed', async () => {
    const url = (await leader.post('/api/v1/tasks/feed-token')).json().url;
    const ics = (await ctx.inject({ method: 'GET', url })).body;
    expect(ics).toContain('DTSTART;VALUE=DATE:20260601');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260603');
    expect(ics).toMatch(/【一线工作】接访下访（半天）/);
  });
});
