import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoPublic } from './demo.ts';
import { publicRoutes } from './routes.ts';
import { PublicRequestService } from './service.ts';
import { RequestStore } from './store.ts';
import './schema.ts';
import './errors.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** 群众口碑: citizens' requests, the desk, ratings, windows, Open311. */
    publicRequests: PublicRequestService;
  }
}

/**
 * 群众口碑: citizens' requests (anonymous, tracked by code) handled as supervised tasks, ratings
 * with reopening, rectification and call-back, window ratings, public statistics, Open311.
 * Its routes span three roots (/api/v1/public, /api/v1/…, /open311/v2), so its prefix is empty.
 */
export const publicModule: MashangModule<'publicRequests'> = {
  name: 'public',
  prefix: '',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  services({ database, clock, calendar, policy, notify, org }, { tasks }) {
    return { publicRequests: new PublicRequestService(database.db, clock, calendar, policy, notify, org, tasks, new RequestStore()) };
  },
  routes: (app, s) => publicRoutes(app, s),
  demo: (s, withClock) => seedDemoPublic(s, withClock),
};
