import { describe, expect, it } from 'vitest';
import { groupCode, maskPhone, nameOf, normalizeCode, percent, ratingName, RATING_LEVELS, reopens, REQUEST_STATUS, REQUEST_TYPE, validPhone } from './public.ts';

describe('citizens’ portal helpers', () => {
  it('masks a mobile number as 138****1234 and short numbers whole', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
    expect(maskPhone('12345')).toBe('*****');
  });
  it('normalizes a typed tracking code and groups it in fours', () => {
    expect(normalizeCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
    expect(groupCode('ABCDEFGHJKMNPQ')).toBe('ABCD-EFGH-JKMN-PQ');
    expect(groupCode('abcd')).toBe('ABCD');
  });
  it('accepts an empty phone, a mobile and a landline with area code; refuses others', () => {
    for (const ok of [undefined, '', '13812341234', '0571-88881234', '057188881234']) expect(validPhone(ok)).toBe(true);
    for (const bad of ['12812341234', '1381234123', 'abc', '138123412345']) expect(validPhone(bad)).toBe(false);
  });
  it('names the five rating levels best first; 不满意 and 非常不满意 reopen', () => {
    expect(RATING_LEVELS.map((l) => ratingName(l))).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect(RATING_LEVELS.filter(reopens)).toEqual([2, 1]);
    expect(ratingName(9)).toBe('9');
  });
  it('names types and states in Chinese and English, unknown keys as themselves', () => {
    expect(nameOf(REQUEST_TYPE, 'complaint')).toBe('投诉');
    expect(nameOf(REQUEST_STATUS, 'reopened', 'en')).toBe('Being rectified');
    expect(nameOf(REQUEST_STATUS, 'weird')).toBe('weird');
    expect(nameOf(REQUEST_STATUS, null)).toBe('—');
  });
  it('shows a share as a percentage with one decimal, or — without data', () => {
    expect(percent(0.875)).toBe('87.5%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });
});
