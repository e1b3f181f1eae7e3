import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { appendAudit, archiveAudit, AUDIT_CHAINS, auditHeads, verifyAudit, verifyAuditArchive } from './audit.ts';

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

describe('audit archiving', () => {
  it('moves entries older than a day to a file that verifies alone; the chains go on from their anchors', async () => {
    const c = await createTestContext();
    const dir = mkdtempSync(path.join(tmpdir(), 'mashang-archive-'));
    try {
      const { db } = c.handle;
      const at = (iso: string) => ({ actorId: null, actorLogin: 'test', clientIp: null, now: new Date(iso) });
      const write = (iso: string, n: number) =>
        Promise.all(Array.from({ length: n }, (_, i) => db.transaction().execute((trx) => appendAudit(trx, at(iso), { action: 'test.old', objectType: 'test', objectId: i, after: { n: i, text: '旧记录' } }))));
      // Five entries of 2023, then three of now: the old ones are each chain's beginning.
      await write('2023-03-01T02:00:00Z', 5);
      await write('2026-12-01T01:00:00Z', 3);
      expect((await verifyAudit(db)).checked).toBe(8);
      const file = path.join(dir, 'audit-2023.jsonl');
      const result = await archiveAudit(db, { before: new Date('2023-06-01T00:00:00+08:00'), file, now: new Date('2026-12-01T01:00:00Z') });
      expect(result.entries).toBe(5);
      expect(await db.selectFrom('auditLog').select('action').where('action', '=', 'test.old').where('at', '<', new Date('2024-01-01T00:00:00Z')).execute()).toEqual([]);
      expect(await verifyAudit(db)).toEqual({ ok: true, checked: 3 });
      expect(await verifyAuditArchive(file)).toMatchObject({ ok: true, entries: 5, sha256: result.sha256 });
      const recorded = await db.selectFrom('auditArchive').selectAll().executeTakeFirstOrThrow();
      expect(recorded).toMatchObject({ entries: 5, fileName: 'audit-2023.jsonl', fileSha256: result.sha256 });
      // A changed line in the file is found.
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[1] = lines[1]!.replace('旧记录', '改过的');
      writeFileSync(path.join(dir, 'tampered.jsonl'), lines.join('\n'));
      expect(await verifyAuditArchive(path.join(dir, 'tampered.jsonl'))).toMatchObject({ ok: false, problem: expect.stringMatching(/content does not match its hash/) });
      // A line taken out is found.
      writeFileSync(path.join(dir, 'cut.jsonl'), [lines[0], ...lines.slice(2)].join('\n'));
      expect((await verifyAuditArchive(path.join(dir, 'cut.jsonl'))).ok).toBe(false);
      // Writing goes on after the anchors, and a second archiving continues from them.
      await c.newPerson();
      expect((await verifyAudit(db)).ok).toBe(true);
      const again = await archiveAudit(db, { before: new Date('2023-06-01T00:00:00+08:00'), file: path.join(dir, 'again.jsonl'), now: new Date() });
      expect(again.entries).toBe(0);
      expect(existsSync(path.join(dir, 'again.jsonl'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await c.close();
    }
  });

  it('archives a whole chain made only of old entries, and still refuses any other DELETE', async () => {
    const c = await createTestContext();
    const dir = mkdtempSync(path.join(tmpdir(), 'mashang-archive-'));
    try {
      const { db } = c.handle;
      await Promise.all([c.newPerson(), c.newPerson(), c.newUnit()]);
      const all = (await verifyAudit(db)).checked;
      expect(all).toBeGreaterThan(0);
      const file = path.join(dir, 'all.jsonl');
      // Everything written so far is older than tomorrow: every chain is archived to its head.
      const result = await archiveAudit(db, { before: new Date(c.clock.now().getTime() + 86_400_000), file, now: c.clock.now() });
      expect(result.entries).toBe(all);
      expect(await db.selectFrom('auditLog').select('seq').execute()).toEqual([]);
      expect(await verifyAudit(db)).toEqual({ ok: true, checked: 0 });
      expect(await verifyAuditArchive(file)).toMatchObject({ ok: true, entries: all });
      await db.transaction().execute((trx) => appendAudit(trx, c.system(), { action: 'test.after', objectType: 'test' }));
      expect(await verifyAudit(db)).toMatchObject({ ok: true, checked: 1 });
      // The trigger lets a DELETE through only inside an archiving transaction and only up to the anchor.
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
      await expect(
        db.transaction().execute(async (trx) => {
          await sql`select set_config('mashang.audit_archive', 'on', true)`.execute(trx);
          await sql`delete from audit_log`.execute(trx);
        }),
      ).rejects.toThrow(/append-only/);
      // A file that exists is not overwritten.
      await expect(archiveAudit(db, { before: new Date(c.clock.now().getTime() + 86_400_000), file, now: c.clock.now() })).rejects.toThrow(/EEXIST/);
      expect(await verifyAudit(db)).toMatchObject({ ok: true, checked: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await c.close();
    }
  });
});
