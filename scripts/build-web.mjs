#!/usr/bin/env node
/**
 * Builds the web app (web/ → web/dist) with Vite. `--if-stale` builds only when web/dist is
 * missing or older than any source of the web app, so `npm start` stays fast after the first run.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const stamp = join(web, 'dist', '.built');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) => join(web, p));
const sourceTime = Math.max(...sources.map(newest), newest(join(root, 'package-lock.json')));
const builtTime = existsSync(stamp) && existsSync(join(web, 'dist', 'index.html')) ? statSync(stamp).mtimeMs : 0;

if (process.argv.includes('--if-stale') && builtTime >= sourceTime) process.exit(0);

let build;
try {
  ({ build } = await import('vite'));
} catch {
  if (builtTime) {
    console.warn('vite is not installed (production install?): serving the existing web/dist.');
    process.exit(0);
  }
  console.error('Cannot build the web app: vite is not installed. Run `npm install` first.');
  process.exit(1);
}
const started = Date.now();
console.log('Building the web app (web/ → web/dist)…');
await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
writeFileSync(stamp, new Date().toISOString() + '\n');
console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
