import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { PREPARE } from '../db/prepared.ts';

import type { Db, Executor } from '../db/index.ts';
import type { AuditRow } from '../db/schema.ts';

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
 * Appends entries to the hash chain. Call it inside the transaction of the write it records,
 * as its last statement: the head row lock orders concurrent writers, so the chain never forks,
 * and a rolled-back write leaves no entry behind; taken last, the lock is held only for this and
 * the commit.
 */
export async function appendAudit(trx: Executor, ctx: AuditContext, ...entries: AuditEntry[]): Promise<void> {
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
  if (entries.length === 1) return appendOne(trx, fieldsOf(entries[0]!, 0, GENESIS_HASH));
  const head = await trx.selectFrom('auditHead').select(['id', 'seq', 'hash']).where('id', '=', chainOfConnection).forUpdate().executeTakeFirstOrThrow();
  let link = Number(head.seq);
  let prevHash = head.hash;
  const rows = entries.map((e) => {
    link += 1;
    const fields = fieldsOf(e, link, prevHash);
    const hash = entryHash(fields);
    prevHash = hash;
    // seq is the global order (a sequence); the hash covered the place in the chain as "seq".
    const { seq: _, ...row } = fields;
    return { ...row, chain: head.id, link, before: jsonOrNull(fields.before), after: jsonOrNull(fields.after), hash };
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
 * entry after it and move the head. The hash is the same sha256 over the same canonical JSON as
 * entryHash, finished by PostgreSQL: the head's hash and the entry's place in the chain are the
 * last two keys ("prevHash", "seq"), so the text before them is made here and the database
 * appends them.
 */
async function appendOne(trx: Executor, f: HashedFields): Promise<void> {
  const tail = `"prevHash":${JSON.stringify(GENESIS_HASH)},"seq":0}`;
  const whole = canonicalJsonOfEntry(f);
  if (!whole.endsWith(tail)) throw new Error('audit: prevHash and seq must be the last keys of an entry');
  const head = whole.slice(0, -tail.length) + '"prevHash":"';
  await sql`with h as (select id, seq, hash from audit_head where id = ${chainOfConnection} for update),
    e as (
      insert into audit_log (chain, link, at, actor_id, actor_login, action, object_type, object_id, before, after, client_ip, prev_hash, hash)
      select h.id, h.seq + 1, ${f.at}, ${f.actorId}, ${f.actorLogin}, ${f.action}, ${f.objectType}, ${f.objectId}, ${jsonOrNull(f.before)}::jsonb, ${jsonOrNull(f.after)}::jsonb, ${f.clientIp}, h.hash,
        encode(sha256(convert_to(${head} || h.hash || '","seq":' || (h.seq + 1)::text || '}', 'UTF8')), 'hex')
      from h
      returning chain, link, hash
    )
    update audit_head set seq = e.link, hash = e.hash from e where audit_head.id = e.chain ${PREPARE}`.execute(trx);
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

/** Walks every chain in order, in pages, in bounded memory; each must end at its head row. */
export async function verifyAudit(db: Db, pageSize = 5000): Promise<AuditVerifyResult> {
  const heads = await db.selectFrom('auditHead').select(['id', 'seq', 'hash']).orderBy('id').execute();
  let checked = 0;
  for (const head of heads) {
    const chain = head.id;
    let prevHash = GENESIS_HASH;
    let expected = 1;
    for (;;) {
      const page: AuditRow[] = await db.selectFrom('auditLog').selectAll().where('chain', '=', chain).where('link', '>=', expected).orderBy('link').limit(pageSize).execute();
      for (const row of page) {
        const link = Number(row.link);
        const seq = Number(row.seq);
        if (link !== expected) return { ok: false, checked, firstBroken: { chain, link: expected, seq: null, reason: `entry ${expected} of chain ${chain} is missing` } };
        if (row.prevHash !== prevHash) return { ok: false, checked, firstBroken: { chain, link, seq, reason: 'prev_hash does not match the previous entry' } };
        const hash = entryHash({ ...row, seq: link, objectId: row.objectId, before: row.before, after: row.after });
        if (hash !== row.hash) return { ok: false, checked, firstBroken: { chain, link, seq, reason: 'content does not match its hash' } };
        prevHash = row.hash;
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

