import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// Issue 21, "the list a county opens", at province scale: a county's ledger in deadline order was
// read through task_unfinished_lead_idx, one range per unit of the county (141 in the benchmark
// province), and sorted — PostgreSQL cannot merge many index ranges in key order — so "the first
// 25 open tasks of the county by deadline" read and sorted all ≈ 3,500 of them.
// - task.county_id: the county a task's lead unit lies in (the shallowest county-level unit of its
//   path: the county region itself for its departments and townships), null above county level.
//   Kept by the database, not the application: a trigger sets it when a task is written with a
//   lead unit, and another when a unit moves (a township to another county carries its tasks).
// - task_county_unfinished_idx (county, deadline, id) over unfinished tasks, the predicate stated
//   exactly as views-store.ts UNFINISHED: a county's open tasks by deadline are one range that
//   stops after the page. task_county_deadline_idx: the same over every task but withdrawn (the
//   ledger without a status filter, its deep keyset pages).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table task add column county_id integer`.execute(db);
  // The county of a unit path '/1/5/23/…': its shallowest unit of level county (≤ 4 key probes).
  await sql`create function unit_county_id(unit_path text) returns integer language sql stable as $$
      select a.id from unit a
      where a.id = any(string_to_array(trim(both '/' from unit_path), '/')::int[]) and a.level = 'county'
      order by length(a.path) limit 1
    $$`.execute(db);
  await sql`create function unit_county_of(unit integer) returns integer language sql stable as $$
      select unit_county_id(u.path) from unit u where u.id = unit
    $$`.execute(db);
  await sql`create function task_county_set() returns trigger language plpgsql as $$
    begin
      new.county_id := unit_county_of(new.lead_unit_id);
      return new;
    end $$`.execute(db);
  await sql`create trigger task_county_insert before insert on task for each row execute function task_county_set()`.execute(db);
  await sql`create trigger task_county_update before update of lead_unit_id on task for each row
      when (old.lead_unit_id is distinct from new.lead_unit_id) execute function task_county_set()`.execute(db);
  // A moved unit (its path changes; its level never does) takes its tasks to its new county.
  await sql`create function unit_county_moved() returns trigger language plpgsql as $$
    declare c integer := unit_county_id(new.path);
    begin
      update task set county_id = c where lead_unit_id = new.id and county_id is distinct from c;
      return null;
    end $$`.execute(db);
  await sql`create trigger unit_county_moved after update of path on unit for each row
      when (old.path is distinct from new.path) execute function unit_county_moved()`.execute(db);

  // Filled by rewriting the table (a change of type with USING writes a new file and rebuilds its
  // indexes), not by an UPDATE of every row: that left the old row versions behind and doubled a
  // province's task table (1.4 → 2.4 GB) until a VACUUM FULL.
  await sql`alter table task alter column county_id type integer using unit_county_of(lead_unit_id)`.execute(db);
  await sql`create index task_county_unfinished_idx on task (county_id, deadline, id)
      where county_id is not null and status not in ('verified', 'closed', 'withdrawn')`.execute(db);
  await sql`create index task_county_deadline_idx on task (county_id, deadline, id)
      where county_id is not null and status <> 'withdrawn'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists task_county_deadline_idx`.execute(db);
  await sql`drop index if exists task_county_unfinished_idx`.execute(db);
  await sql`drop trigger if exists unit_county_moved on unit`.execute(db);
  await sql`drop function if exists unit_county_moved()`.execute(db);
  await sql`drop trigger if exists task_county_update on task`.execute(db);
  await sql`drop trigger if exists task_county_insert on task`.execute(db);
  await sql`drop function if exists task_county_set()`.execute(db);
  await sql`drop function if exists unit_county_of(integer)`.execute(db);
  await sql`drop function if exists unit_county_id(text)`.execute(db);
  await sql`alter table task drop column if exists county_id`.execute(db);
}
