import { sql, type Kysely } from 'kysely';

/**
 * `meetings.speechDraftMaxChars.national` became `major` (a speech at a region-wide or higher
 * meeting, not only a national one). Stored overrides move to the new key, keeping their value.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update policy_override
       set overrides = jsonb_set(
             overrides #- '{meetings,speechDraftMaxChars,national}',
             '{meetings,speechDraftMaxChars,major}',
             overrides #> '{meetings,speechDraftMaxChars,national}')
     where overrides #> '{meetings,speechDraftMaxChars,national}' is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update policy_override
       set overrides = jsonb_set(
             overrides #- '{meetings,speechDraftMaxChars,major}',
             '{meetings,speechDraftMaxChars,national}',
             overrides #> '{meetings,speechDraftMaxChars,major}')
     where overrides #> '{meetings,speechDraftMaxChars,major}' is not null`.execute(db);
}
