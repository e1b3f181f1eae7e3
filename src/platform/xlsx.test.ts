import ExcelJS from 'exceljs';
// exceljs's own zip library: used here only to look at (and hand-write) the XML inside a workbook.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellDate, cellText, dateFromText, isFormulaLike, neutralizeFormula, openWorkbook, restoreNeutralized, safeCellValue, sheetTable, writeWorkbook, fileBytes } from './xlsx.ts';

const utc = (...a: [number, number, number, number?, number?, number?]) => new Date(Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0));

describe('cellText', () => {
  it.each<[string, unknown, string]>([
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['a string, trimmed', '  住建局\t', '住建局'],
    ['an ideographic space is trimmed too', '\u3000交通局\u3000', '交通局'],
    ['an empty string', '', ''],
    ['an integer', 42, '42'],
    ['zero', 0, '0'],
    ['a negative number', -5, '-5'],
    ['a float without binary noise', 0.1 + 0.2, '0.3'],
    ['a fraction', 12.5, '12.5'],
    ['a long integer (a phone number stored as a number)', 13800138000, '13800138000'],
    ['NaN', Number.NaN, ''],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['a date', utc(2026, 3, 1), '2026-03-01'],
    ['a date and time', utc(2026, 3, 1, 14, 30), '2026-03-01 14:30'],
    ['a date and time with seconds', utc(2026, 3, 1, 14, 30, 5), '2026-03-01 14:30:05'],
    ['an invalid date', new Date(Number.NaN), ''],
    ['rich text', { richText: [{ text: '关于' }, { text: '防汛', font: { bold: true } }, { text: '工作 ' }] }, '关于防汛工作'],
    ['rich text with an odd run', { richText: [{ text: 'a' }, {}, { text: 'b' }] }, 'ab'],
    ['a hyperlink', { text: '通知原文', hyperlink: 'https://example.gov.cn/a' }, '通知原文'],
    ['a hyperlink whose text is rich', { text: { richText: [{ text: '链' }, { text: '接' }] }, hyperlink: 'https://x' }, '链接'],
    ['a hyperlink without text', { hyperlink: 'https://x' }, ''],
    ['a formula with a number result', { formula: 'A1+B1', result: 3 }, '3'],
    ['a formula with a text result', { formula: 'CONCAT("a","b")', result: 'ab' }, 'ab'],
    ['a formula with a date result', { formula: 'DATE(2026,3,1)', result: utc(2026, 3, 1) }, '2026-03-01'],
    ['a formula with an error result', { formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
    ['a formula never calculated', { formula: 'A1' }, ''],
    ['a shared formula', { sharedFormula: 'C2', result: 7 }, '7'],
    ['an error value', { error: '#N/A' }, '#N/A'],
    ['an unknown object', { foo: 1 }, ''],
    ['a text we neutralised', "'=HYPERLINK(\"http://x\",\"y\")", '=HYPERLINK("http://x","y")'],
    ['a neutralised minus', "'-", '-'],
    ['a quote before ordinary text stays', "'abc", "'abc"],
    ['a lone quote stays', "'", "'"],
  ])('%s', (_, value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('dateFromText and cellDate', () => {
  it.each<[string, string | null]>([
    ['2026-03-01', '2026-03-01'],
    ['2026/03/01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2026年03月01日', '2026-03-01'],
    ['2026 年 3 月 1 日', '2026-03-01'],
    [' 2026-03-01 ', '2026-03-01'],
    ['2026-03-01 14:30', '2026-03-01'],
    ['2026-03-01T14:30:05', '2026-03-01'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', null],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['2026-00-10', null],
    ['2026-3', null],
    ['26-03-01', null],
    ['明天', null],
    ['', null],
    ['46082', null],
  ])('%j → %j', (text, date) => {
    expect(dateFromText(text)).toBe(date);
  });

  it('reads date cells, date formulas and dates written as text alike', () => {
    expect(cellDate(utc(2026, 12, 1))).toBe('2026-12-01');
    expect(cellDate(utc(2026, 12, 1, 9, 0))).toBe('2026-12-01');
    expect(cellDate({ formula: 'TODAY()', result: utc(2026, 12, 1) })).toBe('2026-12-01');
    expect(cellDate({ richText: [{ text: '2026/12/1' }] })).toBe('2026-12-01');
    expect(cellDate(46357)).toBeNull();
    expect(cellDate(null)).toBeNull();
  });
});

describe('formula neutralising', () => {
  const dangerous = [
    '=1+1',
    '=HYPERLINK("http://x","y")',
    '+1',
    '-1',
    '-',
    '@SUM(1)',
    '\t=1',
    '\tplain',
    '\r=1',
    '\rplain',
    '＝1+1',
    '＋1',
    '－1',
    '＠SUM(1)',
    ' =1+1',
    '   @SUM(1)',
    '\u3000=1',
    '\u00a0-1',
    '\n=1',
  ];
  const harmless = ['', 'abc', '住建局', '1-2', 'a=b', '2026-12-01', '50%：完成', "'", "'abc", '100', '（一）', '#1', '%d', '!x', ' plain'];

  it.each(dangerous)('neutralises %j with a leading quote', (text) => {
    expect(isFormulaLike(text)).toBe(true);
    expect(neutralizeFormula(text)).toBe(`'${text}`);
    expect(restoreNeutralized(neutralizeFormula(text))).toBe(text);
  });

  it.each(harmless)('leaves %j as it is', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(neutralizeFormula(text)).toBe(text);
  });

  it('neutralises only text: numbers, booleans and dates stay typed values', () => {
    expect(safeCellValue(-5)).toBe(-5);
    expect(safeCellValue(0)).toBe(0);
    expect(safeCellValue(Number.POSITIVE_INFINITY)).toBeNull();
    expect(safeCellValue(true)).toBe(true);
    expect(safeCellValue(utc(2026, 1, 2))).toEqual(utc(2026, 1, 2));
    expect(safeCellValue(null)).toBeNull();
    expect(safeCellValue(undefined)).toBeNull();
    expect(safeCellValue('-5')).toBe("'-5");
  });
});

/** The XML of every worksheet in a workbook, and its shared strings. */
async function workbookXml(buf: Buffer): Promise<{ sheets: string[]; shared: string }> {
  const zip = await JSZip.loadAsync(buf);
  const sheets = await Promise.all(Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  return { sheets, shared: (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '' };
}

describe('writeWorkbook', () => {
  const hostile = ['=HYPERLINK("http://x","y")', '@SUM(1)', '+cmd|\' /C calc\'!A0', '-2+3', '\t=1', '\r=1', '＝1+1', ' =1+1'];

  it('writes no formula anywhere, only string cells with the quote, and keeps numbers numbers', async () => {
    const buf = await writeWorkbook([
      { name: '表', title: '=TITLE()', columns: [{ header: '=H()', width: 10 }, { header: '数' }], rows: [...hostile.map((t, i) => [t, -(i + 1)]), ['普通文本', 3.5], [null, undefined]] },
    ]);
    const { sheets, shared } = await workbookXml(buf);
    expect(sheets).toHaveLength(1);
    expect(sheets[0]).not.toMatch(/<f[\s>]/);
    // Every text cell is typed as a string (shared or inline); the number cells are untyped numbers.
    const cells = [...sheets[0]!.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*)>(.*?)<\/c>/g)].map((m) => ({ col: m[1], row: Number(m[2]), attrs: m[3]!, body: m[4]! }));
    for (const c of cells.filter((c) => c.col === 'A')) expect(c.attrs).toMatch(/t="(s|inlineStr)"/);
    const numbers = cells.filter((c) => c.col === 'B' && c.row > 2);
    expect(numbers.map((c) => c.attrs.includes('t=')).every((typed) => !typed)).toBe(true);
    expect(numbers.map((c) => /<v>(.*)<\/v>/.exec(c.body)![1])).toEqual([...hostile.map((_, i) => String(-(i + 1))), '3.5']);
    // The stored strings begin with the quote.
    const unescape = (x: string) => x.replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
    const stored = [...shared.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => unescape(m[1]!));
    for (const t of hostile) expect(stored).toContain(`'${t}`);
    expect(stored).toContain("'=TITLE()");
    expect(stored).toContain("'=H()");
  });

  it('reads back as string cells starting with the quote, and cellText restores the text', async () => {
    const buf = await writeWorkbook([{ name: 'S', columns: [{ header: '标题' }, { header: '数' }], rows: hostile.map((t) => [t, -1]) }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fileBytes(buf));
    const ws = wb.worksheets[0]!;
    hostile.forEach((t, i) => {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // An XML reader turns a bare carriage return into a line feed; the quote still leads.
      expect(cell.value).toBe(`'${t.replace('\r', '\n')}`);
      expect(cellText(cell.value)).toBe(t.trim());
      expect(ws.getCell(i + 2, 2).value).toBe(-1);
    });
  });

  it('puts the title above a bold header, frozen, with the widths', async () => {
    const buf = await writeWorkbook([{ name: '台账', title: '督办台账', columns: [{ header: '序号', width: 6 }, { header: '事项名称', width: 40 }], rows: [[1, '修路']] }]);
    const wb = (await openWorkbook(buf))!;
    const ws = wb.getWorksheet('台账')!;
    expect(ws.getCell('A1').value).toBe('督办台账');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.getColumn(2).width).toBe(40);
    expect(sheetTable(ws, { headerRow: 2 }).rows).toEqual([{ line: 3, cells: { 序号: '1', 事项名称: '修路' } }]);
  });

  it('writes several sheets, dates as dates', async () => {
    const buf = await writeWorkbook([
      { name: '单位', columns: [{ header: '代码' }], rows: [['A1']] },
      { name: '人员', columns: [{ header: '日期' }], rows: [[utc(2026, 3, 1)]] },
    ]);
    const wb = (await openWorkbook(buf))!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['单位', '人员']);
    expect(wb.getWorksheet('人员')!.getCell('A2').value).toEqual(utc(2026, 3, 1));
    expect(cellDate(wb.getWorksheet('人员')!.getCell('A2').value)).toBe('2026-03-01');
  });
});

/** A workbook with one sheet whose XML (and shared strings) we write by hand, as other spreadsheets do. */
async function handWritten(sheetData: string, sharedStrings: string[]): Promise<Buffer> {
  const base = new ExcelJS.Workbook();
  const ws = base.addWorksheet('S');
  ws.getCell('A1').value = 'x';
  ws.getCell('B1').value = utc(2026, 1, 1); // gives styles.xml a date format at s="1"
  const zip = await JSZip.loadAsync(await base.xlsx.writeBuffer());
  const sheet = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${sheetData}</sheetData>`).replace(/<dimension[^>]*\/>/, '');
  zip.file('xl/worksheets/sheet1.xml', sheet);
  zip.file(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.join('')}</sst>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('reading what other spreadsheets write', () => {
  it('reads shared strings (plain and rich), inline strings, formula results, booleans, errors, dates and numbers', async () => {
    const buf = await handWritten(
      [
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>完成时限</t></is></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>3</v></c><c r="F1" t="s"><v>4</v></c></row>',
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve"> 住建局 </t></is></c><c r="C2" s="1"><v>46357</v></c><c r="D2" t="str"><f>CONCAT("办","理中")</f><v>办理中</v></c><c r="E2" t="b"><v>1</v></c><c r="F2"><v>0.30000000000000004</v></c></row>',
        '<row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3" t="s"><v>7</v></c><c r="D3"><f>1+1</f><v>2</v></c><c r="E3" t="b"><v>0</v></c><c r="F3"><f>A9</f></c></row>',
      ].join(''),
      [
        '<si><t>事项名称</t></si>',
        '<si><r><rPr><b/></rPr><t>主办</t></r><r><t>单位</t></r></si>',
        '<si><t>状态</t></si>',
        '<si><t>已核</t></si>',
        '<si><t>数</t></si>',
        '<si><r><t>修复</t></r><r><rPr><i/></rPr><t>道路</t></r></si>',
        "<si><t>'=HYPERLINK(\"http://x\",\"y\")</t></si>",
        '<si><t>2026年12月1日</t></si>',
      ],
    );
    const wb = (await openWorkbook(buf))!;
    const table = sheetTable(wb.worksheets[0]!);
    expect(table.columns).toEqual(['事项名称', '主办单位', '完成时限', '状态', '已核', '数']);
    expect(table.rows).toEqual([
      { line: 2, cells: { 事项名称: '修复道路', 主办单位: '住建局', 完成时限: '2026-12-01', 状态: '办理中', 已核: 'TRUE', 数: '0.3' } },
      { line: 3, cells: { 事项名称: '=HYPERLINK("http://x","y")', 主办单位: '#N/A', 完成时限: '2026年12月1日', 状态: '2', 已核: 'FALSE', 数: '' } },
    ]);
    expect(table.rows.map((r) => dateFromText(r.cells.完成时限!))).toEqual(['2026-12-01', '2026-12-01']);
  });

  it('returns null for what is not a workbook', async () => {
    expect(await openWorkbook(Buffer.from('not a zip'))).toBeNull();
    expect(await openWorkbook(Buffer.alloc(0))).toBeNull();
    expect(await openWorkbook(Buffer.from('PK\u0003\u0004broken'))).toBeNull();
  });
});

describe('sheetTable', () => {
  async function sheet(rows: unknown[][]): Promise<ExcelJS.Worksheet> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)));
    return ws;
  }

  it('maps headers to keys, drops unmapped columns, skips empty rows, keeps sheet line numbers', async () => {
    const ws = await sheet([['代码', '名称', '备用', '  排序 '], ['A', '甲', 'x', 1], [], [null, '', 'y', null], ['B', { richText: [{ text: '乙' }] }, '', 2]]);
    const map: Record<string, string> = { 代码: 'code', 名称: 'name', 排序: 'sortOrder' };
    const t = sheetTable(ws, { header: (h) => map[h] });
    expect(t.columns).toEqual(['code', 'name', 'sortOrder']);
    expect(t.rows).toEqual([
      { line: 2, cells: { code: 'A', name: '甲', sortOrder: '1' } },
      { line: 5, cells: { code: 'B', name: '乙', sortOrder: '2' } },
    ]);
  });

  it('finds a header row below a title, and answers null when there is none', async () => {
    const ws = await sheet([['督办台账'], [], ['序号', { richText: [{ text: '事项' }, { text: '名称' }] }], [1, '修路']]);
    expect(sheetTable(ws, { headerRow: { containing: '事项名称', within: 10 } })).toMatchObject({ headerLine: 3, rows: [{ line: 4, cells: { 序号: '1', 事项名称: '修路' } }] });
    expect(sheetTable(ws, { headerRow: { containing: '事项名称', within: 2 } })).toBeNull();
    expect(sheetTable(ws, { headerRow: { containing: '不存在', within: 10 } })).toBeNull();
  });

  it('takes the right-most of two columns with the same header, as the ledger always has', async () => {
    const ws = await sheet([['名称', '名称'], ['左', '右']]);
    expect(sheetTable(ws).rows[0]!.cells).toEqual({ 名称: '右' });
  });

  it('reads an empty sheet as no rows', async () => {
    expect(sheetTable(await sheet([])).rows).toEqual([]);
  });
});
