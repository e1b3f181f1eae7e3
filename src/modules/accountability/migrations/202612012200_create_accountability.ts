import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 问责: records of 提醒 / 约谈 / 通报批评 / 诫勉 / 问责建议 against a unit or a person, with their
// evidence, in the states 草稿 → 印发 → 已说明 → 结案. `origin_key` makes the drafts made by the
// jobs idempotent: one per task and rung (task:<id>:<level>), one per unit and flag period
// (flag:<unit>:<month>).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accountability_record')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reminder', 'talk', 'criticism', 'admonition', 'recommendation')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'issued', 'explained', 'closed')`))
    .addColumn('target_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('target_person_id', 'integer', (c) => c.references('person.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('manual', 'escalation', 'public_flag')`))
    .addColumn('origin_key', 'text', (c) => c.unique())
    .addColumn('origin_at', 'timestamptz')
    .addColumn('task_id', 'integer', (c) => c.references('task.id'))
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('issued_by', 'integer', (c) => c.references('person.id'))
    .addColumn('issued_at', 'timestamptz')
    .addColumn('explanation', 'text')
    .addColumn('explained_by', 'integer', (c) => c.references('person.id'))
    .addColumn('explained_at', 'timestamptz')
    .addColumn('conclusion', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('person.id'))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The list, newest first; by target; the job's cursor over escalation rungs.
  await db.schema.createIndex('accountability_created_idx').on('accountability_record').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('accountability_target_unit_idx').on('accountability_record').columns(['target_unit_id', 'status']).execute();
  await db.schema.createIndex('accountability_target_person_idx').on('accountability_record').columns(['target_person_id']).execute();
  await db.schema.createIndex('accountability_origin_at_idx').on('accountability_record').columns(['origin', 'origin_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('accountability_record').execute();
}
