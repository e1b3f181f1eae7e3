import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { openWorkbook } from '../../platform/xlsx.ts';

/**
 * Reports through the API: a draft from data (red tasks, overdue units, the absent scoreboard's
 * sections say 暂无数据), edited texts that survive a refresh, issue with a 文号 in the year's
 * series, files stored as issued (the same bytes after the data changed), who sees drafts and
 * issued reports, the scheduled job once per region, kind and period, and the personal summary
 * prefilled with the tasks closed in the period. PGlite and, under test:pg, PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let dept: Unit;
let otherCounty: Unit;
let supervisor: Client;
let supervisorElsewhere: Client;
let head: Client;
let staff: Client;
let leader: Client;
let redTaskId: number;

const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const relogin = async () => {
  [supervisor, supervisorElsewhere, head, staff, leader] = (await Promise.all([supervisor, supervisorElsewhere, head, staff, leader].map((c) => ctx.login(c.person)))) as [Client, Client, Client, Client, Client];
};

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-02T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '报告县' });
  dept = await ctx.newUnit({ parent: county, name: '交通局' });
  const office = await ctx.newUnit({ parent: county, name: '县督查室' });
  otherCounty = await ctx.newUnit({ kind: 'region', level: 'county', name: '别县' });
  supervisor = await ctx.as(['supervisor'], office);
  supervisorElsewhere = await ctx.as(['supervisor'], otherCounty);
  leader = await ctx.as(['leader'], office);
  head = await ctx.as(['unit_head'], dept);
  staff = await ctx.as(['staff'], dept);
  redTaskId = (await ctx.newTask({ by: leader.person, leadUnit: dept, title: '农村公路危桥改造', responsibleId: staff.person.id, deadline: '2026-11-05' })).id;
  // A task the staff member closes in November, with its 小结.
  const t = await ctx.newTask({ by: leader.person, leadUnit: dept, title: '客运站安全隐患整改', responsibleId: staff.person.id, deadline: '2026-11-30' });
  const [h, s, l] = await Promise.all([head, staff, leader].map((c) => ctx.actorOf(c.person)));
  const signed = await ctx.services.tasks.sign(ctx.system(), h!, t.id, t.version);
  const summary = { done: '整改隐患 14 处', result: '通过安全验收', lessons: '清单化推进' };
  const sub = await ctx.services.tasks.submit(ctx.system(), s!, t.id, signed.version, { text: '已整改' }, summary);
  const ver = await ctx.services.tasks.verify(ctx.system(), l!, t.id, sub.version);
  await ctx.services.tasks.close(ctx.system(), l!, t.id, ver.version);
  ctx.clock.set(at('2026-11-20'));
  await relogin();
});
afterAll(() => ctx.close());

describe('a monthly report from data, edited and issued', () => {
  let id: number;
  let version: number;

  it('drafts from data: red tasks and overdue units in tables, 暂无数据 where the scoreboard is absent', async () => {
    const res = await supervisor.post('/api/v1/reports', { kind: 'monthly', unitId: county.id, period: '2026-11' });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    ({ id, version } = r);
    expect(r).toMatchObject({ kind: 'monthly', kindName: '月调度', status: 'draft', number: null, unit: { id: county.id }, period: { key: '2026-11', from: '2026-11-01', to: '2026-12-01' }, allowedActions: ['edit', 'refresh', 'issue'] });
    const section = (key: string) => r.sections.find((s: { key: string }) => s.key === key);
    expect(section('red_tasks').table.columns).toEqual(['序号', '督办事项', '主办单位', '责任人', '完成时限', '逾期工作日']);
    expect(section('red_tasks').table.rows[0]).toEqual([1, '农村公路危桥改造', '交通局', '测试人员', '2026-11-05', 11]);
    expect(section('overdue_units').table.rows).toEqual([['交通局', 1]]);
    expect(section('rankings').text).toBe('暂无数据');
    expect(section('model_cases').text).toBe('暂无数据');
    expect(section('overview').text).toContain('红灯（逾期未办结）1 项');
    expect(section('escalations').chart.categories.length).toBeGreaterThan(0);
  });

  it('refuses a second one for the period (409 REPORT_EXISTS), a period that does not fit (400), others (403)', async () => {
    const again = await supervisor.post('/api/v1/reports', { kind: 'monthly', unitId: county.id, period: '2026-11' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'REPORT_EXISTS', details: { id } });
    const bad = await supervisor.post('/api/v1/reports', { kind: 'weekly', unitId: county.id, period: '2026-11' });
    expect(bad.json().error.code).toBe('REPORT_PERIOD_INVALID');
    expect((await supervisor.post('/api/v1/reports', { kind: 'notice', unitId: county.id, period: '2026-13' })).statusCode).toBe(400);
    expect((await supervisorElsewhere.post('/api/v1/reports', { kind: 'monthly', unitId: county.id, period: '2026-10' })).statusCode).toBe(403);
    expect((await head.post('/api/v1/reports', { kind: 'monthly', unitId: county.id, period: '2026-10' })).statusCode).toBe(403);
    // A draft out of the caller's sight answers as an unknown id (no existence oracle).
    expect((await staff.get(`/api/v1/reports/${id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/v1/reports/${id}.docx`)).statusCode).toBe(404);
  });

  it('edits texts (tables stay data), keeps them through a refresh, refuses unknown sections', async () => {
    const e = await supervisor.patch(`/api/v1/reports/${id}`, { version, title: '报告县2026年11月督查调度通报', sections: [{ key: 'next_steps', text: '一是马上整改危桥。\n二是按周报送进展。' }] });
    expect(e.statusCode).toBe(200);
    expect(e.json()).toMatchObject({ title: '报告县2026年11月督查调度通报', editedSections: ['next_steps'] });
    const unknown = await supervisor.patch(`/api/v1/reports/${id}`, { version: version + 1, sections: [{ key: 'nope', text: 'x' }] });
    expect(unknown.json().error.code).toBe('REPORT_SECTION_UNKNOWN');
    const refreshed = (await supervisor.post(`/api/v1/reports/${id}/refresh`, { version: version + 1 })).json();
    expect(refreshed.sections.find((s: { key: string }) => s.key === 'next_steps').text).toBe('一是马上整改危桥。\n二是按周报送进展。');
    expect(refreshed.title).toBe('报告县2026年11月督查调度通报');
    version = refreshed.version;
  });

  it('issues with the year’s next 文号, stores the files, and never changes after', async () => {
    const issued = await supervisor.post(`/api/v1/reports/${id}/issue`, { version });
    expect(issued.statusCode).toBe(200);
    expect(issued.json()).toMatchObject({ status: 'issued', number: '督调〔2026〕1号', date: '2026-11-20', allowedActions: [] });
    const second = (await supervisor.post('/api/v1/reports', { kind: 'monthly', unitId: county.id, period: '2026-10' })).json();
    expect((await supervisor.post(`/api/v1/reports/${second.id}/issue`, { version: second.version })).json().number).toBe('督调〔2026〕2号');
    const v = issued.json().version;
    expect((await supervisor.patch(`/api/v1/reports/${id}`, { version: v, title: '改' })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await supervisor.post(`/api/v1/reports/${id}/issue`, { version: v })).statusCode).toBe(409);

    const docx = await supervisor.get(`/api/v1/reports/${id}.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    // The data changes (the red task is done with); the issued files stay the same bytes.
    await ctx.handle.db.updateTable('task').set({ title: '改过的标题' }).where('id', '=', redTaskId).execute();
    const again = await supervisor.get(`/api/v1/reports/${id}.docx`);
    expect(Buffer.compare(docx.rawPayload, again.rawPayload)).toBe(0);
    expect((await supervisor.get(`/api/v1/reports/${id}`)).json().sections.find((s: { key: string }) => s.key === 'red_tasks').table.rows[0][1]).toBe('农村公路危桥改造');

    const xlsx = await supervisor.get(`/api/v1/reports/${id}.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = await openWorkbook(xlsx.rawPayload);
    expect(wb!.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['正文', '2.红灯事项', '3.逾期单位']));
  });

  it('an issued report is read in its region (staff of a unit in it), not elsewhere', async () => {
    expect((await staff.get(`/api/v1/reports/${id}`)).statusCode).toBe(200);
    expect((await staff.get(`/api/v1/reports/${id}.xlsx`)).statusCode).toBe(200);
    expect((await supervisorElsewhere.get(`/api/v1/reports/${id}`)).statusCode).toBe(404);
    const listed = (await staff.get('/api/v1/reports')).json().items.map((r: { id: number }) => r.id);
    expect(listed).toContain(id);
    expect((await supervisorElsewhere.get('/api/v1/reports')).json().items.map((r: { id: number }) => r.id)).not.toContain(id);
    expect((await supervisor.get('/api/v1/reports/2147483647')).json().error.code).toBe('REPORT_NOT_FOUND');
    expect((await supervisor.get('/api/v1/reports/2147483648.docx')).statusCode).toBe(400);
  });
});

describe('the scheduled drafts', () => {
  it('makes the previous week’s and month’s drafts on the first working day, once', async () => {
    ctx.clock.set(at('2026-12-01')); // Tuesday: the week began Monday 30 November (a working day)
    await ctx.services.reports.generateDue();
    await ctx.services.reports.generateDue();
    const rows = await ctx.handle.db.selectFrom('report').select(['kind', 'periodKey', 'scheduled']).where('unitId', '=', otherCounty.id).orderBy('kind').execute();
    expect(rows).toEqual([
      { kind: 'monthly', periodKey: '2026-11', scheduled: true },
      { kind: 'weekly', periodKey: '2026-W48', scheduled: true },
    ]);
    // Our county's November report was made by hand: not made again.
    const ours = await ctx.handle.db.selectFrom('report').select(['id']).where('unitId', '=', county.id).where('kind', '=', 'monthly').where('periodKey', '=', '2026-11').execute();
    expect(ours.length).toBe(1);
  });
});

describe('the personal summary (一段时间一总结)', () => {
  it('is prefilled with the tasks closed in the period, saved, submitted to the unit’s heads', async () => {
    await relogin();
    const res = await staff.post('/api/v1/reports/summaries', { period: '2026-11' });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ status: 'draft', period: { key: '2026-11' }, items: [{ title: '客运站安全隐患整改', done: '整改隐患 14 处', result: '通过安全验收' }] });
    expect((await staff.post('/api/v1/reports/summaries', { period: '2026-11' })).statusCode).toBe(200);
    expect((await head.get(`/api/v1/reports/summaries/${s.id}`)).statusCode).toBe(404); // a draft is its author's: unknown to others
    const saved = (await staff.patch(`/api/v1/reports/summaries/${s.id}`, { version: s.version, text: '本月完成整改一项。' })).json();
    expect(saved.text).toBe('本月完成整改一项。');
    expect((await head.patch(`/api/v1/reports/summaries/${s.id}`, { version: saved.version, text: 'x' })).statusCode).toBe(404);
    const sub = await staff.post(`/api/v1/reports/summaries/${s.id}/submit`, { version: saved.version });
    expect(sub.json().status).toBe('submitted');
    expect((await staff.patch(`/api/v1/reports/summaries/${s.id}`, { version: sub.json().version, text: 'y' })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await head.get(`/api/v1/reports/summaries/${s.id}`)).statusCode).toBe(200);
    expect((await head.get('/api/v1/reports/summaries')).json().items.map((x: { id: number }) => x.id)).toContain(s.id);
    const told = await ctx.handle.db.selectFrom('notification').select('recipientId').where('kind', '=', 'reports.summary_submitted').execute();
    expect(told.map((t) => t.recipientId)).toEqual([head.person.id]);
    expect((await staff.post('/api/v1/reports/summaries', { period: '2027-05' })).json().error.code).toBe('REPORT_PERIOD_INVALID');
    expect((await staff.post('/api/v1/reports/summaries', { period: '2026-W48' })).statusCode).toBe(400);
  });
});
