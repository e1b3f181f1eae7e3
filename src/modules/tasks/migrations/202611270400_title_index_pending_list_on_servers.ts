import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// On a PostgreSQL server, autovacuum merges GIN pending lists, so the title's trigram index (read
// only by the ledger's text search, `q=`) can have its list back: without it, every task update
// that cannot be HOT (the escalation scan moves next_escalation_on, which is indexed) inserted
// about thirty trigram entries one by one. The first escalation scan over 180,000 overdue tasks on
// province data: 44.6 s → 23.9 s. The co-unit index keeps no list (every ledger page probes it),
// and the embedded PGlite, which runs no autovacuum, keeps both off (migration 202611270100).
export async function up(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ embedded: boolean }>`select version() like '%wasm32%' as embedded`.execute(db);
  if (rows[0]?.embedded) return;
  await sql`alter index task_title_trgm_idx set (fastupdate = on)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter index task_title_trgm_idx set (fastupdate = off)`.execute(db);
}
