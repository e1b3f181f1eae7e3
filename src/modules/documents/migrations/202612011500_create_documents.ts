import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 发文: the documents registry (草稿 → 已体检 → 已印发 with a 文号) and the admins' list of
// formulaic phrases (one row; none stored means the list shipped with the code applies).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('document', 'single_topic', 'brief', 'report', 'speech_major', 'speech')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'checked', 'issued')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_source', 'text', (c) => c.notNull().defaultTo('text').check(sql`body_source in ('text', 'docx')`))
    .addColumn('file_name', 'text')
    .addColumn('characters', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.notNull().references('person.id'))
    // The year it counts in: the year it was drafted, then the year it was issued.
    .addColumn('year', 'integer', (c) => c.notNull())
    // The last check (文风体检), kept while the body is unchanged.
    .addColumn('verdict', 'text', (c) => c.check(sql`verdict in ('pass', 'revise', 'over_limit')`))
    .addColumn('findings', 'jsonb')
    .addColumn('phrases_per1000', 'real')
    .addColumn('checked_at', 'timestamptz')
    .addColumn('checked_by', 'integer', (c) => c.references('person.id'))
    // 印发
    .addColumn('number', 'text')
    .addColumn('issued_at', 'timestamptz')
    .addColumn('issued_by', 'integer', (c) => c.references('person.id'))
    .addColumn('explanation', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // A 文号 is unique per issuing unit and year.
  await sql`create unique index document_number_idx on document (unit_id, year, number) where number is not null`.execute(db);
  await db.schema.createIndex('document_unit_idx').on('document').columns(['unit_id', 'id']).execute();
  await db.schema.createIndex('document_year_idx').on('document').columns(['year', 'status']).execute();
  await sql`create index document_title_trgm_idx on document using gin (title gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('document_phrase_list')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('phrases', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('person.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_phrase_list').ifExists().execute();
  await db.schema.dropTable('document').ifExists().execute();
}
