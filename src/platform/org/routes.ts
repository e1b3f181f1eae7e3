import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_USER, roles } from '../http/access.ts';
import { Page, pageOf } from '../http/paging.ts';
import { NoContent } from '../http/responses.ts';
import { IdParam } from '../http/zod.ts';
import type { OrgService } from './service.ts';
import {
  PasswordBody,
  PeopleListQuery,
  PersonCreateBody,
  PersonResponse,
  PersonUpdateBody,
  toPersonResponse,
  toUnitResponse,
  UnitCreateBody,
  UnitListQuery,
  UnitResponse,
  UnitUpdateBody,
} from './schemas.ts';

const ADMIN = roles('admin');

export function orgRoutes(fastify: FastifyInstance, org: OrgService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  app.get('/api/v1/units', {
    config: { access: ANY_USER },
    schema: { tags, summary: '单位树 (units you may see)', querystring: UnitListQuery, response: { 200: z.object({ items: z.array(UnitResponse) }) } },
    handler: async (req) => {
      const under = req.query.under ? await org.getUnit(req.actor!, req.query.under) : undefined;
      const units = await org.listUnits(req.actor!, { includeInactive: req.query.includeInactive ?? false, ...(under ? { under } : {}) });
      return { items: units.map(toUnitResponse) };
    },
  });

  app.get('/api/v1/units/:id', {
    config: { access: ANY_USER },
    schema: { tags, params: IdParam, response: { 200: UnitResponse } },
    handler: async (req) => toUnitResponse(await org.getUnit(req.actor!, req.params.id)),
  });

  app.post('/api/v1/units', {
    config: { access: ADMIN },
    schema: { tags, summary: '新增单位', body: UnitCreateBody, response: { 201: UnitResponse } },
    handler: async (req, reply) => reply.status(201).send(toUnitResponse(await org.createUnit(req.auditContext(), req.actor, req.body))),
  });

  app.patch('/api/v1/units/:id', {
    config: { access: ADMIN },
    schema: { tags, summary: '修改或移动单位', params: IdParam, body: UnitUpdateBody, response: { 200: UnitResponse } },
    handler: async (req) => toUnitResponse(await org.updateUnit(req.auditContext(), req.actor!, req.params.id, req.body)),
  });

  app.delete('/api/v1/units/:id', {
    config: { access: ADMIN },
    schema: { tags, summary: '撤销单位 (deactivate)', params: IdParam, response: { 200: UnitResponse } },
    handler: async (req) => toUnitResponse(await org.deactivateUnit(req.auditContext(), req.actor!, req.params.id)),
  });

  app.get('/api/v1/people', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '人员 (people you may see), keyset paged by id',
      querystring: PeopleListQuery,
      response: { 200: Page(PersonResponse) },
    },
    handler: async (req) => {
      const { under: underId, cursor, limit, includeInactive, q, ...rest } = req.query;
      const under = underId ? await org.getUnit(req.actor!, underId) : undefined;
      // A unit out of sight is refused as `under` and GET /units/:id refuse it (403; missing: 404), not answered with an empty page.
      if (rest.unitId) await org.getUnit(req.actor!, rest.unitId);
      const rows = await org.listPeople(req.actor!, {
        ...rest,
        ...(q ? { q } : {}),
        includeInactive: includeInactive ?? false,
        limit: limit + 1,
        ...(under ? { under } : {}),
        ...(cursor ? { afterId: cursor[0] } : {}),
      });
      const page = pageOf(rows, limit, (p) => [p.id]);
      return { items: page.items.map((p) => toPersonResponse(p, req.actor!)), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/v1/people/:id', {
    config: { access: ANY_USER },
    schema: { tags, params: IdParam, response: { 200: PersonResponse } },
    handler: async (req) => toPersonResponse(await org.getPerson(req.actor!, req.params.id), req.actor!),
  });

  app.post('/api/v1/people', {
    config: { access: ADMIN },
    schema: { tags, summary: '新增人员', body: PersonCreateBody, response: { 201: PersonResponse } },
    handler: async (req, reply) => {
      const id = await org.createPerson(req.auditContext(), req.actor, req.body);
      return reply.status(201).send(toPersonResponse(await org.getPerson(req.actor!, id), req.actor!));
    },
  });

  app.patch('/api/v1/people/:id', {
    config: { access: ADMIN },
    schema: { tags, summary: '修改人员 (unit, roles, rank, active…)', params: IdParam, body: PersonUpdateBody, response: { 200: PersonResponse } },
    handler: async (req) => toPersonResponse(await org.updatePerson(req.auditContext(), req.actor!, req.params.id, req.body), req.actor!),
  });

  app.delete('/api/v1/people/:id', {
    config: { access: ADMIN },
    schema: { tags, summary: '停用人员 (deactivate; ends their sessions)', params: IdParam, response: { 200: PersonResponse } },
    handler: async (req) => toPersonResponse(await org.updatePerson(req.auditContext(), req.actor!, req.params.id, { active: false }), req.actor!),
  });

  app.put('/api/v1/people/:id/password', {
    config: { access: ADMIN },
    schema: { tags, summary: '重置密码 (admin sets a password; ends their sessions)', params: IdParam, body: PasswordBody, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await org.resetPassword(req.auditContext(), req.actor!, req.params.id, req.body.password);
      return reply.status(204).send();
    },
  });
}
