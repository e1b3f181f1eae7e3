import { sql } from 'kysely';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import helmet from 'helmet';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from './platform/audit/routes.ts';
import { registerWebApp } from './platform/http/web.ts';
import { authRoutes } from './platform/auth/routes.ts';
import { AuthService, SESSION_CACHE_MS } from './platform/auth/service.ts';
import { calendarRoutes } from './platform/calendar/routes.ts';
import { CalendarService } from './platform/calendar/service.ts';
import type { Clock } from './platform/clock.ts';
import type { DatabaseHandle } from './platform/db/index.ts';
import { frameworkErrors, registerErrorHandling } from './platform/http/errors.ts';
import { registerResponseRules, transformObject } from './platform/http/responses.ts';
import { registerGuard } from './platform/http/guard.ts';
import { registerNulCheck } from './platform/http/nul.ts';
import { PUBLIC } from './platform/http/access.ts';
import './platform/http/types.ts';
import type { EmailChannel } from './platform/notify/channels.ts';
import { notifyRoutes } from './platform/notify/routes.ts';
import { DEFAULT_RETRY_DELAYS_MS, NotifyService } from './platform/notify/service.ts';
import { outboundAllowList } from './platform/notify/outbound.ts';
import { orgRoutes } from './platform/org/routes.ts';
import { OrgService } from './platform/org/service.ts';
import { policyRoutes } from './platform/policy/routes.ts';
import { PolicyService } from './platform/policy/service.ts';
import { MODULES } from './modules/index.ts';
import type { Job } from './platform/jobs.ts';
import type { ModuleServices, PlatformServices } from './platform/module.ts';

export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Request bodies above this are refused with 413 (file uploads get their own limit per route). */
export const BODY_LIMIT = 1024 * 1024;

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface AppOptions {
  /** The built web app to serve at `/` (default web/dist). */
  webDir?: string;
  database: DatabaseHandle;
  clock: Clock;
  email?: EmailChannel | null;
  logger?: FastifyServerOptions['logger'];
  secureCookies?: boolean;
  retryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  /** Address ranges outbound deliveries may reach although refused by default (loopback, private, link-local). */
  outboundAllow?: readonly string[];
  escalationEveryMs?: number;
  /** This installation's host name, for identifiers such as calendar UIDs (MASHANG_HOST_NAME). */
  hostName?: string;
  /** Where people open Mashang (MASHANG_PUBLIC_URL), for links in robot messages and SMS. */
  publicUrl?: string;
  /** How long a session read is reused before it is read again (default SESSION_CACHE_MS). */
  sessionCacheMs?: number;
  /** Requests per minute per client address: to login, and to every other public route. */
  rateLimits?: { loginPerMinute: number; publicPerMinute: number };
}

export const DEFAULT_RATE_LIMITS = { loginPerMinute: 20, publicPerMinute: 120 };

/** Every service, wired once — the platform's and each module's; routes, jobs and the CLI all go through these. */
export type Services = PlatformServices &
  ModuleServices & {
    /** Scheduled jobs, platform and modules alike. */
    jobs: Job[];
  };

export function createServices(opts: AppOptions, logger?: FastifyInstance['log']): Services {
  const { db } = opts.database;
  const policy = new PolicyService(db);
  const calendar = new CalendarService(db, opts.clock);
  const auth = new AuthService(db, opts.clock, policy, opts.sessionCacheMs ?? SESSION_CACHE_MS);
  const org = new OrgService(db, auth);
  const notify = new NotifyService(db, opts.clock, {
    email: opts.email ?? null,
    retryDelaysMs: opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 5000,
    outboundAllow: outboundAllowList(opts.outboundAllow ?? []),
    ...(logger ? { logger } : {}),
  });
  const platform: PlatformServices = { database: opts.database, clock: opts.clock, policy, calendar, auth, org, notify };
  // Each module's services, in the registry's order: a module may use those built before it.
  const modules = {} as ModuleServices;
  const moduleOptions = { escalationEveryMs: opts.escalationEveryMs, hostName: opts.hostName, publicUrl: opts.publicUrl };
  for (const m of MODULES) Object.assign(modules, m.services(platform, modules, moduleOptions));
  const all = { ...platform, ...modules };
  const jobs: Job[] = [
    ...MODULES.flatMap((m) => m.jobs?.(all, moduleOptions) ?? []),
    {
      name: 'deliveries',
      description: 'send queued email and webhook notifications, and their retries',
      everyMs: 15_000,
      run: async () => {
        const n = await notify.deliverDue();
        return n ? `${n} deliveries attempted` : null;
      },
    },
    {
      name: 'sessions',
      description: 'remove sessions past their absolute lifetime',
      everyMs: 3600_000,
      run: async () => {
        const r = await auth.purgeExpiredSessions();
        const n = Number(r[0]?.numDeletedRows ?? 0);
        return n ? `${n} expired sessions removed` : null;
      },
    },
    {
      name: 'vacuum',
      description: 'embedded database only: VACUUM ANALYZE (PGlite runs no autovacuum; PostgreSQL servers do their own)',
      everyMs: 24 * 3600_000,
      run: async () => {
        if (opts.database.kind !== 'pglite') return null;
        const started = Date.now();
        await sql`vacuum analyze`.execute(db);
        return `vacuum analyze in ${Date.now() - started} ms`;
      },
    },
  ];
  return { ...all, jobs };
}

/**
 * Each module's demo data (after the demo county's units and people), in the registry's order;
 * what each made, by module.
 */
export async function seedModuleDemos(services: Services): Promise<Record<string, Record<string, number>>> {
  const made: Record<string, Record<string, number>> = {};
  const withClock = (clock: Clock) => createServices({ database: services.database, clock });
  for (const m of MODULES) if (m.demo) made[m.name] = await m.demo(services, withClock);
  return made;
}

/** Builds the app without listening (tests use app.inject; `mashang serve` listens). */
export async function buildApp(opts: AppOptions): Promise<{ app: FastifyInstance; services: Services }> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: process.env.MASHANG_TRUST_PROXY === '1',
    // Deeply nested JSON is refused while parsing, before it can cost anything.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors,
  });
  // The API speaks JSON (and, where a route says so, multipart uploads); plain text gets 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerNulCheck(app);

  const services = createServices(opts, app.log);
  await app.register(fastifyCookie);
  // Security headers (等保三级 expectations); the CSP allows only this origin.
  // `upgrade-insecure-requests` only when served over HTTPS: on a plain-HTTP intranet address
  // (http://10.x.x.x:3000) it would send the browser to https:// for every script and break the app.
  // Helmet's middleware is built once: @fastify/helmet built it, CSP parsing included, on every
  // request (≈ 3 % of the server's CPU for a task view).
  const securityHeaders = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: opts.secureCookies ? [] : null } } });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  // API answers carry personal data and, on /auth/me, the CSRF token: no cache keeps them unless
  // a route says otherwise (the ICS feed, which a calendar client polls).
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
    done(null, payload);
  });
  const limits = opts.rateLimits ?? DEFAULT_RATE_LIMITS;
  // Public routes are rate limited per client address; login more tightly. The guard's onRoute
  // hook (registered below) sets each public route's limit before this plugin reads it.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access && 'public' in access && route.config && !('rateLimit' in route.config)) {
      const max = route.url === '/api/v1/auth/login' ? limits.loginPerMinute : limits.publicPerMinute;
      (route.config as { rateLimit?: unknown }).rateLimit = { max, timeWindow: '1 minute' };
    }
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Mashang (马上) API', description: '机关效能建设 (government efficiency): supervision of tasks (督查督办), meetings, documents, field work (一线工作), citizens\' requests and Open311, the public portal, the scoreboard (比学赶超), accountability, reports, notification channels and administration (units, people, working calendar, policy). Sign in with a session cookie (POST /api/v1/auth/login) or an API token.', version: VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mashang_sid' }, token: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    // Schemas with a `.meta({ id })` become components (#/components/schemas/Task, …).
    transformObject,
  });
  // The documentation page's own CSP (its scripts by hash): Swagger UI also sets style
  // attributes, which a hash does not cover — styles may be inline there, scripts stay hashed —
  // and `upgrade-insecure-requests` only over HTTPS, as for the app (a plain-HTTP intranet
  // address would otherwise send the page's requests to https:// and fail).
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => {
      const csp = header.replace(/style-src ([^;]*);/, (_m, v: string) => `style-src ${v.replace(/'sha256-[^']+'\s*/g, '').trim()} 'unsafe-inline';`);
      return opts.secureCookies ? csp : csp.replace(/\s*upgrade-insecure-requests;?/, '');
    },
    // No call to the online validator (validator.swagger.io): the intranet may not reach it.
    uiConfig: { validatorUrl: null },
  });
  registerGuard(app, services.auth, opts.clock);
  registerResponseRules(app);

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/health', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      response: {
        200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string(), runtime: z.string(), calendar: z.object({ missingYears: z.array(z.number()) }) }),
      },
    },
    handler: async () => {
      await opts.database.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
      return { status: 'ok' as const, db: opts.database.kind, version: VERSION, runtime: `node ${process.version}`, calendar: { missingYears: await services.calendar.missingYears() } };
    },
  });

  authRoutes(app, services.auth, { secure: opts.secureCookies ?? false });
  orgRoutes(app, services.org);
  calendarRoutes(app, services.calendar);
  policyRoutes(app, services.policy, services.org);
  notifyRoutes(app, services.notify);
  auditRoutes(app, opts.database.db);
  for (const m of MODULES) await app.register(async (scope) => m.routes(scope, services), { prefix: m.prefix });

  await registerWebApp(app, opts.webDir ?? WEB_DIST);
  return { app, services };
}
