import ExcelJS from 'exceljs';
import { fileBytes } from '../../platform/xlsx.ts';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { EXPORT_COLUMNS, LIGHT_FILLS } from './ledger.ts';

/**
 * The ledger export never hands a spreadsheet a formula: a task titled like one comes out as a
 * string cell starting with a quote (see neutralizeFormula in src/platform/xlsx.ts), and imports
 * back with its own title.
 */
let ctx: TestContext;
let leader: Client;
let deptName: string;
let deptId: number;

const TITLES = ['=HYPERLINK("http://x","y")', '@SUM(1)', '+1+1', '-2+3', '＝1+1'];

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-02T09:00:00+08:00' });
  const county = await ctx.newUnit({ kind: 'region', level: 'county' });
  const dept = await ctx.newUnit({ parent: county, name: '注入测试局' });
  deptName = dept.name;
  deptId = dept.id;
  leader = await ctx.as(['leader'], await ctx.newUnit({ parent: county }));
  for (const title of TITLES) {
    const res = await leader.post('/api/v1/tasks', { title, level: 'normal', leadUnitId: dept.id, deadline: '2026-12-01', description: '=1+2' });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => ctx.close());

const exportLedger = async () => {
  const res = await ctx.inject({ method: 'GET', url: '/api/v1/tasks/export.xlsx', headers: { cookie: leader.cookie } });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};

describe('ledger export and formula injection', () => {
  it('writes formula-like titles and remarks as quoted string cells, never as formulas', async () => {
    const buf = await exportLedger();
    const zip = await JSZip.loadAsync(buf);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toMatch(/<f[\s>]/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileBytes(buf));
    const ws = wb.worksheets[0]!;
    const titles: unknown[] = [];
    const remarks: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const title = row.getCell(3);
      expect(title.type).toBe(ExcelJS.ValueType.String);
      expect(title.formula).toBeUndefined();
      titles.push(title.value);
      remarks.push(row.getCell(14).value);
      expect(typeof row.getCell(1).value).toBe('number');
    });
    expect(titles.sort()).toEqual(TITLES.map((t) => `'${t}`).sort());
    expect(remarks).toEqual(TITLES.map(() => "'=1+2"));
  });

  it('imports its own export back with the original titles', async () => {
    const buf = await exportLedger();
    const before = new Set(((await leader.get('/api/v1/tasks?limit=500')).json().items as { id: number }[]).map((t) => t.id));
    const res = await ctx.inject({
      method: 'POST',
      url: '/api/v1/tasks/import',
      headers: { cookie: leader.cookie, 'x-csrf-token': leader.csrfToken, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: buf,
    });
    expect(res.statusCode).toBe(201);
    const items = ((await leader.get('/api/v1/tasks?limit=500')).json().items as { id: number; title: string; leadUnit: { name: string } }[]).filter((t) => !before.has(t.id));
    expect(items.map((t) => t.title).sort()).toEqual([...TITLES].sort());
    expect(items.every((t) => t.leadUnit.name === deptName)).toBe(true);
  });

  it('is ready to print: lights as cell fills, working days overdue, A4 landscape fitted to the width, the header on every page, a title with unit, filter and date (issue #16)', async () => {
    // Two 重点 tasks assigned on 2026-11-02, due 11-04 and 11-30.
    const post = async (title: string, deadline: string) => (await leader.post('/api/v1/tasks', { title, level: 'key', leadUnitId: deptId, deadline })).statusCode;
    expect(await post('临期事项', '2026-11-04')).toBe(201);
    expect(await post('远期事项', '2026-11-30')).toBe(201);
    // A week later (Monday 11-09): 临期事项 is 3 工作日 late (red), 远期事项 was never signed for (yellow),
    // and a task assigned that day is green.
    ctx.clock.set(new Date('2026-11-09T09:00:00+08:00'));
    const again = await ctx.login(leader.person); // the week-old session has timed out
    expect((await again.post('/api/v1/tasks', { title: '新交办事项', level: 'key', leadUnitId: deptId, deadline: '2026-12-31' })).statusCode).toBe(201);
    const res = await ctx.inject({ method: 'GET', url: `/api/v1/tasks/export.xlsx?unitId=${deptId}&level=key`, headers: { cookie: again.cookie } });
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('督办台账-2026-11-09.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileBytes(res.rawPayload));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell(1, 1).value).toBe(`督办事项台账（${deptName} · 筛选：重点 · 导出日期 2026-11-09）`);
    expect(ws.getRow(2).values).toEqual([undefined, ...EXPORT_COLUMNS]);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 / 共 &N 页');
    const cells: unknown[][] = [];
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const light = row.getCell(2);
      cells.push([row.getCell(3).value, light.value, (light.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb, row.getCell(10).value]);
      expect(light.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      // Only the light's cell is filled.
      for (const c of [1, 3, 9, 10]) expect(row.getCell(c).fill).toBeUndefined();
    });
    expect(cells).toEqual([
      ['临期事项', '红灯', LIGHT_FILLS.red, 3],
      ['远期事项', '黄灯', LIGHT_FILLS.yellow, 0],
      ['新交办事项', '绿灯', LIGHT_FILLS.green, 0],
    ]);
  });
});
