/**
 * The inbox grouped the way the morning digest groups a day's work: what waits for me to act,
 * urgings and escalations, progress and answers, and the rest. Kinds are the server's
 * notification kinds (`module.event`); a kind no group names falls into 其他.
 */
export const INBOX_GROUPS = [
  {
    key: 'todo',
    name: ['待我处理', 'For me to act on'],
    kinds: ['tasks.assigned', 'tasks.dispatched', 'tasks.milestone_assigned', 'tasks.submitted', 'tasks.extension_requested', 'meetings.approval_requested', 'accountability.issued', 'accountability.draft', 'reports.summary_submitted', 'reports.drafted', 'public.submitted', 'public.reopened', 'channels.digest'],
  },
  {
    key: 'urge',
    name: ['催办督办', 'Urgings and escalations'],
    kinds: ['tasks.escalated', 'tasks.urged', 'tasks.reminded', 'tasks.instructed', 'research.behind'],
  },
  {
    key: 'progress',
    name: ['进展反馈', 'Progress and answers'],
    kinds: ['tasks.signed', 'tasks.progress', 'tasks.feedback', 'tasks.verified', 'tasks.closed', 'tasks.returned', 'tasks.rejected', 'tasks.urging_answered', 'tasks.extension_decided', 'research.feedback', 'research.finding_done', 'meetings.approved', 'meetings.refused', 'meetings.decision_done'],
  },
] as const;

export type InboxGroupKey = (typeof INBOX_GROUPS)[number]['key'] | 'all' | 'other';

const NAMED = new Set<string>(INBOX_GROUPS.flatMap((g) => g.kinds));

/** The group a kind belongs to. */
export function groupOf(kind: string): InboxGroupKey {
  return INBOX_GROUPS.find((g) => (g.kinds as readonly string[]).includes(kind))?.key ?? 'other';
}

/** The list's query for a group: its kinds, or for 其他 every kind the groups do not name. */
export function groupQuery(key: InboxGroupKey): { kinds?: string; exceptKinds?: string } {
  if (key === 'all') return {};
  if (key === 'other') return { exceptKinds: [...NAMED].join(',') };
  return { kinds: INBOX_GROUPS.find((g) => g.key === key)!.kinds.join(',') };
}

/** Unread and total per group from the per-kind counts. */
export function groupCounts(kinds: readonly { kind: string; total: number; unread: number }[]): Record<InboxGroupKey, { total: number; unread: number }> {
  const out = { all: { total: 0, unread: 0 }, other: { total: 0, unread: 0 }, todo: { total: 0, unread: 0 }, urge: { total: 0, unread: 0 }, progress: { total: 0, unread: 0 } } satisfies Record<InboxGroupKey, { total: number; unread: number }>;
  for (const k of kinds) {
    for (const key of ['all', groupOf(k.kind)] as const) {
      out[key].total += k.total;
      out[key].unread += k.unread;
    }
  }
  return out;
}
