import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { fileNameFromHeader } from '../../platform/files/upload.ts';
import { ANY_USER, roles } from '../../platform/http/access.ts';
import { Page, pageOf } from '../../platform/http/paging.ts';
import { IdParam, QueryInt } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './rules.ts';
import {
  CheckBody,
  CheckResponse,
  DocumentCreateBody,
  DocumentListQuery,
  DocumentResponse,
  DocumentStatsQuery,
  DocumentSummary,
  DocumentUpdateBody,
  IssueBody,
  PhrasesBody,
  PhrasesResponse,
  StatsResponse,
  toCheckResponse,
  toDocumentResponse,
  toDocumentSummary,
  VersionBody,
} from './schemas.ts';
import { DOCX_RULE } from './service.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 发文 routes, registered under /api/v1/documents (the module's prefix). */
export function documentRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { documents } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  // A .docx arrives as the raw body.
  app.addContentTypeParser([DOCX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: DOCX_RULE.maxBytes }, (_req, body, done) => done(null, body));

  const present = async (actor: Actor, id: number) => {
    const d = await documents.detail(actor, id);
    return toDocumentResponse(d.document, d.allowedActions, d.quota);
  };

  app.post('/check', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '文风体检 of any text, saving nothing: 字数 against the kind’s limit, formulaic phrases with offsets, the opening passage (穿靴戴帽), repeats of issued documents, verdict and reasons',
      body: CheckBody,
      response: { 200: CheckResponse },
    },
    handler: async (req) => toCheckResponse(await documents.check(req.actor!, req.body.kind, req.body.text)),
  });

  app.get('', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Documents you may see, newest first; filters: unit (and the units under it), kind, status, year, q (title or 文号)', querystring: DocumentListQuery, response: { 200: Page(DocumentSummary) } },
    handler: async (req) => {
      const q = req.query;
      const rows = await documents.list(req.actor!, { unitId: q.unitId, kind: q.kind, status: q.status, year: q.year, q: q.q }, { afterId: q.cursor?.[0], limit: q.limit });
      const page = pageOf(rows, q.limit, (d) => [d.id]);
      return { items: page.items.map(toDocumentSummary), nextCursor: page.nextCursor };
    },
  });

  app.post('', {
    config: { access: ANY_USER },
    schema: { tags, summary: '起草: a draft for your unit (or a unit you head), body pasted (or uploaded later as .docx)', body: DocumentCreateBody, response: { 201: DocumentResponse } },
    handler: async (req, reply) => {
      const d = await documents.create(req.auditContext(), req.actor!, req.body);
      return reply.status(201).send(await present(req.actor!, d.id));
    },
  });

  app.get('/stats', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Statistics of the documents you may see: issued per unit and kind this year vs last year, average 字数, share over the limit, phrase density', querystring: DocumentStatsQuery, response: { 200: StatsResponse } },
    handler: async (req) => {
      const { year, rows } = await documents.stats(req.actor!, { unitId: req.query.unitId, year: req.query.year });
      const n = (v: unknown) => Number(v ?? 0);
      const units = new Map<number, { unitId: number; unitName: string; issuedThisYear: number; issuedLastYear: number }>();
      const kinds = new Map<DocumentKind, { kind: DocumentKind; issuedThisYear: number; issuedLastYear: number; total: number; overLimit: number; charSum: number; charN: number }>();
      const totals = { issuedThisYear: 0, issuedLastYear: 0, total: 0, checked: 0, overLimit: 0, charSum: 0, charN: 0, densSum: 0, densN: 0 };
      for (const r of rows) {
        let u = units.get(r.unitId);
        if (!u) units.set(r.unitId, (u = { unitId: r.unitId, unitName: r.unitName, issuedThisYear: 0, issuedLastYear: 0 }));
        u.issuedThisYear += n(r.issuedThisYear);
        u.issuedLastYear += n(r.issuedLastYear);
        let k = kinds.get(r.kind);
        if (!k) kinds.set(r.kind, (k = { kind: r.kind, issuedThisYear: 0, issuedLastYear: 0, total: 0, overLimit: 0, charSum: 0, charN: 0 }));
        k.issuedThisYear += n(r.issuedThisYear);
        k.issuedLastYear += n(r.issuedLastYear);
        k.total += n(r.total);
        k.overLimit += n(r.overLimit);
        if (r.avgCharacters !== null) {
          k.charSum += n(r.avgCharacters) * n(r.total);
          k.charN += n(r.total);
        }
        totals.issuedThisYear += n(r.issuedThisYear);
        totals.issuedLastYear += n(r.issuedLastYear);
        totals.total += n(r.total);
        totals.checked += n(r.checked);
        totals.overLimit += n(r.overLimit);
        if (r.avgCharacters !== null) {
          totals.charSum += n(r.avgCharacters) * n(r.total);
          totals.charN += n(r.total);
        }
        if (r.avgPhrasesPer1000 !== null) {
          totals.densSum += n(r.avgPhrasesPer1000) * n(r.checked);
          totals.densN += n(r.checked);
        }
      }
      const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
      return {
        year,
        totals: {
          issuedThisYear: totals.issuedThisYear,
          issuedLastYear: totals.issuedLastYear,
          total: totals.total,
          checked: totals.checked,
          overLimit: totals.overLimit,
          overLimitShare: totals.checked ? round(totals.overLimit / totals.checked, 3) : null,
          avgCharacters: totals.charN ? Math.round(totals.charSum / totals.charN) : null,
          avgPhrasesPer1000: totals.densN ? round(totals.densSum / totals.densN, 2) : null,
        },
        units: [...units.values()].sort((a, b) => b.issuedThisYear - a.issuedThisYear || a.unitName.localeCompare(b.unitName, 'zh-CN')),
        kinds: DOCUMENT_KINDS.filter((k) => kinds.has(k)).map((k) => {
          const v = kinds.get(k)!;
          return { kind: k, issuedThisYear: v.issuedThisYear, issuedLastYear: v.issuedLastYear, total: v.total, overLimit: v.overLimit, avgCharacters: v.charN ? Math.round(v.charSum / v.charN) : null };
        }),
      };
    },
  });

  app.get('/phrases', {
    config: { access: roles('admin') },
    schema: { tags, summary: '套话清单 in force (the shipped list until an admin stores one)', response: { 200: PhrasesResponse } },
    handler: async () => {
      const p = await documents.phrases();
      return { ...p, updatedAt: p.updatedAt ? p.updatedAt.toISOString() : null };
    },
  });

  app.put('/phrases', {
    config: { access: roles('admin') },
    schema: { tags, summary: 'Replace the 套话清单 (admins): non-empty phrases of at most 30 characters, at most 2,000, duplicates dropped; audited', body: PhrasesBody, response: { 200: PhrasesResponse } },
    handler: async (req) => {
      const p = await documents.setPhrases(req.auditContext(), req.body.phrases);
      return { ...p, updatedAt: p.updatedAt ? p.updatedAt.toISOString() : null };
    },
  });

  app.get('/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A document with its body, its last check, the actions you may take and the unit’s yearly count', params: IdParam, response: { 200: DocumentResponse } },
    handler: async (req) => present(req.actor!, req.params.id),
  });

  app.patch('/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'Change title, kind or body (not once issued); a changed body or kind returns it to draft', params: IdParam, body: DocumentUpdateBody, response: { 200: DocumentResponse } },
    handler: async (req) => {
      const { version, ...patch } = req.body;
      await documents.update(req.auditContext(), req.actor!, req.params.id, version, patch);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/docx', {
    config: { access: ANY_USER },
    bodyLimit: DOCX_RULE.maxBytes,
    schema: {
      tags,
      summary: 'Replace the body with the text of a .docx (the raw file as the body; its name in x-file-name, percent-encoded; the version in ?version=). Word files only, judged by content; at most 10 MB',
      params: IdParam,
      querystring: z.object({ version: QueryInt(1, 2_147_483_647) }),
      headers: z.object({ 'x-file-name': z.string().min(1).max(600) }),
      response: { 200: DocumentResponse },
    },
    handler: async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, '请以 application/octet-stream 上传 .docx 文件内容 (send the .docx bytes as application/octet-stream).');
      const fileName = fileNameFromHeader(req.headers['x-file-name']);
      await documents.uploadDocx(req.auditContext(), req.actor!, req.params.id, req.query.version, fileName, req.body);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/check', {
    config: { access: ANY_USER },
    schema: { tags, summary: '文风体检 of the document: stored with it; the document becomes 已体检', params: IdParam, body: VersionBody, response: { 200: DocumentResponse } },
    handler: async (req) => {
      await documents.checkDocument(req.auditContext(), req.actor!, req.params.id, req.body.version);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/issue', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '印发 with a 文号 (unique per unit and year); past last year’s count less the reduction, with a written explanation (409 DOCUMENT_QUOTA_EXPLANATION_REQUIRED otherwise)',
      params: IdParam,
      body: IssueBody,
      response: { 200: DocumentResponse },
    },
    handler: async (req) => {
      await documents.issue(req.auditContext(), req.actor!, req.params.id, req.body);
      return present(req.actor!, req.params.id);
    },
  });
}
