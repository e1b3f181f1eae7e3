import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from './helpers/context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ rateLimits: { loginPerMinute: 5, publicPerMinute: 8 } });
});
afterAll(() => ctx.close());

describe('security headers', () => {
  it('sends helmet headers on API answers and errors', async () => {
    for (const url of ['/api/health', '/api/v1/units', '/api/v1/nothing']) {
      const res = await ctx.inject({ method: 'GET', url, remoteAddress: '10.9.9.1' });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['strict-transport-security']).toBeDefined();
    }
  });

  it('still serves the API documentation page', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/docs/', remoteAddress: '10.9.9.2' });
    expect(res.statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits login attempts per client address with 429 in the error shape', async () => {
    const p = await ctx.newPerson();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.7', payload: { login: p.login, password: TEST_PASSWORD } });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe('RATE_LIMITED');
        expect(res.headers['retry-after']).toBeDefined();
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // Another address is not affected.
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.0.0.8', payload: { login: p.login, password: TEST_PASSWORD } })).statusCode).toBe(200);
  });

  it('limits other public routes, but not logged-in API use', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await ctx.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.9' })).statusCode);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    const c = await ctx.as(['staff']);
    for (let i = 0; i < 12; i++) expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
