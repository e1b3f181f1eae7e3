import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ANY_USER, roles } from '../http/access.ts';
import { IdParam, QueryId } from '../http/zod.ts';
import type { OrgService } from '../org/service.ts';
import { defaultPolicy, PolicySchema } from '../policy.ts';
import type { PolicyService } from './service.ts';

/** The policy object in force; its sections are the regulation's chapters (policy.ts). */
const PolicyResponse = PolicySchema.meta({ id: 'Policy' });

export function policyRoutes(fastify: FastifyInstance, policy: PolicyService, org: OrgService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['policy'];

  app.get('/api/v1/policy', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '政策参数: the numbers in force for your unit (or ?unitId=), with the defaults',
      querystring: z.object({ unitId: QueryId.optional() }),
      response: { 200: z.object({ unitId: z.number(), policy: PolicyResponse, defaults: PolicyResponse }) },
    },
    handler: async (req) => {
      const unit = req.query.unitId ? await org.getUnit(req.actor!, req.query.unitId) : null;
      const path = unit?.path ?? req.actor!.unitPath;
      return { unitId: unit?.id ?? req.actor!.unitId, policy: await policy.forUnitPath(path), defaults: defaultPolicy };
    },
  });

  app.get('/api/v1/policy/overrides/:id', {
    config: { access: roles('admin', 'supervisor') },
    schema: {
      tags,
      summary: 'The overrides stored on one region',
      params: IdParam,
      // A partial policy: only the numbers this region changes.
      response: { 200: z.object({ unitId: z.number(), overrides: z.record(z.string(), z.unknown()) }) },
    },
    handler: async (req) => {
      const unit = await org.getUnit(req.actor!, req.params.id);
      return { unitId: unit.id, overrides: (await policy.overridesOf(unit.id)) ?? {} };
    },
  });

  app.put('/api/v1/policy/overrides/:id', {
    config: { access: roles('admin') },
    schema: {
      tags,
      summary: "Set a region's overrides (a partial policy); refused unless the merged policy is valid",
      params: IdParam,
      body: z.record(z.string(), z.unknown()),
      response: { 200: z.object({ unitId: z.number(), policy: PolicyResponse }) },
    },
    handler: async (req) => {
      await org.getUnit(req.actor!, req.params.id);
      return { unitId: req.params.id, policy: await policy.setOverrides(req.auditContext(), req.params.id, req.body) };
    },
  });
}
