import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// 通知渠道: group robots per unit, the SMS gateway (one row), each person's channel choices and
// quiet hours, and the morning digests sent (one per person and day).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('channel_robot')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull().check(sql`provider in ('dingtalk', 'wecom', 'feishu')`))
    .addColumn('url', 'text', (c) => c.notNull())
    // Needed in clear to sign each message (like webhook.secret); never returned after creation.
    .addColumn('secret', 'text')
    .addColumn('kinds', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('urgent_only', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('mention', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'integer', (c) => c.references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channel_robot_unit_idx').on('channel_robot').column('unit_id').execute();

  await db.schema
    .createTable('channel_sms_gateway')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('http', 'log')`))
    .addColumn('url', 'text')
    .addColumn('method', 'text', (c) => c.notNull().defaultTo('POST').check(sql`method in ('POST', 'PUT', 'GET')`))
    .addColumn('headers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('body_template', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('secret', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('person.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('channel_setting')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('person.id'))
    // { "tasks.assigned": ["email", "sms"], … }: a kind not named keeps the default (e-mail on, SMS off).
    .addColumn('choices', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('quiet_start', 'text')
    .addColumn('quiet_end', 'text')
    .addColumn('digest', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('channel_digest')
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('notification_id', 'integer', (c) => c.references('notification.id'))
    .addPrimaryKeyConstraint('channel_digest_pk', ['person_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['channel_digest', 'channel_setting', 'channel_sms_gateway', 'channel_robot']) await db.schema.dropTable(t).execute();
}
