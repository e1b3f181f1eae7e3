import { describe, expect, it } from 'vitest';
import { filtersToParams, parseFilters, toQuery } from './filters.ts';

describe('ledger filters in the URL', () => {
  it('round-trips every filter', () => {
    const f = { unitId: 12, light: 'red', level: 'key', source: 'meeting', status: ['assigned', 'signed'], deadlineFrom: '2026-11-01', deadlineTo: '2026-11-30', overdue: true, q: '管网', todo: 'verify' };
    expect(parseFilters(filtersToParams(f))).toEqual(f);
  });

  it('drops what the API would refuse instead of failing the page', () => {
    const p = new URLSearchParams('unitId=-3&light=purple&level=key&status=signed,bogus&deadlineFrom=yesterday&todo=nap&q=%20%20&overdue=yes');
    expect(parseFilters(p)).toEqual({ level: 'key', status: ['signed'] });
  });

  it('cuts an overlong search to the API limit', () => {
    expect(parseFilters(new URLSearchParams({ q: 'x'.repeat(300) })).q).toHaveLength(100);
  });

  it('turns the status list into the comma form the API reads', () => {
    expect(toQuery({ status: ['assigned', 'returned'], overdue: true })).toMatchObject({ status: 'assigned,returned', overdue: 'true' });
    expect(toQuery({})).toEqual(Object.fromEntries(Object.keys(toQuery({})).map((k) => [k, undefined])));
  });
});
