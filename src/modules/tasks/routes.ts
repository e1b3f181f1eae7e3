import type { TaskRow } from './events.ts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, badRequest, PLATFORM_ERRORS } from '../../platform/errors.ts';
import { ANY_USER, PUBLIC, roles } from '../../platform/http/access.ts';
import { encodeCursor, Page } from '../../platform/http/paging.ts';
import { fileNameFromHeader } from '../../platform/files/upload.ts';
import { shanghaiDate } from '../../platform/clock.ts';
import { exactJson, fileResponse } from '../../platform/http/responses.ts';
import { IdParam, QueryInt } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import {
  AnswerBody,
  AttachBody,
  AttachmentParams,
  CloseBody,
  CoPartResponse,
  CoProgressBody,
  CoSignBody,
  EditBody,
  WithdrawBody,
  DispatchBody,
  InstructBody,
  NoticeQuery,
  UrgeBody,
  UrgingParams,
  UrgingResponse,
  ExtensionBody,
  ExtensionParams,
  NoteBody,
  PlanBody,
  ProgressBody,
  ReasonBody,
  ReassignBody,
  SubmitBody,
  TaskCreateBody,
  TaskFilterQuery,
  TaskListQuery,
  TaskResponse,
  TITLE_MAX,
  toTaskResponse,
  TaskListItem,
  toTaskListItem,
  TaskChange,
  toTaskChange,
  VersionBody,
} from './schemas.ts';
import { ASSIGNING_ROLES } from './policy.ts';
import { cnIsoDate, NOTICE_TITLES, noticeNumber, noticeRows } from './notice.ts';
import { TODO_KINDS } from './rules.ts';
import type { ViewFilter } from './views.ts';

const ASSIGNERS = roles(...ASSIGNING_ROLES);
/** Who gets the 驾驶舱 instead of the workbench: leaders and the supervision office (and admins). */
const OVERSEERS = roles('leader', 'supervisor', 'admin');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IMPORT_LIMIT = 20 * 1024 * 1024;

const AttachmentResponse = z.object({ id: z.number(), fileName: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), createdAt: z.string() });
const Counts = z.record(z.string(), z.number());
/** Attachments: up to 20 MB each, sent as the raw request body. */
const ATTACHMENT_LIMIT = 20 * 1024 * 1024;

const TaskDetailResponse = TaskResponse.extend({
  allowedActions: z.array(z.string()),
  milestones: z.array(z.object({ id: z.number(), title: z.string(), due: z.string(), ownerId: z.number().nullable(), ownerName: z.string().nullable(), doneAt: z.string().nullable() })),
  extensions: z.array(
    z.object({ id: z.number(), reason: z.string(), currentDeadline: z.string(), newDeadline: z.string(), status: z.string(), requestedBy: z.number(), decidedBy: z.number().nullable(), decisionNote: z.string().nullable(), createdAt: z.string() }),
  ),
  timeline: z.array(z.object({ id: z.number(), kind: z.string(), at: z.string(), actorId: z.number().nullable(), actorName: z.string().nullable(), data: z.record(z.string(), z.unknown()) })),
  attachments: z.array(AttachmentResponse.extend({ eventId: z.number().nullable() })),
  urgings: z.array(UrgingResponse),
  /** 协办单位 with their parts (signed for, latest progress), in the order the task names them. */
  coUnits: z.array(CoPartResponse),
  /** 分管领导. */
  leader: z.object({ id: z.number(), name: z.string() }).nullable(),
}).meta({ id: 'TaskDetail' });
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The supervision engine's routes, registered under /api/v1/tasks (the module's prefix). */
export function taskRoutes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const { tasks, taskViews, ledger, taskAttachments, org, clock } = services;
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  // Ledger uploads arrive as the raw file.
  // Files arrive as the raw body; only the upload routes raise their body limit above the default.
  app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  const present = async (actor: Actor, id: number) => presented(await tasks.detail(actor, id));
  const presented = (d: Awaited<ReturnType<typeof tasks.detail>>) => {
    return {
      ...toTaskResponse(d.task, d.light, d.escalations, d.names),
      allowedActions: d.allowedActions,
      milestones: d.milestones.map((m) => ({ ...m, doneAt: m.doneAt ? m.doneAt.toISOString() : null })),
      extensions: d.extensions.map((e) => ({
        id: e.id,
        reason: e.reason,
        currentDeadline: e.currentDeadline,
        newDeadline: e.newDeadline,
        status: e.status,
        requestedBy: e.requestedBy,
        decidedBy: e.decidedBy,
        decisionNote: e.decisionNote,
        createdAt: e.createdAt.toISOString(),
      })),
      timeline: d.events.map((e) => ({ id: e.id, kind: e.kind, at: e.at.toISOString(), actorId: e.actorId, actorName: e.actorName, data: e.data })),
      attachments: d.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
      coUnits: d.coParts.map((p) => ({
        unitId: p.unitId,
        unitName: p.unitName,
        signedAt: p.signedAt ? p.signedAt.toISOString() : null,
        signedByName: p.signedByName,
        percent: p.percent,
        lastText: p.lastText,
        lastReportAt: p.lastReportAt ? p.lastReportAt.toISOString() : null,
        reports: p.reports,
        mine: p.mine,
      })),
      leader: d.task.leaderId ? { id: d.task.leaderId, name: d.names.leaderName ?? '' } : null,
      urgings: d.urgings.map((u) => ({
        id: u.id,
        level: u.level,
        text: u.text,
        replyDue: u.replyDue,
        at: u.at.toISOString(),
        byId: u.byId,
        byName: u.byName,
        answer: u.answer,
        answeredBy: u.answeredBy,
        answeredByName: u.answeredByName,
        answeredAt: u.answeredAt ? u.answeredAt.toISOString() : null,
        overdue: u.overdue,
      })),
    };
  };

  /** Query → filter; a unit filter is resolved (and scope-checked) on the server. */
  const filterOf = async (actor: Actor, q: TaskFilterQuery): Promise<ViewFilter> => {
    if (q.sourceId !== undefined && q.source === undefined) throw badRequest('sourceId 须与 source 同时给出 (sourceId needs source: which module the record is in).', { field: 'sourceId' });
    return {
      ...(q.unitId ? { unitPath: (await org.getUnit(actor, q.unitId)).path } : {}),
      ...(q.responsibleId ? { responsibleId: q.responsibleId } : {}),
      ...(q.assignerId ? { assignerId: q.assignerId } : {}),
      ...(q.light ? { light: q.light } : {}),
      ...(q.level ? { level: q.level } : {}),
      ...(q.source ? { sourceKind: q.source } : {}),
      ...(q.sourceId ? { sourceId: q.sourceId } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.deadlineFrom ? { deadlineFrom: q.deadlineFrom } : {}),
      ...(q.deadlineTo ? { deadlineTo: q.deadlineTo } : {}),
      ...(q.overdue ? { overdue: true } : {}),
      ...(q.q ? { q: q.q } : {}),
      ...(q.todo ? { todo: q.todo } : {}),
      ...(q.escalatedFrom ? { escalatedFrom: q.escalatedFrom } : {}),
    };
  };

  app.post('', {
    config: { access: ASSIGNERS },
    schema: { tags, summary: '交办: assign a task to a lead unit in your scope', body: TaskCreateBody, response: { 201: TaskDetailResponse } },
    serializerCompiler: exactJson,
    handler: async (req, reply) => {
      return reply.status(201).send(presented(await tasks.createdPage(req.auditContext(), req.actor!, req.body)));
    },
  });

  app.get('', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '督办台账 / 任务清单 / 时限清单 (sort=deadline): filtered, keyset-paged',
      querystring: TaskListQuery,
      response: { 200: Page(TaskListItem) },
    },
    serializerCompiler: exactJson,
    handler: async (req) => {
      const q = req.query;
      const page = await taskViews.list(req.actor!, await filterOf(req.actor!, q), { sort: q.sort, limit: q.limit, ...(q.cursor ? { after: q.cursor } : {}) });
      return {
        items: page.items.map(({ task, light, escalations }) => toTaskListItem(task, light, escalations, task)),
        nextCursor: page.next ? encodeCursor(page.next) : null,
      };
    },
  });

  app.get('/workbench', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '工作台: my to-dos by group (to sign for, to report, yellow/red, to verify, extensions to decide) with counts; the ledger takes the same ?todo=',
      response: { 200: z.object({ groups: z.array(z.object({ kind: z.enum(TODO_KINDS), count: z.number(), items: z.array(TaskListItem) })) }) },
    },
    serializerCompiler: exactJson,
    handler: async (req) => ({
      groups: (await taskViews.workbench(req.actor!)).map((g) => ({
        kind: g.kind,
        count: g.count,
        items: g.items.map(({ task, light, escalations }) => toTaskListItem(task, light, escalations, task)),
      })),
    }),
  });

  app.get('/limits', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'The sizes the task routes accept, so a form checks a file or a title before sending it: an attachment and an imported ledger in bytes, a title in characters',
      response: { 200: z.object({ attachmentBytes: z.number(), importBytes: z.number(), titleChars: z.number() }) },
    },
    handler: async () => ({ attachmentBytes: ATTACHMENT_LIMIT, importBytes: IMPORT_LIMIT, titleChars: TITLE_MAX }),
  });

  app.get('/overview', {
    config: { access: OVERSEERS },
    schema: {
      tags,
      summary:
        '驾驶舱: a leader\'s or supervisor\'s overview of their scope — lights by unit, the red list, escalations since Monday, what waits for their decision, the on-time trend; each count is what the ledger shows under the filter named beside it',
      querystring: z.strictObject({ weeks: QueryInt(4, 26).default(8) }),
      response: {
        200: z.object({
          today: z.string(),
          totals: z.object({ total: z.number(), byLight: Counts }),
          units: z.array(z.object({ unitId: z.number(), unitName: z.string(), total: z.number(), byLight: Counts })),
          red: z.object({ count: z.number(), items: z.array(TaskListItem) }),
          escalations: z.object({ since: z.string(), tasks: z.number(), byLevel: Counts }),
          decisions: z.object({
            verify: z.number(),
            extension: z.number(),
            answers: z.object({
              since: z.string(),
              count: z.number(),
              items: z.array(z.object({ urgingId: z.number(), taskId: z.number(), title: z.string(), level: z.enum(['urge', 'supervise']), answeredAt: z.string(), answeredByName: z.string().nullable() })),
            }),
          }),
          trend: z.array(z.object({ week: z.string(), done: z.number(), onTime: z.number(), escalations: Counts })),
        }),
      },
    },
    handler: async (req) => {
      const o = await taskViews.overview(req.actor!, { redLimit: 10, weeks: req.query.weeks });
      const units = new Map<number, { unitId: number; unitName: string; total: number; byLight: Record<string, number> }>();
      const totals = { total: 0, byLight: {} as Record<string, number> };
      for (const r of o.byUnit) {
        const n = Number(r.n);
        let u = units.get(r.leadUnitId);
        if (!u) units.set(r.leadUnitId, (u = { unitId: r.leadUnitId, unitName: r.unitName, total: 0, byLight: {} }));
        for (const b of [u, totals]) {
          b.total += n;
          b.byLight[r.light] = (b.byLight[r.light] ?? 0) + n;
        }
      }
      const rank = (u: { byLight: Record<string, number>; total: number }) => [u.byLight.red ?? 0, u.byLight.yellow ?? 0, u.total];
      const thisWeek = o.trend.at(-1);
      return {
        today: o.today,
        totals,
        // Worst first: the units with most red, then yellow, then most work.
        units: [...units.values()].sort((a, b) => {
          const [x, y] = [rank(a), rank(b)];
          return y[0]! - x[0]! || y[1]! - x[1]! || y[2]! - x[2]! || a.unitName.localeCompare(b.unitName, 'zh-CN');
        }),
        red: {
          count: totals.byLight.red ?? 0,
          items: o.red.map(({ task, light, escalations }) => toTaskListItem(task, light, escalations, task)),
        },
        escalations: { since: o.weekStart, tasks: o.escalatedTasks, byLevel: thisWeek?.escalations ?? {} },
        decisions: {
          verify: o.decisions.verify,
          extension: o.decisions.extension,
          answers: {
            since: o.answersSince,
            count: o.answers.count,
            items: o.answers.items.map((a) => ({ urgingId: a.id, taskId: a.taskId, title: a.title, level: a.level, answeredAt: (a.answeredAt as Date).toISOString(), answeredByName: a.answeredByName })),
          },
        },
        trend: o.trend,
      };
    },
  });

  app.get('/stats', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'Counts by unit, light and status (dashboards); same filters as the ledger',
      querystring: TaskFilterQuery,
      response: {
        200: z.object({
          totals: z.object({ total: z.number(), byLight: Counts, byStatus: Counts }),
          units: z.array(z.object({ unitId: z.number(), unitName: z.string(), total: z.number(), byLight: Counts, byStatus: Counts })),
        }),
      },
    },
    serializerCompiler: exactJson,
    handler: async (req) => {
      const rows = await taskViews.stats(req.actor!, await filterOf(req.actor!, req.query));
      const byUnit = new Map<number, { unitId: number; unitName: string; total: number; byLight: Record<string, number>; byStatus: Record<string, number> }>();
      const totals = { total: 0, byLight: {} as Record<string, number>, byStatus: {} as Record<string, number> };
      for (const r of rows) {
        const n = Number(r.n);
        let u = byUnit.get(r.leadUnitId);
        if (!u) byUnit.set(r.leadUnitId, (u = { unitId: r.leadUnitId, unitName: r.unitName, total: 0, byLight: {}, byStatus: {} }));
        for (const bucket of [u, totals]) {
          bucket.total += n;
          bucket.byLight[r.light] = (bucket.byLight[r.light] ?? 0) + n;
          bucket.byStatus[r.status] = (bucket.byStatus[r.status] ?? 0) + n;
        }
      }
      return { totals, units: [...byUnit.values()].sort((a, b) => b.total - a.total) };
    },
  });

  app.get('/stats/trend', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'Week by week (Monday first): tasks verified, how many on time, escalations by level; same filters as the ledger',
      querystring: TaskFilterQuery.extend({ weeks: QueryInt(1, 104).default(12) }),
      response: {
        200: z.object({ weeks: z.array(z.object({ week: z.string(), done: z.number(), onTime: z.number(), escalations: z.record(z.string(), z.number()) })) }),
      },
    },
    handler: async (req) => {
      const { weeks, ...q } = req.query;
      return { weeks: await taskViews.trend(req.actor!, await filterOf(req.actor!, q), weeks) };
    },
  });

  app.get('/lists/responsibility', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '责任清单: tasks per lead unit and responsible person, by light',
      querystring: TaskFilterQuery,
      response: {
        200: z.object({
          items: z.array(z.object({ unitId: z.number(), unitName: z.string(), responsibleId: z.number().nullable(), responsibleName: z.string().nullable(), total: z.number(), byLight: Counts })),
        }),
      },
    },
    handler: async (req) => {
      const rows = await taskViews.responsibility(req.actor!, await filterOf(req.actor!, req.query));
      const out = new Map<string, { unitId: number; unitName: string; responsibleId: number | null; responsibleName: string | null; total: number; byLight: Record<string, number> }>();
      for (const r of rows) {
        const key = `${r.leadUnitId}:${r.responsibleId ?? ''}`;
        let e = out.get(key);
        if (!e) out.set(key, (e = { unitId: r.leadUnitId, unitName: r.unitName, responsibleId: r.responsibleId, responsibleName: r.responsibleName, total: 0, byLight: {} }));
        e.total += Number(r.n);
        e.byLight[r.light] = (e.byLight[r.light] ?? 0) + Number(r.n);
      }
      return { items: [...out.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN') || (a.responsibleName ?? '').localeCompare(b.responsibleName ?? '', 'zh-CN')) };
    },
  });

  app.get('/export.xlsx', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '导出台账 (XLSX), with the ledger filters',
      querystring: TaskFilterQuery,
      response: { 200: fileResponse(XLSX_TYPE, '督办台账: the ledger as an XLSX workbook (the import reads the same layout)') },
    },
    handler: async (req, reply) => {
      const xlsx = await ledger.export(req.actor!, await filterOf(req.actor!, req.query), req.query.unitId);
      const name = encodeURIComponent(`督办台账-${shanghaiDate(clock.now())}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${name}`)
        .send(xlsx);
    },
  });

  app.post('/import', {
    config: { access: roles('leader', 'supervisor', 'admin') },
    bodyLimit: IMPORT_LIMIT,
    schema: {
      tags,
      summary: '导入台账: an XLSX in the export layout (body: the file). All rows or none. mode=new (default): new work, every row 已交办, checked as the create route checks; mode=migration (admins): a ledger kept before Mashang, its states and dates taken as history',
      querystring: z.strictObject({ mode: z.enum(['new', 'migration']).default('new') }),
      response: { 201: z.object({ imported: z.number() }) },
    },
    handler: async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, `请上传 XLSX 文件 (send the file with content-type ${XLSX_TYPE}).`);
      return reply.status(201).send(await ledger.import(req.auditContext(), req.actor!, req.body, req.query.mode));
    },
  });

  app.post('/feed-token', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'My ICS calendar feed of deadlines and milestones: a new secret URL (the old one stops working)', response: { 201: z.object({ url: z.string() }) } },
    handler: async (req, reply) => {
      const token = await ledger.createFeedToken(req.auditContext(), req.actor!);
      return reply.status(201).send({ url: `/api/v1/tasks/feed/${token}.ics` });
    },
  });

  app.get('/feed/:file', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: 'ICS feed (RFC 5545) behind the secret token',
      params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.ics$/) }),
      response: { 200: fileResponse('text/calendar', 'An iCalendar feed of my deadlines and milestones') },
    },
    handler: async (req, reply) => {
      const ics = await ledger.feed(req.params.file.replace(/\.ics$/, ''));
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
    },
  });

  app.get('/:id', {
    config: { access: ANY_USER },
    schema: { tags, summary: 'A task with its light, overdue 工作日, timeline and the actions you may take', params: IdParam, response: { 200: TaskDetailResponse } },
    serializerCompiler: exactJson,
    handler: async (req) => present(req.actor!, req.params.id),
  });

  /**
   * One lifecycle action: POST /tasks/:id/<path> with the version, answered with what changed and
   * the new version (TaskChange); the page re-reads the rest.
   */
  const action = <B extends z.ZodType>(path: string, summary: string, body: B, run: (actor: Actor, ctx: AuditContext, id: number, b: z.infer<B>) => Promise<TaskRow>) => {
    app.post(`/:id/${path}`, {
      config: { access: ANY_USER },
      schema: { tags, summary: `${summary}. Answers with what changed and the new version (TaskChange)`, params: IdParam, body, response: { 200: TaskChange } },
      serializerCompiler: exactJson,
      handler: async (req) => {
        const row = await run(req.actor!, req.auditContext(), req.params.id, req.body as z.infer<B>);
        return toTaskChange(row, await tasks.lightNow(row));
      },
    });
  };

  action('sign', '签收 (lead unit head)', VersionBody, (a, c, id, b) => tasks.sign(c, a, id, b.version));
  action('dispatch', '交办到人: name the responsible person (lead unit head)', DispatchBody, (a, c, id, b) => tasks.dispatch(c, a, id, b.version, b.responsibleId, b.note));
  action('progress', '报送进展: an immutable progress report', ProgressBody, (a, c, id, b) => tasks.progress(c, a, id, b.version, b));
  action('plan', '实施方案: milestones with owners and dates (倒排工期)', PlanBody, (a, c, id, b) => tasks.plan(c, a, id, b.version, b.milestones));
  action('submit', '申请办结: completion report and close-out summary', SubmitBody, (a, c, id, b) => tasks.submit(c, a, id, b.version, b.completion, b.summary, b.attachmentIds));

  app.post('/:id/attachments', {
    config: { access: ANY_USER },
    bodyLimit: ATTACHMENT_LIMIT,
    schema: {
      tags,
      summary: 'Upload an attachment (the raw file as the body, its name in x-file-name, percent-encoded); then cite its id in progress or submit',
      params: IdParam,
      headers: z.object({ 'x-file-name': z.string().min(1).max(600) }),
      response: { 201: AttachmentResponse },
    },
    handler: async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, '请以 application/octet-stream 上传文件内容 (send the file bytes as application/octet-stream).');
      const fileName = fileNameFromHeader(req.headers['x-file-name']);
      const a = await taskAttachments.upload(req.auditContext(), req.actor!, req.params.id, fileName, req.body);
      return reply.status(201).send({ ...a, createdAt: a.createdAt.toISOString() });
    },
  });

  app.get('/:id/attachments/:eid', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: 'Download an attachment',
      params: ExtensionParams,
      response: { 200: fileResponse('application/octet-stream', 'The file as uploaded, sent with its own content type (sniffed on upload) as an attachment') },
    },
    handler: async (req, reply) => {
      const a = await taskAttachments.get(req.actor!, req.params.id, req.params.eid);
      return reply
        .header('content-type', a.contentType)
        .header('content-disposition', `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(a.data);
    },
  });
  action('verify', '审核办结 (assigner or overseeing leader); the source gets the feedback at once', NoteBody, (a, c, id, b) => tasks.verify(c, a, id, b.version, b.note));
  action('reject', '驳回 the completion, with the reason', ReasonBody, (a, c, id, b) => tasks.reject(c, a, id, b.version, b.reason));
  action('close', '销号, with the close-out summary', CloseBody, (a, c, id, b) => tasks.close(c, a, id, b.version, b.summary));
  action('return', '退回 to the assigner, with the reason (lead unit head)', ReasonBody, (a, c, id, b) => tasks.returnTask(c, a, id, b.version, b.reason));
  action('reassign', '重新交办 a returned task', ReassignBody, (a, c, id, b) => tasks.reassign(c, a, id, b.version, b));
  action('co-sign', '签收（协办）: a co-unit’s head signs for the unit’s part (unitId: which part, for a head of several)', CoSignBody, (a, c, id, b) => tasks.coSign(c, a, id, b.version, b.unitId));
  action('co-progress', '报送协办进展: a co-unit’s own progress on its part, after it signed for it; the lead unit sees it on the task page', CoProgressBody, (a, c, id, b) =>
    tasks.coProgress(c, a, id, b.version, { unitId: b.unitId, percent: b.percent, text: b.text }),
  );
  action('edit', '修改事项 (the assigner): title, description, standard, assessment while open; deadline and lead unit only before sign-for (after it: 409 TASK_EDIT_NEEDS_FLOW, use an extension or a return and reassignment)', EditBody, (a, c, id, b) => {
    const { version, ...edit } = b;
    return tasks.edit(c, a, id, version, edit);
  });
  action('withdraw', '撤回 (the assigner), before sign-for or after a return: the task leaves every list; its page stays open to the assigner', WithdrawBody, (a, c, id, b) => tasks.withdraw(c, a, id, b.version, b.reason));
  action('attach', '补充附件: put files uploaded to the task (POST /:id/attachments) on its timeline', AttachBody, (a, c, id, b) => tasks.attach(c, a, id, b.version, b.attachmentIds, b.note));

  app.post('/:id/attachments/:eid/remove', {
    config: { access: ANY_USER },
    schema: { tags, summary: '删除附件 (the assigner, before sign-for): the timeline and the audit keep its name and digest', params: AttachmentParams, body: VersionBody, response: { 200: TaskDetailResponse } },
    handler: async (req) => {
      await tasks.removeAttachment(req.auditContext(), req.actor!, req.params.id, req.body.version, req.params.eid);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/extensions', {
    config: { access: ANY_USER },
    schema: { tags, summary: '延期申请: reason and new deadline (at most the policy number per task)', params: IdParam, body: ExtensionBody, response: { 201: TaskDetailResponse.extend({ extensionId: z.number() }) } },
    handler: async (req, reply) => {
      const { extensionId } = await tasks.requestExtension(req.auditContext(), req.actor!, req.params.id, req.body.version, req.body.reason, req.body.newDeadline);
      return reply.status(201).send({ ...(await present(req.actor!, req.params.id)), extensionId });
    },
  });

  app.post('/:id/urgings', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '催办 (level=urge) or 升级督办 (level=supervise) by hand: a written urging with a reply deadline to the lead unit’s heads and the responsible person (the supervision office over the lead unit, the assigner, the overseeing leader); the first of its level is the ladder’s rung',
      params: IdParam,
      body: UrgeBody,
      response: { 201: TaskDetailResponse.extend({ urgingId: z.number() }) },
    },
    handler: async (req, reply) => {
      const { version, level, text, replyDue } = req.body;
      const { urgingId } = await tasks.urge(req.auditContext(), req.actor!, req.params.id, version, { level, text, replyDue });
      return reply.status(201).send({ ...(await present(req.actor!, req.params.id)), urgingId });
    },
  });

  app.post('/:id/urgings/:uid/answer', {
    config: { access: ANY_USER },
    schema: { tags, summary: '情况说明: the lead unit’s head or the responsible person answers an urging; the urger is told (a late answer is marked)', params: UrgingParams, body: AnswerBody, response: { 200: TaskDetailResponse } },
    handler: async (req) => {
      await tasks.answerUrging(req.auditContext(), req.actor!, req.params.id, req.params.uid, req.body.version, req.body.text);
      return present(req.actor!, req.params.id);
    },
  });

  app.post('/:id/instructions', {
    config: { access: ANY_USER },
    schema: { tags, summary: '批示: a leader (or admin) whose scope covers the lead unit writes an instruction, optionally with a new milestone (on or before the deadline)', params: IdParam, body: InstructBody, response: { 201: TaskDetailResponse } },
    handler: async (req, reply) => {
      const { version, text, milestone } = req.body;
      await tasks.instruct(req.auditContext(), req.actor!, req.params.id, version, { text, milestone });
      return reply.status(201).send(await present(req.actor!, req.params.id));
    },
  });

  app.get('/:id/notice', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '督办通知单 / 催办通知单 as data, for the print page: the same title, 编号, rows, 落款 and date as the DOCX',
      params: IdParam,
      querystring: NoticeQuery,
      response: { 200: z.object({ title: z.string(), number: z.string(), rows: z.array(z.object({ label: z.string(), text: z.string() })), signer: z.string(), date: z.string() }) },
    },
    handler: async (req) => {
      const n = await tasks.noticeContent(req.actor!, req.params.id, req.query.kind);
      return { title: NOTICE_TITLES[n.kind], number: noticeNumber(n.kind, n.taskId, n.today), rows: noticeRows(n).map(([label, text]) => ({ label, text })), signer: n.signerUnit, date: cnIsoDate(n.today) };
    },
  });

  app.get('/:id/notice.docx', {
    config: { access: ANY_USER },
    schema: {
      tags,
      summary: '督办通知单 (kind=supervise) / 催办通知单 (kind=urge) as a one-page DOCX: 编号, 督办事项, 交办领导, 主办/协办单位, 完成时限, 办理要求, 反馈要求, 落款 and date',
      params: IdParam,
      querystring: NoticeQuery,
      response: { 200: fileResponse(DOCX_TYPE, '督办通知单 / 催办通知单 as a Word document') },
    },
    handler: async (req, reply) => {
      const file = await tasks.notice(req.actor!, req.params.id, req.query.kind);
      return reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', `attachment; filename="notice.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  });

  for (const [verb, approve] of [['approve', true], ['reject', false]] as const) {
    app.post(`/:id/extensions/:eid/${verb}`, {
      config: { access: ANY_USER },
      schema: { tags, summary: `${approve ? '批准' : '驳回'}延期申请 (assigner or overseeing leader)`, params: ExtensionParams, body: NoteBody, response: { 200: TaskDetailResponse } },
      handler: async (req) => {
        await tasks.decideExtension(req.auditContext(), req.actor!, req.params.id, req.params.eid, req.body.version, approve, req.body.note);
        return present(req.actor!, req.params.id);
      },
    });
  }
}
