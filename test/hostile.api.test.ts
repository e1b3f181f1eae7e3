import fc from 'fast-check';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from './helpers/context.ts';
import { auditHeads } from '../src/platform/audit/audit.ts';
import type { AuthService } from '../src/platform/auth/service.ts';
import { systemClock } from '../src/platform/clock.ts';
import { PUBLIC } from '../src/platform/http/access.ts';
import { registerGuard } from '../src/platform/http/guard.ts';
import '../src/platform/http/types.ts';

/**
 * Hostile input against every write route (and the query strings of every read route), from the
 * routes' own registry: never a 5xx, never a stack trace or SQL text, always the JSON error shape,
 * and a refused request writes nothing (the audit chain's head does not move — every write
 * appends to it).
 */
let ctx: TestContext;
let admin: Client;
/** Holds every role, so that no route refuses it before the input is checked. */
let everyRole: Client;
let taskId: number;
let seen = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  const county = await ctx.newUnit({ kind: 'region', level: 'county' });
  admin = await ctx.as(['admin'], county);
  everyRole = await ctx.as(['admin', 'supervisor', 'leader', 'unit_head', 'staff'], county);
  taskId = (await admin.post('/api/v1/tasks', { title: '靶子', level: 'normal', leadUnitId: county.id, deadline: '2026-12-31' })).json().id;
});
afterAll(() => ctx.close());

/** Routes that would end the test's own session or need a secret the generator cannot guess. */
const SKIP = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/login']);

const nasty = fc.oneof(
  fc.constantFrom("'; drop table person; --", '<script>alert(1)</script>', '../../etc/passwd', '\u0000\u0001', '𠀀𝕏\uD800', '9'.repeat(400), '-1', '1e309', 'NaN', '2026-02-30', '0000-01-01', '2147483648', '99999999999', '1.5', 'WyIyMDI2LTAyLTMwIiwxXQ', '{{7*7}}', '${process.env}'),
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

const concrete = (url: string) =>
  url.replace(/:(\w+)/g, (_m, name: string) => (name === 'year' ? '2027' : name === 'file' ? 'abc.ics' : name === 'id' ? String(taskId) : name === 'format' ? 'json' : name === 'code' || name === 'token_id' ? '23456789ABCDEF' : name === 'service_code' ? 'roads' : name === 'key' ? 'on_time' : '1'));

/** Open311 answers errors as the spec's list of { code, description }, not the /api shape. */
const isOpen311 = (what: string) => what.includes('/open311/');

/** Audit entries written so far, across every chain. */
async function auditSeq(): Promise<number> {
  return (await auditHeads(ctx.handle.db)).entries;
}

function expectSafe(res: LightMyRequestResponse, what: string) {
  seen += 1;
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.body, what).not.toMatch(/\bat [\w.<>]+ \(.*:\d+:\d+\)|node_modules|syntax error at|relation "|SELECT |INSERT INTO/);
  if (res.statusCode >= 400 && isOpen311(what)) {
    const body = res.json<{ code?: unknown; description?: unknown }[]>();
    expect(Array.isArray(body) && body.length > 0, what).toBe(true);
    expect(typeof body[0]!.code, what).toBe('number');
    expect(typeof body[0]!.description, what).toBe('string');
  } else if (res.statusCode >= 400) {
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
    const common = ['limit', 'after', 'cursor', 'unitId', 'light', 'status', 'q', 'from', 'to', 'workdays', 'deadlineFrom', 'before', 'under', 'role'];
    for (const r of reads) {
      // The route's own parameters, as its schema documents them, and a few every list might take.
      const keys = [...new Set([...common, ...docParams('GET', r.url).filter((p) => p.in === 'query').map((p) => p.name)])];
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

  it('refuses texts with nothing visible in them and text-direction overrides, with 400 naming the field', async () => {
    const leadUnitId = (await admin.get(`/api/v1/tasks/${taskId}`)).json().leadUnit.id;
    // Zero-width spaces, a braille blank, a Hangul filler: a title nobody can read in the ledger.
    // U+202E turns the rest of a line around in every list and export it is shown in.
    for (const title of ['\u200b', '\u200b\u200c\u200d\u2060', '\u2800\u2800', '\u3164', ' \u200b ', '\u202e发通知', '正文\u2066隔离\u2069']) {
      expect400(await admin.post('/api/v1/tasks', { title, level: 'normal', leadUnitId, deadline: '2026-12-31' }), 'body.title', JSON.stringify(title));
    }
    const citizen = await ctx.inject({ method: 'POST', url: '/api/v1/public/requests', payload: { type: 'consult', category: 'roads', description: '\u200b\u200b\u200b\u200b\u200b\u200b' } });
    expect400(citizen, 'body.description', 'a citizen’s invisible description');
    // A required reason or report is not given by a zero-width space either.
    for (const [path, body, field] of [
      ['return', { version: 1, reason: '\u200b\u200b' }, 'body.reason'],
      ['progress', { version: 1, percent: 10, text: '\u2800' }, 'body.text'],
      ['submit', { version: 1, completion: { text: '\u200b' }, summary: { done: '做了', result: '成了', lessons: '\u3164' } }, 'body.completion.text'],
    ] as const) {
      expect400(await admin.post(`/api/v1/tasks/${taskId}/${path}`, body), field, `${path} ${JSON.stringify(body)}`);
    }
    // Optional texts (a description, a note, evidence, a source reference) refuse terminal escapes and overrides too; tabs and line breaks stay.
    for (const [body, field] of [
      [{ title: '有转义的描述', level: 'normal', leadUnitId, deadline: '2026-12-31', description: '正文\u001b[2J清屏' }, 'body.description'],
      [{ title: '有覆盖的来源', level: 'normal', leadUnitId, deadline: '2026-12-31', source: { kind: 'meeting', ref: '会议\u202e纪要' } }, 'body.source.ref'],
      [{ title: '有响铃的标准', level: 'normal', leadUnitId, deadline: '2026-12-31', standard: '标准\u0007' }, 'body.standard'],
    ] as const) {
      expect400(await admin.post('/api/v1/tasks', body), field, JSON.stringify(body));
    }
    expect400(await admin.post(`/api/v1/tasks/${taskId}/submit`, { version: 1, completion: { text: '办完了', evidence: '照片\u001b' }, summary: { done: '做了', result: '成了', lessons: '有' } }), 'body.completion.evidence', 'evidence with ESC');
    expect((await admin.post('/api/v1/tasks', { title: '有换行的描述', level: 'normal', leadUnitId, deadline: '2026-12-31', description: '第一行\n第二行\t缩进' })).statusCode).toBe(201);
    // Visible text around a zero-width joiner (emoji, some scripts) stays allowed.
    expect((await admin.post('/api/v1/tasks', { title: '家庭👨\u200d👩\u200d👧活动', level: 'normal', leadUnitId, deadline: '2026-12-31' })).statusCode).toBe(201);
  });
});

/** A query or path parameter as the OpenAPI document (built from the routes' own schemas) lists it. */
interface DocParam {
  name: string;
  in: 'query' | 'path' | 'header';
  schema?: { type?: string; minimum?: number };
}
function docParams(method: string, url: string): DocParam[] {
  const doc = ctx.app.swagger() as { paths: Record<string, Record<string, { parameters?: DocParam[] }>> };
  return doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()]?.parameters ?? [];
}
const isNumber = (p: DocParam) => p.schema?.type === 'integer' || p.schema?.type === 'number';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A 400 whose details name the field, e.g. `querystring.unitId` (or an element of it, `querystring.status.0`). */
function expect400(res: LightMyRequestResponse, path: string, what: string) {
  expectSafe(res, what);
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBe(400);
  if (isOpen311(what)) {
    const descriptions = res.json<{ description: string }[]>().map((e) => e.description);
    expect(descriptions.some((d) => d.startsWith(path) || d.includes(` ${path} `) || d.includes(`${path}.`) || d.includes(`: ${path} `)), `${what}: ${descriptions.join(' | ')} should name ${path}`).toBe(true);
    return;
  }
  const body = res.json<{ error: { code: string; details?: { path: string }[] } }>();
  expect(body.error.code, what).toBe('VALIDATION');
  const paths = body.error.details?.map((d) => d.path) ?? [];
  expect(paths.some((p) => p === path || p.startsWith(`${path}.`)), `${what}: ${paths.join(', ')} should name ${path}`).toBe(true);
}

describe('hostile query strings, paths and cursors: 400 with the field, never 5xx', () => {
  const CONTROL = ['\u0000', 'a\u0000b', '\u0001', '\u001b[2J', '\u007f'];
  const OUT_OF_RANGE = ['2147483648', '99999999999', '1.5', '1e20', '-1'];

  it('refuses the outside check’s cases', async () => {
    for (const [url, path] of [
      ['/api/v1/tasks?q=%00', 'querystring.q'],
      ['/api/v1/people?q=%00', 'querystring.q'],
      ['/api/v1/tasks/export.xlsx?q=%00', 'querystring.q'],
      ['/api/v1/tasks?unitId=2147483648', 'querystring.unitId'],
      ['/api/v1/tasks?responsibleId=99999999999', 'querystring.responsibleId'],
      [`/api/v1/tasks?cursor=${b64(['2026-02-30', 1])}`, 'querystring.cursor'],
      [`/api/v1/tasks?cursor=${b64([1e20, 1])}`, 'querystring.cursor'],
      [`/api/v1/tasks?sort=newest&cursor=${b64([99999999999, 99999999999])}`, 'querystring.cursor'],
      // A calendar date PostgreSQL has no year for.
      ['/api/v1/tasks?deadlineFrom=0000-01-01', 'querystring.deadlineFrom'],
      ['/api/v1/tasks?escalatedFrom=0000-01-01', 'querystring.escalatedFrom'],
      ['/api/v1/tasks/overview?weeks=1e20', 'querystring.weeks'],
      ['/api/v1/tasks/overview?weeks=-1', 'querystring.weeks'],
      ['/api/v1/tasks/overview?weeks=%00', 'querystring.weeks'],
      [`/api/v1/tasks?cursor=${b64(['0000-01-01', 1])}`, 'querystring.cursor'],
      ['/api/v1/calendar/days?from=0000-01-01&to=0000-01-02', 'querystring.from'],
      ['/api/v1/meetings?q=%00', 'querystring.q'],
      [`/api/v1/meetings?cursor=${b64(['0000-01-01T00:00:00Z', 1])}`, 'querystring.cursor'],
      [`/api/v1/meetings?cursor=${b64(['2026-12-01T09:00:00+08:00', 2147483648])}`, 'querystring.cursor'],
      ['/api/v1/meetings?year=99999', 'querystring.year'],
      ['/api/v1/meetings/stats?year=0', 'querystring.year'],
    ] as const) {
      expect400(await everyRole.get(url), path, url);
    }
  });

  it('every query parameter of every read route refuses control characters and numbers out of range', { timeout: 300_000 }, async () => {
    const reads = ctx.app.declaredRoutes.filter((r) => r.method === 'GET');
    let checked = 0;
    for (const r of reads) {
      for (const p of docParams('GET', r.url).filter((x) => x.in === 'query')) {
        const bad = [...CONTROL, ...(isNumber(p) ? OUT_OF_RANGE.filter((v) => v !== '-1' || (p.schema?.minimum ?? 0) > -1) : [])];
        for (const v of bad) {
          const url = `${concrete(r.url)}?${new URLSearchParams({ [p.name]: v })}`;
          expect400(await everyRole.get(url), `querystring.${p.name}`, `GET ${url}`);
          checked += 1;
        }
      }
    }
    // The ledger's filters, people's and the inbox's: the cases above reached them.
    expect(checked).toBeGreaterThan(150);
  });

  it('every path parameter of every route refuses numbers past the integer range and other junk', { timeout: 300_000 }, async () => {
    let checked = 0;
    for (const r of ctx.app.declaredRoutes) {
      for (const name of [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!)) {
        for (const v of ['2147483648', '99999999999', '-1', '1.5', '%00', '%7F', 'x']) {
          const url = concrete(r.url.replace(`:${name}`, v));
          const write = r.method !== 'GET' && r.method !== 'DELETE';
          const res = await ctx.inject({
            method: r.method,
            url,
            headers: { cookie: everyRole.cookie, 'x-csrf-token': everyRole.csrfToken, ...(write ? { 'content-type': 'application/json' } : {}) },
            ...(write ? { payload: '{}' } : {}),
          });
          expect400(res, `params.${name}`, `${r.method} ${url}`);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every keyset-paged list takes `cursor` and refuses crafted ones', async () => {
    const paged = ctx.app.declaredRoutes.filter((r) => r.method === 'GET' && docParams('GET', r.url).some((p) => p.in === 'query' && p.name === 'cursor'));
    expect(paged.map((r) => r.url)).toEqual(expect.arrayContaining(['/api/v1/tasks', '/api/v1/people', '/api/v1/notifications']));
    const crafted = [b64(['2026-02-30', 1]), b64([1e20, 1]), b64(['x', 99999999999]), b64([1, 99999999999]), b64([-1]), b64([]), b64({ a: 1 }), b64('\u0000'), 'garbage', '%00', 'a'.repeat(1000), '!!!'];
    for (const r of paged) {
      for (const c of crafted) {
        const url = `${concrete(r.url)}?cursor=${encodeURIComponent(c)}`;
        expect400(await everyRole.get(url), 'querystring.cursor', `GET ${url.slice(0, 120)}`);
      }
    }
    // A cursor must come from the sort it is used with.
    expect400(await everyRole.get(`/api/v1/tasks?sort=deadline&cursor=${b64([5, 1])}`), 'querystring.cursor', 'deadline sort, id cursor');
    expect400(await everyRole.get(`/api/v1/tasks?sort=newest&cursor=${b64(['2026-01-01', 1])}`), 'querystring.cursor', 'newest sort, date cursor');
  });

  it('every route refuses a NUL character anywhere in its body with 400 naming the field (PostgreSQL cannot store one)', async () => {
    for (const r of ctx.app.declaredRoutes.filter((x) => x.method !== 'GET')) {
      const url = concrete(r.url);
      for (const [payload, path] of [
        [{ title: 'a\u0000b' }, 'body.title'],
        [{ version: 1, summary: { done: 'd', result: '\u0000', lessons: 'l' } }, 'body.summary.result'],
        [{ milestones: [{ title: 'm\u0000' }] }, 'body.milestones.0.title'],
        [{ 'k\u0000': 1 }, 'body.k\u0000'],
      ] as const) {
        const res = await ctx.inject({ method: r.method, url, headers: { cookie: everyRole.cookie, 'x-csrf-token': everyRole.csrfToken, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
        expect400(res, path, `${r.method} ${url} ${JSON.stringify(payload)}`);
      }
    }
    // The fields that reached the database before: a task's free texts, a report, a holiday's name, a login.
    const t = (await everyRole.post('/api/v1/tasks', { title: 't', level: 'normal', leadUnitId: (await everyRole.get(`/api/v1/tasks/${taskId}`)).json().leadUnit.id, deadline: '2026-12-31' })).json();
    for (const field of ['description', 'standard', 'assessment']) {
      expect400(await everyRole.post('/api/v1/tasks', { title: 't', level: 'normal', leadUnitId: t.leadUnit.id, deadline: '2026-12-31', [field]: 'x\u0000' }), `body.${field}`, field);
    }
    expect400(await everyRole.post(`/api/v1/tasks/${t.id}/progress`, { version: t.version, percent: 5, text: 'x\u0000' }), 'body.text', 'progress');
    // Issue #16: the co-units' parts, the assigner's edit and 撤回, files on an existing task.
    for (const [path, body, field] of [
      ['co-sign', { version: t.version, unitId: 2147483648 }, 'body.unitId'],
      ['co-sign', { version: t.version, unitId: -1 }, 'body.unitId'],
      ['co-progress', { version: t.version, percent: -1, text: '进展' }, 'body.percent'],
      ['co-progress', { version: t.version, percent: 1e12, text: '进展' }, 'body.percent'],
      ['co-progress', { version: t.version, percent: 5, text: 'x\u0000' }, 'body.text'],
      ['co-progress', { version: t.version, percent: 5, text: 'x'.repeat(10_001) }, 'body.text'],
      ['edit', { version: t.version, title: 'a\u0000b' }, 'body.title'],
      ['edit', { version: t.version, title: 'x'.repeat(201) }, 'body.title'],
      ['edit', { version: t.version, deadline: '2026-02-30' }, 'body.deadline'],
      ['edit', { version: t.version, leadUnitId: 0 }, 'body.leadUnitId'],
      ['edit', { version: t.version, status: 'closed' }, 'body'],
      ['edit', { version: -1, title: 't' }, 'body.version'],
      ['withdraw', { version: t.version, reason: 'x\u0000' }, 'body.reason'],
      ['withdraw', { version: t.version, reason: '' }, 'body.reason'],
      ['attach', { version: t.version, attachmentIds: [] }, 'body.attachmentIds'],
      ['attach', { version: t.version, attachmentIds: [-5] }, 'body.attachmentIds.0'],
      ['attach', { version: t.version, attachmentIds: ['1'] }, 'body.attachmentIds.0'],
    ] as const) {
      expect400(await everyRole.post(`/api/v1/tasks/${t.id}/${path}`, body), field, `${path} ${JSON.stringify(body).slice(0, 80)}`);
    }
    expect400(await everyRole.post(`/api/v1/tasks/${t.id}/attachments/%00/remove`, { version: t.version }), 'params.eid', 'remove %00');
    expect400(await everyRole.post(`/api/v1/tasks/${t.id}/attachments/99999999999/remove`, { version: t.version }), 'params.eid', 'remove huge id');
    // Unknown ids are 404 (the task) or 400 (a file not uploaded to it), never a 500.
    expect((await everyRole.post('/api/v1/tasks/2000000000/edit', { version: 1, title: 't' })).statusCode).toBe(404);
    expect((await everyRole.post(`/api/v1/tasks/${t.id}/attach`, { version: t.version, attachmentIds: [2_000_000_000] })).statusCode).toBe(400);
    expect400(await everyRole.put('/api/v1/calendar/years/2030', { holidays: { '2030-01-01': '元旦\u0000' }, workdays: {} }), 'body.holidays.2030-01-01', 'holiday');
    expect400(await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'a\u0000', password: 'x' } }), 'body.login', 'login');
  });

  it('a meeting’s plan, decision and timer refuse bad values with 400 naming the field', async () => {
    const unitId = (await everyRole.get(`/api/v1/tasks/${taskId}`)).json().leadUnit.id;
    const plan = { title: '会', kind: 'topic', organizerUnitId: unitId, startsAt: '2026-12-10T09:00:00+08:00', endsAt: '2026-12-10T10:00:00+08:00', headcount: 5, agenda: [{ speaker: '甲', role: 'main', minutes: 10 }] };
    for (const [patch, path] of [
      [{ startsAt: '9999-12-10T09:00:00+08:00' }, 'body.startsAt'],
      [{ startsAt: '2026-02-30T09:00:00+08:00' }, 'body.startsAt'],
      [{ endsAt: '2026-12-10' }, 'body.endsAt'],
      [{ headcount: -1 }, 'body.headcount'],
      [{ headcount: 1e12 }, 'body.headcount'],
      [{ agenda: [{ speaker: '甲', role: 'main', minutes: -5 }] }, 'body.agenda.0.minutes'],
      [{ agenda: [{ speaker: '甲', role: 'main', minutes: 1.5 }] }, 'body.agenda.0.minutes'],
      [{ agenda: [{ role: 'main', minutes: 5 }] }, 'body.agenda.0.speaker'],
      [{ agenda: [] }, 'body.agenda'],
      [{ attendingUnitIds: [2147483648] }, 'body.attendingUnitIds.0'],
      [{ overrideReason: '理'.repeat(2001) }, 'body.overrideReason'],
      [{ title: 'x'.repeat(201) }, 'body.title'],
      [{ kind: 'party' }, 'body.kind'],
    ] as const) {
      expect400(await everyRole.post('/api/v1/meetings', { ...plan, ...patch }), path, `meeting ${JSON.stringify(patch).slice(0, 80)}`);
    }
    const m = (await everyRole.post('/api/v1/meetings', plan)).json();
    expect(m.id).toBeGreaterThan(0);
    for (const [body, path] of [
      [{ text: '事项', deadline: '0000-01-01' }, 'body.deadline'],
      [{ text: '事项', deadline: { workdays: -1 } }, 'body.deadline'],
      [{ text: '事项', leadUnitId: 0 }, 'body.leadUnitId'],
      [{ text: '' }, 'body.text'],
    ] as const) {
      expect400(await everyRole.post(`/api/v1/meetings/${m.id}/decisions`, body), path, `decision ${JSON.stringify(body)}`);
    }
    expect400(await everyRole.post(`/api/v1/meetings/${m.id}/agenda/${m.agenda[0].id}/actual`, { minutes: 99999 }), 'body.minutes', 'actual minutes');
    expect400(await everyRole.post(`/api/v1/meetings/${m.id}/agenda/${m.agenda[0].id}/actual`, { startedAt: 'yesterday', endedAt: '2026-12-10T10:00:00+08:00' }), 'body.startedAt', 'actual start');
    // Unknown ids are 4xx, not 5xx.
    expectSafe(await everyRole.post(`/api/v1/meetings/${m.id}/decisions`, { text: '事项', leadUnitId: 2147483647 }), 'unknown lead unit');
    expectSafe(await everyRole.post('/api/v1/meetings', { ...plan, agenda: [{ speakerId: 2147483647, role: 'main', minutes: 5 }] }), 'unknown speaker');
  });

  it('a field visit, its findings, a finding’s task and a place refuse bad values with 400 naming the field', async () => {
    const me = everyRole.person.id;
    const countyId = (await ctx.handle.db.selectFrom('person').select('unitId').where('id', '=', me).executeTakeFirstOrThrow()).unitId;
    const town = await ctx.newUnit({ parent: await ctx.handle.db.selectFrom('unit').selectAll().where('id', '=', countyId).executeTakeFirstOrThrow(), kind: 'region', name: '靶镇' });
    const visit = { personIds: [me], startDate: '2026-11-02', endDate: '2026-11-02', kind: 'survey', purpose: '调研' };
    for (const [patch, path] of [
      [{ personIds: [] }, 'body.personIds'],
      [{ personIds: [-1] }, 'body.personIds.0'],
      [{ personIds: [2147483648] }, 'body.personIds.0'],
      [{ startDate: '2026-02-30' }, 'body.startDate'],
      [{ startDate: '0000-01-01' }, 'body.startDate'],
      [{ endDate: '2026-11-01' }, 'body.endDate'],
      [{ endDate: '2026-11-03', halfDay: true }, 'body.halfDay'],
      [{ startDate: '2026-01-01', endDate: '2026-11-02' }, 'body.endDate'],
      [{ kind: 'tour' }, 'body.kind'],
      [{ unannounced: 'yes' }, 'body.unannounced'],
      [{ purpose: '' }, 'body.purpose'],
      [{ purpose: '调'.repeat(501) }, 'body.purpose'],
      [{ placeIds: [0] }, 'body.placeIds.0'],
      [{ findings: [{ problem: '' }] }, 'body.findings.0.problem'],
      [{ findings: [{ problem: '问题', severity: 'critical' }] }, 'body.findings.0.severity'],
      [{ findings: [{ problem: '问题', placeId: 1.5 }] }, 'body.findings.0.placeId'],
    ] as const) {
      expect400(await everyRole.post('/api/v1/field-visits', { ...visit, ...patch }), path, `visit ${JSON.stringify(patch).slice(0, 80)}`);
    }
    // Unknown people and places are 4xx, not 5xx; a visit in the future is refused.
    expectSafe(await everyRole.post('/api/v1/field-visits', { ...visit, personIds: [2147483647] }), 'unknown person');
    expectSafe(await everyRole.post('/api/v1/field-visits', { ...visit, placeIds: [2147483647] }), 'unknown place');
    expect((await everyRole.post('/api/v1/field-visits', { ...visit, startDate: '2999-01-01', endDate: '2999-01-01' })).statusCode).toBe(400);
    const v = await everyRole.post('/api/v1/field-visits', { ...visit, findings: [{ problem: '问题' }] });
    expect(v.statusCode, v.body).toBe(201);
    const { id, findings } = v.json();
    for (const [body, path] of [
      [{ leadUnitId: countyId, deadline: '0000-01-01' }, 'body.deadline'],
      [{ leadUnitId: countyId, deadline: { workdays: -1 } }, 'body.deadline'],
      [{ leadUnitId: 0, deadline: '2026-12-31' }, 'body.leadUnitId'],
      [{ leadUnitId: countyId, deadline: '2026-12-31', level: 'urgent' }, 'body.level'],
      [{ leadUnitId: countyId, deadline: '2026-12-31', title: '' }, 'body.title'],
    ] as const) {
      expect400(await everyRole.post(`/api/v1/field-visits/${id}/findings/${findings[0].id}/task`, body), path, `finding task ${JSON.stringify(body)}`);
    }
    expectSafe(await everyRole.post(`/api/v1/field-visits/${id}/findings/${findings[0].id}/task`, { leadUnitId: 2147483647, deadline: '2026-12-31' }), 'unknown lead unit');
    for (const [body, path] of [
      [{ townshipId: town.id, name: '', kind: 'village' }, 'body.name'],
      [{ townshipId: town.id, name: '村', kind: 'city' }, 'body.kind'],
      [{ townshipId: town.id, name: '村', kind: 'village', tags: ['模范'] }, 'body.tags.0'],
      [{ townshipId: -3, name: '村', kind: 'village' }, 'body.townshipId'],
    ] as const) {
      expect400(await everyRole.post('/api/v1/field-visits/places', body), path, `place ${JSON.stringify(body)}`);
    }
    expectSafe(await everyRole.post('/api/v1/field-visits/places', { townshipId: 2147483647, name: '村', kind: 'village' }), 'unknown township');
    for (const [url, path] of [
      ['/api/v1/field-visits/quota?year=99999', 'querystring.year'],
      ['/api/v1/field-visits/quota?personId=-1', 'querystring.personId'],
      ['/api/v1/field-visits/stats?unitId=abc', 'querystring.unitId'],
      ['/api/v1/field-visits/places?tag=%00', 'querystring.tag'],
    ] as const) {
      expect400(await everyRole.get(url), path, url);
    }
  });

  it('the scoreboard and the model cases refuse bad periods, keys and write-ups with 400 naming the field', async () => {
    for (const [url, path] of [
      ['/api/v1/scoreboard?period=2026-13', 'querystring.period'],
      ['/api/v1/scoreboard?period=2026-Q5', 'querystring.period'],
      ['/api/v1/scoreboard?period=1999', 'querystring.period'],
      ['/api/v1/scoreboard?period=2026-10%00', 'querystring.period'],
      [`/api/v1/scoreboard?period=${'9'.repeat(5000)}`, 'querystring.period'],
      ['/api/v1/scoreboard?peer=village', 'querystring.peer'],
      ['/api/v1/scoreboard/units/1?period=2026-1', 'querystring.period'],
      ['/api/v1/scoreboard/units/1/components/everything', 'params.key'],
      ['/api/v1/scoreboard/units/1/components/on_time?cursor=WyIyMDI2LTAyLTMwIiwxXQ', 'querystring.cursor'],
      ['/api/v1/scoreboard/people?unitId=-1', 'querystring.unitId'],
      ['/api/v1/scoreboard/cases?q=%00', 'querystring.q'],
      [`/api/v1/scoreboard/cases?q=${'长'.repeat(5000)}`, 'querystring.q'],
      ['/api/v1/scoreboard/cases?year=99999', 'querystring.year'],
      ['/api/v1/scoreboard/cases?status=won', 'querystring.status'],
    ] as const) {
      expect400(await everyRole.get(url), path, url);
    }
    expect400(await everyRole.post('/api/v1/scoreboard/recompute', { periods: ['2026-13'] }), 'body.periods.0', 'recompute bad period');
    expect400(await everyRole.post('/api/v1/scoreboard/recompute', { periods: [] }), 'body.periods', 'recompute no period');
    const me = everyRole.person.id;
    const unitId = (await ctx.handle.db.selectFrom('person').select('unitId').where('id', '=', me).executeTakeFirstOrThrow()).unitId;
    const write = { title: '典型', summary: '做法', body: '正文', unitId };
    for (const [patch, path] of [
      [{ title: '' }, 'body.title'],
      [{ title: 'x'.repeat(201) }, 'body.title'],
      [{ summary: 'a\u0000b' }, 'body.summary'],
      [{ body: 'x'.repeat(50_001) }, 'body.body'],
      [{ tags: ['x'.repeat(21)] }, 'body.tags.0'],
      [{ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'body.tags'],
      [{ unitId: -1 }, 'body.unitId'],
      [{ taskId: 2147483648 }, 'body.taskId'],
      [{ extra: 1 }, 'body'],
    ] as const) {
      expect400(await everyRole.post('/api/v1/scoreboard/cases', { ...write, ...patch }), path, `case ${JSON.stringify(patch).slice(0, 80)}`);
    }
    expectSafe(await everyRole.post('/api/v1/scoreboard/cases', { ...write, unitId: 2147483647 }), 'unknown unit');
    expectSafe(await everyRole.post('/api/v1/scoreboard/cases', { ...write, unitId: undefined, taskId: 2147483647 }), 'unknown task');
    const c = (await everyRole.post('/api/v1/scoreboard/cases', write)).json<{ id: number }>();
    expect400(await everyRole.patch(`/api/v1/scoreboard/cases/${c.id}`, { version: -1 }), 'body.version', 'case version');
    expect400(await everyRole.post(`/api/v1/scoreboard/cases/${c.id}/select`, { version: 1, note: 'x'.repeat(1001) }), 'body.note', 'case note');
  });

  it('the route registry covers routes outside /api, and refuses one that declares no access rule', async () => {
    const app = Fastify();
    registerGuard(app, {} as AuthService, systemClock);
    app.get('/open311/v2/services.json', { config: { access: PUBLIC } }, async () => []);
    app.get('/public/requests/:code', { config: { access: PUBLIC } }, async () => ({}));
    app.get('/*', { config: { webAsset: true } }, async () => 'index.html');
    await app.ready();
    expect(app.declaredRoutes.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /open311/v2/services.json', 'GET /public/requests/:code']);
    await app.close();

    const bare = Fastify();
    registerGuard(bare, {} as AuthService, systemClock);
    expect(() => bare.get('/open311/v2/requests.json', async () => [])).toThrow(/declares no access rule/);
    await bare.close();
  });
});

describe('accountability records and reports refuse bad values with 400 naming the field', () => {
  it('records: kinds, targets, evidence, texts, versions; unknown ids are 4xx', async () => {
    const countyId = (await ctx.handle.db.selectFrom('person').select('unitId').where('id', '=', everyRole.person.id).executeTakeFirstOrThrow()).unitId;
    const record = { kind: 'talk', targetUnitId: countyId, title: '约谈', reason: '事由' };
    for (const [patch, path] of [
      [{ kind: 'fire' }, 'body.kind'],
      [{ targetUnitId: 0 }, 'body.targetUnitId'],
      [{ targetUnitId: 2147483648 }, 'body.targetUnitId'],
      [{ targetPersonId: -1 }, 'body.targetPersonId'],
      [{ title: '' }, 'body.title'],
      [{ title: 'x'.repeat(201) }, 'body.title'],
      [{ reason: 'a\u0000b' }, 'body.reason'],
      [{ reason: '理'.repeat(5001) }, 'body.reason'],
      [{ evidence: [{ kind: 'task' }] }, 'body.evidence.0.id'],
      [{ evidence: [{ kind: 'photo', id: 1 }] }, 'body.evidence.0.kind'],
      [{ evidence: Array.from({ length: 51 }, () => ({ kind: 'link', note: 'x' })) }, 'body.evidence'],
      [{ taskId: 1.5 }, 'body.taskId'],
    ] as const) {
      expect400(await everyRole.post('/api/v1/accountability', { ...record, ...patch }), path, `record ${JSON.stringify(patch).slice(0, 80)}`);
    }
    const r = (await everyRole.post('/api/v1/accountability', record)).json();
    expect(r.id).toBeGreaterThan(0);
    expect400(await everyRole.patch(`/api/v1/accountability/${r.id}`, { version: -1 }), 'body.version', 'negative version');
    expect400(await everyRole.post(`/api/v1/accountability/${r.id}/issue`, { version: 2 ** 31 }), 'body.version', 'huge version');
    expect400(await everyRole.post(`/api/v1/accountability/${r.id}/close`, { version: 1 }), 'body.conclusion', 'no conclusion');
    expect400(await everyRole.get('/api/v1/accountability?kind=fire'), 'querystring.kind', 'list kind');
    expect400(await everyRole.get(`/api/v1/accountability?cursor=${b64(['0000-13-01', 1])}`), 'querystring.cursor', 'list cursor');
    expectSafe(await everyRole.post('/api/v1/accountability', { ...record, targetUnitId: 2147483647 }), 'unknown unit');
    expectSafe(await everyRole.post('/api/v1/accountability', { ...record, targetPersonId: 2147483647 }), 'unknown person');
    expectSafe(await everyRole.post('/api/v1/accountability', { ...record, evidence: [{ kind: 'citizen_request', id: 2147483647 }] }), 'unknown request');
    expectSafe(await everyRole.post('/api/v1/accountability/2147483647/issue', { version: 1 }), 'unknown record');
  });

  it('reports: kinds, periods, sections, versions; summaries: periods and texts', async () => {
    for (const [body, path] of [
      [{ kind: 'daily', period: '2026-11' }, 'body.kind'],
      [{ kind: 'monthly', period: '2026-11-31' }, 'body.period'],
      [{ kind: 'monthly', period: "'; drop table report; --" }, 'body.period'],
      [{ kind: 'monthly', period: '2026-11', unitId: -1 }, 'body.unitId'],
      [{ kind: 'monthly', period: '2026-11', title: 'x'.repeat(201) }, 'body.title'],
      // Years a date column cannot hold, or arithmetic past 9999, are refused at the door (they were a 500).
      [{ kind: 'annual', period: '9999' }, 'body.period'],
      [{ kind: 'monthly', period: '0000-01' }, 'body.period'],
      [{ kind: 'notice', period: '2026-11-01..9999-12-31' }, 'body.period'],
    ] as const) {
      expect400(await everyRole.post('/api/v1/reports', body), path, `report ${JSON.stringify(body).slice(0, 80)}`);
    }
    // A period of the wrong shape for the kind, or that does not exist: 400 REPORT_PERIOD_INVALID.
    for (const body of [{ kind: 'monthly', period: '2026-13' }, { kind: 'weekly', period: '2026-W60' }, { kind: 'notice', period: '2026-12-01..2026-01-01' }, { kind: 'annual', period: '2999' }, { kind: 'monthly', period: '2027-01' }]) {
      const res = await everyRole.post('/api/v1/reports', body);
      expectSafe(res, JSON.stringify(body));
      expect(res.statusCode).toBe(400);
    }
    const r = (await everyRole.post('/api/v1/reports', { kind: 'notice', period: '2026-11' })).json();
    expect(r.id).toBeGreaterThan(0);
    expect400(await everyRole.patch(`/api/v1/reports/${r.id}`, { version: r.version, sections: [{ key: 'Bad Key', text: 'x' }] }), 'body.sections.0.key', 'section key');
    expect400(await everyRole.patch(`/api/v1/reports/${r.id}`, { version: r.version, sections: [{ key: 'overview', text: 'a\u0000b' }] }), 'body.sections.0.text', 'section text');
    expect400(await everyRole.patch(`/api/v1/reports/${r.id}`, { version: r.version, sections: [{ key: 'overview', text: '文'.repeat(20_001) }] }), 'body.sections.0.text', 'huge text');
    expect400(await everyRole.get('/api/v1/reports/abc.docx'), 'params.id', 'docx id');
    expect400(await everyRole.get('/api/v1/reports/-1.xlsx'), 'params.id', 'xlsx id');
    expectSafe(await everyRole.get('/api/v1/reports/2147483647.docx'), 'unknown report file');
    expect400(await everyRole.post('/api/v1/reports/summaries', { period: '2026-W48' }), 'body.period', 'summary period');
    expect400(await everyRole.post('/api/v1/reports/summaries', { period: '0000' }), 'body.period', 'summary year 0000');
    const s = (await everyRole.post('/api/v1/reports/summaries', { period: '2026-10' })).json();
    expect400(await everyRole.patch(`/api/v1/reports/summaries/${s.id}`, { version: s.version, text: '\u001b[2J' }), 'body.text', 'summary text');
    expect400(await everyRole.patch(`/api/v1/reports/summaries/${s.id}`, { version: s.version, reloadItems: 'yes' }), 'body.reloadItems', 'reload flag');
  });
});

describe('no existence oracle: an id out of the caller’s sight answers exactly as an unknown id', () => {
  it('accountability records, reports and personal summaries: same status, same body (but the id)', async () => {
    const far = await ctx.newUnit({ kind: 'region', level: 'county', name: '远方县' });
    const farSupervisor = await ctx.as(['supervisor'], far);
    const farStaff = await ctx.as(['staff'], far);
    const near = await ctx.newUnit({ kind: 'region', level: 'county', name: '近处县' });
    const caller = await ctx.as(['supervisor', 'leader', 'unit_head', 'staff'], near);
    const draftRecord = (await farSupervisor.post('/api/v1/accountability', { kind: 'talk', targetUnitId: far.id, title: '约谈', reason: '事由' })).json();
    const issuedRecord = (await farSupervisor.post('/api/v1/accountability', { kind: 'talk', targetUnitId: far.id, title: '约谈二', reason: '事由' })).json();
    expect((await farSupervisor.post(`/api/v1/accountability/${issuedRecord.id}/issue`, { version: issuedRecord.version })).statusCode).toBe(200);
    const report = (await farSupervisor.post('/api/v1/reports', { kind: 'notice', unitId: far.id, period: '2026-10' })).json();
    const issuedReport = (await farSupervisor.post('/api/v1/reports', { kind: 'monthly', unitId: far.id, period: '2026-10' })).json();
    expect((await farSupervisor.post(`/api/v1/reports/${issuedReport.id}/issue`, { version: issuedReport.version })).statusCode).toBe(200);
    const summary = (await farStaff.post('/api/v1/reports/summaries', { period: '2026-10' })).json();
    const unknown = 2147483000;
    const routes: [string, string, (id: number) => Promise<LightMyRequestResponse>][] = [
      ['record', 'GET /api/v1/accountability/:id', (id) => caller.get(`/api/v1/accountability/${id}`)],
      ['record', 'PATCH /api/v1/accountability/:id', (id) => caller.patch(`/api/v1/accountability/${id}`, { version: 1, reason: '改' })],
      ['record', 'POST /api/v1/accountability/:id/issue', (id) => caller.post(`/api/v1/accountability/${id}/issue`, { version: 1 })],
      ['issuedRecord', 'POST /api/v1/accountability/:id/explain', (id) => caller.post(`/api/v1/accountability/${id}/explain`, { version: 2, text: '说明' })],
      ['issuedRecord', 'POST /api/v1/accountability/:id/close', (id) => caller.post(`/api/v1/accountability/${id}/close`, { version: 2, conclusion: '结案' })],
      ['report', 'GET /api/v1/reports/:id', (id) => caller.get(`/api/v1/reports/${id}`)],
      ['issuedReport', 'GET /api/v1/reports/:id.docx', (id) => caller.get(`/api/v1/reports/${id}.docx`)],
      ['issuedReport', 'GET /api/v1/reports/:id.xlsx', (id) => caller.get(`/api/v1/reports/${id}.xlsx`)],
      ['report', 'PATCH /api/v1/reports/:id', (id) => caller.patch(`/api/v1/reports/${id}`, { version: 1, title: '改' })],
      ['report', 'POST /api/v1/reports/:id/refresh', (id) => caller.post(`/api/v1/reports/${id}/refresh`, { version: 1 })],
      ['report', 'POST /api/v1/reports/:id/issue', (id) => caller.post(`/api/v1/reports/${id}/issue`, { version: 1 })],
      ['summary', 'GET /api/v1/reports/summaries/:id', (id) => caller.get(`/api/v1/reports/summaries/${id}`)],
      ['summary', 'PATCH /api/v1/reports/summaries/:id', (id) => caller.patch(`/api/v1/reports/summaries/${id}`, { version: 1, text: '改' })],
      ['summary', 'POST /api/v1/reports/summaries/:id/submit', (id) => caller.post(`/api/v1/reports/summaries/${id}/submit`, { version: 1 })],
    ];
    const ids: Record<string, number> = { record: draftRecord.id, issuedRecord: issuedRecord.id, report: report.id, issuedReport: issuedReport.id, summary: summary.id };
    for (const [which, route, call] of routes) {
      const id = ids[which]!;
      const hidden = await call(id);
      const missing = await call(unknown);
      expect(hidden.statusCode, route).toBe(404);
      expect(missing.statusCode, route).toBe(404);
      expect(hidden.body.replaceAll(String(id), 'ID'), route).toBe(missing.body.replaceAll(String(unknown), 'ID'));
    }
  });
});

describe('hostile input: channels (robots, SMS gateway, personal settings)', () => {
  it('refuses bad robots, gateways and settings with 400 naming the field, and never a 500', { timeout: 120_000 }, async () => {
    const county = (await admin.get('/api/v1/units')).json().items?.[0]?.id ?? 1;
    const robot = { unitId: county, name: '群', provider: 'dingtalk', url: 'http://127.0.0.1:9/robot?access_token=t' };
    for (const [patch, path] of [
      [{ url: 'ftp://example.gov.cn/x' }, 'body.url'],
      [{ url: 'http://user:pw@example.gov.cn/x' }, 'body.url'],
      [{ url: `http://example.gov.cn/${'x'.repeat(2100)}` }, 'body.url'],
      [{ url: 'javascript:alert(1)' }, 'body.url'],
      [{ provider: 'wechat' }, 'body.provider'],
      [{ unitId: -1 }, 'body.unitId'],
      [{ unitId: 2147483648 }, 'body.unitId'],
      [{ unitId: '1' }, 'body.unitId'],
      [{ name: '\u0000' }, 'body.name'],
      [{ name: '群'.repeat(101) }, 'body.name'],
      [{ secret: 'short' }, 'body.secret'],
      [{ secret: 'sec\nret-with-newline' }, 'body.secret'],
      [{ kinds: ['TASKS.ALL'] }, 'body.kinds.0'],
      [{ kinds: Array.from({ length: 51 }, () => 'tasks.*') }, 'body.kinds'],
      [{ urgentOnly: 'yes' }, 'body.urgentOnly'],
    ] as const) {
      expect400(await everyRole.post('/api/v1/channels/robots', { ...robot, ...patch }), path, `robot ${JSON.stringify(patch).slice(0, 80)}`);
    }
    expectSafe(await everyRole.post('/api/v1/channels/robots', { ...robot, unitId: 2147483647 }), 'robot of an unknown unit');
    expectSafe(await everyRole.post('/api/v1/channels/robots/2147483647/test'), 'test of an unknown robot');
    expect((await everyRole.patch('/api/v1/channels/robots/2147483647', { name: 'x' })).statusCode).toBe(404);
    expect((await everyRole.get('/api/v1/channels/robots/%00')).statusCode).toBeLessThan(500);

    const gw = { kind: 'http', url: 'http://127.0.0.1:9/sms', bodyTemplate: '{"m":"{mobile}","t":"{text}"}' };
    for (const [patch, path] of [
      [{ kind: 'carrier-pigeon' }, 'body.kind'],
      [{ method: 'DELETE' }, 'body.method'],
      [{ headers: { 'x-key': 'a\r\nx-injected: 1' } }, 'body.headers.x-key'],
      [{ headers: { 'bad header': 'x' } }, 'body.headers'],
      [{ bodyTemplate: 'x'.repeat(4001) }, 'body.bodyTemplate'],
      [{ bodyTemplate: 'only {mobile}' }, 'bodyTemplate'],
      [{ url: null }, 'url'],
    ] as const) {
      const res = await admin.put('/api/v1/channels/sms-gateway', { ...gw, ...patch });
      expectSafe(res, `gateway ${JSON.stringify(patch).slice(0, 80)}`);
      expect(res.statusCode, `gateway ${JSON.stringify(patch)}`).toBe(400);
      if (path.startsWith('body.')) expect400(res, path, `gateway ${JSON.stringify(patch).slice(0, 80)}`);
      else expect(res.json().error.details).toMatchObject({ field: path });
    }
    for (const mobile of ['%00', '\u0000', '1'.repeat(21), '13800000000x', '1e10', '+1 2025550123']) {
      const res = await admin.post('/api/v1/channels/sms-gateway/test', { mobile });
      expectSafe(res, `test SMS to ${JSON.stringify(mobile)}`);
      expect(res.statusCode).toBe(400);
    }

    const settings = { choices: {}, quietStart: null, quietEnd: null, digest: true };
    for (const [patch, field] of [
      [{ quietStart: '24:00' }, 'body.quietStart'],
      [{ quietEnd: '7:30' }, 'body.quietEnd'],
      [{ choices: { 'tasks.assigned': ['pigeon'] } }, 'body.choices.tasks.assigned.0'],
      [{ choices: JSON.parse('{"__proto__":["sms"]}') as Record<string, string[]> }, 'body.choices'],
      [{ mobile: '1'.repeat(21) }, 'body.mobile'],
      [{ digest: 'sometimes' }, 'body.digest'],
    ] as const) {
      const res = await everyRole.put('/api/v1/channels/me', { ...settings, ...patch });
      expectSafe(res, `settings ${JSON.stringify(patch)}`);
      expect(res.statusCode, `settings ${JSON.stringify(patch)} (${field}) → ${res.body.slice(0, 200)}`).toBe(400);
    }
    const bad = await everyRole.put('/api/v1/channels/me', { ...settings, mobile: '%00' });
    expect(bad.json().error.code).toBe('CHANNEL_BAD_MOBILE');
  });
});
