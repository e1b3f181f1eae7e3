import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { create } from 'xmlbuilder2';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { PUBLIC } from '../../platform/http/access.ts';
import { DateString, OptionalText } from '../../platform/http/zod.ts';
import type { ModuleServices, PlatformServices } from '../../platform/module.ts';
import { CATEGORIES, REQUEST_TYPES, STATUS_NAMES, TYPE_NAMES, type RequestStatus, type RequestType } from './rules.ts';
import { SubmitBody } from './schemas.ts';
import type { RequestRow } from './service.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2/) for the apps and the 12345
 * platform that integrate: discovery, services, service definitions, requests (GET, and POST
 * with a client application's api_key), one request, tokens — each as .json or .xml; errors as
 * the spec's list of { code, description }, never the /api error shape. Services are the
 * service categories; the request type (咨询 … 表扬) is the definition's `type` attribute.
 * Requests are public here as Open311 means them: the citizen's own words, address and
 * coordinates only when staff marked the request publishable; contacts never.
 */

export const OPEN311_PREFIX = '/open311/v2';
const FORMATS = ['json', 'xml'] as const;
type Format = (typeof FORMATS)[number];
const OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'assigned', 'reopened', 'rectified'];
const CLOSED_STATUSES: readonly RequestStatus[] = ['answered', 'rated', 'called_back', 'declined', 'merged', 'forwarded'];
const MAX_RESULTS = 1000;
const DEFAULT_SPAN_MS = 90 * 86_400_000;

/** ISO 8601 with the +08:00 offset (Asia/Shanghai has no daylight saving). */
export const isoShanghai = (d: Date | string): string => `${new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

export const Open311Error = z.array(z.object({ code: z.number(), description: z.string() })).meta({ id: 'Open311Errors', description: 'Open311 errors: [{ code, description }]' });
type Open311ErrorList = z.infer<typeof Open311Error>;

const Format = z.object({ format: z.enum(FORMATS) });
const body = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.unknown() }, 'text/xml': { schema: z.string() } },
});

/** The XML of a document: `root` holding `items` each as an `item` element (a maintained library, not string concatenation). */
function xmlOf(root: string, item: string | null, value: unknown): string {
  const clean = (v: unknown): unknown => {
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.map(clean);
    if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  const doc = item ? { [root]: { [item]: clean(value) } } : { [root]: clean(value) };
  return create({ version: '1.0', encoding: 'UTF-8' }, doc as never).end({ prettyPrint: false });
}

function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  if (format === 'xml') return reply.status(status).header('content-type', 'text/xml; charset=utf-8').send(xml());
  return reply.status(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(json));
}

function formatOf(req: FastifyRequest): Format {
  const f = (req.params as { format?: string } | undefined)?.format;
  return f === 'xml' ? 'xml' : 'json';
}

function sendErrors(reply: FastifyReply, format: Format, status: number, errors: Open311ErrorList) {
  return send(reply, format, status, errors, () => xmlOf('errors', 'error', errors));
}

/** A 4xx in the spec's shape, carrying the status. */
class Open311Failure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const ServiceCode = z.enum(CATEGORIES.map((c) => c.code) as [string, ...string[]]);
const CommaList = (max: number) => z.string().max(max).transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));
const DateParam = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date-time, e.g. 2026-12-01T00:00:00+08:00')
  // The calendar day must exist (no 2026-02-30) and lie in 1900 … 2999, as DateString: PostgreSQL
  // has no year 0000, and refusing it there would be a 500.
  .refine((s) => DateString.safeParse(s.slice(0, 10)).success, 'expected a calendar date between 1900 and 2999')
  .transform((s) => new Date(s));
/** A region's id, as Open311 clients pass it (a string of digits). */
const JurisdictionQuery = { jurisdiction_id: z.string().regex(/^\d{1,9}$/, 'jurisdiction_id is the id of a region (digits)').optional() };
const RequestId = z.string().regex(/^\d{1,10}$/, 'a service_request_id is a number').refine((s) => Number(s) <= 2_147_483_647, 'no such service_request_id');
const TokenId = z.string().regex(/^[2-9A-HJ-NP-Za-hj-np-z]{14}$/, 'a token is the 14-character tracking code');

const ListQuery = z.object({
  ...JurisdictionQuery,
  service_request_id: z.string().regex(/^[\d, ]*$/, 'comma-separated numbers').pipe(CommaList(2000)).optional(),
  service_code: z.string().regex(/^[a-z_, ]*$/, 'comma-separated service codes').pipe(CommaList(500)).optional(),
  start_date: DateParam.optional(),
  end_date: DateParam.optional(),
  status: CommaList(20).pipe(z.array(z.enum(['open', 'closed']))).optional(),
});

const Coord = (min: number, max: number) => z.union([z.number(), z.string().max(40).regex(/^-?\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().min(min).max(max));
const PostBody = z.object({
  api_key: z.string().min(1).max(200),
  jurisdiction_id: JurisdictionQuery.jurisdiction_id,
  service_code: ServiceCode,
  lat: Coord(-90, 90).optional(),
  long: Coord(-180, 180).optional(),
  address_string: OptionalText(200).optional(),
  address_id: z.string().max(100).optional(),
  description: OptionalText(4000).optional(),
  first_name: OptionalText(50).optional(),
  last_name: OptionalText(50).optional(),
  phone: z.string().max(30).optional(),
  email: z.string().max(200).optional(),
  device_id: z.string().max(200).optional(),
  account_id: z.string().max(200).optional(),
  media_url: z.string().max(2000).optional(),
  'attribute[type]': z.enum(REQUEST_TYPES).optional(),
  attribute: z.object({ type: z.enum(REQUEST_TYPES).optional() }).optional(),
});

/** What a citizen writes, checked as the portal checks it. */
const CitizenWords = SubmitBody.pick({ description: true, address: true, contactName: true });
const OPEN311_FIELD = { description: 'description', address: 'address_string', contactName: 'first_name, last_name' } as const;
const WORDS_REFUSED = {
  description: 'description 须为 5 至 2000 字、有可见文字、不含控制字符的诉求内容',
  address: 'address_string 须为 200 字以内、有可见文字的地址',
  contactName: 'first_name 与 last_name 合计须为 50 字以内、有可见文字的姓名',
} as const;

/** Open311's view of one request. */
function toOpen311(r: RequestRow) {
  const service = CATEGORIES.find((c) => c.code === r.category);
  const closed = CLOSED_STATUSES.includes(r.status);
  const notes = r.status === 'declined' ? `${STATUS_NAMES[r.status]}：${r.declineReason ?? ''}` : STATUS_NAMES[r.status];
  return {
    service_request_id: String(r.id),
    status: closed ? 'closed' : 'open',
    status_notes: notes,
    service_name: service?.name ?? r.category,
    service_code: r.category,
    description: r.publishable ? r.description : null,
    agency_responsible: r.unitName ?? null,
    service_notice: r.type === 'praise' ? '表扬类诉求转达被表扬单位' : `${TYPE_NAMES[r.type]}类诉求按时限办理`,
    requested_datetime: isoShanghai(r.submittedAt),
    updated_datetime: isoShanghai(r.updatedAt),
    expected_datetime: r.deadline ? `${r.deadline}T18:00:00+08:00` : null,
    address: r.publishable ? r.address : null,
    address_id: null,
    zipcode: null,
    lat: r.publishable ? r.lat : null,
    long: r.publishable ? r.long : null,
    media_url: null,
  };
}

const toService = (c: (typeof CATEGORIES)[number]) => ({ service_code: c.code, service_name: c.name, description: c.description, metadata: true, type: 'batch' as const, keywords: c.description.replace(/、/g, ','), group: c.group });

export function open311Routes(fastify: FastifyInstance, services: PlatformServices & ModuleServices): void {
  const svc = services.publicRequests;
  void fastify.register(
    async (scope) => {
      const app = scope.withTypeProvider<ZodTypeProvider>();
      // Handlers send their documents as text (JSON or XML); what else reaches the serializer is
      // a platform refusal made before the handler (a NUL character), turned into the spec's
      // shape by the onSend hook below — so no response schema may refuse it on the way.
      app.setSerializerCompiler(() => (data) => JSON.stringify(data));
      // The spec's POST body is a form; JSON is accepted too.
      app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, raw, done) => {
        const out: Record<string, string> = {};
        for (const [k, v] of new URLSearchParams(raw as string)) out[k] = v;
        done(null, out);
      });
      app.setErrorHandler((err: FastifyError, req, reply) => {
        const format = formatOf(req);
        if (err instanceof Open311Failure) return sendErrors(reply, format, err.status, [{ code: err.status, description: err.message }]);
        if (err instanceof AppError) return sendErrors(reply, format, err.status, [{ code: err.status, description: err.message }]);
        if (hasZodFastifySchemaValidationErrors(err)) {
          return sendErrors(reply, format, 400, err.validation.map((v) => ({ code: 400, description: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}: ${v.message ?? 'invalid'}` })));
        }
        const status = err.statusCode ?? 500;
        if (status >= 400 && status < 500) return sendErrors(reply, format, status, [{ code: status, description: status === 429 ? '请求过于频繁，请稍后再试 (too many requests).' : status === 413 ? '请求体过大 (request body too large).' : err.message }]);
        req.log.error({ err }, 'open311 request failed');
        return sendErrors(reply, format, 500, [{ code: 500, description: `服务器内部错误 (internal error), request ${req.id}.` }]);
      });
      app.setNotFoundHandler((req, reply) => sendErrors(reply, req.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json', 404, [{ code: 404, description: `没有这个 Open311 资源：${req.method} ${req.url.split('?')[0]} (no Open311 resource ${req.method} ${req.url.split('?')[0]}).` }]));
      // The platform's own refusals before a handler runs (a NUL character) come in the /api
      // shape: given here in the spec's.
      app.addHook('onSend', async (req, reply, payload) => {
        if (typeof payload !== 'string' || !payload.startsWith('{"error":')) return payload;
        const e = JSON.parse(payload) as { error: { message: string } };
        const errors = [{ code: reply.statusCode, description: e.error.message }];
        if (formatOf(req) === 'xml') {
          void reply.header('content-type', 'text/xml; charset=utf-8');
          return xmlOf('errors', 'error', errors);
        }
        return JSON.stringify(errors);
      });

      const jurisdiction = async (id: string | undefined) => {
        if (id === undefined) return svc.jurisdictionOf(undefined);
        if (!/^\d{1,9}$/.test(id)) throw new Open311Failure(404, `jurisdiction_id ${id} 不存在 (unknown jurisdiction).`);
        try {
          return await svc.jurisdictionOf(Number(id));
        } catch {
          throw new Open311Failure(404, `jurisdiction_id ${id} 不存在 (unknown jurisdiction).`);
        }
      };
      const tags = ['open311'];
      const errors = { '4xx': Open311Error, '5xx': Open311Error };

      app.get('/discovery.:format', {
        config: { access: PUBLIC },
        schema: { tags, summary: 'Open311 discovery: the endpoint, its specification and formats', params: Format, response: { 200: body('discovery'), ...errors } },
        handler: async (req, reply) => {
          const host = `${req.protocol}://${req.host}`;
          const d = {
            changeset: '2026-12-01T00:00:00+08:00',
            contact: '12345 政务服务便民热线',
            key_service: `${host}/ (管理员在「开放接口」中签发客户端密钥 api_key)`,
            endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${host}${OPEN311_PREFIX}`, changeset: '2026-12-01T00:00:00+08:00', type: 'production', formats: ['application/json', 'text/xml'] }],
          };
          return send(reply, req.params.format, 200, d, () =>
            xmlOf('discovery', null, { ...d, endpoints: { endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })) } }),
          );
        },
      });

      app.get('/services.:format', {
        config: { access: PUBLIC },
        schema: { tags, summary: 'Open311 services: the service categories', params: Format, querystring: z.object(JurisdictionQuery), response: { 200: body('services'), ...errors } },
        handler: async (req, reply) => {
          await jurisdiction(req.query.jurisdiction_id);
          const list = CATEGORIES.map(toService);
          return send(reply, req.params.format, 200, list, () => xmlOf('services', 'service', list));
        },
      });

      app.get('/services/:service_code.:format', {
        config: { access: PUBLIC },
        schema: {
          tags,
          summary: 'Open311 service definition: the attribute `type` (咨询/求助/投诉/举报/建议/表扬) a request carries as attribute[type]',
          params: Format.extend({ service_code: ServiceCode }),
          querystring: z.object(JurisdictionQuery),
          response: { 200: body('service definition'), ...errors },
        },
        handler: async (req, reply) => {
          await jurisdiction(req.query.jurisdiction_id);
          const def = {
            service_code: req.params.service_code,
            attributes: [
              {
                variable: true,
                code: 'type',
                datatype: 'singlevaluelist',
                required: true,
                datatype_description: '诉求类型',
                order: 1,
                description: '诉求类型 (request type): 咨询、求助、投诉、举报、建议、表扬',
                values: REQUEST_TYPES.map((t) => ({ key: t, name: TYPE_NAMES[t] })),
              },
            ],
          };
          return send(reply, req.params.format, 200, def, () =>
            xmlOf('service_definition', null, { service_code: def.service_code, attributes: { attribute: def.attributes.map((a) => ({ ...a, values: { value: a.values } })) } }),
          );
        },
      });

      app.get('/requests.:format', {
        config: { access: PUBLIC },
        schema: {
          tags,
          summary: 'Open311 requests of the jurisdiction: by service_request_id (comma-separated), or service_code, start_date, end_date (ISO 8601; default the last 90 days), status (open, closed); at most 1000',
          params: Format,
          querystring: ListQuery,
          response: { 200: body('service requests'), ...errors },
        },
        handler: async (req, reply) => {
          const q = req.query;
          const region = await jurisdiction(q.jurisdiction_id);
          let ids: number[] | undefined;
          if (q.service_request_id) {
            if (q.service_request_id.some((x) => !/^\d{1,9}$/.test(x))) throw new Open311Failure(400, 'service_request_id 须为数字，逗号分隔 (numeric ids, comma-separated).');
            ids = q.service_request_id.map(Number).slice(0, MAX_RESULTS);
          }
          if (q.service_code?.some((c) => !CATEGORIES.some((x) => x.code === c))) throw new Open311Failure(400, 'service_code 不存在 (unknown service_code).');
          if (q.start_date && q.end_date && q.start_date > q.end_date) throw new Open311Failure(400, 'start_date 晚于 end_date (start_date is after end_date).');
          const now = services.clock.now();
          const start = ids ? q.start_date : (q.start_date ?? new Date((q.end_date ?? now).getTime() - DEFAULT_SPAN_MS));
          const statuses = q.status ? [...new Set(q.status.flatMap((s) => (s === 'open' ? OPEN_STATUSES : CLOSED_STATUSES)))] : undefined;
          const rows = await svc.open311List({ regionPath: region.path, ids, categories: q.service_code, start, end: q.end_date, statuses, limit: MAX_RESULTS });
          const list = rows.map(toOpen311);
          return send(reply, req.params.format, 200, list, () => xmlOf('service_requests', 'request', list));
        },
      });

      app.post('/requests.:format', {
        config: { access: PUBLIC },
        schema: {
          tags,
          summary: 'Open311 POST a request (form-urlencoded as the spec says, or JSON) with a client application’s api_key; attribute[type] is the request type (default complaint). Answers service_request_id and token (the tracking code the citizen keeps)',
          params: Format,
          body: PostBody,
          response: { 201: body('the new request'), ...errors },
        },
        handler: async (req, reply) => {
          const b = req.body;
          const client = await svc.clientByKey(b.api_key);
          if (!client) throw new Open311Failure(403, 'api_key 无效或已吊销 (invalid or revoked api_key).');
          const region = await jurisdiction(b.jurisdiction_id);
          const type: RequestType = b['attribute[type]'] ?? b.attribute?.type ?? 'complaint';
          const description = (b.description ?? '').trim();
          if ([...description].length < 5) throw new Open311Failure(400, 'description 须至少 5 个字 (a description of at least 5 characters is required).');
          if (b.lat === undefined && b.long === undefined && !b.address_string && !b.address_id) {
            throw new Open311Failure(400, '须提供位置：lat/long 或 address_string (a location is required: lat & long, or address_string).');
          }
          const name = [b.last_name, b.first_name].filter(Boolean).join('') || undefined;
          const phone = b.phone?.trim();
          if (phone && !/^\+?[0-9][0-9 -]{3,18}[0-9]$/.test(phone)) throw new Open311Failure(400, 'phone 格式无效 (invalid phone).');
          // The citizen's words by the portal's own rules (SubmitBody): something visible in each,
          // the description whole (at most 2,000 characters, never cut short), address and name on one line.
          const address = b.address_string?.trim() || undefined;
          const words = CitizenWords.safeParse({ description, ...(address ? { address } : {}), ...(name ? { contactName: name } : {}) });
          if (!words.success) {
            const issue = words.error.issues[0]!;
            const field = String(issue.path[0]) as keyof typeof WORDS_REFUSED;
            throw new Open311Failure(400, `${WORDS_REFUSED[field]} (${OPEN311_FIELD[field]}: ${issue.message}).`);
          }
          const out = await svc.submit(
            req.auditContext(),
            { type, category: b.service_code, description: words.data.description, address: words.data.address, lat: b.lat, long: b.long, contactName: words.data.contactName, contactPhone: phone || undefined, jurisdictionId: region.id },
            client.id,
          );
          const res = [{ service_request_id: String(out.id), token: out.code, service_notice: `请于 ${out.acknowledgeDue} 前受理`, account_id: null }];
          return send(reply, req.params.format, 201, res, () => xmlOf('service_requests', 'request', res));
        },
      });

      app.get('/requests/:service_request_id.:format', {
        config: { access: PUBLIC },
        schema: { tags, summary: 'Open311 one request', params: Format.extend({ service_request_id: RequestId }), querystring: z.object(JurisdictionQuery), response: { 200: body('the request'), ...errors } },
        handler: async (req, reply) => {
          const region = await jurisdiction(req.query.jurisdiction_id);
          const id = req.params.service_request_id;
          const rows = await svc.open311List({ regionPath: region.path, ids: [Number(id)], limit: 1 });
          if (!rows.length) throw new Open311Failure(404, `service_request_id ${id} 不存在 (no such request).`);
          const list = rows.map(toOpen311);
          return send(reply, req.params.format, 200, list, () => xmlOf('service_requests', 'request', list));
        },
      });

      app.get('/tokens/:token_id.:format', {
        config: { access: PUBLIC },
        schema: { tags, summary: 'Open311 token → service_request_id (the token is the tracking code POST answered)', params: Format.extend({ token_id: TokenId }), querystring: z.object(JurisdictionQuery), response: { 200: body('the request id of a token'), ...errors } },
        handler: async (req, reply) => {
          const token = req.params.token_id.toUpperCase();
          const row = await svc.idByCode(token);
          if (!row) throw new Open311Failure(404, `token ${req.params.token_id} 不存在 (no such token).`);
          const res = [{ service_request_id: String(row.id), token }];
          return send(reply, req.params.format, 200, res, () => xmlOf('service_requests', 'request', res));
        },
      });
    },
    { prefix: OPEN311_PREFIX },
  );
}
