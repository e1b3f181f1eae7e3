import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 报告: periodic reports (周报告 / 月调度 / 季通报 / 年度考评) and 通报, drafted from data and issued
// with a 文号; an issued report keeps its content and its generated DOCX and XLSX as they were
// issued. 个人总结: one per person and period, prefilled with the tasks they closed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('weekly', 'monthly', 'quarterly', 'annual', 'notice')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'issued')`))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('edited_keys', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('year', 'integer')
    .addColumn('seq', 'integer')
    .addColumn('number', 'text')
    .addColumn('docx', 'bytea')
    .addColumn('xlsx', 'bytea')
    .addColumn('scheduled', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('issued_by', 'integer', (c) => c.references('person.id'))
    .addColumn('issued_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // One periodic report per region, kind and period (the job and a supervisor never make two); 通报 as many as needed.
  await sql`create unique index report_period_uq on report (unit_id, kind, period_key) where kind <> 'notice'`.execute(db);
  // 文号: one series per region, kind and year.
  await sql`create unique index report_number_uq on report (unit_id, kind, year, seq) where seq is not null`.execute(db);
  await db.schema.createIndex('report_created_idx').on('report').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('report_summary')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn('items', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('report_summary_person_period_uq', ['person_id', 'period_key'])
    .execute();
  await db.schema.createIndex('report_summary_unit_idx').on('report_summary').columns(['unit_id', 'period_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_summary').execute();
  await db.schema.dropTable('report').execute();
}
