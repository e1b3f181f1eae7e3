import type { FastifyInstance, RouteOptions } from 'fastify';
import { jsonSchemaTransformObject, serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * What every API route answers, declared so that the OpenAPI document (and the web app's types
 * generated from it, `npm run openapi`) tells the whole contract: each route's success bodies
 * in its own `schema.response`, and the one error shape added here to every route.
 */

/** `{ error: { code, message, details } }`: every 4xx and 5xx (platform/http/errors.ts). */
export const ErrorResponse = z
  .object({
    error: z.object({
      /** Stable, for programs: VALIDATION, FORBIDDEN, TASK_NOT_FOUND, … */
      code: z.string(),
      /** For people, in plain words. */
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error', description: 'Error: { error: { code, message, details } }' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** A 204 answer: no body. */
export const NoContent = z.undefined().describe('No content');

/** File bytes: a Buffer or a string, documented as `{ type: string, format: binary }`. */
const FileBody = z.custom<Buffer | string>((v) => typeof v === 'string' || Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });

/**
 * A response that is a file (XLSX, ICS, an attachment), not JSON: its content type and what it is.
 * Fastify sends the Buffer or string as it is (no serializer runs); the schema documents it.
 */
export const fileResponse = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: FileBody } },
});

/**
 * Every route in the OpenAPI document must declare a success response (a 2xx schema: JSON, a
 * file, or NoContent); one without stops the app from starting, as an API route without an
 * access rule does. That is every route but those hidden from the document (the web app's
 * files, the docs themselves), whatever its prefix: /api/v1 today, the Open311 API tomorrow.
 * Each gets the shared error schema for 4xx and 5xx, so the error handler's bodies are declared
 * once.
 */
export function registerResponseRules(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.schema?.hide) return;
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (!response || !Object.keys(response).some((status) => /^2(\d\d|xx)$/.test(status))) {
      throw new Error(`Route ${[route.method].flat().join(',')} ${route.url} declares no success response (schema.response).`);
    }
    route.schema!.response = { ...response, '4xx': response['4xx'] ?? ErrorResponse, '5xx': response['5xx'] ?? ErrorResponse };
  });
}

type TransformObject = typeof jsonSchemaTransformObject;

/**
 * The OpenAPI document's components: each zod schema with `.meta({ id })` (Task, Person, …).
 * The zod provider emits every id twice, as an output schema and as an input one (`TaskInput`);
 * only those the document refers to are kept, so a response schema does not come back as an
 * unused input twin.
 */
export const transformObject: TransformObject = (input) => {
  const doc = jsonSchemaTransformObject(input) as ReturnType<TransformObject> & { components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) return doc;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const m = key === '$ref' && typeof value === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(value) : null;
      if (m?.[1] && !used.has(m[1])) {
        used.add(m[1]);
        visit(schemas[m[1]]);
      }
      visit(value);
    }
  };
  visit({ ...doc, components: { ...doc.components, schemas: {} } });
  doc.components!.schemas = Object.fromEntries(Object.entries(schemas).filter(([id]) => used.has(id)));
  return doc;
};

/** The same JSON value: key order aside, an undefined property as good as a missing one. */
function sameJson(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.keys(v)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(canon(JSON.parse(JSON.stringify(a) ?? 'null'))) === JSON.stringify(canon(JSON.parse(JSON.stringify(b) ?? 'null')));
}

/** What Fastify hands a serializer compiler (any route's schema). */
interface SerializerRoute {
  schema: unknown;
  method: string;
  url: string;
  httpStatus?: string;
}

/**
 * The serializer of a hot route whose handler builds each answer field by field from its schema
 * (toTaskListItem, toTaskChange, …): the answer is written with JSON.stringify as it is. The zod
 * serializer checked and re-built it first — for a ledger page of 50 rows, 0.2 ms of the
 * server's CPU, a tenth of the request, to find what the mapper already guarantees. Under the
 * test suite (NODE_ENV=test) every answer is still checked against its schema and must be
 * exactly what the schema would let through: a field the schema would drop, change or add
 * fails the test, so what is sent unchecked in production is what the tests proved. Errors
 * (4xx, 5xx) keep the zod serializer.
 */
export function exactJson(route: SerializerRoute): (data: unknown) => string {
  const schema = route.schema;
  if (!/^2/.test(String(route.httpStatus ?? '200')) || !(schema instanceof z.ZodType)) return serializerCompiler(route as Parameters<typeof serializerCompiler>[0]);
  if (process.env.NODE_ENV !== 'test') return (data) => JSON.stringify(data);
  return (data) => {
    const checked = z.safeEncode(schema, data);
    if (!checked.success) throw new Error(`${route.method} ${route.url}: the answer does not match its schema: ${checked.error.message}`);
    if (!sameJson(checked.data, data)) {
      throw new Error(`${route.method} ${route.url}: the answer is not exactly its schema (the zod serializer would have changed it): ${JSON.stringify(data).slice(0, 500)}`);
    }
    return JSON.stringify(data);
  };
}
