import { sql, type Kysely } from 'kysely';

/** Deliveries by group robot and SMS (the channels module's plugin sends them). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table delivery drop constraint delivery_channel_check`.execute(db);
  await sql`alter table delivery add constraint delivery_channel_check check (channel in ('email', 'webhook', 'robot', 'sms'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from delivery where channel in ('robot', 'sms')`.execute(db);
  await sql`alter table delivery drop constraint delivery_channel_check`.execute(db);
  await sql`alter table delivery add constraint delivery_channel_check check (channel in ('email', 'webhook'))`.execute(db);
}
