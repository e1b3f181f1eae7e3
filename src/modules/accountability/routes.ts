import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ANY_USER, roles } from '../../platform/http/access.ts';
import { Page, pageOf } from '../../platform/http/paging.ts';
import { IdParam } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { z } from 'zod';
import { AppError, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { fileNameFromHeader, UPLOAD_MAX_BYTES } from '../../platform/files/upload.ts';
import { fileResponse } from '../../platform/http/responses.ts';
import { AttachmentParams, AttachmentResponse, CloseBody, ExplainBody, RecordBody, RecordDetailResponse, RecordListQuery, RecordPatchBody, RecordResponse, VersionBody, toRecordDetail, toRecordResponse } from './schemas.ts';

/** Only supervisors (督查室) create, edit drafts, issue and close; the service checks the target is in their region. */
const SUPERVISORS = roles('supervisor');

/** The accountability module's routes, registered under /api/v1/accountability. */
export function accountabilityRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { accountability, org } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['accountability'];
  // Evidence files come as their raw bytes (as a task's attachments do); scoped to this module's routes.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  const present = async (actor: Parameters<typeof accountability.get>[0], id: number) => toRecordDetail(await accountability.get(actor, id));

  app.get('', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '问责记录 you may see, newest first (drafts: supervisors over the target only); filters unitId (target at or under), personId, taskId, kind, status, q (title)',
      querystring: RecordListQuery,
      response: { 200: Page(RecordResponse) },
    },
    handler: async (req) => {
      const q = req.query;
      const unitPath = q.unitId ? (await org.getUnit(req.actor!, q.unitId)).path : undefined;
      const rows = await accountability.list(req.actor!, { unitPath, personId: q.personId, taskId: q.taskId, kind: q.kind, status: q.status, q: q.q }, { limit: q.limit, after: q.cursor });
      const page = pageOf(rows, q.limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
      return { items: page.items.map(toRecordResponse), nextCursor: page.nextCursor };
    },
  });

  app.post('', {
    config: { access: SUPERVISORS },
    schema: {
      tags,
      summary: '新建 a record (提醒 / 约谈 / 通报批评 / 诫勉 / 问责建议) as a draft against a unit in your region, or a person working there; evidence: tasks, citizen requests, links',
      body: RecordBody,
      response: { 201: RecordDetailResponse },
    },
    handler: async (req, reply) => {
      const r = await accountability.create(req.auditContext(), req.actor!, req.body);
      return reply.status(201).send(await present(req.actor!, r.id));
    },
  });

  app.get('/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A record, with the actions you may take on it (edit, issue, explain, close)', params: IdParam, response: { 200: RecordDetailResponse } },
    handler: async (req) => present(req.actor!, req.params.id),
  });

  app.post('/:id/attachments', {
    config: { access: SUPERVISORS },
    bodyLimit: UPLOAD_MAX_BYTES,
    schema: {
      tags,
      summary: '添加证据: upload an evidence file (the raw file as the body, its name in x-file-name, percent-encoded) to a record not closed; a supervisor over the target; audited',
      params: IdParam,
      headers: z.object({ 'x-file-name': z.string().min(1).max(600) }),
      response: { 201: AttachmentResponse },
    },
    handler: async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, '请以 application/octet-stream 上传文件内容 (send the file bytes as application/octet-stream).');
      const a = await accountability.attach(req.auditContext(), req.actor!, req.params.id, fileNameFromHeader(req.headers['x-file-name']), req.body);
      return reply.status(201).send({ ...a, createdAt: a.createdAt.toISOString() });
    },
  });

  app.get('/:id/attachments/:aid', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'Download an evidence file of a record you may see (404 otherwise, as for an unknown one)',
      params: AttachmentParams,
      response: { 200: fileResponse('application/octet-stream', 'The file as uploaded, with its own content type (sniffed on upload), as an attachment') },
    },
    handler: async (req, reply) => {
      const a = await accountability.attachment(req.actor!, req.params.id, req.params.aid);
      return reply
        .header('content-type', a.contentType)
        .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(a.data);
    },
  });

  app.patch('/:id', {
    config: { access: SUPERVISORS },
    schema: { tags, summary: '修改草稿: the fields given, with the version (a draft only; 409 INVALID_TRANSITION after issue)', params: IdParam, body: RecordPatchBody, response: { 200: RecordDetailResponse } },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      await accountability.update(req.auditContext(), req.actor!, req.params.id, version, patch);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/issue', {
    config: { access: SUPERVISORS },
    schema: { tags, summary: '印发 a draft: the target person (or the target unit’s heads) is notified', params: IdParam, body: VersionBody, response: { 200: RecordDetailResponse } },
    handler: async (req) => {
      await accountability.issue(req.auditContext(), req.actor!, req.params.id, req.body.version);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/explain', {
    config: { access: ANY_USER },
    schema: { tags, summary: '申辩 (提交说明): the person concerned — the target person, or the target unit’s heads — once, after issue', params: IdParam, body: ExplainBody, response: { 200: RecordDetailResponse } },
    handler: async (req) => {
      await accountability.explain(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.text);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/close', {
    config: { access: SUPERVISORS },
    schema: { tags, summary: '结案 an issued record (explained or not), with the conclusion', params: IdParam, body: CloseBody, response: { 200: RecordDetailResponse } },
    handler: async (req) => {
      await accountability.close(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.conclusion);
      return present(req.actor!, req.params.id);
    },
  });
}
