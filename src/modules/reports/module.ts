import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoReports } from './demo.ts';
import { reportsJob } from './jobs.ts';
import { reportRoutes } from './routes.ts';
import { ReportService } from './service.ts';
import { ReportStore } from './store.ts';
import './errors.ts';
import './schema.ts';

declare module '../../platform/module.ts' {
  interface ModuleServices {
    /** 报告 (一段时间一总结): periodic reports and 通报 from data, DOCX and XLSX; personal summaries. */
    reports: ReportService;
  }
}

/** 报告: periodic reports drafted from every module's data, issued with a 文号; personal summaries. */
export const reportsModule: MashangModule<'reports'> = {
  name: 'reports',
  prefix: '/api/v1/reports',
  migrations: fileURLToPath(new URL('./migrations', import.meta.url)),
  services({ database, clock, calendar, policy, notify, org }, m) {
    const sources = { taskViews: m.taskViews, publicRequests: m.publicRequests, meetings: m.meetings, documents: m.documents, research: m.research, accountability: m.accountability, scoreboard: undefined };
    return { reports: new ReportService(database.db, clock, calendar, policy, notify, org, m.tasks, sources, new ReportStore()) };
  },
  routes: (app, s) => reportRoutes(app, s),
  jobs: (s) => [reportsJob(s.reports)],
  demo: (s) => seedDemoReports(s),
};
