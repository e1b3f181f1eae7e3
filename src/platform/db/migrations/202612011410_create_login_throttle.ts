import type { Kysely } from 'kysely';

/**
 * Login failures counted per login and client address (OWASP: a lock an outsider cannot use
 * against a person). The person's own counter (failed_logins, locked_until) goes: five wrong passwords from one
 * address lock that login from that address only, and an unknown login is counted the same way,
 * so the answers do not tell which logins exist.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('client_ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_pkey', ['login', 'client_ip'])
    .execute();
  await db.schema.createIndex('login_throttle_updated_idx').on('login_throttle').column('updated_at').execute();
  await db.schema.alterTable('person').dropColumn('failed_logins').dropColumn('locked_until').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('locked_until', 'timestamptz').execute();
  await db.schema.dropTable('login_throttle').execute();
}
