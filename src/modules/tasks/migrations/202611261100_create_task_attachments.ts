import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_attachment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    // The progress report or completion it belongs to, once attached (null: uploaded, not yet used).
    .addColumn('event_id', 'integer', (c) => c.references('task_event.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // What the bytes are (sniffed), never what the client said.
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', sql`bytea`, (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_attachment_task_idx').on('task_attachment').columns(['task_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_attachment').execute();
}
