import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import type { Unit } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/index.ts';
import { TASK_TRANSITIONS, type TaskTransition } from './events.ts';
import { LEDGER_COLUMNS } from './ledger.ts';

/**
 * The seams other modules build on: tasks created and moved inside another module's
 * transaction, the transitions a module hears of its tasks, the platform's reads inside a
 * transaction with every cache cold, and one create path for every door (route, import).
 * Runs on PGlite (one connection: a nested transaction would hang) and, under test:pg, on
 * PostgreSQL.
 */
let ctx: TestContext;
let county: Unit;
let dept: Unit;
let head: { id: number; login: string };
let staff: { id: number; login: string };
let leader: { id: number; login: string };

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
  county = await ctx.newUnit({ kind: 'region', level: 'county', name: '接缝县' });
  dept = await ctx.newUnit({ parent: county, name: '接缝局' });
  head = await ctx.newPerson({ unit: dept, roles: ['unit_head'] });
  staff = await ctx.newPerson({ unit: dept, roles: ['staff'] });
  leader = await ctx.newPerson({ unit: county, roles: ['leader', 'admin'] });
  // These tests name meetings, findings and requests by made-up ids: the source modules' own
  // checks (does the record exist?) are replaced here and tested below on a fresh app.
  for (const kind of ['meeting', 'research', 'citizen'] as const) ctx.services.tasks.setSourceCheck(kind, () => Promise.resolve(null));
});
afterAll(() => ctx.close());

/** Fails instead of hanging when something waits for the connection a transaction holds. */
function withinSeconds<T>(p: Promise<T>, s = 10): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${s} s: a query outside the transaction?`)), s * 1000))]);
}

const forgetCaches = () => {
  ctx.services.calendar.forget();
  ctx.services.policy.forget();
  ctx.services.org.unitIds.clear();
};

describe('tasks inside another module’s transaction', () => {
  it('creates five tasks and the caller’s own write in one transaction, with cold caches', async () => {
    forgetCaches();
    const a = await ctx.actorOf(leader);
    const ids = await withinSeconds(
      transact(ctx.handle.db, async (trx) => {
        const made: number[] = [];
        for (let i = 1; i <= 5; i++) {
          const t = await ctx.services.tasks.create(ctx.system(), a, { title: `会议决定 ${i}`, level: 'key', leadUnitId: dept.id, deadline: { workdays: 5 }, source: { kind: 'meeting', id: 12, ref: '第 3 次常务会议' } }, trx);
          made.push(t.id);
        }
        // The caller's own change, in the same transaction (a meeting's new state).
        await trx.insertInto('calendarYear').values({ year: 2099, holidays: '{}', workdays: '{}', note: 'seam test', updatedBy: null, updatedAt: new Date() }).execute();
        return made;
      }),
    );
    expect(ids).toHaveLength(5);
    const viaSource = await ctx.services.tasks.bySource('meeting', 12);
    expect(viaSource.map((s) => s.task.id)).toEqual(ids);
    expect(viaSource.every((s) => s.light.light === 'green' && s.task.sourceId === 12)).toBe(true);
    await ctx.handle.db.deleteFrom('calendarYear').where('year', '=', 2099).execute();
  });

  it('commits nothing when the caller’s transaction fails after the tasks were made', async () => {
    const a = await ctx.actorOf(leader);
    const before = (await ctx.services.tasks.bySource('meeting', 13)).length;
    await expect(
      transact(ctx.handle.db, async (trx) => {
        await ctx.services.tasks.create(ctx.system(), a, { title: '不该留下', level: 'normal', leadUnitId: dept.id, deadline: { workdays: 5 }, source: { kind: 'meeting', id: 13 } }, trx);
        await ctx.services.tasks.create(ctx.system(), a, { title: '不该留下 2', level: 'normal', leadUnitId: dept.id, deadline: { workdays: 5 }, source: { kind: 'meeting', id: 13 } }, trx);
        throw new Error('the meeting could not be concluded');
      }),
    ).rejects.toThrow('could not be concluded');
    expect((await ctx.services.tasks.bySource('meeting', 13)).length).toBe(before);
    const notices = await ctx.handle.db.selectFrom('notification').select('id').where('title', 'like', '%不该留下%').execute();
    expect(notices).toHaveLength(0);
  });

  it('runs a lifecycle action inside the caller’s transaction, and a refusal rolls the caller back', async () => {
    const t = await ctx.newTask({ leadUnit: dept, by: leader });
    const h = await ctx.actorOf(head);
    forgetCaches();
    const signed = await withinSeconds(transact(ctx.handle.db, (trx) => ctx.services.tasks.sign(ctx.system(), h, t.id, t.version, trx)));
    expect(signed.status).toBe('signed');
    // A stale version inside the caller's transaction: 409, and nothing of the caller's survives.
    await expect(
      transact(ctx.handle.db, async (trx) => {
        await trx.insertInto('calendarYear').values({ year: 2098, holidays: '{}', workdays: '{}', note: null, updatedBy: null, updatedAt: new Date() }).execute();
        await ctx.services.tasks.dispatch(ctx.system(), h, t.id, t.version, staff.id, undefined, trx);
      }),
    ).rejects.toMatchObject({ status: 409, code: 'STALE_VERSION' });
    expect(await ctx.handle.db.selectFrom('calendarYear').select('year').where('year', '=', 2098).executeTakeFirst()).toBeUndefined();
  });

  it('reads the calendar, policy, org and notify through the transaction with every cache cold', async () => {
    forgetCaches();
    const a = await ctx.actorOf(leader);
    await withinSeconds(
      transact(ctx.handle.db, async (trx) => {
        expect((await ctx.services.calendar.get(trx)).addWorkdays('2026-12-01', 1).date).toBe('2026-12-02');
        expect((await ctx.services.policy.forUnitPath(dept.path, trx)).tasks.signWithinWorkdays).toBeGreaterThan(0);
        expect((await ctx.services.org.getUnit(a, dept.id, trx)).id).toBe(dept.id);
        expect((await ctx.services.org.unitWithHeads(dept.id, trx))?.heads.map((x) => x.id)).toEqual([head.id]);
        expect((await ctx.services.org.unitPeopleWithRole(dept.id, 'unit_head', trx)).map((x) => x.id)).toEqual([head.id]);
        expect(await ctx.services.org.personInSubtree(staff.id, county.path, trx)).toMatchObject({ id: staff.id });
        expect(await ctx.services.org.personInSubtree(staff.id, '/0/', trx)).toBeUndefined();
        expect(Array.isArray(await ctx.services.org.supervisorsOver(dept.path, trx))).toBe(true);
        expect((await ctx.services.org.unitsByIds([dept.id, county.id], trx)).length).toBe(2);
        expect((await ctx.services.org.peopleByIds([leader.id], trx))[0]?.roles).toContain('leader');
        await ctx.services.notify.queue(trx, [{ recipientId: staff.id, kind: 'tasks.test', title: '接缝', body: '通知' }]);
        forgetCaches();
        const t = await ctx.services.tasks.create(ctx.system(), a, { title: '冷缓存', level: 'normal', leadUnitId: dept.id, deadline: { workdays: 3 } }, trx);
        expect((await ctx.services.tasks.state(t.id, trx))?.light.light).toBeDefined();
        expect((await ctx.services.tasks.detail(a, t.id, trx)).task.id).toBe(t.id);
      }),
    );
  });
});

describe('batch read of task states', () => {
  it('reads many tasks with their lights in one call, inside a transaction; unknown ids are left out', async () => {
    const a = await ctx.newTask({ leadUnit: dept, title: '批量 1' });
    const b = await ctx.newTask({ leadUnit: dept, title: '批量 2', deadline: '2026-12-02' });
    forgetCaches();
    const states = await withinSeconds(transact(ctx.handle.db, (trx) => ctx.services.tasks.states([b.id, a.id, a.id, 2_000_000_000], trx)));
    expect(states.map((s) => s.task.id)).toEqual([a.id, b.id]);
    expect(states.map((s) => s.light.light)).toEqual(['green', 'yellow']);
    expect(states[0]!.task.leadUnitPath).toBe(dept.path);
    expect(await ctx.services.tasks.states([])).toEqual([]);
  });
});

describe('task events', () => {
  it('delivers every transition kind of a source’s tasks, inside the transition’s transaction, to every subscriber', async () => {
    const heard: TaskTransition[] = [];
    const second: string[] = [];
    const offs = [
      ctx.services.tasks.subscribe('research', async (trx, e) => {
        // Inside the transaction: the task row already has the transition's state.
        const row = await trx.selectFrom('task').select(['status', 'version']).where('id', '=', e.task.id).executeTakeFirstOrThrow();
        expect(row.version).toBe(e.task.version);
        heard.push(e);
        return e.kind === 'verified' ? [{ recipientId: leader.id, kind: 'research.feedback', title: `调研发现已办结：${e.task.title}`, body: '', objectType: 'task', objectId: e.task.id }] : [];
      }),
      ctx.services.tasks.subscribe('research', async (_trx, e) => void second.push(e.kind), ['verified', 'escalated']),
      ctx.services.tasks.subscribe('meeting', async () => {
        throw new Error('a meeting subscriber must not hear research tasks');
      }),
    ];
    try {
      const sys = ctx.system();
      const [L, H] = [await ctx.actorOf(leader), await ctx.actorOf(head)];
      const t = ctx.services.tasks;
      const other = await ctx.newUnit({ parent: county, name: '接缝二局' });
      await ctx.newPerson({ unit: other, roles: ['unit_head'] });
      let x = await t.create(sys, L, { title: '调研发现', level: 'key', leadUnitId: dept.id, deadline: { workdays: 30 }, source: { kind: 'research', id: 7 } });
      x = await t.returnTask(sys, H, x.id, x.version, '不属于本单位职责');
      x = await t.reassign(sys, L, x.id, x.version, { leadUnitId: dept.id, note: '仍由本单位办理' });
      x = await t.sign(sys, H, x.id, x.version);
      x = await t.dispatch(sys, H, x.id, x.version, staff.id);
      const S = await ctx.actorOf(staff);
      x = await t.plan(sys, H, x.id, x.version, [{ title: '摸底', due: '2026-12-10', ownerId: staff.id }]);
      x = await t.progress(sys, S, x.id, x.version, { percent: 40, text: '已摸底' });
      // 催办 by hand (also the 催办 rung: `escalated` after `urged`), the unit's 情况说明, a 批示.
      const urged = await t.urge(sys, L, x.id, x.version, { level: 'urge', text: '请加快进度', replyDue: { workdays: 2 } });
      x = await t.answerUrging(sys, H, urged.task.id, urged.urgingId, urged.task.version, '正在加快办理');
      x = await t.instruct(sys, L, x.id, x.version, { text: '请本单位牵头，月底前报结果' });
      let ext = await t.requestExtension(sys, H, x.id, x.version, '需要更多时间', '2027-03-01');
      x = await t.decideExtension(sys, L, x.id, ext.extensionId, ext.task.version, false, '不同意');
      ext = await t.requestExtension(sys, H, x.id, x.version, '确需延期', '2027-03-01');
      x = await t.decideExtension(sys, L, x.id, ext.extensionId, ext.task.version, true);
      const summary = { done: '整改', result: '完成', lessons: '早抓' };
      x = await t.submit(sys, S, x.id, x.version, { text: '已完成' }, summary);
      x = await t.reject(sys, L, x.id, x.version, '材料不全');
      x = await t.submit(sys, S, x.id, x.version, { text: '已补齐' }, summary);
      x = await t.verify(sys, L, x.id, x.version, '同意');
      x = await t.close(sys, L, x.id, x.version);

      // A co-unit's part, an edit, files added and removed, and a withdrawal (issue #16).
      const coUnit = await ctx.newUnit({ parent: county, name: '接缝协办局' });
      const coHead = await ctx.actorOf(await ctx.newPerson({ unit: coUnit, roles: ['unit_head'] }));
      let y = await t.create(sys, L, { title: '协办发现', level: 'normal', leadUnitId: dept.id, coUnitIds: [coUnit.id], deadline: { workdays: 20 }, source: { kind: 'research', id: 9 } });
      y = await t.coSign(sys, coHead, y.id, y.version);
      y = await t.coProgress(sys, coHead, y.id, y.version, { percent: 50, text: '协办部分过半' });
      y = await t.edit(sys, L, y.id, y.version, { title: '协办发现（修订）' });
      const file = await ctx.services.taskAttachments.upload(sys, L, y.id, '方案.txt', Buffer.from('方案'));
      y = await t.attach(sys, L, y.id, y.version, [file.id], '补充方案');
      y = await t.removeAttachment(sys, L, y.id, y.version, file.id);
      await t.withdraw(sys, L, y.id, y.version, '与调研发现重复');

      // An overdue research task climbs the ladder: the scan delivers `escalated`.
      const late = await t.create(sys, L, { title: '超期发现', level: 'normal', leadUnitId: dept.id, deadline: '2026-12-01', source: { kind: 'research', id: 8 } });
      ctx.clock.set(new Date('2026-12-08T09:00:00+08:00'));
      try {
        await ctx.services.escalation.scan(ctx.handle.db, await ctx.services.calendar.get());
      } finally {
        ctx.clock.set(new Date('2026-12-01T09:00:00+08:00'));
      }

      const kinds = new Set(heard.map((e) => e.kind));
      for (const kind of TASK_TRANSITIONS) expect(kinds, kind).toContain(kind);
      expect(heard.filter((e) => e.task.id === late.id && e.kind === 'escalated').map((e) => e.data.level)).toContain('remind');
      // The subscriber sees the row with the rung reached already recorded.
      expect(heard.find((e) => e.task.id === late.id && e.kind === 'escalated')?.task.escalationRung).toBeGreaterThan(0);
      expect(heard.find((e) => e.kind === 'closed')?.task.status).toBe('closed');
      expect(heard.find((e) => e.kind === 'extended')?.task.deadline).toBe('2027-03-01');
      expect(second).toEqual(expect.arrayContaining(['verified', 'escalated']));
      expect(second.every((k) => k === 'verified' || k === 'escalated')).toBe(true);
      // What a subscriber returns is queued with the transition's own notices.
      const fb = await ctx.handle.db.selectFrom('notification').select(['kind', 'recipientId']).where('kind', '=', 'research.feedback').where('objectId', '=', String(x.id)).execute();
      expect(fb).toEqual([{ kind: 'research.feedback', recipientId: leader.id }]);
    } finally {
      for (const off of offs) off();
    }
  });

  it('rolls the transition back when a subscriber fails', async () => {
    const off = ctx.services.tasks.subscribe('citizen', async (_trx, e) => {
      if (e.kind === 'signed') throw new Error('the request could not follow its task');
    });
    try {
      const t = await ctx.newTask({ leadUnit: dept, by: leader, source: { kind: 'citizen', id: 99 } });
      await expect(ctx.services.tasks.sign(ctx.system(), await ctx.actorOf(head), t.id, t.version)).rejects.toThrow('could not follow');
      expect((await ctx.services.tasks.state(t.id))?.task.status).toBe('assigned');
    } finally {
      off();
    }
  });
});

describe('one create path', () => {
  async function ledgerFile(rows: Record<string, string>[]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('督办台账');
    ws.addRow(['督办事项台账']);
    ws.addRow([...LEDGER_COLUMNS]);
    for (const r of rows) ws.addRow(LEDGER_COLUMNS.map((c) => r[c] ?? ''));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('gives an imported ledger row the same event, notices and transition as the create route', async () => {
    const unit = await ctx.newUnit({ parent: county, name: '导入对照局' });
    const unitHead = await ctx.newPerson({ unit, roles: ['unit_head'] });
    const heard: string[] = [];
    const off = ctx.services.tasks.subscribe('directive', async (_trx, e) => void heard.push(`${e.kind}:${e.task.title}`));
    try {
      const client = await ctx.login(leader);
      const created = await client.post('/api/v1/tasks', { title: '路由交办', level: 'normal', leadUnitId: unit.id, deadline: '2026-12-31', source: { kind: 'directive', ref: '县委〔2026〕1号' } });
      expect(created.statusCode).toBe(201);
      const file = await ledgerFile([{ 事项名称: '台账导入', 来源: '上级部署：县委〔2026〕1号', 主办单位: '导入对照局', 完成时限: '2026-12-31', 状态: '已交办', 级别: '一般' }]);
      const imported = await ctx.inject({ method: 'POST', url: '/api/v1/tasks/import', headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: file });
      expect(imported.statusCode, imported.body).toBe(201);
      const tasks = await ctx.handle.db.selectFrom('task').select(['id', 'title', 'status', 'signDue', 'sourceKind']).where('leadUnitId', '=', unit.id).orderBy('id').execute();
      expect(tasks.map((t) => t.title)).toEqual(['路由交办', '台账导入']);
      const [a, b] = tasks as [(typeof tasks)[0], (typeof tasks)[0]];
      expect(b).toMatchObject({ status: a.status, signDue: a.signDue, sourceKind: a.sourceKind });
      const eventsOf = async (id: number) => (await ctx.handle.db.selectFrom('taskEvent').select('kind').where('taskId', '=', id).orderBy('id').execute()).map((e) => e.kind);
      expect(await eventsOf(a.id)).toEqual(['assigned']);
      expect(await eventsOf(b.id)).toEqual(['assigned', 'imported']);
      const noticesOf = async (id: number) => (await ctx.handle.db.selectFrom('notification').select(['recipientId', 'kind']).where('objectType', '=', 'task').where('objectId', '=', String(id)).execute());
      expect(await noticesOf(b.id)).toEqual(await noticesOf(a.id));
      expect(await noticesOf(a.id)).toEqual([{ recipientId: unitHead.id, kind: 'tasks.assigned' }]);
      expect(heard).toEqual(['assigned:路由交办', 'assigned:台账导入']);
    } finally {
      off();
    }
  });

  it('refuses, through either door, a co-unit outside the assigner’s scope', async () => {
    const township = await ctx.newUnit({ parent: county, kind: 'region', level: 'township', name: '接缝镇' });
    const townHead = await ctx.login(await ctx.newPerson({ unit: township, roles: ['unit_head'] }));
    const res = await townHead.post('/api/v1/tasks', { title: '越权协办', level: 'normal', leadUnitId: township.id, coUnitIds: [dept.id], deadline: '2026-12-31' });
    expect(res.statusCode).toBe(403);
    const ok = await townHead.post('/api/v1/tasks', { title: '本镇事项', level: 'normal', leadUnitId: township.id, deadline: '2026-12-31' });
    expect(ok.statusCode).toBe(201);
    // 退回, then 重新交办 to a county bureau outside the township head's scope: refused.
    const back = await (await ctx.login(await ctx.newPerson({ unit: township, roles: ['unit_head'] }))).post(`/api/v1/tasks/${ok.json().id}/return`, { version: ok.json().version, reason: '不属本镇' });
    expect(back.statusCode).toBe(200);
    const re = await townHead.post(`/api/v1/tasks/${ok.json().id}/reassign`, { version: back.json().version, leadUnitId: dept.id });
    expect(re.statusCode).toBe(403);
  });

  it('filters the ledger by source and source id, and refuses sourceId alone', async () => {
    const client = await ctx.login(leader);
    const page = (await client.get('/api/v1/tasks?source=meeting&sourceId=12&limit=50')).json();
    expect(page.items).toHaveLength(5);
    expect(page.items.every((t: { source: { kind: string; id: number } }) => t.source.kind === 'meeting' && t.source.id === 12)).toBe(true);
    expect((await client.get('/api/v1/tasks?sourceId=12')).statusCode).toBe(400);
    expect((await client.get('/api/v1/tasks?source=meeting&sourceId=777')).json().items).toEqual([]);
  });
});

describe('a task’s source record', () => {
  it('must exist when its module keeps such records (会议, 公文, 调研发现, 群众诉求); other kinds keep any id', async () => {
    const fresh = await createTestContext({ now: '2026-12-01T09:00:00+08:00' });
    try {
      const c = await fresh.newUnit({ kind: 'region', level: 'county', name: '来源县' });
      const d = await fresh.newUnit({ parent: c, name: '来源局' });
      const client = await fresh.login(await fresh.newPerson({ unit: c, roles: ['leader', 'admin'] }));
      const task = (source: object) => client.post('/api/v1/tasks', { title: '有来源的事项', level: 'normal', leadUnitId: d.id, deadline: '2026-12-31', source });
      for (const kind of ['meeting', 'document', 'research', 'citizen']) {
        const res = await task({ kind, id: 2147483600 });
        expect(res.statusCode, `${kind}: ${res.body}`).toBe(400);
        expect(res.json().error.details).toMatchObject({ field: 'source.id' });
        expect(res.json().error.message).toContain('2147483600');
      }
      expect((await task({ kind: 'directive', id: 12, ref: '省委〔2026〕12 号' })).statusCode).toBe(201);
      expect((await task({ kind: 'meeting' })).statusCode).toBe(201);
      // A citizen request that exists may be named.
      const filed = await fresh.inject({ method: 'POST', url: '/api/v1/public/requests', payload: { type: 'consult', category: 'roads', description: '请问村道什么时候修好' } });
      expect(filed.statusCode, filed.body).toBe(201);
      const requestId = (await fresh.handle.db.selectFrom('citizenRequest').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
      const cited = await task({ kind: 'citizen', id: requestId });
      expect(cited.statusCode, cited.body).toBe(201);
      expect(cited.json().source).toMatchObject({ kind: 'citizen', id: requestId });
    } finally {
      await fresh.close();
    }
  });
});
