import { fileURLToPath } from 'node:url';
import type { MashangModule } from '../../platform/module.ts';
import { seedDemoReports } from './demo.ts';
import { reportsJob } from './jobs.ts';
import { reportRoutes } from './routes.ts';
import { ReportService } from './service.ts';
import { ReportStore } from './store.ts';
import type { ScoreboardReader } from './content.ts';
import type { ScoreboardService } from '../scoreboard/service.ts';

/** The scoreboard's rankings (both peer groups, ranked units only) and selected model cases, as a report cites them. */
function scoreboardReader(sb: ScoreboardService): ScoreboardReader {
  return {
    async ranking(unitPath, periodKey) {
      const items = [...(await sb.rankings(periodKey, 'township', { underPath: unitPath })), ...(await sb.rankings(periodKey, 'department', { underPath: unitPath }))];
      return items.flatMap((i) => (i.score !== null && i.rank !== null ? [{ groupName: i.groupName, unitName: i.unitName, score: i.score, rank: i.rank, change: i.change }] : []));
    },
    async modelCases(unitPath, periodKey) {
      return (await sb.selectedCases(periodKey, { underPath: unitPath })).map((c) => ({ title: c.title, unitName: c.unitName, summary: c.summary }));
    },
  };
}
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
    const sources = { taskViews: m.taskViews, publicRequests: m.publicRequests, meetings: m.meetings, documents: m.documents, research: m.research, accountability: m.accountability, scoreboard: m.scoreboard ? scoreboardReader(m.scoreboard) : undefined };
    return { reports: new ReportService(database.db, clock, calendar, policy, notify, org, m.tasks, sources, new ReportStore()) };
  },
  routes: (app, s) => reportRoutes(app, s),
  jobs: (s) => [reportsJob(s.reports)],
  demo: (s) => seedDemoReports(s),
};
