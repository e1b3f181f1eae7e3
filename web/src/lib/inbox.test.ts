import { describe, expect, it } from 'vitest';
import { groupCounts, groupOf, groupQuery, INBOX_GROUPS } from './inbox.ts';

describe('the inbox by group', () => {
  it('puts each kind in one group, unknown kinds in 其他', () => {
    expect(groupOf('tasks.assigned')).toBe('todo');
    expect(groupOf('tasks.escalated')).toBe('urge');
    expect(groupOf('tasks.progress')).toBe('progress');
    expect(groupOf('scoreboard.something_new')).toBe('other');
    const all = INBOX_GROUPS.flatMap((g) => g.kinds as readonly string[]);
    expect(new Set(all).size).toBe(all.length);
  });
  it('asks the server for a group by its kinds, and for 其他 by leaving the named ones out', () => {
    expect(groupQuery('all')).toEqual({});
    expect(groupQuery('urge').kinds).toBe('tasks.escalated,tasks.urged,tasks.reminded,tasks.instructed,research.behind');
    expect(groupQuery('other').exceptKinds?.split(',')).toContain('tasks.assigned');
    // Every query stays within the server's 40 kinds.
    for (const g of INBOX_GROUPS) expect(g.kinds.length).toBeLessThanOrEqual(40);
  });
  it('counts each group from the per-kind counts', () => {
    const c = groupCounts([
      { kind: 'tasks.assigned', total: 5, unread: 2 },
      { kind: 'tasks.escalated', total: 26, unread: 26 },
      { kind: 'auth.something', total: 1, unread: 0 },
    ]);
    expect(c.all).toEqual({ total: 32, unread: 28 });
    expect(c.todo).toEqual({ total: 5, unread: 2 });
    expect(c.urge).toEqual({ total: 26, unread: 26 });
    expect(c.other).toEqual({ total: 1, unread: 0 });
    expect(c.progress).toEqual({ total: 0, unread: 0 });
  });
});
