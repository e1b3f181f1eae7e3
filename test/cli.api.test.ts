import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './helpers/cli.ts';

let sandbox: CliSandbox;
let dir: string;
let env: NodeJS.ProcessEnv;
const mashang = (...args: string[]) => sandbox.run(...args);

beforeAll(async () => {
  sandbox = await cliSandbox({ MASHANG_NOW: '2026-12-01T09:00:00+08:00', LOG_LEVEL: 'info', HOST: '127.0.0.1' });
  ({ dir, env } = sandbox);
});
afterAll(() => sandbox.cleanup());

describe('mashang CLI', () => {
  it('seeds the demo county once, verifies the audit chain, imports org and calendar files', { timeout: 480_000 }, async () => {
    const seeded = await mashang('seed', '--demo');
    expect(seeded.stderr).toBe('');
    expect(seeded.stdout).toMatch(/Seeded 示范县: 39 units, 296 people, 40 tasks \(\d+ escalations\)/);
    expect(seeded.code).toBe(0);
    const again = await mashang('seed', '--demo');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/empty database/);

    const verified = await mashang('audit', 'verify');
    expect(verified.stdout).toMatch(/Audit chain intact: \d+ entries verified/);
    // Archiving: refused within the policy's retention (36 months) and for a day that is not one;
    // before the demo's first entry there is nothing to move.
    const soon = await mashang('audit', 'archive', '--before', '2026-06-01', path.join(dir, 'audit.jsonl'));
    expect(soon.code).toBe(2);
    expect(soon.stderr).toMatch(/audit\.keepMonths.*2023-12-01 at the latest/);
    expect((await mashang('audit', 'archive', '--before', '2023-02-30', path.join(dir, 'audit.jsonl'))).code).toBe(2);
    const none = await mashang('audit', 'archive', '--before', '2020-01-01', path.join(dir, 'audit.jsonl'));
    expect(none.stdout).toMatch(/No audit entries before 2020-01-01; nothing archived/);
    expect(none.code).toBe(0);
    const noFile = await mashang('audit', 'verify-archive', path.join(dir, 'audit.jsonl'));
    expect(noFile.code).not.toBe(0);

    writeFileSync(path.join(dir, 'bad.csv'), '登录名,姓名,单位代码,职级,角色\nx.y,某某,no-unit,其他,工作人员\n');
    const bad = await mashang('import', 'org', path.join(dir, 'bad.csv'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/row 2\).*no-unit/);
    writeFileSync(path.join(dir, 'ok.csv'), '登录名,姓名,单位代码,职级,角色\nnew.person,新人,jyj,其他,工作人员\n');
    expect((await mashang('import', 'org', path.join(dir, 'ok.csv'))).stdout).toMatch(/Imported 0 units and 1 people/);

    writeFileSync(path.join(dir, '2027.csv'), 'date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节\n');
    const cal = await mashang('calendar', 'import', path.join(dir, '2027.csv'));
    expect(cal.stdout).toMatch(/2027: 1 holidays, 1 makeup working days/);
    expect(cal.stdout).not.toMatch(/Still missing/);

    const job = await mashang('jobs', 'run', 'escalation');
    // The seed's own scan left every overdue task's next rung in the future: nothing is due now
    // (unless the day turned between the two, when the due ones are checked and none fires twice).
    expect(job.stdout).toMatch(/^escalation: (nothing to do|\d+ overdue tasks checked, 0 escalations fired)/);
    expect(job.code).toBe(0);
    // The open-task counters by light: recounted as of today the first time, current the next
    // (unless the day turned between the two).
    const counters = await mashang('jobs', 'run', 'light-counters');
    expect(counters.stdout).toMatch(/^light-counters: open-task counters recounted as of \d{4}-\d\d-\d\d/);
    expect((await mashang('jobs', 'run', 'light-counters')).stdout).toMatch(/^light-counters: (nothing to do|open-task counters recounted)/);
    const unknown = await mashang('jobs', 'run', 'nonsense');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/known: escalation, light-counters, digest, research-behind, scoreboard, accountability-drafts, reports-scheduled, deliveries, sessions, vacuum/);
    // The embedded database has no autovacuum: the job vacuums it. A PostgreSQL server vacuums itself.
    const vacuum = await mashang('jobs', 'run', 'vacuum');
    expect(vacuum.stdout).toMatch(env.DATABASE_URL ? /^vacuum: nothing to do/ : /^vacuum: vacuum analyze in \d+ ms/);
    expect(vacuum.code).toBe(0);

    const token = await mashang('token', 'create', 'duchashi', '测试对接');
    expect(token.stdout.trim()).toMatch(/^msk_/);
  });

  it('serves the demo: health, a demo login, and a clean stop', { timeout: 180_000 }, async () => {
    const child = sandbox.start(['serve', '--demo'], { PORT: '0' });
    let out = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 150_000);
      const onData = (c: Buffer) => {
        out += c.toString();
        const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m && out.includes('mashang-demo')) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
    });
    try {
      expect(out).toMatch(/duchashi/);
      const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', calendar: { missingYears: [] } });
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'duchashi', password: 'mashang-demo' }),
      });
      expect(login.status).toBe(200);
      expect((await login.json()).user.roles).toEqual(['supervisor', 'unit_head']);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });

  it('refuses a bad worker count, and several workers on the embedded database', async () => {
    const bad = await mashang('serve', '--workers', '0');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--workers="0" is not a number of workers/);
    if (env.DATABASE_URL) return;
    const res = await mashang('serve', '--workers', '2');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/needs a PostgreSQL server \(DATABASE_URL\)/);
  });

  it('serves with two workers on PostgreSQL: jobs in one, a killed worker replaced, SIGTERM stops them all', { timeout: 180_000 }, async () => {
    if (!env.DATABASE_URL) return;
    const child = sandbox.start(['serve', '--workers', '2'], { PORT: '0', LOG_LEVEL: 'info', MASHANG_ESCALATION_EVERY_MS: '1000' });
    let out = '';
    const collect = (c: Buffer) => (out += c.toString());
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    const waitFor = async (what: () => boolean, label: string) => {
      for (const t0 = Date.now(); !what(); await new Promise((r) => setTimeout(r, 100))) {
        if (Date.now() - t0 > 60_000) throw new Error(`${label} did not happen:\n${out}`);
      }
    };
    const lines = () => out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { pid: number; msg: string; port?: number; job?: string });
    const workers = () => readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
    try {
      await waitFor(() => lines().filter((l) => l.msg.startsWith('Server listening')).length === 2, 'two workers listening');
      const port = lines().find((l) => l.msg === 'workers listening')!.port!;
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      const first = workers();
      expect(first).toHaveLength(2);
      // The scheduled jobs run in one worker only.
      const jobRunners = () => lines().filter((l) => l.msg === 'running the scheduled jobs').map((l) => l.pid);
      expect(jobRunners()).toHaveLength(1);
      expect(first).toContain(jobRunners()[0]);
      process.kill(first[1]!, 'SIGKILL');
      await waitFor(() => lines().filter((l) => l.msg.startsWith('Server listening')).length === 3, 'a replacement worker');
      expect(lines().some((l) => l.msg === 'worker exited')).toBe(true);
      // A replaced jobs worker hands the jobs to its replacement, an ordinary one does not.
      expect(jobRunners()).toHaveLength(jobRunners()[0] === first[1] ? 2 : 1);
      const now = workers();
      expect(now).toHaveLength(2);
      expect(now).toContain(first[0]);
      expect(now).not.toContain(first[1]);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(lines().filter((l) => l.msg === 'shutting down')).toHaveLength(2);
  });

  it('refuses a second process on the same PGlite data folder', async () => {
    if (env.DATABASE_URL) return;
    writeFileSync(`${env.MASHANG_DATA_DIR}.lock`, String(process.pid));
    try {
      const res = await mashang('audit', 'verify');
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/in use by process/);
    } finally {
      rmSync(`${env.MASHANG_DATA_DIR}.lock`, { force: true });
    }
  });
});
