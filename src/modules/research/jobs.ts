import type { Db } from '../../platform/db/index.ts';
import { runExclusive, type Job } from '../../platform/jobs.ts';
import type { ResearchService } from './service.ts';

/**
 * 滞后提醒 as a scheduled job: hourly by default, but each person is told at most once per
 * calendar month (the service skips who was told this month), and one process at a time runs it
 * (a PostgreSQL advisory lock elects the runner).
 */
export function behindJob(db: Db, research: ResearchService, everyMs = 3_600_000): Job {
  return {
    name: 'research-behind',
    description: '一线工作法: warn people more than behindMarginDays behind their field-day target, once a month',
    everyMs,
    async run() {
      const r = await runExclusive(db, 'research.behind', (conn) => research.warnBehind(conn));
      if (!r.ran) return 'another process is running the behind scan; nothing done';
      return r.result.warned ? `${r.result.checked} people checked, ${r.result.warned} warned` : null;
    },
  };
}
