import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, type CliSandbox } from './helpers/cli.ts';

/**
 * Crash durability: a write load runs against a real server, the server is killed with SIGKILL
 * mid-load, and after a restart every request that was answered 2xx is still there and the audit
 * chain verifies. Several rounds on the same data, on PGlite and on PostgreSQL.
 */
let sandbox: CliSandbox;
let token: string;
let unitId: number;
const ROUNDS = 3;
const LOAD_MS = 1500;
const counts = { requests: 0, acknowledged: 0, crashes: 0, verified: 0 };

async function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = sandbox.start(['serve'], { PORT: '0', LOG_LEVEL: 'info', HOST: '127.0.0.1', MASHANG_ESCALATION_EVERY_MS: '3600000' });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

const api = (base: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });

beforeAll(async () => {
  sandbox = await cliSandbox();
  expect((await sandbox.run('import', 'org', await writeOrg())).code).toBe(0);
  token = (await sandbox.run('token', 'create', 'crash.admin', 'crash test')).stdout.trim();
  expect(token).toMatch(/^msk_/);
}, 180_000);
afterAll(() => sandbox.cleanup());

async function writeOrg(): Promise<string> {
  const { writeFileSync } = await import('node:fs');
  const file = `${sandbox.dir}/org.csv`;
  writeFileSync(file, ['登录名,姓名,单位代码,职级,角色', 'crash.admin,管理员,crash-dept,其他,管理员'].join('\n'));
  const units = `${sandbox.dir}/units.csv`;
  writeFileSync(units, ['代码,名称,类别,层级,上级代码', 'crash-county,崩溃县,区划,县,', 'crash-dept,崩溃局,部门,,crash-county'].join('\n'));
  expect((await sandbox.run('import', 'org', units)).code).toBe(0);
  return file;
}

describe('crash durability', () => {
  it(`keeps every acknowledged write through ${ROUNDS} kill -9 rounds`, { timeout: 600_000 }, async () => {
    const acknowledged: { taskId: number; reports: string[] }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const { child, base } = await startServer();
      if (!unitId) unitId = ((await (await api(base, '/api/v1/units')).json()) as { items: { id: number; code: string }[] }).items.find((u) => u.code === 'crash-dept')!.id;
      const deadline = Date.now() + LOAD_MS;
      let stop = false;
      // Four writers: create a task, sign it, then report progress on it until stopped.
      const writer = async (w: number) => {
        while (!stop && Date.now() < deadline + 5000) {
          try {
            counts.requests += 1;
            const created = await api(base, '/api/v1/tasks', { title: `崩溃测试 ${round}-${w}-${Date.now()}`, level: 'normal', leadUnitId: unitId, deadline: '2027-06-30' });
            if (created.status !== 201) continue;
            const t = (await created.json()) as { id: number; version: number };
            const entry = { taskId: t.id, reports: [] as string[] };
            acknowledged.push(entry);
            counts.acknowledged += 1;
            counts.requests += 1;
            const signed = await api(base, `/api/v1/tasks/${t.id}/sign`, { version: t.version });
            if (signed.status !== 200) continue;
            counts.acknowledged += 1;
            let version = ((await signed.json()) as { version: number }).version;
            for (let i = 0; i < 5 && !stop; i++) {
              const text = `进展 ${round}-${w}-${i}`;
              counts.requests += 1;
              const res = await api(base, `/api/v1/tasks/${t.id}/progress`, { version, percent: i * 10, text });
              if (res.status !== 200) break;
              version = ((await res.json()) as { version: number }).version;
              entry.reports.push(text);
              counts.acknowledged += 1;
            }
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      await new Promise((r) => setTimeout(r, LOAD_MS));
      child.kill('SIGKILL');
      counts.crashes += 1;
      stop = true;
      await Promise.all(writers);
      await new Promise((r) => child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r));
    }
    expect(acknowledged.length).toBeGreaterThan(5);

    // Restart cleanly and check every acknowledged write.
    const { child, base } = await startServer();
    try {
      for (const a of acknowledged) {
        const res = await api(base, `/api/v1/tasks/${a.taskId}`);
        expect(res.status, `task ${a.taskId}`).toBe(200);
        const t = (await res.json()) as { timeline: { kind: string; data: { text?: string } }[] };
        const texts = t.timeline.filter((e) => e.kind === 'progress').map((e) => e.data.text);
        for (const r of a.reports) expect(texts, `task ${a.taskId}`).toContain(r);
        counts.verified += 1 + a.reports.length;
      }
      const chain = (await (await api(base, '/api/v1/audit/verify')).json()) as { ok: boolean; checked: number };
      expect(chain.ok).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    console.log(`crash durability (${sandbox.env.DATABASE_URL ? 'postgres' : 'pglite'}): ${counts.requests} requests, ${counts.acknowledged} acknowledged, ${counts.crashes} crashes survived, ${counts.verified} writes verified`);
  });
});
