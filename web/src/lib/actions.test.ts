import { describe, expect, it } from 'vitest';
import { ACTION_ORDER, actionButtons, actionRequest, extensionDecision, primaryAction } from './actions.ts';

describe('task actions', () => {
  it('offers exactly the allowed actions, in the order the work flows', () => {
    expect(actionButtons(['return', 'sign'])).toEqual(['sign', 'return']);
    expect(actionButtons(['submit', 'progress', 'request_extension', 'plan', 'dispatch'])).toEqual(['dispatch', 'plan', 'progress', 'request_extension', 'submit']);
    expect(actionButtons(['decide_extension'])).toEqual([]); // decided on the request itself
    expect(actionButtons([])).toEqual([]);
  });

  it('highlights the next step of the main flow', () => {
    expect(primaryAction(['sign', 'return'])).toBe('sign');
    expect(primaryAction(['progress', 'submit'])).toBe('submit');
    expect(primaryAction(['verify', 'reject'])).toBe('verify');
    expect(primaryAction(['return'])).toBeNull();
  });

  it('posts each action to its path with the version and a body the API accepts', () => {
    const bodies = Object.fromEntries(
      ACTION_ORDER.map((a) => [
        a,
        actionRequest(a, 7, 3, {
          responsibleId: 9,
          note: '  ',
          percent: 40,
          text: ' 进展 ',
          milestoneIds: [],
          attachmentIds: [5],
          milestones: [{ title: ' 方案 ', due: '2026-11-10' }, { title: '施工', due: '2026-11-20', ownerId: 4 }],
          completionText: '完成',
          evidence: '',
          done: 'a',
          result: 'b',
          lessons: 'c',
          reason: ' 理由 ',
          leadUnitId: 2,
          deadline: '2026-12-01',
          newDeadline: '2026-12-15',
        }),
      ]),
    );
    expect(bodies.sign).toEqual({ path: '/api/v1/tasks/7/sign', body: { version: 3 } });
    expect(bodies.dispatch!.body).toEqual({ version: 3, responsibleId: 9, note: undefined });
    expect(bodies.progress!.body).toEqual({ version: 3, percent: 40, text: '进展', milestoneIds: undefined, attachmentIds: [5] });
    expect(bodies.plan!.body).toEqual({ version: 3, milestones: [{ title: '方案', due: '2026-11-10' }, { title: '施工', due: '2026-11-20', ownerId: 4 }] });
    expect(bodies.submit!.body).toEqual({ version: 3, completion: { text: '完成', evidence: undefined }, summary: { done: 'a', result: 'b', lessons: 'c' }, attachmentIds: [5] });
    expect(bodies.reject).toEqual({ path: '/api/v1/tasks/7/reject', body: { version: 3, reason: '理由' } });
    expect(bodies.return!.path).toBe('/api/v1/tasks/7/return');
    expect(bodies.close!.body).toEqual({ version: 3, summary: { done: 'a', result: 'b', lessons: 'c' } });
    expect(bodies.reassign!.body).toEqual({ version: 3, leadUnitId: 2, responsibleId: 9, deadline: '2026-12-01', note: undefined });
    expect(bodies.request_extension).toEqual({ path: '/api/v1/tasks/7/extensions', body: { version: 3, reason: '理由', newDeadline: '2026-12-15' } });
  });

  it('closes with the submitted summary when none is typed', () => {
    expect(actionRequest('close', 1, 2, { done: ' ', result: '' }).body).toEqual({ version: 2 });
  });

  it('decides an extension on its own path', () => {
    expect(extensionDecision(7, 3, true, 5, '同意')).toEqual({ path: '/api/v1/tasks/7/extensions/3/approve', body: { version: 5, note: '同意' } });
    expect(extensionDecision(7, 3, false, 5).path).toBe('/api/v1/tasks/7/extensions/3/reject');
  });
});
