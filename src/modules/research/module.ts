import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoResearch } from './demo.ts';
import { behindJob } from './jobs.ts';
import { researchRoutes } from './routes.ts';
import { ResearchService } from './service.ts';
import { ResearchStore } from './store.ts';
import './schema.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** 一线工作法: places, field visits, findings → tasks, the quota, coverage and showcase checks. */
    research: ResearchService;
  }
}

/** 一线工作法: leaders' field days against the quota, findings turned into supervised tasks. */
export const researchModule: MashangModule<'research'> = {
  name: 'research',
  prefix: '/api/v1/field-visits',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  services({ database, clock, policy, notify, org }, { tasks, ledger }) {
    const research = new ResearchService(database.db, clock, policy, notify, org, tasks, new ResearchStore());
    // Field days on the person's ICS feed (the feed is the tasks module's; it knows no research).
    ledger.addFeedContributor((personId, db) => research.feedEvents(personId, db));
    return { research };
  },
  routes: (app, s) => researchRoutes(app, s),
  jobs: (s) => [behindJob(s.database.db, s.research)],
  demo: (s, withClock) => seedDemoResearch(s, withClock),
};
