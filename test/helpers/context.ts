import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import type { AuditContext } from '../../src/platform/audit/audit.ts';
import type { Actor, Rank, Role } from '../../src/platform/auth/actor.ts';
import type { TaskCreateInput, TaskRow } from '../../src/modules/tasks/service.ts';
import { hashPassword } from '../../src/platform/auth/password.ts';
import { OffsetClock } from '../../src/platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/index.ts';
import type { Unit } from '../../src/platform/db/schema.ts';
import type { EmailChannel } from '../../src/platform/notify/channels.ts';
import type { Level } from '../../src/platform/org/rules.ts';
import { buildApp, type Services } from '../../src/server.ts';

export const TEST_PASSWORD = 'Test-Passw0rd!';
let testPasswordHash: Promise<string> | undefined;

/** Runs one statement on the PostgreSQL server's maintenance connection. */
async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** A new database on the test server (optionally a copy of a template), with its URL and a drop. */
async function createPgDatabase(serverUrl: string, prefix: string, template?: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`) };
}

/** A fresh database from the template: its own PGlite copy, or its own PostgreSQL database. */
export async function freshDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const t = inject('dbTemplate');
  if (t.kind === 'pglite') {
    const handle = await openDatabase({ loadDataDir: new Blob([readFileSync(t.file)]) });
    return { handle, drop: () => handle.close() };
  }
  const db = await createPgDatabase(t.url, 'mashang_t', t.template);
  const handle = await openDatabase({ databaseUrl: db.url, poolSize: 5 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await db.drop();
    },
  };
}

/**
 * Where a separate process (the CLI) should put its database: a new empty PostgreSQL database
 * under test:pg, else null (use a temporary MASHANG_DATA_DIR).
 */
export async function freshDatabaseUrl(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const t = inject('dbTemplate');
  return t.kind === 'pglite' ? null : createPgDatabase(t.url, 'mashang_cli');
}

export interface Client {
  person: { id: number; login: string };
  csrfToken: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestContext {
  app: FastifyInstance;
  services: Services;
  clock: OffsetClock;
  handle: DatabaseHandle;
  system: () => AuditContext;
  newUnit(opts?: { parent?: Unit; kind?: 'region' | 'department'; level?: Level; name?: string }): Promise<Unit>;
  newPerson(opts?: { unit?: Unit; roles?: Role[]; rank?: Rank; login?: string; name?: string; email?: string; password?: string | null }): Promise<{ id: number; login: string; unit: Unit }>;
  /** The actor a person acts as (what the guard builds for a signed-in request). */
  actorOf(person: { id: number }): Promise<Actor>;
  /**
   * A task made through the real service (交办): in `leadUnit` (a new department by default), by
   * `by` (a new admin of the county by default), due in 10 working days unless told otherwise.
   */
  newTask(opts?: Partial<TaskCreateInput> & { leadUnit?: Unit; by?: { id: number } }): Promise<TaskRow>;
  /** Logs in through the API and returns a client that sends the cookie and CSRF header. */
  login(person: { login: string }, password?: string): Promise<Client>;
  /** A new person with these roles, logged in. */
  as(roles: Role[], unit?: Unit): Promise<Client>;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let seq = 0;
const uniq = (prefix: string) => `${prefix}${process.pid}x${++seq}x${randomBytes(2).toString('hex')}`;

/** The real app on a fresh database, with factories that go through the real services. */
export async function createTestContext(
  opts: { now?: string; email?: EmailChannel; retryDelaysMs?: number[]; rateLimits?: { loginPerMinute: number; publicPerMinute: number }; webDir?: string; secureCookies?: boolean; sessionCacheMs?: number; outboundAllow?: string[] } = {},
): Promise<TestContext> {
  const { handle, drop } = await freshDatabase();
  const clock = new OffsetClock(new Date(opts.now ?? '2026-12-01T09:00:00+08:00'));
  const { app, services } = await buildApp({ database: handle, clock, email: opts.email ?? null, retryDelaysMs: opts.retryDelaysMs ?? [50, 100], webhookTimeoutMs: 2000, outboundAllow: opts.outboundAllow ?? ['127.0.0.1/32'], rateLimits: opts.rateLimits ?? { loginPerMinute: 100_000, publicPerMinute: 100_000 }, ...(opts.webDir ? { webDir: opts.webDir } : {}), ...(opts.secureCookies ? { secureCookies: true } : {}), ...(opts.sessionCacheMs !== undefined ? { sessionCacheMs: opts.sessionCacheMs } : {}) });
  await app.ready();
  const system = (): AuditContext => ({ actorId: null, actorLogin: 'test', clientIp: null, now: clock.now() });
  let county: Unit | undefined;

  const newUnit: TestContext['newUnit'] = async (o = {}) => {
    const kind = o.kind ?? 'department';
    // A region of county level or above without a parent is a root of its own (a second county, a prefecture over two).
    const root = !o.parent && kind === 'region' && (o.level === 'county' || o.level === 'prefecture' || o.level === 'province');
    if (!o.parent && !county && !root) {
      county = await services.org.createUnit(system(), null, { parentId: null, code: uniq('county'), name: '测试县', kind: 'region', level: 'county' });
    }
    if (root) {
      return services.org.createUnit(system(), null, { parentId: null, code: uniq('county'), name: o.name ?? '测试县', kind: 'region', level: o.level! });
    }
    const parent = o.parent ?? county!;
    return services.org.createUnit(system(), null, {
      parentId: parent.id,
      code: uniq('u'),
      name: o.name ?? (kind === 'region' ? '测试镇' : '测试局'),
      kind,
      level: kind === 'region' ? (o.level ?? 'township') : undefined,
    });
  };

  const newPerson: TestContext['newPerson'] = async (o = {}) => {
    const unit = o.unit ?? (await newUnit());
    const login = o.login ?? uniq('p');
    const hash = o.password === null ? undefined : o.password ? await hashPassword(o.password) : await (testPasswordHash ??= hashPassword(TEST_PASSWORD));
    const id = await services.org.createPerson(
      system(),
      null,
      { unitId: unit.id, name: o.name ?? '测试人员', login, rank: o.rank ?? 'other', roles: o.roles ?? ['staff'], email: o.email ?? null },
      undefined,
      hash,
    );
    return { id, login, unit };
  };

  const actorOf: TestContext['actorOf'] = async (person) => {
    const actor = await services.auth.actorFor(person.id, 'session');
    if (!actor) throw new Error(`person ${person.id} cannot act (inactive?)`);
    return actor;
  };

  let taskAssigner: { id: number } | undefined;
  const newTask: TestContext['newTask'] = async (o = {}) => {
    const { leadUnit, by, ...input } = o;
    const unit = leadUnit ?? (await newUnit());
    const assigner = by ?? (taskAssigner ??= await newPerson({ unit: county ?? unit, roles: ['admin'] }));
    return services.tasks.create(system(), await actorOf(assigner), { title: '测试事项', level: 'normal', deadline: { workdays: 10 }, ...input, leadUnitId: input.leadUnitId ?? unit.id });
  };

  const login: TestContext['login'] = async (person, password = TEST_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: person.login, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'mashang_sid')!;
    const body = res.json<{ csrfToken: string; user: { id: number; login: string } }>();
    const headers = { cookie: `mashang_sid=${cookie.value}`, 'x-csrf-token': body.csrfToken };
    const send = (method: InjectOptions['method'], url: string, payload?: unknown) =>
      app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) });
    return {
      person: body.user,
      csrfToken: body.csrfToken,
      cookie: `mashang_sid=${cookie.value}`,
      get: (url) => send('GET', url),
      post: (url, b) => send('POST', url, b),
      put: (url, b) => send('PUT', url, b),
      patch: (url, b) => send('PATCH', url, b),
      delete: (url) => send('DELETE', url),
    };
  };

  return {
    app,
    services,
    clock,
    handle,
    system,
    newUnit,
    newPerson,
    actorOf,
    newTask,
    login,
    as: async (roles, unit) => login(await newPerson({ roles, ...(unit ? { unit } : {}) })),
    inject: (o) => app.inject(o),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

