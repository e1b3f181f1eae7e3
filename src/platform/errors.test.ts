import { describe, expect, it } from 'vitest';
import { AppError, badRequest, conflict, defineErrors, errorCatalogue, forbidden, locked, notFound, PLATFORM_ERRORS, tooMany, unauthorized } from './errors.ts';
import { localizeMessage } from './http/language.ts';

describe('defineErrors', () => {
  it('gives each entry its code and status', () => {
    const E = defineErrors('test-a', { TEST_A_GONE: { status: 410 }, TEST_A_THING_NOT_FOUND: { status: 404, subject: 'TestAThing' } });
    expect(E.TEST_A_GONE).toMatchObject({ code: 'TEST_A_GONE', status: 410 });
    expect(E.TEST_A_THING_NOT_FOUND).toMatchObject({ code: 'TEST_A_THING_NOT_FOUND', status: 404, subject: 'TestAThing' });
    expect(Object.isFrozen(E.TEST_A_GONE)).toBe(true);
    expect(errorCatalogue().map((e) => e.code)).toContain('TEST_A_GONE');
  });

  it.each(['lower_case', 'Mixed_Case', 'TRAILING_', '_LEADING', 'DOUBLE__UNDERSCORE', 'WITH-DASH', 'WITH SPACE', '1DIGIT_FIRST', ''])('refuses the code %j', (code) => {
    expect(() => defineErrors('test-b', { [code]: { status: 400 } })).toThrow(/SCREAMING_SNAKE/);
  });

  it.each([200, 302, 399, 600, 404.5])('refuses the status %d', (status) => {
    expect(() => defineErrors('test-c', { TEST_C_CODE: { status } })).toThrow(/4xx\/5xx/);
  });

  it('refuses a code another catalogue owns, and a subject naming two codes', () => {
    expect(() => defineErrors('test-d', { VALIDATION: { status: 400 } })).toThrow(/defined by platform/);
    expect(() => defineErrors('test-d', { TEST_D_UNIT_NOT_FOUND: { status: 404, subject: 'Unit' } })).toThrow(/names both UNIT_NOT_FOUND/);
  });

  it('accepts the same catalogue evaluated twice', () => {
    defineErrors('test-e', { TEST_E_CODE: { status: 409 } });
    expect(() => defineErrors('test-e', { TEST_E_CODE: { status: 409 } })).not.toThrow();
    expect(() => defineErrors('test-e', { TEST_E_CODE: { status: 400 } })).toThrow();
  });
});

describe('constructors', () => {
  it('take code and status from the catalogue', () => {
    const cases: [AppError, string, number][] = [
      [badRequest('x'), 'VALIDATION', 400],
      [unauthorized(), 'UNAUTHENTICATED', 401],
      [forbidden('x'), 'FORBIDDEN', 403],
      [conflict('STALE_VERSION', 'x'), 'STALE_VERSION', 409],
      [conflict(PLATFORM_ERRORS.UNIT_CYCLE, 'x'), 'UNIT_CYCLE', 409],
      [locked('x'), 'ACCOUNT_LOCKED', 429],
      [tooMany('x'), 'RATE_LIMITED', 429],
      [new AppError(PLATFORM_ERRORS.CSRF_REJECTED, 'x', { a: 1 }), 'CSRF_REJECTED', 403],
      [new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'x'), 'UNSUPPORTED_MEDIA_TYPE', 415],
    ];
    for (const [err, code, status] of cases) {
      expect(err).toBeInstanceOf(AppError);
      expect({ code: err.code, status: err.status, message: err.message }).toEqual({ code, status, message: err.message });
    }
    expect(new AppError(PLATFORM_ERRORS.CSRF_REJECTED, 'm', { a: 1 }).details).toEqual({ a: 1 });
    expect(new AppError(400, 'VALIDATION', 'm', [1]).details).toEqual([1]);
  });

  it('notFound answers the catalogued code by entry or by subject name, never a code built from the name, in Chinese and English', () => {
    expect(notFound(PLATFORM_ERRORS.UNIT_NOT_FOUND, 7)).toMatchObject({ status: 404, code: 'UNIT_NOT_FOUND', message: '单位 7 不存在 (Unit 7 does not exist).', details: { id: 7 } });
    expect(notFound('Person', 3)).toMatchObject({ status: 404, code: 'PERSON_NOT_FOUND', message: '人员 3 不存在 (Person 3 does not exist).' });
    expect(localizeMessage(notFound('Person', 3).message, 'zh')).toBe('人员 3 不存在。');
    expect(localizeMessage(notFound('Person', 3).message, 'en')).toBe('Person 3 does not exist.');
    // The calendar's historic spelling stays as clients know it.
    expect(notFound('CalendarYear', 2031).code).toBe('CALENDARYEAR_NOT_FOUND');
    // A subject no catalogue declares (only reachable past the types) is a plain 404, not an invented code.
    expect(notFound('Gadget' as 'Unit', 1)).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '记录 1 不存在 (Gadget 1 does not exist).' });
  });
});
