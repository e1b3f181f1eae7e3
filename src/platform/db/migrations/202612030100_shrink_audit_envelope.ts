import { sql, type Kysely } from 'kysely';

/**
 * Issue #21, an audit entry of ≤ 400 bytes: the envelope, not the diff, was most of a progress
 * report's entry. Two changes, in one rewrite of the table (one ALTER TABLE: the type change
 * rewrites every row once, and the dropped column is gone from the rewritten rows):
 * - `hash` is the sha256's 32 bytes (`bytea`), not 64 hex characters (65 bytes stored);
 * - `prev_hash` is not stored: it is the previous entry's hash in the same chain (or the chain's
 *   archived anchor), which `audit verify` and `audit archive` carry as they walk the chain.
 * What is hashed does not change: the canonical JSON still has "prevHash" as hex text, so every
 * entry written before this migration still verifies, and the chain goes on across it. The heads
 * (`audit_head`, 8 rows) and the archive anchors keep hex text. The append-only trigger fires on
 * UPDATE and DELETE of rows, not on ALTER TABLE.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log drop column prev_hash, alter column hash type bytea using decode(hash, 'hex')`.execute(db);
}

/** Back to hex text with the previous hash stored in each row (from the chain's order). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log add column prev_hash text, alter column hash type text using encode(hash, 'hex')`.execute(db);
  await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
  await sql`update audit_log a set prev_hash = p.prev_hash
    from (select l.seq, coalesce(lag(l.hash) over (partition by l.chain order by l.link), h.archived_hash) as prev_hash
          from audit_log l join audit_head h on h.id = l.chain) p
    where a.seq = p.seq`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
  await sql`alter table audit_log alter column prev_hash set not null`.execute(db);
}
