import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicy, resolvePolicy } from '../../platform/policy.ts';
import {
  asOfDay,
  caseTransition,
  changeOf,
  COMPONENT_KEYS,
  componentScores,
  EMPTY_CITIZEN_FACTS,
  EMPTY_TASK_FACTS,
  expectedFieldDays,
  honourLists,
  isFinished,
  parsePeriod,
  peerOf,
  periodOf,
  PERSON_COMPONENTS,
  previousPeriod,
  rankWithin,
  totalScore,
  type ComplianceFacts,
  type TaskFacts,
} from './rules.ts';

const p = defaultPolicy.scoreboard;
const tasks = (f: Partial<TaskFacts>): TaskFacts => ({ ...EMPTY_TASK_FACTS, ...f, escalations: { ...EMPTY_TASK_FACTS.escalations, ...f.escalations } });
const score = (key: string, parts: ReturnType<typeof componentScores>) => parts.find((x) => x.key === key)!;

describe('periods', () => {
  it('parses months, quarters and years into [from, to)', () => {
    expect(parsePeriod('2026-10')).toEqual({ key: '2026-10', kind: 'month', year: 2026, from: '2026-10-01', to: '2026-11-01' });
    expect(parsePeriod('2026-12')).toMatchObject({ from: '2026-12-01', to: '2027-01-01' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter', from: '2026-01-01', to: '2026-04-01' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2027-01-01' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2027-01-01' });
  });

  it('refuses every other form', () => {
    for (const s of ['2026-13', '2026-00', '2026-1', '2026-Q0', '2026-Q5', '2026q1', '26-10', '1999', '3000', '2026-10-01', '', ' 2026', '2026-10 ', 'abc', '2026-W01']) expect(parsePeriod(s), s).toBeNull();
  });

  it('finds the period of a day and the one before it', () => {
    expect(periodOf('month', '2026-03-31').key).toBe('2026-03');
    expect(periodOf('quarter', '2026-03-31').key).toBe('2026-Q1');
    expect(periodOf('quarter', '2026-04-01').key).toBe('2026-Q2');
    expect(periodOf('year', '2026-12-31').key).toBe('2026');
    expect(previousPeriod(parsePeriod('2026-01')!)!.key).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-Q1')!)!.key).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026')!)!.key).toBe('2025');
    expect(previousPeriod(parsePeriod('2000-01')!)).toBeNull();
  });

  it('counts a period up to its last day so far, and finishes it the day after', () => {
    const oct = parsePeriod('2026-10')!;
    expect(asOfDay(oct, '2026-09-30')).toBeNull();
    expect(asOfDay(oct, '2026-10-01')).toBe('2026-10-01');
    expect(asOfDay(oct, '2026-10-31')).toBe('2026-10-31');
    expect(asOfDay(oct, '2026-11-10')).toBe('2026-10-31');
    expect(isFinished(oct, '2026-10-31')).toBe(false);
    expect(isFinished(oct, '2026-11-01')).toBe(true);
  });

  it('every month key round-trips and its previous period ends where it begins (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 2998 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom('month', 'quarter', 'year' as const), (y, m, kind) => {
        const day = `${y}-${String(m).padStart(2, '0')}-15`;
        const per = periodOf(kind, day);
        expect(parsePeriod(per.key)).toEqual(per);
        expect(per.from <= day && day < per.to).toBe(true);
        expect(previousPeriod(per)!.to).toBe(per.from);
      }),
    );
  });
});

describe('components', () => {
  it('on-time completion: 100 × on time ÷ due, at, below and above the minimum data', () => {
    expect(score('on_time', componentScores({ tasks: tasks({ due: 4, onTime: 3 }) }, p))).toMatchObject({ score: 75, samples: 4, facts: { due: 4, onTime: 3 } });
    expect(score('on_time', componentScores({ tasks: tasks({ due: 4, onTime: 3 }) }, p)).explanation).toContain('100 × 3 ÷ 4 = 75');
    expect(score('on_time', componentScores({ tasks: tasks({ due: 0 }) }, p)).score).toBeNull();
    const strict = { ...p, minSamples: 3 };
    expect(score('on_time', componentScores({ tasks: tasks({ due: 2, onTime: 2 }) }, strict)).score).toBeNull();
    expect(score('on_time', componentScores({ tasks: tasks({ due: 3, onTime: 2 }) }, strict)).score).toBe(66.7);
    expect(score('on_time', componentScores({ tasks: tasks({ due: 4, onTime: 4 }) }, strict)).score).toBe(100);
  });

  it('sign-for, feedback and progress punctuality are shares too', () => {
    const parts = componentScores({ tasks: tasks({ signDue: 5, signedOnTime: 4, urgingsDue: 2, urgingsAnsweredOnTime: 1, reporting: 4, reportsLate: 1 }) }, p);
    expect(score('sign', parts).score).toBe(80);
    expect(score('feedback', parts).score).toBe(50);
    expect(score('progress', parts).score).toBe(75);
  });

  it('overdue task-days: 100 − points per day × days ÷ tasks, never below 0', () => {
    expect(score('overdue_days', componentScores({ tasks: tasks({ active: 4, overdueDays: 10 }) }, p)).score).toBe(95);
    expect(score('overdue_days', componentScores({ tasks: tasks({ active: 1, overdueDays: 50 }) }, p)).score).toBe(0);
    expect(score('overdue_days', componentScores({ tasks: tasks({ active: 1, overdueDays: 51 }) }, p)).score).toBe(0);
    expect(score('overdue_days', componentScores({ tasks: tasks({ active: 1, overdueDays: 49 }) }, p)).score).toBe(2);
    expect(score('overdue_days', componentScores({ tasks: tasks({ active: 0 }) }, p)).score).toBeNull();
  });

  it('extensions: 100 × (1 − extensions ÷ tasks)', () => {
    expect(score('extensions', componentScores({ tasks: tasks({ active: 4, extensions: 1 }) }, p)).score).toBe(75);
    expect(score('extensions', componentScores({ tasks: tasks({ active: 2, extensions: 3 }) }, p)).score).toBe(0);
  });

  it('escalations by level: points per rung (policy) ÷ tasks', () => {
    const c = score('escalations', componentScores({ tasks: tasks({ active: 2, escalations: { remind: 1, urge: 0, supervise: 1, notice: 0, accountability: 0 } }) }, p));
    expect(c.score).toBe(100 - (2 + 10) / 2);
    expect(c.facts).toMatchObject({ remind: 1, supervise: 1, points: 12 });
    expect(c.explanation).toContain('提醒 1 次 × 2 分');
    expect(score('escalations', componentScores({ tasks: tasks({ active: 1, escalations: { remind: 0, urge: 0, supervise: 0, notice: 0, accountability: 3 } }) }, p)).score).toBe(0);
  });

  it('citizen requests: on time of those submitted, satisfied of those rated', () => {
    const parts = componentScores({ citizen: { volume: 10, onTime: 9, rated: 4, satisfied: 3 } }, p);
    expect(score('citizen_on_time', parts).score).toBe(90);
    expect(score('citizen_satisfaction', parts).score).toBe(75);
    expect(score('citizen_on_time', componentScores({ citizen: EMPTY_CITIZEN_FACTS }, p)).score).toBeNull();
  });

  it('a module absent is no data, saying so, never 0', () => {
    const parts = componentScores({}, p);
    for (const part of parts) {
      expect(part.score).toBeNull();
      expect(part.share).toBe(0);
      expect(part.explanation).toContain('无数据');
    }
    expect(score('meetings', componentScores({ tasks: tasks({ due: 1, onTime: 1 }) }, p)).explanation).toContain('尚未接入');
  });

  it('explains in zh-CN only, without English left in the words people read', () => {
    const few = { ...p, minSamples: 3, minComponents: 20 };
    const cases = [
      ...componentScores({}, p),
      ...componentScores({ tasks: tasks({ due: 0 }), citizen: EMPTY_CITIZEN_FACTS, field: { leaders: [] }, findings: { found: 1, resolved: 1 } }, few),
    ];
    for (const c of cases) expect(c.explanation, c.key).not.toMatch(/[A-Za-z]/);
    expect(totalScore(componentScores({ tasks: tasks({ due: 4, onTime: 3 }) }, p), few).explanation).not.toMatch(/[A-Za-z]/);
    // None of the kind at all says so, without "fewer than 1".
    expect(score('on_time', componentScores({ tasks: tasks({ due: 0 }) }, p)).explanation).not.toContain('少于');
  });

  it('a person is scored on the task components only', () => {
    expect(componentScores({ tasks: tasks({}) }, p, PERSON_COMPONENTS).map((c) => c.key)).toEqual([...PERSON_COMPONENTS]);
  });
});

describe('the total', () => {
  it('renormalises the weights over the components with data', () => {
    const parts = componentScores({ tasks: tasks({ due: 2, onTime: 1, signDue: 2, signedOnTime: 2 }) }, p);
    // on_time 50 × 20 and sign 100 × 8 with data; overdue_days, extensions, escalations need active tasks (0 here).
    const t = totalScore(parts, p);
    expect(t.score).toBe(Math.round(((50 * 20 + 100 * 8) / 28) * 10) / 10);
    expect(t.explanation).toContain('÷ 28');
    const shares = parts.reduce((s, x) => s + x.share, 0);
    expect(shares).toBeCloseTo(1, 10);
  });

  it('no data at all, or fewer components than the minimum: no score', () => {
    expect(totalScore(componentScores({}, p), p).score).toBeNull();
    const one = componentScores({ tasks: tasks({ due: 1, onTime: 1 }) }, p);
    expect(totalScore(one, p).score).toBe(100);
    expect(totalScore(one, { minComponents: 2 }).score).toBeNull();
  });

  it('a component weighted 0 does not count', () => {
    const zero = { ...p, weights: { ...p.weights, on_time: 0 } };
    const parts = componentScores({ tasks: tasks({ due: 2, onTime: 0, signDue: 1, signedOnTime: 1 }) }, zero);
    expect(totalScore(parts, zero).score).toBe(100);
  });

  it('stays in [0, 100] and rises with the on-time share (property)', () => {
    const facts = fc.record({
      active: fc.integer({ min: 0, max: 500 }),
      due: fc.integer({ min: 0, max: 200 }),
      onTimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
      signDue: fc.integer({ min: 0, max: 200 }),
      signed: fc.double({ min: 0, max: 1, noNaN: true }),
      overdueDays: fc.integer({ min: 0, max: 100_000 }),
      extensions: fc.integer({ min: 0, max: 1000 }),
      accountability: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const make = (share: number) =>
          tasks({
            active: f.active,
            due: f.due,
            onTime: Math.floor(f.due * share),
            signDue: f.signDue,
            signedOnTime: Math.floor(f.signDue * f.signed),
            overdueDays: f.overdueDays,
            extensions: f.extensions,
            escalations: { remind: 0, urge: 0, supervise: 0, notice: 0, accountability: f.accountability },
          });
        const parts = componentScores({ tasks: make(f.onTimeShare) }, p);
        for (const part of parts) if (part.score !== null) expect(part.score >= 0 && part.score <= 100).toBe(true);
        const lo = totalScore(parts, p).score;
        const hi = totalScore(componentScores({ tasks: make(Math.min(1, f.onTimeShare + 0.25)) }, p), p).score;
        if (lo !== null) {
          expect(lo >= 0 && lo <= 100).toBe(true);
          expect(hi!).toBeGreaterThanOrEqual(lo);
        }
      }),
    );
  });
});

describe('ranks, change, 红榜 / 黑榜', () => {
  it('ranks within each group; ties share a rank and the next skips; no score, no rank', () => {
    const rows = rankWithin([
      { id: 1, group: 1, score: 90 },
      { id: 2, group: 1, score: 95 },
      { id: 3, group: 1, score: 90 },
      { id: 4, group: 1, score: 80 },
      { id: 5, group: 1, score: null },
      { id: 6, group: 2, score: 10 },
    ]);
    expect(rows.map((r) => [r.id, r.rank])).toEqual([
      [1, 2],
      [2, 1],
      [3, 2],
      [4, 4],
      [5, null],
      [6, 1],
    ]);
  });

  it('ranks are 1 + the number of better scores in the group (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.integer({ min: 1, max: 3 }), score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }) }), { maxLength: 40 }), (rows) => {
        for (const r of rankWithin(rows)) {
          if (r.score === null) expect(r.rank).toBeNull();
          else expect(r.rank).toBe(1 + rows.filter((o) => o.group === r.group && o.score !== null && o.score > r.score!).length);
        }
      }),
    );
  });

  it('change: against the last period; null for a new unit or no data', () => {
    expect(changeOf(80, 75.5)).toBe(4.5);
    expect(changeOf(70, 75)).toBe(-5);
    expect(changeOf(80, undefined)).toBeNull();
    expect(changeOf(80, null)).toBeNull();
    expect(changeOf(null, 80)).toBeNull();
  });

  it('红榜 the best, 黑榜 the worst, ties at the edge included, nobody on both', () => {
    const ranked = [1, 2, 3, 4, 5, 6, 7].map((rank) => ({ id: rank, rank }));
    expect(honourLists(ranked, 3)).toEqual({ red: ranked.slice(0, 3), black: ranked.slice(4) });
    const tied = [
      { id: 1, rank: 1 },
      { id: 2, rank: 2 },
      { id: 3, rank: 2 },
      { id: 4, rank: 4 },
      { id: 5, rank: 5 },
      { id: 6, rank: null },
    ];
    expect(honourLists(tied, 2)).toEqual({ red: tied.slice(0, 3), black: [tied[3], tied[4]] });
    // Too few for both lists: a 红榜 of the top half only.
    expect(honourLists(ranked.slice(0, 3), 3)).toEqual({ red: ranked.slice(0, 2), black: [] });
    expect(honourLists(ranked, 0)).toEqual({ red: [], black: [] });
    expect(honourLists([], 3)).toEqual({ red: [], black: [] });
  });
});

describe('peers', () => {
  it('townships with the townships of their county, county departments with the county’s departments', () => {
    const county = { kind: 'region', level: 'county' };
    expect(peerOf({ kind: 'region', level: 'township', parentId: 7 }, county)).toEqual({ peer: 'township', group: 7 });
    expect(peerOf({ kind: 'department', level: 'county', parentId: 7 }, county)).toEqual({ peer: 'department', group: 7 });
    expect(peerOf({ kind: 'department', level: 'county', parentId: 9 }, { kind: 'department', level: 'county' })).toBeNull();
    expect(peerOf({ kind: 'department', level: 'township', parentId: 9 }, { kind: 'region', level: 'township' })).toBeNull();
    expect(peerOf({ kind: 'region', level: 'county', parentId: 3 }, { kind: 'region', level: 'prefecture' })).toBeNull();
    expect(peerOf({ kind: 'region', level: 'county', parentId: null }, null)).toBeNull();
  });
});

describe('model cases', () => {
  it('推荐 → 入选 / 未入选; 未入选 may still be selected; 入选 is final', () => {
    expect(caseTransition('nominated', 'select')).toBe('selected');
    expect(caseTransition('nominated', 'reject')).toBe('rejected');
    expect(caseTransition('rejected', 'select')).toBe('selected');
    expect(caseTransition('rejected', 'reject')).toBeNull();
    expect(caseTransition('selected', 'select')).toBeNull();
    expect(caseTransition('selected', 'reject')).toBeNull();
  });
});

describe('the policy section', () => {
  it('has a weight for every component and refuses a negative one', () => {
    expect(Object.keys(p.weights).sort()).toEqual([...COMPONENT_KEYS].sort());
    expect(resolvePolicy([{ scoreboard: { weights: { on_time: -1 } } }]).success).toBe(false);
    expect(resolvePolicy([{ scoreboard: { periodKinds: ['week'] } }]).success).toBe(false);
    expect(resolvePolicy([{ scoreboard: { honourListSize: 5 } }]).success).toBe(true);
  });
});

describe('meetings and documents: compliance and year-on-year reduction', () => {
  const c = (f: Partial<ComplianceFacts>): ComplianceFacts => ({ count: 0, compliant: 0, lastYear: 0, reductionPercent: 10, ...f });
  const at = (key: 'meetings' | 'documents', f: Partial<ComplianceFacts>, min = 1) => score(key, componentScores({ [key]: c(f) }, { ...p, minSamples: min }));

  for (const key of ['meetings', 'documents'] as const) {
    it(`${key}: no records this year nor last year is no data, never 0`, () => {
      const s = at(key, {});
      expect(s.score).toBeNull();
      expect(s.explanation).toContain('无数据');
    });

    it(`${key}: without last year's data, compliance alone counts`, () => {
      const s = at(key, { count: 4, compliant: 3 });
      expect(s.score).toBe(75);
      expect(s.explanation).toContain('同比：去年同期 0 件');
      expect(s.facts).toMatchObject({ count: 4, compliant: 3, lastYear: 0 });
    });

    it(`${key}: at, below and above last year's allowance (10% less, rounded down)`, () => {
      // last year 10 → allowance 9
      expect(at(key, { count: 9, compliant: 9, lastYear: 10 }).score).toBe(100); // at
      expect(at(key, { count: 5, compliant: 5, lastYear: 10 }).score).toBe(100); // below
      expect(at(key, { count: 12, compliant: 12, lastYear: 10 }).score).toBe(87.5); // above: (100 + 100×9/12) / 2
      expect(at(key, { count: 12, compliant: 6, lastYear: 10 }).score).toBe(62.5); // (50 + 75) / 2
    });

    it(`${key}: none this year against last year's is a full reduction (compliance no data)`, () => {
      const s = at(key, { count: 0, lastYear: 3 });
      expect(s.score).toBe(100);
      expect(s.samples).toBe(0);
    });

    it(`${key}: minSamples applies to this year's count and to last year's`, () => {
      expect(at(key, { count: 2, compliant: 2, lastYear: 2 }, 3).score).toBeNull();
      expect(at(key, { count: 3, compliant: 3, lastYear: 2 }, 3).score).toBe(100);
      expect(at(key, { count: 2, compliant: 0, lastYear: 3 }, 3).score).toBe(100);
    });

    it(`${key}: a reduction of 0% allows last year's count; 100% allows none`, () => {
      expect(at(key, { count: 10, compliant: 10, lastYear: 10, reductionPercent: 0 }).score).toBe(100);
      expect(at(key, { count: 1, compliant: 1, lastYear: 10, reductionPercent: 100 }).score).toBe(50);
    });
  }
});

describe('field days of the unit’s leaders', () => {
  const perYear = defaultPolicy.research.fieldDaysPerYear; // township 90, other 0
  const field = (leaders: { days: number; expected: number }[]) => score('field_days', componentScores({ field: { leaders } }, p));

  it('expects the yearly target spread over the days of the period', () => {
    expect(expectedFieldDays(perYear, 'township', null, '2026-01-01', '2026-12-31')).toBe(90);
    expect(expectedFieldDays(perYear, 'township', null, '2026-01-01', '2026-01-31')).toBe(7.6); // 90 × 31 / 365
    expect(expectedFieldDays(perYear, 'other', null, '2026-01-01', '2026-12-31')).toBe(0);
  });

  it('a post begun in the period counts from its first day; one begun after it expects nothing', () => {
    // begun 2026-07-01: target 90 × 184/365 rounded up to the half day = 45.5 over 184 days; July: 31 days
    expect(expectedFieldDays(perYear, 'township', '2026-07-01', '2026-07-01', '2026-07-31')).toBe(7.7);
    expect(expectedFieldDays(perYear, 'township', '2026-07-01', '2026-06-01', '2026-06-30')).toBe(0);
    expect(expectedFieldDays(perYear, 'township', '2026-06-15', '2026-06-01', '2026-06-10')).toBe(0);
  });

  it('at, below and above the quota: each leader capped at 100%, averaged', () => {
    expect(field([{ days: 8, expected: 8 }]).score).toBe(100);
    expect(field([{ days: 4, expected: 8 }]).score).toBe(50);
    expect(field([{ days: 20, expected: 8 }]).score).toBe(100);
    expect(field([{ days: 20, expected: 8 }, { days: 0, expected: 8 }]).score).toBe(50); // one leader's surplus does not cover another
  });

  it('says the expected days in the half days a visit is counted in, not as 82.8', () => {
    const c = field([{ days: 41, expected: 82.8 }]);
    expect(c.explanation).toContain('期内应下基层 83 天、实际 41 天');
    expect(c.score).toBe(49.5); // the score keeps the exact expectation: 100 × 41 ÷ 82.8
    expect(field([{ days: 1.5, expected: 7.6 }, { days: 1, expected: 7.7 }]).explanation).toContain('期内应下基层 15.5 天、实际 2.5 天');
  });

  it('no leader with a quota is no data', () => {
    expect(field([]).score).toBeNull();
    expect(field([{ days: 3, expected: 0 }]).score).toBeNull();
    expect(score('field_days', componentScores({}, p)).explanation).toContain('尚未接入');
  });
});

describe('findings resolved', () => {
  const f = (found: number, resolved: number, min = 1) => score('findings', componentScores({ findings: { found, resolved } }, { ...p, minSamples: min }));
  it('the share resolved; none found is no data', () => {
    expect(f(4, 3).score).toBe(75);
    expect(f(4, 4).score).toBe(100);
    expect(f(4, 0).score).toBe(0);
    expect(f(0, 0).score).toBeNull();
    expect(f(2, 2, 3).score).toBeNull();
    expect(f(3, 3, 3).score).toBe(100);
  });
});

describe('progress of a past period', () => {
  it('is no data when no measurement was taken while it ran; counts the measurement when one was', () => {
    const t = tasks({ reporting: 4, reportsLate: 1 });
    expect(score('progress', componentScores({ tasks: t }, p)).score).toBe(75);
    const past = score('progress', componentScores({ tasks: t, progress: 'past' }, p));
    expect(past.score).toBeNull();
    expect(past.explanation).toContain('无数据');
    // the other task components still count
    expect(score('overdue_days', componentScores({ tasks: { ...t, active: 4 }, progress: 'past' }, p)).score).toBe(100);
  });
});
