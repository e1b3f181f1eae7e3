import type { AuthService } from '../../platform/auth/service.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import type { Job } from '../../platform/jobs.ts';
import type { NotifyService } from '../../platform/notify/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import type { TaskViews } from '../tasks/views.ts';
import { digestDue, digestMessage } from './rules.ts';
import type { ChannelStore } from './store.ts';

/** The kind of the morning digest's inbox entry (and of what it sends by e-mail, SMS, robot). */
export const DIGEST_KIND = 'channels.digest';

/**
 * 今日待办: once per working day (a makeup Saturday is one, a holiday is not), at the region's
 * `notify.digestAt` or later, one message per person with something to do — to sign for, to
 * report, yellow or red, to verify, extensions to decide — read through the tasks module's
 * workbench. Idempotent: a (person, day) row marks it done, so a second run or a second node
 * sends nothing again.
 */
export class DigestService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    private readonly auth: AuthService,
    private readonly taskViews: TaskViews,
    private readonly store: ChannelStore,
  ) {}

  async run(): Promise<{ checked: number; sent: number }> {
    const now = this.clock.now();
    const cal = await this.calendar.get();
    const day = shanghaiDate(now);
    if (!cal.isWorkday(day)) return { checked: 0, sent: 0 };
    let checked = 0;
    let sent = 0;
    let after = 0;
    for (;;) {
      const batch = await this.store.digestCandidates(this.db, day, after, 200);
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
      for (const p of batch) {
        const policy = await this.policy.forUnitPath(p.unitPath);
        if (!digestDue(now, policy.notify.digestAt, cal)) continue;
        checked += 1;
        const actor = await this.auth.actorFor(p.id, 'session');
        if (!actor) continue;
        const groups = await this.taskViews.workbench(actor, 3);
        const msg = digestMessage(day, groups.map((g) => ({ kind: g.kind, count: g.count, titles: g.items.map((i) => i.task.title) })));
        const queued = await this.db.transaction().execute(async (trx) => {
          if (!(await this.store.markDigest(trx, p.id, day, null))) return false;
          if (!msg) return false;
          await this.notify.queue(trx, [{ recipientId: p.id, kind: DIGEST_KIND, title: msg.title, body: msg.body }]);
          return true;
        });
        if (queued) sent += 1;
      }
    }
    if (sent) this.notify.kick();
    return { checked, sent };
  }
}

export function digestJob(digest: DigestService): Job {
  return {
    name: 'digest',
    description: '今日待办: the morning digest on working days (notify.digestAt, 08:30 by default)',
    everyMs: 5 * 60_000,
    async run() {
      const r = await digest.run();
      return r.sent ? `${r.sent} morning digests queued (${r.checked} people checked)` : null;
    },
  };
}
