import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { ANY_USER, roles } from '../../platform/http/access.ts';
import { Page, pageOf } from '../../platform/http/paging.ts';
import { fileResponse } from '../../platform/http/responses.ts';
import { IdParam } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { TaskResponse, toTaskResponse } from '../tasks/schemas.ts';
import {
  AnnualResponse,
  BehindResponse,
  FindingParams,
  FindingTaskBody,
  PlaceBody,
  PlaceListQuery,
  PlacePatchBody,
  PlaceResponse,
  QuotaQuery,
  QuotaResponse,
  StatsQuery,
  StatsResponse,
  toPlaceResponse,
  toVisitResponse,
  VisitBody,
  VisitListQuery,
  VisitResponse,
} from './schemas.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_LIMIT = 20 * 1024 * 1024;
/** Who maintains the places: the region's supervisors (督查室) and admins. */
const PLACE_KEEPERS = roles('supervisor', 'admin');
/** Who oversees others' field work: their tables, statistics and the behind list. */
const OVERSEERS = roles('admin', 'supervisor', 'leader', 'unit_head');

/** The research module's routes (一线工作法), registered under /api/v1/field-visits. */
export function researchRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { research, tasks, org } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['research'];
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  // --- places ---

  app.get('/places', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Places (行政村/社区/企业/项目点/学校/卫生院) under a unit (default: your region); filters kind, tag, q', querystring: PlaceListQuery, response: { 200: Page(PlaceResponse) } },
    handler: async (req) => {
      const q = req.query;
      const rows = await research.listPlaces(req.actor!, { unitId: q.unitId, kind: q.kind, tag: q.tag, q: q.q, includeInactive: q.includeInactive }, { limit: q.limit, after: q.cursor?.[0] });
      const page = pageOf(rows, q.limit, (p) => [p.id]);
      return { items: page.items.map(toPlaceResponse), nextCursor: page.nextCursor };
    },
  });

  app.post('/places', {
    config: { access: PLACE_KEEPERS },
    schema: { tags, summary: '新增地点 under a township of your region (supervisors, admins); 409 PLACE_EXISTS for a name the township has', body: PlaceBody, response: { 201: PlaceResponse } },
    handler: async (req, reply) => reply.status(201).send(toPlaceResponse(await research.createPlace(req.auditContext(), req.actor!, req.body))),
  });

  app.post('/places/import', {
    config: { access: PLACE_KEEPERS },
    bodyLimit: IMPORT_LIMIT,
    schema: {
      tags,
      summary: '导入地点 (XLSX body; columns 乡镇 (name or code), 名称, 类别, 标签): every row checked, any error imports nothing (400 IMPORT_INVALID, details.errors)',
      response: { 201: z.object({ imported: z.number() }) },
    },
    handler: async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, `请上传 XLSX 文件 (send the file with content-type ${XLSX_TYPE}).`);
      return reply.status(201).send(await research.importPlaces(req.auditContext(), req.actor!, req.body));
    },
  });

  app.get('/places/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A place', params: IdParam, response: { 200: PlaceResponse } },
    handler: async (req) => toPlaceResponse(await research.getPlace(req.actor!, req.params.id)),
  });

  app.patch('/places/:id', {
    config: { access: PLACE_KEEPERS },
    schema: { tags, summary: '修改地点: name, kind, tags, township, active (false retires it; old visits keep it)', params: IdParam, body: PlacePatchBody, response: { 200: PlaceResponse } },
    handler: async (req) => toPlaceResponse(await research.updatePlace(req.auditContext(), req.actor!, req.params.id, req.body)),
  });

  // --- visits ---

  app.post('', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '记录一线调研: people (yourself, or people you oversee), dates (whole days or a half day), kind, places, unannounced, purpose, findings. 201 with the visit and its findings',
      body: VisitBody,
      response: { 201: VisitResponse },
    },
    handler: async (req, reply) => reply.status(201).send(toVisitResponse(await research.createVisit(req.auditContext(), req.actor!, req.body))),
  });

  app.get('', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'The visits you may see (yours; those of people you oversee), newest first; filters personId, unitId, placeId, year', querystring: VisitListQuery, response: { 200: Page(VisitResponse) } },
    handler: async (req) => {
      const q = req.query;
      const rows = await research.listVisits(req.actor!, { personId: q.personId, unitId: q.unitId, placeId: q.placeId, year: q.year }, { limit: q.limit, after: q.cursor });
      const page = pageOf(rows, q.limit, (d) => [d.visit.startDate, d.visit.id]);
      return { items: page.items.map(toVisitResponse), nextCursor: page.nextCursor };
    },
  });

  app.get('/quota', {
    config: { access: ANY_USER },
    schema: { tags, summary: '一线工作天数 of a person (default: you) for a year (default: this year): target, days, expectedByNow, shortfall, behind', querystring: QuotaQuery, response: { 200: QuotaResponse } },
    handler: async (req) => research.quota(req.actor!, req.query),
  });

  app.get('/annual', {
    config: { access: OVERSEERS },
    schema: { tags, summary: '年度一线工作台账: everyone with a target in a unit’s subtree (default: your region; a unit head’s own unit) you oversee, with quota and counts', querystring: StatsQuery, response: { 200: AnnualResponse } },
    handler: async (req) => research.annual(req.actor!, req.query),
  });

  app.get('/annual.xlsx', {
    config: { access: OVERSEERS },
    schema: { tags, summary: 'The annual table as XLSX', querystring: StatsQuery, response: { 200: fileResponse(XLSX_TYPE, '年度一线工作台账 as an XLSX workbook') } },
    handler: async (req, reply) => {
      const file = await research.annualXlsx(req.actor!, req.query);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="field-work.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.data);
    },
  });

  app.get('/behind', {
    config: { access: OVERSEERS },
    schema: { tags, summary: '滞后名单 for the workbench: people you oversee (a supervisor’s region, a unit head’s unit) more than behindMarginDays behind today', querystring: StatsQuery.pick({ unitId: true }), response: { 200: BehindResponse } },
    handler: async (req) => research.behind(req.actor!, req.query),
  });

  app.get('/stats', {
    config: { access: OVERSEERS },
    schema: {
      tags,
      summary: '覆盖与“盆景”检查 of a unit’s subtree (default: your region) for a year: villages no county-level leader visited, concentration (share to the most-visited tenth of places), 先进 vs 后进, unannounced share, findings turned into tasks and resolved — for the unit and per county-level leader',
      querystring: StatsQuery,
      response: { 200: StatsResponse },
    },
    handler: async (req) => research.stats(req.actor!, req.query),
  });

  app.get('/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A visit with its people, places and findings (each with its task’s light and status)', params: IdParam, response: { 200: VisitResponse } },
    handler: async (req) => toVisitResponse(await research.getVisit(req.actor!, req.params.id)),
  });

  app.post('/:id/findings/:fid/task', {
    config: { access: OVERSEERS },
    schema: {
      tags,
      summary: '调研成果转化: the finding becomes a supervised task (source research) in one transaction: lead unit (in your scope), responsible person, deadline (date or { workdays }), level (default by severity). 409 FINDING_HAS_TASK when it already did',
      params: FindingParams,
      body: FindingTaskBody,
      response: { 201: TaskResponse },
    },
    handler: async (req, reply) => {
      const t = await research.findingToTask(req.auditContext(), req.actor!, req.params.id, req.params.fid, req.body);
      const [s] = await tasks.states([t.id]);
      const [unit] = await org.unitsByIds([t.leadUnitId]);
      const [responsible] = t.responsibleId ? await org.peopleByIds([t.responsibleId]) : [];
      return reply.status(201).send(toTaskResponse(s!.task, s!.light, s!.escalations, { leadUnitName: unit?.name ?? '', responsibleName: responsible?.name ?? null }));
    },
  });
}
