import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { fileNameFromHeader } from '../../platform/files/upload.ts';
import { ANY_USER, PUBLIC, roles } from '../../platform/http/access.ts';
import { pageOf } from '../../platform/http/paging.ts';
import { fileResponse } from '../../platform/http/responses.ts';
import { IdParam } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { Page } from '../../platform/http/paging.ts';
import { CATEGORIES, RATING_NAMES, REQUEST_TYPES, TYPE_NAMES } from './rules.ts';
import { PHOTO_RULE } from './service.ts';
import {
  AssignBody,
  CallbackBody,
  CategoriesResponse,
  ClientBody,
  ClientIssued,
  ClientResponse,
  CodeParam,
  FlagsQuery,
  FlagsResponse,
  ForwardBody,
  MergeBody,
  PhotoParams,
  PublicRequestView,
  PublishableBody,
  RateBody,
  ReasonBody,
  RequestDetail,
  RequestListQuery,
  RequestSummary,
  StatsQuery,
  StatsResponse,
  SubmitBody,
  SubmitResponse,
  TextBody,
  toClient,
  toPublicView,
  toRequestDetail,
  toRequestSummary,
  VisitResponse,
  WindowBody,
  WindowPublic,
  WindowRateBody,
  WindowCodeParam,
  WindowRateResponse,
  WindowResponse,
} from './schemas.ts';
import { needsContact } from './policy.ts';
import { open311Routes } from './open311.ts';

const DESK = roles('supervisor', 'admin');
const PHOTO_TYPES = ['application/octet-stream', 'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic'];

/**
 * The citizens' requests module's routes: the anonymous portal under /api/v1/public, the desk and
 * units under /api/v1/citizen-requests, windows and Open311 client keys under /api/v1, and the
 * Open311 GeoReport v2 API under /open311/v2 (open311.ts).
 */
export function publicRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { publicRequests: svc, org, policy } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addContentTypeParser(PHOTO_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  // ——— Citizens: no login; rate limited per address (the platform's limit for public routes) ———
  const pub = ['public'];
  app.get('/api/v1/public/catalog', {
    config: { access: PUBLIC },
    schema: { tags: pub, summary: 'What a citizen picks from: the request types with their time limits, the service categories, the rating levels', response: { 200: CategoriesResponse } },
    handler: async () => {
      const p = await policy.forUnitPath('/');
      return {
        types: REQUEST_TYPES.map((t) => ({ code: t, name: TYPE_NAMES[t], resolveWorkdays: t === 'praise' ? null : p.publicRequests.resolveWorkdays[t] })),
        categories: [...CATEGORIES],
        ratingLevels: [5, 4, 3, 2, 1].map((level) => ({ level, name: RATING_NAMES[level]! })),
      };
    },
  });

  app.post('/api/v1/public/requests', {
    config: { access: PUBLIC },
    schema: {
      tags: pub,
      summary:
        '提交诉求 (anonymous): 201 with the tracking code — the citizen’s only key. Refused in Chinese: 400 SUBMISSION_REFUSED (the hidden `website` field was filled), 409 DUPLICATE_REQUEST (same description and place within a day), 429 (too many from this address)',
      body: SubmitBody,
      response: { 201: SubmitResponse },
    },
    handler: async (req, reply) => {
      const out = await svc.submit(req.auditContext(), req.body);
      return reply.status(201).send({ code: out.code, acknowledgeDue: out.acknowledgeDue, message: `提交成功。请保存查询码 ${out.code}，凭它查询办理进度和答复；我们将于 ${out.acknowledgeDue} 前受理。` });
    },
  });

  app.get('/api/v1/public/requests/:code', {
    config: { access: PUBLIC },
    schema: { tags: pub, summary: '凭查询码查询: progress, the reply once verified, whether it may be rated now (no contact, no staff names)', params: CodeParam, response: { 200: PublicRequestView } },
    handler: async (req) => toPublicView(await svc.lookup(req.params.code)),
  });

  app.post('/api/v1/public/requests/:code/photos', {
    config: { access: PUBLIC },
    bodyLimit: PHOTO_RULE.maxBytes + 1024,
    schema: {
      tags: pub,
      summary: 'Add a photo before the request is taken in (the image as the body, its name in x-file-name, percent-encoded; images only, judged by their bytes; 5 MB, 3 per request)',
      params: CodeParam,
      headers: z.object({ 'x-file-name': z.string().min(1).max(600) }),
      response: { 201: z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number() }) },
    },
    handler: async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, '请以图片内容作为请求体上传 (send the image bytes).');
      const p = await svc.addPhoto(req.auditContext(), req.params.code, fileNameFromHeader(req.headers['x-file-name']), req.body);
      return reply.status(201).send({ id: p.id, fileName: p.fileName, contentType: p.contentType, size: p.size });
    },
  });

  app.post('/api/v1/public/requests/:code/rating', {
    config: { access: PUBLIC },
    schema: {
      tags: pub,
      summary: '评价 (five levels, with a comment) once answered, or again after the call-back; 不满意/非常不满意 reopens the request. 409 RATING_REFUSED: rated already, not yet answered, or the window (ratingWindowDays) passed — then it counts as 基本满意',
      params: CodeParam,
      body: RateBody,
      response: { 200: PublicRequestView },
    },
    handler: async (req) => {
      await svc.rate(req.auditContext(), req.params.code, req.body.level, req.body.comment);
      return toPublicView(await svc.lookup(req.params.code));
    },
  });

  app.get('/api/v1/public/stats', {
    config: { access: PUBLIC },
    schema: { tags: pub, summary: '公开统计 per unit of a jurisdiction for a year: volume, on-time rate, satisfaction; quotes only of what staff marked publishable; no personal data', querystring: StatsQuery, response: { 200: StatsResponse } },
    handler: async (req) => {
      const year = req.query.year ?? Number(new Date(services.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
      const s = await svc.publicStats(req.query.jurisdictionId, year);
      return { ...s, quotes: s.quotes.map((q) => ({ type: q.type, category: q.category, description: q.description, reply: q.reply, unitName: q.unitName, level: q.level, comment: q.comment })) };
    },
  });

  app.get('/api/v1/public/windows/:code', {
    config: { access: PUBLIC },
    schema: { tags: pub, summary: 'The window behind a QR link (一次一评)', params: WindowCodeParam, response: { 200: WindowPublic } },
    handler: async (req) => {
      const w = await svc.windowByCode(req.params.code);
      return { name: w.name, unitName: w.unitName };
    },
  });

  app.post('/api/v1/public/windows/:code/ratings', {
    config: { access: PUBLIC },
    schema: { tags: pub, summary: 'Rate a window once per visit code (一次一评): 409 RATING_REFUSED when the code was used, 404 VISIT_NOT_FOUND when it is not this window’s', params: WindowCodeParam, body: WindowRateBody, response: { 201: WindowRateResponse } },
    handler: async (req, reply) => {
      const r = await svc.rateWindow(req.auditContext(), req.params.code, req.body.visitCode, req.body.level, req.body.comment);
      return reply.status(201).send({ ...r, message: `感谢您的评价：${RATING_NAMES[r.level]}。` });
    },
  });

  // ——— The desk (督查室 / 12345) and the units ———
  const tags = ['citizen-requests'];
  const base = '/api/v1/citizen-requests';
  const detail = async (actor: Actor, id: number) => toRequestDetail(await svc.detail(actor, id));

  app.get(base, {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'The requests you may see, newest first (the desk: its jurisdiction’s; a unit: those assigned to it). Filters status (submitted = the intake queue), type, category, unitId, overdue (queue past acknowledgeDue); contacts masked unless you need them',
      querystring: RequestListQuery,
      response: { 200: Page(RequestSummary) },
    },
    handler: async (req) => {
      const q = req.query;
      const unitPath = q.unitId ? (await org.getUnit(req.actor!, q.unitId)).path : undefined;
      const today = new Date(services.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      const rows = await svc.list(req.actor!, { status: q.status, type: q.type, category: q.category, unitPath, overdueOn: q.overdue ? today : undefined }, { limit: q.limit, after: q.cursor });
      const page = pageOf(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map((r) => toRequestSummary(r, needsContact(req.actor!, r))), nextCursor: page.nextCursor };
    },
  });

  app.get(`${base}/flags`, {
    config: { access: ANY_USER },
    schema: { tags, summary: '连续两个月满意度排名末位的单位 (your region, or unitId’s subtree): for the supervisor’s workbench until the accountability records exist', querystring: FlagsQuery, response: { 200: FlagsResponse } },
    handler: async (req) => svc.flagged(req.actor!, req.query.unitId),
  });

  app.get(`${base}/:id`, {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A request: its task and light, the reply, ratings (with the default once the window passed), call-backs, photos, and the actions you may take', params: IdParam, response: { 200: RequestDetail } },
    handler: async (req) => detail(req.actor!, req.params.id),
  });

  app.get(`${base}/:id/photos/:photoId`, {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A photo of the request', params: PhotoParams, response: { 200: fileResponse('image/*', 'the photo') } },
    handler: async (req, reply) => {
      const p = await svc.photo(req.actor!, req.params.id, req.params.photoId);
      return reply.header('content-type', p.contentType).header('x-content-type-options', 'nosniff').header('content-disposition', `inline; filename="photo"; filename*=UTF-8''${encodeURIComponent(p.fileName)}`).send(p.data);
    },
  });

  app.post(`${base}/:id/assign`, {
    config: { access: DESK },
    schema: { tags, summary: '交办: assign to a unit — creates its supervised task in the same transaction (deadline from resolveWorkdays by type; praise is forwarded instead). A returned request goes to its new unit by the task’s reassignment', params: IdParam, body: AssignBody, response: { 200: RequestDetail } },
    handler: async (req) => {
      const { version, ...input } = req.body;
      await svc.assign(req.auditContext(), req.actor!, req.params.id, version, input);
      return detail(req.actor!, req.params.id);
    },
  });

  app.post(`${base}/:id/forward`, {
    config: { access: DESK },
    schema: { tags, summary: '转达: praise goes to the unit it praises (no task)', params: IdParam, body: ForwardBody, response: { 200: RequestDetail } },
    handler: async (req) => {
      await svc.forward(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.unitId);
      return detail(req.actor!, req.params.id);
    },
  });

  app.post(`${base}/:id/merge`, {
    config: { access: DESK },
    schema: { tags, summary: '合并: a duplicate follows the request it is merged into (its citizen sees that one’s progress and reply)', params: IdParam, body: MergeBody, response: { 200: RequestDetail } },
    handler: async (req) => {
      await svc.merge(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.intoId);
      return detail(req.actor!, req.params.id);
    },
  });

  app.post(`${base}/:id/decline`, {
    config: { access: DESK },
    schema: { tags, summary: '不予受理: out of scope, with the reason the citizen sees', params: IdParam, body: ReasonBody, response: { 200: RequestDetail } },
    handler: async (req) => {
      await svc.decline(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.reason);
      return detail(req.actor!, req.params.id);
    },
  });

  app.post(`${base}/:id/return`, {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '退回 a misrouted request to the desk within returnWithinWorkdays of its assignment (the unit’s heads; through its task’s return). 409 RETURN_TOO_LATE after. The unit no longer sees it: the answer is only its new state',
      params: IdParam,
      body: ReasonBody,
      response: { 200: z.object({ id: z.number(), status: z.literal('submitted') }) },
    },
    handler: async (req) => {
      await svc.returnRequest(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.reason);
      return { id: req.params.id, status: 'submitted' as const };
    },
  });

  app.post(`${base}/:id/reply`, {
    config: { access: ANY_USER },
    schema: { tags, summary: '答复群众: required before the task is submitted (409 REPLY_REQUIRED otherwise); the citizen sees it once the task is verified', params: IdParam, body: TextBody, response: { 200: RequestDetail } },
    handler: async (req) => {
      await svc.reply(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.text);
      return detail(req.actor!, req.params.id);
    },
  });

  app.post(`${base}/:id/rectify`, {
    config: { access: ANY_USER },
    schema: { tags, summary: '整改: the unit records what it put right after a bad rating (due rectifyWorkdays after it); the desk then calls back', params: IdParam, body: TextBody, response: { 200: RequestDetail } },
    handler: async (req) => {
      await svc.rectify(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.text);
      return detail(req.actor!, req.params.id);
    },
  });

  app.post(`${base}/:id/callback`, {
    config: { access: DESK },
    schema: { tags, summary: '回访: who called (you), when, what the citizen said; the citizen may then rate again', params: IdParam, body: CallbackBody, response: { 200: RequestDetail } },
    handler: async (req) => {
      const { version, ...input } = req.body;
      await svc.callback(req.auditContext(), req.actor!, req.params.id, version, input);
      return detail(req.actor!, req.params.id);
    },
  });

  app.post(`${base}/:id/publishable`, {
    config: { access: DESK },
    schema: { tags, summary: 'Mark the citizen’s text (and rating comment) publishable in the public statistics, or not', params: IdParam, body: PublishableBody, response: { 200: RequestDetail } },
    handler: async (req) => {
      await svc.setPublishable(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.publishable);
      return detail(req.actor!, req.params.id);
    },
  });

  // ——— Service windows (一次一评) ———
  const wtags = ['service-windows'];
  app.get('/api/v1/service-windows', {
    config: { access: ANY_USER },
    schema: { tags: wtags, summary: 'Service windows of your region (admins: all), with their rating counts and average', response: { 200: z.array(WindowResponse) } },
    handler: async (req) => (await svc.listWindows(req.actor!)).map((w) => ({ id: w.id, unitId: w.unitId, unitName: w.unitName, name: w.name, code: w.code, ratings: w.ratings ?? 0, averageLevel: w.averageLevel ?? null })),
  });
  app.post('/api/v1/service-windows', {
    config: { access: roles('admin', 'supervisor', 'unit_head') },
    schema: { tags: wtags, summary: 'Set up a window; its code makes the QR link /public/windows/{code}', body: WindowBody, response: { 201: WindowResponse } },
    handler: async (req, reply) => {
      const w = await svc.createWindow(req.auditContext(), req.actor!, req.body);
      return reply.status(201).send({ id: w.id, unitId: w.unitId, unitName: w.unitName, name: w.name, code: w.code, ratings: 0, averageLevel: null });
    },
  });
  app.post('/api/v1/service-windows/:id/visits', {
    config: { access: ANY_USER },
    schema: { tags: wtags, summary: 'Issue a visit code for one visitor (one rating per visit), by the window’s unit', params: IdParam, response: { 201: VisitResponse } },
    handler: async (req, reply) => {
      const v = await svc.issueVisit(req.auditContext(), req.actor!, req.params.id);
      return reply.status(201).send({ id: v.id, windowId: v.windowId, code: v.code, issuedAt: new Date(v.issuedAt).toISOString() });
    },
  });

  // ——— Open311 client applications (admins issue and revoke their keys) ———
  const ctags = ['open311-clients'];
  app.get('/api/v1/open311-clients', {
    config: { access: roles('admin') },
    schema: { tags: ctags, summary: 'Client applications allowed to post through Open311 (keys are stored hashed; only their prefix is shown)', response: { 200: z.array(ClientResponse) } },
    handler: async () => (await svc.listClients()).map(toClient),
  });
  app.post('/api/v1/open311-clients', {
    config: { access: roles('admin') },
    schema: { tags: ctags, summary: 'Issue a client key (shown once)', body: ClientBody, response: { 201: ClientIssued } },
    handler: async (req, reply) => {
      const { client, key } = await svc.issueClient(req.auditContext(), req.actor!, req.body.name);
      return reply.status(201).send({ ...toClient(client), key });
    },
  });
  app.post('/api/v1/open311-clients/:id/revoke', {
    config: { access: roles('admin') },
    schema: { tags: ctags, summary: 'Revoke a client key (posts with it are refused from now on)', params: IdParam, response: { 200: ClientResponse } },
    handler: async (req) => toClient(await svc.revokeClient(req.auditContext(), req.params.id)),
  });

  open311Routes(fastify, services);
}
