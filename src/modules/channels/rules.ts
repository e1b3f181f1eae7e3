/**
 * Who hears what by which channel, and when — pure decisions, no I/O.
 * Times are Asia/Shanghai (UTC+8, no daylight saving); days are working days per the calendar.
 */
import { addDays, type WorkCalendar } from '../../platform/calendar/calendar.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import type { Policy } from '../../platform/policy.ts';

/** Personal channels besides the inbox (always on). */
export const PERSONAL_CHANNELS = ['email', 'sms'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];

/** Without a choice: e-mail on (as before this module), SMS off. */
export const DEFAULT_CHANNELS: Record<PersonalChannel, boolean> = { email: true, sms: false };

/** The kinds a person may choose channels for (the inbox shows all of them). */
export const CHOOSABLE_KINDS = [
  'tasks.assigned',
  'tasks.signed',
  'tasks.dispatched',
  'tasks.progress',
  'tasks.submitted',
  'tasks.rejected',
  'tasks.verified',
  'tasks.feedback',
  'tasks.closed',
  'tasks.returned',
  'tasks.extension_requested',
  'tasks.extension_decided',
  'tasks.milestone_assigned',
  'tasks.escalated',
  'tasks.urged',
  'tasks.urging_answered',
  'tasks.instructed',
  'meetings.approval_requested',
  'meetings.approved',
  'meetings.refused',
  'meetings.decision_done',
  'channels.digest',
] as const;

export type Choices = Record<string, string[]>;

/** Channels the policy will not let a person switch off for a kind (urgent notices add `urgentChannels`). */
export function lockedChannels(kind: string, policy: Pick<Policy, 'notify'>): PersonalChannel[] {
  return (policy.notify.mandatory[kind] ?? []).filter((c): c is PersonalChannel => (PERSONAL_CHANNELS as readonly string[]).includes(c));
}

/** The personal channels one notice goes by: the person's choice (or the default), plus what the policy mandates. */
export function channelsFor(kind: string, choices: Choices, policy: Pick<Policy, 'notify'>, urgent: boolean): Set<PersonalChannel> {
  const chosen = choices[kind];
  const out = new Set<PersonalChannel>(chosen ? PERSONAL_CHANNELS.filter((c) => chosen.includes(c)) : PERSONAL_CHANNELS.filter((c) => DEFAULT_CHANNELS[c]));
  for (const c of lockedChannels(kind, policy)) out.add(c);
  if (urgent) for (const c of policy.notify.urgentChannels) out.add(c);
  return out;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
export function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`${hhmm} is not HH:MM`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The instant of a Shanghai wall-clock time on a date. */
export function shanghaiAt(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+08:00`);
}

/** Minutes since midnight, Asia/Shanghai. */
export function shanghaiMinutes(instant: Date): number {
  const ms = instant.getTime() + 8 * 3600_000;
  return Math.floor((((ms % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
}

/** The first working day after `date` (a year of rest days at most). */
export function nextWorkday(date: string, cal: WorkCalendar): string {
  let d = addDays(date, 1);
  for (let i = 0; i < 366 && !cal.isWorkday(d); i++) d = addDays(d, 1);
  return d;
}

export interface QuietHours {
  start: string;
  end: string;
}

/**
 * When a non-urgent notice may go, or null when now is not quiet. Quiet: rest days (weekends and
 * holidays; a makeup Saturday 调休 is a working day) all day, and on working days from `start` to
 * `end` (overnight when start > end, e.g. 21:00–07:30; a daytime span when start < end; none when
 * equal). What waits goes at `end` of the next working day — the morning.
 */
export function quietUntil(now: Date, quiet: QuietHours, cal: WorkCalendar): Date | null {
  const today = shanghaiDate(now);
  const m = shanghaiMinutes(now);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const morningAfter = () => shanghaiAt(nextWorkday(today, cal), quiet.end);
  if (!cal.isWorkday(today)) {
    // A rest day: quiet all day; the morning of the next working day.
    return morningAfter();
  }
  if (start === end) return null;
  if (start > end) {
    if (m < end) return shanghaiAt(today, quiet.end);
    if (m >= start) return morningAfter();
    return null;
  }
  return m >= start && m < end ? shanghaiAt(today, quiet.end) : null;
}

/** An SMS: 【马上】 title, cut so the text and the link fit in `max` characters where possible; the link always last, whole. */
/**
 * What an SMS asks of its reader, by kind: the template's words after the title, kept whole when
 * the title has to be cut (a 督办 by SMS must say what to do, not only what it is about).
 */
export const SMS_ASKS: Readonly<Record<string, string>> = {
  'tasks.assigned': '，请及时签收',
  'tasks.dispatched': '，请按时办理',
  'tasks.escalated': '，请抓紧办理',
  'tasks.urged': '，请按时报送情况说明',
  'tasks.instructed': '，请阅办领导批示',
  'tasks.returned': '，请查看退回理由',
  'tasks.rejected': '，请按意见补充后再报',
  'tasks.extension_requested': '，请审批',
  'tasks.submitted': '，请审核',
  'accountability.issued': '，请查阅并按要求说明',
};

export function smsText(title: string, link: string | null, max: number, kind?: string): string {
  const head = `【马上】${title.replace(/\s+/g, ' ').trim()}`;
  const ask = (kind && SMS_ASKS[kind]) || '';
  const tail = link ? ` ${link}` : '';
  const room = max - [...tail].length - [...ask].length;
  const chars = [...head];
  // The link and the ask are never cut; a very long link leaves at least the prefix and a few characters.
  const keep = Math.max(room, 10);
  const text = chars.length <= keep ? head : `${chars.slice(0, keep - 1).join('')}…`;
  return text + ask + tail;
}

/** The page a notice links back to, from its object (the task page for a task). */
export function linkOf(baseUrl: string, objectType: string | null, objectId: string | null): string {
  const base = baseUrl.replace(/\/+$/, '');
  if (objectId && /^\d+$/.test(objectId)) {
    if (objectType === 'task') return `${base}/tasks/${objectId}`;
    if (objectType === 'meeting') return `${base}/meetings/${objectId}`;
    if (objectType === 'document') return `${base}/documents/${objectId}`;
    if (objectType === 'public_request') return `${base}/desk/${objectId}`;
  }
  return `${base}/notifications`;
}

/** Does a robot carry this kind? Exact kinds, `module.*`, or every kind when none are listed. */
/**
 * Notices addressed to one person about themselves — an accountability record, a personal summary,
 * their own morning digest, their account — never go to a group chat, whatever a robot lists: the
 * group's members may not see them.
 */
export const PERSONAL_KINDS = ['accountability.*', 'reports.summary_*', 'channels.digest', 'auth.*'] as const;

const kindMatches = (pattern: string, kind: string) => pattern === kind || (pattern.endsWith('*') && kind.startsWith(pattern.slice(0, -1)));

/**
 * Does a robot carry this kind? Exact kinds or `module.*`; a robot that lists none carries the
 * supervision engine's notices (`tasks.*`); personal kinds never.
 */
export function robotCarries(robot: { kinds: string[]; urgentOnly: boolean }, kind: string, urgent: boolean): boolean {
  if (robot.urgentOnly && !urgent) return false;
  if (PERSONAL_KINDS.some((p) => kindMatches(p, kind))) return false;
  const kinds = robot.kinds.length === 0 ? ['tasks.*'] : robot.kinds;
  return kinds.some((k) => k.endsWith('.*') ? kindMatches(k, kind) : k === kind);
}

/** The workbench groups the digest reports, in its order (the tasks module's TODO kinds). */
export const DIGEST_GROUPS: Record<string, string> = {
  sign: '待签收',
  report: '待报进展',
  warn: '临期/逾期',
  verify: '待我审核',
  extension: '延期待我决定',
};

export interface DigestGroup {
  kind: string;
  count: number;
  titles: string[];
}

/** 今日待办: one message of counts and the first few titles per group; null when there is nothing to do. */
export function digestMessage(date: string, groups: DigestGroup[]): { title: string; body: string } | null {
  const due = groups.filter((g) => g.count > 0);
  if (due.length === 0) return null;
  const total = due.reduce((n, g) => n + g.count, 0);
  const lines = due.map((g) => {
    const label = DIGEST_GROUPS[g.kind] ?? g.kind;
    const more = g.count > g.titles.length ? ` 等` : '';
    return `${label} ${g.count} 件：${g.titles.join('；')}${more}`;
  });
  return { title: `今日待办 ${date}：${total} 件`, body: lines.join('\n') };
}

/** Is the digest due: a working day (a makeup Saturday counts, a holiday does not) at or after the digest time. */
export function digestDue(now: Date, digestAt: string, cal: WorkCalendar): boolean {
  return cal.isWorkday(shanghaiDate(now)) && shanghaiMinutes(now) >= minutesOf(digestAt);
}

/** Masks a mobile for a list (138****5678). */
export function maskedMobile(mobile: string | null): string | null {
  if (!mobile) return null;
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';
}
