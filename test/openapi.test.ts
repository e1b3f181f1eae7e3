import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, buildDocumentApp, generateApiTypes, openApiDocument } from '../scripts/openapi.ts';
import { ANY_USER } from '../src/platform/http/access.ts';

interface Operation {
  responses: Record<string, { description?: string; content?: Record<string, { schema?: { $ref?: string } }> }>;
}

describe('OpenAPI document', () => {
  it('declares a success response on every API operation, and the shared error shape for 4xx and 5xx', async () => {
    const doc = (await openApiDocument()) as { paths: Record<string, Record<string, Operation>> };
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
    expect(ops.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const { key, op } of ops) {
      const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
      // A 2xx with a body says what the body is; 204 has none. The default "Default Response"
      // with no content is what @fastify/swagger writes for a route that declares nothing.
      const declared = success.some(([status, r]) => status === '204' || (r.content && Object.keys(r.content).length > 0));
      if (!declared) problems.push(`${key}: no declared success response`);
      // Open311 answers its errors as the GeoReport spec's list of { code, description }.
      const errorSchema = key.includes(' /open311/') ? '#/components/schemas/Open311Errors' : '#/components/schemas/Error';
      for (const status of ['4XX', '5XX']) {
        if (op.responses[status]?.content?.['application/json']?.schema?.$ref !== errorSchema) problems.push(`${key}: ${status} is not the ${errorSchema.split('/').pop()} schema`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses to start with an API route that declares no success response', async () => {
    const app = await buildDocumentApp();
    expect(() => app.get('/api/v1/undeclared-response', { config: { access: ANY_USER } }, async () => ({}))).toThrow(/declares no success response/);
    await app.close();
  });

  it('matches the committed web/src/lib/api-types.ts (run `npm run openapi` after changing a route)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await generateApiTypes();
    // On a mismatch, show where rather than two 4,000-line strings.
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const first = a.findIndex((line, i) => line !== b[i]);
    expect(first === -1 && a.length === b.length ? null : { line: first + 1, committed: a[first], generated: b[first] }, 'web/src/lib/api-types.ts is out of date: run `npm run openapi`').toBeNull();
  });
});
