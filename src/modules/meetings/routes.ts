import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { ANY_USER, roles } from '../../platform/http/access.ts';
import { Page, pageOf } from '../../platform/http/paging.ts';
import { fileResponse, NoContent } from '../../platform/http/responses.ts';
import { IdParam } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import {
  ActualBody,
  AgendaItemParams,
  CancelBody,
  CheckResponse,
  CommentBody,
  DecisionBody,
  DecisionParams,
  DecisionPatchBody,
  DecisionResponse,
  MeetingBody,
  MeetingDetailResponse,
  MeetingListQuery,
  MeetingSummary,
  MeetingUpdateBody,
  RefuseBody,
  StatsQuery,
  StatsResponse,
  toDecisionResponse,
  toMeetingDetail,
  toMeetingSummary,
} from './schemas.ts';

/** Who plans meetings (and assigns their decisions): the service checks the organiser is in their scope. */
const PLANNERS = roles('leader', 'supervisor', 'unit_head', 'admin');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The meetings module's routes, registered under /api/v1/meetings. */
export function meetingRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { meetings, org } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const present = async (actor: Actor, id: number) => toMeetingDetail(await meetings.get(actor, id));

  app.post('', {
    config: { access: PLANNERS },
    schema: {
      tags,
      summary:
        '计划会议: checked against 精文减会 (length, speeches, main speeches, comprehensive quota, yearly count, merge). 201 with the findings when nothing blocks; 409 MEETING_RULE_BLOCKED with details.findings when something blocks and there is no overrideReason; with one (≥ 15 characters) the meeting waits for a supervisor’s approval (status pending_approval)',
      body: MeetingBody,
      response: { 201: MeetingDetailResponse },
    },
    handler: async (req, reply) => {
      const m = await meetings.create(req.auditContext(), req.actor!, req.body);
      return reply.status(201).send(await present(req.actor!, m.id));
    },
  });

  app.post('/check', {
    config: { access: PLANNERS },
    schema: { tags, summary: 'The findings of a plan without saving it, and what it would become (planned, pending_approval, blocked)', body: MeetingBody, response: { 200: CheckResponse } },
    handler: async (req) => meetings.check(req.actor!, req.body),
  });

  app.get('', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'The meetings you may see, newest first; filters unitId (organiser at or under), kind, status, year, q (title)', querystring: MeetingListQuery, response: { 200: Page(MeetingSummary.extend({ decisionCount: z.number() })) } },
    handler: async (req) => {
      const q = req.query;
      const unitPath = q.unitId ? (await org.getUnit(req.actor!, q.unitId)).path : undefined;
      const rows = await meetings.list(req.actor!, { unitPath, kind: q.kind, status: q.status, year: q.year, q: q.q }, { limit: q.limit, after: q.cursor });
      const page = pageOf(rows, q.limit, (m) => [new Date(m.startsAt).toISOString(), m.id]);
      return { items: page.items.map((m) => ({ ...toMeetingSummary(m), decisionCount: m.decisionCount ?? 0 })), nextCursor: page.nextCursor };
    },
  });

  app.get('/stats', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '会议统计 of a unit’s subtree (default: your region) for a year (default: this year), over the meetings you may see: by kind this year vs last, average length planned vs actual, share of decisions with a task, share of those tasks on time',
      querystring: StatsQuery,
      response: { 200: StatsResponse },
    },
    handler: async (req) => meetings.stats(req.actor!, req.query),
  });

  app.get('/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A meeting: plan, findings, agenda planned vs actual, decisions with their tasks’ lights, the actions you may take', params: IdParam, response: { 200: MeetingDetailResponse } },
    handler: async (req) => present(req.actor!, req.params.id),
  });

  app.get('/:id/minutes.docx', {
    config: { access: ANY_USER },
    schema: { tags, summary: '会议纪要 (DOCX): the meeting’s data and its decisions with lead unit, responsible person and deadline', params: IdParam, response: { 200: fileResponse(DOCX_TYPE, '会议纪要 as a Word document') } },
    handler: async (req, reply) => {
      const file = await meetings.minutes(req.actor!, req.params.id);
      return reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', `attachment; filename="minutes.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  });

  app.put('/:id', {
    config: { access: PLANNERS },
    schema: { tags, summary: '修改计划 (before the meeting is held): the whole plan with its version, re-checked as when planned', params: IdParam, body: MeetingUpdateBody, response: { 200: MeetingDetailResponse } },
    handler: async (req) => {
      const { version, ...plan } = req.body;
      await meetings.update(req.auditContext(), req.actor!, req.params.id, version, plan);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/approve', {
    config: { access: roles('supervisor', 'admin') },
    schema: { tags, summary: '批准 a plan that overrode a blocking finding (a supervisor over the organiser, not of it), with an optional comment', params: IdParam, body: CommentBody, response: { 200: MeetingDetailResponse } },
    handler: async (req) => {
      await meetings.decide(req.auditContext(), req.actor!, req.params.id, true, req.body.comment);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/refuse', {
    config: { access: roles('supervisor', 'admin') },
    schema: { tags, summary: '不予批准 a plan that overrode a blocking finding, with the reason (comment)', params: IdParam, body: RefuseBody, response: { 200: MeetingDetailResponse } },
    handler: async (req) => {
      await meetings.decide(req.auditContext(), req.actor!, req.params.id, false, req.body.comment);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/cancel', {
    config: { access: PLANNERS },
    schema: { tags, summary: '取消 a meeting not yet held, with the reason', params: IdParam, body: CancelBody, response: { 200: MeetingDetailResponse } },
    handler: async (req) => {
      await meetings.cancel(req.auditContext(), req.actor!, req.params.id, req.body.reason);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/decisions', {
    config: { access: PLANNERS },
    schema: { tags, summary: '议定事项: add a decision (lead unit, responsible person, deadline as a date or { workdays }, level)', params: IdParam, body: DecisionBody, response: { 201: DecisionResponse } },
    handler: async (req, reply) => {
      const d = await meetings.addDecision(req.auditContext(), req.actor!, req.params.id, req.body);
      const full = (await meetings.get(req.actor!, req.params.id)).decisions.find((x) => x.id === d.id)!;
      return reply.status(201).send(toDecisionResponse(full));
    },
  });

  app.patch('/:id/decisions/:decisionId', {
    config: { access: PLANNERS },
    schema: { tags, summary: 'Change a decision (the fields given; null clears one)', params: DecisionParams, body: DecisionPatchBody, response: { 200: DecisionResponse } },
    handler: async (req) => {
      await meetings.updateDecision(req.auditContext(), req.actor!, req.params.id, req.params.decisionId, req.body);
      return toDecisionResponse((await meetings.get(req.actor!, req.params.id)).decisions.find((x) => x.id === req.params.decisionId)!);
    },
  });

  app.delete('/:id/decisions/:decisionId', {
    config: { access: PLANNERS },
    schema: { tags, summary: 'Remove a decision (before the conclusion)', params: DecisionParams, response: { 204: NoContent } },
    handler: async (req, reply) => {
      await meetings.deleteDecision(req.auditContext(), req.actor!, req.params.id, req.params.decisionId);
      return reply.status(204).send();
    },
  });

  app.post('/:id/conclude', {
    config: { access: PLANNERS },
    schema: {
      tags,
      summary:
        '办结 (一次布置到位): every decision becomes a supervised task (source meeting), all in one transaction. 409 DECISIONS_INCOMPLETE (details.decisions) while one lacks lead unit, responsible person or deadline, or there is none; 403 when a lead unit is outside your scope (nothing is created)',
      params: IdParam,
      response: { 200: MeetingDetailResponse },
    },
    handler: async (req) => {
      await meetings.conclude(req.auditContext(), req.actor!, req.params.id);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/agenda/:itemId/actual', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '计时: a speaker’s actual minutes ({ minutes }, or { startedAt, endedAt }); the first marks the meeting held',
      params: AgendaItemParams,
      body: ActualBody,
      response: { 200: z.object({ itemId: z.number(), actualMinutes: z.number(), plannedMinutes: z.number(), status: z.string() }) },
    },
    handler: async (req) => meetings.recordActual(req.auditContext(), req.actor!, req.params.id, req.params.itemId, req.body),
  });
}
