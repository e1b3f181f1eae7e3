import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from './helpers/context.ts';
import { auditHeads } from '../src/platform/audit/audit.ts';

/**
 * Hostile input against every write route (and the query strings of every read route), from the
 * routes' own registry: never a 5xx, never a stack trace or SQL text, always the JSON error shape,
 * and a refused request writes nothing (the audit chain's head does not move — every write
 * appends to it).
 */
let ctx: TestContext;
let admin: Client;
let taskId: number;
let seen = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  const county = await ctx.newUnit({ kind: 'region', level: 'county' });
  admin = await ctx.as(['admin'], county);
  taskId = (await admin.post('/api/v1/tasks', { title: '靶子', level: 'normal', leadUnitId: county.id, deadline: '2026-12-31' })).json().id;
});
afterAll(() => ctx.close());

/** Routes that would end the test's own session or need a secret the generator cannot guess. */
const SKIP = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/login']);

const nasty = fc.oneof(
  fc.constantFrom("'; drop table person; --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000\u0001', '𠀀𝕏\uD800', '9'.repeat(400), '-1', '1e309', 'NaN', '2026-02-30', '{{7*7}}', '${process.env}'),
  fc.string({ maxLength: 50 }),
  fc.string({ minLength: 5000, maxLength: 20_000 }),
);
const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: [deep(depth - 1)] });
const hostileBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('title', 'version', 'level', 'deadline', 'leadUnitId', 'login', 'password', 'name', 'roles', 'unitId', 'parentId', 'code', 'kind', 'percent', 'text', 'reason', 'holidays', '__proto__', 'constructor'), fc.oneof(nasty, fc.integer(), fc.double(), fc.constant(null), fc.array(nasty, { maxLength: 3 }))),
  fc.constant(deep(200)),
  fc.record({ version: fc.oneof(fc.integer({ min: -5, max: 2 ** 31 }), fc.constant(1)), reason: nasty, newDeadline: nasty, percent: fc.integer({ min: -1000, max: 1000 }) }),
);

const concrete = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => (name === 'year' ? '2027' : name === 'file' ? 'abc.ics' : name === 'id' ? String(taskId) : '1'));

/** Audit entries written so far, across every chain. */
async function auditSeq(): Promise<number> {
  return (await auditHeads(ctx.handle.db)).entries;
}

function expectSafe(res: LightMyRequestResponse, what: string) {
  seen += 1;
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.body, what).not.toMatch(/\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules|syntax error at|relation "|SELECT |INSERT INTO/);
  if (res.statusCode >= 400) {
    const body = res.json<{ error?: { code?: unknown; message?: unknown } }>();
    expect(typeof body.error?.code, what).toBe('string');
    expect(typeof body.error?.message, what).toBe('string');
  }
}

describe('hostile input', () => {
  it('every write route refuses generated bad bodies cleanly and writes nothing', { timeout: 600_000 }, async () => {
    const routes = ctx.app.declaredRoutes.filter((r) => r.method !== 'GET' && !SKIP.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) {
      await fc.assert(
        fc.asyncProperty(hostileBody, async (body) => {
          const before = await auditSeq();
          const res = await ctx.inject({
            method: r.method,
            url: concrete(r.url),
            headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json', 'x-file-name': 'a.txt' },
            payload: JSON.stringify(body),
          });
          expectSafe(res, `${r.method} ${r.url} ${JSON.stringify(body).slice(0, 120)}`);
          if (res.statusCode >= 400) expect(await auditSeq(), `${r.method} ${r.url} wrote on refusal`).toBe(before);
        }),
        { numRuns: 25, seed: 20261126 },
      );
    }
  });

  it('every read route survives hostile query strings', { timeout: 300_000 }, async () => {
    const reads = ctx.app.declaredRoutes.filter((r) => r.method === 'GET');
    const keys = ['limit', 'after', 'cursor', 'unitId', 'light', 'status', 'q', 'from', 'to', 'workdays', 'deadlineFrom', 'before', 'under', 'role'];
    for (const r of reads) {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), nasty, { maxKeys: 4 }), async (query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await ctx.inject({ method: 'GET', url: `${concrete(r.url)}?${qs}`, headers: { cookie: admin.cookie } });
          expectSafe(res, `GET ${r.url}?${qs.slice(0, 120)}`);
        }),
        { numRuns: 15, seed: 7 },
      );
    }
  });

  it('refuses wrong content types, malformed bodies and oversized payloads with 4xx', async () => {
    const url = `/api/v1/tasks/${taskId}/progress`;
    const send = (type: string, payload: string | Buffer) => ctx.inject({ method: 'POST', url, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': type }, payload });
    for (const res of [
      await send('text/xml', '<a/>'),
      await send('multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--'),
      await send('application/json', '{"version": 1, "percent": '),
      await send('application/json', JSON.stringify({ version: 1, percent: 5, text: 'x'.repeat(2 * 1024 * 1024) })),
      await send('application/json; charset=utf-16', Buffer.from([0xff, 0xfe, 0x7b, 0x00])),
    ]) {
      expectSafe(res, `content ${res.statusCode}`);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }
  });

  it('stores HTML as text', async () => {
    const html = '<img src=x onerror=alert(1)>';
    const res = await admin.post(`/api/v1/tasks/${taskId}/return`, { version: 999, reason: html });
    expect(res.statusCode).toBe(409);
    const t = (await admin.post('/api/v1/tasks', { title: html, level: 'normal', leadUnitId: (await admin.get(`/api/v1/tasks/${taskId}`)).json().leadUnit.id, deadline: '2026-12-31' })).json();
    expect((await admin.get(`/api/v1/tasks/${t.id}`)).json().title).toBe(html);
    expect(seen).toBeGreaterThan(300);
    console.log(`hostile input: ${seen} requests tried, none answered 5xx`);
  });
});
