import { describe, expect, it } from 'vitest';
import { builtinYears } from '../../platform/calendar/builtin.ts';
import { WorkCalendar } from '../../platform/calendar/calendar.ts';
import { defaultPolicy } from '../../platform/policy.ts';
import { allowedActions, checkCoUnits, checkDeadline, checkEdit, checkMilestoneDue, decide, pickCoPart, dueEscalations, ladderState, lightOf, nextReportDue, replyDueOf, scheduleFor, urgingOverdue, TASK_STATUSES, type ActorFacts, type TaskAction, type TaskFacts, type TaskStatus } from './rules.ts';

const cal = new WorkCalendar(builtinYears());
const policy = defaultPolicy;

const base: TaskFacts = {
  status: 'assigned',
  level: 'normal',
  deadline: '2026-10-16',
  assignerId: 1,
  leaderId: 2,
  responsibleId: 4,
  leadUnitPath: '/1/10/',
  signDue: '2026-09-22',
  planDue: null,
  planAt: null,
  nextReportDue: null,
  nextMilestoneDue: null,
  submittedOn: null,
  extensionsUsed: 0,
  pendingExtension: false,
  escalationRung: 0,
  // One urging waits for its 情况说明 (answer_urging needs one; see the urgings block below).
  openUrgings: 1,
  // Two co-units: 20 not yet signed for its part, 21 signed (co_sign and co_progress each have one that fits).
  coParts: [
    { unitId: 20, signed: false },
    { unitId: 21, signed: true },
  ],
};

type Who = 'assigner' | 'leader' | 'head' | 'responsible' | 'supervisor' | 'staff' | 'otherHead' | 'coHead';
const WHO: Record<Who, ActorFacts> = {
  assigner: { personId: 1, roles: ['leader'], headsLeadUnit: false, supervises: false, assigns: true, oversees: true, uploads: true },
  leader: { personId: 2, roles: ['leader'], headsLeadUnit: false, supervises: false, assigns: true, oversees: true, uploads: true },
  head: { personId: 3, roles: ['unit_head'], headsLeadUnit: true, supervises: false, assigns: true, oversees: false, uploads: true },
  responsible: { personId: 4, roles: ['staff'], headsLeadUnit: false, supervises: false, assigns: false, oversees: false, uploads: true },
  supervisor: { personId: 5, roles: ['supervisor'], headsLeadUnit: false, supervises: true, assigns: true, oversees: false },
  staff: { personId: 6, roles: ['staff'], headsLeadUnit: false, supervises: false, assigns: false, oversees: false },
  otherHead: { personId: 7, roles: ['unit_head'], headsLeadUnit: false, supervises: false, assigns: false, oversees: false },
  // The head of both co-units (协办): takes their parts, and nothing of the lead unit's.
  coHead: { personId: 8, roles: ['unit_head'], headsLeadUnit: false, supervises: false, assigns: true, oversees: false, coUnitsHeaded: [20, 21] },
};

/** The specification (issue #3 and DESIGN.md): from which states, by whom. */
const SPEC: Record<TaskAction, { from: TaskStatus[]; by: Who[] }> = {
  sign: { from: ['assigned'], by: ['head'] },
  dispatch: { from: ['signed', 'in_progress'], by: ['head'] },
  progress: { from: ['signed', 'in_progress'], by: ['head', 'responsible'] },
  plan: { from: ['signed', 'in_progress'], by: ['head', 'responsible'] },
  submit: { from: ['signed', 'in_progress'], by: ['head', 'responsible'] },
  verify: { from: ['submitted'], by: ['assigner', 'leader'] },
  reject: { from: ['submitted'], by: ['assigner', 'leader'] },
  close: { from: ['verified'], by: ['assigner', 'leader', 'supervisor'] },
  return: { from: ['assigned', 'signed'], by: ['head'] },
  reassign: { from: ['returned'], by: ['assigner', 'supervisor'] },
  request_extension: { from: ['signed', 'in_progress'], by: ['head', 'responsible'] },
  decide_extension: { from: ['assigned', 'signed', 'in_progress', 'submitted'], by: ['assigner', 'leader'] },
  // Issue #16: 催办 / 督办 by hand while the unit owes the next step; 情况说明 until done; 批示 by a leader over the unit.
  urge: { from: ['assigned', 'signed', 'in_progress'], by: ['assigner', 'leader', 'supervisor'] },
  supervise: { from: ['assigned', 'signed', 'in_progress'], by: ['assigner', 'leader', 'supervisor'] },
  answer_urging: { from: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'], by: ['head', 'responsible'] },
  instruct: { from: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'], by: ['assigner', 'leader'] },
  // Issue #16, the task itself: co-units take their parts; the assigner edits, withdraws before sign-for, removes files before sign-for.
  co_sign: { from: ['assigned', 'signed', 'in_progress'], by: ['coHead'] },
  co_progress: { from: ['assigned', 'signed', 'in_progress'], by: ['coHead'] },
  edit: { from: ['assigned', 'signed', 'in_progress', 'returned'], by: ['assigner'] },
  withdraw: { from: ['assigned', 'returned'], by: ['assigner'] },
  attach: { from: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'], by: ['assigner', 'leader', 'head', 'responsible'] },
  remove_attachment: { from: ['assigned'], by: ['assigner'] },
};

const TO: Partial<Record<TaskAction, TaskStatus>> = {
  sign: 'signed',
  dispatch: 'in_progress',
  progress: 'in_progress',
  submit: 'submitted',
  verify: 'verified',
  reject: 'in_progress',
  close: 'closed',
  return: 'returned',
  reassign: 'assigned',
  withdraw: 'withdrawn',
};

describe('decide: every state × action × actor', () => {
  const cases = TASK_STATUSES.flatMap((status) => (Object.keys(SPEC) as TaskAction[]).flatMap((action) => (Object.keys(WHO) as Who[]).map((who) => [status, action, who] as const)));
  it.each(cases)('%s · %s · %s', (status, action, who) => {
    const d = decide(action, { ...base, status }, WHO[who], policy);
    const spec = SPEC[action];
    if (!spec.from.includes(status)) {
      expect(d).toMatchObject({ ok: false, refusal: { status: 409, code: 'INVALID_TRANSITION' } });
    } else if (!spec.by.includes(who)) {
      expect(d).toMatchObject({ ok: false, refusal: { status: 403, code: 'FORBIDDEN' } });
    } else {
      expect(d).toEqual({ ok: true, to: TO[action] ?? null });
    }
  });

  it('an admin heads every lead unit in scope', () => {
    const admin: ActorFacts = { personId: 9, roles: ['admin'], headsLeadUnit: true, supervises: true, assigns: true, oversees: true };
    expect(decide('sign', base, admin, policy).ok).toBe(true);
  });

  it('the assigner and the overseeing leader act by the standing they hold now, not the part they had', () => {
    const submitted = { ...base, status: 'submitted' as const };
    const demoted = { ...WHO.assigner, roles: ['staff'], assigns: false, oversees: false };
    expect(decide('verify', submitted, WHO.assigner, policy).ok).toBe(true);
    expect(decide('verify', submitted, demoted, policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(decide('verify', submitted, { ...WHO.leader, oversees: false }, policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(decide('reassign', { ...base, status: 'returned' }, demoted, policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(decide('decide_extension', { ...base, pendingExtension: true }, { ...WHO.assigner, assigns: false }, policy)).toMatchObject({ ok: false });
  });
});

describe('extensions', () => {
  const t = { ...base, status: 'in_progress' as const };
  it('allows the policy number, then refuses with EXTENSION_LIMIT', () => {
    expect(decide('request_extension', t, WHO.responsible, policy).ok).toBe(true);
    expect(decide('request_extension', { ...t, extensionsUsed: 1 }, WHO.responsible, policy)).toMatchObject({ ok: false, refusal: { code: 'EXTENSION_LIMIT', status: 409 } });
    const two = { ...policy, tasks: { ...policy.tasks, maxExtensions: 2 } };
    expect(decide('request_extension', { ...t, extensionsUsed: 1 }, WHO.responsible, two).ok).toBe(true);
  });
  it('refuses a second request while one is pending', () => {
    expect(decide('request_extension', { ...t, pendingExtension: true }, WHO.responsible, policy)).toMatchObject({ ok: false, refusal: { code: 'EXTENSION_PENDING' } });
  });
  it('offers the decision only while a request is pending', () => {
    expect(allowedActions(t, WHO.assigner, policy)).not.toContain('decide_extension');
    expect(allowedActions({ ...t, pendingExtension: true }, WHO.assigner, policy)).toContain('decide_extension');
  });
  it('takes each co-unit once and never the lead unit itself', () => {
    const lead = { id: 10, name: '住建局' };
    expect(checkCoUnits(lead, [])).toBeNull();
    expect(checkCoUnits(lead, [20, 21])).toBeNull();
    expect(checkCoUnits(lead, [20, 10])).toMatch(/^主办单位「住建局」不能同时是协办单位.*: 10$/);
    expect(checkCoUnits(lead, [20, 21, 20, 21, 20])).toMatch(/^协办单位重复.*: 20, 21$/);
  });
  it('needs a later deadline that is not in the past', () => {
    expect(checkDeadline('2026-10-20', '2026-10-01', '2026-10-16')).toBeNull();
    expect(checkDeadline('2026-10-16', '2026-10-01', '2026-10-16')).toMatch(/later/);
    expect(checkDeadline('2026-09-01', '2026-10-01')).toMatch(/past/);
  });
  it('needs a milestone due by the deadline and not in the past, unless brought from an old ledger', () => {
    const m = (due: string) => ({ title: '方案', due });
    expect(checkMilestoneDue(m('2026-10-01'), '2026-10-20', '2026-10-01')).toBeNull();
    expect(checkMilestoneDue(m('2026-10-20'), '2026-10-20', '2026-10-01')).toBeNull();
    expect(checkMilestoneDue(m('2026-10-21'), '2026-10-20', '2026-10-01')).toMatch(/after the task/);
    expect(checkMilestoneDue(m('2026-09-30'), '2026-10-20', '2026-10-01')).toMatch(/in the past/);
    expect(checkMilestoneDue(m('2026-09-30'), '2026-10-20', null)).toBeNull();
    expect(checkMilestoneDue(m('2026-10-21'), '2026-10-20', null)).toMatch(/after the task/);
  });
});

describe('lightOf', () => {
  const inProgress = { ...base, status: 'in_progress' as const };
  it.each([
    ['done when verified', { ...base, status: 'verified' as const }, '2026-12-01', 'done', [], 0],
    ['done when closed', { ...base, status: 'closed' as const }, '2026-12-01', 'done', [], 0],
    ['green well before the deadline', inProgress, '2026-10-09', 'green', [], 0],
    ['yellow within 3 工作日', inProgress, '2026-10-13', 'yellow', ['deadline_near'], 0],
    ['yellow on the deadline day', inProgress, '2026-10-16', 'yellow', ['deadline_near'], 0],
    ['red the day after, 0 工作日 on a Saturday', inProgress, '2026-10-17', 'red', ['overdue'], 0],
    ['red and 1 工作日 overdue on Monday', inProgress, '2026-10-19', 'red', ['overdue'], 1],
    ['yellow when the sign-for is late', { ...base }, '2026-09-23', 'yellow', ['sign_overdue'], 0],
    ['yellow when a report is late', { ...inProgress, nextReportDue: '2026-09-28' }, '2026-09-29', 'yellow', ['report_overdue'], 0],
    ['yellow when a milestone is late', { ...inProgress, nextMilestoneDue: '2026-09-28' }, '2026-09-29', 'yellow', ['milestone_overdue'], 0],
    ['yellow when the plan is late', { ...inProgress, level: 'major' as const, planDue: '2026-09-28' }, '2026-09-29', 'yellow', ['plan_overdue'], 0],
    ['not yellow when the plan was made', { ...inProgress, level: 'major' as const, planDue: '2026-09-28', planAt: new Date() }, '2026-09-29', 'green', [], 0],
    ['green when submitted on time, however long verification takes', { ...base, status: 'submitted' as const, submittedOn: '2026-10-15' }, '2026-11-30', 'green', [], 0],
    ['red when submitted late, counted to the submission', { ...base, status: 'submitted' as const, submittedOn: '2026-10-20' }, '2026-11-30', 'red', ['overdue'], 2],
  ] as const)('%s', (_name, task, today, light, reasons, overdue) => {
    expect(lightOf(task as TaskFacts, today, cal, policy)).toEqual({ light, reasons, overdueWorkdays: overdue });
  });
});

describe('dueEscalations', () => {
  it.each([
    [0, [], []],
    [1, [], ['remind']],
    [3, ['remind'], ['urge']],
    [5, [], ['remind', 'urge', 'supervise']],
    [10, ['remind', 'urge', 'supervise'], ['notice']],
    [25, ['remind', 'urge', 'supervise', 'notice', 'accountability'], []],
  ] as const)('%i 工作日 overdue, had %j → %j', (overdue, had, expected) => {
    expect(dueEscalations(overdue, had, policy)).toEqual(expected);
  });
  it('follows the policy', () => {
    const strict = { ...policy, tasks: { ...policy.tasks, escalation: { remind: 0, urge: 1, supervise: 2, notice: 3, accountability: 4 } } };
    expect(dueEscalations(2, [], strict)).toEqual(['remind', 'urge', 'supervise']);
  });
});

describe('scheduleFor', () => {
  it('sign-for in 1 工作日; a plan for 重大 within 10 日; reports weekly or monthly', () => {
    expect(scheduleFor('normal', '2026-09-30', '2026-12-31', cal, policy)).toEqual({ signDue: '2026-10-08', planDue: null, nextReportDue: '2026-10-30' });
    expect(scheduleFor('major', '2026-09-21', '2026-12-31', cal, policy)).toEqual({ signDue: '2026-09-22', planDue: '2026-10-01', nextReportDue: '2026-09-28' });
  });
  it('puts no derived date after the deadline (issue #16: due today, due in a few days)', () => {
    // Due the day it is assigned (0 工作日): sign for, plan and report that day.
    expect(scheduleFor('major', '2026-09-21', '2026-09-21', cal, policy)).toEqual({ signDue: '2026-09-21', planDue: '2026-09-21', nextReportDue: '2026-09-21' });
    // Due in 3 days: the plan (10 日) and the weekly report come by the deadline; the sign-for is earlier still.
    expect(scheduleFor('major', '2026-09-21', '2026-09-24', cal, policy)).toEqual({ signDue: '2026-09-22', planDue: '2026-09-24', nextReportDue: '2026-09-24' });
    // Across the National Day holiday: the sign-for (1 工作日 → 10-08) is pulled back to a deadline of 10-05.
    expect(scheduleFor('normal', '2026-09-30', '2026-10-05', cal, policy).signDue).toBe('2026-10-05');
    // The deadline exactly on a derived date leaves it alone.
    expect(scheduleFor('major', '2026-09-21', '2026-09-28', cal, policy).nextReportDue).toBe('2026-09-28');
  });
  it('reports run on their cadence up to the deadline, then on past it for a late task', () => {
    expect(nextReportDue('key', '2026-11-02', '2026-11-04', policy)).toBe('2026-11-04');
    expect(nextReportDue('key', '2026-11-02', '2026-12-31', policy)).toBe('2026-11-09');
    expect(nextReportDue('key', '2026-11-04', '2026-11-04', policy)).toBe('2026-11-11');
    expect(nextReportDue('key', '2026-11-10', '2026-11-04', policy)).toBe('2026-11-17');
  });
});

describe('催办 / 督办 by hand, 情况说明, 批示 (issue #16)', () => {
  const open = { ...base, status: 'in_progress' as const };
  it('raises to 督办 below that rung, and refuses with 409 at or above it', () => {
    for (const rung of [0, 1, 2]) expect(decide('supervise', { ...open, escalationRung: rung }, WHO.supervisor, policy).ok).toBe(true);
    for (const rung of [3, 4, 5]) expect(decide('supervise', { ...open, escalationRung: rung }, WHO.supervisor, policy)).toMatchObject({ ok: false, refusal: { status: 409, code: 'INVALID_TRANSITION' } });
  });
  it('urges again and again, whatever the rung', () => {
    for (const rung of [0, 2, 3, 5]) expect(decide('urge', { ...open, escalationRung: rung }, WHO.assigner, policy).ok).toBe(true);
  });
  it('answers only while an urging waits: 409 NOTHING_TO_ANSWER, and no button', () => {
    expect(decide('answer_urging', { ...open, openUrgings: 0 }, WHO.head, policy)).toMatchObject({ ok: false, refusal: { status: 409, code: 'NOTHING_TO_ANSWER' } });
    expect(allowedActions({ ...open, openUrgings: 0 }, WHO.head, policy)).not.toContain('answer_urging');
    expect(allowedActions({ ...open, openUrgings: 2 }, WHO.responsible, policy)).toContain('answer_urging');
  });
  it('a staff member or another unit head neither urges, answers nor instructs (403)', () => {
    for (const who of ['staff', 'otherHead'] as const) for (const a of ['urge', 'supervise', 'answer_urging', 'instruct'] as const) expect(decide(a, open, WHO[who], policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
  });
  it('the assigner and leader act by the standing they hold now', () => {
    expect(decide('urge', open, { ...WHO.assigner, assigns: false, oversees: false }, policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(decide('instruct', open, { ...WHO.leader, oversees: false }, policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
    const admin: ActorFacts = { personId: 9, roles: ['admin'], headsLeadUnit: true, supervises: true, assigns: true, oversees: true };
    expect(allowedActions(open, admin, policy)).toEqual(expect.arrayContaining(['urge', 'supervise', 'instruct', 'answer_urging']));
  });
  it('the supervisor sees 催办 and 升级督办 on a red task (the issue’s "暂无可办理的操作")', () => {
    expect(allowedActions({ ...open, openUrgings: 0 }, WHO.supervisor, policy)).toEqual(['urge', 'supervise']);
  });
});

describe('the ladder with rungs raised by hand', () => {
  const deadline = '2026-10-16';
  it('a task raised to 督办 by hand is not reminded or urged by the scan, and its next rung is 通报', () => {
    expect(dueEscalations(7, ['supervise'], policy, 3)).toEqual([]);
    expect(dueEscalations(10, ['supervise'], policy, 3)).toEqual(['notice']);
    expect(ladderState(['supervise'], 3, deadline, cal, policy)).toEqual({ rung: 3, nextOn: cal.addWorkdays(deadline, 10).date });
  });
  it('a 催办 by hand before the deadline: the scan next needs the task on the 督办 day', () => {
    expect(ladderState(['urge'], 0, deadline, cal, policy)).toEqual({ rung: 2, nextOn: cal.addWorkdays(deadline, 5).date });
    expect(dueEscalations(3, ['urge'], policy, 2)).toEqual([]);
    expect(dueEscalations(5, ['urge'], policy, 2)).toEqual(['supervise']);
  });
  it('the scan alone: the same as before (each missed rung once, in order)', () => {
    expect(dueEscalations(5, [], policy, 0)).toEqual(['remind', 'urge', 'supervise']);
    expect(ladderState(['remind', 'urge', 'supervise'], 0, deadline, cal, policy)).toEqual({ rung: 3, nextOn: cal.addWorkdays(deadline, 10).date });
    expect(ladderState(['remind', 'urge', 'supervise', 'notice', 'accountability'], 5, deadline, cal, policy)).toEqual({ rung: 5, nextOn: null });
  });
  it('a reply deadline: a date not in the past, or 工作日 from today', () => {
    expect(replyDueOf('2026-10-01', '2026-10-01', cal)).toEqual({ ok: true, date: '2026-10-01' });
    expect(replyDueOf('2026-09-30', '2026-10-01', cal)).toMatchObject({ ok: false });
    expect(replyDueOf({ workdays: 3 }, '2026-10-09', cal)).toEqual({ ok: true, date: cal.addWorkdays('2026-10-09', 3).date });
  });
  it('an answer is late after the reply day; an unanswered urging is overdue from the day after', () => {
    expect(urgingOverdue({ replyDue: '2026-10-10', answeredOn: '2026-10-10' }, '2026-10-20')).toBe(false);
    expect(urgingOverdue({ replyDue: '2026-10-10', answeredOn: '2026-10-11' }, '2026-10-11')).toBe(true);
    expect(urgingOverdue({ replyDue: '2026-10-10', answeredOn: null }, '2026-10-10')).toBe(false);
    expect(urgingOverdue({ replyDue: '2026-10-10', answeredOn: null }, '2026-10-11')).toBe(true);
  });
});

describe('co-units (协办): pickCoPart', () => {
  const parts = [
    { unitId: 20, signed: false },
    { unitId: 21, signed: true },
  ];
  it('signs for the part not yet signed, reports on the signed one', () => {
    expect(pickCoPart('co_sign', parts, [20, 21])).toEqual({ ok: true, unitId: 20 });
    expect(pickCoPart('co_progress', parts, [20, 21])).toEqual({ ok: true, unitId: 21 });
  });
  it('takes the part named, and only one the actor heads', () => {
    expect(pickCoPart('co_sign', parts, [20], 20)).toEqual({ ok: true, unitId: 20 });
    expect(pickCoPart('co_sign', parts, [21], 20)).toMatchObject({ ok: false, refusal: { status: 403, code: 'FORBIDDEN' } });
    expect(pickCoPart('co_progress', parts, [20, 21], 99)).toMatchObject({ ok: false, refusal: { status: 403 } });
  });
  it('refuses a second sign-for (409) and a report before sign-for (409)', () => {
    expect(pickCoPart('co_sign', parts, [21])).toMatchObject({ ok: false, refusal: { status: 409, code: 'TASK_CO_PART_SIGNED' } });
    expect(pickCoPart('co_progress', parts, [20])).toMatchObject({ ok: false, refusal: { status: 409, code: 'TASK_CO_PART_NOT_SIGNED' } });
    expect(decide('co_progress', { ...base, status: 'signed', coParts: [{ unitId: 20, signed: false }] }, WHO.coHead, policy)).toMatchObject({ ok: false, refusal: { code: 'TASK_CO_PART_NOT_SIGNED' } });
  });
  it('refuses a person who heads no co-unit (403), and a task with no co-units', () => {
    expect(pickCoPart('co_sign', parts, [])).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(decide('co_sign', { ...base, coParts: [] }, { ...WHO.coHead, coUnitsHeaded: [] }, policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
  });
  it('a co-unit head cannot apply for completion, report for the lead unit, sign for it or return it', () => {
    const t = { ...base, status: 'in_progress' as const };
    for (const a of ['submit', 'progress', 'request_extension', 'plan'] as const) expect(decide(a, t, WHO.coHead, policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(decide('sign', base, WHO.coHead, policy)).toMatchObject({ ok: false, refusal: { status: 403 } });
    expect(allowedActions(t, WHO.coHead, policy)).toEqual(['co_sign', 'co_progress']);
  });
});

describe('editing after 交办 (checkEdit) and withdrawing', () => {
  const t = { status: 'assigned' as const, deadline: '2026-10-16', leadUnitId: 10 };
  it('before sign-for anything may change', () => {
    expect(checkEdit(t, { deadline: '2026-11-02', leadUnitId: 11, title: 'x' })).toBeNull();
  });
  it.each(['signed', 'in_progress', 'returned'] as const)('after sign-for (%s) the deadline goes through 延期: 409 naming it', (status) => {
    expect(checkEdit({ ...t, status }, { deadline: '2026-11-02' })).toMatchObject({ status: 409, code: 'TASK_EDIT_NEEDS_FLOW', message: expect.stringContaining('延期') });
  });
  it('after sign-for the lead unit goes through 退回 → 重新交办: 409 naming it', () => {
    expect(checkEdit({ ...t, status: 'signed' }, { leadUnitId: 11 })).toMatchObject({ status: 409, message: expect.stringContaining('退回后重新交办') });
    expect(checkEdit({ ...t, status: 'returned' }, { leadUnitId: 11 })).toMatchObject({ status: 409, message: expect.stringContaining('重新交办') });
  });
  it('after sign-for the wording may change, and the same deadline or lead unit is no change', () => {
    expect(checkEdit({ ...t, status: 'in_progress' }, { title: '新标题', description: 'x', standard: 'y', assessment: 'z' })).toBeNull();
    expect(checkEdit({ ...t, status: 'in_progress' }, { deadline: t.deadline, leadUnitId: 10 })).toBeNull();
  });
  it('withdrawing after sign-for is refused with the flows to use instead', () => {
    expect(decide('withdraw', { ...base, status: 'signed' }, WHO.assigner, policy)).toMatchObject({ ok: false, refusal: { status: 409, message: expect.stringContaining('延期申请') } });
    expect(decide('withdraw', base, WHO.assigner, policy)).toEqual({ ok: true, to: 'withdrawn' });
  });
  it('a withdrawn task is not measured and allows nothing', () => {
    const w = { ...base, status: 'withdrawn' as const, deadline: '2026-01-05' };
    expect(lightOf(w, '2026-03-02', cal, policy)).toEqual({ light: 'done', reasons: [], overdueWorkdays: 0 });
    expect(allowedActions(w, WHO.assigner, policy)).toEqual([]);
  });
});
