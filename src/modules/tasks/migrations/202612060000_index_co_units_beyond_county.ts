import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// Issue 21, the workbench at p99 < 50 ms: a county's people also see the tasks led outside their
// county that one of its units co-handles (协办). Found by one GIN probe of task.co_unit_ids per
// unit of the county (141 in the benchmark province), each reading the co-handled tasks' rows to
// drop those led inside the county: ≈ 5 ms of every county head's workbench, to find none.
// - task_co_county (county, task): for each task, the counties of its co-units other than the
//   county it is led in (task.county_id; every county for a task led above county level). Rare
//   rows: co-handling across a county line. A county's co-handled tasks led elsewhere are one
//   range of its primary key.
// - Kept by the database, like task.county_id: a trigger on task when its co-units or its county
//   change (after task_county_set has set the county), one on unit when a unit moves (its
//   co-handled tasks may now cross a county line, or no longer).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table task_co_county (
      county_id integer not null,
      task_id integer not null references task (id) on delete cascade,
      primary key (county_id, task_id)
    )`.execute(db);
  await sql`create index task_co_county_task_idx on task_co_county (task_id)`.execute(db);
  // The rows of these tasks, rewritten from their co-units' counties as they are now.
  await sql`create function task_co_county_refresh(task_ids integer[]) returns void language sql as $$
      delete from task_co_county where task_id = any(task_ids);
      insert into task_co_county (county_id, task_id)
        select distinct c.county_id, t.id
        from task t cross join lateral unnest(t.co_unit_ids) as u(unit_id)
          cross join lateral (select unit_county_of(u.unit_id) as county_id) c
        where t.id = any(task_ids) and c.county_id is not null and c.county_id is distinct from t.county_id;
    $$`.execute(db);
  await sql`create function task_co_county_set() returns trigger language plpgsql as $$
    begin
      perform task_co_county_refresh(array[new.id]);
      return null;
    end $$`.execute(db);
  await sql`create trigger task_co_county_insert after insert on task for each row
      when (new.co_unit_ids <> '{}') execute function task_co_county_set()`.execute(db);
  // Of lead_unit_id too: task_county_set changes county_id in a BEFORE trigger, and an UPDATE OF
  // trigger fires only for the columns the statement itself sets.
  await sql`create trigger task_co_county_update after update of co_unit_ids, county_id, lead_unit_id on task for each row
      when (old.co_unit_ids is distinct from new.co_unit_ids or old.county_id is distinct from new.county_id)
      execute function task_co_county_set()`.execute(db);
  // A moved unit: the tasks it co-handles (their lead's county is moved by unit_county_moved, which
  // updates task.county_id and so the trigger above).
  await sql`create function unit_co_county_moved() returns trigger language plpgsql as $$
    begin
      perform task_co_county_refresh(array(select t.id from task t where t.co_unit_ids @> array[new.id]));
      return null;
    end $$`.execute(db);
  await sql`create trigger unit_co_county_moved after update of path on unit for each row
      when (old.path is distinct from new.path) execute function unit_co_county_moved()`.execute(db);
  await sql`insert into task_co_county (county_id, task_id)
      select distinct c.county_id, t.id
      from task t cross join lateral unnest(t.co_unit_ids) as u(unit_id)
        cross join lateral (select unit_county_of(u.unit_id) as county_id) c
      where c.county_id is not null and c.county_id is distinct from t.county_id`.execute(db);
  await sql`analyze task_co_county`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists unit_co_county_moved on unit`.execute(db);
  await sql`drop function if exists unit_co_county_moved()`.execute(db);
  await sql`drop trigger if exists task_co_county_update on task`.execute(db);
  await sql`drop trigger if exists task_co_county_insert on task`.execute(db);
  await sql`drop function if exists task_co_county_set()`.execute(db);
  await sql`drop function if exists task_co_county_refresh(integer[])`.execute(db);
  await sql`drop table if exists task_co_county`.execute(db);
}
