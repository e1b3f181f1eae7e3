import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { appendAudit, AUDIT_CHAINS, auditHeads, verifyAudit } from './audit.ts';

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
    const page = (await admin.get('/api/v1/audit?limit=2')).json();
    const list = page.items;
    expect(list).toHaveLength(2);
    expect(list[0].seq).toBeGreaterThan(list[1].seq);
    const next = (await admin.get(`/api/v1/audit?limit=2&cursor=${page.nextCursor}`)).json().items;
    expect(next[0].seq).toBeLessThan(list[1].seq);
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

  it('keeps every chain whole under concurrent writers, single entries and batches alike', async () => {
    const before = (await auditHeads(ctx.handle.db)).entries;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.handle.db.transaction().execute(async (trx) => {
          await appendAudit(trx, ctx.system(), { action: 'test.concurrent', objectType: 'test', objectId: i });
          if (i % 3 === 0) await appendAudit(trx, ctx.system(), { action: 'test.concurrent', objectType: 'test', objectId: i }, { action: 'test.concurrent', objectType: 'test', objectId: i });
        }),
      ),
    );
    expect(await verifyAudit(ctx.handle.db)).toMatchObject({ ok: true });
    expect((await auditHeads(ctx.handle.db)).entries).toBe(before + 20 + 7 * 2);
    const rows = await ctx.handle.db.selectFrom('auditLog').select(['seq', 'chain']).where('action', '=', 'test.concurrent').execute();
    expect(new Set(rows.map((r) => Number(r.seq))).size).toBe(rows.length); // seq stays unique across chains
    // A server's pool spreads writers over chains; the embedded database has one connection, one chain.
    if (ctx.handle.kind === 'pglite') expect(new Set(rows.map((r) => r.chain)).size).toBe(1);
    else expect(new Set(rows.map((r) => r.chain)).size).toBeGreaterThan(1);
    // The migration made one head per chain.
    const heads = await ctx.handle.db.selectFrom('auditHead').select('id').execute();
    expect(heads.map((h) => h.id).sort((a, b) => a - b)).toEqual(Array.from({ length: AUDIT_CHAINS }, (_, i) => i + 1));
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
      // The third entry of a chain that goes on after it (removing a chain's last entry is a cut tail).
      const third = await db
        .selectFrom('auditLog as a')
        .select(['a.seq', 'a.chain', 'a.link'])
        .where('a.link', '=', 3)
        .where((eb) => eb.exists(eb.selectFrom('auditLog as b').select('b.seq').whereRef('b.chain', '=', 'a.chain').where('b.link', '=', 4)))
        .orderBy('a.chain')
        .executeTakeFirstOrThrow();
      const seq = Number(third.seq);
      await sql`update audit_log set after = '{"tampered":true}' where seq = ${seq}`.execute(db);
      expect((await verifyAudit(db)).firstBroken).toEqual({ chain: third.chain, link: 3, seq, reason: 'content does not match its hash' });
      const admin = await ctx.as(['admin']);
      expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: false, firstBroken: { chain: third.chain, link: 3, seq } });
      await sql`delete from audit_log where seq = ${seq}`.execute(db);
      expect((await verifyAudit(db)).firstBroken).toEqual({ chain: third.chain, link: 3, seq: null, reason: `entry 3 of chain ${third.chain} is missing` });
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
      expect((await verifyAudit(db)).ok).toBe(true);
      const last = await db.selectFrom('auditLog').select(['seq', 'chain', 'link']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
      await sql`delete from audit_log where seq = ${last.seq}`.execute(db);
      expect(await verifyAudit(db)).toMatchObject({
        ok: false,
        firstBroken: { chain: last.chain, link: Number(last.link), seq: null, reason: `entries after the last one found in chain ${last.chain} were removed` },
      });
    } finally {
      await c.close();
    }
  });
});
