import { describe, expect, it } from 'vitest';
import { accStep, isoWeek, monthRange, changeView, chartSummary, ledgerHref, periodKind, periodName, periodOf, previousPeriod, recentPeriods, recordHref, redBlack, scoreText, tableChart, weightText } from './score.ts';

describe('periods', () => {
  it('knows the three kinds and refuses others', () => {
    expect(periodKind('2026-10')).toBe('month');
    expect(periodKind('2026-Q4')).toBe('quarter');
    expect(periodKind('2026')).toBe('year');
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '2026-Q0', '26', '2026-1', '', '2026-10-01']) expect(periodKind(bad), bad).toBeNull();
  });
  it('finds the period of a day and the one before, across years', () => {
    expect(periodOf('month', '2026-11-02')).toBe('2026-11');
    expect(periodOf('quarter', '2026-11-02')).toBe('2026-Q4');
    expect(periodOf('quarter', '2026-03-31')).toBe('2026-Q1');
    expect(periodOf('year', '2026-11-02')).toBe('2026');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-Q3')).toBe('2026-Q2');
    expect(previousPeriod('2026')).toBe('2025');
    expect(() => previousPeriod('x')).toThrow();
    expect(recentPeriods('month', '2026-02-10', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
  it('names periods', () => {
    expect(periodName('2026-10', 'zh')).toBe('2026年10月');
    expect(periodName('2026-Q3', 'zh')).toBe('2026年第三季度');
    expect(periodName('2026', 'zh')).toBe('2026年');
    expect(periodName('2026-Q3', 'en')).toBe('2026 Q3');
    expect(periodName('2026-W47', 'zh')).toBe('2026年第47周');
    expect(periodName('2026-11-01..2026-11-30', 'zh')).toBe('2026-11-01 – 2026-11-30');
  });
  it('knows ISO weeks and month ranges', () => {
    expect(isoWeek('2026-11-16')).toBe('2026-W47');
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: the last week of 2026
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(monthRange('2026-11')).toBe('2026-11-01..2026-11-30');
    expect(monthRange('2028-02')).toBe('2028-02-01..2028-02-29');
  });
});

describe('scores and ranks', () => {
  it('reads a change: up, down, same, new', () => {
    expect(changeView(2)).toEqual({ dir: 'up', text: '▲2' });
    expect(changeView(-3.14)).toEqual({ dir: 'down', text: '▼3.1' });
    expect(changeView(0).dir).toBe('same');
    expect(changeView(0.02).dir).toBe('same');
    expect(changeView(null).dir).toBe('new');
  });
  it('says no data instead of zero', () => {
    expect(scoreText(null, 'zh')).toBe('无数据');
    expect(scoreText(0, 'zh')).toBe('0.0');
    expect(scoreText(87.25, 'en')).toBe('87.3');
    expect(weightText(0.2)).toBe('20%');
    expect(weightText(15)).toBe('15%');
    expect(weightText(10, 40)).toBe('25%');
  });
  it('puts the top on the red list and the bottom on the black list, never one unit on both, no data on neither', () => {
    const items = [1, 2, 3, 4, 5].map((r) => ({ unitId: r, rank: r, score: 100 - r * 10 }));
    const withNone = [...items, { unitId: 9, rank: null, score: null }];
    const { red, black } = redBlack(withNone, 2);
    expect(red.map((i) => i.unitId)).toEqual([1, 2]);
    expect(black.map((i) => i.unitId)).toEqual([5, 4]);
    const small = redBlack(items.slice(0, 3), 2);
    expect(small.red.map((i) => i.unitId)).toEqual([1, 2]);
    expect(small.black.map((i) => i.unitId)).toEqual([3]);
  });
});

describe('links', () => {
  it('sends each record kind to its page', () => {
    expect(recordHref('task', 3)).toBe('/tasks/3');
    expect(recordHref('request', 4)).toBe('/desk/4');
    expect(recordHref('meeting', 5)).toBe('/meetings/5');
    expect(recordHref('other', 5)).toBeNull();
    expect(ledgerHref({ path: '/tasks', query: { unitId: 3, light: 'red', status: ['verified', 'closed'], q: '' } })).toBe('/tasks?unitId=3&light=red&status=verified%2Cclosed');
    expect(ledgerHref({ path: '/api/v1/citizen-requests', query: { unitId: 3 } })).toBe('/desk?unitId=3');
    expect(ledgerHref({ path: '//evil.example', query: {} })).toBe('/tasks');
    expect(ledgerHref({ path: '/api/v1/tasks', query: { unitId: 1 } })).toBe('/tasks?unitId=1');
    expect(ledgerHref(null)).toBeNull();
  });
  it('knows the record steps', () => {
    expect(accStep('draft')).toBe(0);
    expect(accStep('closed')).toBe(3);
    expect(accStep('odd')).toBe(0);
  });
});

describe('report tables as charts', () => {
  it('charts the numeric columns and describes them in words', () => {
    const c = tableChart({ title: '按时办结率', columns: ['单位', '事项数', '按时率', '备注'], rows: [['青山镇', 4, '75%', '好'], ['绿水镇', 2, '50%', '']] })!;
    expect(c.categories).toEqual(['青山镇', '绿水镇']);
    expect(c.series.map((s) => s.name)).toEqual(['事项数', '按时率']);
    expect(c.series[1]!.data).toEqual([75, 50]);
    expect(chartSummary('按时办结率', c)).toBe('按时办结率。事项数：青山镇 4，绿水镇 2；按时率：青山镇 75，绿水镇 50');
    expect(tableChart({ title: 'x', columns: ['a', 'b'], rows: [['x', 'y']] })).toBeNull();
    expect(tableChart({ title: 'x', columns: ['a', 'b'], rows: [] })).toBeNull();
  });
});
