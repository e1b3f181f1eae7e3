/**
 * Benchmark data: `npm run bench:generate -- --size county|prefecture|province
 * [--database-url URL | --data-dir DIR]`. Deterministic (every value follows from row numbers),
 * generated inside the database with INSERT … SELECT over generate_series (no round trips per
 * row, on PGlite and PostgreSQL alike). Prints the time taken and the database size.
 *
 * Shape: a 4-level tree (province → prefectures → counties → townships), each region with its
 * departments; people in every unit (the first is the unit head; regions also have a supervisor
 * and a leader); tasks led by departments and townships, ≈30 % open and spread over the lights
 * and levels, one in ten with a co-handling unit; the timeline (assigned, signed, progress) for
 * each task.
 */
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../src/platform/auth/password.ts';
import { addDays, WorkCalendar } from '../src/platform/calendar/calendar.ts';
import { builtinYears } from '../src/platform/calendar/builtin.ts';
import { defaultPolicy } from '../src/platform/policy.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { migrateAll } from '../src/modules/index.ts';
import { lightDatesFor } from '../src/modules/tasks/rules.ts';

/** `open`: how many twentieths of the tasks are unfinished (6: 30 %). */
export const SIZES = {
  county: { prefectures: 0, counties: 1, departments: 40, townships: 20, townshipOffices: 4, people: 3_000, tasks: 20_000, open: 6 },
  prefecture: { prefectures: 1, counties: 10, departments: 40, townships: 20, townshipOffices: 4, people: 30_000, tasks: 200_000, open: 6 },
  province: { prefectures: 14, counties: 12, departments: 40, townships: 20, townshipOffices: 4, people: 300_000, tasks: 2_000_000, open: 6 },
  /** The province with half its tasks open: 1,000,000 for the escalation scan's target. */
  'province-open': { prefectures: 14, counties: 12, departments: 40, townships: 20, townshipOffices: 4, people: 300_000, tasks: 2_000_000, open: 10 },
} as const;
export type Size = keyof typeof SIZES;
export const BENCH_PASSWORD = 'Bench-2026-mashang';
/** The day the data is generated around (and the server's clock during the benchmark). */
export const BENCH_TODAY = '2026-11-16';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

async function insertUnits(db: Db, rows: { parentId: number | null; code: string; name: string; kind: string; level: string; sortOrder: number }[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000).map((r) => ({ ...r, path: '/', createdAt: sql`now()`, updatedAt: sql`now()` }));
    const out = await db.insertInto('unit').values(batch).returning('id').execute();
    ids.push(...out.map((o: { id: number }) => o.id));
  }
  return ids;
}

/** One region's departments (and, for a county, its townships with their offices). */
async function region(db: Db, parentId: number | null, code: string, name: string, level: string, s: (typeof SIZES)[Size], sortOrder: number): Promise<number> {
  const [id] = await insertUnits(db, [{ parentId, code, name, kind: 'region', level, sortOrder }]);
  const deps = Array.from({ length: s.departments }, (_, d) => ({ parentId: id!, code: `${code}-d${d + 1}`, name: `${name}第${d + 1}局`, kind: 'department', level, sortOrder: d }));
  await insertUnits(db, deps);
  if (level === 'county') {
    const towns = await insertUnits(
      db,
      Array.from({ length: s.townships }, (_, t) => ({ parentId: id!, code: `${code}-t${t + 1}`, name: `${name}第${t + 1}镇`, kind: 'region', level: 'township', sortOrder: 100 + t })),
    );
    await insertUnits(
      db,
      towns.flatMap((tid, t) => Array.from({ length: s.townshipOffices }, (_, o) => ({ parentId: tid, code: `${code}-t${t + 1}-o${o + 1}`, name: `第${t + 1}镇第${o + 1}办`, kind: 'department', level: 'township', sortOrder: o }))),
    );
  }
  return id!;
}

/**
 * The rungs every overdue task has reached by today, as if the scan had run each day: rows in
 * task_escalation and the task's rung (no timeline events or notices: those are the scan's).
 * Then a benchmark of the scan measures its steady state, where only today's new rungs fire.
 */
async function preEscalate(db: Db) {
  const cal = new WorkCalendar(builtinYears());
  const days: { d: string; n: number }[] = [];
  // Overdue 工作日 for every deadline in the past year, by the real calendar.
  for (let i = 1; i <= 400; i++) {
    const d = addDays(BENCH_TODAY, -i);
    days.push({ d, n: cal.workdaysBetween(d, BENCH_TODAY) });
  }
  await sql`create temporary table bench_overdue (deadline date primary key, n int not null)`.execute(db);
  await sql`insert into bench_overdue select * from unnest(${days.map((x) => x.d)}::date[], ${days.map((x) => x.n)}::int[])`.execute(db);
  const ladder = Object.entries(defaultPolicy.tasks.escalation);
  for (const [i, [level, threshold]] of ladder.entries()) {
    await sql`insert into task_escalation (task_id, level, overdue_workdays, at, fired_at)
      select t.id, ${level}, o.n, now(), now() from task t join bench_overdue o on o.deadline = t.deadline
      where t.status in ('assigned', 'signed', 'in_progress') and o.n >= ${threshold}`.execute(db);
    await sql`update task t set escalation_rung = ${i + 1} from bench_overdue o
      where o.deadline = t.deadline and t.status in ('assigned', 'signed', 'in_progress') and o.n >= ${threshold}`.execute(db);
  }
}

export async function generate(db: Db, size: Size, log: (s: string) => void = console.log, opts: { preEscalate?: boolean } = {}) {
  const s = SIZES[size];
  const started = Date.now();
  const step = (what: string, t0: number) => log(`  ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const already = await db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(already.n) > 0) throw new Error('The database is not empty: generate into a fresh one.');

  let t0 = Date.now();
  if (size === 'county') {
    await region(db, null, 'c1', '基准县', 'county', s, 0);
  } else {
    const root = size.startsWith('province') ? await region(db, null, 'p', '基准省', 'province', s, 0) : null;
    for (let p = 1; p <= s.prefectures; p++) {
      const pid = await region(db, root, `p${p}`, `第${p}市`, 'prefecture', s, p);
      for (let c = 1; c <= s.counties; c++) await region(db, pid, `p${p}c${c}`, `第${p}市第${c}县`, 'county', s, 200 + c);
    }
  }
  // Materialized paths, root down.
  await sql`with recursive t as (
      select id, '/' || id || '/' as path from unit where parent_id is null
      union all select u.id, t.path || u.id || '/' from unit u join t on u.parent_id = t.id)
    update unit set path = t.path from t where unit.id = t.id`.execute(db);
  const units = Number((await db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  step(`${units.toLocaleString()} units`, t0);

  // People: the same number in every unit; #1 heads it; regions also get a supervisor (#2) and a leader (#3).
  t0 = Date.now();
  const perUnit = Math.max(4, Math.round(s.people / units));
  const hash = await hashPassword(BENCH_PASSWORD);
  await sql`insert into person (unit_id, name, login, rank, roles, password_hash, password_changed_at, created_at, updated_at)
    select u.id, '人员' || u.id || '-' || g, u.code || '.p' || g,
      case when g <= 3 and u.level in ('province', 'prefecture') then 'department' when g <= 3 and u.level = 'county' then 'county' when g = 1 then 'township' else 'other' end,
      case when g = 1 then array['unit_head'] when g = 2 and u.kind = 'region' then array['supervisor'] when g = 3 and u.kind = 'region' then array['leader'] else array['staff'] end,
      ${hash}, now(), now(), now()
    from unit u cross join generate_series(1, ${perUnit}) g order by u.id, g`.execute(db);
  const people = Number((await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  step(`${people.toLocaleString()} people (${perUnit} a unit)`, t0);

  // Tasks: led by departments and townships, assigned by a leader of the region above.
  t0 = Date.now();
  // Every lead unit's parent is a region: its leader (#3 of the region) assigns. Looked up by
  // login (unique index), not by scanning people per unit.
  await sql`create temporary table bench_lead as
    select row_number() over (order by u.id) as n, u.id as unit_id, h.id as head_id, l.id as leader_id, st.id as staff_id
    from unit u
    join unit par on par.id = u.parent_id
    join person h on h.login = u.code || '.p1'
    join person l on l.login = par.code || '.p3'
    left join person st on st.login = u.code || '.p4'
    where not (u.kind = 'region' and u.level <> 'township')`.execute(db);
  const leads = Number((await sql<{ n: number }>`select count(*)::int as n from bench_lead`.execute(db)).rows[0]!.n);
  // g → lead unit by a multiplicative hash; status by g % 20 (s.open of 20 open: 6 = 30 %); the
  // deadline spread around today makes the open ones red, yellow and green.
  const open = sql.lit(s.open);
  const verified = sql.lit(s.open + 7);
  await sql`insert into task (title, description, source_kind, source_ref, level, status, assigner_id, lead_unit_id, responsible_id, leader_id,
      deadline, original_deadline, assigned_at, sign_due, next_report_due, progress_percent, signed_at, submitted_at, submitted_on, verified_at, closed_at,
      completion, summary, escalation_rung, co_unit_ids, created_at, updated_at)
    select '基准事项 ' || g || ' 推进重点工作落实', '第 ' || g || ' 项工作任务的说明。',
      (array['directive','meeting','instruction','research','citizen','document','other'])[1 + g % 7], '文号〔2026〕' || g,
      (array['normal','normal','normal','key','key','major'])[1 + g % 6],
      x.status, l.leader_id, l.unit_id, case when x.status = 'assigned' then null else coalesce(l.staff_id, l.head_id) end, l.leader_id,
      x.deadline, x.deadline, x.assigned_at, (x.assigned_at at time zone 'Asia/Shanghai')::date + 1,
      case when x.status in ('signed', 'in_progress') then ${BENCH_TODAY}::date + (g % 9) - 2 end,
      case when x.status in ('verified', 'closed') then 100 when x.status = 'in_progress' then g % 90 else 0 end,
      case when x.status <> 'assigned' then x.assigned_at + interval '1 day' end,
      case when x.status in ('verified', 'closed') then x.assigned_at + interval '20 days' end,
      case when x.status in ('verified', 'closed') then (x.assigned_at at time zone 'Asia/Shanghai')::date + 20 end,
      case when x.status in ('verified', 'closed') then x.assigned_at + interval '21 days' end,
      case when x.status = 'closed' then x.assigned_at + interval '22 days' end,
      case when x.status in ('verified', 'closed') then '{"text":"已完成"}'::jsonb end,
      case when x.status in ('verified', 'closed') then '{"done":"完成","result":"达标","lessons":"无"}'::jsonb end,
      0, case when c.unit_id is null then '{}'::int[] else array[c.unit_id] end, x.assigned_at, x.assigned_at
    from generate_series(1, ${s.tasks}) g
    cross join lateral (select
        case when g % 20 < 2 then 'assigned' when g % 20 < 3 then 'signed' when g % 20 < ${open} then 'in_progress' when g % 20 < ${verified} then 'verified' else 'closed' end as status,
        case when g % 20 < ${open} then ${BENCH_TODAY}::date + ((g * 7) % 50) - 15 else ${BENCH_TODAY}::date - ((g * 13) % 300) end as deadline,
        case when g % 20 < ${open} then (${BENCH_TODAY}::date - 10 - (g % 20))::timestamp at time zone 'Asia/Shanghai' else (${BENCH_TODAY}::date - ((g * 13) % 300) - 30)::timestamp at time zone 'Asia/Shanghai' end as assigned_at) x
    join bench_lead l on l.n = 1 + ((g::bigint * 2654435761) % ${leads})
    -- Every tenth task has a co-handling unit (协办): the next lead unit, usually a sibling.
    left join bench_lead c on g % 10 = 0 and c.n = 1 + ((g::bigint * 2654435761 + 1) % ${leads})`.execute(db);
  step(`${s.tasks.toLocaleString()} tasks over ${leads.toLocaleString()} lead units`, t0);

  // The timeline: assigned for all, signed for the signed-for, and progress reports (≈2.5 events a task).
  t0 = Date.now();
  await sql`insert into task_event (task_id, kind, actor_id, at, data)
    select t.id, 'assigned', t.assigner_id, t.assigned_at, jsonb_build_object('deadline', t.deadline) from task t`.execute(db);
  await sql`insert into task_event (task_id, kind, actor_id, at, data)
    select t.id, 'sign', t.responsible_id, t.signed_at, '{}'::jsonb from task t where t.signed_at is not null`.execute(db);
  await sql`insert into task_event (task_id, kind, actor_id, at, data)
    select t.id, 'progress', t.responsible_id, t.signed_at + k * interval '3 days', jsonb_build_object('percent', 30 * k, 'text', '第 ' || k || ' 次进展报告')
    from task t cross join generate_series(1, 2) k where t.signed_at is not null and (t.id + k) % 3 <> 0`.execute(db);
  const events = Number((await sql<{ n: number }>`select count(*)::int as n from task_event`.execute(db)).rows[0]!.n);
  step(`${events.toLocaleString()} events`, t0);

  if (opts.preEscalate ?? size !== 'county') {
    t0 = Date.now();
    await preEscalate(db);
    step('rungs reached so far (as if scanned daily)', t0);
  }

  // The open-task counters as of the benchmark's day, as the light-counters job leaves them (a
  // server started with MASHANG_JOBS=0 never recounts them: it would count live).
  t0 = Date.now();
  const dates = lightDatesFor(BENCH_TODAY, new WorkCalendar(builtinYears()), defaultPolicy);
  await sql`select task_open_count_recount(${dates.today}::date, ${dates.yellowBefore}::date)`.execute(db);
  step(`open-task counters as of ${dates.today}`, t0);

  t0 = Date.now();
  // As a running server with autovacuum would have it: statistics, and the visibility map.
  await sql`vacuum analyze`.execute(db);
  step('vacuum analyze', t0);
  const bytes = Number((await sql<{ n: string }>`select pg_database_size(current_database())::text as n`.execute(db)).rows[0]!.n);
  const seconds = (Date.now() - started) / 1000;
  log(`Generated ${size} in ${seconds.toFixed(1)} s; database size ${(bytes / 1024 / 1024).toFixed(0)} MB.`);
  return { size, units, people, tasks: s.tasks, events, seconds, databaseBytes: bytes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: 'county' }, 'database-url': { type: 'string' }, 'data-dir': { type: 'string' } } });
  const size = values.size as Size;
  if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  const handle = await openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { dataDir: values['data-dir'] ?? `bench/data-${size}` });
  console.log(`Generating ${size} into ${databaseUrl ? 'PostgreSQL' : `PGlite at ${values['data-dir'] ?? `bench/data-${size}`}`}…`);
  await migrateAll(handle.db);
  await generate(handle.db, size);
  await handle.close();
}
