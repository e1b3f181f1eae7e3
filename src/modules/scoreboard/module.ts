import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoScoreboard } from './demo.ts';
import { scoreboardJob } from './jobs.ts';
import { scoreboardRoutes } from './routes.ts';
import { ScoreboardService } from './service.ts';
import { ScoreboardStore } from './store.ts';
import './errors.ts';
import './schema.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** 比学赶超: the efficiency index (period table, boards, drill-down) and the model cases (典型). */
    scoreboard: ScoreboardService;
  }
}

/** 比学赶超: an explainable efficiency index of units and people, rankings among peers, model cases. */
export const scoreboardModule: MashangModule<'scoreboard'> = {
  name: 'scoreboard',
  prefix: '/api/v1/scoreboard',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  // Facts come from the modules listed before it, through their services; one not there is "no data".
  services: ({ database, clock, policy, org }, modules) => ({
    scoreboard: new ScoreboardService(database.db, clock, policy, org, new ScoreboardStore(), { tasks: modules.tasks, publicRequests: modules.publicRequests, meetings: modules.meetings, documents: modules.documents, research: modules.research }),
  }),
  routes: (app, s) => scoreboardRoutes(app, s),
  jobs: (s) => [scoreboardJob(s.database.db, s.scoreboard)],
  demo: (s) => seedDemoScoreboard(s),
};
