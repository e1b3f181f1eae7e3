import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// GIN indexes write new entries to a pending list that only VACUUM (or a full list) merges. The
// embedded PGlite runs no autovacuum, so the list grows to 4 MB and every co-unit lookup reads it
// (1.8 ms a probe, 141 probes for a county: the county ledger went from 47 ms to 355 ms), and the
// insert that fills it pays for the merge. Without the list, each insert updates the index
// itself: a few more microseconds per task, and reads stay indexed. Existing lists are merged now.
export async function up(db: Kysely<any>): Promise<void> {
  for (const index of ['task_co_units_idx', 'task_title_trgm_idx']) {
    await sql`alter index ${sql.id(index)} set (fastupdate = off)`.execute(db);
    await sql`select gin_clean_pending_list(${index}::regclass)`.execute(db);
  }
}
