import type { Db } from '../../platform/db/index.ts';
import { runExclusive, type Job } from '../../platform/jobs.ts';
import type { AccountabilityService } from './service.ts';

/**
 * Drafts from the escalation ladder's 通报 and 问责建议 rungs (under an advisory lock, on its
 * connection) and from the public module's flags (once a month per process; idempotent by key).
 * Every ten minutes by default: a draft waits for a supervisor anyway.
 */
export function draftsJob(db: Db, accountability: AccountabilityService, everyMs = 600_000): Job {
  return {
    name: 'accountability-drafts',
    description: '问责: drafts from the 通报 and 问责建议 rungs and from citizens’ satisfaction flags, for a supervisor to review',
    everyMs,
    async run() {
      const r = await runExclusive(db, 'accountability.drafts', (conn) => accountability.draftFromRungs(conn));
      const f = await accountability.draftFromFlags();
      const rungs = r.ran ? r.result.drafted : 0;
      return rungs || f.drafted ? `${rungs} drafts from escalation rungs, ${f.drafted} from public flags` : null;
    },
  };
}
