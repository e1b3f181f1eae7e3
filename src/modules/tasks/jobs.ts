import { runExclusive, type Job } from '../../platform/jobs.ts';
import type { Db } from '../../platform/db/index.ts';
import type { EscalationService } from './escalation.ts';
import type { TaskViews } from './views.ts';

/**
 * One escalation scan, run by at most one process at a time (a PostgreSQL advisory lock
 * elects the runner); `ran: false` when another holds it. Safe to call from every node.
 */
export async function runEscalationJob(db: Db, escalation: EscalationService) {
  // Load the calendar first: inside the lock the scan may use only the lock's connection.
  const cal = await escalation.workCalendar();
  return runExclusive(db, 'tasks.escalation', (conn) => escalation.scan(conn, cal));
}

/** The escalation scan as a scheduled job (every minute by default). */
export function escalationJob(db: Db, escalation: EscalationService, everyMs: number): Job {
  return {
    name: 'escalation',
    description: 'the overdue scan: 提醒 → 催办 → 督办 → 通报 → 问责建议',
    everyMs,
    async run() {
      const r = await runEscalationJob(db, escalation);
      if (!r.ran) return 'another process is running the escalation scan; nothing done';
      return r.result.fired || r.result.scanned ? `${r.result.scanned} overdue tasks checked, ${r.result.fired} escalations fired` : null;
    },
  };
}

/**
 * The open-task counters' lights as of today (see TaskViews.refreshOpenCounts): a check each
 * minute, a recount when the day turns or the dates the lights depend on change. Until it runs,
 * statistics and the workbench count live, as they would without counters.
 */
export function lightCountersJob(db: Db, views: TaskViews, everyMs: number): Job {
  return {
    name: 'light-counters',
    description: 'the open-task counters by light, recounted when the day turns (统计、工作台)',
    everyMs,
    async run() {
      // The dates first: inside the lock only the lock's connection may be used (the embedded database has one).
      const dates = await views.openCountDates();
      const r = await runExclusive(db, 'tasks.light-counters', (conn) => views.refreshOpenCounts(conn, dates));
      if (!r.ran) return 'another process is recounting the open-task counters; nothing done';
      return r.result ? `open-task counters recounted as of ${r.result.today} (yellow before ${r.result.yellowBefore})` : null;
    },
  };
}
