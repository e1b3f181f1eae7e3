import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 会议: the meeting, its agenda (planned and actual minutes), its attending units and its
// decisions (each becoming a supervised task when the meeting is concluded).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meeting')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('comprehensive', 'standing', 'topic', 'department', 'video')`))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('region', 'internal')`))
    .addColumn('organizer_unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('region_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('online', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('chair', 'text')
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending_approval', 'planned', 'held', 'concluded', 'cancelled', 'refused')`))
    .addColumn('findings', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('override_reason', 'text')
    .addColumn('planned_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('decided_by', 'integer', (c) => c.references('person.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_comment', 'text')
    .addColumn('concluded_by', 'integer', (c) => c.references('person.id'))
    .addColumn('concluded_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('meeting_ends_after_start', sql`ends_at > starts_at`)
    .execute();
  // The yearly counts: the organiser's comprehensive meetings, the region's meetings.
  await db.schema.createIndex('meeting_organizer_year_kind_idx').on('meeting').columns(['organizer_unit_id', 'year', 'kind']).execute();
  await db.schema.createIndex('meeting_region_year_idx').on('meeting').columns(['region_id', 'year', 'scope']).execute();
  // The list (newest first) and the merge window.
  await db.schema.createIndex('meeting_starts_idx').on('meeting').columns(['starts_at', 'id']).execute();
  await sql`create index meeting_title_trgm_idx on meeting using gin (title gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable('meeting_agenda_item')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('speaker_id', 'integer', (c) => c.references('person.id'))
    .addColumn('speaker', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('main', 'other')`))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('actual_minutes', 'integer')
    .addColumn('started_at', 'timestamptz')
    .addColumn('ended_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('meeting_agenda_meeting_idx').on('meeting_agenda_item').columns(['meeting_id', 'position']).execute();

  await db.schema
    .createTable('meeting_attendee')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addPrimaryKeyConstraint('meeting_attendee_pk', ['meeting_id', 'unit_id'])
    .execute();
  // Who sees a meeting: the people of its attending units.
  await db.schema.createIndex('meeting_attendee_unit_idx').on('meeting_attendee').columns(['unit_id', 'meeting_id']).execute();

  await db.schema
    .createTable('meeting_decision')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('lead_unit_id', 'integer', (c) => c.references('unit.id'))
    .addColumn('responsible_id', 'integer', (c) => c.references('person.id'))
    .addColumn('deadline', 'date')
    .addColumn('deadline_workdays', 'integer')
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('normal', 'key', 'major')`))
    .addColumn('task_id', 'integer', (c) => c.references('task.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_decision_meeting_idx').on('meeting_decision').columns(['meeting_id', 'position']).execute();
  // A task's verification finds its decision.
  await sql`create index meeting_decision_task_idx on meeting_decision (task_id) where task_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_decision').execute();
  await db.schema.dropTable('meeting_attendee').execute();
  await db.schema.dropTable('meeting_agenda_item').execute();
  await db.schema.dropTable('meeting').execute();
}
