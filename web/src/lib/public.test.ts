import { describe, expect, it } from 'vitest';
import { acknowledgeLight, groupCode, progressStep, PROGRESS_STEPS, maskPhone, nameOf, normalizeCode, percent, ratingName, RATING_LEVELS, reopens, REQUEST_STATUS, REQUEST_TYPE, validPhone } from './public.ts';

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

describe('the acknowledge light', () => {
  it('is green before the day, yellow on it, red after', () => {
    expect(acknowledgeLight('2026-12-02', '2026-12-01')).toBe('green');
    expect(acknowledgeLight('2026-12-02', '2026-12-02')).toBe('yellow');
    expect(acknowledgeLight('2026-12-02', '2026-12-03')).toBe('red');
  });
});

describe('the citizen’s progress bar', () => {
  it('places every state, and none for declined or merged', () => {
    expect(progressStep('submitted')).toBe(0);
    expect(progressStep('assigned')).toBe(2);
    expect(progressStep('answered')).toBe(3);
    expect(progressStep('rated')).toBe(4);
    expect(progressStep('reopened')).toBe(2);
    expect(progressStep('rectified')).toBe(2);
    expect(progressStep('called_back')).toBe(3);
    expect(progressStep('forwarded')).toBe(4);
    expect(progressStep('declined')).toBeNull();
    expect(progressStep('merged')).toBeNull();
    expect(Object.keys(REQUEST_STATUS).every((s) => progressStep(s as never) === null || PROGRESS_STEPS[progressStep(s as never)!])).toBe(true);
  });
});
