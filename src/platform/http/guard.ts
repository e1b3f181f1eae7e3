import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../auth/actor.ts';
import type { AuthService } from '../auth/service.ts';
import { API_TOKEN_PREFIX } from '../auth/service.ts';
import type { Clock } from '../clock.ts';
import { AppError, forbidden, PLATFORM_ERRORS, unauthorized } from '../errors.ts';
import type { Access } from './access.ts';

export const SESSION_COOKIE = 'mashang_sid';

/**
 * Every route the app serves with its declared rule, as registered — the API, and any route outside
 * /api (the Open311 API, the citizen portal) alike; only the web app's files and the API docs are
 * not in it. The authorization matrices and the hostile-input suite iterate it.
 */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The routes that need no rule: the API docs, and the built web app's files — its catch-all route
 * says `config.webAsset`, and @fastify/static marks each file route it adds with `config.rootPath`.
 */
const isUnguarded = (route: { url: string; config?: { webAsset?: boolean; rootPath?: unknown } }) =>
  route.url === '/api/docs' || route.url.startsWith('/api/docs/') || route.config?.webAsset === true || typeof route.config?.rootPath === 'string';

/**
 * The one authorization guard. Every route declares `config.access` (see isUnguarded for the few
 * that need none); a route without one stops the app from starting. For each request it resolves the actor from the session cookie
 * or a Bearer API token, checks the CSRF header on cookie-authenticated writes, and checks roles.
 */
export function registerGuard(app: FastifyInstance, auth: AuthService, clock: Clock): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionInfo', null);
  app.decorateRequest('auditContext', function (this: FastifyRequest) {
    return { actorId: this.actor?.personId ?? null, actorLogin: this.actor?.login ?? null, clientIp: this.ip, now: clock.now() };
  });

  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    if (isUnguarded(route)) return;
    if (!route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule (config.access).`);
    }
    for (const method of [route.method].flat()) if (method !== 'HEAD') declared.push({ method, url: route.url, access: route.config.access });
  });

  // onRequest: who you are is settled before the body is read, so an anonymous client cannot
  // make the server parse (or buffer a 20 MB upload of) anything.
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access) return;
    const header = req.headers.authorization;
    const cookie = req.cookies[SESSION_COOKIE];
    try {
      if (header) {
        const m = /^Bearer\s+(\S+)$/i.exec(header);
        if (!m?.[1] || !m[1].startsWith(API_TOKEN_PREFIX)) {
          throw new AppError(PLATFORM_ERRORS.INVALID_TOKEN, 'Authorization 头格式应为 "Bearer msk_…" (expected a Bearer API token).');
        }
        req.actor = (await auth.fromApiToken(m[1])).actor;
      } else if (cookie) {
        const { actor, session } = await auth.fromSession(cookie);
        req.actor = actor;
        req.sessionInfo = session ?? null;
        // Cookies ride along on cross-site requests; a write must prove it came from our page.
        if (!SAFE_METHODS.has(req.method) && !('public' in access) && req.headers['x-csrf-token'] !== session?.csrfToken) {
          throw new AppError(PLATFORM_ERRORS.CSRF_REJECTED, '缺少或错误的 CSRF 令牌 (missing or wrong x-csrf-token header).');
        }
      }
    } catch (err) {
      // Stale credentials must not lock anyone out of public routes such as login.
      if (!('public' in access)) throw err;
      req.actor = null;
      req.sessionInfo = null;
    }
    if ('public' in access) return;
    if (!req.actor) throw unauthorized();
    if (access.roles !== 'any' && !access.roles.some((r) => req.actor!.roles.includes(r))) {
      const zh = access.roles.map((r) => ROLE_WORDS[r][0]).join('、');
      const en = access.roles.map((r) => ROLE_WORDS[r][1]).join(', ');
      throw forbidden(`此操作需要以下角色之一：${zh} (requires one of the roles: ${en}).`, { requiredRoles: access.roles });
    }
  });
}

/** The roles in words for a refusal's message (the codes stay in its details). */
const ROLE_WORDS: Record<Role, [string, string]> = {
  admin: ['系统管理员', 'administrator'],
  supervisor: ['督查室', 'supervision office'],
  leader: ['领导', 'leader'],
  unit_head: ['单位负责人', 'unit head'],
  staff: ['工作人员', 'staff'],
};

/** The cookie session behind a request, when it came with one. */
export function sessionOf(req: FastifyRequest): { tokenHash: string; csrfToken: string } | undefined {
  return req.sessionInfo ?? undefined;
}
