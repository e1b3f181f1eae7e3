import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoAccountability } from './demo.ts';
import { draftsJob } from './jobs.ts';
import { accountabilityRoutes } from './routes.ts';
import { AccountabilityService } from './service.ts';
import { AccountabilityStore } from './store.ts';
import './errors.ts';
import './schema.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** 问责: 提醒 / 约谈 / 通报批评 / 诫勉 / 问责建议 records, by hand and drafted from rungs and flags. */
    accountability: AccountabilityService;
  }
}

/** 问责: accountability records, drafted from the escalation ladder and the public flags or by hand. */
export const accountabilityModule: MashangModule<'accountability'> = {
  name: 'accountability',
  prefix: '/api/v1/accountability',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  services({ database, clock, notify, org }, { tasks, publicRequests }) {
    return { accountability: new AccountabilityService(database.db, clock, notify, org, tasks, publicRequests, new AccountabilityStore()) };
  },
  routes: (app, s) => accountabilityRoutes(app, s),
  jobs: (s) => [draftsJob(s.database.db, s.accountability)],
  demo: (s) => seedDemoAccountability(s),
};
