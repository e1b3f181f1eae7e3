import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// A rung's `at` is now the working day it became due (several found at once after a stop or an
// import are spread over the days they were due); `fired_at` is when the scan recorded it. The
// modules that follow the rungs as they are recorded (accountability's drafts) read `fired_at`,
// so a rung stamped in the past is not passed over; the partial index moves with them.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_escalation').addColumn('fired_at', 'timestamptz').execute();
  await sql`update task_escalation set fired_at = at`.execute(db);
  await sql`alter table task_escalation alter column fired_at set not null`.execute(db);
  await sql`drop index if exists task_escalation_upper_at_idx`.execute(db);
  await sql`create index task_escalation_upper_fired_idx on task_escalation (fired_at, task_id) where level in ('notice', 'accountability')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists task_escalation_upper_fired_idx`.execute(db);
  await sql`create index task_escalation_upper_at_idx on task_escalation (at, task_id) where level in ('notice', 'accountability')`.execute(db);
  await db.schema.alterTable('task_escalation').dropColumn('fired_at').execute();
}
