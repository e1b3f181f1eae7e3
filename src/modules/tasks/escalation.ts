import { appendAudit } from '../../platform/audit/audit.ts';
import type { WorkCalendar } from '../../platform/calendar/calendar.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/index.ts';
import type { NewNotification, NotifyService } from '../../platform/notify/service.ts';
import type { OrgService } from '../../platform/org/service.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import { dueEscalations, escalationNotice, escalationRecipients, isUrgentRung, ladderState, rungsAsHistory, type EscalationLevel } from './rules.ts';
import type { TaskEvents } from './events.ts';
import type { TaskStore } from './store.ts';

/** Heads and supervisors by unit, looked up once per escalation scan. */
type NoticeLookups = { heads: Map<number, { id: number }[]>; supervisors: Map<string, { id: number }[]> };

/** The value under `key`, loaded and kept the first time it is asked for. */
async function memo<K, V>(map: Map<K, V>, key: K, load: () => Promise<V>): Promise<V> {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = await load()));
  return value;
}

/** The escalation ladder, run by the scheduled scan (jobs.ts). */
export class EscalationService {
  constructor(
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly notify: NotifyService,
    private readonly org: OrgService,
    private readonly events: TaskEvents,
    private readonly store: TaskStore,
  ) {}

  /** The calendar, loaded outside any held connection (see scan). */
  workCalendar(): Promise<WorkCalendar> {
    return this.calendar.get();
  }

  /**
   * One escalation scan: every open task past its deadline gets each rung it has reached and
   * not had (提醒 1 → 催办 3 → 督办 5 → 通报 10 → 问责建议 20 工作日, policy), exactly once.
   * One runner at a time across nodes (advisory lock); the unique (task, level) key makes a
   * rung fire once even if two scans overlap. Works in batches, in bounded memory. Every query
   * goes through `conn` (the embedded database has a single connection, held by the scan).
   */
  async scan(conn: Executor, cal: WorkCalendar, batchSize = 500): Promise<{ scanned: number; fired: number }> {
    const today = shanghaiDate(this.clock.now());
    let afterId = 0;
    let scanned = 0;
    let fired = 0;
    // Every region's overrides, read once for the whole scan; who hears of a rung, per unit.
    const policyOf = await this.policy.snapshot(conn);
    const recipients: NoticeLookups = { heads: new Map(), supervisors: new Map() };
    for (;;) {
      const batch = await this.store.overdueBatch(conn, today, afterId, batchSize);
      if (batch.length === 0) break;
      afterId = batch.at(-1)!.id;
      scanned += batch.length;
      await conn.transaction().execute(async (trx) => {
        // The batch's rungs so far, by task (a filter per task was 500 × 1,500 comparisons a batch).
        const existing = new Map<number, EscalationLevel[]>();
        for (const e of await this.store.escalations(trx, batch.map((t) => t.id))) {
          const levels = existing.get(e.taskId);
          if (levels) levels.push(e.level);
          else existing.set(e.taskId, [e.level]);
        }
        const now = this.clock.now();
        const due: { t: (typeof batch)[number]; level: EscalationLevel; overdue: number; at: Date; dueOn: string; notify: boolean }[] = [];
        const moved: { id: number; rung: number; nextOn: string | null }[] = [];
        for (const t of batch) {
          const policy = policyOf(t.leadUnitPath);
          const overdue = cal.workdaysBetween(t.deadline, today);
          const had = existing.get(t.id) ?? [];
          // Rungs raised by hand (督办 at once) stand: the levels below them are passed over.
          const levels = dueEscalations(overdue, had, policy, t.escalationRung);
          // Several rungs at once (after a stop, an import, the demo's replay): each on the working
          // day it became due, and one message, at the highest.
          for (const r of rungsAsHistory(levels, t.deadline, overdue, now, cal, policy)) due.push({ t, level: r.level, overdue: r.overdueWorkdays, at: r.at, dueOn: r.dueOn, notify: r.notify });
          // The rung reached and the next rung's day: the scan skips this task until then.
          const { rung, nextOn } = ladderState([...had, ...levels], t.escalationRung, t.deadline, cal, policy);
          if (rung !== t.escalationRung || nextOn !== t.nextEscalationOn) moved.push({ id: t.id, rung, nextOn });
        }
        // The batch's rungs in one insert; the unique (task, level) key keeps only the new ones
        // (another scan may have fired some), and only those get an event, notices and audit.
        const inserted = new Set(
          (await this.store.addEscalations(trx, due.map((d) => ({ taskId: d.t.id, level: d.level, overdueWorkdays: d.overdue, at: d.at, firedAt: now })))).map((r) => `${r.taskId}:${r.level}`),
        );
        const firedNow = due.filter((d) => inserted.has(`${d.t.id}:${d.level}`));
        fired += firedNow.length;
        await this.store.addEvents(trx, firedNow.map((d) => ({ taskId: d.t.id, kind: 'escalated', actorId: null, at: d.at, data: { level: d.level, overdueWorkdays: d.overdue, dueOn: d.dueOn } })));
        const notes: NewNotification[] = [];
        // One message per task, at the highest rung fired now (a lower one fired by another scan
        // meanwhile is not told twice: it is not in firedNow).
        const told = new Set<number>();
        for (const d of [...firedNow].reverse()) {
          if (!d.notify || told.has(d.t.id)) continue;
          told.add(d.t.id);
          notes.push(...(await this.notices(trx, d.t, d.level, d.overdue, recipients, isUrgentRung(d.level, policyOf(d.t.leadUnitPath)))));
        }
        await this.store.setEscalationState(trx, moved);
        // The source's module hears of each rung in the same transaction, with the row as it now
        // stands (read only for a source someone listens to).
        for (const d of firedNow) {
          if (!this.events.hasSubscribers(d.t.sourceKind, 'escalated')) continue;
          const task = await this.store.byId(trx, d.t.id);
          if (task) notes.push(...(await this.events.emit(trx, { kind: 'escalated', task, actorId: null, at: d.at, data: { level: d.level, overdueWorkdays: d.overdue } })));
        }
        await this.notify.queue(trx, notes);
        // Last: the audit head's lock is held from here to the commit.
        await appendAudit(
          trx,
          { actorId: null, actorLogin: 'job:escalation', clientIp: null, now },
          ...firedNow.map((d) => ({ action: 'task.escalate', objectType: 'task', objectId: d.t.id, after: { level: d.level, overdueWorkdays: d.overdue, at: d.at.toISOString() } })),
        );
      });
    }
    if (fired) this.notify.kick();
    return { scanned, fired };
  }

  /** Who hears of a rung, and what they read (the rules decide both). */
  private async notices(
    trx: Executor,
    t: { id: number; title: string; deadline: string; leadUnitId: number; leadUnitPath: string; leadUnitName: string; responsibleId: number | null; assignerId: number; leaderId: number | null },
    level: EscalationLevel,
    overdue: number,
    lookups: NoticeLookups,
    urgent: boolean,
  ): Promise<NewNotification[]> {
    const heads = async () => (await memo(lookups.heads, t.leadUnitId, () => this.org.unitPeopleWithRole(t.leadUnitId, 'unit_head', trx))).map((h) => h.id);
    const supervisors = async () => (await memo(lookups.supervisors, t.leadUnitPath, () => this.org.supervisorsOver(t.leadUnitPath, trx))).map((s) => s.id);
    const recipients = await escalationRecipients(level, t, { heads, supervisors });
    const { title, body } = escalationNotice(level, t.title, t.leadUnitName, overdue, t.deadline);
    return recipients.map((recipientId) => ({ recipientId, kind: 'tasks.escalated', title, body, objectType: 'task', objectId: t.id, urgent }));
  }
}
