import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/platform/db/index.ts';
import { cliSandbox, type CliSandbox } from './helpers/cli.ts';

let sandbox: CliSandbox;
let dir: string;
let env: NodeJS.ProcessEnv;
const mashang = (...args: string[]) => sandbox.run(...args);

beforeAll(async () => {
  sandbox = await cliSandbox({});
  ({ dir, env } = sandbox);
});
afterAll(() => sandbox.cleanup());

/** Everything that matters, read directly (the CLI is not running in between). */
async function snapshot() {
  const h = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.MASHANG_DATA_DIR });
  try {
    return {
      units: await h.db.selectFrom('unit').select(['id', 'code', 'name', 'path']).orderBy('id').execute(),
      people: await h.db.selectFrom('person').select(['id', 'login', 'name', 'roles']).orderBy('id').execute(),
      audit: await h.db.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq').execute(),
    };
  } finally {
    await h.close();
  }
}

const csv = (rows: string[]) => {
  const file = path.join(dir, `org-${rows.length}-${Date.now()}.csv`);
  writeFileSync(file, rows.join('\n'));
  return file;
};

describe('mashang backup and restore', () => {
  it('round-trips the data and the audit chain; refuses corrupt and mismatched files, changing nothing', { timeout: 240_000 }, async () => {
    expect((await mashang('import', 'org', csv(['代码,名称,类别,层级,上级代码', 'bk-x,备份县,区划,县,', 'bk-a,甲局,部门,,bk-x']))).code).toBe(0);
    expect((await mashang('import', 'org', csv(['登录名,姓名,单位代码,职级,角色', 'bk.one,一号,bk-a,其他,工作人员']))).code).toBe(0);
    const before = await snapshot();
    const file = path.join(dir, 'one.mashang');
    const made = await mashang('backup', file);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/Backup written/);

    // Change the data, then restore: back to the state of the backup.
    expect((await mashang('import', 'org', csv(['登录名,姓名,单位代码,职级,角色', 'bk.two,二号,bk-a,其他,工作人员']))).code).toBe(0);
    const changed = await snapshot();
    expect(changed.people.length).toBe(before.people.length + 1);
    const restored = await mashang('restore', file);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/Audit chain intact/);
    expect(await snapshot()).toEqual(before);

    // A damaged copy is refused before anything is touched.
    expect((await mashang('import', 'org', csv(['登录名,姓名,单位代码,职级,角色', 'bk.three,三号,bk-a,其他,工作人员']))).code).toBe(0);
    const current = await snapshot();
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(path.join(dir, 'bad.mashang'), bytes);
    const bad = await mashang('restore', path.join(dir, 'bad.mashang'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/damaged: its checksum does not match/);
    writeFileSync(path.join(dir, 'cut.mashang'), bytes.subarray(0, bytes.length - 100));
    expect((await mashang('restore', path.join(dir, 'cut.mashang'))).stderr).toMatch(/damaged/);
    writeFileSync(path.join(dir, 'junk.mashang'), 'hello');
    expect((await mashang('restore', path.join(dir, 'junk.mashang'))).stderr).toMatch(/not a Mashang backup/);

    // A backup of the other kind of database is refused too.
    const text = readFileSync(file);
    const nl = text.indexOf(0x0a, 'MASHANG-BACKUP 1\n'.length);
    const header = JSON.parse(text.subarray(17, nl).toString());
    header.db = header.db === 'pglite' ? 'postgres' : 'pglite';
    writeFileSync(path.join(dir, 'other.mashang'), Buffer.concat([Buffer.from('MASHANG-BACKUP 1\n'), Buffer.from(`${JSON.stringify(header)}\n`), text.subarray(nl + 1)]));
    const other = await mashang('restore', path.join(dir, 'other.mashang'));
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/backup, but this Mashang uses/);
    expect(await snapshot()).toEqual(current);
  });
});
