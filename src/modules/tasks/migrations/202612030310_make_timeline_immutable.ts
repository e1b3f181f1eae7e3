import { sql, type Kysely } from 'kysely';

/**
 * A task's timeline (报送进展, 签收, 批示 …) is written once and never changed: an UPDATE of
 * `task_event` is refused, as an UPDATE of the audit log is. The audit entry of an action names
 * its event by id instead of copying it (issue 21: an entry of ≈ 360 bytes, not ≈ 600), so the
 * event's text must stay what it was. Deleting stays possible (benchmark clean-up; the app never
 * deletes events).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function task_event_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'task_event is written once (报送的进展不可修改)';
    end $$`.execute(db);
  await sql`create trigger task_event_no_update before update on task_event for each row execute function task_event_immutable()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger task_event_no_update on task_event`.execute(db);
  await sql`drop function task_event_immutable()`.execute(db);
}
