import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { writeWorkbook, type SheetSpec } from '../../platform/xlsx.ts';
import { NO_DATA, REPORT_KIND_NAMES, type ReportContent, type ReportKind } from './rules.ts';

/**
 * A report as a DOCX in the layout of a Chinese official notice (GB/T 9704 in spirit): the
 * issuing office's name in red as the 版头, the 文号 line, a red rule, the 标题 in 小标宋 二号
 * centred, body sections headed 一、二、… in 黑体 with their text in 仿宋 三号 (first line indented
 * two characters) and their tables, then the 落款 and the date right-aligned. And as an XLSX: the
 * text on one sheet, each section's table on its own. Pure: the content in, the bytes out.
 */

export interface ReportFileData {
  kind: ReportKind;
  /** The issuing office (版头 and 落款), e.g. 测试县人民政府督查室. */
  office: string;
  /** 文号, or null for a draft (the line then says 草稿). */
  number: string | null;
  content: ReportContent;
}

const pt = (n: number) => n * 2; // docx sizes are half-points
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体' };
const SIZE = { head: pt(26), title: pt(22), body: pt(16), table: pt(12) }; // 版头, 二号, 三号, 小四
const font = (f: string) => ({ eastAsia: f, ascii: f, hAnsi: f });
const run = (text: string, f = FONT.body, size = SIZE.body, color?: string) => new TextRun({ text, font: font(f), size, ...(color ? { color } : {}) });
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

export const cnDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The section headings with their numerals, in print order (also what the tests read back). */
export const sectionHeading = (i: number, heading: string) => `${NUMERALS[i] ?? String(i + 1)}、${heading}`;

function table(columns: string[], rows: (string | number)[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, head: boolean) =>
    new TableCell({ borders, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, head ? FONT.heading : FONT.body, SIZE.table)] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }), ...rows.map((r) => new TableRow({ children: r.map((v) => cell(String(v), false)) }))],
  });
}

/** The report as DOCX bytes. */
export async function buildReportDocx(d: ReportFileData): Promise<Buffer> {
  const c = d.content;
  const body: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(d.office, FONT.title, SIZE.head, 'C00000')] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 6 } },
      children: [run(d.number ?? `${REPORT_KIND_NAMES[d.kind]}（草稿）`)],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 300, after: 300 }, children: [run(c.title, FONT.title, SIZE.title)] }),
  ];
  c.sections.forEach((s, i) => {
    body.push(new Paragraph({ spacing: { before: 120, after: 60 }, indent: { firstLine: 640 }, children: [run(sectionHeading(i, s.heading), FONT.heading)] }));
    for (const line of (s.text || NO_DATA).split(/\r?\n/)) body.push(new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: [run(line)] }));
    if (s.table && s.table.rows.length) {
      body.push(table(s.table.columns, s.table.rows));
      body.push(new Paragraph({ children: [run('')] }));
    }
  });
  body.push(new Paragraph({ children: [run('')] }));
  body.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(c.signer)] }));
  body.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(cnDate(c.date))] }));
  const doc = new Document({
    creator: 'Mashang 马上',
    title: c.title,
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body } } } },
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, children: body }],
  });
  return Packer.toBuffer(doc);
}

/** The report as XLSX bytes: 正文 (the sections' texts), then one sheet per section table. */
export function buildReportXlsx(d: ReportFileData): Promise<Buffer> {
  const c = d.content;
  const sheets: SheetSpec[] = [
    {
      name: '正文',
      title: `${c.title}${d.number ? `（${d.number}）` : '（草稿）'}`,
      columns: [{ header: '部分', width: 24 }, { header: '内容', width: 100 }],
      rows: [...c.sections.map((s, i) => [sectionHeading(i, s.heading), s.text || NO_DATA]), ['落款', `${c.signer} ${cnDate(c.date)}`]],
    },
  ];
  c.sections.forEach((s, i) => {
    if (!s.table || s.table.rows.length === 0) return;
    sheets.push({ name: `${i + 1}.${s.heading}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), title: sectionHeading(i, s.heading), columns: s.table.columns.map((h) => ({ header: h, width: Math.max(10, h.length * 3) })), rows: s.table.rows });
  });
  return writeWorkbook(sheets, { creator: 'Mashang 马上' });
}
