#!/usr/bin/env node
// Runs a command against a throw-away PostgreSQL server: installs Debian's `postgresql` when it
// is missing, starts a fresh cluster on a free loopback port, sets DATABASE_URL, runs the
// command, then stops the cluster and removes it. Usage: node scripts/with-postgres.mjs CMD ARGS…
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const log = (msg) => console.log(`[with-postgres] ${msg}`);

function findBinDir() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return path.join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return which.status === 0 ? path.dirname(which.stdout.trim()) : null;
}

function ensurePostgres() {
  let bin = findBinDir();
  if (bin) return bin;
  log("PostgreSQL is not installed: installing Debian's postgresql package");
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (args) => execFileSync(sudo[0] ?? args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'postgresql']);
  bin = findBinDir();
  if (!bin) throw new Error('postgresql was installed but initdb was not found');
  return bin;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs COMMAND [ARGS…]');
  process.exit(2);
}

const bin = ensurePostgres();
const dir = mkdtempSync(path.join(tmpdir(), 'mashang-pg-'));
const dataDir = path.join(dir, 'data');
// PostgreSQL refuses to run as root: as root, run the server as the `postgres` system user.
const asRoot = process.getuid?.() === 0;
const pgUser = asRoot ? 'postgres' : null;
const asPg = (file, args) => (pgUser ? ['runuser', ['-u', pgUser, '--', file, ...args]] : [file, args]);
if (pgUser) {
  chmodSync(dir, 0o777);
}
const port = await freePort();
const user = 'mashang';

const exec = (file, args, opts = {}) => {
  const [f, a] = asPg(file, args);
  return execFileSync(f, a, { stdio: ['ignore', 'pipe', 'inherit'], ...opts });
};

let started = false;
function stop() {
  if (started) {
    try {
      exec(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', 'stop']);
    } catch {
      // already gone
    }
    started = false;
  }
  rmSync(dir, { recursive: true, force: true });
}
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stop();
  process.exit(143);
});

// Tests want speed (fsync off: the cluster is thrown away). Benchmarks set MASHANG_PG_DURABLE=1
// for a server configured as in production: every commit flushed, memory sized for the machine.
const settings =
  process.env.MASHANG_PG_DURABLE === '1'
    ? '-c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=32MB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c checkpoint_timeout=15min'
    : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off';
log(`settings: ${settings}`);

let status;
try {
  exec(path.join(bin, 'initdb'), ['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  exec(path.join(bin, 'pg_ctl'), [
    '-D', dataDir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 ${settings}`,
    'start',
  ]);
  started = true;
  const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
  log(`PostgreSQL (${path.basename(path.dirname(bin))}) running at ${url}`);
  const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url }, shell: process.platform === 'win32' });
  status = await new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
} catch (err) {
  console.error(`[with-postgres] ${err instanceof Error ? err.message : String(err)}`);
  if (existsSync(path.join(dir, 'server.log'))) spawnSync('tail', ['-n', '30', path.join(dir, 'server.log')], { stdio: 'inherit' });
  status = 1;
} finally {
  stop();
}
process.exit(status);
