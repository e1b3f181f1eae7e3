import { sql, type Kysely } from 'kysely';

// Frozen in time: never import application code here.
// One "unfinished" predicate for every ledger view an office opens (open by deadline, red,
// yellow, a unit's open tasks, the workbench): the queries state it in exactly this form
// (views-store.ts UNFINISHED), so the planner matches these partial indexes whatever the status
// filter's spelling, and a page by deadline is an index range that stops after the page.
// - task_unfinished_deadline_idx: wide scopes (a county on county data, a province) walk it in
//   deadline order; before, they walked task_deadline_idx past every finished task.
// - task_unfinished_lead_idx gains withdrawn in its predicate and id in its key (keyset pages).
// - task_open_deadline_idx is read by nothing since the escalation scan has its own index
//   (task_escalation_due_idx): one index fewer on every write.
// - fillfactor 85: room on each page, so updates that change no indexed column (progress, the
//   report date, the version) stay HOT (new and rewritten pages; VACUUM FULL applies it to old).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists task_open_deadline_idx`.execute(db);
  await sql`drop index if exists task_unfinished_lead_idx`.execute(db);
  await sql`create index task_unfinished_lead_idx on task (lead_unit_id, deadline, id) where status not in ('verified', 'closed', 'withdrawn')`.execute(db);
  await sql`create index task_unfinished_deadline_idx on task (deadline, id) where status not in ('verified', 'closed', 'withdrawn')`.execute(db);
  await sql`alter table task set (fillfactor = 85)`.execute(db);
}
