import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { roles } from '../http/access.ts';
import { Cursor, Page, pageOf, pageQuery } from '../http/paging.ts';
import { QueryText } from '../http/zod.ts';
import { hexOf, listAudit, verifyAudit } from './audit.ts';

/** Read-only: no route updates or deletes audit entries (and the table refuses it anyway). */
export function auditRoutes(fastify: FastifyInstance, db: Db): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  app.get('/api/v1/audit', {
    config: { access: roles('admin') },
    schema: {
      tags,
      summary: '审计日志, newest first',
      querystring: z.object({
        objectType: QueryText(50).optional(),
        objectId: QueryText(50).optional(),
        // Newest first: the cursor is [seq] of the last entry served (a bigint, so not an Id).
        ...pageQuery(Cursor(z.tuple([z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]))),
      }),
      response: {
        200: Page(
            z.object({
              seq: z.number(),
              at: z.string(),
              actorId: z.number().nullable(),
              actorLogin: z.string().nullable(),
              action: z.string(),
              objectType: z.string(),
              objectId: z.string().nullable(),
              before: z.unknown(),
              after: z.unknown(),
              clientIp: z.string().nullable(),
              hash: z.string(),
            }),
        ),
      },
    },
    handler: async (req) => {
      const { objectType, objectId, cursor, limit } = req.query;
      const rows = await listAudit(db, { limit: limit + 1, ...(objectType ? { objectType } : {}), ...(objectId ? { objectId } : {}), ...(cursor ? { beforeSeq: cursor[0] } : {}) });
      const page = pageOf(rows, limit, (r) => [Number(r.seq)]);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({
          seq: Number(r.seq),
          at: r.at.toISOString(),
          actorId: r.actorId,
          actorLogin: r.actorLogin,
          action: r.action,
          objectType: r.objectType,
          objectId: r.objectId,
          before: r.before,
          after: r.after,
          clientIp: r.clientIp,
          hash: hexOf(r.hash),
        })),
      };
    },
  });

  app.get('/api/v1/audit/verify', {
    config: { access: roles('admin') },
    schema: {
      tags,
      summary: 'Verify the hash chain; reports the first broken link',
      response: {
        200: z.object({
          ok: z.boolean(),
          checked: z.number(),
          firstBroken: z.object({ chain: z.number(), link: z.number(), seq: z.number().nullable(), reason: z.string() }).optional(),
        }),
      },
    },
    handler: async () => verifyAudit(db),
  });
}
