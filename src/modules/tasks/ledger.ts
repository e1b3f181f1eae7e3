import type ExcelJS from 'exceljs';
import { DATE_RE, isValidDate } from '../../platform/calendar/calendar.ts';
import { LEVEL_NAMES, SOURCE_NAMES, STATUS_NAMES, type SourceKind, type TaskLevel, type TaskStatus } from './rules.ts';

/** exceljs costs ≈ 20 MB of memory once loaded: only a process that reads or writes a sheet pays it. */
const loadExcel = async () => (await import('exceljs')).default;

/** 台账: the conventional columns, then 级别 so a round trip keeps the level. */
export const LEDGER_COLUMNS = ['序号', '事项名称', '来源', '主办单位', '协办单位', '责任人', '分管领导', '完成时限', '进展情况', '状态', '办结时间', '备注', '级别'] as const;

export interface LedgerRow {
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

export async function writeLedger(rows: LedgerRow[], title: string): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Mashang';
  const ws = wb.addWorksheet('督办台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = ws.getRow(2);
  LEDGER_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c;
    header.getCell(i + 1).font = { bold: true };
  });
  const widths = [6, 40, 24, 20, 24, 10, 10, 12, 40, 10, 12, 30, 8];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  rows.forEach((r, i) => {
    ws.addRow([i + 1, r.title, r.source, r.leadUnit, r.coUnits.join('、'), r.responsible, r.leader, r.deadline, r.progress, r.status, r.doneAt, r.remarks, r.level]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
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

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== 'object') return String(v).trim();
  if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
  if ('text' in v) return String(v.text).trim();
  // An error cell shows its code (#N/A…), a formula its cached result (none if never computed).
  if ('error' in v) return v.error;
  return cellText(v.result);
};

/** Reads a ledger in the export layout (header row found by its 事项名称 cell); collects every row's problems. */
export async function readLedger(content: Buffer): Promise<{ rows: ParsedLedgerRow[]; errors: string[] }> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: ['文件不是有效的 XLSX 工作簿 (not a valid .xlsx workbook).'] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: ['工作簿中没有工作表 (the workbook has no sheet).'] };
  let headerRow = 0;
  const col = new Map<string, number>();
  for (let r = 1; r <= Math.min(ws.rowCount, 10) && !headerRow; r++) {
    const row = ws.getRow(r);
    row.eachCell((cell) => {
      if (cellText(cell.value) === '事项名称') headerRow = r;
    });
    if (headerRow) row.eachCell((cell, c) => col.set(cellText(cell.value), c));
  }
  if (!headerRow) return { rows: [], errors: ['找不到表头（须含「事项名称」列）(no header row with 事项名称).'] };
  const missing = ['事项名称', '主办单位', '完成时限', '状态'].filter((h) => !col.has(h));
  if (missing.length) return { rows: [], errors: [`缺少列 (missing columns): ${missing.join('、')}`] };

  const rows: ParsedLedgerRow[] = [];
  const errors: string[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (h: string) => (col.has(h) ? cellText(row.getCell(col.get(h)!).value) : '');
    if (LEDGER_COLUMNS.slice(1).every((h) => get(h) === '')) continue;
    const where = `第 ${r} 行 (row ${r})`;
    const err = (m: string) => errors.push(`${where}: ${m}`);
    const title = get('事项名称');
    if (!title || title.length > 200) err('事项名称为空或超过 200 字');
    const leadUnit = get('主办单位');
    if (!leadUnit) err('缺少主办单位');
    const deadline = get('完成时限').replaceAll('/', '-');
    if (!DATE_RE.test(deadline) || !isValidDate(deadline)) err(`完成时限「${get('完成时限')}」不是日期 (YYYY-MM-DD)`);
    const status = STATUS_BY_NAME[get('状态')];
    if (!status) err(`状态「${get('状态')}」无效 (${Object.values(STATUS_NAMES).join('/')})`);
    const rawSource = get('来源');
    const [sourceName = '', ...refParts] = rawSource.split('：');
    const sourceKind = rawSource ? SOURCE_BY_NAME[sourceName] : 'other';
    if (!sourceKind) err(`来源「${sourceName}」无效 (${Object.values(SOURCE_NAMES).join('/')})`);
    const levelText = get('级别');
    const level = levelText ? LEVEL_BY_NAME[levelText] : 'normal';
    if (!level) err(`级别「${levelText}」无效 (一般/重点/重大)`);
    const doneAt = get('办结时间');
    if (doneAt && !isValidDate(doneAt.replaceAll('/', '-'))) err(`办结时间「${doneAt}」不是日期`);
    if (title && leadUnit && status && sourceKind && level && isValidDate(deadline)) {
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
        doneAt: doneAt ? doneAt.replaceAll('/', '-') : null,
        remarks: get('备注') || null,
        level,
      });
    }
  }
  if (rows.length === 0 && errors.length === 0) errors.push('台账中没有数据行 (the ledger has no rows).');
  return { rows, errors };
}
