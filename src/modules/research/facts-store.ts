import { sql } from 'kysely';
import type { Rank } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { Executor } from '../../platform/db/index.ts';

/**
 * The facts of 一线工作法 for the scoreboard (比学赶超), for every unit at once: the field days of
 * each leader (an active person with a rank other than 'other') in a span of days, and the findings
 * of the visits a unit's people made in it and how many are resolved (their task 办结) by its last
 * day so far. Days are Asia/Shanghai; the span is [from, asOf].
 */
export interface FactsRange {
  from: string;
  to: string;
  asOf: string;
}

export interface LeaderDaysRow {
  personId: number;
  unitId: number;
  rank: Rank;
  rankSince: string | null;
  /** Field days in the span (from the 任职日期 on): a day counts once, half days add up to at most 1. */
  days: number;
}

export interface FindingFactsRow {
  unitId: number;
  found: number;
  resolved: number;
}

const tsOf = (d: string) => `${d}T00:00:00+08:00`;

/** One grouped query: every leader with their field days in the span (0 without visits). */
export async function leaderDays(db: Executor, r: FactsRange): Promise<LeaderDaysRow[]> {
  const res = await sql<LeaderDaysRow>`
    with leaders as (
      select p.id, p.unit_id, p.rank, p.rank_since from person p where p.active and p.rank <> 'other'
    ), days as (
      select vp.person_id, g.d::date as d, bool_or(not v.half_day) as whole, count(*) as halves
      from field_visit v
      join field_visit_person vp on vp.visit_id = v.id
      join leaders l on l.id = vp.person_id
      cross join lateral generate_series(greatest(v.start_date, ${r.from}::date), least(v.end_date, ${r.asOf}::date), interval '1 day') g(d)
      where v.start_date <= ${r.asOf}::date and v.end_date >= ${r.from}::date
        and (l.rank_since is null or v.end_date >= l.rank_since)
      group by vp.person_id, g.d
    )
    select l.id as "personId", l.unit_id as "unitId", l.rank, to_char(l.rank_since, 'YYYY-MM-DD') as "rankSince",
      coalesce(sum(case when d.whole then 1 else least(1, 0.5 * d.halves) end) filter (where l.rank_since is null or d.d >= l.rank_since), 0)::float8 as "days"
    from leaders l left join days d on d.person_id = l.id
    group by l.id, l.unit_id, l.rank, l.rank_since`.execute(db);
  return res.rows.map((x) => ({ ...x, days: Number(x.days) }));
}

/** One grouped query: per unit, the findings of visits its people made in the span, and those whose task was 办结 by its last day. */
export async function findingFacts(db: Executor, r: FactsRange): Promise<FindingFactsRow[]> {
  const res = await sql<FindingFactsRow>`
    select p.unit_id as "unitId", count(distinct f.id)::int as "found",
      count(distinct f.id) filter (where t.verified_at < ${tsOf(addDays(r.asOf, 1))}::timestamptz)::int as "resolved"
    from field_finding f
    join field_visit v on v.id = f.visit_id
    join field_visit_person vp on vp.visit_id = v.id
    join person p on p.id = vp.person_id
    left join task t on t.id = f.task_id
    where v.start_date >= ${r.from}::date and v.start_date <= ${r.asOf}::date
    group by p.unit_id`.execute(db);
  return res.rows;
}

export interface VisitFactRecord {
  id: number;
  purpose: string;
  startDate: string;
  endDate: string;
  halfDay: boolean;
  people: string[];
}

/** A page (by id) of the visits of one unit's leaders in the span. */
export async function visitFactRecords(db: Executor, r: FactsRange, unitId: number, page: { limit: number; afterId?: number | undefined }): Promise<VisitFactRecord[]> {
  const res = await sql<VisitFactRecord>`
    select v.id, v.purpose, to_char(v.start_date, 'YYYY-MM-DD') as "startDate", to_char(v.end_date, 'YYYY-MM-DD') as "endDate", v.half_day as "halfDay",
      array_agg(p.name order by p.id) as "people"
    from field_visit v
    join field_visit_person vp on vp.visit_id = v.id
    join person p on p.id = vp.person_id
    where p.unit_id = ${unitId} and p.active and p.rank <> 'other'
      and v.start_date <= ${r.asOf}::date and v.end_date >= ${r.from}::date and v.id > ${page.afterId ?? 0}
    group by v.id
    order by v.id
    limit ${page.limit}`.execute(db);
  return res.rows;
}

export interface FindingFactRecord {
  id: number;
  problem: string;
  visitId: number;
  taskId: number | null;
  resolved: boolean;
}

/** A page (by id) of the findings of visits one unit's people made in the span. */
export async function findingFactRecords(db: Executor, r: FactsRange, unitId: number, page: { limit: number; afterId?: number | undefined }): Promise<FindingFactRecord[]> {
  const res = await sql<FindingFactRecord>`
    select f.id, f.problem, f.visit_id as "visitId", f.task_id as "taskId", coalesce(t.verified_at < ${tsOf(addDays(r.asOf, 1))}::timestamptz, false) as "resolved"
    from field_finding f
    join field_visit v on v.id = f.visit_id
    left join task t on t.id = f.task_id
    where v.start_date >= ${r.from}::date and v.start_date <= ${r.asOf}::date and f.id > ${page.afterId ?? 0}
      and exists (select 1 from field_visit_person vp join person p on p.id = vp.person_id where vp.visit_id = v.id and p.unit_id = ${unitId})
    order by f.id
    limit ${page.limit}`.execute(db);
  return res.rows;
}
