import { sql, type Kysely } from 'kysely';

/**
 * Eight audit chains instead of one. Every write locked the one head row from its audit entry
 * to its commit, so commits (each waiting for its WAL flush, ≈ 3 ms on a durable server) ran one
 * at a time: on province data a create waited 37 ms on average for the head (BENCHMARKS.md). A
 * connection now appends to chain `pg_backend_pid() % 8 + 1`, so eight writers commit together
 * and a transaction still locks exactly one head (no deadlocks between chains).
 *
 * `link` is an entry's place in its chain (what the hash covers as "seq", so the existing chain 1
 * still verifies); `seq` stays the global, unique order the API lists by, now from a sequence
 * (gaps where a transaction rolled back).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence audit_seq owned by audit_log.seq`.execute(db);
  await sql`select setval('audit_seq', coalesce((select max(seq) from audit_log), 0) + 1, false)`.execute(db);
  await sql`alter table audit_log alter column seq set default nextval('audit_seq')`.execute(db);
  await sql`alter table audit_log add column chain smallint not null default 1, add column link bigint`.execute(db);
  await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
  await sql`update audit_log set link = seq`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
  await sql`alter table audit_log alter column link set not null`.execute(db);
  await sql`create unique index audit_chain_link_idx on audit_log (chain, link)`.execute(db);
  await sql`alter table audit_head drop constraint audit_head_id_check`.execute(db);
  await sql`alter table audit_head add constraint audit_head_id_check check (id between 1 and 8)`.execute(db);
  await sql`insert into audit_head (id, seq, hash) select g, 0, ${'0'.repeat(64)} from generate_series(2, 8) g`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from audit_head where id > 1`.execute(db);
  await sql`alter table audit_head drop constraint audit_head_id_check`.execute(db);
  await sql`alter table audit_head add constraint audit_head_id_check check (id = 1)`.execute(db);
  await sql`drop index audit_chain_link_idx`.execute(db);
  await sql`alter table audit_log drop column link, drop column chain`.execute(db);
  await sql`alter table audit_log alter column seq drop default`.execute(db);
  await sql`drop sequence audit_seq`.execute(db);
}
