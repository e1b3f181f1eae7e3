/**
 * XLSX in and out, for every module: one way to read a cell (whatever exceljs hands back), one way
 * to read a sheet into rows by its header, one writer that never lets a text cell become a formula.
 */
import type ExcelJS from 'exceljs';

/** exceljs costs ≈ 20 MB of memory once loaded: only a process that reads or writes a sheet pays it. */
export const loadExcel = async () => (await import('exceljs')).default;

// ---------------------------------------------------------------------------------------------
// Formula injection (CSV injection, OWASP): neutralised on the way out.
// ---------------------------------------------------------------------------------------------

/**
 * The signs a spreadsheet reads as the start of a formula (OWASP CSV Injection: = + - @, tab and
 * carriage return). We also take the full-width forms ＝＋－＠: a Chinese input method types them
 * in place of the ASCII signs, we cannot rule out that some spreadsheet normalises them on input,
 * and the cost is only an apostrophe on a rare text.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
/** Leading blanks do not protect: LibreOffice's CSV import can trim them ("Trim spaces") before it evaluates. */
const LEADING_BLANKS = /^[ \n\u00a0\u3000]+/;

/** Whether a text, written as is, could be evaluated as a formula by a spreadsheet. */
export const isFormulaLike = (text: string): boolean => FORMULA_START.test(text) || FORMULA_START.test(text.replace(LEADING_BLANKS, ''));

/**
 * The text to write for a user's string: prefixed with a single quote `'` when it could start a
 * formula, unchanged otherwise.
 *
 * Why both the quote and a string cell (see `writeWorkbook`): a cell written as a string
 * (`t="s"`, no `<f>`) is never evaluated when the file is opened in Excel, WPS or LibreOffice. But
 * the type does not travel: when a person edits the cell (F2, Enter) or saves the sheet as CSV and
 * opens that, the text is parsed again, and `=HYPERLINK(…)` becomes a live formula. The leading
 * quote travels with the value, so the CSV holds `'=HYPERLINK(…)`, which every spreadsheet shows as
 * text — OWASP's recommended defence. (The "quotePrefix" cell style would hide the quote, but
 * exceljs cannot write it and Excel drops it when saving CSV.) The price is a visible `'` on such
 * texts; `cellText` removes it again, so an exported ledger imports back unchanged.
 */
export const neutralizeFormula = (text: string): string => (isFormulaLike(text) ? `'${text}` : text);

/** The inverse of `neutralizeFormula` for a text read back: `'=x` → `=x`; any other text unchanged. */
export const restoreNeutralized = (text: string): string => (text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text);

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as text: exceljs hands dates back as UTC instants holding the sheet's wall-clock time. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const [h, m, s] = [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

/** Numbers as a spreadsheet shows them in General format: at most 15 significant digits, no float noise. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/**
 * A cell's value as the text a person sees in it, trimmed, whatever form exceljs gives it:
 * strings (shared strings are resolved by exceljs), numbers, booleans (TRUE/FALSE), dates
 * (`YYYY-MM-DD`, with ` HH:mm[:ss]` when there is a time), rich text (its runs joined), hyperlinks
 * (their text), formulas (their cached result; empty when the file has none), errors (`#N/A`, …),
 * empty (`''`). A text we neutralised on export (`'=…`) comes back without the quote.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return restoreNeutralized(value.trim()).trim();
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return cellText((v.richText as { text?: unknown }[]).map((run) => (typeof run?.text === 'string' ? run.text : '')).join(''));
  if ('hyperlink' in v || 'text' in v) return cellText(v.text);
  if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? cellText(v.result) : '';
  if (typeof v.error === 'string') return v.error;
  return '';
}

/**
 * A calendar date `YYYY-MM-DD` from a cell's text, or null: `2026-03-01`, `2026/3/1`, `2026.3.1`
 * and `2026年3月1日`, optionally followed by a time (a date cell with a time is still that day).
 * Impossible dates (2026-02-30) are null.
 */
export function dateFromText(text: string): string | null {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${pad(mo)}-${pad(d)}`;
}

/** A cell's value as a calendar date `YYYY-MM-DD` (a date cell, a formula giving a date, or a date written as text), or null. */
export const cellDate = (value: unknown): string | null => dateFromText(cellText(value));

/**
 * The bytes of a Buffer as the ArrayBuffer exceljs's `load` is typed to take (its own Buffer type
 * predates Node's generic one): a copy of exactly the file's bytes, not the pool it may share.
 */
export function fileBytes(content: Buffer): ArrayBuffer {
  const copy = new ArrayBuffer(content.byteLength);
  new Uint8Array(copy).set(content);
  return copy;
}

/** The workbook in `content`, or null when it is not a readable .xlsx file. */
export async function openWorkbook(content: Buffer): Promise<ExcelJS.Workbook | null> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(fileBytes(content));
  } catch {
    return null;
  }
  return wb;
}

export interface SheetRow {
  /** The row's number in the sheet (1-based), for messages that point a person at it. */
  line: number;
  /** Column key (from the header) → cell text. */
  cells: Record<string, string>;
}

export interface SheetTable {
  /** The sheet's name. */
  name: string;
  /** The header row's number. */
  headerLine: number;
  /** The column keys found in the header, left to right. */
  columns: string[];
  /** The rows below the header that have any text in a keyed column. */
  rows: SheetRow[];
}

export interface SheetTableOptions {
  /** A header cell's text → the column's key; undefined drops the column. Default: the text itself. */
  header?: (text: string) => string | undefined;
  /**
   * Where the header is: row 1 by default; `{ containing, within }` takes the first of the first
   * `within` rows that has a cell whose text is `containing` (a title row may sit above it).
   */
  headerRow?: number | { containing: string; within: number };
}

/** A sheet as rows of key → text under its header row; null when a searched-for header row is not found. */
export function sheetTable(ws: ExcelJS.Worksheet, options?: SheetTableOptions & { headerRow?: number }): SheetTable;
export function sheetTable(ws: ExcelJS.Worksheet, options: SheetTableOptions): SheetTable | null;
export function sheetTable(ws: ExcelJS.Worksheet, options: SheetTableOptions = {}): SheetTable | null {
  const mapHeader = options.header ?? ((t: string) => t || undefined);
  const where = options.headerRow ?? 1;
  let headerLine = 0;
  if (typeof where === 'number') headerLine = where;
  else {
    for (let r = 1; r <= Math.min(ws.rowCount, where.within) && !headerLine; r++) {
      ws.getRow(r).eachCell((cell) => {
        if (cellText(cell.value) === where.containing) headerLine = r;
      });
    }
    if (!headerLine) return null;
  }
  const keys = new Map<number, string>();
  ws.getRow(headerLine).eachCell((cell, col) => {
    const key = mapHeader(cellText(cell.value));
    if (key) keys.set(col, key);
  });
  const rows: SheetRow[] = [];
  ws.eachRow((row, line) => {
    if (line <= headerLine) return;
    const cells: Record<string, string> = {};
    for (const [col, key] of keys) cells[key] = cellText(row.getCell(col).value);
    if (Object.values(cells).some((c) => c !== '')) rows.push({ line, cells });
  });
  return { name: ws.name, headerLine, columns: [...new Set(keys.values())], rows };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** What a cell may hold on the way out. Strings are always written as text, never as formulas. */
export type CellInput = string | number | boolean | Date | null | undefined;

export interface SheetSpec {
  /** The sheet's tab name (≤ 31 characters, none of []:*?/\). */
  name: string;
  /** A bold title row merged across the columns, above the header. */
  title?: string;
  columns: readonly { header: string; width?: number }[];
  rows: Iterable<readonly CellInput[]>;
  /** A cell's fill colour (ARGB, "FFFF4D4F"), by data row (0-based) and column (0-based); none by default. */
  fill?: (row: number, column: number) => string | null;
  /** Page setup for printing: landscape, fitted to the page's width, the header (and title) repeated on every page, A4. */
  print?: { landscape?: boolean; fitToWidth?: boolean; repeatHeader?: boolean };
}

/** A cell's value as written: text neutralised (see `neutralizeFormula`), numbers, booleans and dates as they are. */
export function safeCellValue(value: CellInput): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return neutralizeFormula(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

/**
 * An .xlsx workbook: per sheet an optional title row, a bold header frozen in view, and the rows.
 * Every string is written as a string cell, with a formula-like text neutralised; nothing here
 * ever writes a formula.
 */
export async function writeWorkbook(sheets: readonly SheetSpec[], options: { creator?: string } = {}): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = options.creator ?? 'Mashang';
  for (const spec of sheets) {
    const headerLine = spec.title === undefined ? 1 : 2;
    const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: headerLine }] });
    const width = Math.max(spec.columns.length, 1);
    if (spec.title !== undefined) {
      if (width > 1) ws.mergeCells(1, 1, 1, width);
      const title = ws.getCell(1, 1);
      title.value = safeCellValue(spec.title);
      title.font = { bold: true, size: 14 };
      title.alignment = { horizontal: 'center' };
    }
    const header = ws.getRow(headerLine);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = safeCellValue(c.header);
      cell.font = { bold: true };
      if (c.width) ws.getColumn(i + 1).width = c.width;
    });
    let n = 0;
    for (const row of spec.rows) {
      const added = ws.addRow(row.map(safeCellValue));
      if (spec.fill) {
        for (let c = 0; c < row.length; c++) {
          const argb = spec.fill(n, c);
          if (argb) added.getCell(c + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
        }
      }
      n++;
    }
    if (spec.print) {
      ws.pageSetup = {
        ...ws.pageSetup,
        paperSize: 9, // A4
        orientation: spec.print.landscape ? 'landscape' : 'portrait',
        ...(spec.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
        ...(spec.print.repeatHeader ? { printTitlesRow: `1:${headerLine}` } : {}),
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      };
      // 第 N 页 / 共 M 页 at the foot of every printed page.
      ws.headerFooter = { ...ws.headerFooter, oddFooter: '&C第 &P 页 / 共 &N 页' };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
