import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { sql, type RawBuilder } from 'kysely';
import { PREPARE } from '../db/prepared.ts';

import type { Db, Executor } from '../db/index.ts';
import type { AuditArchiveChain, AuditRow } from '../db/schema.ts';

/** Who did something, from where. Null actor: the system (scheduled jobs, CLI) or a failed login. */
export interface AuditContext {
  actorId: number | null;
  actorLogin: string | null;
  clientIp: string | null;
  now: Date;
}

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * A stored hash as hex, as it is hashed and shown. The log stores the sha256's 32 bytes (`bytea`,
 * migration 202612030100); the heads, the archive anchors and archive files keep hex text.
 */
export function hexOf(hash: Uint8Array | string): string {
  return typeof hash === 'string' ? hash : Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString('hex');
}

/**
 * How many chains the log has (migration 202611270300 makes their heads). A database connection
 * always appends to the same one, `pg_backend_pid() % AUDIT_CHAINS + 1`: writers on different
 * connections do not wait for each other's commit, and a transaction locks exactly one head.
 */
export const AUDIT_CHAINS = 8;
const chainOfConnection = sql<number>`mod(pg_backend_pid(), ${sql.lit(AUDIT_CHAINS)}) + 1`;

/** JSON with sorted keys, so the hash does not depend on how jsonb reorders an object. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What a write changed, for an audit entry: of the fields `after` names, those whose value
 * differs from `before`'s, with their old values (`before`) and new ones (`after`); a field
 * `after` adds is kept, a field the write did not touch is left out. An update records what
 * changed, not two copies of the row (the row's earlier state is in the entries before it,
 * back to its creation). Compared as stored (through JSON, dates as ISO text).
 */
export function changedFields(before: object, after: object): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const was = before as Record<string, unknown>;
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const had = Object.hasOwn(was, key);
    if (had && canonicalJson(normalize(was[key])) === canonicalJson(normalize(value))) continue;
    out.after[key] = value;
    if (had) out.before[key] = was[key];
  }
  return out;
}

interface HashedFields {
  seq: number;
  at: Date;
  actorId: number | null;
  actorLogin: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  clientIp: string | null;
  prevHash: string;
}

/** The text an entry's hash is taken over. */
function canonicalJsonOfEntry(e: HashedFields): string {
  return canonicalJson({
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorLogin: e.actorLogin,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    before: e.before ?? null,
    after: e.after ?? null,
    clientIp: e.clientIp,
    prevHash: e.prevHash,
  });
}

export function entryHash(e: HashedFields): string {
  return createHash('sha256').update(canonicalJsonOfEntry(e)).digest('hex');
}

/** A jsonb column's text, or SQL NULL. */
const jsonOrNull = (v: unknown) => (v === null ? null : JSON.stringify(v));

/** Values go through JSON once so that what we hash is exactly what jsonb stores and returns. */
function normalize(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/**
 * A write that rides on the audit entry's statement (issue #21): its data-modifying CTEs go into
 * the one statement that appends the entry, so it costs no round trip of its own. The inbox
 * entries of a task write are one (`NotifyService.queueWith`). PostgreSQL runs every
 * data-modifying CTE of a statement, in the statement's transaction: it is written exactly when
 * the entry is, and a failing write leaves neither. A rider's CTEs cannot see the audit's (nor
 * the audit the rider's): it must not depend on them.
 */
export interface AuditRider {
  /**
   * The rider's CTEs as `name as (…)` items separated by commas, every name starting with `tag`
   * (the statement may carry several riders).
   */
  ctes(tag: string): RawBuilder<unknown>;
  /** A scalar expression over the rider's CTEs that the statement returns for `done`, if any. */
  result?(tag: string): RawBuilder<unknown>;
  /** Called with `result`'s value once the statement has run. */
  done?(value: unknown): void;
}

/** Runs riders in a statement of their own (when there is no single entry to ride on). */
async function runRiders(trx: Executor, riders: readonly AuditRider[]): Promise<void> {
  for (const r of riders) {
    const row = (await sql<{ result: unknown }>`with ${r.ctes('r_')} select ${r.result ? r.result('r_') : sql`null`} as result ${PREPARE}`.execute(trx)).rows[0];
    r.done?.(row?.result ?? null);
  }
}

/**
 * Appends entries to the hash chain. Call it inside the transaction of the write it records,
 * as its last statement: the head row lock orders concurrent writers, so the chain never forks,
 * and a rolled-back write leaves no entry behind; taken last, the lock is held only for this and
 * the commit.
 */
export function appendAudit(trx: Executor, ctx: AuditContext, ...entries: AuditEntry[]): Promise<void> {
  return appendAuditWith(trx, ctx, [], ...entries);
}

/**
 * appendAudit with writes riding on it (`AuditRider`): for one entry, the riders' CTEs are part of
 * the entry's statement; otherwise they run first, each in a statement of its own, and then the
 * entries as appendAudit appends them. Either way the head's lock is taken last.
 */
export async function appendAuditWith(trx: Executor, ctx: AuditContext, riders: readonly AuditRider[], ...entries: AuditEntry[]): Promise<void> {
  if (entries.length !== 1 && riders.length) await runRiders(trx, riders);
  if (entries.length === 0) return;
  // Millisecond precision: what timestamptz returns to JavaScript is what we hashed.
  const at = new Date(Math.floor(ctx.now.getTime()));
  const fieldsOf = (e: AuditEntry, seq: number, prevHash: string): HashedFields => ({
    seq,
    at,
    actorId: ctx.actorId,
    actorLogin: ctx.actorLogin,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId === undefined || e.objectId === null ? null : String(e.objectId),
    before: normalize(e.before),
    after: normalize(e.after),
    clientIp: ctx.clientIp,
    prevHash,
  });
  if (entries.length === 1) return appendOne(trx, fieldsOf(entries[0]!, 0, GENESIS_HASH), riders);
  const head = await trx.selectFrom('auditHead').select(['id', 'seq', 'hash']).where('id', '=', chainOfConnection).forUpdate().executeTakeFirstOrThrow();
  let link = Number(head.seq);
  let prevHash = head.hash;
  const rows = entries.map((e) => {
    link += 1;
    const fields = fieldsOf(e, link, prevHash);
    const hash = entryHash(fields);
    prevHash = hash;
    // seq is the global order (a sequence); the hash covered the place in the chain as "seq".
    // prevHash is not stored: it is the previous entry's hash (migration 202612030100).
    const { seq: _, prevHash: __, ...row } = fields;
    return { ...row, chain: head.id, link, before: jsonOrNull(fields.before), after: jsonOrNull(fields.after), hash: Buffer.from(hash, 'hex') };
  });
  // The entries and the new head in one statement: the head's lock is held until commit and
  // orders this chain's writers, so each round trip saved while holding it is throughput.
  await trx
    .with('entries', (db) => db.insertInto('auditLog').values(rows).returning('seq'))
    .updateTable('auditHead')
    .set({ seq: link, hash: prevHash })
    .where('id', '=', head.id)
    .execute();
}

/**
 * One entry (nearly every write) in one statement: lock the connection's chain head, insert the
 * entry after it and move the head, with the riders' writes as further CTEs. The hash is the
 * same sha256 over the same canonical JSON as entryHash, finished by PostgreSQL: the head's hash
 * and the entry's place in the chain are the last two keys ("prevHash", "seq"), so the text
 * before them is made here and the database appends them. The entry stores the hash's 32 bytes
 * and not the previous hash (it is the previous entry's); the head keeps hex, the text the next
 * entry hashes.
 */
async function appendOne(trx: Executor, f: HashedFields, riders: readonly AuditRider[]): Promise<void> {
  const tail = `"prevHash":${JSON.stringify(GENESIS_HASH)},"seq":0}`;
  const whole = canonicalJsonOfEntry(f);
  if (!whole.endsWith(tail)) throw new Error('audit: prevHash and seq must be the last keys of an entry');
  const head = whole.slice(0, -tail.length) + '"prevHash":"';
  const tags = riders.map((_, i) => `r${i}_`);
  const withRiders = riders.length ? sql`${sql.join(riders.map((r, i) => r.ctes(tags[i]!)))},` : sql``;
  const results = riders.flatMap((r, i) => (r.result ? [sql`${r.result(tags[i]!)} as ${sql.ref(`result${i}`)}`] : []));
  const returning = results.length ? sql` returning ${sql.join(results)}` : sql``;
  const done = await sql<Record<string, unknown>>`with ${withRiders} h as (select id, seq, hash from audit_head where id = ${chainOfConnection} for update),
    e as (
      insert into audit_log (chain, link, at, actor_id, actor_login, action, object_type, object_id, before, after, client_ip, hash)
      select h.id, h.seq + 1, ${f.at}, ${f.actorId}, ${f.actorLogin}, ${f.action}, ${f.objectType}, ${f.objectId}, ${jsonOrNull(f.before)}::jsonb, ${jsonOrNull(f.after)}::jsonb, ${f.clientIp},
        sha256(convert_to(${head} || h.hash || '","seq":' || (h.seq + 1)::text || '}', 'UTF8'))
      from h
      returning chain, link, hash
    )
    update audit_head set seq = e.link, hash = encode(e.hash, 'hex') from e where audit_head.id = e.chain${returning} ${PREPARE}`.execute(trx);
  const row = done.rows[0] ?? {};
  riders.forEach((r, i) => r.done?.(r.result ? row[`result${i}`] ?? null : null));
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /**
   * The first entry whose link or content does not match, with why: its chain and place in it,
   * and its global `seq` (null when the entry is missing).
   */
  firstBroken?: { chain: number; link: number; seq: number | null; reason: string };
}

/**
 * Walks every chain in order, in pages, in bounded memory, from where its archived part ends;
 * each must end at its head row.
 */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerifyResult> {
  const heads = await db.selectFrom('auditHead').select(['id', 'seq', 'hash', 'archivedLink', 'archivedHash']).orderBy('id').execute();
  let checked = 0;
  for (const head of heads) {
    const chain = head.id;
    // An archived beginning (`archiveAudit`) is checked in its file; here the chain goes on from its anchor.
    let prevHash = head.archivedHash;
    let expected = Number(head.archivedLink) + 1;
    for (;;) {
      const page: AuditRow[] = await db.selectFrom('auditLog').selectAll().where('chain', '=', chain).where('link', '>=', expected).orderBy('link').limit(pageSize).execute();
      for (const row of page) {
        const link = Number(row.link);
        const seq = Number(row.seq);
        if (link !== expected) return { ok: false, checked, firstBroken: { chain, link: expected, seq: null, reason: `entry ${expected} of chain ${chain} is missing` } };
        // The hash covers the previous entry's hash: a changed, replaced or re-linked entry fails here.
        const hash = hexOf(row.hash);
        if (entryHash({ ...row, seq: link, prevHash }) !== hash) return { ok: false, checked, firstBroken: { chain, link, seq, reason: 'content does not match its hash' } };
        prevHash = hash;
        expected += 1;
        checked += 1;
      }
      if (page.length < pageSize) break;
    }
    if (Number(head.seq) !== expected - 1 || head.hash !== prevHash) {
      return { ok: false, checked, firstBroken: { chain, link: expected, seq: null, reason: `entries after the last one found in chain ${chain} were removed` } };
    }
  }
  return { ok: true, checked };
}

/** The heads of every chain: how many entries there are, and a fingerprint of where each chain ends. */
export async function auditHeads(db: Executor): Promise<{ entries: number; fingerprint: string }> {
  const heads = await db.selectFrom('auditHead').select(['id', 'seq', 'hash']).orderBy('id').execute();
  return {
    entries: heads.reduce((n, h) => n + Number(h.seq), 0),
    fingerprint: createHash('sha256').update(heads.map((h) => `${h.id}:${h.seq}:${h.hash}`).join('\n')).digest('hex'),
  };
}

/** Reads the entries about one object, newest first (for timelines and admin pages). */
export function listAudit(db: Executor, filter: { objectType?: string; objectId?: string; beforeSeq?: number; limit: number }) {
  let q = db.selectFrom('auditLog').selectAll();
  if (filter.objectType) q = q.where('objectType', '=', filter.objectType);
  if (filter.objectId) q = q.where('objectId', '=', filter.objectId);
  if (filter.beforeSeq) q = q.where('seq', '<', filter.beforeSeq);
  return q.orderBy('seq', 'desc').limit(filter.limit).execute();
}


/** The first line of an archive file: what it holds, and where each chain's part begins and ends. */
export interface AuditArchiveHeader {
  format: 'mashang-audit-archive/1';
  before: string;
  archivedAt: string;
  entries: number;
  chains: AuditArchiveChain[];
}

/**
 * An entry as an archive file holds it: every column, so that its hash can be checked again, the
 * hash as hex and the previous entry's hash beside it (the file format did not change when the
 * table stopped storing it, migration 202612030100: files written before and after are alike).
 */
type ArchivedEntry = Omit<AuditRow, 'seq' | 'link' | 'at' | 'hash'> & { seq: number; link: number; at: string; prevHash: string; hash: string };

/**
 * 审计日志归档: moves the entries older than `before` out of the database into `file` (JSON
 * lines: a header, then the entries chain by chain), for the retention the law asks of the hot
 * log is shorter than the years an office keeps its records. In order:
 * 1. each chain's part to move is its longest beginning whose entries are all older than
 *    `before`; it is read and its links and hashes checked (a broken chain is not archived);
 * 2. the file is written and flushed to disk, and its sha256 taken;
 * 3. one transaction locks the heads, checks that no other archiving moved them meanwhile,
 *    moves each head's anchor (archived link and hash) to the part's end, records the archive
 *    and deletes the part (the append-only trigger lets exactly that through).
 * If anything fails, nothing is deleted and the file is removed. `verifyAudit` then starts each
 * chain at its anchor; `verifyAuditArchive` checks a file on its own.
 */
export async function archiveAudit(db: Db, opts: { before: Date; file: string; now: Date }): Promise<{ entries: number; sha256: string; chains: AuditArchiveChain[] }> {
  const heads = await db.selectFrom('auditHead').select(['id', 'seq', 'archivedLink', 'archivedHash']).orderBy('id').execute();
  const pageSize = 5000;
  /** A chain's entries after `afterLink` through `throughLink`, in pages (bounded memory at any size). */
  async function* entriesOf(chain: number, afterLink: number, throughLink: number) {
    for (let from = afterLink + 1; from <= throughLink; from += pageSize) {
      yield* await db.selectFrom('auditLog').selectAll().where('chain', '=', chain).where('link', '>=', from).where('link', '<', Math.min(from + pageSize, throughLink + 1)).orderBy('link').execute();
    }
  }
  // First pass: each chain's part, its links and hashes checked, and where it ends.
  const chains: AuditArchiveChain[] = [];
  for (const head of heads) {
    const afterLink = Number(head.archivedLink);
    const firstKept = await db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.min('link').as('link'))
      .where('chain', '=', head.id)
      .where('link', '>', afterLink)
      .where('at', '>=', opts.before)
      .executeTakeFirst();
    const throughLink = firstKept?.link != null ? Number(firstKept.link) - 1 : Number(head.seq);
    if (throughLink <= afterLink) continue;
    let expected = afterLink + 1;
    let prevHash = head.archivedHash;
    for await (const row of entriesOf(head.id, afterLink, throughLink)) {
      const broken = checkLink(row, expected, prevHash);
      if (broken) throw new Error(`audit chain ${head.id} is broken at entry ${expected} (${broken}); run \`mashang audit verify\` — nothing was archived.`);
      prevHash = hexOf(row.hash);
      expected += 1;
    }
    if (expected !== throughLink + 1) throw new Error(`audit chain ${head.id}: entry ${expected} is missing; nothing was archived.`);
    chains.push({ chain: head.id, afterLink, afterHash: head.archivedHash, throughLink, throughHash: prevHash });
  }
  const entries = chains.reduce((n, c) => n + c.throughLink - c.afterLink, 0);
  if (entries === 0) return { entries: 0, sha256: '', chains: [] };

  const header: AuditArchiveHeader = { format: 'mashang-audit-archive/1', before: opts.before.toISOString(), archivedAt: opts.now.toISOString(), entries, chains };
  const hash = createHash('sha256');
  // 'wx': an existing file is never overwritten (EEXIST), and is not ours to remove.
  const out = await open(opts.file, 'wx');
  let chunk = '';
  const write = async (line: string, last = false) => {
    hash.update(line);
    chunk += line;
    if (last || chunk.length > 1 << 20) {
      await out.write(chunk);
      chunk = '';
    }
  };
  try {
    await write(JSON.stringify(header) + '\n');
    // Second pass: the same entries, written out (they are old: nothing changes them meanwhile).
    for (const c of chains) {
      let prevHash = c.afterHash;
      for await (const row of entriesOf(c.chain, c.afterLink, c.throughLink)) {
        const hash = hexOf(row.hash);
        const entry: ArchivedEntry = { ...row, seq: Number(row.seq), link: Number(row.link), at: row.at.toISOString(), prevHash, hash };
        await write(JSON.stringify(entry) + '\n');
        prevHash = hash;
      }
    }
    await write('', true);
    await out.sync();
    await out.close();
    const sha256 = hash.digest('hex');
    await db.transaction().execute(async (trx) => {
      const now = await trx.selectFrom('auditHead').select(['id', 'archivedLink']).orderBy('id').forUpdate().execute();
      for (const c of chains) {
        if (Number(now.find((h) => h.id === c.chain)?.archivedLink) !== c.afterLink) throw new Error('another archiving ran meanwhile; nothing was archived by this one.');
        await trx.updateTable('auditHead').set({ archivedLink: c.throughLink, archivedHash: c.throughHash }).where('id', '=', c.chain).execute();
      }
      await trx.insertInto('auditArchive').values({ archivedAt: opts.now, before: opts.before, entries, chains: JSON.stringify(chains) as never, fileName: basename(opts.file), fileSha256: sha256 }).execute();
      await sql`select set_config('mashang.audit_archive', 'on', true)`.execute(trx);
      for (const c of chains) await trx.deleteFrom('auditLog').where('chain', '=', c.chain).where('link', '<=', c.throughLink).execute();
    });
    return { entries, sha256, chains };
  } catch (e) {
    await out.close().catch(() => {});
    await rm(opts.file, { force: true });
    throw e;
  }
}

/**
 * Why `row` is not the entry `expected` of its chain after `prevHash`, or null when it is. A row
 * of the table has no previous hash of its own; an archive file's line has one, which must be it.
 */
function checkLink(row: Omit<AuditRow, 'hash'> & { hash: Uint8Array | string; prevHash?: string }, expected: number, prevHash: string): string | null {
  if (Number(row.link) !== expected) return 'missing';
  if (row.prevHash !== undefined && row.prevHash !== prevHash) return 'prev_hash does not match the previous entry';
  if (entryHash({ ...row, seq: expected, prevHash }) !== hexOf(row.hash)) return 'content does not match its hash';
  return null;
}

/**
 * Checks an archive file by itself: its header, each chain's entries in order from the anchor
 * the header names to the one it ends at, every hash. Says how many entries it holds.
 */
export async function verifyAuditArchive(file: string): Promise<{ ok: boolean; entries: number; sha256: string; problem?: string }> {
  const hash = createHash('sha256');
  let header: AuditArchiveHeader | null = null;
  const pending = new Map<number, { expected: number; prevHash: string; chain: AuditArchiveChain }>();
  let entries = 0;
  let problem: string | undefined;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    hash.update(line + '\n');
    if (problem) continue;
    if (!header) {
      try {
        header = JSON.parse(line) as AuditArchiveHeader;
      } catch {
        problem = 'the first line is not an archive header';
        continue;
      }
      if (header.format !== 'mashang-audit-archive/1') problem = `unknown format ${String(header.format)}`;
      else for (const c of header.chains) pending.set(c.chain, { expected: c.afterLink + 1, prevHash: c.afterHash, chain: c });
      continue;
    }
    let e: ArchivedEntry;
    try {
      e = JSON.parse(line) as ArchivedEntry;
    } catch {
      problem = `line ${entries + 2} is not JSON`;
      continue;
    }
    const p = pending.get(e.chain);
    if (!p) {
      problem = `entry of chain ${e.chain}, which the header does not list`;
      continue;
    }
    const broken = checkLink({ ...e, at: new Date(e.at) }, p.expected, p.prevHash);
    if (broken) {
      problem = `chain ${e.chain}, entry ${p.expected}: ${broken}`;
      continue;
    }
    p.prevHash = e.hash;
    p.expected += 1;
    entries += 1;
  }
  if (!problem && !header) problem = 'the file is empty';
  if (!problem) {
    for (const p of pending.values()) {
      if (p.expected !== p.chain.throughLink + 1 || p.prevHash !== p.chain.throughHash) {
        problem = `chain ${p.chain.chain} ends at entry ${p.expected - 1}, not at ${p.chain.throughLink} as the header says`;
        break;
      }
    }
  }
  if (!problem && header && entries !== header.entries) problem = `${entries} entries, the header says ${header.entries}`;
  return { ok: !problem, entries, sha256: hash.digest('hex'), ...(problem ? { problem } : {}) };
}
