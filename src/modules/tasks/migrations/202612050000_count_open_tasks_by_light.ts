import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// Issue 21, "statistics and the workbench answer from per-unit counters": unfinished tasks counted
// by (county, lead unit, status, light), kept by a trigger on task in the write's own transaction,
// the light evaluated as of the dates in task_light_asof (the day and the yellow window's end, as
// views-store.ts LightDates). The lights move with the date: the light-counters job recounts every
// counter and moves the as-of dates in one transaction when the day turns (or the calendar or the
// yellow window changes what the dates are); a read uses the counters only when their as-of dates
// are exactly the ones it computes the light against, and counts live otherwise. Until the first
// recount the dates are null: the trigger does nothing and every read counts live.
// - task_open_light(t, today, yellow_before): the light of an unfinished task, exactly as
//   views-store.ts lightSql computes it (held together by views-open-counts.api.test.ts).
// - task_open_count: the counters, sharded by `slot` (the writing backend's pid mod 8), so that
//   concurrent writes to one unit's tasks rarely wait for one another's counter row; reads sum the
//   slots. A shard may go negative (the recount writes slot 0; a later write on another backend
//   takes one off its own slot). county_id 0: above county level (task.county_id null).
// - Recount and trigger exclude each other by the counter table's lock: the trigger takes ROW
//   EXCLUSIVE before it reads the as-of dates, the recount EXCLUSIVE before it reads the tasks. A
//   write whose trigger ran first is waited for and recounted; one whose trigger runs after sees
//   the new dates (each statement of a volatile function takes a new snapshot) and moves its task
//   from the light it had as of them. Readers are never blocked.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table task_light_asof (
      one boolean primary key default true check (one),
      today date,
      yellow_before date
    )`.execute(db);
  await sql`insert into task_light_asof (one) values (true)`.execute(db);
  await sql`create table task_open_count (
      county_id int not null,
      lead_unit_id int not null,
      status text not null,
      light text not null check (light in ('red', 'yellow', 'green')),
      slot smallint not null,
      n int not null,
      primary key (county_id, lead_unit_id, status, light, slot)
    )`.execute(db);
  await sql`create index task_open_count_lead_idx on task_open_count (lead_unit_id)`.execute(db);
  await sql`create function task_open_light(t task, today date, yellow_before date) returns text language sql immutable as $$
      select case
        when t.status = 'submitted' and t.submitted_on > t.deadline then 'red'
        when t.status <> 'submitted' and today > t.deadline then 'red'
        when t.status = 'submitted' then 'green'
        when t.deadline < yellow_before
          or (t.status = 'assigned' and today > t.sign_due)
          or (t.plan_due is not null and t.plan_at is null and t.status <> 'returned' and today > t.plan_due)
          or (t.next_report_due < today and t.status not in ('assigned', 'returned'))
          or (t.next_milestone_due < today)
          then 'yellow'
        else 'green' end
    $$`.execute(db);
  await sql`create function task_open_count_track() returns trigger language plpgsql as $$
    declare
      d task_light_asof%rowtype;
      old_light text;
      new_light text;
      s smallint := pg_backend_pid() % 8;
    begin
      lock table task_open_count in row exclusive mode;
      select * into d from task_light_asof;
      if d.today is null then return null; end if;
      if tg_op in ('UPDATE', 'DELETE') and old.status not in ('verified', 'closed', 'withdrawn') then
        old_light := task_open_light(old, d.today, d.yellow_before);
      end if;
      if tg_op in ('INSERT', 'UPDATE') and new.status not in ('verified', 'closed', 'withdrawn') then
        new_light := task_open_light(new, d.today, d.yellow_before);
      end if;
      if tg_op = 'UPDATE' and old_light is not distinct from new_light and old.status = new.status
        and old.lead_unit_id = new.lead_unit_id and old.county_id is not distinct from new.county_id then
        return null;
      end if;
      if old_light is not null then
        insert into task_open_count as c values (coalesce(old.county_id, 0), old.lead_unit_id, old.status, old_light, s, -1)
          on conflict (county_id, lead_unit_id, status, light, slot) do update set n = c.n - 1;
      end if;
      if new_light is not null then
        insert into task_open_count as c values (coalesce(new.county_id, 0), new.lead_unit_id, new.status, new_light, s, 1)
          on conflict (county_id, lead_unit_id, status, light, slot) do update set n = c.n + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger task_open_count_insert after insert on task for each row
      when (new.status not in ('verified', 'closed', 'withdrawn')) execute function task_open_count_track()`.execute(db);
  await sql`create trigger task_open_count_delete after delete on task for each row
      when (old.status not in ('verified', 'closed', 'withdrawn')) execute function task_open_count_track()`.execute(db);
  await sql`create trigger task_open_count_update after update of status, lead_unit_id, county_id, deadline, submitted_on, sign_due,
        plan_due, plan_at, next_report_due, next_milestone_due on task for each row
      when ((old.status not in ('verified', 'closed', 'withdrawn') or new.status not in ('verified', 'closed', 'withdrawn'))
        and (old.status, old.lead_unit_id, old.county_id, old.deadline, old.submitted_on, old.sign_due, old.plan_due, old.plan_at,
          old.next_report_due, old.next_milestone_due)
        is distinct from (new.status, new.lead_unit_id, new.county_id, new.deadline, new.submitted_on, new.sign_due, new.plan_due,
          new.plan_at, new.next_report_due, new.next_milestone_due))
      execute function task_open_count_track()`.execute(db);
  // Every counter anew as of the given dates, and the dates with them (one statement).
  await sql`create function task_open_count_recount(p_today date, p_yellow_before date) returns void language plpgsql as $$
    begin
      lock table task_open_count in exclusive mode;
      delete from task_open_count;
      insert into task_open_count (county_id, lead_unit_id, status, light, slot, n)
        select coalesce(t.county_id, 0), t.lead_unit_id, t.status, task_open_light(t, p_today, p_yellow_before), 0, count(*)
        from task t where t.status not in ('verified', 'closed', 'withdrawn')
        group by 1, 2, 3, 4;
      update task_light_asof set today = p_today, yellow_before = p_yellow_before;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists task_open_count_update on task`.execute(db);
  await sql`drop trigger if exists task_open_count_delete on task`.execute(db);
  await sql`drop trigger if exists task_open_count_insert on task`.execute(db);
  await sql`drop function if exists task_open_count_recount(date, date)`.execute(db);
  await sql`drop function if exists task_open_count_track()`.execute(db);
  await sql`drop function if exists task_open_light(task, date, date)`.execute(db);
  await sql`drop table if exists task_open_count`.execute(db);
  await sql`drop table if exists task_light_asof`.execute(db);
}
