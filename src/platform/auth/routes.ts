import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_USER, PUBLIC, roles } from '../http/access.ts';
import { SESSION_COOKIE, sessionOf } from '../http/guard.ts';
import { NoContent } from '../http/responses.ts';
import { forbidden } from '../errors.ts';
import { IdParam, QueryId, Text } from '../http/zod.ts';
import type { Actor } from './actor.ts';
import type { AuthService } from './service.ts';

const UserResponse = z
  .object({
    id: z.number(),
    login: z.string(),
    name: z.string(),
    unitId: z.number(),
    roles: z.array(z.string()),
  })
  .meta({ id: 'User' });
const toUserResponse = (a: Actor) => ({ id: a.personId, login: a.login, name: a.name, unitId: a.unitId, roles: a.roles });

export interface CookieOptions {
  secure: boolean;
}

export function authRoutes(fastify: FastifyInstance, auth: AuthService, cookie: CookieOptions): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  app.post('/api/v1/auth/login', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '登录: sets the session cookie; writes then need the x-csrf-token header',
      body: z.strictObject({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }),
      response: { 200: z.object({ user: UserResponse, csrfToken: z.string() }) },
    },
    handler: async (req, reply) => {
      const { sessionToken, csrfToken, actor } = await auth.login(req.body.login, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, sessionToken, { httpOnly: true, sameSite: 'lax', secure: cookie.secure, path: '/' });
      return { user: toUserResponse(actor), csrfToken };
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { access: ANY_USER },
    schema: { tags, summary: '退出登录', response: { 204: NoContent } },
    handler: async (req, reply) => {
      const session = sessionOf(req);
      if (session) await auth.logout(req.auditContext(), session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/auth/me', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: "Who am I; the CSRF token of this session; the server's date (Asia/Shanghai), which deadlines count from",
      response: { 200: z.object({ user: UserResponse, csrfToken: z.string().nullable(), today: z.string() }) },
    },
    handler: (req) => ({ user: toUserResponse(req.actor!), csrfToken: sessionOf(req)?.csrfToken ?? null, today: auth.today() }),
  });

  app.post('/api/v1/auth/password', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '修改密码: ends your other sessions',
      body: z.strictObject({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
      response: { 204: NoContent },
    },
    handler: async (req, reply) => {
      await auth.changePassword(req.auditContext(), req.actor!, req.body.currentPassword, req.body.newPassword, sessionOf(req)?.tokenHash);
      return reply.status(204).send();
    },
  });

  const TokenResponse = z.object({ id: z.number(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });
  const iso = (d: Date | null) => (d ? d.toISOString() : null);

  app.get('/api/v1/auth/tokens', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'My API tokens', response: { 200: z.object({ items: z.array(TokenResponse) }) } },
    handler: async (req) => ({
      items: (await auth.listApiTokens(req.actor!.personId)).map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) })),
    }),
  });

  app.post('/api/v1/auth/tokens', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'Issue an API token for an integration (Authorization: Bearer …); the secret is shown once',
      body: z.strictObject({ name: Text(100) }),
      response: { 201: z.object({ id: z.number(), name: z.string(), token: z.string() }) },
    },
    handler: async (req, reply) => {
      // A token does not mint tokens: revoking a leaked one would leave those it made working.
      if (!sessionOf(req)) throw forbidden('API 令牌须由本人登录后签发，不能用 API 令牌签发 (sign in to issue an API token; a token cannot issue one).');
      const t = await auth.createApiToken(req.auditContext(), req.actor!.personId, req.body.name);
      return reply.status(201).send({ id: t.id, name: t.name, token: t.token });
    },
  });

  app.delete('/api/v1/auth/tokens/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Revoke one of my API tokens', params: IdParam, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await auth.revokeApiToken(req.auditContext(), req.actor!.personId, req.params.id);
      return reply.status(204).send();
    },
  });

  // An admin sees and revokes anyone's tokens (a leaver's integration, a token that leaked).
  const PersonTokenParams = z.strictObject({ id: QueryId, tokenId: QueryId });
  app.get('/api/v1/people/:id/tokens', {
    config: { access: roles('admin') },
    schema: { tags, summary: "A person's API tokens (admin)", params: IdParam, response: { 200: z.object({ items: z.array(TokenResponse) }) } },
    handler: async (req) => ({
      items: (await auth.apiTokensOfPerson(req.params.id)).map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt.toISOString(), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) })),
    }),
  });

  app.delete('/api/v1/people/:id/tokens/:tokenId', {
    config: { access: roles('admin') },
    schema: { tags, summary: "Revoke a person's API token (admin)", params: PersonTokenParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await auth.revokeApiToken(req.auditContext(), req.params.id, req.params.tokenId);
      return reply.status(204).send();
    },
  });
}
