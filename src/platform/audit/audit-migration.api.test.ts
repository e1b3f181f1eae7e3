import { sql } from 'kysely';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import * as shrink from '../db/migrations/202612030100_shrink_audit_envelope.ts';
import { archiveAudit, AUDIT_CHAINS, canonicalJson, GENESIS_HASH, verifyAudit, verifyAuditArchive, type AuditContext } from './audit.ts';

/**
 * Migration 202612030100 (hashes as bytea, no stored prev_hash): a chain written in the old shape
 * (hex text, prev_hash in each row) verifies after it and goes on across it, and an archive file
 * written by the code before it still verifies.
 */
let ctx: TestContext;
let dir: string;
beforeAll(async () => {
  ctx = await createTestContext();
  dir = mkdtempSync(path.join(tmpdir(), 'mashang-audit-mig-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await ctx.close();
});

/** How the code before the migration appended one entry: hex text hashes, prev_hash stored. */
async function appendOld(c: AuditContext, e: { action: string; objectType: string; objectId: string | null; after: unknown }) {
  const at = new Date(Math.floor(c.now.getTime()));
  const whole = canonicalJson({ seq: 0, at: at.toISOString(), actorId: c.actorId, actorLogin: c.actorLogin, action: e.action, objectType: e.objectType, objectId: e.objectId, before: null, after: e.after, clientIp: c.clientIp, prevHash: GENESIS_HASH });
  const tail = `"prevHash":${JSON.stringify(GENESIS_HASH)},"seq":0}`;
  expect(whole.endsWith(tail)).toBe(true);
  const head = whole.slice(0, -tail.length) + '"prevHash":"';
  await ctx.handle.db.transaction().execute((trx) =>
    sql`with h as (select id, seq, hash from audit_head where id = mod(pg_backend_pid(), ${sql.lit(AUDIT_CHAINS)}) + 1 for update),
      e as (
        insert into audit_log (chain, link, at, actor_id, actor_login, action, object_type, object_id, before, after, client_ip, prev_hash, hash)
        select h.id, h.seq + 1, ${at}, ${c.actorId}, ${c.actorLogin}, ${e.action}, ${e.objectType}, ${e.objectId}, null, ${JSON.stringify(e.after)}::jsonb, ${c.clientIp}, h.hash,
          encode(sha256(convert_to(${head} || h.hash || '","seq":' || (h.seq + 1)::text || '}', 'UTF8')), 'hex')
        from h returning chain, link, hash
      )
      update audit_head set seq = e.link, hash = e.hash from e where audit_head.id = e.chain`.execute(trx),
  );
}

const columns = async () =>
  Object.fromEntries(
    (await sql<{ name: string; type: string }>`select column_name as name, data_type as type from information_schema.columns where table_name = 'audit_log'`.execute(ctx.handle.db)).rows.map((r) => [r.name, r.type]),
  );

describe('migration 202612030100: the audit envelope', () => {
  it('keeps a chain written in the old shape verifiable, before and after it, and an old archive file too', async () => {
    const { db } = ctx.handle;
    await ctx.newPerson(); // entries written by the app (new shape)
    const before = await verifyAudit(db);
    expect(before.ok).toBe(true);

    // Back to the old shape: hex text, prev_hash in each row (filled from the chain's order).
    await shrink.down(db);
    expect(await columns()).toMatchObject({ hash: 'text', prev_hash: 'text' });
    const prevHashes = (await sql<{ ok: boolean }>`select bool_and(a.prev_hash = coalesce(p.hash, h.archived_hash)) as ok from audit_log a
      join audit_head h on h.id = a.chain left join audit_log p on p.chain = a.chain and p.link = a.link - 1`.execute(db)).rows[0]!;
    expect(prevHashes.ok).toBe(true);
    // Old-shape entries, as the code before the migration wrote them.
    const sys: AuditContext = { actorId: null, actorLogin: '旧管理员', clientIp: '10.0.0.7', now: new Date('2026-11-30T02:00:00Z') };
    for (let i = 0; i < 6; i++) await appendOld(sys, { action: 'test.old_shape', objectType: 'test', objectId: String(i), after: { n: i, text: `旧格式记录 ${i} "引号" \\ 反斜杠` } });
    const oldRows = await sql<Record<string, unknown>>`select * from audit_log order by chain, link`.execute(db);
    expect(oldRows.rows.length).toBe(before.checked + 6);

    // An archive file as the code before the migration wrote it: every column, prev_hash included.
    const heads = await sql<{ id: number; seq: string; hash: string }>`select id, seq, hash from audit_head where seq > 0 order by id`.execute(db);
    const chains = heads.rows.map((h) => ({ chain: h.id, afterLink: 0, afterHash: GENESIS_HASH, throughLink: Number(h.seq), throughHash: h.hash }));
    const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const lines = [JSON.stringify({ format: 'mashang-audit-archive/1', before: '2026-12-01T00:00:00.000Z', archivedAt: '2026-12-01T00:00:00.000Z', entries: oldRows.rows.length, chains })];
    for (const r of oldRows.rows) {
      const e = Object.fromEntries(Object.entries(r).map(([k, v]) => [camel(k), v]));
      lines.push(JSON.stringify({ ...e, seq: Number(e.seq), link: Number(e.link), at: (e.at as Date).toISOString() }));
    }
    const oldFile = path.join(dir, 'old.jsonl');
    writeFileSync(oldFile, lines.join('\n') + '\n');
    expect(await verifyAuditArchive(oldFile)).toMatchObject({ ok: true, entries: oldRows.rows.length });
    // A wrong prev_hash in an old file is still found.
    const wrong = [...lines];
    wrong[2] = wrong[2]!.replace(/"prevHash":"[0-9a-f]{64}"/, `"prevHash":"${'e'.repeat(64)}"`);
    writeFileSync(path.join(dir, 'wrong.jsonl'), wrong.join('\n') + '\n');
    expect(await verifyAuditArchive(path.join(dir, 'wrong.jsonl'))).toMatchObject({ ok: false, problem: expect.stringMatching(/prev_hash does not match/) });

    // The migration: bytea hashes, no prev_hash; every old entry still verifies.
    await shrink.up(db);
    expect(await columns()).toMatchObject({ hash: 'bytea' });
    expect(await columns()).not.toHaveProperty('prev_hash');
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: before.checked + 6 });
    // The chain goes on across it.
    await ctx.newPerson();
    const after = await verifyAudit(db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBeGreaterThan(before.checked + 6);
    // A changed old entry is found (the trigger is lifted for the test only).
    const oldOne = (await sql<{ seq: string }>`select seq from audit_log where action = 'test.old_shape' order by seq limit 1 offset 2`.execute(db)).rows[0]!;
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
    try {
      await sql`update audit_log set after = jsonb_set(after, '{n}', '99') where seq = ${oldOne.seq}`.execute(db);
      expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBroken: { seq: Number(oldOne.seq), reason: 'content does not match its hash' } });
      await sql`update audit_log set after = jsonb_set(after, '{n}', '2') where seq = ${oldOne.seq}`.execute(db);
    } finally {
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
    }
    expect((await verifyAudit(db)).ok).toBe(true);

    // Archiving after it: the file has the same shape (prev_hash on each line) and verifies.
    const file = path.join(dir, 'new.jsonl');
    const archived = await archiveAudit(db, { before: new Date(ctx.clock.now().getTime() + 86_400_000), file, now: ctx.clock.now() });
    expect(archived.entries).toBe(after.checked);
    expect(await verifyAuditArchive(file)).toMatchObject({ ok: true, entries: after.checked });
    const first = JSON.parse(readFileSync(file, 'utf8').split('\n')[1]!);
    expect(first).toMatchObject({ prevHash: GENESIS_HASH, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await verifyAudit(db)).toEqual({ ok: true, checked: 0 });
  });
});
