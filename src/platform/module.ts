import type { FastifyInstance } from 'fastify';
import type { AuthService } from './auth/service.ts';
import type { CalendarService } from './calendar/service.ts';
import type { Clock } from './clock.ts';
import type { DatabaseHandle } from './db/index.ts';
import type { Job } from './jobs.ts';
import type { NotifyService } from './notify/service.ts';
import type { OrgService } from './org/service.ts';
import type { PolicyService } from './policy/service.ts';

/** The platform's services, wired once in server.ts; every module builds on them. */
export interface PlatformServices {
  database: DatabaseHandle;
  clock: Clock;
  policy: PolicyService;
  calendar: CalendarService;
  auth: AuthService;
  org: OrgService;
  notify: NotifyService;
}

/**
 * The services of every module, by name. Each module adds its own by module augmentation
 * (`declare module '…/platform/module.ts' { interface ModuleServices { tasks: TaskService } }`),
 * so a module that builds on another reads it typed: `modules.tasks.create(…, trx)`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface ModuleServices {}

/** Settings the app was started with that a module may need (intervals of its jobs). */
export interface ModuleOptions {
  escalationEveryMs?: number | undefined;
  /** This installation's host name (for identifiers such as calendar UIDs). */
  hostName?: string | undefined;
  /** Where people open Mashang (links in robot messages and SMS). */
  publicUrl?: string | undefined;
}

/**
 * One chapter of the regulation as the app sees it: its services, its routes (a Fastify plugin
 * registered under `prefix`), its scheduled jobs, its demo data and its migrations. server.ts
 * and cli.ts iterate one list of these (src/modules/index.ts); adding a module touches that list
 * and the module's own folder.
 */
export interface MashangModule<K extends keyof ModuleServices = keyof ModuleServices> {
  name: string;
  /** Where its routes live, e.g. '/api/v1/tasks'. */
  prefix: string;
  /** Absolute path of its migrations folder (YYYYMMDDHHmm_verb_noun.ts files). */
  migrations: string;
  /**
   * Builds its services from the platform's and those of the modules listed before it (a module
   * may call another only through these). Called once per app, and again for a replay (demo).
   */
  services(platform: PlatformServices, modules: ModuleServices, opts: ModuleOptions): Pick<ModuleServices, K>;
  /** Its routes, inside a plugin registered under `prefix`. */
  routes(app: FastifyInstance, services: PlatformServices & ModuleServices): void | Promise<void>;
  /** Its scheduled jobs. */
  jobs?(services: PlatformServices & ModuleServices, opts: ModuleOptions): Job[];
  /**
   * Demo data for an empty database, after the demo county's units and people exist.
   * `withClock` wires the same services on another clock (to replay weeks of work).
   */
  demo?(services: PlatformServices & ModuleServices, withClock: (clock: Clock) => PlatformServices & ModuleServices): Promise<Record<string, number>>;
}
