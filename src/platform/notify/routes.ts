import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Notification } from '../db/schema.ts';
import { ANY_USER, roles } from '../http/access.ts';
import { IdCursor, Page, pageOf, pageQuery } from '../http/paging.ts';
import { NoContent } from '../http/responses.ts';
import { IdParam, QueryBool, Text } from '../http/zod.ts';
import type { NotifyService } from './service.ts';

const NotificationResponse = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
}).meta({ id: 'Notification' });
const toNotificationResponse = (n: Notification) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  objectType: n.objectType,
  objectId: n.objectId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});

const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'http or https only')
  // Credentials in a URL would sit in the append-only audit log and the webhook list: refused.
  .refine((u) => !URL.canParse(u) || (new URL(u).username === '' && new URL(u).password === ''), 'no user name or password in the URL (put the secret in the signature)');

/** "tasks.assigned,tasks.*": exact kinds or a module's wildcard, at most 40. */
const KindList = z
  .string()
  .max(2000)
  .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z_]+\.(\*|[a-z_]+)$/, 'a kind like tasks.assigned, or tasks.*')).min(1).max(40));

export function notifyRoutes(fastify: FastifyInstance, notify: NotifyService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  app.get('/api/v1/notifications', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '我的消息 (my inbox), newest first, keyset paged',
      // Newest first: the cursor is [id] of the last notification served.
      querystring: z.object({
        unread: QueryBool.optional(),
        kinds: KindList.optional().describe('Only these kinds (comma-separated; "tasks.*" for a whole module)'),
        exceptKinds: KindList.optional().describe('Leave these kinds out (comma-separated; "tasks.*" for a whole module)'),
        ...pageQuery(IdCursor),
      }),
      response: { 200: Page(NotificationResponse).extend({ unreadCount: z.number() }) },
    },
    handler: async (req) => {
      const { unread, kinds, exceptKinds, cursor, limit } = req.query;
      const rows = await notify.inbox(req.actor!.personId, { unreadOnly: unread ?? false, limit: limit + 1, ...(kinds ? { kinds } : {}), ...(exceptKinds ? { exceptKinds } : {}), ...(cursor ? { beforeId: cursor[0] } : {}) });
      const page = pageOf(rows, limit, (n) => [n.id]);
      return { items: page.items.map(toNotificationResponse), unreadCount: await notify.unreadCount(req.actor!.personId), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/v1/notifications/kinds', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '我的消息按类别计数 (my inbox counted by kind), for grouping the inbox',
      response: { 200: z.object({ items: z.array(z.object({ kind: z.string(), total: z.number(), unread: z.number() })) }) },
    },
    handler: async (req) => ({ items: await notify.inboxKinds(req.actor!.personId) }),
  });

  app.post('/api/v1/notifications/:id/read', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Mark one of my notifications read', params: IdParam, response: { 200: z.object({ changed: z.number() }) } },
    handler: async (req) => ({ changed: await notify.markRead(req.auditContext(), req.actor!.personId, req.params.id) }),
  });

  app.post('/api/v1/notifications/read-all', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Mark all my notifications read', response: { 200: z.object({ changed: z.number() }) } },
    handler: async (req) => ({ changed: await notify.markRead(req.auditContext(), req.actor!.personId, null) }),
  });

  const ADMIN = roles('admin');
  const WebhookResponse = z.object({ id: z.number(), name: z.string(), url: z.string(), kinds: z.array(z.string()), active: z.boolean(), createdAt: z.string() });
  const toWebhook = (w: { id: number; name: string; url: string; kinds: string[]; active: boolean; createdAt: Date }) => ({ ...w, createdAt: w.createdAt.toISOString() });

  app.get('/api/v1/webhooks', {
    config: { access: ADMIN },
    schema: { tags, response: { 200: z.object({ items: z.array(WebhookResponse) }) } },
    handler: async () => ({ items: (await notify.listWebhooks()).map(toWebhook) }),
  });

  app.post('/api/v1/webhooks', {
    config: { access: ADMIN },
    schema: {
      tags,
      summary: 'Subscribe a URL to notification kinds ("tasks.*" or exact kinds; none = all). Bodies are signed: x-mashang-signature',
      body: z.strictObject({
        name: Text(100),
        url: WebhookUrl,
        kinds: z.array(z.string().regex(/^[a-z_]+(\.[a-z_*]+)*$/)).max(50).default([]),
        secret: z.string().min(16).max(200).optional(),
      }),
      response: { 201: WebhookResponse.extend({ secret: z.string() }) },
    },
    handler: async (req, reply) => {
      const secret = req.body.secret ?? randomBytes(24).toString('base64url');
      const row = await notify.createWebhook(req.auditContext(), { name: req.body.name, url: req.body.url, kinds: req.body.kinds, secret });
      return reply.status(201).send({ ...toWebhook(row), secret });
    },
  });

  app.delete('/api/v1/webhooks/:id', {
    config: { access: ADMIN },
    schema: { tags, summary: 'Disable a webhook', params: IdParam, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await notify.disableWebhook(req.auditContext(), req.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/deliveries', {
    config: { access: ADMIN },
    schema: {
      tags,
      summary: 'Outbound deliveries (email, webhook) and their failures',
      querystring: z.object({ status: z.enum(['pending', 'sent', 'failed']).optional(), ...pageQuery(IdCursor) }),
      response: {
        200: Page(
            z.object({
              id: z.number(),
              notificationId: z.number(),
              channel: z.enum(['email', 'webhook', 'robot', 'sms']),
              target: z.string(),
              status: z.enum(['pending', 'sent', 'failed']),
              attempts: z.number(),
              lastError: z.string().nullable(),
              nextAttemptAt: z.string(),
              sentAt: z.string().nullable(),
            }),
        ),
      },
    },
    handler: async (req) => {
      const { status, cursor, limit } = req.query;
      const page = pageOf(await notify.listDeliveries({ limit: limit + 1, ...(status ? { status } : {}), ...(cursor ? { beforeId: cursor[0] } : {}) }), limit, (d) => [d.id]);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((d) => ({
        id: d.id,
        notificationId: d.notificationId,
        channel: d.channel,
        target: d.target,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        nextAttemptAt: d.nextAttemptAt.toISOString(),
        sentAt: d.sentAt ? d.sentAt.toISOString() : null,
      })),
      };
    },
  });
}
