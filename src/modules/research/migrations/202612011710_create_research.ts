import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 一线工作法: places below the townships (villages, communities, enterprises, project sites,
// schools, clinics), field visits with their people and places, and the findings (each may become
// a supervised task).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('research_place')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('township_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('village', 'community', 'enterprise', 'project', 'school', 'clinic')`))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create unique index research_place_name_idx on research_place (township_id, name) where active`.execute(db);

  await db.schema
    .createTable('field_visit')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date', (c) => c.notNull())
    .addColumn('half_day', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('survey', 'onsite', 'petition', 'stationed', 'inspection')`))
    .addColumn('unannounced', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('seen', 'text')
    .addColumn('people_met', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('field_visit_dates', sql`end_date >= start_date and (not half_day or end_date = start_date)`)
    .execute();
  await db.schema.createIndex('field_visit_dates_idx').on('field_visit').columns(['start_date', 'id']).execute();

  await db.schema
    .createTable('field_visit_person')
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('field_visit.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addPrimaryKeyConstraint('field_visit_person_pk', ['visit_id', 'person_id'])
    .execute();
  // A person's visits (the quota, the feed).
  await db.schema.createIndex('field_visit_person_person_idx').on('field_visit_person').columns(['person_id', 'visit_id']).execute();

  await db.schema
    .createTable('field_visit_place')
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('field_visit.id').onDelete('cascade'))
    .addColumn('place_id', 'integer', (c) => c.notNull().references('research_place.id'))
    .addPrimaryKeyConstraint('field_visit_place_pk', ['visit_id', 'place_id'])
    .execute();
  await db.schema.createIndex('field_visit_place_place_idx').on('field_visit_place').columns(['place_id', 'visit_id']).execute();

  await db.schema
    .createTable('field_finding')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('visit_id', 'integer', (c) => c.notNull().references('field_visit.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    .addColumn('place_id', 'integer', (c) => c.references('research_place.id'))
    .addColumn('category', 'text')
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('low', 'medium', 'high')`))
    .addColumn('task_id', 'integer', (c) => c.references('task.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('field_finding_visit_idx').on('field_finding').columns(['visit_id', 'position']).execute();
  await sql`create index field_finding_task_idx on field_finding (task_id) where task_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('field_finding').execute();
  await db.schema.dropTable('field_visit_place').execute();
  await db.schema.dropTable('field_visit_person').execute();
  await db.schema.dropTable('field_visit').execute();
  await db.schema.dropTable('research_place').execute();
}
