import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 问责 evidence files: what a supervisor attaches to a record (约谈记录, 情况说明, photos), by
// its bytes' sniffed type, under the platform's upload limits; kept with the record for good.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accountability_attachment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('record_id', 'integer', (c) => c.notNull().references('accountability_record.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('accountability_attachment_record_idx').on('accountability_attachment').columns(['record_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('accountability_attachment').execute();
}
