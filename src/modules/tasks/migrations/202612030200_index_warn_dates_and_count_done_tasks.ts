import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// Issue 21, "the list a county opens":
// - task_unfinished_warn_idx: an expression index on the date after which an unfinished task is
//   yellow or red whatever its deadline (the soonest sign/plan/report/milestone due that applies to
//   its status, as views-store.ts lightSql applies them; -infinity for a task submitted late, null
//   for one submitted in time). Yellow and "red or yellow" (the workbench's warn) are then
//   `deadline < yellowBefore or <this> < today`: two index ranges instead of the light of every
//   unfinished task of the scope. The queries state the expression exactly as below
//   (views-store.ts WARN_FROM): PostgreSQL matches an expression index only to the same expression.
//   An index, not a stored generated column: no column appears in the task rows the write path
//   reads back and audits (selectAll / returningAll), and nothing is written but the index entry.
// - task_done_count: finished tasks (verified, closed) per lead unit and status, kept by triggers in
//   the task write's own transaction: statistics add them to a live count of the unfinished tasks
//   instead of reading a county's finished ones. Only a change into or out of a finished status,
//   a finished task moved to another unit, or a finished task inserted or deleted touches it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index task_unfinished_warn_idx on task ((case
      when status = 'submitted' then case when submitted_on > deadline then '-infinity'::date end
      else least(
        case when status = 'assigned' then sign_due end,
        case when plan_at is null and status <> 'returned' then plan_due end,
        case when status not in ('assigned', 'returned') then next_report_due end,
        next_milestone_due)
      end)) where status not in ('verified', 'closed', 'withdrawn')`.execute(db);

  await sql`create table task_done_count (
      lead_unit_id int not null,
      status text not null check (status in ('verified', 'closed')),
      n int not null check (n >= 0),
      primary key (lead_unit_id, status)
    )`.execute(db);
  await sql`create function task_done_count_track() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.status in ('verified', 'closed') then
        update task_done_count set n = n - 1 where lead_unit_id = old.lead_unit_id and status = old.status;
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.status in ('verified', 'closed') then
        insert into task_done_count as c (lead_unit_id, status, n) values (new.lead_unit_id, new.status, 1)
          on conflict (lead_unit_id, status) do update set n = c.n + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger task_done_count_insert after insert on task for each row
      when (new.status in ('verified', 'closed')) execute function task_done_count_track()`.execute(db);
  await sql`create trigger task_done_count_delete after delete on task for each row
      when (old.status in ('verified', 'closed')) execute function task_done_count_track()`.execute(db);
  await sql`create trigger task_done_count_update after update of status, lead_unit_id on task for each row
      when ((old.status in ('verified', 'closed') or new.status in ('verified', 'closed'))
        and (old.status <> new.status or old.lead_unit_id <> new.lead_unit_id))
      execute function task_done_count_track()`.execute(db);
  await sql`insert into task_done_count (lead_unit_id, status, n)
      select lead_unit_id, status, count(*) from task where status in ('verified', 'closed') group by lead_unit_id, status`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists task_done_count_update on task`.execute(db);
  await sql`drop trigger if exists task_done_count_delete on task`.execute(db);
  await sql`drop trigger if exists task_done_count_insert on task`.execute(db);
  await sql`drop function if exists task_done_count_track()`.execute(db);
  await sql`drop table if exists task_done_count`.execute(db);
  await sql`drop index if exists task_unfinished_warn_idx`.execute(db);
}
