import ExcelJS from 'exceljs';
import { fileBytes } from '../../platform/xlsx.ts';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';

/**
 * The ledger export never hands a spreadsheet a formula: a task titled like one comes out as a
 * string cell starting with a quote (see neutralizeFormula in src/platform/xlsx.ts), and imports
 * back with its own title.
 */
let ctx: TestContext;
let leader: Client;
let deptName: string;

const TITLES = ['=HYPERLINK("http://x","y")', '@SUM(1)', '+1+1', '-2+3', '＝1+1'];

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-02T09:00:00+08:00' });
  const county = await ctx.newUnit({ kind: 'region', level: 'county' });
  const dept = await ctx.newUnit({ parent: county, name: '注入测试局' });
  deptName = dept.name;
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
      const title = row.getCell(2);
      expect(title.type).toBe(ExcelJS.ValueType.String);
      expect(title.formula).toBeUndefined();
      titles.push(title.value);
      remarks.push(row.getCell(12).value);
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
});
