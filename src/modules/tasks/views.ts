import type { Actor } from '../../platform/auth/actor.ts';
import { hasRole, scopeOf } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { CalendarService } from '../../platform/calendar/service.ts';
import { shanghaiDate, type Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { PolicyService } from '../../platform/policy/service.ts';
import type { Policy } from '../../platform/policy.ts';
import { taskFacts } from './policy.ts';
import { ESCALATION_LEVELS, lightDatesFor, lightOf, TODO_KINDS } from './rules.ts';
import type { LightDates, ListPage, TaskFilter, TaskViewStore } from './views-store.ts';

/** A filter as a route gives it: the viewer's part (scope, what they head) is added here. */
export type ViewFilter = Omit<TaskFilter, 'scope' | 'viewerId'>;

/**
 * The read views over many tasks: the workbench (工作台), the ledger (台账), statistics, the
 * weekly trend and the responsibility table. Each shows only what the viewer may see (the
 * store's visibility filter, the SQL side of policy.canSeeTask).
 */
export class TaskViews {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly policy: PolicyService,
    private readonly store: TaskViewStore,
  ) {}

  private async lightDates(policy: Policy): Promise<LightDates> {
    return lightDatesFor(shanghaiDate(this.clock.now()), await this.calendar.get(), policy);
  }

  /**
   * The dates the open-task counters should be as of: today's light dates under the top unit's
   * policy. A region whose policy gives another yellow window reads its counts live (a read
   * checks the counters' dates against its own, see views-store.ts countedAsOf).
   */
  async openCountDates(): Promise<LightDates> {
    const top = await this.db.selectFrom('unit').select('path').where('parentId', 'is', null).orderBy('id').executeTakeFirst();
    return this.lightDates(await this.policy.forUnitPath(top?.path ?? '/'));
  }

  /**
   * Moves the open-task counters to `dates` (by default openCountDates) when the day turned, or a
   * change of the calendar or of the yellow window moved the window's end (the light-counters
   * job). Returns the dates recounted for, or null when the counters were as of them already.
   */
  async refreshOpenCounts(db: Executor = this.db, dates?: LightDates): Promise<LightDates | null> {
    const d = dates ?? (await this.openCountDates());
    return (await this.store.recountOpen(db, d)) ? d : null;
  }

  /** The viewer's part of every filter: what they may see, and what they head (workbench). */
  private fullFilter(actor: Actor, filter: ViewFilter): TaskFilter {
    const headPath = hasRole(actor, 'admin') ? '/' : hasRole(actor, 'unit_head') ? actor.unitPath : null;
    return { ...filter, scope: scopeOf(actor), viewerId: actor.personId, headPath };
  }

  /** 工作台: each to-do group's count and its first few tasks (most urgent deadline first). */
  async workbench(actor: Actor, perGroup = 5) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    const dates = await this.lightDates(policy);
    const cal = await this.calendar.get();
    // Resolved once: headIds are the same for every group ('sign' only asks for them).
    const filter = await this.store.resolve(this.db, this.fullFilter(actor, { todo: 'sign' }));
    const { counts, rows } = await this.store.workbench(this.db, filter, dates, perGroup);
    return TODO_KINDS.map((kind) => ({
      kind,
      count: counts[kind],
      items: rows
        .filter((r) => r.todoKind === kind)
        .map((t) => ({ task: t, light: lightOf(taskFacts(t), dates.today, cal, policy), escalations: t.escalations })),
    }));
  }

  /** The ledger: filtered, sorted, keyset-paged rows with their lights. */
  async list(actor: Actor, filter: ViewFilter, page: ListPage) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    const dates = await this.lightDates(policy);
    const rows = await this.store.list(this.db, this.fullFilter(actor, filter), dates, { ...page, limit: page.limit + 1 });
    const items = rows.slice(0, page.limit);
    const cal = await this.calendar.get();
    const last = items.at(-1);
    return {
      // The row itself, not a copy without its rungs: copying ≈ 50 columns a row costs more than the page's lights.
      items: items.map((t) => ({ task: t, light: lightOf(taskFacts(t), dates.today, cal, policy), escalations: t.escalations })),
      next: rows.length > page.limit && last ? ([page.sort === 'deadline' ? last.deadline : last.id, last.id] as [string | number, number]) : null,
    };
  }

  async stats(actor: Actor, filter: ViewFilter) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    return this.store.stats(this.db, this.fullFilter(actor, filter), await this.lightDates(policy));
  }

  /** Trend for the dashboard: the last `weeks` weeks (this one included), oldest first. */
  async trend(actor: Actor, filter: ViewFilter, weeks: number) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    const dates = await this.lightDates(policy);
    const today = dates.today;
    const weekday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
    const firstMonday = addDays(today, -weekday - 7 * (weeks - 1));
    const { doneRows, escalationRows } = await this.store.trend(this.db, this.fullFilter(actor, filter), dates, new Date(`${firstMonday}T00:00:00+08:00`));
    return Array.from({ length: weeks }, (_, i) => {
      const week = addDays(firstMonday, 7 * i);
      const done = doneRows.find((r) => r.week === week);
      const escalations = Object.fromEntries(ESCALATION_LEVELS.map((l) => [l, Number(escalationRows.find((r) => r.week === week && r.level === l)?.n ?? 0)]));
      return { week, done: Number(done?.done ?? 0), onTime: Number(done?.onTime ?? 0), escalations };
    });
  }

  async responsibility(actor: Actor, filter: ViewFilter) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    return this.store.responsibility(this.db, this.fullFilter(actor, filter), await this.lightDates(policy));
  }

  /**
   * 驾驶舱 (a leader's or supervisor's overview of their scope), from the ledger's own aggregates
   * so that each number is what the ledger shows under the same filter: lights by unit, the red
   * list, escalations since Monday, what waits for the viewer's decision, and the on-time trend.
   */
  async overview(actor: Actor, opts: { redLimit: number; weeks: number }) {
    const policy = await this.policy.forUnitPath(actor.regionPath);
    const dates = await this.lightDates(policy);
    const cal = await this.calendar.get();
    const today = dates.today;
    const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
    const count = async (f: ViewFilter) => (await this.store.stats(this.db, this.fullFilter(actor, f), dates)).reduce((n, r) => n + Number(r.n), 0);
    const [byUnit, red, trend, escalated, verify, extension, answers] = await Promise.all([
      this.store.stats(this.db, this.fullFilter(actor, {}), dates),
      this.store.list(this.db, this.fullFilter(actor, { light: 'red' }), dates, { sort: 'deadline', limit: opts.redLimit }),
      this.trend(actor, {}, opts.weeks),
      count({ escalatedFrom: monday }),
      count({ todo: 'verify' }),
      count({ todo: 'extension' }),
      this.store.recentAnswers(this.db, actor.personId, new Date(`${addDays(today, -7)}T00:00:00+08:00`), 10),
    ]);
    return {
      today,
      weekStart: monday,
      byUnit,
      red: red.map((t) => ({ task: t, light: lightOf(taskFacts(t), today, cal, policy), escalations: t.escalations })),
      trend,
      escalatedTasks: escalated,
      decisions: { verify, extension },
      answers,
      answersSince: addDays(today, -7),
    };
  }
}
