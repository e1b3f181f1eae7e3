import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/platform/errors.ts';
import { createTestContext, type Client, type TestContext } from './helpers/context.ts';

/** The catalogue at work in the running app: a module's not-found subjects answer its own codes. */
let ctx: TestContext;
let admin: Client;
beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.as(['admin']);
});
afterAll(() => ctx.close());

describe('error codes from the app', () => {
  it.each([
    ['/api/v1/tasks/2147483646', 'TASK_NOT_FOUND'],
    ['/api/v1/units/2147483646', 'UNIT_NOT_FOUND'],
    ['/api/v1/people/2147483646', 'PERSON_NOT_FOUND'],
    ['/api/v1/calendar/years/2099', 'CALENDARYEAR_NOT_FOUND'],
    ['/api/v1/no-such-route', 'NOT_FOUND'],
  ])('GET %s answers 404 %s, a catalogued code', async (url, code) => {
    const res = await admin.get(url);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe(code);
    expect(errorCatalogue().find((e) => e.code === code)?.status).toBe(404);
  });
});
