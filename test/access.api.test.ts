import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/platform/auth/actor.ts';
import { localizeMessage } from '../src/platform/http/language.ts';
import { createTestContext, type Client, type TestContext } from './helpers/context.ts';

/**
 * The role half of the authorization matrix, generated from the routes' own declarations: every
 * API route is called anonymously and as each role. A non-public route must answer 401 without a
 * login and 403 to every role it does not name — before it reads the body. (Which units and
 * objects each role may touch is tested per module.)
 */
let ctx: TestContext;
const clients = new Map<Role, Client>();

beforeAll(async () => {
  ctx = await createTestContext();
  for (const role of ROLES) clients.set(role, await ctx.as([role]));
});
afterAll(() => ctx.close());

const concrete = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => (name === 'year' ? '2026' : name === 'file' ? 'x.ics' : '1'));

describe('every API route × every role', () => {
  it('covers the routes of every module', () => {
    const urls = ctx.app.declaredRoutes.map((r) => r.url);
    for (const prefix of ['/api/v1/auth', '/api/v1/units', '/api/v1/people', '/api/v1/calendar', '/api/v1/policy', '/api/v1/notifications', '/api/v1/webhooks', '/api/v1/channels', '/api/v1/audit', '/api/v1/tasks', '/api/v1/documents', '/api/v1/meetings', '/api/v1/field-visits', '/api/v1/scoreboard', '/api/v1/public', '/api/v1/citizen-requests', '/api/v1/service-windows', '/api/v1/open311-clients', '/open311/v2', '/api/v1/accountability', '/api/v1/reports']) {
      expect(urls.some((u) => u.startsWith(prefix)), prefix).toBe(true);
    }
    expect(ctx.app.declaredRoutes.length).toBeGreaterThan(40);
  });

  it('answers 401 to anonymous callers of non-public routes, and never 401 on public ones', async () => {
    for (const r of ctx.app.declaredRoutes) {
      const res = await ctx.inject({ method: r.method, url: concrete(r.url), payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : { not: 'checked yet' } });
      if ('public' in r.access) expect(res.statusCode, `${r.method} ${r.url}`).not.toBe(401);
      else expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 to every role a route does not name, before validating the body', async () => {
    let refused = 0;
    for (const r of ctx.app.declaredRoutes) {
      if ('public' in r.access || r.access.roles === 'any') continue;
      for (const role of ROLES) {
        const c = clients.get(role)!;
        const url = concrete(r.url);
        const res = await (r.method === 'GET' ? c.get(url) : r.method === 'DELETE' ? c.delete(url) : r.method === 'PUT' ? c.put(url, { bad: true }) : r.method === 'PATCH' ? c.patch(url, { bad: true }) : c.post(url, { bad: true }));
        if (r.access.roles.includes(role)) expect(res.statusCode, `${role} ${r.method} ${r.url}`).not.toBe(403);
        else {
          expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
          expect(res.json().error.code).toBe('FORBIDDEN');
          refused += 1;
        }
      }
    }
    expect(refused).toBeGreaterThan(50);
  });

  it('names the roles a refused caller lacks in words, in Chinese and in English', async () => {
    const res = await clients.get('staff')!.get('/api/v1/scoreboard');
    expect(res.statusCode).toBe(403);
    const message = res.json().error.message as string;
    // A clerk reading the Chinese page sees 督查室 and 单位负责人, not the role codes.
    expect(localizeMessage(message, 'zh')).toBe('此操作需要以下角色之一：系统管理员、督查室、领导、单位负责人。');
    expect(localizeMessage(message, 'en')).toBe('Requires one of the roles: administrator, supervision office, leader, unit head.');
    expect(res.json().error.details).toEqual({ requiredRoles: ['admin', 'supervisor', 'leader', 'unit_head'] });
  });
});
