import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../platform/policy.ts';
import {
  attendeeOverlap,
  checkMeeting,
  concludeGaps,
  dice,
  MEETING_ACTIONS,
  MEETING_STATUSES,
  meetingStats,
  meetingYear,
  overrun,
  taskOutcome,
  nextStatus,
  OVERRIDE_REASON_MIN_CHARS,
  plannedMinutes,
  planOutcome,
  topicBigrams,
  topicSimilarity,
  yearlyAllowance,
  type AgendaPlan,
  type Finding,
  type MeetingAction,
  type MeetingCounts,
  type MeetingKind,
  type MeetingPlan,
  type MeetingRules,
  type MeetingStatus,
} from './rules.ts';

const rules: MeetingRules = defaultPolicy.meetings;
const at = (iso: string) => new Date(iso);
const NO_COUNTS: MeetingCounts = { organizerComprehensive: 0, regionThisYear: 0, regionLastYear: 0, nearby: [] };

/** A plan from 09:00 lasting `minutes`, with a main speech of 30 and two other speeches of 10. */
function plan(o: Partial<MeetingPlan> & { minutes?: number } = {}): MeetingPlan {
  const { minutes = 120, ...rest } = o;
  const startsAt = rest.startsAt ?? at('2026-12-10T09:00:00+08:00');
  return {
    title: '全县安全生产工作会议',
    kind: 'topic',
    scope: 'internal',
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    attendingUnitIds: [2, 3],
    organizerUnitId: 1,
    agenda: [
      { role: 'main', minutes: 30, speaker: '县长' },
      { role: 'other', minutes: 10 },
      { role: 'other', minutes: 10 },
    ],
    ...rest,
  };
}
const rulesOf = (f: Finding[]) => f.map((x) => x.rule);

describe('total length (ordinaryMeetingMaxMinutes, block)', () => {
  it.each([
    [239, false],
    [240, false],
    [241, true],
  ])('a %i-minute slot: finding %s', (minutes, found) => {
    const f = checkMeeting(plan({ minutes }), NO_COUNTS, rules);
    expect(rulesOf(f).includes('total_length')).toBe(found);
    if (found) expect(f[0]).toMatchObject({ rule: 'total_length', severity: 'block', limit: 240, actual: 241 });
  });
  it('counts the agenda when it adds up to more than the slot', () => {
    const agenda: AgendaPlan[] = [{ role: 'main', minutes: 60 }, ...Array.from({ length: 19 }, () => ({ role: 'other' as const, minutes: 10 }))];
    expect(plannedMinutes(plan({ minutes: 120, agenda }))).toBe(250);
    const f = checkMeeting(plan({ minutes: 120, agenda }), NO_COUNTS, rules);
    expect(f.find((x) => x.rule === 'total_length')).toMatchObject({ actual: 250, limit: 240 });
    expect(f.find((x) => x.rule === 'total_length')!.message).toContain('议程合计 250 分钟');
  });
  it('follows a region’s override of the limit', () => {
    expect(rulesOf(checkMeeting(plan({ minutes: 150 }), NO_COUNTS, { ...rules, ordinaryMeetingMaxMinutes: 120 }))).toContain('total_length');
    expect(rulesOf(checkMeeting(plan({ minutes: 150 }), NO_COUNTS, rules))).not.toContain('total_length');
  });
  it('applies to every kind', () => {
    for (const kind of ['comprehensive', 'standing', 'topic', 'department', 'video'] as const) {
      expect(rulesOf(checkMeeting(plan({ kind, minutes: 300 }), NO_COUNTS, { ...rules, comprehensiveMeetingsPerYear: 5 }))).toContain('total_length');
    }
  });
});

describe('speeches (mainSpeechMaxMinutes block, otherSpeechMaxMinutes warn)', () => {
  it.each([
    ['main', 59, null],
    ['main', 60, null],
    ['main', 61, 'block'],
    ['other', 9, null],
    ['other', 10, null],
    ['other', 11, 'warn'],
  ] as const)('a %s speech of %i minutes: %s', (role, minutes, severity) => {
    const f = checkMeeting(plan({ agenda: [{ role, minutes, speaker: '张三' }] }), NO_COUNTS, rules);
    const rule = role === 'main' ? 'main_speech_length' : 'other_speech_length';
    const hit = f.find((x) => x.rule === rule);
    if (!severity) expect(hit).toBeUndefined();
    else {
      expect(hit).toMatchObject({ severity, limit: role === 'main' ? 60 : 10, actual: minutes, item: 0 });
      expect(hit!.message).toContain('张三');
      expect(hit!.suggestion).toContain(String(role === 'main' ? 60 : 10));
    }
  });
  it('names each speech over its limit, by position', () => {
    const f = checkMeeting(plan({ agenda: [{ role: 'other', minutes: 5 }, { role: 'other', minutes: 15 }, { role: 'other', minutes: 12 }] }), NO_COUNTS, rules);
    expect(f.filter((x) => x.rule === 'other_speech_length').map((x) => x.item)).toEqual([1, 2]);
  });
  it('follows overrides', () => {
    const r = { ...rules, mainSpeechMaxMinutes: 30, otherSpeechMaxMinutes: 5 };
    expect(rulesOf(checkMeeting(plan(), NO_COUNTS, r))).toEqual(['other_speech_length', 'other_speech_length']);
    expect(rulesOf(checkMeeting(plan({ agenda: [{ role: 'main', minutes: 31 }] }), NO_COUNTS, r))).toEqual(['main_speech_length']);
  });
});

describe('main speeches per meeting (mainSpeechesPerMeeting, block)', () => {
  const mains = (n: number): AgendaPlan[] => Array.from({ length: n }, () => ({ role: 'main', minutes: 20 }));
  it.each([
    [0, false],
    [1, false],
    [2, true],
  ])('%i main speeches: finding %s', (n, found) => {
    const f = checkMeeting(plan({ agenda: mains(n) }), NO_COUNTS, rules);
    expect(rulesOf(f).includes('main_speech_count')).toBe(found);
    if (found) expect(f.find((x) => x.rule === 'main_speech_count')).toMatchObject({ severity: 'block', limit: 1, actual: 2 });
  });
  it('follows an override allowing two', () => {
    expect(rulesOf(checkMeeting(plan({ agenda: mains(2) }), NO_COUNTS, { ...rules, mainSpeechesPerMeeting: 2 }))).toEqual([]);
    expect(rulesOf(checkMeeting(plan({ agenda: mains(3) }), NO_COUNTS, { ...rules, mainSpeechesPerMeeting: 2 }))).toEqual(['main_speech_count']);
  });
});

describe('comprehensive meetings per year (comprehensiveMeetingsPerYear, block)', () => {
  it.each([
    [0, false],
    [1, true],
    [2, true],
  ])('with %i already this year: finding %s', (already, found) => {
    const f = checkMeeting(plan({ kind: 'comprehensive' }), { ...NO_COUNTS, organizerComprehensive: already }, rules);
    expect(rulesOf(f).includes('comprehensive_quota')).toBe(found);
    if (found) expect(f.find((x) => x.rule === 'comprehensive_quota')).toMatchObject({ severity: 'block', limit: 1, actual: already + 1 });
  });
  it('at, below and above an override of 3', () => {
    const r = { ...rules, comprehensiveMeetingsPerYear: 3 };
    expect(rulesOf(checkMeeting(plan({ kind: 'comprehensive' }), { ...NO_COUNTS, organizerComprehensive: 1 }, r))).toEqual([]);
    expect(rulesOf(checkMeeting(plan({ kind: 'comprehensive' }), { ...NO_COUNTS, organizerComprehensive: 2 }, r))).toEqual([]);
    expect(rulesOf(checkMeeting(plan({ kind: 'comprehensive' }), { ...NO_COUNTS, organizerComprehensive: 3 }, r))).toEqual(['comprehensive_quota']);
  });
  it('a quota of 0 blocks every comprehensive meeting', () => {
    expect(rulesOf(checkMeeting(plan({ kind: 'comprehensive' }), NO_COUNTS, { ...rules, comprehensiveMeetingsPerYear: 0 }))).toEqual(['comprehensive_quota']);
  });
  it('other kinds do not count against it', () => {
    for (const kind of ['standing', 'topic', 'department', 'video'] as const) {
      expect(rulesOf(checkMeeting(plan({ kind }), { ...NO_COUNTS, organizerComprehensive: 5 }, rules))).toEqual([]);
    }
  });
});

describe('the region’s meetings this year vs last year (yearlyReductionPercent, block)', () => {
  const region = (thisYear: number, lastYear: number) => ({ ...NO_COUNTS, regionThisYear: thisYear, regionLastYear: lastYear });
  it.each([
    [8, 10, 0, false],
    [9, 10, 0, false],
    [10, 10, 0, true],
    [7, 10, 20, false],
    [8, 10, 20, true],
  ])('%i already, %i last year, %i%% less: finding %s', (thisYear, lastYear, pct, found) => {
    const f = checkMeeting(plan({ scope: 'region' }), region(thisYear, lastYear), { ...rules, yearlyReductionPercent: pct });
    expect(rulesOf(f).includes('yearly_count')).toBe(found);
    if (found) expect(f.find((x) => x.rule === 'yearly_count')).toMatchObject({ severity: 'block', limit: yearlyAllowance(lastYear, pct), actual: thisYear + 1 });
  });
  it('no baseline (none last year): no finding', () => {
    expect(rulesOf(checkMeeting(plan({ scope: 'region' }), region(30, 0), rules))).toEqual([]);
  });
  it('internal meetings are not counted', () => {
    expect(rulesOf(checkMeeting(plan({ scope: 'internal' }), region(30, 10), rules))).toEqual([]);
  });
  it('the allowance rounds down', () => {
    expect(yearlyAllowance(10, 0)).toBe(10);
    expect(yearlyAllowance(10, 15)).toBe(8);
    expect(yearlyAllowance(10, 10)).toBe(9);
    expect(yearlyAllowance(3, 100)).toBe(0);
  });
});

describe('merge suggestion (mergeWindowDays, warn)', () => {
  const other = (o: Partial<MeetingCounts['nearby'][number]> = {}) => ({
    id: 7,
    title: '安全生产大检查部署会',
    startsAt: at('2026-12-03T09:00:00+08:00'),
    organizerUnitId: 1,
    attendingUnitIds: [2, 3],
    topics: [],
    ...o,
  });
  const merge = (o: Partial<MeetingCounts['nearby'][number]>, p: Partial<MeetingPlan> = {}, r = rules) =>
    checkMeeting(plan({ title: '全县安全生产检查推进会', ...p }), { ...NO_COUNTS, nearby: [other(o)] }, r).filter((f) => f.rule === 'merge');

  it('suggests merging with a similar meeting a week apart, naming it', () => {
    const [f] = merge({});
    expect(f).toMatchObject({ severity: 'warn', limit: 14, actual: 7, meetingId: 7 });
    expect(f!.suggestion).toContain('安全生产大检查部署会');
  });
  it.each([
    [13, true],
    [14, true],
    [15, false],
  ])('%i days apart: finding %s', (days, found) => {
    const startsAt = new Date(at('2026-12-10T09:00:00+08:00').getTime() - days * 86_400_000);
    expect(merge({ startsAt }).length > 0).toBe(found);
  });
  it('follows an override of the window', () => {
    expect(merge({}, {}, { ...rules, mergeWindowDays: 5 })).toEqual([]);
  });
  it('not when the topics differ', () => {
    expect(merge({ title: '义务教育学校校舍安全排查会' })).toEqual([]);
  });
  it('not when the attendees do not overlap', () => {
    expect(merge({ organizerUnitId: 8, attendingUnitIds: [9, 10] })).toEqual([]);
  });
  it('not the meeting itself (a re-check)', () => {
    expect(merge({}, { id: 7 })).toEqual([]);
  });
  it('the agenda’s topics count with the title', () => {
    const p = { title: '第三季度会议', agenda: [{ role: 'main' as const, minutes: 30, topic: '森林防火隐患排查' }] };
    expect(merge({ title: '森林防火工作会议' }, p)).toHaveLength(1);
  });
});

describe('similarity measures', () => {
  it('leaves out generic words, digits and punctuation', () => {
    expect([...topicBigrams('全县第3次工作会议')]).toEqual([]);
    expect([...topicBigrams('全县安全生产工作会议')].sort()).toEqual(['全生', '安全', '生产'].sort());
  });
  it('Dice of bigram sets', () => {
    expect(dice(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5);
    expect(dice(new Set(), new Set(['a']))).toBe(0);
    expect(topicSimilarity({ title: '安全生产大检查部署', topics: [] }, { title: '安全生产检查推进', topics: [] })).toBeCloseTo(8 / 11);
    expect(topicSimilarity({ title: '安全生产', topics: [] }, { title: '义务教育', topics: [] })).toBe(0);
  });
  it('attendee overlap over the smaller set, organiser included', () => {
    expect(attendeeOverlap({ organizerUnitId: 1, attendingUnitIds: [2] }, { organizerUnitId: 3, attendingUnitIds: [1, 4, 5] })).toBe(0.5);
    expect(attendeeOverlap({ organizerUnitId: 1, attendingUnitIds: [] }, { organizerUnitId: 2, attendingUnitIds: [] })).toBe(0);
  });
  it('the year in Asia/Shanghai', () => {
    expect(meetingYear(at('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(meetingYear(at('2026-12-31T15:00:00Z'))).toBe(2026);
  });
});

describe('a plan’s outcome', () => {
  const blocked = checkMeeting(plan({ minutes: 300 }), NO_COUNTS, rules);
  const warned = checkMeeting(plan({ agenda: [{ role: 'other', minutes: 12 }] }), NO_COUNTS, rules);
  it('planned when nothing blocks (warnings or not, reason or not)', () => {
    expect(planOutcome([], undefined)).toEqual({ ok: true, status: 'planned' });
    expect(planOutcome(warned, undefined)).toEqual({ ok: true, status: 'planned' });
    expect(planOutcome(warned, '理由理由理由理由理由理由理由理由')).toEqual({ ok: true, status: 'planned' });
  });
  it('refused with the findings when something blocks and there is no reason', () => {
    for (const reason of [undefined, null, '', '   ']) {
      const o = planOutcome(blocked, reason);
      expect(o).toMatchObject({ ok: false, code: 'MEETING_RULE_BLOCKED' });
      expect((o as { findings: Finding[] }).findings).toBe(blocked);
    }
  });
  it('a reason below, at and above the minimum length', () => {
    expect(planOutcome(blocked, '理'.repeat(OVERRIDE_REASON_MIN_CHARS - 1))).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(planOutcome(blocked, '理'.repeat(OVERRIDE_REASON_MIN_CHARS))).toEqual({ ok: true, status: 'pending_approval' });
    expect(planOutcome(blocked, `  ${'理'.repeat(OVERRIDE_REASON_MIN_CHARS + 5)}  `)).toEqual({ ok: true, status: 'pending_approval' });
  });
});

describe('lifecycle', () => {
  const SPEC: Record<MeetingAction, Partial<Record<MeetingStatus, MeetingStatus>>> = {
    update: { pending_approval: 'planned', planned: 'planned' },
    approve: { pending_approval: 'planned' },
    refuse: { pending_approval: 'refused' },
    record_actual: { planned: 'held', held: 'held' },
    edit_decisions: { pending_approval: 'pending_approval', planned: 'planned', held: 'held' },
    conclude: { planned: 'concluded', held: 'concluded' },
    cancel: { pending_approval: 'cancelled', planned: 'cancelled' },
  };
  for (const action of MEETING_ACTIONS) {
    for (const status of MEETING_STATUSES) {
      const to = SPEC[action][status];
      it(`${action} from ${status}: ${to ?? 'refused'}`, () => {
        const t = nextStatus(status, action);
        if (to) expect(t).toEqual({ ok: true, to });
        else {
          expect(t.ok).toBe(false);
          expect((t as { message: string }).message).toMatch(/不能/);
        }
      });
    }
  }
  it('an update that blocks again waits for approval', () => {
    expect(nextStatus('planned', 'update', 'pending_approval')).toEqual({ ok: true, to: 'pending_approval' });
  });
});

describe('conclude: one-time arrangement (一次布置到位)', () => {
  const full = { id: 1, text: '开展安全生产大检查', leadUnitId: 5, responsibleId: 9, deadline: '2026-12-31', deadlineWorkdays: null };
  it('complete decisions conclude', () => {
    expect(concludeGaps([full, { ...full, id: 2, deadline: null, deadlineWorkdays: 10 }])).toBeNull();
  });
  it('no decision: refused', () => {
    expect(concludeGaps([])!.message).toMatch(/没有议定事项/);
  });
  it('names each decision and what it lacks', () => {
    const g = concludeGaps([full, { ...full, id: 2, leadUnitId: null }, { ...full, id: 3, responsibleId: null, deadline: null }])!;
    expect(g.gaps).toEqual([
      { decisionId: 2, text: full.text, missing: ['leadUnit'] },
      { decisionId: 3, text: full.text, missing: ['responsible', 'deadline'] },
    ]);
    expect(g.message).toContain('缺牵头单位');
    expect(g.message).toContain('缺责任人、完成时限');
  });
});

describe('every finding carries the rule, a zh-CN message, the number in force and a suggestion', () => {
  it('on a plan that breaks every rule at once', () => {
    const p = plan({ kind: 'comprehensive', scope: 'region', minutes: 300, agenda: [{ role: 'main', minutes: 70 }, { role: 'main', minutes: 20 }, { role: 'other', minutes: 12 }] });
    const f = checkMeeting(p, { organizerComprehensive: 1, regionThisYear: 10, regionLastYear: 10, nearby: [{ id: 3, title: '安全生产会', startsAt: p.startsAt, organizerUnitId: 1, attendingUnitIds: [2], topics: [] }] }, rules);
    expect(rulesOf(f)).toEqual(['total_length', 'main_speech_length', 'other_speech_length', 'main_speech_count', 'comprehensive_quota', 'yearly_count', 'merge']);
    for (const x of f) {
      expect(x.message).toMatch(/[\u4e00-\u9fff]/);
      expect(x.limit).toBeTypeOf('number');
      expect(x.actual).toBeTypeOf('number');
      expect(x.suggestion).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('statistics', () => {
  it('a decision’s task: on time, late or pending', () => {
    const t = { deadline: '2026-12-10', light: 'green' };
    expect(taskOutcome({ ...t, status: 'verified', submittedOn: '2026-12-10' })).toBe('on_time');
    expect(taskOutcome({ ...t, status: 'closed', submittedOn: '2026-12-09' })).toBe('on_time');
    expect(taskOutcome({ ...t, status: 'verified', submittedOn: '2026-12-11' })).toBe('late');
    expect(taskOutcome({ ...t, status: 'verified', submittedOn: null })).toBe('late');
    expect(taskOutcome({ ...t, status: 'in_progress', submittedOn: null })).toBe('pending');
    expect(taskOutcome({ ...t, status: 'submitted', submittedOn: '2026-12-01' })).toBe('pending');
    expect(taskOutcome({ ...t, status: 'signed', submittedOn: null, light: 'red' })).toBe('late');
  });
  it('counts by kind, averages over timed meetings, shares', () => {
    const row = (kind: MeetingKind, year: number, slotMinutes: number, timedPlanned: number | null = null, timedActual: number | null = null) => ({ kind, year, slotMinutes, timedPlanned, timedActual });
    const s = meetingStats(2026, [row('topic', 2026, 60, 40, 50), row('topic', 2026, 120), row('video', 2025, 30), row('standing', 2026, 90, 30, 25)], { total: 3, withTask: 2 }, ['on_time', 'late', 'pending', 'on_time']);
    expect(s.total).toEqual({ thisYear: 3, lastYear: 1 });
    expect(s.byKind.find((k) => k.kind === 'topic')).toEqual({ kind: 'topic', thisYear: 2, lastYear: 0 });
    expect(s.byKind.find((k) => k.kind === 'video')).toEqual({ kind: 'video', thisYear: 0, lastYear: 1 });
    expect(s.length).toEqual({ meetings: 3, averageSlotMinutes: 90, timedMeetings: 2, averagePlannedMinutes: 35, averageActualMinutes: 37.5 });
    expect(s.decisions).toEqual({ total: 3, withTask: 2, shareWithTask: 0.667 });
    expect(s.tasks).toEqual({ total: 4, onTime: 2, late: 1, pending: 1, shareOnTime: 0.667 });
  });
  it('nothing to count: nulls, not NaN', () => {
    const s = meetingStats(2026, [], { total: 0, withTask: 0 }, []);
    expect(s.length).toEqual({ meetings: 0, averageSlotMinutes: null, timedMeetings: 0, averagePlannedMinutes: null, averageActualMinutes: null });
    expect(s.decisions.shareWithTask).toBeNull();
    expect(s.tasks.shareOnTime).toBeNull();
  });
});

describe('speech overrun', () => {
  it('minutes over the plan; 0 within it or untimed', () => {
    expect(overrun(10, 12)).toBe(2);
    expect(overrun(10, 10)).toBe(0);
    expect(overrun(10, 3)).toBe(0);
    expect(overrun(10, null)).toBe(0);
  });
});
