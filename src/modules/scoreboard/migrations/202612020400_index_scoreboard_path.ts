import { sql, type Kysely } from 'kysely';

/**
 * The board reads a period's peer group under the reader's part of the tree
 * (`unit_path like '/1/4/%'`). The first index's `unit_path` uses the database's collation, which
 * a LIKE prefix cannot range over on a server with a non-C locale: the province run read all
 * 3,360 townships of the period and filtered them down to a county's 20. With text_pattern_ops
 * the prefix is a range of this index (as `unit_path_idx` does for units).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index scoreboard_score_board_path_idx on scoreboard_score (period, peer, unit_path text_pattern_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index scoreboard_score_board_path_idx`.execute(db);
}
