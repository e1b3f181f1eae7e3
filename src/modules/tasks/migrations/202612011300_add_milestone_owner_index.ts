import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// The owner of a milestone may see its task (policy.canSeeTask); the ledger's visibility test
// finds those tasks by owner, so the owner is indexed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index task_milestone_owner_idx on task_milestone (owner_id, task_id) where owner_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists task_milestone_owner_idx`.execute(db);
}
