import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 协办单位 take part: each co-unit signs for its part and reports its own progress, kept per
// (task, co-unit). Existing tasks get a part for each co-unit they name (not yet signed for).
// 撤回: a task the assigner withdraws before it is signed for gets the status `withdrawn` — a
// status, not a flag, so that every query that looks for open work (the escalation scan, the
// workbench, the scoreboard's facts) leaves it out without knowing of it.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('task_co_part')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('task.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('signed_at', 'timestamptz')
    .addColumn('signed_by', 'integer', (c) => c.references('person.id'))
    .addColumn('percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_text', 'text')
    .addColumn('last_report_at', 'timestamptz')
    .addColumn('reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('task_co_part_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('task_co_part_unit_idx').on('task_co_part').columns(['unit_id', 'task_id']).execute();
  await sql`insert into task_co_part (task_id, unit_id) select t.id, c.unit_id from task t cross join lateral unnest(t.co_unit_ids) as c(unit_id) on conflict do nothing`.execute(db);
  await sql`alter table task drop constraint task_status_check`.execute(db);
  await sql`alter table task add constraint task_status_check check (status in ('assigned', 'signed', 'in_progress', 'submitted', 'verified', 'closed', 'returned', 'withdrawn'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table task drop constraint task_status_check`.execute(db);
  await sql`alter table task add constraint task_status_check check (status in ('assigned', 'signed', 'in_progress', 'submitted', 'verified', 'closed', 'returned'))`.execute(db);
  await db.schema.dropTable('task_co_part').execute();
}
