#!/usr/bin/env node
/**
 * The browser tests drive Debian's Chromium, with Noto CJK fonts so the screenshots show
 * Chinese. Installs what is missing with apt-get (CI machines are root and reach Debian's
 * mirrors); never downloads Playwright's own browsers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.MASHANG_CHROMIUM ?? '/usr/bin/chromium';
const installed = (pkg) => spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');
const missing = [...(existsSync(CHROMIUM) ? [] : ['chromium']), ...(installed('fonts-noto-cjk') ? [] : ['fonts-noto-cjk'])];
if (missing.length === 0) process.exit(0);
if (!existsSync(CHROMIUM) && process.getuid?.() !== 0) {
  console.error(`${CHROMIUM} is missing. Install it: sudo apt-get install -y chromium fonts-noto-cjk (or set MASHANG_CHROMIUM).`);
  process.exit(1);
}
if (process.getuid?.() !== 0) {
  console.warn(`Not root: skipping ${missing.join(' ')} (screenshots may show boxes for Chinese).`);
  process.exit(0);
}
console.log(`Installing ${missing.join(' ')} from Debian (apt-get)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const install = () => execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
try {
  install();
} catch {
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  install();
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
