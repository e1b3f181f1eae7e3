import type { Db } from '../../platform/db/index.ts';
import { runExclusive, type Job } from '../../platform/jobs.ts';
import type { ScoreboardService } from './service.ts';

/**
 * 比学赶超 as a scheduled job: hourly, recompute the current month, quarter and year (as the
 * policy's periodKinds say) and close the last ones once finished; one process at a time (a
 * PostgreSQL advisory lock elects the runner). `mashang jobs run scoreboard` runs it by hand.
 */
export function scoreboardJob(db: Db, scoreboard: ScoreboardService, everyMs = 3_600_000): Job {
  return {
    name: 'scoreboard',
    description: '比学赶超: recompute the current periods’ efficiency index and close finished ones (a closed period never changes)',
    everyMs,
    async run() {
      const r = await runExclusive(db, 'scoreboard.compute', (conn) => scoreboard.runScheduled(conn));
      if (!r.ran) return 'another process is computing the scoreboard; nothing done';
      return r.result
        .filter((x) => !x.skipped)
        .map((x) => `${x.period}: ${x.units} units, ${x.people} people${x.closed ? ' (closed)' : ''}`)
        .join('; ');
    },
  };
}
