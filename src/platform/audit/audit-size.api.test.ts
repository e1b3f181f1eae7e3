import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers/context.ts';
import { verifyAudit } from './audit.ts';

/**
 * Issue #21: "Audit ≤ 400 bytes per entry on average for progress reports". The size of a row is
 * `pg_column_size(a.*)` as the bench reports it (deterministic: a size, not a timing). PGlite is
 * PostgreSQL too, but the target is stated for the server: the assertion is made on both and the
 * figures printed with `AUDIT_SIZES=1`.
 */
let ctx: TestContext;
let leader: Client;
let head: Client;
let deptId: number;

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-09-21T09:00:00+08:00' });
  const county = await ctx.newUnit({ kind: 'region', level: 'county', name: '甲县' });
  const dept = await ctx.newUnit({ parent: county, name: '住建局' });
  deptId = dept.id;
  leader = await ctx.as(['leader'], await ctx.newUnit({ parent: county, name: '县政府办' }));
  head = await ctx.as(['unit_head'], dept);
});
afterAll(() => ctx.close());

interface Sizes {
  n: number;
  row: number;
  before: number;
  after: number;
  hash: number;
  prevHash: number;
  actorLogin: number;
  clientIp: number;
  action: number;
  objectType: number;
  objectId: number;
}

async function sizes(action: string): Promise<Sizes> {
  const { rows } = await sql<Record<keyof Sizes, string>>`
    select count(*) as n, avg(pg_column_size(a.*)) as row, avg(pg_column_size(a.before)) as before, avg(pg_column_size(a.after)) as after,
      avg(pg_column_size(a.hash)) as hash, avg(coalesce(pg_column_size(to_jsonb(a) -> 'prev_hash'), 0)) as "prevHash",
      avg(pg_column_size(a.actor_login)) as "actorLogin", avg(pg_column_size(a.client_ip)) as "clientIp",
      avg(pg_column_size(a.action)) as action, avg(pg_column_size(a.object_type)) as "objectType", avg(pg_column_size(a.object_id)) as "objectId"
    from audit_log a where a.action = ${action}`.execute(ctx.handle.db);
  const r = rows[0]!;
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(Number(v ?? 0) * 10) / 10])) as unknown as Sizes;
}

describe('audit entry size (issue #21)', () => {
  it('keeps a progress report entry at ≤ 400 bytes on average (pg_column_size of the row), and the chain verifies', async () => {
    const ids: { id: number; version: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const t = (await leader.post('/api/v1/tasks', { title: `老旧小区改造推进 ${i}`, level: 'normal', leadUnitId: deptId, deadline: '2026-10-30' })).json();
      const signed = await head.post(`/api/v1/tasks/${t.id}/sign`, { version: 1 });
      expect(signed.statusCode).toBe(200);
      ids.push({ id: t.id, version: signed.json().version });
    }
    // 50 reports, as the bench's "progress report (+audit)" writes them: a short text and a percent,
    // each on a new day, so that each moves the next report's due date (as a task's first report of
    // the day does: the larger entry).
    for (let round = 0; round < 5; round++) {
      ctx.clock.advance(86_400_000);
      const reporter = await ctx.login(head.person); // a new day, a new session
      for (const t of ids) {
        const res = await reporter.post(`/api/v1/tasks/${t.id}/progress`, { version: t.version, percent: 10 + round * 15, text: '基准进展报告' });
        expect(res.statusCode).toBe(200);
        t.version = res.json().version;
      }
    }
    const progress = await sizes('task.progress');
    const create = await sizes('task.create');
    const sign = await sizes('task.sign');
    if (process.env.AUDIT_SIZES) {
      const example = await ctx.handle.db.selectFrom('auditLog').select(['actorLogin', 'clientIp', 'before', 'after']).where('action', '=', 'task.progress').orderBy('seq', 'desc').executeTakeFirst();
      console.log(JSON.stringify({ kind: ctx.handle.kind, progress, create, sign, example }, null, 1));
    }
    expect(progress.n).toBe(50);
    expect(progress.row).toBeLessThanOrEqual(400);
    expect(await verifyAudit(ctx.handle.db)).toMatchObject({ ok: true });
  });
});
