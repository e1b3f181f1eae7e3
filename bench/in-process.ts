/** The app in process for the runners that drive it with `app.inject` (cpu.ts, floor.ts). */
import { OffsetClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/index.ts';
import { buildApp } from '../src/server.ts';
import { BENCH_PASSWORD, BENCH_TODAY } from './generate.ts';

/**
 * The app in this process (no HTTP server) on benchmark data, its clock at the day the data was
 * made for, and sign-in as a benchmark user by login (headers to pass to `app.inject`).
 */
export async function inProcessApp(opts: { size: string; databaseUrl?: string; dataDir?: string }) {
  const database = await openDatabase(opts.databaseUrl ? { databaseUrl: opts.databaseUrl, poolSize: 4 } : { dataDir: opts.dataDir ?? `bench/data-${opts.size}` });
  const { app } = await buildApp({ database, clock: new OffsetClock(new Date(`${BENCH_TODAY}T09:00:00+08:00`)), logger: false });
  const login = async (name: string) => {
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: name, password: BENCH_PASSWORD } });
    if (r.statusCode !== 200) throw new Error(`login ${name}: ${r.statusCode} ${r.body}`);
    return { cookie: r.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': r.json<{ csrfToken: string }>().csrfToken };
  };
  /** The benchmark county's code, and the ids of it and its first department (as `headers` sees them). */
  const county = opts.size === 'county' ? 'c1' : 'p1c1';
  const countyUnits = async (headers: Awaited<ReturnType<typeof login>>) => {
    const units = (await app.inject({ url: '/api/v1/units', headers })).json<{ items: { id: number; code: string }[] }>().items;
    return { countyId: units.find((u) => u.code === county)!.id, deptId: units.find((u) => u.code === `${county}-d1`)!.id };
  };
  return { database, app, login, county, countyUnits };
}
