import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './helpers/context.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('HTTP contract', () => {
  it('GET /api/health reports status, database kind, version, the Node.js it runs on and missing calendar years', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: ctx.handle.kind, version: expect.stringMatching(/^\d+\.\d+\.\d+/), runtime: `node ${process.version}`, calendar: { missingYears: [2027] } });
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个接口：GET /api/v1/nothing-here (no route GET /api/v1/nothing-here).' } });
    const zh = await ctx.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'zh-CN' } });
    expect(zh.json().error.message).toBe('没有这个接口：GET /api/v1/nothing-here。');
    const open311 = await ctx.inject({ method: 'GET', url: '/open311/v2/nothing.json' });
    expect(open311.json()).toEqual([{ code: 404, description: '没有这个 Open311 资源：GET /open311/v2/nothing.json (no Open311 resource GET /open311/v2/nothing.json).' }]);
  });

  it('answers a record that does not exist in Chinese (the web app asks for zh-CN), English on request', async () => {
    const admin = await ctx.login(await ctx.newPerson({ roles: ['admin'] }));
    const get = (lang: string) => ctx.inject({ method: 'GET', url: '/api/v1/tasks/2147483647', headers: { cookie: admin.cookie, 'accept-language': lang } });
    expect((await get('zh-CN')).json()).toEqual({ error: { code: 'TASK_NOT_FOUND', message: '督办事项 2147483647 不存在。', details: { id: 2147483647 } } });
    expect((await get('en')).json().error.message).toBe('Task 2147483647 does not exist.');
  });

  it('answers a URL that is not valid percent-encoding with 400 in the error shape (Open311’s under /open311/)', async () => {
    const admin = await ctx.login(await ctx.newPerson({ roles: ['admin'] }));
    const bad = await ctx.inject({ method: 'GET', url: '/api/v1/tasks/%E4', headers: { cookie: admin.cookie, 'accept-language': 'zh-CN' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ error: { code: 'VALIDATION', message: expect.stringContaining('网址含有无法解码的字符') } });
    const open311 = await ctx.inject({ method: 'GET', url: '/open311/v2/requests/%E4.json' });
    expect(open311.statusCode).toBe(400);
    expect(open311.json()).toEqual([{ code: 400, description: expect.stringContaining('网址含有无法解码的字符') }]);
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ login: 'x', password: 'y'.repeat(1_100_000) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses malformed JSON and the wrong content type with 4xx, never a stack trace', async () => {
    const bad = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"login":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.(ts|js):\d+/);
    const text = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'login=x' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const proto = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1},"login":"a","password":"b"}' });
    expect(proto.statusCode).toBe(400);
    // Each of these refusals in Chinese too: the web app asks for zh-CN.
    const zh = { 'content-type': 'application/json', 'accept-language': 'zh-CN' };
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: zh, payload: '' })).json().error.message).toBe('请求体为空，但 Content-Type 为 application/json。');
    expect((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { ...zh, 'content-type': 'text/plain' }, payload: 'x' })).json().error.message).toBe('不支持的内容类型，请以 application/json 发送。');
  });

  it('answers errors in the language the request asks for (Accept-Language), both when it does not say', async () => {
    const bad = (lang?: string) =>
      ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json', ...(lang ? { 'accept-language': lang } : {}) }, payload: '{"login":' });
    const both = (await bad()).json().error.message as string;
    expect(both).toBe('请求体不是合法的 JSON (the body is not valid JSON).');
    expect((await bad('zh-CN,zh;q=0.9')).json().error).toEqual({ code: 'VALIDATION', message: '请求体不是合法的 JSON。' });
    expect((await bad('en-US,en;q=0.9,zh;q=0.1')).json().error).toEqual({ code: 'VALIDATION', message: 'The body is not valid JSON.' });
    expect((await bad('*')).json().error.message).toBe(both);
    // A validation error's summary in English; the status and the code do not change with the language.
    const task = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': 'en' }, payload: { login: 1 } });
    expect(task.statusCode).toBe(400);
    expect(task.json().error.message).toMatch(/^Invalid request: body/);
  });

  it('gives zod’s validation details in Chinese and English, each alone when Accept-Language asks', async () => {
    const bad = (lang?: string) =>
      ctx.inject({ method: 'POST', url: '/api/v1/auth/login', headers: lang ? { 'accept-language': lang } : {}, payload: { login: 'x'.repeat(65), password: 'p', admin: true } });
    const details = (await bad()).json().error.details as { path: string; message: string }[];
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'body', message: '出现未知的键（key）: "admin" (Unrecognized key: "admin")' },
        { path: 'body.login', message: '数值过大：期望 string <=64 字符 (Too big: expected string to have <=64 characters)' },
      ]),
    );
    expect(((await bad('zh-CN')).json().error.details as { message: string }[]).map((d) => d.message).sort()).toEqual(['出现未知的键（key）: "admin"', '数值过大：期望 string <=64 字符']);
    expect(((await bad('en')).json().error.details as { message: string }[]).map((d) => d.message).sort()).toEqual(['Too big: expected string to have <=64 characters', 'Unrecognized key: "admin"']);
  });

  it('gives the shared refusals (nothing visible, a date that does not exist, a forged cursor, a NUL character) in Chinese, English on request', async () => {
    const c = await ctx.as(['staff']);
    const send = (method: 'GET' | 'POST', url: string, lang: string, payload?: Record<string, unknown>) =>
      ctx.inject({ method, url, headers: { cookie: c.cookie, 'x-csrf-token': c.csrfToken, 'accept-language': lang }, ...(payload ? { payload } : {}) });
    const detail = async (method: 'GET' | 'POST', url: string, lang: string, payload?: Record<string, unknown>) => ((await send(method, url, lang, payload)).json().error.details as { message: string }[])[0]!.message;
    expect(await detail('POST', '/api/v1/auth/tokens', 'zh-CN', { name: '\u200b' })).toBe('没有可见的文字');
    expect(await detail('POST', '/api/v1/auth/tokens', 'en', { name: '\u200b' })).toBe('Has no visible characters');
    expect(await detail('GET', '/api/v1/tasks?deadlineFrom=2026-02-30', 'zh-CN')).toBe('日历上没有这一天');
    expect(await detail('GET', '/api/v1/tasks?deadlineFrom=0000-01-01', 'zh-CN')).toBe('须为 1900 至 2999 年间的日期 YYYY-MM-DD');
    expect(await detail('GET', '/api/v1/notifications?cursor=garbage', 'zh-CN')).toBe('不是本接口给出的游标：请原样传回上一页的 nextCursor');
    const nul = (await send('POST', '/api/v1/auth/tokens', 'zh-CN', { name: 'a\u0000' })).json().error;
    expect(nul).toEqual({ code: 'VALIDATION', message: '请求参数有误: body.name 含有 NUL 字符 \\u0000，无法保存。', details: [{ path: 'body.name', message: '含有 NUL 字符 \\u0000，无法保存' }] });
  });

  it('words a wrong type in both languages whatever it was (an array, NaN, null, a number), not in English alone', async () => {
    const c = await ctx.as(['staff']);
    const detail = async (url: string) => ((await ctx.inject({ method: 'GET', url, headers: { cookie: c.cookie, 'accept-language': 'zh-CN' } })).json().error.details as { message: string }[])[0]!.message;
    expect(await detail('/api/v1/tasks?q=a&q=b')).toBe('无效输入：期望 string，实际接收 数组');
    expect(await detail('/api/v1/tasks?limit=1&limit=2')).toBe('无效输入：期望 数字，实际接收 NaN');
    const body = async (payload: Record<string, unknown>) => ((await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload })).json().error.details as { path: string; message: string }[]).find((d) => d.path === 'body.login')!.message;
    expect(await body({ login: null, password: 'p' })).toBe('无效输入：期望 string，实际接收 空值（null） (Invalid input: expected string, received null)');
    expect(await body({ login: 5, password: 'p' })).toBe('无效输入：期望 string，实际接收 数字 (Invalid input: expected string, received number)');
  });

  it('refuses unknown fields and wrong types with field paths', async () => {
    const res = await ctx.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 5, password: 'x', admin: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.login']));
  });

  it('refuses a bad id in the path with 400, not 500', async () => {
    const c = await ctx.as(['staff']);
    expect((await c.get('/api/v1/units/abc')).statusCode).toBe(400);
    expect((await c.get('/api/v1/units/99999999999999')).statusCode).toBe(400);
  });

  it('publishes the OpenAPI document with every route', async () => {
    const res = await ctx.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/units', '/api/v1/people', '/api/v1/auth/login', '/api/health', '/api/v1/policy']));
  });

  it('has declared an access rule on every API route (the app refuses to start otherwise)', async () => {
    const { buildApp } = await import('../src/server.ts');
    const { app } = await buildApp({ database: ctx.handle, clock: ctx.clock });
    await expect(
      (async () => {
        app.get('/api/v1/undeclared', () => ({}));
        await app.ready();
      })(),
    ).rejects.toThrow(/declares no access rule/);
  });
});
