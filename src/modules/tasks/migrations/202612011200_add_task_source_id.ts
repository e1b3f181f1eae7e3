import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// A task's origin as a structured link: the id of the record in the module it came from (the
// meeting, the field finding, the citizen request), beside the kind it already had. Indexed for
// "every task of meeting 12" and for the modules that follow their tasks.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task').addColumn('source_id', 'integer').execute();
  await sql`create index task_source_idx on task (source_kind, source_id, id) where source_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists task_source_idx`.execute(db);
  await db.schema.alterTable('task').dropColumn('source_id').execute();
}
