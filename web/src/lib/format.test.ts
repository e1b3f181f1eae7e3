import { describe, expect, it } from 'vitest';
import { ACTION, deadlineText, describeEvent, EVENT_COLOR, eventColor, LIGHT, REASON, STATUS, dateTime, statusName } from './format.ts';
import type { TimelineEvent } from './types.ts';

const ev = (kind: string, data: Record<string, unknown> = {}, actorName: string | null = '王县长'): TimelineEvent => ({ id: 1, kind, at: '2026-11-02T01:00:00.000Z', actorId: 1, actorName, data });

describe('format', () => {
  it('names every status, light and action in both languages', () => {
    for (const names of [STATUS, LIGHT, ACTION, REASON]) {
      for (const [zh, en] of Object.values(names)) {
        expect(zh).toMatch(/\p{Script=Han}/u);
        expect(en).toMatch(/^[A-Z]/);
      }
    }
    expect(statusName('in_progress', 'zh')).toBe('办理中');
    expect(statusName('in_progress', 'en')).toBe('In progress');
    expect(statusName('unknown_status', 'zh')).toBe('unknown_status');
  });

  it('writes the deadline with the overdue working days, but not for finished work', () => {
    expect(deadlineText({ deadline: '2026-11-06', overdueWorkdays: 0, light: 'green' }, 'zh')).toBe('2026-11-06');
    expect(deadlineText({ deadline: '2026-11-06', overdueWorkdays: 4, light: 'red' }, 'zh')).toBe('2026-11-06（逾期 4 个工作日）');
    expect(deadlineText({ deadline: '2026-11-06', overdueWorkdays: 4, light: 'red' }, 'en')).toBe('2026-11-06 (4 working days overdue)');
    expect(deadlineText({ deadline: '2026-11-06', overdueWorkdays: 4, light: 'done' }, 'zh')).toBe('2026-11-06');
  });

  it('shows times in Beijing time', () => {
    expect(dateTime('2026-11-02T01:00:00.000Z')).toBe('2026-11-02 09:00');
    expect(dateTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
  });

  it('describes each timeline event with its facts', () => {
    expect(describeEvent(ev('assigned', { deadline: '2026-11-06' }), 'zh')).toBe('王县长 交办，完成时限 2026-11-06');
    expect(describeEvent(ev('escalated', { level: 'urge', overdueWorkdays: 3 }, null), 'zh')).toBe('系统催办：已逾期 3 个工作日');
    expect(describeEvent(ev('progress', { percent: 40, text: '入户调查' }), 'zh')).toBe('王县长 报送进展（40%）：入户调查');
    expect(describeEvent(ev('dispatch', { responsibleName: '周科员' }), 'en')).toBe('王县长 dispatched it to 周科员');
    // The 交办要求 written at 交办到人 is part of the timeline (issue #16).
    expect(describeEvent(ev('dispatch', { responsibleName: '周科员', note: '本周五前完成入户摸排' }), 'zh')).toBe('王县长 交办到人：周科员\n交办要求：本周五前完成入户摸排');
    expect(describeEvent(ev('request_extension', { newDeadline: '2026-11-30', reason: '供货延迟' }), 'zh')).toBe('王县长 申请延期至 2026-11-30：供货延迟');
    expect(describeEvent(ev('decide_extension', { approved: true, newDeadline: '2026-11-30' }), 'zh')).toBe('王县长 批准延期，新时限 2026-11-30');
    expect(describeEvent(ev('decide_extension', { approved: false, newDeadline: '2026-11-30' }), 'zh')).toBe('王县长 驳回延期');
    expect(describeEvent(ev('reject', { reason: '缺少签字' }), 'zh')).toBe('王县长 驳回：缺少签字');
    expect(describeEvent(ev('reassign', { leadUnitName: '交通局' }), 'zh')).toBe('王县长 重新交办给 交通局');
    expect(describeEvent(ev('verify', { note: '好' }), 'zh')).toBe('王县长 审核办结：好，已反馈交办方');
    // A note ending in its own full stop does not stack punctuation (issue #16).
    expect(describeEvent(ev('verify', { note: '经核查符合标准，同意后销号。' }), 'zh')).toBe('王县长 审核办结：经核查符合标准，同意后销号，已反馈交办方');
    expect(describeEvent(ev('verify', { note: '。' }), 'zh')).toBe('王县长 审核办结，已反馈交办方');
    expect(describeEvent(ev('sign'), 'zh')).toBe('王县长 签收');
    expect(describeEvent(ev('close'), 'en')).toBe('王县长 Close out');
  });

  it('colours the timeline by what happened', () => {
    expect(eventColor('escalated', { level: 'remind' })).toBe(EVENT_COLOR.warning);
    expect(eventColor('escalated', { level: 'notice' })).toBe(EVENT_COLOR.wrong);
    expect(eventColor('return', {})).toBe(EVENT_COLOR.wrong);
    expect(eventColor('verify', {})).toBe(EVENT_COLOR.done);
    // Ordinary steps: a real blue, not antd's 'blue' (the theme's primary, red here).
    for (const kind of ['create', 'sign', 'dispatch', 'progress', 'plan', 'submit', 'answer_urging']) expect(eventColor(kind, {})).toBe('#1677ff');
  });
});
