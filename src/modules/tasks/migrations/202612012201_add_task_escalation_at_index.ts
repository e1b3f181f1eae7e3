import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// The accountability module's job reads the 通报 and 问责建议 rungs reached since its last run
// (TaskService.rungsSince): a small partial index on when they fired keeps that read off the table.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index task_escalation_upper_at_idx on task_escalation (at, task_id) where level in ('notice', 'accountability')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists task_escalation_upper_at_idx`.execute(db);
}
