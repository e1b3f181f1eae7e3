import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 催办 / 督办 by hand: a rung of the ladder may now be taken by a person (who, and that it was by
// hand), beside the scan's. Every written urging is kept on its own (a task is urged again and
// again), with its reply deadline and the unit's answer (情况说明). `open_urgings` counts the
// urgings not yet answered, so that what a person may do (answer) is decided from the row alone.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('task_escalation').addColumn('by_id', 'integer', (c) => c.references('person.id')).execute();
  await db.schema.alterTable('task_escalation').addColumn('manual', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.alterTable('task').addColumn('open_urgings', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('task_urging')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('urge', 'supervise')`))
    .addColumn('by_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reply_due', 'date', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('person.id'))
    .addColumn('answered_at', 'timestamptz')
    .addColumn('answered_on', 'date')
    .execute();
  await db.schema.createIndex('task_urging_task_idx').on('task_urging').columns(['task_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_urging').execute();
  await db.schema.alterTable('task').dropColumn('open_urgings').execute();
  await db.schema.alterTable('task_escalation').dropColumn('manual').execute();
  await db.schema.alterTable('task_escalation').dropColumn('by_id').execute();
}
