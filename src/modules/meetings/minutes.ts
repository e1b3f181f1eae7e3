import { AlignmentType, BorderStyle, Document, Packer, Paragraph, TextRun } from 'docx';
import { KIND_NAMES } from './rules.ts';
import type { MeetingDetail } from './service.ts';

/**
 * 会议纪要 as a DOCX in the layout of a Chinese official minute (党政机关公文格式 GB/T 9704, without
 * the red header): the title 「…会议纪要」 in 小标宋 二号, centred; a rule; the meeting's data
 * (time, place, organiser, chair, attendees) in 仿宋 三号; 「会议议定事项」 in 黑体; the decisions
 * numbered 一、二、… each with 牵头单位, 责任人 and 完成时限 in 楷体; the organiser and the date at
 * the foot, right-aligned.
 */

const pt = (n: number) => n * 2; // docx sizes are half-points
const SIZE = { title: pt(22), body: pt(16) }; // 二号, 三号
const FONT = { title: '方正小标宋简体', body: '仿宋_GB2312', heading: '黑体', emphasis: '楷体_GB2312' };
const LINE = 560; // 28 磅 line spacing, in twentieths of a point

const run = (text: string, font = FONT.body, o: { bold?: boolean } = {}) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size: SIZE.body, ...(o.bold ? { bold: true } : {}) });
const para = (children: TextRun[], o: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ children, spacing: { line: LINE }, ...(o.indent ? { indent: { firstLine: pt(16) * 10 } } : {}), ...(o.align ? { alignment: o.align } : {}) });

const DIGITS = '零一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99: a minute with more decisions numbers them in Arabic). */
export function chineseNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

const shanghai = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3600_000);
const cnDate = (d: Date | string) => {
  const s = shanghai(d);
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日`;
};
const hhmm = (d: Date | string) => shanghai(d).toISOString().slice(11, 16);
const cnIsoDate = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The minute's title: the meeting's title with 纪要. */
export const minutesTitle = (title: string) => `${title}纪要`;

/** A file name safe in a Content-Disposition header and on every file system. */
export function minutesFileName(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is taken out
  const clean = minutesTitle(title).replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '').replace(/^\.+/, '').slice(0, 80).trim();
  return `${clean || '会议纪要'}.docx`;
}

/** The minute of a meeting as DOCX bytes. */
export async function buildMinutes(d: MeetingDetail): Promise<Buffer> {
  const m = d.meeting;
  const data: [string, string][] = [
    ['会议时间', `${cnDate(m.startsAt)} ${hhmm(m.startsAt)}—${hhmm(m.endsAt)}`],
    ['会议地点', [m.place, m.online ? '视频会议' : null].filter(Boolean).join('；') || '—'],
    ['主办单位', m.organizerName],
    ['会议类型', KIND_NAMES[m.kind]],
    ['主 持 人', m.chair ?? '—'],
    ['参会单位', d.attendees.map((a) => a.name).join('、') || '—'],
    ['参会人数', `${m.headcount} 人`],
  ];
  const speakers = d.agenda.map((a) => a.speaker ?? a.speakerName).filter((s): s is string => Boolean(s));
  if (speakers.length) data.push(['发 言 人', [...new Set(speakers)].join('、')]);

  const decisions = d.decisions.flatMap((x, i) => {
    const deadline = x.task ? cnIsoDate(x.task.task.deadline) : x.deadline ? `${cnIsoDate(x.deadline)}前` : x.deadlineWorkdays !== null ? `会后 ${x.deadlineWorkdays} 个工作日内` : '—';
    return [
      para([run(`${chineseNumber(i + 1)}、`), run(x.text)], { indent: true }),
      ...(x.description ? [para([run(x.description)], { indent: true })] : []),
      para([run('牵头单位：', FONT.emphasis), run(x.leadUnitName ?? '—', FONT.emphasis), run('　责任人：', FONT.emphasis), run(x.responsibleName ?? '—', FONT.emphasis), run('　完成时限：', FONT.emphasis), run(deadline, FONT.emphasis)], { indent: true }),
    ];
  });

  const doc = new Document({
    creator: 'Mashang 马上',
    title: minutesTitle(m.title),
    styles: { default: { document: { run: { font: FONT.body, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } }, // 37/35/28/26 mm (GB/T 9704)
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: LINE, after: 240 },
            children: [new TextRun({ text: minutesTitle(m.title), font: { eastAsia: FONT.title, ascii: FONT.title, hAnsi: FONT.title }, size: SIZE.title })],
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } },
          }),
          ...data.map(([k, v]) => para([run(`${k}：`, FONT.heading), run(v)])),
          para([run('会议议定事项', FONT.heading)], { align: AlignmentType.LEFT }),
          ...(decisions.length ? decisions : [para([run('本次会议无议定事项。')], { indent: true })]),
          para([run('')]),
          para([run(m.organizerName)], { align: AlignmentType.RIGHT }),
          para([run(cnDate(m.concludedAt ?? m.endsAt))], { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
