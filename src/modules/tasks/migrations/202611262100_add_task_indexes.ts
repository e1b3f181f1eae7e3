import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// The ledger's visibility test ORs lead unit, assigner, responsible, leader and co-units: each arm
// needs its own index for PostgreSQL to combine them (BitmapOr) instead of reading every task.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('task_leader_idx').on('task').columns(['leader_id', 'id']).execute();
  // Red, yellow and green are unfinished tasks, a minority once a year's work is done: the light
  // filters read them through this index instead of every task of the unit.
  await sql`create index task_unfinished_lead_idx on task (lead_unit_id, deadline) where status not in ('verified', 'closed')`.execute(db);
}
