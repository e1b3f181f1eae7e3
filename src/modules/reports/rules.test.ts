import { describe, expect, it } from 'vitest';
import { builtinYears } from '../../platform/calendar/builtin.ts';
import { WorkCalendar } from '../../platform/calendar/calendar.ts';
import { CATCH_UP_DAYS, applyEdit, docNumber, isDueOn, isoWeek, parsePeriod, percent, periodContaining, periodFits, previousPeriod, refreshKeepingTexts, reportNext, summaryPeriod, type ReportContent } from './rules.ts';

const cal = new WorkCalendar(builtinYears());

describe('periods', () => {
  it.each([
    ['2026-W48', '2026-11-23', '2026-11-30'],
    ['2026-W01', '2025-12-29', '2026-01-05'],
    ['2026-W53', '2026-12-28', '2027-01-04'],
    ['2026-11', '2026-11-01', '2026-12-01'],
    ['2026-12', '2026-12-01', '2027-01-01'],
    ['2026-Q4', '2026-10-01', '2027-01-01'],
    ['2026-Q1', '2026-01-01', '2026-04-01'],
    ['2026', '2026-01-01', '2027-01-01'],
    ['2026-11-01..2026-11-30', '2026-11-01', '2026-12-01'],
    ['2026-11-05..2026-11-05', '2026-11-05', '2026-11-06'],
  ])('%s runs from %s to before %s', (key, from, to) => {
    expect(parsePeriod(key)).toMatchObject({ key, from, to });
  });
  it.each(['2026-W00', '2026-W54', '2025-W53', '2026-00', '2026-13', '2026-Q5', '2026-02-30..2026-03-01', '2026-11-30..2026-11-01', '2026-01-01..2027-01-02', '26-11', '2026-11-01..', ''])('refuses %j', (key) => {
    expect(parsePeriod(key)).toBeNull();
  });
  it('fits kinds to their shapes; 通报 takes any', () => {
    expect(periodFits('weekly', '2026-W48')).toBe(true);
    expect(periodFits('weekly', '2026-11')).toBe(false);
    expect(periodFits('monthly', '2026-11')).toBe(true);
    expect(periodFits('quarterly', '2026-Q4')).toBe(true);
    expect(periodFits('annual', '2026')).toBe(true);
    expect(periodFits('annual', '2026-Q4')).toBe(false);
    expect(periodFits('notice', '2026-11-01..2026-11-30')).toBe(true);
    expect(periodFits('notice', '2026-11')).toBe(true);
  });
  it('ISO weeks across the new year', () => {
    expect(isoWeek('2027-01-01')).toEqual([2026, 53]);
    expect(isoWeek('2026-01-01')).toEqual([2026, 1]);
    expect(isoWeek('2026-12-01')).toEqual([2026, 49]);
  });
  it('the previous period of each kind', () => {
    expect(previousPeriod('weekly', '2026-12-01').key).toBe('2026-W48');
    expect(previousPeriod('monthly', '2026-01-05').key).toBe('2025-12');
    expect(previousPeriod('quarterly', '2026-01-05').key).toBe('2025-Q4');
    expect(previousPeriod('annual', '2026-01-05').key).toBe('2025');
    expect(periodContaining('quarterly', '2026-05-31').key).toBe('2026-Q2');
  });
  it('a personal summary takes a month, quarter or year only', () => {
    expect(summaryPeriod('2026-11')).not.toBeNull();
    expect(summaryPeriod('2026-Q4')).not.toBeNull();
    expect(summaryPeriod('2026')).not.toBeNull();
    expect(summaryPeriod('2026-W48')).toBeNull();
    expect(summaryPeriod('2026-11-01..2026-11-30')).toBeNull();
  });
});

describe('the generation day (working days, 调休 and holidays as they fall)', () => {
  it('the first working day of October 2026 is the 8th (National Day break 1–7; Saturday the 10th is a makeup day)', () => {
    expect(isDueOn('monthly', '2026-10-07', 1, cal)).toBe(false);
    expect(isDueOn('monthly', '2026-10-08', 1, cal)).toBe(true);
    expect(isDueOn('monthly', '2026-10-08', 2, cal)).toBe(false);
    expect(isDueOn('monthly', '2026-10-09', 3, cal)).toBe(false);
    expect(isDueOn('monthly', '2026-10-10', 3, cal)).toBe(true);
  });
  it('after its day only within the catch-up days, never later', () => {
    expect(isDueOn('monthly', '2026-12-01', 1, cal)).toBe(true);
    expect(isDueOn('monthly', `2026-12-0${1 + CATCH_UP_DAYS - 1}`, 1, cal)).toBe(true);
    expect(isDueOn('monthly', `2026-12-0${1 + CATCH_UP_DAYS}`, 1, cal)).toBe(false);
    expect(isDueOn('annual', '2026-12-01', 1, cal)).toBe(false);
  });
  it('the week’s report on its Monday (a working day) and not on the Sunday before', () => {
    expect(isDueOn('weekly', '2026-11-30', 1, cal)).toBe(true);
    expect(isDueOn('weekly', '2026-11-29', 1, cal)).toBe(true); // still the previous week's catch-up window
    expect(isDueOn('weekly', '2026-11-29', 7, cal)).toBe(false);
  });
});

describe('文号, states, edits', () => {
  it('numbers per kind and year', () => {
    expect(docNumber('monthly', 2026, 3)).toBe('督调〔2026〕3号');
    expect(docNumber('notice', 2027, 1)).toBe('督通〔2027〕1号');
  });
  it('an issued report refuses every action', () => {
    expect(reportNext('draft', 'edit')).toEqual({ ok: true, status: 'draft' });
    expect(reportNext('draft', 'issue')).toEqual({ ok: true, status: 'issued' });
    for (const a of ['edit', 'refresh', 'issue'] as const) expect(reportNext('issued', a).ok).toBe(false);
  });
  const content: ReportContent = {
    title: 'T',
    signer: 'S',
    date: '2026-11-20',
    sections: [
      { key: 'a', heading: 'A', text: 'generated a', table: { columns: ['x'], rows: [[1]] } },
      { key: 'b', heading: 'B', text: 'generated b', table: null },
    ],
  };
  it('an edit changes texts and the title, never tables; unknown keys are named', () => {
    const e = applyEdit(content, { title: 'T2', sections: [{ key: 'a', text: 'mine' }] });
    expect(e.ok && e.content.sections[0]).toEqual({ key: 'a', heading: 'A', text: 'mine', table: { columns: ['x'], rows: [[1]] } });
    expect(e.ok && e.content.title).toBe('T2');
    expect(applyEdit(content, { sections: [{ key: 'z', text: 'x' }] })).toEqual({ ok: false, unknown: ['z'] });
  });
  it('a refresh takes fresh tables and keeps only the edited texts', () => {
    const old = { ...content, sections: content.sections.map((s) => ({ ...s, text: `edited ${s.key}` })) };
    const fresh = { ...content, title: 'fresh', sections: content.sections.map((s) => ({ ...s, text: `new ${s.key}`, table: s.table ? { columns: ['x'], rows: [[2]] } : null })) };
    const r = refreshKeepingTexts(old, fresh, new Set(['a']));
    expect(r.sections.map((s) => s.text)).toEqual(['edited a', 'new b']);
    expect(r.sections[0]!.table!.rows).toEqual([[2]]);
    expect(r.title).toBe('T');
  });
  it('percent: one decimal, null without a denominator', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
    expect(percent(2, 2)).toBe(100);
  });
});
