import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 比学赶超: the period table of scores (units and people), the computed periods (closed ones never
// change), and the model cases (典型) library.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('scoreboard_score')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull().check(sql`subject_kind in ('unit', 'person')`))
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('peer', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('unit_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('score', 'float8')
    .addColumn('rank', 'integer')
    .addColumn('change', 'float8')
    .addColumn('components', 'jsonb', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('scoreboard_score_pk', ['period', 'subject_kind', 'subject_id'])
    .execute();
  // The scoreboard's one read: a period's peer group, in scope, by group and rank.
  await db.schema.createIndex('scoreboard_score_board_idx').on('scoreboard_score').columns(['period', 'peer', 'unit_path', 'group_id', 'rank']).execute();
  // People of a unit.
  await db.schema.createIndex('scoreboard_score_unit_idx').on('scoreboard_score').columns(['period', 'unit_id']).execute();

  await db.schema
    .createTable('scoreboard_period')
    .addColumn('period', 'text', (c) => c.primaryKey())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('model_case')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('task_id', 'integer', (c) => c.references('task.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('nominated', 'selected', 'rejected')`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('nominated_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('decided_by', 'integer', (c) => c.references('person.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('model_case_status_idx').on('model_case').columns(['status', 'id']).execute();
  await db.schema.createIndex('model_case_unit_idx').on('model_case').columns(['unit_id', 'id']).execute();
  await sql`create index model_case_task_idx on model_case (task_id) where task_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('model_case').execute();
  await db.schema.dropTable('scoreboard_period').execute();
  await db.schema.dropTable('scoreboard_score').execute();
}
