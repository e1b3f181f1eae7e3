import { sql, type Kysely } from 'kysely';

/**
 * What a board row shows of each component (key, name, score, weight), kept beside the full
 * components when a period is computed. Cut from `components` at every read (its facts and
 * explanations are ≈ 3 kB a row, stored compressed), it cost PostgreSQL 1.2 of the board's 1.6 ms
 * on province data. People's rows are not on a board: theirs stays empty.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table scoreboard_score add column brief jsonb not null default '[]'`.execute(db);
  await sql`update scoreboard_score set brief = (
      select coalesce(jsonb_agg(jsonb_build_object('key', c -> 'key', 'name', c -> 'name', 'score', c -> 'score', 'weight', c -> 'weight') order by o), '[]')
      from jsonb_array_elements(components) with ordinality as e(c, o))
    where subject_kind = 'unit'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table scoreboard_score drop column brief`.execute(db);
}
