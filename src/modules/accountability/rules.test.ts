import { describe, expect, it } from 'vitest';
import { RECORD_ACTIONS, RECORD_STATUSES, actionsIn, flagDraft, flagKey, nextStatus, rungDraft, rungKey, type RecordAction, type RecordStatus } from './rules.ts';
import { allowedActions, canSee, isConcerned, may } from './policy.ts';
import type { Actor } from '../../platform/auth/actor.ts';

/** Every state × every action: the one table of 草稿 → 印发 → 已说明 → 结案. */
const EXPECTED: Record<RecordStatus, Partial<Record<RecordAction, RecordStatus>>> = {
  draft: { edit: 'draft', issue: 'issued' },
  issued: { explain: 'explained', close: 'closed' },
  explained: { close: 'closed' },
  closed: {},
};

describe('the state machine', () => {
  for (const status of RECORD_STATUSES) {
    for (const action of RECORD_ACTIONS) {
      const to = EXPECTED[status][action];
      it(`${status} × ${action} → ${to ?? 'refused'}`, () => {
        const r = nextStatus(status, action);
        if (to) expect(r).toEqual({ ok: true, status: to });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).toMatch(/\(.+\)/); // zh-CN with the English in parentheses
        }
      });
    }
  }
  it('explains only once, and says so', () => {
    const r = nextStatus('explained', 'explain');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('只能提交一次');
  });
  it('lists the actions a state allows', () => {
    expect(actionsIn('draft')).toEqual(['edit', 'issue']);
    expect(actionsIn('closed')).toEqual([]);
  });
});

describe('drafts from rungs and flags', () => {
  it('keys are one per task and rung, one per unit and month', () => {
    expect(rungKey(12, 'notice')).toBe('task:12:notice');
    expect(rungKey(12, 'accountability')).not.toBe(rungKey(12, 'notice'));
    expect(flagKey(7, '2026-11')).toBe('flag:7:2026-11');
  });
  it('a 通报 rung drafts 通报批评 and a 问责建议 rung drafts 问责建议', () => {
    const t = { id: 3, title: '危桥改造', leadUnitName: '交通局', deadline: '2026-09-30' };
    expect(rungDraft('notice', t, 10)).toMatchObject({ kind: 'criticism', title: expect.stringContaining('通报批评') });
    expect(rungDraft('accountability', t, 20)).toMatchObject({ kind: 'recommendation', reason: expect.stringContaining('逾期 20 个工作日') });
  });
  it('a flag drafts a 约谈 with both months’ rates (— when a month has none)', () => {
    const d = flagDraft('某镇', ['2026-09', '2026-10'], [0.5, null]);
    expect(d.kind).toBe('talk');
    expect(d.reason).toContain('50%');
    expect(d.reason).toContain('—');
  });
});

const actor = (o: Partial<Actor>): Actor => ({ personId: 1, login: 'x', name: 'x', unitId: 10, unitPath: '/1/10/', regionPath: '/1/', roles: ['staff'], via: 'session', ...o });
const rec = (o: Partial<{ targetUnitId: number; targetPath: string; targetPersonId: number | null; status: RecordStatus }> = {}) => ({ targetUnitId: 20, targetPath: '/1/20/', targetPersonId: null, status: 'issued' as RecordStatus, ...o });

describe('who may', () => {
  const supervisor = actor({ personId: 2, roles: ['supervisor'], unitPath: '/1/30/' });
  const elsewhere = actor({ personId: 3, roles: ['supervisor'], unitPath: '/9/30/', regionPath: '/9/' });
  const head = actor({ personId: 4, roles: ['unit_head'], unitId: 20, unitPath: '/1/20/' });
  const target = actor({ personId: 5, unitId: 20, unitPath: '/1/20/' });
  const colleague = actor({ personId: 6, unitId: 20, unitPath: '/1/20/' });
  const admin = actor({ personId: 7, roles: ['admin'] });
  it('drafts are seen by supervisors over the target and admins only', () => {
    const d = rec({ status: 'draft', targetPersonId: 5 });
    expect([supervisor, elsewhere, head, target, colleague, admin].map((a) => canSee(a, d))).toEqual([true, false, false, false, false, true]);
  });
  it('issued: the target person, the heads over the unit; not colleagues', () => {
    const r = rec({ targetPersonId: 5 });
    expect([supervisor, elsewhere, head, target, colleague, admin].map((a) => canSee(a, r))).toEqual([true, false, true, true, false, true]);
  });
  it('the person concerned: the target person, else the target unit’s own heads', () => {
    expect(isConcerned(target, rec({ targetPersonId: 5 }))).toBe(true);
    expect(isConcerned(head, rec({ targetPersonId: 5 }))).toBe(false);
    expect(isConcerned(head, rec())).toBe(true);
    expect(isConcerned(colleague, rec())).toBe(false);
  });
  it('only supervisors in scope edit, issue and close; admins do not act', () => {
    expect(allowedActions(supervisor, rec({ status: 'draft' }))).toEqual(['edit', 'issue']);
    expect(allowedActions(admin, rec({ status: 'draft' }))).toEqual([]);
    expect(allowedActions(elsewhere, rec({ status: 'draft' }))).toEqual([]);
    expect(allowedActions(head, rec())).toEqual(['explain']);
    expect(may(supervisor, 'close', rec({ status: 'explained' }))).toBe(true);
    expect(may(supervisor, 'close', rec({ status: 'closed' }))).toBe(false);
  });
});
