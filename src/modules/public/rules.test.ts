import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../platform/calendar/calendar.ts';
import { defaultPolicy, type Policy } from '../../platform/policy.ts';
import {
  acknowledgeDue,
  afterRating,
  checkAction,
  checkExtension,
  checkRating,
  checkReturn,
  dedupeKey,
  effectiveRating,
  isTrackingCode,
  lastOfMonth,
  lastTwoMonthsRunning,
  maskName,
  maskPhone,
  monthRange,
  normalizeCode,
  previousTwoMonths,
  rectifyDue,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  resolveWorkdaysOf,
  returnUntil,
  trackingCode,
  type RequestAction,
  type RequestStatus,
} from './rules.ts';

// A calendar with no holidays known: plain weekends (estimated) are enough for the arithmetic.
const cal = new WorkCalendar(new Map());
const policy: Policy = defaultPolicy;
const at = (s: string) => new Date(s);

describe('time limits', () => {
  it('acknowledges within acknowledgeWorkdays (1 工作日)', () => {
    expect(acknowledgeDue('2026-12-01', cal, policy)).toBe('2026-12-02');
    expect(acknowledgeDue('2026-12-04', cal, policy)).toBe('2026-12-07'); // Friday → Monday
  });
  it('resolves by type: 咨询 2, 求助/建议 10, 投诉/举报 15; praise none', () => {
    expect(REQUEST_TYPES.map((t) => resolveWorkdaysOf(t, policy))).toEqual([2, 10, 15, 15, 10, null]);
    expect(resolveWorkdaysOf('consult', { ...policy, publicRequests: { ...policy.publicRequests, resolveWorkdays: { ...policy.publicRequests.resolveWorkdays, consult: 3 } } })).toBe(3);
  });
  it('allows a return within returnWithinWorkdays of the assignment, at and below the limit, not above', () => {
    expect(returnUntil('2026-12-01', cal, policy)).toBe('2026-12-03');
    expect(checkReturn('2026-12-01', '2026-12-01', cal, policy)).toBeNull();
    expect(checkReturn('2026-12-03', '2026-12-01', cal, policy)).toBeNull();
    expect(checkReturn('2026-12-04', '2026-12-01', cal, policy)).toMatch(/2 个工作日/);
    const one = { ...policy, publicRequests: { ...policy.publicRequests, returnWithinWorkdays: 1 } };
    expect(checkReturn('2026-12-03', '2026-12-01', cal, one)).toMatch(/1 个工作日/);
  });
  it('allows one extension of at most extensionMaxWorkdays (10) — at, below and above', () => {
    expect(checkExtension(0, '2026-12-22', '2027-01-05', cal, policy)).toBeNull(); // exactly 10 working days
    expect(checkExtension(0, '2026-12-22', '2026-12-30', cal, policy)).toBeNull();
    expect(checkExtension(0, '2026-12-22', '2027-01-06', cal, policy)).toMatch(/不超过 10 个工作日/);
    expect(checkExtension(1, '2026-12-22', '2026-12-23', cal, policy)).toMatch(/最多延期 1 次/);
    const two = { ...policy, publicRequests: { ...policy.publicRequests, maxExtensions: 2 } };
    expect(checkExtension(1, '2026-12-22', '2026-12-23', cal, two)).toBeNull();
  });
  it('rectifies within rectifyWorkdays (5)', () => {
    expect(rectifyDue('2026-12-01', cal, policy)).toBe('2026-12-08');
  });
});

describe('the request’s states', () => {
  const FROM: Record<RequestAction, RequestStatus[]> = {
    assign: ['submitted'],
    forward: ['submitted'],
    merge: ['submitted'],
    decline: ['submitted'],
    return: ['assigned'],
    reply: ['assigned'],
    rate: ['answered', 'called_back'],
    rectify: ['reopened'],
    callback: ['rectified'],
  };
  it('allows each action only from its states (every state × action)', () => {
    for (const [action, from] of Object.entries(FROM) as [RequestAction, RequestStatus[]][]) {
      for (const status of REQUEST_STATUSES) {
        const type = action === 'forward' ? 'praise' : 'complaint';
        expect(checkAction(action, status, type) === null, `${action} from ${status}`).toBe(from.includes(status));
      }
    }
  });
  it('forwards praise and assigns everything else', () => {
    expect(checkAction('assign', 'submitted', 'praise')?.message).toMatch(/转达/);
    expect(checkAction('forward', 'submitted', 'help')?.message).toMatch(/只有表扬/);
  });
  it('a bad rating reopens; 基本满意 or better settles', () => {
    expect([5, 4, 3, 2, 1].map(afterRating)).toEqual(['rated', 'rated', 'rated', 'reopened', 'reopened']);
  });
});

describe('ratings and the default', () => {
  const answeredAt = at('2026-12-01T10:00:00+08:00');
  const f = (o: Partial<Parameters<typeof checkRating>[0]> = {}) => ({ status: 'answered' as RequestStatus, openedAt: answeredAt, given: null, ...o });
  it('rates within ratingWindowDays (7 日), not after, not twice, not before the answer', () => {
    expect(checkRating(f(), at('2026-12-08T10:00:00+08:00'), policy)).toBeNull(); // at the limit
    expect(checkRating(f(), at('2026-12-08T10:00:01+08:00'), policy)).toMatch(/评价期/);
    expect(checkRating(f({ given: 4 }), at('2026-12-02T10:00:00+08:00'), policy)).toMatch(/已评价/);
    expect(checkRating(f({ status: 'assigned' }), at('2026-12-02T10:00:00+08:00'), policy)).toMatch(/暂不能评价/);
    expect(checkRating(f({ status: 'called_back' }), at('2026-12-02T10:00:00+08:00'), policy)).toBeNull();
  });
  it('counts no rating within the window as 基本满意, computed at read', () => {
    expect(effectiveRating(f(), at('2026-12-08T10:00:00+08:00'), policy)).toBeNull();
    expect(effectiveRating(f(), at('2026-12-08T10:00:01+08:00'), policy)).toEqual({ level: 3, defaulted: true });
    expect(effectiveRating(f({ given: 1 }), at('2026-12-30T00:00:00+08:00'), policy)).toEqual({ level: 1, defaulted: false });
    const three = { ...policy, publicRequests: { ...policy.publicRequests, ratingWindowDays: 3 } };
    expect(effectiveRating(f(), at('2026-12-04T10:00:01+08:00'), three)).toEqual({ level: 3, defaulted: true });
  });
  it('keeps the bad rating while reopened, until the new round is rated or its window passes', () => {
    expect(effectiveRating({ status: 'reopened', openedAt: answeredAt, given: null, previous: 2 }, at('2026-12-30T00:00:00+08:00'), policy)).toEqual({ level: 2, defaulted: false });
    const calledBack = at('2026-12-05T10:00:00+08:00');
    expect(effectiveRating({ status: 'called_back', openedAt: calledBack, given: null, previous: 2 }, at('2026-12-06T00:00:00+08:00'), policy)).toEqual({ level: 2, defaulted: false });
    expect(effectiveRating({ status: 'called_back', openedAt: calledBack, given: null, previous: 2 }, at('2026-12-13T00:00:00+08:00'), policy)).toEqual({ level: 3, defaulted: true });
  });
});

describe('codes, duplicates and masking', () => {
  it('makes 14-character codes from the no-confusion alphabet', () => {
    const code = trackingCode(new Uint8Array(14).map((_, i) => i * 37));
    expect(code).toHaveLength(14);
    expect(isTrackingCode(code)).toBe(true);
    expect(code).not.toMatch(/[01OIL]/);
    expect(normalizeCode('abcd-efgh jkmn')).toBe('ABCDEFGHJKMN');
    expect(isTrackingCode('0123456789ABCD')).toBe(false);
    expect(() => trackingCode(new Uint8Array(3))).toThrow();
  });
  it('sees the same description and place through spaces, case and punctuation', () => {
    expect(dedupeKey('和平小区 停水三天了！', { address: '和平小区' })).toBe(dedupeKey('和平小区停水三天了', { address: ' 和平小区 ' }));
    expect(dedupeKey('停水', { address: 'A' })).not.toBe(dedupeKey('停水', { address: 'B' }));
    expect(dedupeKey('停水', { lat: 25.0381, long: 102.7181 })).toBe(dedupeKey('停水', { lat: 25.0384, long: 102.7179 }));
  });
  it('masks phones as 138****1234 and names to the family name', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0871-6123456')).toBe('087****3456');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('李')).toBe('李*');
  });
});

describe('last two months running', () => {
  const m = (unitId: number, rated: number, satisfied: number) => ({ unitId, rated, satisfied });
  it('ranks last by satisfaction, ties share it, no ranking with one unit or all equal', () => {
    expect(lastOfMonth([m(1, 10, 9), m(2, 10, 5), m(3, 4, 2)])).toEqual([2, 3]);
    expect(lastOfMonth([m(1, 10, 9)])).toEqual([]);
    expect(lastOfMonth([m(1, 10, 10), m(2, 5, 5)])).toEqual([]);
    expect(lastOfMonth([m(1, 10, 9), m(2, 0, 0)])).toEqual([]);
  });
  it('flags only units last in both months', () => {
    expect(lastTwoMonthsRunning([m(1, 10, 9), m(2, 10, 5)], [m(1, 10, 9), m(2, 10, 4)])).toEqual([2]);
    expect(lastTwoMonthsRunning([m(1, 10, 9), m(2, 10, 5)], [m(1, 10, 3), m(2, 10, 4)])).toEqual([]);
  });
  it('names the two complete months before today', () => {
    expect(previousTwoMonths('2026-12-01')).toEqual(['2026-10', '2026-11']);
    expect(previousTwoMonths('2027-01-15')).toEqual(['2026-11', '2026-12']);
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });
});
