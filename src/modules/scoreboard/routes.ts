import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ANY_USER, roles } from '../../platform/http/access.ts';
import { encodeCursor, Page, pageOf } from '../../platform/http/paging.ts';
import { IdParam } from '../../platform/http/zod.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { caseActions } from './policy.ts';
import {
  BoardQuery,
  BoardResponse,
  CaseBody,
  CaseDecideBody,
  CaseListQuery,
  CasePatchBody,
  CaseResponse,
  ComponentParams,
  PeopleQuery,
  PeopleResponse,
  PeriodQuery,
  PeriodsResponse,
  PersonComponentParams,
  RecomputeBody,
  RecomputeResponse,
  RecordsQuery,
  RecordsResponse,
  toCaseResponse,
  type CaseRow,
  UnitParams,
  UnitScoreResponse,
} from './schemas.ts';

/** Who reads the boards: the roles that oversee units (the service narrows to their scope; staff have none). */
const OVERSEERS = roles('admin', 'supervisor', 'leader', 'unit_head');
/** Who recomputes and keeps the model cases: supervisors (督查室) and admins. */
const KEEPERS = roles('admin', 'supervisor');

/** The scoreboard module's routes (比学赶超, 典型), registered under /api/v1/scoreboard. */
/** A case as the API answers it, with what the caller may do to it now. */
const caseOut = (actor: Actor, c: CaseRow) => toCaseResponse(c, caseActions(actor, c));

export function scoreboardRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { scoreboard } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['scoreboard'];
  const cursorOf = (id: number | null) => (id === null ? null : encodeCursor([id]));

  app.get('', {
    config: { access: OVERSEERS },
    schema: {
      tags,
      summary:
        '比学赶超排名 of a peer group (township | department) for a period (YYYY-MM, YYYY-Qn, YYYY; default this month): items by county and rank, with the components’ scores and weights, change vs last period, 红榜/黑榜. Supervisors and leaders see their region, unit heads their unit in full and its peers’ ranks',
      querystring: BoardQuery,
      response: { 200: BoardResponse },
    },
    handler: async (req) => scoreboard.board(req.actor!, req.query),
  });

  app.get('/periods', {
    config: { access: OVERSEERS },
    schema: { tags, summary: 'The periods computed (newest first, at most 60), and whether each is closed', response: { 200: PeriodsResponse } },
    handler: async (req) => scoreboard.computedPeriods(req.actor!),
  });

  app.post('/recompute', {
    config: { access: KEEPERS },
    schema: {
      tags,
      summary: '立即重算: the given periods, or the current ones (and the last, closed once finished). A closed period is never changed (skipped: true)',
      body: RecomputeBody,
      response: { 200: RecomputeResponse },
    },
    handler: async (req) => ({ results: await scoreboard.recompute(req.auditContext(), req.actor!, req.body.periods) }),
  });

  app.get('/units/:unitId', {
    config: { access: OVERSEERS },
    schema: {
      tags,
      summary: 'A unit’s score drilled down: rank of how many, change, and each component’s score, weight, share, formula (explanation) and facts. 404 SCORE_NOT_FOUND when the unit is not ranked in that period',
      params: UnitParams,
      querystring: PeriodQuery,
      response: { 200: UnitScoreResponse },
    },
    handler: async (req) => scoreboard.unitScore(req.actor!, req.params.unitId, req.query.period),
  });

  app.get('/units/:unitId/components/:key', {
    config: { access: OVERSEERS },
    schema: {
      tags,
      summary: 'The records behind one component of a unit’s score (tasks, or citizen requests), a page by id, each with `good` (counts for it) and a link; `ledger` is the matching ledger filter',
      params: ComponentParams,
      querystring: RecordsQuery,
      response: { 200: RecordsResponse },
    },
    handler: async (req) => {
      const r = await scoreboard.componentRecords(req.actor!, req.params.unitId, req.params.key, { period: req.query.period, limit: req.query.limit, afterId: req.query.cursor?.[0] });
      return { ...r, nextCursor: cursorOf(r.nextCursor) };
    },
  });

  app.get('/people', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'People’s scores (task components) in a unit (default: yours) for a period, by rank: who oversees the unit sees everyone, anyone else only themself',
      querystring: PeopleQuery,
      response: { 200: PeopleResponse },
    },
    handler: async (req) => scoreboard.people(req.actor!, req.query),
  });

  app.get('/people/:personId/components/:key', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'The tasks behind one component of a person’s score (themself, or who oversees their unit)', params: PersonComponentParams, querystring: RecordsQuery, response: { 200: RecordsResponse } },
    handler: async (req) => {
      const r = await scoreboard.personRecords(req.actor!, req.params.personId, req.params.key, { period: req.query.period, limit: req.query.limit, afterId: req.query.cursor?.[0] });
      return { ...r, nextCursor: cursorOf(r.nextCursor) };
    },
  });

  // --- 典型 (model cases) ---

  app.get('/cases', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '典型案例库: selected cases for everyone signed in (supervisors also see nominated and rejected ones of their region); filters q (title, summary, body), unitId (subtree), tag, year, status, taskId; newest first',
      querystring: CaseListQuery,
      response: { 200: Page(CaseResponse) },
    },
    handler: async (req) => {
      const q = req.query;
      const rows = await scoreboard.listCases(req.actor!, { q: q.q || undefined, unitId: q.unitId, tag: q.tag || undefined, year: q.year, status: q.status, taskId: q.taskId }, { limit: q.limit, beforeId: q.cursor?.[0] });
      const page = pageOf(rows, q.limit, (c) => [c.id]);
      return { items: page.items.map((c) => toCaseResponse(c, caseActions(req.actor!, c))), nextCursor: page.nextCursor };
    },
  });

  app.post('/cases', {
    config: { access: KEEPERS },
    schema: { tags, summary: '推荐典型: a task (taskId; its lead unit by default) or a practice of a unit (unitId), with title, summary, body and tags. 201, state 推荐 (nominated)', body: CaseBody, response: { 201: CaseResponse } },
    handler: async (req, reply) => reply.status(201).send(caseOut(req.actor!, await scoreboard.nominate(req.auditContext(), req.actor!, req.body))),
  });

  app.get('/cases/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A model case (404 for one the caller may not read)', params: IdParam, response: { 200: CaseResponse } },
    handler: async (req) => caseOut(req.actor!, await scoreboard.getCase(req.actor!, req.params.id)),
  });

  app.patch('/cases/:id', {
    config: { access: KEEPERS },
    schema: { tags, summary: 'Edit a case’s write-up (title, summary, body, tags) with its version; 409 SCORE_CASE_STALE when it changed', params: IdParam, body: CasePatchBody, response: { 200: CaseResponse } },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      return caseOut(req.actor!, await scoreboard.updateCase(req.auditContext(), req.actor!, req.params.id, version, patch));
    },
  });

  app.post('/cases/:id/select', {
    config: { access: KEEPERS },
    schema: { tags, summary: '入选: select a nominated (or earlier rejected) case; 409 SCORE_CASE_DECIDED otherwise', params: IdParam, body: CaseDecideBody, response: { 200: CaseResponse } },
    handler: async (req) => caseOut(req.actor!, await scoreboard.decideCase(req.auditContext(), req.actor!, req.params.id, req.body.version, 'select', req.body.note)),
  });

  app.post('/cases/:id/reject', {
    config: { access: KEEPERS },
    schema: { tags, summary: '未入选: reject a nominated case; 409 SCORE_CASE_DECIDED otherwise', params: IdParam, body: CaseDecideBody, response: { 200: CaseResponse } },
    handler: async (req) => caseOut(req.actor!, await scoreboard.decideCase(req.auditContext(), req.actor!, req.params.id, req.body.version, 'reject', req.body.note)),
  });
}
