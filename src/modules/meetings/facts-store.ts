import { sql } from 'kysely';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { Executor } from '../../platform/db/index.ts';
import { COUNTED_STATUSES } from './rules.ts';

/**
 * The facts of the meetings a unit organises in a span of days, for the scoreboard (比学赶超): one
 * grouped query for every unit at once. Days are Asia/Shanghai; the span is [from, asOf] (its last
 * day so far), and the same days a year earlier for the year-on-year count.
 */
export interface FactsRange {
  from: string;
  to: string;
  asOf: string;
}

export interface MeetingFactsRow {
  unitId: number;
  /** Meetings (planned, pending approval, held or concluded) starting in the span. */
  count: number;
  /** Of those, planned without a blocking finding (no override of the rules was needed). */
  compliant: number;
  /** Meetings starting in the same days a year earlier. */
  lastYear: number;
}

const startDay = sql`(m.starts_at at time zone 'Asia/Shanghai')::date`;
const blocked = sql`exists (select 1 from jsonb_array_elements(m.findings) f where f->>'severity' = 'block')`;
const yearBefore = (d: string) => sql`(${d}::date - interval '1 year')::date`;
const tsOf = (d: string) => `${d}T00:00:00+08:00`;

export async function meetingFacts(db: Executor, r: FactsRange): Promise<MeetingFactsRow[]> {
  const res = await sql<MeetingFactsRow>`
    select m.organizer_unit_id as "unitId",
      count(*) filter (where ${startDay} >= ${r.from}::date and ${startDay} <= ${r.asOf}::date)::int as "count",
      count(*) filter (where ${startDay} >= ${r.from}::date and ${startDay} <= ${r.asOf}::date and not ${blocked})::int as "compliant",
      count(*) filter (where ${startDay} >= ${yearBefore(r.from)} and ${startDay} <= ${yearBefore(r.asOf)})::int as "lastYear"
    from meeting m
    where m.status in (${sql.join(COUNTED_STATUSES)})
      and ((m.starts_at >= ${tsOf(r.from)}::timestamptz and m.starts_at < ${tsOf(addDays(r.asOf, 1))}::timestamptz)
        or (m.starts_at >= (${tsOf(r.from)}::timestamptz - interval '1 year' - interval '1 day') and m.starts_at < (${tsOf(addDays(r.asOf, 1))}::timestamptz - interval '1 year' + interval '1 day')))
    group by m.organizer_unit_id`.execute(db);
  return res.rows;
}

export interface MeetingFactRecord {
  id: number;
  title: string;
  status: string;
  startsAt: Date;
  compliant: boolean;
  blocks: number;
}

/** A page (by id) of the meetings of one unit behind the facts: those starting in the span. */
export async function meetingFactRecords(db: Executor, r: FactsRange, unitId: number, page: { limit: number; afterId?: number | undefined }): Promise<MeetingFactRecord[]> {
  const res = await sql<MeetingFactRecord>`
    select m.id, m.title, m.status, m.starts_at as "startsAt", not ${blocked} as "compliant",
      (select count(*) from jsonb_array_elements(m.findings) f where f->>'severity' = 'block')::int as "blocks"
    from meeting m
    where m.organizer_unit_id = ${unitId} and m.status in (${sql.join(COUNTED_STATUSES)})
      and m.starts_at >= ${tsOf(r.from)}::timestamptz and m.starts_at < ${tsOf(addDays(r.asOf, 1))}::timestamptz
      and m.id > ${page.afterId ?? 0}
    order by m.id
    limit ${page.limit}`.execute(db);
  return res.rows;
}
