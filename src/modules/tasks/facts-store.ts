import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';

/**
 * The facts of the tasks a unit leads (or a person is responsible for) in a span of days, for the
 * scoreboard (比学赶超): one grouped query for every unit and person at once. Dates are
 * Asia/Shanghai days; `from` and `to` bound the span [from, to), `asOf` is its last day so far.
 */
export interface FactsRange {
  from: string;
  to: string;
  asOf: string;
}

export interface TaskFactsRow {
  subjectKind: 'unit' | 'person';
  subjectId: number;
  active: number;
  due: number;
  onTime: number;
  signDue: number;
  signedOnTime: number;
  urgingsDue: number;
  urgingsAnsweredOnTime: number;
  reporting: number;
  reportsLate: number;
  overdueDays: number;
  extensions: number;
  remind: number;
  urge: number;
  supervise: number;
  notice: number;
  accountability: number;
}

const day = (col: RawBuilder<unknown>) => sql`(${col} at time zone 'Asia/Shanghai')::date`;

/** Per task active in the span: the flags and counts each component adds up. */
function perTask(r: FactsRange) {
  const fromTs = `${r.from}T00:00:00+08:00`;
  const toTs = `${r.to}T00:00:00+08:00`;
  return sql`
    select t.id, t.title, t.lead_unit_id, t.responsible_id, t.status, t.deadline, t.submitted_on, t.sign_due, t.signed_at,
      (t.deadline >= ${r.from}::date and t.deadline <= ${r.asOf}::date) as due,
      (t.deadline >= ${r.from}::date and t.deadline <= ${r.asOf}::date and t.submitted_on is not null and t.submitted_on <= t.deadline) as on_time,
      (${day(sql.ref('t.assigned_at'))} >= ${r.from}::date and ${day(sql.ref('t.assigned_at'))} < ${r.to}::date and t.sign_due <= ${r.asOf}::date) as sign_due_in,
      (${day(sql.ref('t.assigned_at'))} >= ${r.from}::date and ${day(sql.ref('t.assigned_at'))} < ${r.to}::date and t.sign_due <= ${r.asOf}::date
        and t.signed_at is not null and ${day(sql.ref('t.signed_at'))} <= t.sign_due) as signed_on_time,
      (t.status in ('signed', 'in_progress') and t.next_report_due is not null) as reporting,
      (t.status in ('signed', 'in_progress') and t.next_report_due is not null and t.next_report_due < ${r.asOf}::date) as report_late,
      greatest(0, least(coalesce(t.submitted_on + 1, ${r.asOf}::date + 1), ${r.asOf}::date + 1) - greatest(t.deadline + 1, ${r.from}::date)) as overdue_days,
      (select count(*) from task_extension e where e.task_id = t.id and e.status = 'approved' and e.decided_at >= ${fromTs}::timestamptz and e.decided_at < ${toTs}::timestamptz) as extensions,
      (select count(*) from task_urging u where u.task_id = t.id and u.reply_due >= ${r.from}::date and u.reply_due <= ${r.asOf}::date) as urgings_due,
      (select count(*) from task_urging u where u.task_id = t.id and u.reply_due >= ${r.from}::date and u.reply_due <= ${r.asOf}::date and u.answered_on <= u.reply_due) as urgings_on_time,
      esc.remind, esc.urge, esc.supervise, esc.notice, esc.accountability
    from task t
    cross join lateral (
      select count(*) filter (where x.level = 'remind') as remind, count(*) filter (where x.level = 'urge') as urge,
        count(*) filter (where x.level = 'supervise') as supervise, count(*) filter (where x.level = 'notice') as notice,
        count(*) filter (where x.level = 'accountability') as accountability
      from task_escalation x where x.task_id = t.id and x.at >= ${fromTs}::timestamptz and x.at < ${toTs}::timestamptz
    ) esc
    where t.status not in ('returned', 'withdrawn') and t.assigned_at < ${toTs}::timestamptz and ${day(sql.ref('t.assigned_at'))} <= ${r.asOf}::date
      and (t.verified_at is null or t.verified_at >= ${fromTs}::timestamptz)`;
}

/** Every unit's (as lead unit) and person's (as responsible) task facts in the span, one grouped query. */
export async function taskFacts(db: Executor, r: FactsRange): Promise<TaskFactsRow[]> {
  const res = await sql<TaskFactsRow>`
    with f as (${perTask(r)})
    select case when grouping(f.lead_unit_id) = 0 then 'unit' else 'person' end as "subjectKind",
      coalesce(f.lead_unit_id, f.responsible_id) as "subjectId",
      count(*)::int as "active",
      count(*) filter (where f.due)::int as "due",
      count(*) filter (where f.on_time)::int as "onTime",
      count(*) filter (where f.sign_due_in)::int as "signDue",
      count(*) filter (where f.signed_on_time)::int as "signedOnTime",
      coalesce(sum(f.urgings_due), 0)::int as "urgingsDue",
      coalesce(sum(f.urgings_on_time), 0)::int as "urgingsAnsweredOnTime",
      count(*) filter (where f.reporting)::int as "reporting",
      count(*) filter (where f.report_late)::int as "reportsLate",
      coalesce(sum(f.overdue_days), 0)::int as "overdueDays",
      coalesce(sum(f.extensions), 0)::int as "extensions",
      coalesce(sum(f.remind), 0)::int as "remind",
      coalesce(sum(f.urge), 0)::int as "urge",
      coalesce(sum(f.supervise), 0)::int as "supervise",
      coalesce(sum(f.notice), 0)::int as "notice",
      coalesce(sum(f.accountability), 0)::int as "accountability"
    from f
    group by grouping sets ((f.lead_unit_id), (f.responsible_id))
    having grouping(f.lead_unit_id) = 0 or f.responsible_id is not null`.execute(db);
  return res.rows;
}

/** Which tasks stand behind a component (the scoreboard's drill-down). */
export type TaskFactFilter = 'on_time' | 'sign' | 'feedback' | 'progress' | 'overdue_days' | 'extensions' | 'escalations';

const FILTERS: Record<TaskFactFilter, RawBuilder<unknown>> = {
  on_time: sql`f.due`,
  sign: sql`f.sign_due_in`,
  feedback: sql`f.urgings_due > 0`,
  progress: sql`f.reporting`,
  overdue_days: sql`f.overdue_days > 0`,
  extensions: sql`f.extensions > 0`,
  escalations: sql`(f.remind + f.urge + f.supervise + f.notice + f.accountability) > 0`,
};

export interface TaskFactRecord {
  id: number;
  title: string;
  status: string;
  deadline: string;
  submittedOn: string | null;
  signDue: string;
  signedAt: Date | null;
  /** Whether it counts for the component (on time, signed on time, reported, …). */
  good: boolean;
  overdueDays: number;
  extensions: number;
  urgingsDue: number;
  urgingsOnTime: number;
  escalations: number;
}

/** A page (by id) of the tasks of one unit or responsible person behind a component in the span. */
export async function taskFactRecords(
  db: Executor,
  r: FactsRange,
  subject: { unitId: number } | { personId: number },
  filter: TaskFactFilter,
  page: { limit: number; afterId?: number | undefined },
): Promise<TaskFactRecord[]> {
  const who = 'unitId' in subject ? sql`f.lead_unit_id = ${subject.unitId}` : sql`f.responsible_id = ${subject.personId}`;
  const good: Record<TaskFactFilter, RawBuilder<unknown>> = {
    on_time: sql`f.on_time`,
    sign: sql`f.signed_on_time`,
    feedback: sql`f.urgings_on_time = f.urgings_due`,
    progress: sql`not f.report_late`,
    overdue_days: sql`false`,
    extensions: sql`false`,
    escalations: sql`false`,
  };
  const res = await sql<TaskFactRecord>`
    with f as (${perTask(r)})
    select f.id, f.title, f.status, to_char(f.deadline, 'YYYY-MM-DD') as "deadline", to_char(f.submitted_on, 'YYYY-MM-DD') as "submittedOn",
      to_char(f.sign_due, 'YYYY-MM-DD') as "signDue", f.signed_at as "signedAt", coalesce(${good[filter]}, false) as "good",
      f.overdue_days::int as "overdueDays", f.extensions::int as "extensions", f.urgings_due::int as "urgingsDue", f.urgings_on_time::int as "urgingsOnTime",
      (f.remind + f.urge + f.supervise + f.notice + f.accountability)::int as "escalations"
    from f
    where ${who} and ${FILTERS[filter]} and f.id > ${page.afterId ?? 0}
    order by f.id
    limit ${page.limit}`.execute(db);
  return res.rows;
}
