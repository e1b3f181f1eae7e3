// Measures per-request CPU in-process (no HTTP socket): node --cpu-prof via tsx.
import { openDatabase } from '../src/platform/db/index.ts';
import { buildApp } from '../src/server.ts';
import { clockFromEnv } from '../src/platform/clock.ts';
import { BENCH_PASSWORD } from '../bench/generate.ts';
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL! });
const { app } = await buildApp({ database: handle, clock: clockFromEnv({ MASHANG_NOW: '2026-11-16T09:00:00+08:00' } as NodeJS.ProcessEnv), escalationEveryMs: 3600_000 });
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: 'c1.p2', password: BENCH_PASSWORD } });
const cookie = login.headers['set-cookie'] as string | string[];
const c = (Array.isArray(cookie) ? cookie : [cookie]).map((x) => x.split(';')[0]).join('; ');
const list = (await app.inject({ method: 'GET', url: '/api/v1/tasks?limit=200', headers: { cookie: c } })).json().items.map((t: { id: number }) => t.id);
const path = process.argv[2] ?? 'detail';
const url = (i: number) => (path === 'detail' ? `/api/v1/tasks/${list[i % list.length]}` : path === 'me' ? '/api/v1/auth/me' : `/api/v1/tasks?limit=50`);
for (let round = 0; round < 3; round++) {
  const n = 1500;
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (let i = 0; i < n; i += 10) await Promise.all(Array.from({ length: 10 }, (_, k) => app.inject({ method: 'GET', url: url(i + k), headers: { cookie: c } })));
  const u = process.cpuUsage(cpu);
  console.log(`${path}: ${((performance.now() - t) / n).toFixed(2)} ms wall, ${((u.user + u.system) / 1000 / n).toFixed(2)} ms CPU per request`);
}
await app.close();
await handle.close();
