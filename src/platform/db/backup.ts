import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { auditHeads, verifyAudit } from '../audit/audit.ts';
import { openDatabase, type DatabaseHandle, type DbKind } from './index.ts';

const run = promisify(execFile);

/**
 * A backup is one file: a magic line, a JSON header line, then the payload — a PGlite data-folder
 * dump (tar.gz) or a pg_dump custom-format archive. The header carries the payload's SHA-256 and
 * the audit chain's head, so a restore can refuse a corrupt, truncated or foreign file before it
 * touches anything.
 */
const MAGIC = 'MASHANG-BACKUP 1\n';

export interface BackupHeader {
  format: 'mashang-backup';
  version: 1;
  db: DbKind;
  createdAt: string;
  migration: string | null;
  /** How many audit entries, and a fingerprint of every chain's head. */
  audit: { seq: number; hash: string };
  size: number;
  sha256: string;
}

export class BackupError extends Error {}

/** Finds a PostgreSQL client program (pg_dump, pg_restore) of the newest installed version. */
function pgTool(name: string): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', name))).sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin', name);
  }
  return name;
}

async function headerFacts(handle: DatabaseHandle) {
  const heads = await auditHeads(handle.db);
  const migration = await handle.db
    .selectFrom('kysely_migration' as never)
    .select('name' as never)
    .orderBy('name' as never, 'desc')
    .limit(1)
    .executeTakeFirst()
    .then((r) => (r as { name?: string } | undefined)?.name ?? null);
  return { audit: { seq: heads.entries, hash: heads.fingerprint }, migration };
}

/** Writes a backup of the open database to `file` (the PGlite folder must not be in use elsewhere). */
export async function backup(handle: DatabaseHandle, file: string, databaseUrl: string | undefined, now: Date): Promise<BackupHeader> {
  const facts = await headerFacts(handle);
  let payload: Buffer;
  if (handle.kind === 'pglite') {
    payload = Buffer.from(await (await handle.pglite!.dumpDataDir('gzip')).arrayBuffer());
  } else {
    const { stdout } = await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--dbname=${databaseUrl}`], { encoding: 'buffer', maxBuffer: 1 << 30 });
    payload = stdout;
  }
  const header: BackupHeader = {
    format: 'mashang-backup',
    version: 1,
    db: handle.kind,
    createdAt: now.toISOString(),
    ...facts,
    size: payload.length,
    sha256: createHash('sha256').update(payload).digest('hex'),
  };
  const tmp = `${file}.partial`;
  await writeFile(tmp, Buffer.concat([Buffer.from(MAGIC), Buffer.from(`${JSON.stringify(header)}\n`), payload]));
  await rename(tmp, file);
  return header;
}

/** Reads and checks a backup file; throws BackupError with a message for people. */
export async function readBackup(file: string): Promise<{ header: BackupHeader; payload: Buffer }> {
  let buf: Buffer;
  try {
    buf = await readFile(file);
  } catch {
    throw new BackupError(`Cannot read ${file}.`);
  }
  if (!buf.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) throw new BackupError(`${file} is not a Mashang backup.`);
  const nl = buf.indexOf(0x0a, MAGIC.length);
  if (nl < 0) throw new BackupError(`${file} is damaged: its header is cut off.`);
  let header: BackupHeader;
  try {
    header = JSON.parse(buf.subarray(MAGIC.length, nl).toString('utf8')) as BackupHeader;
  } catch {
    throw new BackupError(`${file} is damaged: its header is not readable.`);
  }
  if (header.format !== 'mashang-backup' || header.version !== 1) throw new BackupError(`${file} is a backup format this version does not know.`);
  const payload = buf.subarray(nl + 1);
  if (payload.length !== header.size) throw new BackupError(`${file} is damaged: ${payload.length} bytes of data where ${header.size} were written.`);
  if (createHash('sha256').update(payload).digest('hex') !== header.sha256) throw new BackupError(`${file} is damaged: its checksum does not match.`);
  return { header, payload };
}

/**
 * Restores a backup over the configured database, all or nothing. The file is checked first; the
 * data is restored into a fresh place, its audit chain verified, and only then swapped in (PGlite:
 * the data folder is renamed; PostgreSQL: pg_restore --clean in one transaction).
 */
export async function restore(file: string, target: { kind: DbKind; dataDir: string; databaseUrl?: string | undefined }): Promise<BackupHeader> {
  const { header, payload } = await readBackup(file);
  if (header.db !== target.kind) {
    throw new BackupError(`${file} is a ${header.db} backup, but this Mashang uses ${target.kind}${target.kind === 'postgres' ? ' (DATABASE_URL)' : ''}; nothing was changed.`);
  }
  if (target.kind === 'pglite') {
    const staging = await mkdtemp(path.join(path.dirname(target.dataDir), '.restore-'));
    try {
      const handle = await openDatabase({ dataDir: staging, loadDataDir: new Blob([new Uint8Array(payload)]) });
      try {
        const check = await verifyAudit(handle.db);
        if (!check.ok) throw new BackupError(`The backup's audit chain is broken: ${check.firstBroken?.reason}; nothing was changed.`);
      } finally {
        await handle.close();
      }
      const old = `${target.dataDir}.before-restore-${Date.now()}`;
      if (existsSync(target.dataDir)) await rename(target.dataDir, old);
      await rename(staging, target.dataDir);
      await rm(old, { recursive: true, force: true });
    } catch (err) {
      await rm(staging, { recursive: true, force: true });
      throw err;
    }
    return header;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'mashang-restore-'));
  const dump = path.join(dir, 'backup.dump');
  try {
    await writeFile(dump, payload);
    await run(pgTool('pg_restore'), ['--list', dump]);
    await run(pgTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${target.databaseUrl}`, dump], { maxBuffer: 1 << 26 });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const detail = (err as { stderr?: Buffer | string }).stderr?.toString().split('\n').find((l) => l.trim()) ?? String(err);
    throw new BackupError(`pg_restore failed, nothing was changed: ${detail}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return header;
}

