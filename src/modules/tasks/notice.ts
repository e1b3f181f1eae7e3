import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { LEVEL_NAMES, type TaskLevel } from './rules.ts';

/**
 * 督办通知单 / 催办通知单 as a one-page DOCX, in the form supervision offices print: the title in
 * 小标宋 二号 centred, the 编号 line, then a two-column table (督办事项, 交办领导, 主办单位, 协办单位,
 * 责任人, 完成时限, 办理要求, 反馈要求), and the office's 落款 with the date at the foot, right-aligned.
 * Pure: the data in, the bytes out.
 */

export type NoticeKind = 'supervise' | 'urge';
export const NOTICE_TITLES: Record<NoticeKind, string> = { supervise: '督办通知单', urge: '催办通知单' };

export interface NoticeData {
  kind: NoticeKind;
  taskId: number;
  title: string;
  description: string | null;
  level: TaskLevel;
  assignerName: string;
  leaderName: string | null;
  leadUnitName: string;
  coUnitNames: string[];
  responsibleName: string | null;
  deadline: string;
  standard: string | null;
  overdueWorkdays: number;
  /** The last urging of this kind, when there is one: its text and reply deadline. */
  urging: { text: string; replyDue: string; at: Date } | null;
  signerUnit: string;
  /** The date of the notice (Asia/Shanghai), YYYY-MM-DD. */
  today: string;
}

const pt = (n: number) => n * 2; // docx sizes are half-points
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体' };
const SIZE = { title: pt(22), body: pt(14) }; // 二号, 四号 (a one-page form)
const run = (text: string, font = FONT.body) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size: SIZE.body });
const lines = (text: string, font = FONT.body) => text.split(/\r?\n/).map((l) => new Paragraph({ children: [run(l, font)], spacing: { line: 400 } }));

export const cnIsoDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** 编号: 督〔2026〕第 12 号 / 催〔2026〕第 12 号 (the task's number within its year of notice). */
export function noticeNumber(kind: NoticeKind, taskId: number, today: string): string {
  return `${kind === 'supervise' ? '督' : '催'}〔${today.slice(0, 4)}〕第 ${taskId} 号`;
}

/** The form's rows, label and text, in print order (also what the test reads back). */
export function noticeRows(d: NoticeData): [string, string][] {
  const requirement = [d.urging?.text, d.standard ? `工作标准：${d.standard}` : null, d.overdueWorkdays > 0 ? `该事项已超期 ${d.overdueWorkdays} 个工作日，请马上办理。` : null]
    .filter(Boolean)
    .join('\n');
  const feedback = d.urging
    ? `请于 ${cnIsoDate(d.urging.replyDue)}前将办理情况说明报送${d.signerUnit}，并在系统中填报。`
    : d.overdueWorkdays > 0
      ? `请立即将办理情况和整改措施报送${d.signerUnit}，并在系统中报送进展。`
      : `请于完成时限前将办理结果报送${d.signerUnit}，办理期间按时在系统中报送进展。`;
  return [
    ['督办事项', d.title + (d.description ? `\n${d.description}` : '')],
    ['事项等级', LEVEL_NAMES[d.level]],
    ['交办领导', d.leaderName && d.leaderName !== d.assignerName ? `${d.assignerName}（分管领导：${d.leaderName}）` : d.assignerName],
    ['主办单位', d.leadUnitName],
    ['协办单位', d.coUnitNames.join('、') || '无'],
    ['责 任 人', d.responsibleName ?? '（待主办单位明确）'],
    ['完成时限', cnIsoDate(d.deadline)],
    ['办理要求', requirement || '按交办要求办理。'],
    ['反馈要求', feedback],
  ];
}

/** A safe file name for the notice. */
export function noticeFileName(kind: NoticeKind, taskId: number): string {
  return `${NOTICE_TITLES[kind]}-${taskId}.docx`;
}

/** The notice as DOCX bytes. */
export async function buildNotice(d: NoticeData): Promise<Buffer> {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [1800, 7200],
    rows: noticeRows(d).map(
      ([label, text]) =>
        new TableRow({
          children: [
            new TableCell({ borders, width: { size: 20, type: WidthType.PERCENTAGE }, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(label, FONT.heading)] })] }),
            new TableCell({ borders, width: { size: 80, type: WidthType.PERCENTAGE }, children: lines(text) }),
          ],
        }),
    ),
  });
  const doc = new Document({
    creator: 'Mashang 马上',
    title: NOTICE_TITLES[d.kind],
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 200 },
            children: [new TextRun({ text: NOTICE_TITLES[d.kind], font: { eastAsia: FONT.title, ascii: FONT.title, hAnsi: FONT.title }, size: SIZE.title })],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 120 }, children: [run(`编号：${noticeNumber(d.kind, d.taskId, d.today)}`)] }),
          table,
          new Paragraph({ children: [run('')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(d.signerUnit)] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(cnIsoDate(d.today))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
