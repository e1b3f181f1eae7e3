import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ANY_USER, roles } from '../../platform/http/access.ts';
import { Page, pageOf } from '../../platform/http/paging.ts';
import { fileResponse } from '../../platform/http/responses.ts';
import { IdParam } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import {
  PersonalSummaryResponse,
  ReportCreateBody,
  ReportEditBody,
  ReportFileParams,
  ReportListQuery,
  ReportResponse,
  ReportSummaryResponse,
  ReportVersionBody,
  SummaryListQuery,
  SummaryOpenBody,
  SummarySaveBody,
  toPersonalSummary,
  toReportResponse,
  toReportSummary,
} from './schemas.ts';

const SUPERVISORS = roles('supervisor');
const TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

function sendFile(reply: FastifyReply, format: 'docx' | 'xlsx', file: { fileName: string; data: Buffer }) {
  return reply
    .header('content-type', TYPES[format])
    .header('content-disposition', `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.data);
}

/** The reports module's routes, registered under /api/v1/reports. */
export function reportRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { reports, org } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];
  const present = async (actor: Parameters<typeof reports.get>[0], id: number) => {
    const d = await reports.get(actor, id);
    return toReportResponse(d.report, d.allowedActions);
  };

  app.get('', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Reports you may see (drafts: supervisors over the unit), newest first; filters unitId (at or under), kind, status, year (of the period), q (title)', querystring: ReportListQuery, response: { 200: Page(ReportSummaryResponse) } },
    handler: async (req) => {
      const q = req.query;
      const unitPath = q.unitId ? (await org.getUnit(req.actor!, q.unitId)).path : undefined;
      const rows = await reports.list(req.actor!, { unitPath, kind: q.kind, status: q.status, year: q.year, q: q.q }, { limit: q.limit, after: q.cursor });
      const page = pageOf(rows, q.limit, (r) => [new Date(r.createdAt).toISOString(), r.id]);
      return { items: page.items.map(toReportSummary), nextCursor: page.nextCursor };
    },
  });

  app.post('', {
    config: { access: SUPERVISORS },
    schema: {
      tags,
      summary:
        '生成 a draft from data (red tasks, overdue units, escalations, on-time rates, rankings and model cases, citizen requests, meetings and documents, field days, accountability): kind weekly|monthly|quarterly|annual|notice, period 2026-W48|2026-11|2026-Q4|2026 (notice: also 2026-11-01..2026-11-30); 409 REPORT_EXISTS (details.id) for a periodic report that exists',
      body: ReportCreateBody,
      response: { 201: ReportResponse },
    },
    handler: async (req, reply) => {
      const r = await reports.generate(req.auditContext(), req.actor!, req.body);
      return reply.status(201).send(await present(req.actor!, r.id));
    },
  });

  // Personal summaries before /:id, so that /summaries is never read as an id.
  app.get('/summaries', {
    config: { access: ANY_USER },
    schema: { tags, summary: '个人总结: yours, and the submitted ones of people under you (heads, supervisors, admins); filters personId, unitId, period, status', querystring: SummaryListQuery, response: { 200: Page(PersonalSummaryResponse) } },
    handler: async (req) => {
      const q = req.query;
      const unitPath = q.unitId ? (await org.getUnit(req.actor!, q.unitId)).path : undefined;
      const rows = await reports.listSummaries(req.actor!, { personId: q.personId, unitPath, periodKey: q.period, status: q.status }, { limit: q.limit, after: q.cursor?.[0] });
      const page = pageOf(rows, q.limit, (s) => [s.id]);
      return { items: page.items.map(toPersonalSummary), nextCursor: page.nextCursor };
    },
  });

  app.post('/summaries', {
    config: { access: ANY_USER },
    schema: { tags, summary: '我的总结 for a period (2026-11, 2026-Q4, 2026): made the first time (201), prefilled with the close-out summaries of the tasks you closed in it; 200 with the existing one after', body: SummaryOpenBody, response: { 200: PersonalSummaryResponse, 201: PersonalSummaryResponse } },
    handler: async (req, reply) => {
      const { summary, created } = await reports.openSummary(req.auditContext(), req.actor!, req.body.period);
      return reply.status(created ? 201 : 200).send(toPersonalSummary(summary));
    },
  });

  app.get('/summaries/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A personal summary (its author; once submitted, the heads over the author’s unit)', params: IdParam, response: { 200: PersonalSummaryResponse } },
    handler: async (req) => toPersonalSummary(await reports.getSummary(req.actor!, req.params.id)),
  });

  app.patch('/summaries/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Save your draft summary: its text, and reloadItems to take in tasks closed since', params: IdParam, body: SummarySaveBody, response: { 200: PersonalSummaryResponse } },
    handler: async (req) => {
      await reports.saveSummary(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body);
      return toPersonalSummary(await reports.getSummary(req.actor!, req.params.id));
    },
  });

  app.post('/summaries/:id/submit', {
    config: { access: ANY_USER },
    schema: { tags, summary: '提交 your summary to your unit’s heads (no change after)', params: IdParam, body: ReportVersionBody, response: { 200: PersonalSummaryResponse } },
    handler: async (req) => {
      await reports.submitSummary(req.auditContext(), req.actor!, req.params.id, req.body.version);
      return toPersonalSummary(await reports.getSummary(req.actor!, req.params.id));
    },
  });

  app.get('/:id.docx', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'The report as DOCX (official-notice layout: 版头, 文号, 标题, sections with tables, 落款 and date): an issued report’s file as stored at issue; a draft’s generated now, marked 草稿', params: ReportFileParams, response: { 200: fileResponse(TYPES.docx, 'the report as a Word document') } },
    handler: async (req, reply) => sendFile(reply, 'docx', await reports.file(req.actor!, req.params.id, 'docx')),
  });

  app.get('/:id.xlsx', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'The report as XLSX (正文 and one sheet per table): as stored at issue; a draft’s generated now', params: ReportFileParams, response: { 200: fileResponse(TYPES.xlsx, 'the report as a workbook') } },
    handler: async (req, reply) => sendFile(reply, 'xlsx', await reports.file(req.actor!, req.params.id, 'xlsx')),
  });

  app.get('/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A report as JSON: title, 文号, sections (text, table, chart data), 落款, and the actions you may take (edit, refresh, issue)', params: IdParam, response: { 200: ReportResponse } },
    handler: async (req) => present(req.actor!, req.params.id),
  });

  app.patch('/:id', {
    config: { access: SUPERVISORS },
    schema: { tags, summary: '修改 a draft: the title and sections’ texts by key (tables are data); 409 INVALID_TRANSITION once issued', params: IdParam, body: ReportEditBody, response: { 200: ReportResponse } },
    handler: async (req) => {
      const { version, ...edit } = req.body;
      await reports.edit(req.auditContext(), req.actor!, req.params.id, version, edit);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/refresh', {
    config: { access: SUPERVISORS },
    schema: { tags, summary: '刷新数据 of a draft: tables from today’s data; texts you edited stay', params: IdParam, body: ReportVersionBody, response: { 200: ReportResponse } },
    handler: async (req) => {
      await reports.refresh(req.auditContext(), req.actor!, req.params.id, req.body.version);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/issue', {
    config: { access: SUPERVISORS },
    schema: { tags, summary: '印发: the 文号 (next in the unit’s series of the kind this year), the date, and the DOCX and XLSX stored as issued; never changes after', params: IdParam, body: ReportVersionBody, response: { 200: ReportResponse } },
    handler: async (req) => {
      await reports.issue(req.auditContext(), req.actor!, req.params.id, req.body.version);
      return present(req.actor!, req.params.id);
    },
  });
}
