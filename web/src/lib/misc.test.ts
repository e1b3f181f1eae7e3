import { describe, expect, it } from 'vitest';
import { parseSchedule } from './calendar.ts';
import { escalationTotals, lightsByUnit, onTimeRates, overallOnTime, overdueRanking, weekSummary } from './charts.ts';
import { ALL_KEYS, translate } from './i18n.ts';
import { flattenPolicy, pathName, sectionName } from './policy.ts';
import { subtreeIds, unitTree } from './tree.ts';
import type { Stats, TrendWeek, Unit } from './types.ts';

const unit = (id: number, parentId: number | null, sortOrder = 0): Unit => ({ id, parentId, sortOrder, name: `U${id}`, code: `u${id}`, kind: 'department', level: 'county', active: true });

describe('i18n', () => {
  it('has every message in Chinese and English', () => {
    for (const k of ALL_KEYS) {
      expect(translate('zh', k).length, k).toBeGreaterThan(0);
      expect(translate('en', k).length, k).toBeGreaterThan(0);
    }
  });
});

describe('unit tree', () => {
  it('nests units under their parents in sort order; orphans (outside scope) become roots', () => {
    const tree = unitTree([unit(1, null), unit(3, 1, 2), unit(2, 1, 1), unit(4, 99), unit(5, 2)]);
    expect(tree.map((n) => n.value)).toEqual([1, 4]);
    expect(tree[0]!.children.map((n) => n.value)).toEqual([2, 3]);
    expect(tree[0]!.children[0]!.children.map((n) => n.value)).toEqual([5]);
  });
  it('lists a subtree', () => {
    expect(subtreeIds([unit(1, null), unit(2, 1), unit(3, 2), unit(4, null)], 1).sort()).toEqual([1, 2, 3]);
  });
});

describe('calendar files', () => {
  it('reads the JSON the API takes', () => {
    const r = parseSchedule('{"holidays":{"2027-01-01":"元旦"},"workdays":{"2027-02-07":"春节调休"}}', 2027);
    expect(r).toEqual({ ok: true, schedule: { holidays: { '2027-01-01': '元旦' }, workdays: { '2027-02-07': '春节调休' } } });
  });
  it('reads a CSV of date, 休/班, name with a header row and a BOM', () => {
    const r = parseSchedule('\uFEFF日期,类型,名称\r\n2027-01-01,休,元旦\r\n2027-02-07,班,春节调休\r\n', 2027);
    expect(r).toEqual({ ok: true, schedule: { holidays: { '2027-01-01': '元旦' }, workdays: { '2027-02-07': '春节调休' } } });
  });
  it('refuses other years, bad kinds, bad JSON and empty files, saying why', () => {
    expect(parseSchedule('2026-01-01,休,元旦', 2027)).toMatchObject({ ok: false, error: expect.stringContaining('2027') });
    expect(parseSchedule('2027-01-01,放假,元旦', 2027)).toMatchObject({ ok: false, error: expect.stringContaining('第 1 行') });
    expect(parseSchedule('{oops', 2027)).toMatchObject({ ok: false });
    expect(parseSchedule('   ', 2027)).toMatchObject({ ok: false });
    expect(parseSchedule('{"holidays":{},"workdays":{}}', 2027)).toMatchObject({ ok: false, error: expect.stringContaining('节假日') });
  });
});

describe('dashboard numbers', () => {
  const stats: Stats = {
    totals: { total: 9, byLight: {}, byStatus: {} },
    units: [
      { unitId: 1, unitName: '住建局', total: 5, byLight: { red: 2, green: 3 }, byStatus: {} },
      { unitId: 2, unitName: '交通局', total: 3, byLight: { red: 3 }, byStatus: {} },
      { unitId: 3, unitName: '林业局', total: 1, byLight: { done: 1 }, byStatus: {} },
    ],
  };
  it('stacks lights by unit', () => {
    const r = lightsByUnit(stats, 2);
    expect(r.units.map((u) => u.id)).toEqual([1, 2]);
    expect(r.series.find((s) => s.light === 'red')!.data).toEqual([2, 3]);
    expect(r.series.find((s) => s.light === 'done')!.data).toEqual([0, 0]);
  });
  it('ranks units by red tasks and leaves out those with none', () => {
    expect(overdueRanking(stats).map((u) => [u.id, u.red])).toEqual([[2, 3], [1, 2]]);
  });
  it('computes on-time rates, with no rate for weeks with nothing verified', () => {
    const weeks: TrendWeek[] = [
      { week: '2026-11-02', done: 4, onTime: 3, escalations: { remind: 1 } },
      { week: '2026-11-09', done: 0, onTime: 0, escalations: { remind: 2, urge: 1 } },
    ];
    expect(onTimeRates(weeks)).toEqual([75, null]);
    expect(overallOnTime(weeks)).toBe(75);
    expect(overallOnTime([])).toBeNull();
    expect(escalationTotals(weeks, ['remind', 'urge', 'notice'])).toEqual([3, 1, 0]);
    expect(weekSummary(weeks[0]!, true)).toBe('2026-11-02 起一周：按期率 75%（按期 3 / 办结 4）');
    expect(weekSummary(weeks[1]!, true)).toBe('2026-11-09 起一周：无办结事项');
    expect(weekSummary(weeks[0]!, false)).toBe('Week of 2026-11-02: 75% on time (3 of 4 completed)');
  });
  it('shows every unit, not the first 15 (issue #16: 15 of 34)', () => {
    const many = { ...stats, units: Array.from({ length: 34 }, (_, i) => ({ unitId: i + 1, unitName: `单位${i + 1}`, total: 1, byLight: { green: 1 }, byStatus: {} })) };
    expect(lightsByUnit(many).units).toHaveLength(34);
  });
});

describe('policy rows', () => {
  it('flattens the policy and marks what differs from the default', () => {
    const rows = flattenPolicy({ tasks: { signWithinWorkdays: 2, escalation: { remind: 1 } } }, { tasks: { signWithinWorkdays: 1, escalation: { remind: 1 } } });
    expect(rows).toEqual([
      { path: 'tasks.signWithinWorkdays', section: 'tasks', value: 2, defaultValue: 1, changed: true },
      { path: 'tasks.escalation.remind', section: 'tasks', value: 1, defaultValue: 1, changed: false },
    ]);
  });

  it("names the server's sections (publicRequests, which the page once called public) and shows unknown ones as they are", () => {
    expect(sectionName('publicRequests', true)).toBe('群众诉求');
    expect(sectionName('publicRequests', false)).toBe('Public requests');
    expect(sectionName('elsewhere', true)).toBe('elsewhere');
    expect(pathName('tasks.escalation.remind', true)).toBe('提醒：逾期（工作日）');
    expect(pathName('research.fieldDaysPerYear.county', true)).toBe('县处级领导年度基层调研天数（天）');
    expect(pathName('research.fieldDaysPerYear.county', false)).toBe('Field days a year: county-level leaders');
    expect(pathName('tasks.nothing', true)).toBeUndefined();
  });
});
