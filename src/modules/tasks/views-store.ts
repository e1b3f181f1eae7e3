import { sql, type Expression, type SqlBool } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Scope } from '../../platform/auth/actor.ts';
import type { DbKind, Executor } from '../../platform/db/index.ts';
import { likeContains, likePrefix } from '../../platform/db/like.ts';
import { PREPARE, withGenericPlan } from '../../platform/db/prepared.ts';
import type { UnitIdCache } from '../../platform/org/service.ts';
import { DONE_STATUSES, OPEN_STATUSES, TASK_STATUSES, TODO_KINDS, type Light, type SourceKind, type TaskLevel, type TaskStatus, type TodoKind } from './rules.ts';
import { TASK_LIST_COLUMNS, type TaskListFields } from './schema.ts';
import { withEscalations, type EscalationJson } from './store.ts';

/** The read views' queries over many tasks: who may see what, the ledger, the workbench, statistics, trend, responsibility. */
/** Dates the light is computed against (see rules.lightOf); the SQL form must agree with it. */
export interface LightDates {
  today: string;
  /** A deadline before this date is within the yellow window (addWorkdays(today, N + 1)). */
  yellowBefore: string;
}

export interface TaskFilter {
  scope: Scope;
  viewerId: number;
  unitPath?: string;
  responsibleId?: number;
  assignerId?: number;
  light?: Light;
  level?: TaskLevel;
  sourceKind?: SourceKind;
  /** With sourceKind: the tasks of one record of that module (all tasks of meeting 12). */
  sourceId?: number;
  status?: TaskStatus[];
  deadlineFrom?: string;
  deadlineTo?: string;
  overdue?: boolean;
  q?: string;
  /** 工作台: what the viewer has to do next (see TODO_KINDS). */
  todo?: TodoKind;
  /** Tasks with an escalation rung (automatic or by hand) on or after this day (驾驶舱: escalations this week). */
  escalatedFrom?: string;
  /** The subtree the viewer heads (unit heads: their unit; admin: everything); null for others. */
  headPath?: string | null;
}


export type TaskSort = 'deadline' | 'newest';

/** A ledger page: its order, the keyset position after which it starts, its size; the description too for the XLSX export. */
export interface ListPage {
  sort: TaskSort;
  after?: [string | number, number];
  limit: number;
  withDescription?: boolean;
}

/** A TaskFilter with its unit paths turned into ids (null: no limit); see TaskStore.resolve. */
export interface ResolvedFilter extends TaskFilter {
  /** About how many units exist: a scope's share of them decides the ledger's plan. */
  unitTotal: number;
  scopeIds: number[] | null;
  /** The scope when it is one county's subtree: that county (see countyId). */
  scopeCountyId: number | null;
  unitIds: number[] | null;
  /**
   * The filter's unit when it is a county (the shallowest county-level unit of its path): its
   * tasks are exactly those whose task.county_id is it, one range of the county indexes.
   */
  countyId: number | null;
  headIds: number[] | null;
  /** The subtree the viewer heads when it is a county's: that county (see countyId). */
  headCountyId: number | null;
}

/**
 * A ledger row: the task without its long texts (TaskListFields), with its lead unit's path and
 * name and the responsible person's name; the description only when asked for (the XLSX export's 备注).
 */
export type TaskRowWithNames = TaskListFields & { leadUnitPath: string; leadUnitName: string; responsibleName: string | null; description?: string | null };

/**
 * Unfinished work, in the one form every ledger view states it: the partial indexes
 * task_unfinished_deadline_idx and task_unfinished_lead_idx carry exactly this predicate, and
 * PostgreSQL uses a partial index only for a query whose conditions imply its predicate. Stated
 * beside any status list that lies within it (`status=assigned,…,submitted,returned`), so the
 * spelling of the filter does not decide the plan.
 */
const UNFINISHED = sql<SqlBool>`t.status not in ('verified', 'closed', 'withdrawn')`;
const UNFINISHED_STATUSES: readonly TaskStatus[] = TASK_STATUSES.filter((s) => !DONE_STATUSES.includes(s) && s !== 'withdrawn');
/**
 * The date after which an unfinished task is yellow or red whatever its deadline: the soonest
 * sign/plan/report/milestone due that applies to its status (as lightSql applies them), -infinity
 * for a task submitted after its deadline (red for good), null for one submitted in time. So a task
 * is yellow or red exactly when it is unfinished and `deadline < yellowBefore or WARN_FROM < today`
 * (and lightSql says which): two ranges of partial indexes (task_unfinished_deadline_idx and the
 * expression index task_unfinished_warn_idx), not the light of every unfinished task of the scope.
 * Written exactly as the index's expression (migration 202612030200, literals and all): PostgreSQL
 * uses an expression index only for the same expression. A test holds the two together.
 */
export const WARN_FROM = sql<string | null>`(case
      when t.status = 'submitted' then case when t.submitted_on > t.deadline then '-infinity'::date end
      else least(
        case when t.status = 'assigned' then t.sign_due end,
        case when t.plan_at is null and t.status <> 'returned' then t.plan_due end,
        case when t.status not in ('assigned', 'returned') then t.next_report_due end,
        t.next_milestone_due)
      end)`;
/**
 * Yellow or red, with UNFINISHED: exactly lightSql in ('yellow', 'red'), in ranges of the two
 * indexes (a submitted task is red when WARN_FROM is -infinity, never yellow; any other is red or
 * yellow when its deadline is before yellowBefore or a due has passed). Without the CASE the
 * planner also estimates it from the indexes' statistics (an equality on lightSql is guessed at
 * 0.5 % and sends it to the lead-unit index and a sort).
 */
function warnSql(d: LightDates) {
  return sql<SqlBool>`(${WARN_FROM} < ${d.today}::date or (t.deadline < ${d.yellowBefore}::date and t.status <> 'submitted'))`;
}
/** Yellow, with UNFINISHED: exactly lightSql = 'yellow' (not submitted, not past its deadline, and a warn). */
function yellowSql(d: LightDates) {
  return sql<SqlBool>`(t.status <> 'submitted' and t.deadline >= ${d.today}::date and (t.deadline < ${d.yellowBefore}::date or ${WARN_FROM} < ${d.today}::date))`;
}
/** The select list of a list row (raw SQL): TASK_LIST_COLUMNS of `t`. */
const listColumnsSql = sql.join(TASK_LIST_COLUMNS.map((c) => sql.ref(`t.${c}`)));

/**
 * Led by one of these units (`task as t`). When they are a county's subtree, its key instead: one range of the
 * county indexes (task_county_*_idx, in deadline order), not a range per unit merged by a sort
 * (a province county has 141), and one comparison a row, not a search of 141 ids.
 */
function ledIn(unitIds: number[], countyId: number | null): Expression<SqlBool> {
  return countyId !== null ? sql<SqlBool>`t.county_id = ${countyId}` : sql<SqlBool>`t.lead_unit_id = any(${unitIds}::int[])`;
}

/** Led outside these units (`task as t`): the negation of ledIn (a task above county level has no county key). */
function ledOutside(unitIds: number[], countyId: number | null): Expression<SqlBool> {
  return countyId !== null ? sql<SqlBool>`t.county_id is distinct from ${countyId}` : sql<SqlBool>`not (t.lead_unit_id = any(${unitIds}::int[]))`;
}

/** Up to this share of all units, a deadline-sorted page is read by unit and sorted (see listQuery). */
const NARROW_SCOPE_SHARE = 0.05;
/** Every unit under `unitPath` lies in the scope (a subtree of it, or everything). */
function subtreeInScope(scope: Scope, unitPath: string): boolean {
  return scope.all || scope.subtrees.some((p) => unitPath.startsWith(p));
}


/** The filter names a unit inside one of the viewer's subtrees: every task led there is visible to them. */
function unitInsideScope(f: ResolvedFilter): boolean {
  return f.unitPath !== undefined && !!f.unitIds && subtreeInScope(f.scope, f.unitPath);
}

/** Statistics may take the finished tasks from task_done_count: the filter names no more than the scope and a unit. */
function countersAnswer(f: ResolvedFilter): boolean {
  // An allow-list: a filter added later falls back to the full count until it is thought through.
  return Object.entries(f).every(
    ([k, v]) => COUNTER_FILTER_KEYS.has(k) || v === undefined || v === false || v === '' || (Array.isArray(v) && v.length === 0),
  );
}
const COUNTER_FILTER_KEYS = new Set<string>(['scope', 'viewerId', 'unitPath', 'headPath', 'unitTotal', 'scopeIds', 'scopeCountyId', 'unitIds', 'countyId', 'headIds', 'headCountyId'] satisfies (keyof ResolvedFilter)[]);

/** The light as SQL, for filters and counts. Kept in step with rules.lightOf by a test. */
export function lightSql(d: LightDates) {
  return sql<Light>`case
    when t.status in ('verified', 'closed') then 'done'
    when t.status = 'submitted' and t.submitted_on > t.deadline then 'red'
    when t.status <> 'submitted' and ${d.today}::date > t.deadline then 'red'
    when t.status = 'submitted' then 'green'
    when t.deadline < ${d.yellowBefore}::date
      or (t.status = 'assigned' and ${d.today}::date > t.sign_due)
      or (t.plan_due is not null and t.plan_at is null and t.status <> 'returned' and ${d.today}::date > t.plan_due)
      or (t.next_report_due < ${d.today}::date and t.status not in ('assigned', 'returned'))
      or (t.next_milestone_due < ${d.today}::date)
      then 'yellow'
    else 'green' end`;
}

/**
 * The open-task counters (task_open_count) hold the lights as of exactly these dates: a scalar
 * sub-select, evaluated once before the statement's parts (a one-time filter), so a statement can
 * carry both the counters' part and the live count's and run only the one that answers right.
 */
function countedAsOf(d: LightDates) {
  return sql<SqlBool>`(select count(*) = 1 from task_light_asof a where a.today = ${d.today}::date and a.yellow_before = ${d.yellowBefore}::date)`;
}

/** The counters (`task_open_count as k`) of tasks led in these units: their county's range when they are one county's subtree. */
function countedIn(unitIds: number[] | null, countyId: number | null): Expression<SqlBool> {
  if (unitIds === null) return sql<SqlBool>`true`;
  return countyId !== null ? sql<SqlBool>`k.county_id = ${countyId}` : sql<SqlBool>`k.lead_unit_id = any(${unitIds}::int[])`;
}

/**
 * The workbench's statement is prepared and planned once per connection when every unit set in it
 * is a county key (a county's head or people; admin: none): its shape and plan then do not depend
 * on the values. Its planning was more than half its cost (a county head's: ≈ 3 ms of PostgreSQL's
 * CPU a request, custom-planned every time). A list of unit ids (a township head's subtree, a scope
 * of several subtrees) is planned for its values each time, as the ledger's are.
 */
function workbenchPreparable(f: ResolvedFilter): boolean {
  return (f.scopeIds === null || f.scopeCountyId !== null) && (f.headIds === null || f.headIds.length === 0 || f.headCountyId !== null);
}

export class TaskViewStore {
  /**
   * With a cache, scope paths become unit ids without a query most of the time (see UnitIdCache).
   * `kind`: the database (a PostgreSQL server plans the workbench's statement once, see withGenericPlan).
   */
  constructor(
    private readonly unitIds?: UnitIdCache,
    private readonly kind: DbKind = 'pglite',
  ) {}

  private unitCount: { n: number; at: number } | null = null;

  /** About how many units there are (the planner's estimate, else a count), re-read every 5 minutes. */
  private async unitTotal(db: Executor): Promise<number> {
    if (this.unitCount && Date.now() - this.unitCount.at < 300_000) return this.unitCount.n;
    const est = await sql<{ n: number }>`select reltuples::int as n from pg_class where oid = 'unit'::regclass`.execute(db);
    let n = Number(est.rows[0]?.n ?? -1);
    if (n <= 0) n = Number((await db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    this.unitCount = { n, at: Date.now() };
    return n;
  }

  /**
   * A filter whose unit paths have become unit ids, looked up once (an indexed prefix match), so
   * the task query compares plain ids: the planner then estimates from the values it is given
   * and picks the lead-unit index for a township and the deadline index for a province.
   */
  async resolve(db: Executor, f: TaskFilter): Promise<ResolvedFilter> {
    const ids = async (subtrees: string[], exact: string[] = []) => {
      const load = async () => {
        const conds = [...subtrees.map((p) => sql<SqlBool>`path like ${likePrefix(p)}`), ...exact.map((p) => sql<SqlBool>`path = ${p}`)];
        if (conds.length === 0) return [];
        return (await db.selectFrom('unit').select('id').where(sql<SqlBool>`(${sql.join(conds, sql` or `)})`).execute()).map((r) => r.id);
      };
      return this.unitIds ? this.unitIds.get(JSON.stringify([subtrees, exact]), load) : load();
    };
    // A scope of one subtree (a region's people: their region, and their own unit inside it).
    const [first] = f.scope.subtrees;
    const oneSubtree = !f.scope.all && f.scope.subtrees.length === 1 && f.scope.units.every((u) => u.startsWith(first!)) ? first! : null;
    return {
      ...f,
      unitTotal: await this.unitTotal(db),
      scopeIds: f.scope.all ? null : await ids(f.scope.subtrees, f.scope.units),
      unitIds: f.unitPath ? await ids([f.unitPath]) : null,
      countyId: f.unitPath ? await this.countyOf(db, f.unitPath) : null,
      headIds: !f.todo || !f.headPath ? [] : f.headPath === '/' ? null : await ids([f.headPath]),
      scopeCountyId: oneSubtree ? await this.countyOf(db, oneSubtree) : null,
      headCountyId: f.todo && f.headPath && f.headPath !== '/' ? await this.countyOf(db, f.headPath) : null,
    };
  }

  /** The unit at `unitPath` when it is a county's own unit (the key task.county_id names), else null. */
  private async countyOf(db: Executor, unitPath: string): Promise<number | null> {
    const load = async () =>
      (await db.selectFrom('unit').select('id').where('path', '=', unitPath).where(sql<SqlBool>`unit_county_id(path) = id`).execute()).map((r) => r.id);
    const [id] = this.unitIds ? await this.unitIds.get(`county ${unitPath}`, load) : await load();
    return id ?? null;
  }

  /**
   * What a viewer may see (the SQL side of policy.canSeeTask, held to it by policy.api.test.ts):
   * tasks led or co-handled in their scope, or that involve them (assigner, responsible person,
   * overseeing leader, owner of a milestone). The
   * co-unit arm is a sub-select: written as `co_unit_ids && ids` the planner guesses that 2.5 %
   * of all tasks match it and, at province scale, walks the deadline index past a million rows
   * to fill a township's first page (bench/results/*-plans.md). Inside, one `@>` probe of the GIN
   * index per unit: with the whole id list, `&&` is guessed to match half the table and is
   * answered by reading all of it (4 s at province scale for a county's 141 units).
   */
  private visible(f: ResolvedFilter): Expression<SqlBool> {
    if (f.scopeIds === null) return sql<SqlBool>`true`;
    return sql<SqlBool>`(${ledIn(f.scopeIds, f.scopeCountyId)} or ${this.visibleBeyondScope(f.scopeIds, f.scopeCountyId, f.viewerId)})`;
  }

  /**
   * The arms of `visible` but the lead unit's: a task led outside the scope is seen through these
   * only. `only` (statistics' finished tasks led outside the scope, the unfinished ones beside the
   * counters) keeps only those in the co-unit probes, before their ids are looked up again (a county's 2,000 co-handled tasks:
   * 4,400 buffers of id probes for none). A scope that is one county's subtree (`countyId`) finds
   * the tasks its units co-handle that are led elsewhere in one range of task_co_county (migration
   * 202612060000) instead of a probe per unit (a province county: 141 probes, ≈ 5 ms, for none).
   */
  private visibleBeyondScope(scopeIds: number[], countyId: number | null, viewerId: number, only?: 'finished' | 'unfinished'): Expression<SqlBool> {
    // Only the co-handled tasks led outside the scope: the others are seen by their lead unit, and
    // their ids, looked up again, cost a county head's workbench 4,300 of its 6,000 buffers.
    const status =
      only === 'finished' ? sql<SqlBool>`c.status in ('verified', 'closed')` : only === 'unfinished' ? sql<SqlBool>`c.status not in ('verified', 'closed', 'withdrawn')` : sql<SqlBool>`true`;
    const coHandled =
      countyId !== null
        ? only === undefined
          ? sql`select x.task_id from task_co_county x where x.county_id = ${countyId}`
          : sql`select c.id from task_co_county x join task c on c.id = x.task_id where x.county_id = ${countyId} and ${status}`
        : sql`select c.id from unnest(${scopeIds}::int[]) as s(unit_id) cross join lateral (select c.id from task c
            where c.co_unit_ids @> array[s.unit_id] and ${status} and not (c.lead_unit_id = any(${scopeIds}::int[]))) c`;
    return sql<SqlBool>`(t.assigner_id = ${viewerId} or t.responsible_id = ${viewerId} or t.leader_id = ${viewerId}
      or t.id = any(array(select m.task_id from task_milestone m where m.owner_id = ${viewerId}))
      or t.id = any(array(${coHandled})))`;
  }

  /** The condition of one workbench group; mirrors who may act in rules.allowedActor. */
  private todo(kind: TodoKind, viewerId: number, f: Pick<ResolvedFilter, 'headIds' | 'headCountyId'>, d: LightDates): Expression<SqlBool> {
    const heads = f.headIds === null ? sql<SqlBool>`true` : f.headIds.length ? ledIn(f.headIds, f.headCountyId) : sql<SqlBool>`false`;
    switch (kind) {
      case 'sign':
        return sql<SqlBool>`(t.status = 'assigned' and ${heads})`;
      case 'report':
        return sql<SqlBool>`(t.status in ('signed', 'in_progress') and (t.responsible_id = ${viewerId} or ${heads}))`;
      case 'warn':
        // Only unfinished tasks reach a group (workbench: UNFINISHED; ledger: todo implies it).
        return warnSql(d);
      case 'verify':
        return sql<SqlBool>`(t.status = 'submitted' and (t.assigner_id = ${viewerId} or t.leader_id = ${viewerId}))`;
      case 'extension':
        return sql<SqlBool>`(t.pending_extension and (t.assigner_id = ${viewerId} or t.leader_id = ${viewerId}))`;
    }
  }

  /**
   * 工作台 in one statement: each group's count and its first `perGroup` tasks by deadline. The
   * counts of the groups kept by unit come from the open-task counters when their lights are as
   * of `d` (sign: assigned in the units the viewer heads; report: signed or in progress there,
   * plus the viewer's own elsewhere, live; warn: red or yellow led in the scope, plus those seen
   * beyond it, live), the person's groups (verify, extension) live; when the counters are as of
   * other dates, every count is live over what the viewer may see (as before the counters). The
   * first tasks of each group are a LIMITed range per arm (the county key's or the lead unit's
   * unfinished index, the person indexes), never the whole scope. `f` is resolved once, with headIds.
   */
  async workbench(db: Executor, f: ResolvedFilter, d: LightDates, perGroup: number) {
    const q = this.workbenchQuery(f, d, perGroup);
    // Planned once per connection when its shape does not depend on the values (see workbenchQuery).
    const { rows } = workbenchPreparable(f) ? await withGenericPlan(db, this.kind, (c) => q.execute(c)) : await q.execute(db);
    const counts = Object.fromEntries(TODO_KINDS.map((k) => [k, Number(rows.find((r) => r.todoKind === k)?.groupCount ?? 0)])) as Record<TodoKind, number>;
    // A group without tasks is one row with its count and no task.
    return { counts, rows: withEscalations(rows.filter((r) => r.id !== null)) };
  }

  /** The workbench's statement, unexecuted (bench/explain.ts prints its plan). */
  workbenchQuery(f: ResolvedFilter, d: LightDates, perGroup: number) {
    const v = f.viewerId;
    const fresh = countedAsOf(d);
    // Heads ⊆ scope (a unit head sees their unit's subtree; admin everything): the head's tasks are visible.
    const allHeads = f.headIds === null;
    const headsT = allHeads ? sql<SqlBool>`true` : f.headIds!.length ? ledIn(f.headIds!, f.headCountyId) : null;
    const headsK = allHeads ? sql<SqlBool>`true` : f.headIds!.length ? countedIn(f.headIds, f.headCountyId) : null;
    const notHeadsT = allHeads ? null : f.headIds!.length ? ledOutside(f.headIds!, f.headCountyId) : sql<SqlBool>`true`;
    const scopeT = f.scopeIds === null ? sql<SqlBool>`true` : ledIn(f.scopeIds, f.scopeCountyId);
    const beyondT =
      f.scopeIds === null ? null : sql<SqlBool>`(${ledOutside(f.scopeIds, f.scopeCountyId)} and ${this.visibleBeyondScope(f.scopeIds, f.scopeCountyId, v, 'unfinished')})`;
    const report = sql<SqlBool>`t.status in ('signed', 'in_progress')`;

    // The counts: parts summed by kind.
    // The arms kept by person are small: read once (materialized), counted and cut from the same rows.
    const sets: ReturnType<typeof sql>[] = [];
    const set = (cond: Expression<SqlBool>) => {
      const name = `a${sets.length}`;
      sets.push(sql`${sql.ref(name)} as materialized (select t.id, t.deadline from task t where ${UNFINISHED} and ${cond})`);
      return name;
    };
    const mine = notHeadsT && set(sql<SqlBool>`${report} and t.responsible_id = ${v} and ${notHeadsT}`);
    const beyond = beyondT && set(sql<SqlBool>`${warnSql(d)} and ${beyondT}`);
    const verify = set(this.todo('verify', v, f, d));
    const extension = set(this.todo('extension', v, f, d));

    // The counts: parts summed by kind.
    const parts: ReturnType<typeof sql>[] = [];
    const counted = (kind: TodoKind, cond: Expression<SqlBool>) =>
      parts.push(sql`select ${sql.lit(kind)} as kind, k.n::bigint as n from task_open_count k where ${fresh} and ${cond}`);
    const setCount = (kind: TodoKind, name: string, when: Expression<SqlBool> = sql<SqlBool>`true`) =>
      parts.push(sql`select ${sql.lit(kind)} as kind, count(*) as n from ${sql.table(name)} where ${when}`);
    if (headsK) {
      counted('sign', sql<SqlBool>`k.status = 'assigned' and ${headsK}`);
      counted('report', sql<SqlBool>`k.status in ('signed', 'in_progress') and ${headsK}`);
    }
    if (mine) setCount('report', mine, fresh);
    counted('warn', sql<SqlBool>`k.light in ('red', 'yellow') and ${countedIn(f.scopeIds, f.scopeCountyId)}`);
    if (beyond) setCount('warn', beyond, fresh);
    // The counters are as of other dates: the groups they answer, live over what the viewer sees.
    const byUnit = (['sign', 'report', 'warn'] as const).map((k) => sql`(${sql.lit(k)}, ${this.todo(k, v, f, d)})`);
    parts.push(sql`select k.kind, count(*) as n from task t cross join lateral (values ${sql.join(byUnit)}) as k(kind, hit)
        where not ${fresh} and ${UNFINISHED} and ${this.visible(f)} and k.hit group by k.kind`);
    setCount('verify', verify);
    setCount('extension', extension);

    // Each group's first tasks: per arm a LIMITed range in (deadline, id) order (or the arm's
    // small set), the arms merged and cut again.
    const first = (kind: TodoKind, arms: (Expression<SqlBool> | string | null)[]) => {
      const ranges = arms
        .filter((a) => a !== null)
        .map((a) =>
          typeof a === 'string'
            ? sql`(select a.id, a.deadline from ${sql.table(a)} a order by a.deadline, a.id limit ${perGroup})`
            : sql`(select t.id, t.deadline from task t where ${UNFINISHED} and ${a} order by t.deadline, t.id limit ${perGroup})`,
        );
      if (ranges.length === 0) return null;
      return sql`select ${sql.lit(kind)} as kind, x.id from (select distinct y.id, y.deadline from (${sql.join(ranges, sql` union all `)}) y
          order by y.deadline, y.id limit ${perGroup}) x`;
    };
    const firsts = [
      first('sign', [headsT && sql<SqlBool>`t.status = 'assigned' and ${headsT}`]),
      first('report', [headsT && sql<SqlBool>`${report} and ${headsT}`, mine]),
      first('warn', [sql<SqlBool>`${warnSql(d)} and ${scopeT}`, beyond]),
      first('verify', [verify]),
      first('extension', [extension]),
    ].filter((q) => q !== null);
    const kinds = sql.join(TODO_KINDS.map((k) => sql`(${sql.lit(k)})`));
    const preparable = workbenchPreparable(f);
    return sql<TaskRowWithNames & { todoKind: TodoKind; groupCount: number; escalations: EscalationJson[] }>`
      with ${sql.join(sets)}, c as (
        select p.kind, sum(p.n)::bigint as n from (${sql.join(parts, sql` union all `)}) p group by p.kind
      ), g as (${sql.join(firsts, sql` union all `)})
      select ${listColumnsSql}, u.path as lead_unit_path, u.name as lead_unit_name,
        (select r.name from person r where r.id = t.responsible_id) as responsible_name, kk.kind as todo_kind, coalesce(c.n, 0) as group_count,
        (select coalesce(json_agg(s order by s.at), '[]') from task_escalation s where s.task_id = t.id) as escalations
      from (values ${kinds}) as kk(kind)
      left join c on c.kind = kk.kind
      left join g on g.kind = kk.kind
      left join task t on t.id = g.id
      left join unit u on u.id = t.lead_unit_id
      order by kk.kind, t.deadline, t.id${preparable ? PREPARE : sql``}`;
  }

  /** The tasks matching the filter (`task as t`, nothing joined: callers join what they show). */
  private filtered(db: Executor, f: ResolvedFilter, d: LightDates, unfinished = false) {
    // A withdrawn task (撤回) has left every list; its page stays open to its assigner. A filter
    // that keeps only unfinished work says so in the indexes' words (UNFINISHED).
    const unfinishedOnly =
      unfinished ||
      (f.status?.length && f.status.every((s) => UNFINISHED_STATUSES.includes(s))) || (f.light && f.light !== 'done') || f.overdue || f.todo;
    let q = db.selectFrom('task as t').where(unfinishedOnly ? UNFINISHED : sql<SqlBool>`t.status <> 'withdrawn'`);
    // A unit filter inside one of the viewer's subtrees keeps only tasks led there, all of which
    // the viewer may see: the visibility test would add nothing but planning and a check per row
    // (a county supervisor's county: 141 unit ids twice, an OR of five arms and a sub-select).
    if (!unitInsideScope(f)) q = q.where(this.visible(f));
    if (f.unitIds) q = q.where(ledIn(f.unitIds, f.countyId));
    if (f.responsibleId) q = q.where('t.responsibleId', '=', f.responsibleId);
    if (f.assignerId) q = q.where('t.assignerId', '=', f.assignerId);
    if (f.level) q = q.where('t.level', '=', f.level);
    if (f.sourceKind) q = q.where('t.sourceKind', '=', f.sourceKind);
    if (f.sourceId !== undefined) q = q.where('t.sourceId', '=', f.sourceId);
    if (f.status?.length) q = q.where('t.status', 'in', f.status);
    if (f.deadlineFrom) q = q.where('t.deadline', '>=', f.deadlineFrom);
    if (f.deadlineTo) q = q.where('t.deadline', '<=', f.deadlineTo);
    if (f.overdue) q = q.where('t.status', 'in', OPEN_STATUSES).where('t.deadline', '<', d.today);
    if (f.q) {
      const like = likeContains(f.q);
      q = q.where((eb) => eb.or([eb('t.title', 'ilike', like), eb('t.description', 'ilike', like), eb('t.sourceRef', 'ilike', like)]));
    }
    if (f.light) {
      // Implied by the light (for the others, UNFINISHED above: the partial indexes).
      if (f.light === 'done') q = q.where(sql<SqlBool>`t.status in ('verified', 'closed')`);
      // Red implies a deadline before today (late, or submitted after it): a range on the
      // (lead unit, deadline) index instead of computing the light of every unfinished task.
      if (f.light === 'red') q = q.where('t.deadline', '<', d.today);
      // Yellow in the indexes' ranges, the same set as lightSql's (WARN_FROM; held to rules.lightOf by tests).
      q = f.light === 'yellow' ? q.where(yellowSql(d)) : q.where(lightSql(d), '=', f.light);
    }
    if (f.todo) q = q.where(this.todo(f.todo, f.viewerId, f, d));
    if (f.escalatedFrom) {
      const since = new Date(`${f.escalatedFrom}T00:00:00+08:00`);
      q = q.where((eb) => eb.exists(eb.selectFrom('taskEscalation as e').select('e.taskId').whereRef('e.taskId', '=', 't.id').where('e.at', '>=', since)));
    }
    return q;
  }

  /** A page of the ledger, keyset-paged on (sort key, id). */
  async list(db: Executor, f: TaskFilter, d: LightDates, page: ListPage) {
    const rows: (TaskRowWithNames & { escalations: EscalationJson[] })[] = await this.listQuery(db, await this.resolve(db, f), d, page).execute();
    return withEscalations(rows);
  }

  /** The ledger page's query, unexecuted (bench/explain.ts prints its plan). */
  listQuery(db: Executor, f: ResolvedFilter, d: LightDates, page: ListPage) {
    // The page is cut first and only its rows get their unit and person names: joined before the
    // sort, every matching task of a county was joined (6,260 unit and person lookups for 51 rows).
    // A row is what a list shows, not the task's long texts (TASK_LIST_COLUMNS).
    let q = this.filtered(db, f, d)
      .select(TASK_LIST_COLUMNS.map((c) => `t.${c}` as const))
      .$if(!!page.withDescription, (qb) => qb.select('t.description'));
    if (page.sort === 'deadline') {
      if (page.after) {
        const [deadline, id] = page.after;
        // A row comparison: an index condition on (…, deadline, id) indexes, where the spelled-out
        // `deadline > d or (deadline = d and id > i)` is a filter on every entry before the page
        // (a county's 21st page read 10,612 tasks to skip them).
        q = q.where(sql<SqlBool>`(t.deadline, t.id) > (${String(deadline)}::date, ${id}::int)`);
      }
      // A scope with a small share of all units (a county of a province, a township) holds a small
      // share of the tasks: read them by lead unit and sort. Ordered by the bare column, the
      // planner walks the deadline index of the whole table instead, filtering row by row for the
      // scope's few (a township head's first page: 7,955 pages read for 51 rows). `+ 0` hides the
      // index order; wide scopes keep the index walk, where it is the right plan.
      const scopeUnits = Math.min(f.scopeIds?.length ?? Infinity, f.unitIds?.length ?? Infinity);
      const narrow = f.countyId === null && scopeUnits <= f.unitTotal * NARROW_SCOPE_SHARE;
      q = q.orderBy(narrow ? sql`t.deadline + 0` : sql`t.deadline`).orderBy('t.id');
    } else {
      if (page.after) q = q.where('t.id', '<', page.after[1]);
      q = q.orderBy('t.id', 'desc');
    }
    // Names by key, one index probe each: joined, the planner hashed all of a county's 2,961
    // people for a page of 25 (a sequential scan, 7 ms of the 8).
    const named = db
      .selectFrom(q.limit(page.limit).as('t'))
      .innerJoinLateral((eb) => eb.selectFrom('unit as u').select(['u.path', 'u.name']).whereRef('u.id', '=', 't.leadUnitId').as('u'), (j) => j.onTrue())
      .selectAll('t')
      .select(['u.path as leadUnitPath', 'u.name as leadUnitName'])
      .select((eb) => eb.selectFrom('person as r').select('r.name').whereRef('r.id', '=', 't.responsibleId').$asScalar().as('responsibleName'))
      // The page's escalation rungs with it: a second statement for 50 rows cost a round trip.
      .select((eb) => jsonArrayFrom(eb.selectFrom('taskEscalation as s').selectAll('s').whereRef('s.taskId', '=', 't.id').orderBy('s.at')).as('escalations'));
    return page.sort === 'deadline' ? named.orderBy('t.deadline').orderBy('t.id') : named.orderBy('t.id', 'desc');
  }

  /** Counts by lead unit, light and status (dashboards). */
  async stats(db: Executor, f: TaskFilter, d: LightDates) {
    return this.statsQuery(db, await this.resolve(db, f), d).execute();
  }

  statsQuery(db: Executor, f: ResolvedFilter, d: LightDates, opts: { counters?: boolean } = {}) {
    // The light is computed in a subquery: a parameterised CASE cannot be repeated in GROUP BY.
    // Counted first, named after: joined before the count, every task of a county looked up its
    // unit (11,604 lookups for 140 units on province data).
    const live = (q: ReturnType<TaskViewStore['filtered']>) => {
      const rows = q.select(['t.leadUnitId', 't.status']).select(lightSql(d).as('light'));
      return db
        .selectFrom(rows.as('x'))
        .select(['x.leadUnitId', 'x.status', 'x.light'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .groupBy(['x.leadUnitId', 'x.status', 'x.light']);
    };
    // Each group's unit name by its key: the planner guesses thousands of groups (a county has
    // ≈ 200) and, joined, hashed all 24,303 units of a province for them (26 of 43 ms).
    const named = (counted: ReturnType<typeof live>) =>
      db
        .selectFrom(counted.as('c'))
        .select(['c.leadUnitId', 'c.status', 'c.light', 'c.n'])
        .select((eb) => eb.selectFrom('unit as u').select('u.name').whereRef('u.id', '=', 'c.leadUnitId').$asScalar().$notNull().as('unitName'));
    if (!(opts.counters ?? true) || !countersAnswer(f)) return named(live(this.filtered(db, f, d)));
    // Only the scope and a unit filter: the finished tasks (light 'done', ≈ 70 % of a scope's)
    // come from task_done_count for the units led in the scope, and are counted live only where
    // the viewer sees them beyond it (assigner, responsible, leader, milestone owner, co-unit);
    // the unfinished ones led in the scope from task_open_count when its lights are as of `d`
    // (else live, on the unfinished partial indexes), those seen beyond it live. The parts are
    // disjoint (by status, by lead unit in or out of the scope).
    const scopeWide = f.scopeIds === null || unitInsideScope(f);
    const fresh = countedAsOf(d);
    const openIn = db
      .selectFrom('taskOpenCount as k')
      .select(['k.leadUnitId', 'k.status', 'k.light', sql<number>`sum(k.n)::bigint`.as('n')])
      .where(fresh)
      .where(scopeWide ? sql<SqlBool>`true` : countedIn(f.scopeIds, f.scopeCountyId))
      .where(countedIn(f.unitIds, f.countyId))
      .groupBy(['k.leadUnitId', 'k.status', 'k.light'])
      .having(sql`sum(k.n)`, '<>', 0);
    let unfinished = live(this.filtered(db, f, d, true).where(sql<SqlBool>`not ${fresh}`)).unionAll(openIn);
    if (!scopeWide && f.scopeIds !== null) {
      let beyond = db
        .selectFrom('task as t')
        .where(UNFINISHED)
        .where(ledOutside(f.scopeIds, f.scopeCountyId))
        .where(this.visibleBeyondScope(f.scopeIds, f.scopeCountyId, f.viewerId, 'unfinished'))
        .where(fresh);
      if (f.unitIds) beyond = beyond.where(sql<SqlBool>`t.lead_unit_id = any(${f.unitIds}::int[])`);
      unfinished = unfinished.unionAll(live(beyond));
    }
    const doneIn = db
      .selectFrom('taskDoneCount as k')
      .select(['k.leadUnitId', 'k.status', sql<Light>`'done'`.as('light'), sql<number>`k.n::bigint`.as('n')])
      .where('k.n', '>', 0)
      .$if(f.scopeIds !== null && !scopeWide, (q) => q.where(sql<SqlBool>`k.lead_unit_id = any(${f.scopeIds}::int[])`))
      .$if(f.unitIds !== null, (q) => q.where(sql<SqlBool>`k.lead_unit_id = any(${f.unitIds}::int[])`));
    let counted = unfinished.unionAll(doneIn);
    if (!scopeWide && f.scopeIds !== null) {
      let beyond = db
        .selectFrom('task as t')
        .where(sql<SqlBool>`t.status in ('verified', 'closed')`)
        .where(ledOutside(f.scopeIds, f.scopeCountyId))
        .where(this.visibleBeyondScope(f.scopeIds, f.scopeCountyId, f.viewerId, 'finished'));
      if (f.unitIds) beyond = beyond.where(sql<SqlBool>`t.lead_unit_id = any(${f.unitIds}::int[])`);
      counted = counted.unionAll(
        beyond
          .select(['t.leadUnitId', 't.status', sql<Light>`'done'`.as('light')])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .groupBy(['t.leadUnitId', 't.status']),
      );
    }
    return named(counted);
  }

  /**
   * Recounts the open-task counters as of `d` when they are as of other dates (one statement: the
   * recount locks the counters against the writes' triggers, counts every unfinished task anew
   * and moves the as-of dates). True when it recounted.
   */
  async recountOpen(db: Executor, d: LightDates): Promise<boolean> {
    const { rows } = await sql<{ recounted: boolean }>`select task_open_count_recount(${d.today}::date, ${d.yellowBefore}::date) is null as recounted
        from task_light_asof where today is distinct from ${d.today}::date or yellow_before is distinct from ${d.yellowBefore}::date`.execute(db);
    return rows.length > 0;
  }

  /**
   * Week by week since `since` (Monday, Asia/Shanghai): tasks verified and how many of them were
   * submitted by their deadline (on time), and escalation rungs fired, by level.
   */
  async trend(db: Executor, filter: TaskFilter, d: LightDates, since: Date) {
    const f = await this.resolve(db, filter);
    const done = this.filtered(db, f, d)
      .where('t.verifiedAt', '>=', since)
      .select(sql<string>`to_char(date_trunc('week', t.verified_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`.as('week'))
      .select(sql<number>`case when t.submitted_on <= t.deadline then 1 else 0 end`.as('onTime'));
    const escalated = this.filtered(db, f, d)
      .innerJoin('taskEscalation as e', 'e.taskId', 't.id')
      .where('e.at', '>=', since)
      .select(sql<string>`to_char(date_trunc('week', e.at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`.as('week'))
      .select('e.level');
    const [doneRows, escalationRows] = await Promise.all([
      db
        .selectFrom(done.as('x'))
        .select(['x.week'])
        .select((eb) => [eb.fn.countAll<number>().as('done'), eb.fn.sum<number>('x.onTime').as('onTime')])
        .groupBy('x.week')
        .execute(),
      db
        .selectFrom(escalated.as('x'))
        .select(['x.week', 'x.level'])
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .groupBy(['x.week', 'x.level'])
        .execute(),
    ]);
    return { doneRows, escalationRows };
  }

  /** 责任清单: tasks per lead unit and responsible person, by light. */
  async responsibility(db: Executor, filter: TaskFilter, d: LightDates) {
    const f = await this.resolve(db, filter);
    const rows = this.filtered(db, f, d)
      .innerJoin('unit as u', 'u.id', 't.leadUnitId')
      .leftJoin('person as r', 'r.id', 't.responsibleId')
      .select(['t.leadUnitId', 'u.name as unitName', 't.responsibleId', 'r.name as responsibleName'])
      .select(lightSql(d).as('light'));
    return db
      .selectFrom(rows.as('x'))
      .select(['x.leadUnitId', 'x.unitName', 'x.responsibleId', 'x.responsibleName', 'x.light'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['x.leadUnitId', 'x.unitName', 'x.responsibleId', 'x.responsibleName', 'x.light'])
      .execute();
  }

  /**
   * 情况说明 to read (驾驶舱): answers given since `since` to urgings the viewer wrote, or on tasks
   * they oversee (分管), newest first, with the task's title.
   */
  async recentAnswers(db: Executor, viewerId: number, since: Date, limit: number) {
    const base = db
      .selectFrom('taskUrging as g')
      .innerJoin('task as t', 't.id', 'g.taskId')
      .where('g.answeredAt', '>=', since)
      .where((eb) => eb.or([eb('g.byId', '=', viewerId), eb('t.leaderId', '=', viewerId)]));
    const [count, items] = await Promise.all([
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      base
        .leftJoin('person as p', 'p.id', 'g.answeredBy')
        .select(['g.id', 'g.taskId', 't.title', 'g.level', 'g.answeredAt', 'p.name as answeredByName'])
        .orderBy('g.answeredAt', 'desc')
        .orderBy('g.id', 'desc')
        .limit(limit)
        .execute(),
    ]);
    return { count: Number(count.n), items };
  }
}
