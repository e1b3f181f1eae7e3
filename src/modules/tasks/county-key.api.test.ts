import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { scopeOf } from '../../platform/auth/actor.ts';
import { addDays } from '../../platform/calendar/calendar.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { TaskViewStore, type LightDates, type ListPage, type TaskFilter } from './views-store.ts';
import { rng } from '../../demo/rng.ts';

// Issue 21 at province scale: task.county_id (kept by triggers, migration 202612040000) makes a
// county's ledger one index range. It must name exactly the tasks led in the county's subtree,
// through creates, changes of lead unit and units moving between counties, and a county's
// ledger read by the key must be the ledger read by the county's units.

const TODAY = '2026-10-14';
let ctx: TestContext;
let pref: Unit;
let prefDept: Unit;
let countyA: Unit;
let countyB: Unit;
let deptA: Unit;
let townA: Unit;
let townOffice: Unit;
let deptB: Unit;
let leader: Client;
let supervisorA: Client;

beforeAll(async () => {
  ctx = await createTestContext({ now: `${TODAY}T09:00:00+08:00` });
  const sys = ctx.system();
  const unit = (parentId: number | null, name: string, kind: 'region' | 'department', level?: 'prefecture' | 'county' | 'township') =>
    ctx.services.org.createUnit(sys, null, { parentId, code: `ck-${name}`, name, kind, ...(level ? { level } : {}) });
  pref = await unit(null, '甲市', 'region', 'prefecture');
  prefDept = await unit(pref.id, '市水利局', 'department');
  countyA = await unit(pref.id, '甲县', 'region', 'county');
  countyB = await unit(pref.id, '乙县', 'region', 'county');
  deptA = await unit(countyA.id, '甲县交通局', 'department');
  townA = await unit(countyA.id, '甲县一镇', 'region', 'township');
  townOffice = await unit(townA.id, '一镇农办', 'department');
  deptB = await unit(countyB.id, '乙县交通局', 'department');
  leader = await ctx.as(['leader', 'admin'], pref);
  supervisorA = await ctx.as(['supervisor'], countyA);
});
afterAll(() => ctx.close());

const db = () => ctx.handle.db;
const countyOf = async (taskId: number) => (await db().selectFrom('task').select('countyId').where('id', '=', taskId).executeTakeFirstOrThrow()).countyId;
const ledgerIds = async (c: Client, q: string) => ((await c.get(`/api/v1/tasks?limit=200&${q}`)).json().items as { id: number }[]).map((t) => t.id);

describe('the county key of a task', () => {
  it('names the county of the lead unit: the county itself, its departments and townships; none above county level', async () => {
    const task = (u: Unit) => ctx.newTask({ by: leader.person, leadUnitId: u.id, title: `县键 ${u.name}`, deadline: '2026-12-30' });
    expect(await countyOf((await task(countyA)).id)).toBe(countyA.id);
    expect(await countyOf((await task(deptA)).id)).toBe(countyA.id);
    expect(await countyOf((await task(townOffice)).id)).toBe(countyA.id);
    expect(await countyOf((await task(deptB)).id)).toBe(countyB.id);
    expect(await countyOf((await task(prefDept)).id)).toBeNull();
    expect(await countyOf((await task(pref)).id)).toBeNull();
  });

  it('follows a change of lead unit and a township moving to another county, in the ledger too', async () => {
    const t = await ctx.newTask({ by: leader.person, leadUnitId: deptA.id, title: '改派的事项', deadline: '2026-12-30' });
    const edited = await leader.post(`/api/v1/tasks/${t.id}/edit`, { version: t.version, leadUnitId: deptB.id });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await countyOf(t.id)).toBe(countyB.id);
    expect(await ledgerIds(leader, `unitId=${countyB.id}`)).toContain(t.id);
    expect(await ledgerIds(leader, `unitId=${countyA.id}`)).not.toContain(t.id);

    const inTown = await ctx.newTask({ by: leader.person, leadUnitId: townOffice.id, title: '镇里的事项', deadline: '2026-12-30' });
    expect(await ledgerIds(supervisorA, `unitId=${countyA.id}&sort=deadline`)).toContain(inTown.id);
    const moved = await leader.patch(`/api/v1/units/${townA.id}`, { parentId: countyB.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await countyOf(inTown.id)).toBe(countyB.id);
    expect(await ledgerIds(leader, `unitId=${countyA.id}`)).not.toContain(inTown.id);
    expect(await ledgerIds(leader, `unitId=${countyB.id}`)).toContain(inTown.id);
    // And back: every task of the moved subtree follows.
    expect((await leader.patch(`/api/v1/units/${townA.id}`, { parentId: countyA.id })).statusCode).toBe(200);
    expect(await countyOf(inTown.id)).toBe(countyA.id);
    const wrong = await sql<{ n: number }>`select count(*)::int as n from task t join unit u on u.id = t.lead_unit_id
        where t.county_id is distinct from unit_county_id(u.path)`.execute(db());
    expect(wrong.rows[0]!.n).toBe(0);
  });

  it('reads a county’s ledger by its key exactly as by its units, for every filter, order and page', async () => {
    const random = rng(11);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const units = [countyA, deptA, townA, townOffice, deptB, prefDept];
    const statuses = ['assigned', 'signed', 'in_progress', 'submitted', 'returned', 'verified', 'closed', 'withdrawn'] as const;
    for (let i = 0; i < 90; i++) {
      const t = await ctx.newTask({ by: leader.person, leadUnitId: pick(units).id, title: `页 ${i}`, deadline: '2026-12-30' });
      // Few distinct deadlines, so pages break inside a day (the keyset's id part).
      const deadline = addDays(TODAY, Math.floor(random() * 8) * 3 - 9);
      await sql`update task set status = ${statuses[i % statuses.length]!}, deadline = ${deadline}::date,
          submitted_on = case when ${statuses[i % statuses.length]!} = 'submitted' then ${addDays(TODAY, -2)}::date end
        where id = ${t.id}`.execute(db());
    }
    const store = new TaskViewStore();
    const dates: LightDates = { today: TODAY, yellowBefore: addDays(TODAY, 5) };
    const actor = await ctx.actorOf(supervisorA.person);
    const base: TaskFilter = { scope: scopeOf(actor), viewerId: actor.personId, unitPath: countyA.path };
    const filters: Partial<TaskFilter>[] = [{}, { status: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'] }, { light: 'red' }, { light: 'yellow' }, { light: 'done' }, { overdue: true }, { status: ['verified'] }];
    const all = async (f: TaskFilter, sort: ListPage['sort'], byKey: boolean) => {
      const resolved = await store.resolve(db(), f);
      expect(resolved.scopeCountyId).toBe(countyA.id);
      if (f.unitPath) expect(resolved.countyId).toBe(countyA.id);
      const r = byKey ? resolved : { ...resolved, countyId: null, scopeCountyId: null };
      const ids: number[] = [];
      let after: ListPage['after'];
      for (let pages = 0; pages < 50; pages++) {
        const rows = await store.listQuery(db(), r, dates, { sort, limit: 4, ...(after ? { after } : {}) }).execute();
        ids.push(...rows.map((x) => x.id));
        if (rows.length < 4) break;
        const last = rows.at(-1)!;
        after = sort === 'deadline' ? [last.deadline, last.id] : [last.id, last.id];
      }
      return ids;
    };
    let seen = 0;
    // With the county as the unit filter, and without one (the county is the viewer's scope).
    for (const extra of [...filters, ...filters.map((x) => ({ ...x, unitPath: undefined }))]) {
      for (const sort of ['deadline', 'newest'] as const) {
        const f = { ...base, ...extra };
        const byUnits = await all(f, sort, false);
        expect(await all(f, sort, true), `${JSON.stringify(extra)} ${sort}`).toEqual(byUnits);
        seen += byUnits.length;
      }
    }
    expect(seen).toBeGreaterThan(200);
    // The workbench of the county's head: the county is both its scope and the subtree it heads.
    const head = await ctx.actorOf(await ctx.newPerson({ unit: countyA, roles: ['unit_head'] }));
    const wb = await store.resolve(db(), { scope: scopeOf(head), viewerId: head.personId, headPath: countyA.path, todo: 'sign' });
    expect([wb.scopeCountyId, wb.headCountyId]).toEqual([countyA.id, countyA.id]);
    const groups = async (f: typeof wb) => (await store.workbench(db(), f, dates, 100)).rows.map((r) => `${r.todoKind}:${r.id}`);
    const byKey = await groups(wb);
    expect(byKey.length).toBeGreaterThan(20);
    expect(byKey).toEqual(await groups({ ...wb, scopeCountyId: null, headCountyId: null }));
    // A township is not a county: its ledger keeps the unit list.
    expect((await store.resolve(db(), { ...base, unitPath: townA.path })).countyId).toBeNull();
    expect((await store.resolve(db(), { ...base, unitPath: deptA.path })).countyId).toBeNull();
  });

  it('states the county range so the planner can read task_county_unfinished_idx in deadline order', async () => {
    const store = new TaskViewStore();
    const actor = await ctx.actorOf(supervisorA.person);
    const f = await store.resolve(db(), { scope: scopeOf(actor), viewerId: actor.personId, unitPath: countyA.path, status: ['assigned', 'signed', 'in_progress', 'submitted', 'returned'] });
    const q = store.listQuery(db(), f, { today: TODAY, yellowBefore: addDays(TODAY, 5) }, { sort: 'deadline', limit: 26 }).compile();
    const plan = await db()
      .transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_bitmapscan = off`.execute(trx);
        const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]));
        return r.rows.map((x) => x['QUERY PLAN']).join('\n');
      });
    expect(plan).toContain('task_county_unfinished_idx');
    // The page is cut from the range in its order: no sort below the limit (a sort, if any, is of the page).
    const lines = plan.split('\n');
    const limit = lines.findIndex((l) => l.includes('Limit'));
    expect(lines.slice(limit + 1).find((l) => l.includes('->'))?.trim(), plan).toMatch(/^-> +Index Scan using task_county_unfinished_idx/);
  });
});
