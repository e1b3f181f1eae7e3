import ICAL from 'ical.js';
import ExcelJS from 'exceljs';
import { fileBytes } from '../../platform/xlsx.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { EXPORT_COLUMNS, LEDGER_COLUMNS } from './ledger.ts';

/** The same county in two databases: units and people with the same names. */
async function buildCounty(ctx: TestContext) {
  const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '示范县' });
  const zjj = await ctx.newUnit({ parent: county, name: '住建局' });
  const jtj = await ctx.newUnit({ parent: county, name: '交通局' });
  const office = await ctx.newUnit({ parent: county, name: '县政府办' });
  const leader = await ctx.login(await ctx.newPerson({ unit: office, roles: ['leader'], name: '王县长' }));
  const head = await ctx.login(await ctx.newPerson({ unit: zjj, roles: ['unit_head'], name: '李局长' }));
  const staff = await ctx.login(await ctx.newPerson({ unit: zjj, roles: ['staff'], name: '张科员' }));
  return { county, zjj, jtj, office, leader, head, staff };
}

let a: TestContext;
let b: TestContext;
let org: Awaited<ReturnType<typeof buildCounty>>;

beforeAll(async () => {
  a = await createTestContext({ now: '2026-11-02T09:00:00+08:00' });
  b = await createTestContext({ now: '2026-11-02T09:00:00+08:00' });
  org = await buildCounty(a);
});
afterAll(async () => {
  await a.close();
  await b.close();
});

async function sheetRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fileBytes(buf));
  const rows: string[][] = [];
  // The export writes plain values: no rich text, formulas or hyperlinks.
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as (string | number | boolean | Date | null | undefined)[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

const exportLedger = async (c: Client) => {
  const res = await a.inject({ method: 'GET', url: '/api/v1/tasks/export.xlsx', headers: { cookie: c.cookie } });
  return res;
};

describe('台账 XLSX', () => {
  it('exports the conventional columns, then imports into an empty database and gives the same ledger', async () => {
    const { leader, head, staff, zjj, jtj } = org;
    const t1 = (await leader.post('/api/v1/tasks', { title: '城区道路"白改黑"工程', level: 'key', leadUnitId: zjj.id, coUnitIds: [jtj.id], leaderId: leader.person.id, deadline: '2026-12-15', source: { kind: 'meeting', ref: '县政府第 12 次常务会议' }, description: '含 3 条主干道' })).json();
    await head.post(`/api/v1/tasks/${t1.id}/sign`, { version: 1 });
    await head.post(`/api/v1/tasks/${t1.id}/dispatch`, { version: 2, responsibleId: staff.person.id });
    await staff.post(`/api/v1/tasks/${t1.id}/progress`, { version: 3, percent: 60, text: '完成两条道路, 第三条施工中' });
    const t2 = (await leader.post('/api/v1/tasks', { title: '农村公路安全隐患排查', level: 'normal', leadUnitId: zjj.id, deadline: '2026-11-20' })).json();
    await head.post(`/api/v1/tasks/${t2.id}/sign`, { version: 1 });
    const summary = { done: '排查 45 处', result: '整改 45 处', lessons: '建立台账' };
    await head.post(`/api/v1/tasks/${t2.id}/submit`, { version: 2, completion: { text: '已完成' }, summary });
    await leader.post(`/api/v1/tasks/${t2.id}/verify`, { version: 3 });
    await leader.post('/api/v1/tasks', { title: '重大项目谋划', level: 'major', leadUnitId: zjj.id, deadline: '2027-01-29' });

    const res = await exportLedger(leader);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(res.rawPayload);
    expect(rows[1]).toEqual([...EXPORT_COLUMNS]);
    expect(rows.slice(2)).toEqual([
      ['1', '已办结', '农村公路安全隐患排查', '其他', '住建局', '', '', '', '2026-11-20', '0', '100%', '已办结', '2026-11-02', '', '一般'],
      ['2', '绿灯', '城区道路"白改黑"工程', '会议决定：县政府第 12 次常务会议', '住建局', '交通局', '张科员', '王县长', '2026-12-15', '0', '60%：完成两条道路, 第三条施工中', '办理中', '', '含 3 条主干道', '重点'],
      ['3', '绿灯', '重大项目谋划', '其他', '住建局', '', '', '', '2027-01-29', '0', '0%', '已交办', '', '', '重大'],
    ]);

    const orgB = await buildCounty(b);
    const importAs = (c: Client, mode: string) =>
      b.inject({ method: 'POST', url: `/api/v1/tasks/import?mode=${mode}`, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: res.rawPayload });
    // Work already done or under way is history: only an admin's migration brings it in.
    const asNew = await importAs(orgB.leader, 'new');
    expect(asNew.statusCode).toBe(400);
    expect(asNew.json().error.details.errors.join('\n')).toMatch(/row 3\).*迁移模式/);
    expect((await importAs(orgB.leader, 'migration')).statusCode).toBe(403);
    const admin = await b.login(await b.newPerson({ unit: orgB.office, roles: ['admin', 'leader'], name: '系统管理员' }));
    const imported = await importAs(admin, 'migration');
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toEqual({ imported: 3 });
    const again = await b.inject({ method: 'GET', url: '/api/v1/tasks/export.xlsx', headers: { cookie: orgB.leader.cookie } });
    const rowsB = await sheetRows(again.rawPayload);
    expect(rowsB.slice(1)).toEqual(rows.slice(1));
    const first = (await orgB.leader.get('/api/v1/tasks?sort=deadline&limit=1')).json().items[0];
    expect(first).toMatchObject({ status: 'verified', light: 'done' });
  });

  it('checks a new row as the create route does: one-line titles, lengths, no past deadline, no finish in the future', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow([...LEDGER_COLUMNS]);
    ws.addRow([1, '换行\r标题', '其他', '住建局', '', '', '', '2026-12-01', '0%', '已交办', '', '', '一般']);
    ws.addRow([2, 'x'.repeat(201), '其他', '住建局', '', '', '', '2026-12-01', '0%', '已交办', '', '', '一般']);
    ws.addRow([3, '过去的时限', '其他', '住建局', '', '', '', '2020-01-01', '0%', '已交办', '', '', '一般']);
    ws.addRow([4, '未来办结', '其他', '住建局', '', '', '', '2026-12-01', '100%', '已销号', '2030-01-01', '', '一般']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const post = (c: Client, mode: string) =>
      a.inject({ method: 'POST', url: `/api/v1/tasks/import?mode=${mode}`, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': 'application/octet-stream' }, payload: file });
    const res = await post(org.leader, 'new');
    expect(res.statusCode).toBe(400);
    const errors = res.json().error.details.errors.join('\n');
    expect(errors).toMatch(/row 3\).*事项名称/);
    expect(errors).toMatch(/row 5\).*晚于今天/);
    expect(errors).toMatch(/row 5\).*迁移模式/);
    expect(errors).not.toMatch(/row 2\)/);
    // The whole file was refused for these; the past deadline is refused when the rest is right.
    const one = new ExcelJS.Workbook();
    one.addWorksheet('台账').addRows([[...LEDGER_COLUMNS], [1, '过去的时限', '其他', '住建局', '', '', '', '2020-01-01', '0%', '已交办', '', '', '一般']]);
    const past = await a.inject({ method: 'POST', url: '/api/v1/tasks/import', headers: { cookie: org.leader.cookie, 'x-csrf-token': org.leader.csrfToken, 'content-type': 'application/octet-stream' }, payload: Buffer.from(await one.xlsx.writeBuffer()) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details.errors.join('\n')).toMatch(/row 2\).*已过/);
    expect((await a.inject({ method: 'POST', url: '/api/v1/tasks/import?mode=everything', headers: { cookie: org.leader.cookie, 'x-csrf-token': org.leader.csrfToken, 'content-type': 'application/octet-stream' }, payload: Buffer.from('x') })).statusCode).toBe(400);
  });

  it('imports nothing when any row is wrong, and names each bad row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow([...LEDGER_COLUMNS]);
    ws.addRow([1, '好的一行', '其他', '住建局', '', '', '', '2026-12-01', '0%', '已交办', '', '', '一般']);
    ws.addRow([2, '', '其他', '不存在的局', '', '', '', '2026-13-01', '', '搞定了', '', '', '']);
    ws.addRow([3, '责任人不对', '文件', '住建局', '', '王县长', '', '2026-12-01', '', '已签收', '', '', '特急']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await org.leader.get('/api/v1/tasks?limit=500')).json().items.length;
    const res = await a.inject({
      method: 'POST',
      url: '/api/v1/tasks/import',
      headers: { cookie: org.leader.cookie, 'x-csrf-token': org.leader.csrfToken, 'content-type': 'application/octet-stream' },
      payload: buf,
    });
    expect(res.statusCode).toBe(400);
    const errors: string[] = res.json().error.details.errors;
    expect(errors.join('\n')).toMatch(/row 3\).*事项名称/);
    expect(errors.join('\n')).toMatch(/row 3\).*完成时限/);
    expect(errors.join('\n')).toMatch(/row 3\).*状态/);
    expect(errors.join('\n')).toMatch(/row 4\).*来源/);
    expect(errors.join('\n')).toMatch(/row 4\).*级别/);
    expect((await org.leader.get('/api/v1/tasks?limit=500')).json().items.length).toBe(before);
  });

  it('reads a blank 状态 as a new 已交办 task, and gives each problem its row and column, telling an unknown unit from one out of scope', async () => {
    const elsewhere = await a.newUnit({ kind: 'region', level: 'county', name: '外县' });
    await a.newUnit({ parent: elsewhere, name: '外县水利局' });
    const file = async (rows: unknown[][]) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('台账').addRows([[...LEDGER_COLUMNS], ...rows]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const post = async (payload: Buffer) =>
      a.inject({ method: 'POST', url: '/api/v1/tasks/import', headers: { cookie: org.leader.cookie, 'x-csrf-token': org.leader.csrfToken, 'content-type': 'application/octet-stream' }, payload });
    const bad = await post(await file([
      [1, '无此单位', '其他', '住建委', '', '', '', '2026-12-01', '', '', '', '', '一般'],
      [2, '外县单位', '其他', '外县水利局', '', '', '', '2026-12-01', '', '', '', '', '一般'],
      [3, '坏日期', '其他', '住建局', '', '', '', '明年', '', '', '', '', '一般'],
    ]));
    expect(bad.statusCode).toBe(400);
    const problems = bad.json().error.details.problems as { row: number; column: string; message: string }[];
    expect(problems).toEqual([
      { row: 4, column: '完成时限', message: '完成时限「明年」不是日期 (YYYY-MM-DD)' },
      { row: 2, column: '主办单位', message: '主办单位「住建委」不存在（系统中没有这个单位，请核对名称）' },
      { row: 3, column: '主办单位', message: '主办单位「外县水利局」不在您的管辖范围内' },
    ]);
    expect(bad.json().error.details.errors).toHaveLength(3);

    // 协办单位 naming the lead unit, or one unit twice: the row and the column, nothing imported.
    const co = await post(await file([
      [1, '主办兼协办', '其他', '住建局', '交通局、住建局', '', '', '2026-12-01', '', '', '', '', '一般'],
      [2, '协办重复', '其他', '住建局', '交通局，交通局', '', '', '2026-12-01', '', '', '', '', '一般'],
    ]));
    expect(co.statusCode).toBe(400);
    expect(co.json().error.details.problems).toEqual([{ row: 2, column: '协办单位', message: expect.stringContaining('主办单位「住建局」不能同时是协办单位') }]);
    const twice = await post(await file([[1, '协办重复', '其他', '住建局', '交通局，交通局', '', '', '2026-12-01', '', '', '', '', '一般']]));
    expect(twice.json().error.details.problems).toEqual([{ row: 2, column: '协办单位', message: expect.stringContaining('协办单位重复') }]);
    expect((await org.leader.get(`/api/v1/tasks?q=${encodeURIComponent('协办')}`)).json().items).toEqual([]);

    const ok = await post(await file([[1, '状态空白即新交办', '其他', '住建局', '', '', '', '2026-12-01', '', '', '', '', '一般']]));
    expect(ok.statusCode).toBe(201);
    const made = (await org.leader.get(`/api/v1/tasks?q=${encodeURIComponent('状态空白即新交办')}`)).json().items;
    expect(made).toEqual([expect.objectContaining({ status: 'assigned' })]);
  });

  it('refuses a non-XLSX upload, a JSON body, and a staff importer', async () => {
    const post = (c: Client, type: string, payload: string | Buffer) => a.inject({ method: 'POST', url: '/api/v1/tasks/import', headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'content-type': type }, payload });
    expect((await post(org.leader, 'application/octet-stream', Buffer.from('not a zip'))).json().error.code).toBe('IMPORT_INVALID');
    expect((await post(org.leader, 'application/json', '{}')).statusCode).toBe(415);
    expect((await post(org.staff, 'application/octet-stream', Buffer.from('x'))).statusCode).toBe(403);
  });
});

describe('ICS feed', () => {
  it('serves valid RFC 5545 with deadlines and milestones behind a secret URL', async () => {
    const { leader, head, staff, zjj } = org;
    const t = (await leader.post('/api/v1/tasks', { title: '冬季供暖保障; 含"应急"预案, 分三步', level: 'major', leadUnitId: zjj.id, responsibleId: staff.person.id, deadline: '2026-12-31' })).json();
    await head.post(`/api/v1/tasks/${t.id}/sign`, { version: 1 });
    await head.post(`/api/v1/tasks/${t.id}/plan`, { version: 2, milestones: [{ title: '完成管网检修', due: '2026-11-30', ownerId: staff.person.id }] });
    const { url } = (await staff.post('/api/v1/tasks/feed-token')).json();
    expect(url).toMatch(/^\/api\/v1\/tasks\/feed\/[A-Za-z0-9_-]+\.ics$/);
    const res = await a.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(res.body));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const deadline = events.find((e) => e.uid.startsWith(`task-${t.id}@`))!;
    expect(deadline.summary).toBe('【完成时限】冬季供暖保障; 含"应急"预案, 分三步');
    expect(deadline.startDate.toString()).toBe('2026-12-31');
    expect(deadline.startDate.isDate).toBe(true);
    const milestone = events.find((e) => e.summary === '【节点】完成管网检修')!;
    expect(milestone.startDate.toString()).toBe('2026-11-30');
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    // UIDs name the configured host, never the request's.
    const spoofed = await a.inject({ method: 'GET', url, headers: { host: 'evil.example:8080' } });
    expect(spoofed.body).not.toContain('evil.example');
    expect(spoofed.body).toContain(`UID:task-${t.id}@mashang.local`);

    // Rotating the token kills the old URL; a made-up token is 404.
    await staff.post('/api/v1/tasks/feed-token');
    expect((await a.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await a.inject({ method: 'GET', url: '/api/v1/tasks/feed/AAAAAAAAAAAAAAAAAAAAAAAA.ics' })).statusCode).toBe(404);
  });
});

describe('one-line titles', () => {
  it('turn a bare CR or LF into a space instead of carrying it into feeds and exports', async () => {
    const { leader, zjj } = org;
    const res = await leader.post('/api/v1/tasks', { title: '标题\rX-INJECTED-PROP:evil\nEND:VEVENT', level: 'normal', leadUnitId: zjj.id, deadline: '2026-12-31' });
    expect(res.statusCode).toBe(201);
    expect(res.json().title).toBe('标题 X-INJECTED-PROP:evil END:VEVENT');
    expect((await leader.post('/api/v1/tasks', { title: '\r\n', level: 'normal', leadUnitId: zjj.id, deadline: '2026-12-31' })).statusCode).toBe(400);
  });
});

describe('co-handling units (协办)', () => {
  it('a co-unit sees the task in its ledger and on the task page; a third unit sees neither', async () => {
    const { leader, zjj, jtj, county } = org;
    const t = (await leader.post('/api/v1/tasks', { title: '协办可见性测试', level: 'normal', leadUnitId: zjj.id, coUnitIds: [jtj.id], deadline: '2026-12-15' })).json();
    const coStaff = await a.login(await a.newPerson({ unit: jtj, roles: ['staff'] }));
    const third = await a.login(await a.newPerson({ unit: await a.newUnit({ parent: county, name: '水利局' }), roles: ['staff'] }));
    const ids = async (c: Client) => ((await c.get('/api/v1/tasks?limit=200')).json().items as { id: number }[]).map((x) => x.id);
    expect(await ids(coStaff)).toContain(t.id);
    expect((await coStaff.get(`/api/v1/tasks/${t.id}`)).statusCode).toBe(200);
    expect(await ids(third)).not.toContain(t.id);
    expect((await third.get(`/api/v1/tasks/${t.id}`)).statusCode).toBe(403);
  });
});

describe('scope as the unit tree changes', () => {
  it("shows a new unit's task at once, and a moved unit's task leaves with it", async () => {
    const { county, office, leader } = org;
    const supervisor = await a.login(await a.newPerson({ unit: office, roles: ['supervisor'] }));
    const admin = await a.as(['admin'], county);
    const ids = async (url: string) => (await supervisor.get(url)).json().items.map((t: { id: number }) => t.id);
    // Both reads resolve (and may keep) the county's unit ids before the tree changes.
    await ids('/api/v1/tasks?limit=100');
    await ids(`/api/v1/tasks?limit=100&unitId=${county.id}`);
    const dept = (await admin.post('/api/v1/units', { parentId: county.id, code: 'scope-new-dept', name: '数据局', kind: 'department' })).json();
    const task = (await leader.post('/api/v1/tasks', { title: '数据共享平台建设', level: 'normal', leadUnitId: dept.id, deadline: '2026-12-30' })).json();
    expect(await ids('/api/v1/tasks?limit=100')).toContain(task.id);
    expect(await ids(`/api/v1/tasks?limit=100&unitId=${county.id}`)).toContain(task.id);
    const otherCounty = await a.newUnit({ kind: 'region', level: 'county', name: '邻县' });
    expect((await admin.patch(`/api/v1/units/${dept.id}`, { parentId: otherCounty.id })).statusCode).toBe(200);
    expect(await ids('/api/v1/tasks?limit=100')).not.toContain(task.id);
    expect(await ids(`/api/v1/tasks?limit=100&unitId=${county.id}`)).not.toContain(task.id);
  });
});
