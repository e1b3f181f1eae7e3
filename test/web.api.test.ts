import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/context.ts';

/** The server's side of the web app: static files, the browser router's paths, the CSP. */
let ctx: TestContext;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'mashang-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
  ctx = await createTestContext({ webDir: dist });
});
afterAll(async () => {
  await ctx.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serving the web app', () => {
  it('keeps its files out of the route registry (they need no access rule; every other route does)', () => {
    const urls = ctx.app.declaredRoutes.map((r) => r.url);
    expect(urls).toContain('/api/v1/tasks');
    expect(urls.filter((u) => u === '/*' || u.startsWith('/assets/') || u.endsWith('.html') || u.startsWith('/api/docs'))).toEqual([]);
  });

  it('answers / and any app path (a reload on /tasks/42) with index.html, never cached', async () => {
    for (const url of ['/', '/tasks/42', '/admin/calendar?x=1']) {
      const res = await ctx.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets cached for a year, and 404s for missing files', async () => {
    const js = await ctx.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await ctx.inject({ method: 'GET', url: '/assets/missing-9z.js' })).statusCode).toBe(404);
  });

  it('keeps unknown API paths a JSON 404', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('sends the CSP without upgrade-insecure-requests on plain HTTP (intranet addresses keep working)', async () => {
    const csp = (await ctx.inject({ method: 'GET', url: '/' })).headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const secure = await createTestContext({ webDir: dist, secureCookies: true });
    try {
      expect((await secure.inject({ method: 'GET', url: '/' })).headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
    }
  });

  it('explains itself when the web app is not built', async () => {
    const empty = await createTestContext({ webDir: join(dist, 'nothing') });
    try {
      const res = await empty.inject({ method: 'GET', url: '/tasks' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('npm run build:web');
    } finally {
      await empty.close();
    }
  });
});
