import { sql, type Kysely } from 'kysely';

/**
 * Archiving the audit log (`mashang audit archive`): entries older than the policy's retention
 * are written to a file with their chain's anchors and then leave the hot table. Each chain's
 * head remembers where its archived part ends (link and hash), so `audit verify` starts there;
 * `audit_archive` lists what was moved out, with the file's sha256. The table stays append-only
 * but for that one move: a DELETE passes only inside an archiving transaction
 * (`mashang.audit_archive` set locally) and only for entries at or before the chain's anchor.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_head add column archived_link bigint not null default 0, add column archived_hash text not null default ${sql.lit('0'.repeat(64))}`.execute(db);
  await db.schema
    .createTable('audit_archive')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('archived_at', 'timestamptz', (c) => c.notNull())
    .addColumn('before', 'timestamptz', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    // [{ chain, afterLink, afterHash, throughLink, throughHash }]
    .addColumn('chains', 'jsonb', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .execute();
  await sql`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('mashang.audit_archive', true) = 'on'
        and old.link <= (select archived_link from audit_head where id = old.chain) then
        return old;
      end if;
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await db.schema.dropTable('audit_archive').execute();
  await sql`alter table audit_head drop column archived_link, drop column archived_hash`.execute(db);
}
