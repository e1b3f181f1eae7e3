import { sql } from 'kysely';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { Executor } from '../../platform/db/index.ts';

/**
 * The facts of the documents a unit issues in a span of days, for the scoreboard (比学赶超): one
 * grouped query for every unit at once. Days are Asia/Shanghai; the span is [from, asOf] (its last
 * day so far), and the same days a year earlier for the year-on-year count.
 */
export interface FactsRange {
  from: string;
  to: string;
  asOf: string;
}

export interface DocumentFactsRow {
  unitId: number;
  /** Documents issued (印发) in the span. */
  count: number;
  /** Of those, whose last writing-style check passed (字数、套话、重复 within the rules). */
  compliant: number;
  /** Documents issued in the same days a year earlier. */
  lastYear: number;
}

const issuedDay = sql`(d.issued_at at time zone 'Asia/Shanghai')::date`;
const yearBefore = (d: string) => sql`(${d}::date - interval '1 year')::date`;
const tsOf = (d: string) => `${d}T00:00:00+08:00`;

export async function documentFacts(db: Executor, r: FactsRange): Promise<DocumentFactsRow[]> {
  const res = await sql<DocumentFactsRow>`
    select d.unit_id as "unitId",
      count(*) filter (where ${issuedDay} >= ${r.from}::date and ${issuedDay} <= ${r.asOf}::date)::int as "count",
      count(*) filter (where ${issuedDay} >= ${r.from}::date and ${issuedDay} <= ${r.asOf}::date and d.verdict = 'pass')::int as "compliant",
      count(*) filter (where ${issuedDay} >= ${yearBefore(r.from)} and ${issuedDay} <= ${yearBefore(r.asOf)})::int as "lastYear"
    from document d
    where d.status = 'issued'
      and ((d.issued_at >= ${tsOf(r.from)}::timestamptz and d.issued_at < ${tsOf(addDays(r.asOf, 1))}::timestamptz)
        or (d.issued_at >= (${tsOf(r.from)}::timestamptz - interval '1 year' - interval '1 day') and d.issued_at < (${tsOf(addDays(r.asOf, 1))}::timestamptz - interval '1 year' + interval '1 day')))
    group by d.unit_id`.execute(db);
  return res.rows;
}

export interface DocumentFactRecord {
  id: number;
  title: string;
  number: string | null;
  issuedAt: Date;
  verdict: string | null;
  compliant: boolean;
}

/** A page (by id) of the documents of one unit behind the facts: those issued in the span. */
export async function documentFactRecords(db: Executor, r: FactsRange, unitId: number, page: { limit: number; afterId?: number | undefined }): Promise<DocumentFactRecord[]> {
  const res = await sql<DocumentFactRecord>`
    select d.id, d.title, d.number, d.issued_at as "issuedAt", d.verdict, coalesce(d.verdict = 'pass', false) as "compliant"
    from document d
    where d.unit_id = ${unitId} and d.status = 'issued'
      and d.issued_at >= ${tsOf(r.from)}::timestamptz and d.issued_at < ${tsOf(addDays(r.asOf, 1))}::timestamptz
      and d.id > ${page.afterId ?? 0}
    order by d.id
    limit ${page.limit}`.execute(db);
  return res.rows;
}
