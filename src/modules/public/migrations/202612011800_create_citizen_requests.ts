import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 群众口碑: citizens' requests (tracked by an unguessable code), their photos, ratings (one per
// round: a bad rating reopens the request and the citizen may rate again after the call-back),
// call-backs (回访), service windows with their visit codes (一次一评), and the client
// applications whose keys may post through Open311.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('open311_client')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('key_prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('citizen_request')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('consult', 'help', 'complaint', 'report', 'suggestion', 'praise')`))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('long', 'double precision')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('region_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('task_id', 'integer', (c) => c.references('task.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('submitted', 'assigned', 'answered', 'rated', 'reopened', 'rectified', 'called_back', 'declined', 'merged', 'forwarded')`),
    )
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('client_id', 'integer', (c) => c.references('open311_client.id'))
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledge_due', 'date', (c) => c.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('person.id'))
    .addColumn('assigned_on', 'date')
    .addColumn('deadline', 'date')
    .addColumn('reply', 'text')
    .addColumn('replied_at', 'timestamptz')
    .addColumn('replied_by', 'integer', (c) => c.references('person.id'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('rating_opened_at', 'timestamptz')
    .addColumn('decline_reason', 'text')
    .addColumn('merged_into', 'integer', (c) => c.references('citizen_request.id'))
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rectify_due', 'date')
    .addColumn('rectified_at', 'timestamptz')
    .addColumn('rectify_note', 'text')
    .addColumn('publishable', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The desk's queue and lists: by state within a region, newest first.
  await db.schema.createIndex('citizen_request_region_status_idx').on('citizen_request').columns(['region_id', 'status', 'id']).execute();
  await db.schema.createIndex('citizen_request_unit_idx').on('citizen_request').columns(['unit_id', 'id']).execute();
  // Duplicates: the same description and place within a day.
  await db.schema.createIndex('citizen_request_dedupe_idx').on('citizen_request').columns(['dedupe_key', 'submitted_at']).execute();
  // A task's transition finds its request.
  await sql`create index citizen_request_task_idx on citizen_request (task_id) where task_id is not null`.execute(db);
  await db.schema.createIndex('citizen_request_submitted_idx').on('citizen_request').columns(['submitted_at', 'id']).execute();

  await db.schema
    .createTable('citizen_request_photo')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('citizen_request.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citizen_request_photo_request_idx').on('citizen_request_photo').columns(['request_id']).execute();

  await db.schema
    .createTable('citizen_rating')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('citizen_request.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('rated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('citizen_rating_round_uq', ['request_id', 'round'])
    .execute();

  await db.schema
    .createTable('citizen_callback')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('request_id', 'integer', (c) => c.notNull().references('citizen_request.id').onDelete('cascade'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('called_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('called_at', 'timestamptz', (c) => c.notNull())
    .addColumn('said', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citizen_callback_request_idx').on('citizen_callback').columns(['request_id']).execute();

  await db.schema
    .createTable('service_window')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('window_visit')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('window_id', 'integer', (c) => c.notNull().references('service_window.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('issued_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.check(sql`level between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('rated_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('window_visit_window_idx').on('window_visit').columns(['window_id', 'rated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('window_visit').execute();
  await db.schema.dropTable('service_window').execute();
  await db.schema.dropTable('citizen_callback').execute();
  await db.schema.dropTable('citizen_rating').execute();
  await db.schema.dropTable('citizen_request_photo').execute();
  await db.schema.dropTable('citizen_request').execute();
  await db.schema.dropTable('open311_client').execute();
}
