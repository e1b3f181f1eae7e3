import type { Kysely } from 'kysely';

/**
 * 任职日期: the date the person's post at their rank began (optional). 一线工作法 prorates the
 * yearly field-day target of a person whose post began during the year; without the date the
 * whole year's target applies.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').addColumn('rank_since', 'date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').dropColumn('rank_since').execute();
}
