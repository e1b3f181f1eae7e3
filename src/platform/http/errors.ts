import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, PLATFORM_ERRORS as E, type ErrorCode, type ErrorDef } from '../errors.ts';
import { localizeErrorBody, preferredLanguage } from './language.ts';
import type { ErrorResponse } from './responses.ts';
import { z } from 'zod';

const zodEnglish = z.locales.en().localeError;
const zodChinese = z.locales.zhCN().localeError;
const text = (m: unknown) => (typeof m === 'string' ? m : m && typeof m === 'object' && 'message' in m ? String(m.message) : '');

/** A value of each type zod names as "received …", for its message to be worded again. */
const RECEIVED_SAMPLES: Record<string, unknown> = { array: [], NaN: Number.NaN, string: '', number: 0, boolean: false, null: null, object: {}, Date: new Date(0) };

/**
 * A validation message in both languages, as every other message: zod's own message (a bound, a
 * type, an unknown key) gets zod's Chinese one before it — "数值过小：期望 number >=2000 (Too small:
 * expected number to be >=2000)" — so the language layer can answer either. A message of our own
 * (a refine's) is left as written.
 */
function bilingualZodMessage(v: { keyword: string; message?: string; params?: Record<string, unknown> }): string {
  const message = v.message ?? '';
  // A wrong type's issue does not carry the input (`?q=a&q=b` is an array, `?limit=1&limit=2` NaN):
  // a sample of the type its message names lets zod word it again, in both languages.
  const received = v.keyword === 'invalid_type' && !(v.params && 'input' in v.params) ? /received (\w+)$/.exec(message)?.[1] : undefined;
  const input = received !== undefined && Object.hasOwn(RECEIVED_SAMPLES, received) ? { input: RECEIVED_SAMPLES[received] } : {};
  const issue = { ...v.params, ...input, code: v.keyword } as Parameters<typeof zodEnglish>[0];
  try {
    if (text(zodEnglish(issue)) !== message) return message;
    // ASCII parentheses in the Chinese ("未知的键(key)") would be read as the English part.
    const zh = text(zodChinese(issue)).replace(/\(/g, '（').replace(/\)/g, '）');
    return zh && !message.includes('(') && !message.includes(')') ? `${zh} (${message})` : message;
  } catch {
    return message;
  }
}

/** A path no route serves, said in both languages (the language layer picks one). */
export const noRouteMessage = (method: string, path: string) => `没有这个接口：${method} ${path} (no route ${method} ${path}).`;

/**
 * Fastify's refusals made before any route is found — a path that is not valid percent-encoding
 * (`/api/v1/tasks/%E4`) — in the one error shape (the Open311 API's list under /open311/),
 * instead of Fastify's own English body.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  // A path parameter past the router's length limit falls through to the catch-all route's 404.
  const [status, message] = err.code === 'FST_ERR_BAD_URL' ? [400, '网址含有无法解码的字符 (the URL is not valid percent-encoding).'] : [500, `服务器内部错误 (internal error), request ${req.id}.`];
  if (status >= 500) req.log.error({ err }, 'request failed before routing');
  if (req.url.startsWith('/open311/')) {
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify([{ code: status, description: message }]));
    return;
  }
  void reply.status(status).send(errorBody(status >= 500 ? E.INTERNAL : E.VALIDATION, message));
}

/** The one error body; its schema (ErrorResponse) is declared on every API route. */
export type ErrorBody = ErrorResponse;

/** The one error shape, for a catalogued error. */
export const errorBody = (error: ErrorDef<ErrorCode>, message: string, details?: unknown): ErrorBody => ({
  error: { code: error.code, message, ...(details !== undefined ? { details } : {}) },
});

/** Fastify's own errors (body too large, bad JSON, …) mapped to our codes. */
const FASTIFY_CODES: Record<string, { error: ErrorDef<ErrorCode>; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { error: E.PAYLOAD_TOO_LARGE, message: '请求体过大 (request body too large).' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { error: E.UNSUPPORTED_MEDIA_TYPE, message: '不支持的内容类型，请以 application/json 发送 (unsupported Content-Type; send application/json).' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { error: E.VALIDATION, message: '请求体为空，但 Content-Type 为 application/json (Content-Type is application/json but the body is empty).' },
  FST_ERR_CTP_INVALID_JSON_BODY: { error: E.VALIDATION, message: '请求体不是合法的 JSON (the body is not valid JSON).' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { error: E.VALIDATION, message: 'Content-Length 与请求体长度不符 (Content-Length does not match the body).' },
};

/**
 * One error shape for every failure: { error: { code, message, details } }. 4xx say what the
 * caller did wrong; 5xx are logged with the request id and say nothing about the inside.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  // Every error body, whichever door it left by, in the language the request asks for.
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string') return payload;
    const lang = preferredLanguage(req.headers['accept-language']);
    if (lang === 'both' || !String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
    try {
      return JSON.stringify(localizeErrorBody(JSON.parse(payload), lang));
    } catch {
      return payload;
    }
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const body: ErrorBody = { error: { code: err.code, message: err.message, details: err.details } };
      return reply.status(err.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        // The whole body (an unknown key) is `body`, not `body.`.
        path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.').replace(/\.$/, '')}`,
        message: bilingualZodMessage(v),
      }));
      const where = details.map((d) => d.path).join(', ');
      return reply.status(400).send(errorBody(E.VALIDATION, `请求参数有误 (invalid request): ${where}`, details));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.status(500).send(errorBody(E.INTERNAL, `服务器内部错误 (internal error), request ${req.id}.`));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Name the limit: the route's own (uploads raise it), else the server's.
      const limit = req.routeOptions.bodyLimit ?? app.initialConfig.bodyLimit ?? 0;
      const size = limit >= 1024 * 1024 ? `${Math.floor(limit / 1024 / 1024)} MB` : `${Math.max(1, Math.floor(limit / 1024))} KB`;
      return reply.status(413).send(errorBody(E.PAYLOAD_TOO_LARGE, `请求体过大：最多 ${size} (request body too large: at most ${size}).`, { maxBytes: limit }));
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    const status = err.statusCode ?? 500;
    if (status < 500 && status >= 400) {
      return reply.status(status).send(mapped ? errorBody(mapped.error, mapped.message) : errorBody(status === 429 ? E.RATE_LIMITED : E.BAD_REQUEST, err.message));
    }
    req.log.error({ err }, 'request failed');
    return reply.status(500).send(errorBody(E.INTERNAL, `服务器内部错误 (internal error), request ${req.id}.`));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(errorBody(E.NOT_FOUND, noRouteMessage(req.method, req.url.split('?')[0]!)));
  });
}
