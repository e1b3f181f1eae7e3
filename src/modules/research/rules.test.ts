import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../platform/policy.ts';
import {
  activeFrom,
  behindNotice,
  daysBetween,
  daysInYear,
  expectedBy,
  fieldDates,
  fieldDays,
  halfDays,
  quotaOf,
  showcaseHeavy,
  showcaseStats,
  targetFor,
  unvisitedVillages,
  visitDatesProblem,
  type StatPlace,
  type VisitSpan,
} from './rules.ts';

const per = defaultPolicy.research.fieldDaysPerYear;
const research = defaultPolicy.research;
const DAY = 86_400_000;
const dateOf = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * DAY).toISOString().slice(0, 10);
const whole = (startDate: string, endDate = startDate): VisitSpan => ({ startDate, endDate, halfDay: false });
const half = (d: string): VisitSpan => ({ startDate: d, endDate: d, halfDay: true });

/** Visits between 2025-01-01 and 2027-12-31: whole spans of up to 20 days, or half days. */
const visitArb = fc.oneof(
  fc.record({ s: fc.integer({ min: 0, max: 3 * 365 }), len: fc.integer({ min: 0, max: 20 }) }).map(({ s, len }) => whole(dateOf(s), dateOf(s + len))),
  fc.integer({ min: 0, max: 3 * 365 }).map((s) => half(dateOf(s))),
);
const visitsArb = fc.array(visitArb, { maxLength: 30 });

/** The reference: walk every day of the year and weigh it from the visits covering it. */
function reference(visits: readonly VisitSpan[], year: number): number {
  let sum = 0;
  for (let d = Date.UTC(year, 0, 1); d < Date.UTC(year + 1, 0, 1); d += DAY) {
    const date = new Date(d).toISOString().slice(0, 10);
    const covering = visits.filter((v) => v.startDate <= date && date <= v.endDate);
    if (covering.some((v) => !v.halfDay)) sum += 1;
    else sum += Math.min(1, covering.length * 0.5);
  }
  return sum;
}

describe('fieldDays: distinct calendar days per person', () => {
  it('counts a day once however many visits hold it; half days as halves; a full and a half day make one', () => {
    expect(fieldDays([whole('2026-03-01', '2026-03-03'), whole('2026-03-02')], 2026)).toBe(3);
    expect(fieldDays([half('2026-03-01')], 2026)).toBe(0.5);
    expect(fieldDays([half('2026-03-01'), whole('2026-03-01')], 2026)).toBe(1);
    expect(fieldDays([whole('2026-03-01'), half('2026-03-01')], 2026)).toBe(1);
    // A morning and an afternoon: one day; a third half day on it adds nothing.
    expect(fieldDays([half('2026-03-01'), half('2026-03-01'), half('2026-03-01')], 2026)).toBe(1);
    expect(fieldDays([], 2026)).toBe(0);
  });

  it('splits a visit spanning New Year by year', () => {
    const v = whole('2025-12-30', '2026-01-02');
    expect(fieldDays([v], 2025)).toBe(2);
    expect(fieldDays([v], 2026)).toBe(2);
    expect(fieldDays([v], 2027)).toBe(0);
  });

  it('equals the day-by-day reference (property)', () => {
    fc.assert(fc.property(visitsArb, fc.integer({ min: 2025, max: 2027 }), (visits, year) => fieldDays(visits, year) === reference(visits, year)));
  });

  it('does not depend on the visits’ order, does not double count a repeated visit, and never exceeds the days of the year (property)', () => {
    fc.assert(
      fc.property(visitsArb, fc.integer({ min: 2025, max: 2027 }), (visits, year) => {
        const d = fieldDays(visits, year);
        expect(fieldDays([...visits].reverse(), year)).toBe(d);
        expect(fieldDays([...visits, ...visits.filter((v) => !v.halfDay)], year)).toBe(d);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(daysInYear(year));
        expect(d * 2).toBe(Math.round(d * 2));
      }),
    );
  });

  it('adds up over the years to the days of every year a visit touches (property: New Year splits lose nothing)', () => {
    fc.assert(
      fc.property(visitsArb, (visits) => {
        // Visits end by 2028-01-20 at the latest.
        const total = [2025, 2026, 2027, 2028].reduce((a, y) => a + fieldDays(visits, y), 0);
        const all = [...fieldDates(visits).values()].reduce((a, b) => a + b, 0);
        expect(total).toBe(all);
      }),
    );
  });

  it('grows (never shrinks) when a visit is added (property)', () => {
    fc.assert(fc.property(visitsArb, visitArb, fc.integer({ min: 2025, max: 2027 }), (visits, extra, year) => fieldDays([...visits, extra], year) >= fieldDays(visits, year)));
  });
});

describe('targetFor: the year’s target by rank, prorated from 任职日期', () => {
  it('is the whole year’s without a date, or with one before the year', () => {
    expect(targetFor(per, 'county', 2026, null)).toBe(90);
    expect(targetFor(per, 'county', 2026, '2019-05-01')).toBe(90);
    expect(targetFor(per, 'county', 2026, '2026-01-01')).toBe(90);
    expect(targetFor(per, 'other', 2026, null)).toBe(0);
    expect(targetFor(per, 'provincial', 2026, null)).toBe(60);
  });

  it('prorates by the days left when the post began during the year (rounded up to the half day)', () => {
    // 2026-07-02 … 2026-12-31: 183 of 365 days; 90 × 183 / 365 = 45.12… → 45.5.
    expect(targetFor(per, 'county', 2026, '2026-07-02')).toBe(45.5);
    expect(targetFor(per, 'county', 2026, '2026-12-31')).toBe(0.5);
    expect(targetFor(per, 'county', 2026, '2027-01-01')).toBe(0);
    // A leap year has 366 days.
    expect(targetFor(per, 'county', 2028, '2028-07-02')).toBe(Math.ceil(((90 * 183) / 366) * 2) / 2);
  });

  it('never exceeds the whole year’s and falls as the post begins later (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 2025, max: 2027 }), (a, b, year) => {
        const [early, late] = a <= b ? [dateOf(a), dateOf(b)] : [dateOf(b), dateOf(a)];
        const te = targetFor(per, 'county', year, early);
        const tl = targetFor(per, 'county', year, late);
        expect(te).toBeLessThanOrEqual(90);
        expect(tl).toBeLessThanOrEqual(te);
        expect(tl).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('expectedBy: the target prorated to today', () => {
  it('spreads the target over the days it runs', () => {
    expect(expectedBy(90, 2026, null, '2026-01-01')).toBe(0.2);
    expect(expectedBy(90, 2026, null, '2026-07-02')).toBe(45.1);
    expect(expectedBy(90, 2026, null, '2026-12-31')).toBe(90);
    expect(expectedBy(90, 2026, null, '2027-03-01')).toBe(90);
    expect(expectedBy(90, 2026, null, '2025-12-31')).toBe(0);
    // From the 任职日期: nothing expected before it.
    expect(expectedBy(45.5, 2026, '2026-07-02', '2026-07-01')).toBe(0);
    expect(expectedBy(45.5, 2026, '2026-07-02', '2026-12-31')).toBe(45.5);
  });

  it('rises with today from 0 to the target (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 0, max: 3 * 365 }), fc.option(fc.integer({ min: 0, max: 3 * 365 }), { nil: null }), (a, b, since) => {
        const rankSince = since === null ? null : dateOf(since);
        const target = targetFor(per, 'county', 2026, rankSince);
        const [d1, d2] = a <= b ? [dateOf(a), dateOf(b)] : [dateOf(b), dateOf(a)];
        const e1 = expectedBy(target, 2026, rankSince, d1);
        const e2 = expectedBy(target, 2026, rankSince, d2);
        expect(e1).toBeLessThanOrEqual(e2);
        expect(e2).toBeLessThanOrEqual(target);
        expect(e1).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('quotaOf: behind by more than the margin', () => {
  const today = '2026-07-02';
  const leader = { rank: 'county' as const, rankSince: null };
  const days = (n: number) => Array.from({ length: n }, (_, i) => whole(dateOf(365 + i)));

  it('is behind only when more than behindMarginDays short (at, below and above the limit)', () => {
    // Expected 45.1 by 2026-07-02; margin 10.
    expect(quotaOf(leader, days(36), 2026, today, research)).toMatchObject({ days: 36, shortfall: 9.1, behind: false });
    expect(quotaOf(leader, days(35), 2026, today, research)).toMatchObject({ days: 35, shortfall: 10.1, behind: true });
    expect(quotaOf(leader, days(50), 2026, today, research)).toMatchObject({ shortfall: 0, behind: false });
    // Exactly at the margin is not behind.
    expect(quotaOf(leader, days(36), 2026, today, { ...research, behindMarginDays: 9.1 }).behind).toBe(false);
    expect(quotaOf(leader, days(36), 2026, today, { ...research, behindMarginDays: 9 }).behind).toBe(true);
  });

  it('follows a region’s override and a post begun mid-year', () => {
    expect(quotaOf(leader, [], 2026, today, { fieldDaysPerYear: { ...per, county: 120 }, behindMarginDays: 10 }).target).toBe(120);
    const newcomer = quotaOf({ rank: 'county', rankSince: '2026-06-20' }, [], 2026, today, research);
    // 2026-06-20 … 2026-12-31: 195 of 365 days; 90 × 195 / 365 = 48.08… → 48.5.
    expect(newcomer.target).toBe(48.5);
    expect(newcomer.behind).toBe(false);
    expect(quotaOf({ rank: 'other', rankSince: null }, [], 2026, today, research)).toMatchObject({ target: 0, expectedByNow: 0, behind: false });
    // Days before the post began do not count toward the prorated target; a post beginning next year counts nothing.
    expect(quotaOf({ rank: 'county', rankSince: '2026-06-20' }, [whole('2026-06-18', '2026-06-21')], 2026, today, research).days).toBe(2);
    expect(quotaOf({ rank: 'county', rankSince: '2027-01-05' }, [whole('2026-06-18')], 2026, today, research).days).toBe(0);
  });
});

describe('behindNotice: the monthly reminder, in half days', () => {
  it('says the expected days, the days logged and the shortfall to the half day, never 82.8', () => {
    expect([82.8, 82.7, 82.2, 82.25, 12.3, 0, 45.1].map(halfDays)).toEqual([83, 82.5, 82, 82.5, 12.5, 0, 45]);
    const q = quotaOf({ rank: 'county', rankSince: null }, [], 2026, '2026-11-15', research);
    expect(q.expectedByNow % 0.5).not.toBe(0); // the case this is about: a tenth the reminder must not show
    const { title, body } = behindNotice(q, '2026-11-15');
    expect(title).toBe(`一线工作天数滞后：已 0 天，应达 ${halfDays(q.expectedByNow)} 天`);
    expect(body).toContain(`截至 2026-11-15 应下基层 ${halfDays(q.expectedByNow)} 天，已记录 0 天，差 ${halfDays(q.shortfall)} 天（超过 10 天）`);
    expect(`${title}${body}`).not.toMatch(/\d\.[1-46-9]/);
    expect(`${title}${body}`).not.toMatch(/[A-Za-z]/);
  });
});

describe('visit dates', () => {
  it('refuses a reversed range, a half day over two days, a visit longer than the limit', () => {
    expect(visitDatesProblem(whole('2026-01-02', '2026-01-01'))).toMatch(/endDate/);
    expect(visitDatesProblem({ startDate: '2026-01-01', endDate: '2026-01-02', halfDay: true })).toMatch(/half-day/);
    expect(visitDatesProblem(whole('2026-01-01', '2026-04-02'))).toBeNull();
    expect(visitDatesProblem(whole('2026-01-01', '2026-04-03'))).toMatch(/at most/);
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(1);
    expect(activeFrom(2026, '2027-01-01')).toBeNull();
  });
});

describe('showcase statistics', () => {
  const places: StatPlace[] = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, kind: i < 15 ? 'village' : 'enterprise', tags: i < 3 ? ['先进'] : i < 6 ? ['后进'] : [] }));

  it('measures concentration on the most-visited tenth, 先进 vs 后进, unannounced, findings', () => {
    const visits = [
      { id: 1, personIds: [1], placeIds: [1, 1], unannounced: false },
      { id: 2, personIds: [1], placeIds: [1], unannounced: false },
      { id: 3, personIds: [1], placeIds: [2], unannounced: true },
      { id: 4, personIds: [1], placeIds: [4], unannounced: false },
      { id: 5, personIds: [1], placeIds: [16, 999], unannounced: false },
    ];
    const s = showcaseStats(places, visits, [
      { visitId: 1, hasTask: true, resolved: true },
      { visitId: 3, hasTask: true, resolved: false },
      { visitId: 4, hasTask: false, resolved: false },
      { visitId: 99, hasTask: true, resolved: true },
    ]);
    // Place-visits: 1, 1, 2, 4, 16 (a repeated place in one visit counts once; an unknown one not at all).
    expect(s).toMatchObject({ visits: 5, placeVisits: 5, topTenthPlaces: 2, topTenthShare: 0.6, advanced: 3, lagging: 1, laggingShare: 0.25, unannounced: 1, unannouncedShare: 0.2 });
    expect(s).toMatchObject({ findings: 3, findingsWithTask: 2, findingsResolved: 1, taskShare: 0.667, resolvedShare: 0.5 });
    expect(unvisitedVillages(places, visits)).toEqual([3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('has no shares without visits', () => {
    expect(showcaseStats(places, [], [])).toMatchObject({ visits: 0, topTenthShare: null, laggingShare: null, unannouncedShare: null, taskShare: null, resolvedShare: null });
  });

  it('flags showcase-heavy leaders: concentration at or above half, or only 先进 places', () => {
    expect(showcaseHeavy({ topTenthShare: 0.5, advanced: 0, lagging: 0, placeVisits: 10 })).toBe(true);
    expect(showcaseHeavy({ topTenthShare: 0.49, advanced: 0, lagging: 0, placeVisits: 10 })).toBe(false);
    expect(showcaseHeavy({ topTenthShare: 0.2, advanced: 3, lagging: 0, placeVisits: 10 })).toBe(true);
    expect(showcaseHeavy({ topTenthShare: 0.2, advanced: 3, lagging: 1, placeVisits: 10 })).toBe(false);
    expect(showcaseHeavy({ topTenthShare: 1, advanced: 4, lagging: 0, placeVisits: 4 })).toBe(false);
  });

  it('keeps every share between 0 and 1 (property)', () => {
    const visitArb2 = fc.record({ id: fc.nat(50), personIds: fc.constant([1]), placeIds: fc.array(fc.integer({ min: 1, max: 25 }), { maxLength: 5 }), unannounced: fc.boolean() });
    fc.assert(
      fc.property(fc.array(visitArb2, { maxLength: 40 }), (visits) => {
        const s = showcaseStats(places, visits, []);
        for (const v of [s.topTenthShare, s.laggingShare, s.unannouncedShare]) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
      }),
    );
  });
});
