import { runExclusive } from '../../platform/jobs.ts';
import type { Db } from '../../platform/db/index.ts';
import { withTasks } from './schema.ts';
import type { TaskService } from './service.ts';

/**
 * One escalation scan, run by at most one process at a time (a PostgreSQL advisory lock
 * elects the runner); `ran: false` when another holds it. Safe to call from every node.
 */
export async function runEscalationJob(db: Db, tasks: TaskService) {
  // Load the calendar first: inside the lock the scan may use only the lock's connection.
  const cal = await tasks.workCalendar();
  return runExclusive(db, 'tasks.escalation', (conn) => tasks.escalationScan(withTasks(conn), cal));
}
