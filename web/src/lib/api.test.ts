import { describe, expect, it } from 'vitest';
import { ApiError, errorFrom, queryString } from './api.ts';

describe('api helpers', () => {
  it('builds query strings without empty values', () => {
    expect(queryString({ a: 1, b: '', c: undefined, d: null, e: 'x y', f: ['p', 'q'], g: [], h: false })).toBe('?a=1&e=x+y&f=p%2Cq&h=false');
    expect(queryString({})).toBe('');
  });

  it("uses the API's own words for errors", () => {
    const e = errorFrom(423, { error: { code: 'ACCOUNT_LOCKED', message: '账号已锁定，请 15 分钟后再试', details: { retryAfterSeconds: 900 } } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 423, code: 'ACCOUNT_LOCKED', message: '账号已锁定，请 15 分钟后再试', details: { retryAfterSeconds: 900 } });
  });

  it('explains failures that carry no error body', () => {
    expect(errorFrom(502, '<html>bad gateway</html>').message).toContain('502');
    expect(errorFrom(0, null).code).toBe('NETWORK');
    expect(errorFrom(500, { error: { code: 'X' } }).message).toContain('500');
  });
});
