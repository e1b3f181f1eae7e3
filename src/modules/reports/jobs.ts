import type { Job } from '../../platform/jobs.ts';
import type { ReportService } from './service.ts';

/**
 * The periodic reports' drafts (周报告 / 月调度 / 季通报 / 年度考评) on their generation day, hourly
 * by default. Not under an advisory lock: the content is read through other modules' services on
 * their own connections, and the unique (unit, kind, period) key keeps two nodes from making two.
 */
export function reportsJob(reports: ReportService, everyMs = 3_600_000): Job {
  return {
    name: 'reports-scheduled',
    description: '报告: drafts of the weekly, monthly, quarterly and annual reports for the previous period on the Nth working day of the new one',
    everyMs,
    async run() {
      const r = await reports.generateDue();
      return r.made ? `${r.made} report drafts made` : null;
    },
  };
}
