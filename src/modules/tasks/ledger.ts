import { dateFromText, openWorkbook, sheetTable, writeWorkbook } from '../../platform/xlsx.ts';
import { LEVEL_NAMES, SOURCE_NAMES, STATUS_NAMES, type Light, type SourceKind, type TaskLevel, type TaskStatus } from './rules.ts';

/** 台账: the conventional columns, then 级别 so a round trip keeps the level. The import reads these, by name. */
export const LEDGER_COLUMNS = ['序号', '事项名称', '来源', '主办单位', '协办单位', '责任人', '分管领导', '完成时限', '进展情况', '状态', '办结时间', '备注', '级别'] as const;

/**
 * The exported 台账 adds what a leader reads first: the light (its colour as the cell's fill) and
 * the working days overdue. The import passes over both.
 */
export const EXPORT_COLUMNS = ['序号', '灯号', '事项名称', '来源', '主办单位', '协办单位', '责任人', '分管领导', '完成时限', '逾期工作日', '进展情况', '状态', '办结时间', '备注', '级别'] as const;

const WIDTHS = [6, 8, 36, 20, 16, 18, 9, 9, 11, 8, 36, 9, 11, 26, 6];

export const LIGHT_NAMES: Record<Light, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', done: '已办结' };
/** The fills a printed 台账 shows its lights in (light enough to read black text on, dark enough to tell apart in print). */
export const LIGHT_FILLS: Record<Light, string> = { red: 'FFFF7875', yellow: 'FFFFD666', green: 'FF95DE64', done: 'FFD9D9D9' };
const LIGHT_COLUMN = EXPORT_COLUMNS.indexOf('灯号');

export interface LedgerRow {
  light: Light;
  overdueWorkdays: number;
  title: string;
  source: string;
  leadUnit: string;
  coUnits: string[];
  responsible: string;
  leader: string;
  deadline: string;
  progress: string;
  status: string;
  doneAt: string;
  remarks: string;
  level: string;
}

/** What the exported 台账 shows in its title row: the unit, the filter in words, the date. */
export interface LedgerCaption {
  unitName: string | null;
  filter: string[];
  date: string;
}

/** The title row: "督办事项台账（甲县 · 红灯、重点 · 2026-12-01）". */
export function ledgerTitle(c: LedgerCaption): string {
  return `督办事项台账（${[c.unitName ?? '全部单位', c.filter.length ? `筛选：${c.filter.join('、')}` : '', `导出日期 ${c.date}`].filter(Boolean).join(' · ')}）`;
}

/**
 * The ledger workbook, ready to print and hand to a leader: a title row (unit, filter, date), the
 * conventional header repeated on every printed page, one row per task with its light's colour,
 * A4 landscape fitted to the page's width; formula-like texts neutralised.
 */
export async function writeLedger(rows: LedgerRow[], caption: LedgerCaption): Promise<Buffer> {
  return writeWorkbook([
    {
      name: '督办台账',
      title: ledgerTitle(caption),
      columns: EXPORT_COLUMNS.map((header, i) => ({ header, width: WIDTHS[i] })),
      rows: rows.map((r, i) => [i + 1, LIGHT_NAMES[r.light], r.title, r.source, r.leadUnit, r.coUnits.join('、'), r.responsible, r.leader, r.deadline, r.overdueWorkdays, r.progress, r.status, r.doneAt, r.remarks, r.level]),
      fill: (row, column) => (column === LIGHT_COLUMN ? LIGHT_FILLS[rows[row]!.light] : null),
      print: { landscape: true, fitToWidth: true, repeatHeader: true },
    },
  ]);
}

export interface ParsedLedgerRow {
  line: number;
  title: string;
  sourceKind: SourceKind;
  sourceRef: string | null;
  leadUnit: string;
  coUnits: string[];
  responsible: string | null;
  leader: string | null;
  deadline: string;
  progress: string | null;
  status: TaskStatus;
  doneAt: string | null;
  remarks: string | null;
  level: TaskLevel;
}

const invert = <K extends string>(m: Record<K, string>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<string, K>;
const STATUS_BY_NAME = invert(STATUS_NAMES);
const SOURCE_BY_NAME = invert(SOURCE_NAMES);
const LEVEL_BY_NAME = invert(LEVEL_NAMES);

/** One thing wrong in an imported ledger: its row and column when it has them, and what is wrong, in Chinese. */
export interface LedgerProblem {
  row: number | null;
  column: string | null;
  message: string;
}

/** A problem as one line of text (the error message and `details.errors`). */
export const problemText = (p: LedgerProblem) => (p.row === null ? p.message : `第 ${p.row} 行 (row ${p.row})${p.column ? `「${p.column}」` : ''}: ${p.message}`);

/** Reads a ledger in the export layout (header row found by its 事项名称 cell); collects every row's problems. */
export async function readLedger(content: Buffer): Promise<{ rows: ParsedLedgerRow[]; problems: LedgerProblem[] }> {
  const wb = await openWorkbook(content);
  const whole = (message: string) => ({ rows: [], problems: [{ row: null, column: null, message }] });
  if (!wb) return whole('文件不是有效的 XLSX 工作簿 (not a valid .xlsx workbook).');
  const ws = wb.worksheets[0];
  if (!ws) return whole('工作簿中没有工作表 (the workbook has no sheet).');
  const table = sheetTable(ws, { headerRow: { containing: '事项名称', within: 10 } });
  if (!table) return whole('找不到表头（须含「事项名称」列）(no header row with 事项名称).');
  // 状态 may be left out: a blank status is new work, 已交办.
  const missing = ['事项名称', '主办单位', '完成时限'].filter((h) => !table.columns.includes(h));
  if (missing.length) return whole(`缺少列 (missing columns): ${missing.join('、')}`);

  const rows: ParsedLedgerRow[] = [];
  const problems: LedgerProblem[] = [];
  for (const { line: r, cells } of table.rows) {
    const get = (h: string) => cells[h] ?? '';
    // A row with only its 序号 is an empty row.
    if (LEDGER_COLUMNS.slice(1).every((h) => get(h) === '')) continue;
    const err = (column: string, message: string) => problems.push({ row: r, column, message });
    const title = get('事项名称');
    if (!title) err('事项名称', '事项名称为空');
    else if (title.length > 200) err('事项名称', `事项名称有 ${title.length} 字，超过 200 字`);
    const leadUnit = get('主办单位');
    if (!leadUnit) err('主办单位', '缺少主办单位');
    const deadline = dateFromText(get('完成时限'));
    if (!deadline) err('完成时限', get('完成时限') ? `完成时限「${get('完成时限')}」不是日期 (YYYY-MM-DD)` : '缺少完成时限');
    const statusText = get('状态');
    const status = statusText ? STATUS_BY_NAME[statusText] : 'assigned';
    if (!status) err('状态', `状态「${statusText}」无效（可填 ${Object.values(STATUS_NAMES).join('/')}，空白即「已交办」）`);
    const rawSource = get('来源');
    const [sourceName = '', ...refParts] = rawSource.split('：');
    const sourceKind = rawSource ? SOURCE_BY_NAME[sourceName] : 'other';
    if (!sourceKind) err('来源', `来源「${sourceName}」无效 (${Object.values(SOURCE_NAMES).join('/')})`);
    const levelText = get('级别');
    const level = levelText ? LEVEL_BY_NAME[levelText] : 'normal';
    if (!level) err('级别', `级别「${levelText}」无效 (一般/重点/重大)`);
    const doneText = get('办结时间');
    const doneAt = doneText ? dateFromText(doneText) : null;
    if (doneText && !doneAt) err('办结时间', `办结时间「${doneText}」不是日期`);
    if (title && title.length <= 200 && leadUnit && status && sourceKind && level && deadline && (doneAt || !doneText)) {
      rows.push({
        line: r,
        title,
        sourceKind,
        sourceRef: refParts.join('：') || null,
        leadUnit,
        coUnits: get('协办单位').split(/[、,，]/).map((s) => s.trim()).filter(Boolean),
        responsible: get('责任人') || null,
        leader: get('分管领导') || null,
        deadline,
        progress: get('进展情况') || null,
        status,
        doneAt,
        remarks: get('备注') || null,
        level,
      });
    }
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ row: null, column: null, message: '台账中没有数据行 (the ledger has no rows).' });
  return { rows, problems };
}
