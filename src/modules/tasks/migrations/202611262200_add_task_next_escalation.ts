import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// The day the escalation scan next needs to look at a task (the next rung's due date); null means
// "from the day after the deadline". The scan then reads only the tasks with a rung due, not every
// overdue task every minute.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task').addColumn('next_escalation_on', 'date').execute();
  await sql`create index task_escalation_due_idx on task ((coalesce(next_escalation_on, deadline + 1)), id)
    where status in ('assigned', 'signed', 'in_progress') and escalation_rung < 5`.execute(db);
}
