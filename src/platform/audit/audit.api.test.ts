import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { appendAudit, verifyAudit } from './audit.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('audit chain', () => {
  it('links every write and verifies', async () => {
    const admin = await ctx.as(['admin']);
    await admin.post('/api/v1/auth/tokens', { name: 'x' });
    const result = await verifyAudit(ctx.handle.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThanOrEqual(4);
    const res = await admin.get('/api/v1/audit/verify');
    expect(res.json()).toMatchObject({ ok: true });
    const list = (await admin.get('/api/v1/audit?limit=2')).json().items;
    expect(list).toHaveLength(2);
    expect(list[0].seq).toBeGreaterThan(list[1].seq);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = await verifyAudit(ctx.handle.db);
    await expect(
      ctx.handle.db.transaction().execute(async (trx) => {
        await appendAudit(trx, ctx.system(), { action: 'test.rollback', objectType: 'test' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await verifyAudit(ctx.handle.db);
    expect(after).toEqual(before);
  });

  it('keeps one chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => ctx.handle.db.transaction().execute((trx) => appendAudit(trx, ctx.system(), { action: 'test.concurrent', objectType: 'test', objectId: i }))));
    expect((await verifyAudit(ctx.handle.db)).ok).toBe(true);
  });

  it('hashes single entries in the database exactly as the verifier does, whatever the text', async () => {
    const awkward = { title: '关于"马上办"的通知\n\t\\ \u2028 😀 \u0001', nested: { z: [1, 2.5, null, true], a: 'é' }, empty: {} };
    await ctx.handle.db.transaction().execute(async (trx) => {
      await appendAudit(trx, { actorId: null, actorLogin: null, clientIp: null, now: new Date('2026-12-01T01:02:03.456Z') }, { action: 'test.awkward', objectType: 'test', after: awkward });
    });
    await ctx.handle.db.transaction().execute(async (trx) => {
      await appendAudit(trx, { actorId: 7, actorLogin: '张三', clientIp: '::1', now: new Date('2026-12-01T01:02:03.999Z') }, { action: 'test.two', objectType: 'test', objectId: 'a"b', before: awkward, after: null });
      await appendAudit(trx, ctx.system(), { action: 'test.batch', objectType: 'test', objectId: 1 }, { action: 'test.batch', objectType: 'test', objectId: 2 });
    });
    const last = await ctx.handle.db.selectFrom('auditLog').select(['action', 'after']).orderBy('seq', 'desc').limit(4).execute();
    expect(last.map((r) => r.action)).toEqual(['test.batch', 'test.batch', 'test.two', 'test.awkward']);
    expect(last[3]!.after).toEqual(awkward);
    expect(await verifyAudit(ctx.handle.db)).toMatchObject({ ok: true });
  });

  it('refuses UPDATE and DELETE on audit rows', async () => {
    await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(ctx.handle.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(ctx.handle.db)).rejects.toThrow(/append-only/);
  });

  it('detects a tampered row, a removed row and a truncated tail, naming the first broken entry', async () => {
    const { db } = ctx.handle;
    const total = (await verifyAudit(db)).checked;
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
    try {
      await sql`update audit_log set after = '{"tampered":true}' where seq = 3`.execute(db);
      expect((await verifyAudit(db)).firstBroken).toEqual({ seq: 3, reason: 'content does not match its hash' });
      const admin = await ctx.as(['admin']);
      expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
      await sql`delete from audit_log where seq = 3`.execute(db);
      expect((await verifyAudit(db)).firstBroken).toEqual({ seq: 3, reason: 'entry 3 is missing' });
    } finally {
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
    }
    expect(total).toBeGreaterThan(3);
  });
});

describe('audit tail truncation', () => {
  it('is detected through the head row', async () => {
    const c = await createTestContext();
    try {
      await c.newPerson();
      const { db } = c.handle;
      const { checked } = await verifyAudit(db);
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
      await sql`delete from audit_log where seq = ${checked}`.execute(db);
      expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBroken: { seq: checked, reason: 'entries after the last one found were removed' } });
    } finally {
      await c.close();
    }
  });
});
