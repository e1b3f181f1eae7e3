/**
 * An iCalendar (RFC 5545) feed of a person's deadlines and milestones: all-day events, so a
 * phone calendar shows "完成时限" on the right day whatever its time zone.
 */
export interface FeedTask {
  id: number;
  title: string;
  deadline: string;
  status: string;
  leadUnitName: string;
  updatedAt: Date;
}
/** An all-day event another module puts on the feed (field days): its own UID, date and text. */
export interface FeedEvent {
  uid: string;
  date: string;
  summary: string;
  description: string;
  modified: Date;
}
export interface FeedMilestone {
  id: number;
  title: string;
  due: string;
  doneAt: Date | null;
  taskId: number;
  taskTitle: string;
}

/**
 * TEXT escaping (RFC 5545 §3.3.11): every line break — CR LF, a bare LF or a bare CR, which some
 * clients also end a line on — becomes `\n`, and other control characters (§3.1: not allowed in
 * TEXT but HTAB) are dropped, so that no value can end its content line.
 */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n|\u2028|\u2029|\u0085/g, '\\n')
    // eslint-disable-next-line no-control-regex -- dropping control characters is this line's job
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basicDate = (d: string) => d.replaceAll('-', '');
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

export function buildFeed(opts: { name: string; host: string; now: Date; tasks: FeedTask[]; milestones: FeedMilestone[]; events?: readonly FeedEvent[] }): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Mashang//督查督办//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(`马上·${opts.name}的督办时限`)}`, 'X-WR-TIMEZONE:Asia/Shanghai'];
  const event = (uid: string, date: string, summary: string, description: string, modified: Date) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}@${opts.host}`,
      `DTSTAMP:${stamp(opts.now)}`,
      `LAST-MODIFIED:${stamp(modified)}`,
      `DTSTART;VALUE=DATE:${basicDate(date)}`,
      `DTEND;VALUE=DATE:${basicDate(nextDay(date))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  };
  for (const t of opts.tasks) event(`task-${t.id}`, t.deadline, `【完成时限】${t.title}`, `主办单位：${t.leadUnitName}\n状态：${t.status}`, t.updatedAt);
  for (const m of opts.milestones) event(`milestone-${m.id}`, m.due, `【节点】${m.title}${m.doneAt ? '（已完成）' : ''}`, `所属事项：${m.taskTitle}`, m.doneAt ?? opts.now);
  for (const e of opts.events ?? []) event(e.uid, e.date, e.summary, e.description, e.modified);
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
