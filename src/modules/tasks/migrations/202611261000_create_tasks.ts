import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  // Text search that works for Chinese (no word breaks): trigram indexes.
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('task')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('normal', 'key', 'major')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('assigned', 'signed', 'in_progress', 'submitted', 'verified', 'closed', 'returned')`))
    .addColumn('assigner_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('lead_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('co_unit_ids', sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('responsible_id', 'integer', (c) => c.references('person.id'))
    .addColumn('leader_id', 'integer', (c) => c.references('person.id'))
    .addColumn('standard', 'text')
    .addColumn('assessment', 'text')
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('deadline_estimated', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('original_deadline', 'date', (c) => c.notNull())
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sign_due', 'date', (c) => c.notNull())
    .addColumn('plan_due', 'date')
    .addColumn('plan_at', 'timestamptz')
    .addColumn('next_report_due', 'date')
    .addColumn('next_milestone_due', 'date')
    .addColumn('progress_percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_report_at', 'timestamptz')
    .addColumn('signed_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_on', 'date')
    .addColumn('verified_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('completion', 'jsonb')
    .addColumn('summary', 'jsonb')
    .addColumn('extensions_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pending_extension', 'boolean', (c) => c.notNull().defaultTo(false))
    // How many rungs of the ladder have fired (0–5): the scanner skips tasks at the top.
    .addColumn('escalation_rung', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_lead_unit_idx').on('task').columns(['lead_unit_id', 'id']).execute();
  await db.schema.createIndex('task_responsible_idx').on('task').columns(['responsible_id', 'id']).execute();
  await db.schema.createIndex('task_assigner_idx').on('task').columns(['assigner_id', 'id']).execute();
  await db.schema.createIndex('task_deadline_idx').on('task').columns(['deadline', 'id']).execute();
  await sql`create index task_open_deadline_idx on task (deadline, id) where status in ('assigned', 'signed', 'in_progress', 'returned') and escalation_rung < 5`.execute(db);
  await sql`create index task_co_units_idx on task using gin (co_unit_ids)`.execute(db);
  await sql`create index task_title_trgm_idx on task using gin (title gin_trgm_ops)`.execute(db);

  // The timeline: immutable events (progress reports among them).
  await db.schema
    .createTable('task_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('person.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('task_event_task_idx').on('task_event').columns(['task_id', 'id']).execute();

  await db.schema
    .createTable('task_milestone')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due', 'date', (c) => c.notNull())
    .addColumn('owner_id', 'integer', (c) => c.references('person.id'))
    .addColumn('done_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_milestone_task_idx').on('task_milestone').columns(['task_id', 'due']).execute();

  await db.schema
    .createTable('task_extension')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('current_deadline', 'date', (c) => c.notNull())
    .addColumn('new_deadline', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('decided_by', 'integer', (c) => c.references('person.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_extension_task_idx').on('task_extension').column('task_id').execute();

  // One row per task and rung: the unique key is what makes each level fire exactly once.
  await db.schema
    .createTable('task_escalation')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('remind', 'urge', 'supervise', 'notice', 'accountability')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('overdue_workdays', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_escalation_pk', ['task_id', 'level'])
    .execute();

  // A secret per person for the ICS feed URL (only its hash is stored).
  await db.schema
    .createTable('task_feed')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('person.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['task_feed', 'task_escalation', 'task_extension', 'task_milestone', 'task_event', 'task']) await db.schema.dropTable(t).execute();
}
