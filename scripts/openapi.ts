/**
 * The web app's API types, generated from the server's OpenAPI document (`npm run openapi`):
 * builds the app without listening and without a database, takes `app.swagger()`, and writes
 * web/src/lib/api-types.ts with openapi-typescript. `--check` writes nothing and exits 1 when
 * the committed file is out of date (test/openapi.test.ts does the same check in CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import openapiTS, { astToString } from 'openapi-typescript';
import type { Database } from '../src/platform/db/schema.ts';
import { buildApp } from '../src/server.ts';

export const API_TYPES_FILE = fileURLToPath(new URL('../web/src/lib/api-types.ts', import.meta.url));

/**
 * The app as the server builds it, over a database that is never reached (a dummy driver);
 * not yet ready, so a test can add a route first.
 */
export async function buildDocumentApp() {
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const { app } = await buildApp({
    database: { db, kind: 'postgres', pglite: null, close: () => db.destroy() },
    clock: { now: () => new Date(0) },
    // No web app: its routes are hidden from the document anyway.
    webDir: fileURLToPath(new URL('../web/no-dist', import.meta.url)),
  });
  return app;
}

/** The OpenAPI document the server serves at /api/docs/json. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = await buildDocumentApp();
  try {
    await app.ready();
    // A copy: the generator must not see (or change) the swagger plugin's cached object.
    return JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run openapi\` (scripts/openapi.ts).
 * Do not edit: change the route's zod schemas and regenerate. test/openapi.test.ts fails when
 * this file is out of date.
 */

`;

/** The text of web/src/lib/api-types.ts for the server as it is now. */
export async function generateApiTypes(): Promise<string> {
  const doc = await openApiDocument();
  const ast = await openapiTS(doc as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true, exportType: true });
  return HEADER + astToString(ast);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const text = await generateApiTypes();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(API_TYPES_FILE, 'utf8');
    } catch {
      // missing counts as out of date
    }
    if (current !== text) {
      console.error('web/src/lib/api-types.ts is out of date with the server: run `npm run openapi`.');
      process.exit(1);
    }
    console.log('web/src/lib/api-types.ts is up to date.');
  } else {
    writeFileSync(API_TYPES_FILE, text);
    console.log(`wrote ${API_TYPES_FILE}`);
  }
}
