#!/usr/bin/env node
/**
 * The reports' DOCX check converts a generated report with LibreOffice (Debian's
 * libreoffice-writer-nogui). Installs it with apt-get when `soffice` is missing (CI machines are
 * root and reach Debian's mirrors); the full test run then requires it (MASHANG_REQUIRE_SOFFICE=1).
 */
import { execFileSync, spawnSync } from 'node:child_process';

const found = () => spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).status === 0;
if (found()) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error('soffice is missing. Install it: sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui');
  process.exit(1);
}
console.log('Installing libreoffice-writer-nogui from Debian (apt-get)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const install = () => execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'libreoffice-writer-nogui'], { stdio: 'inherit', env });
try {
  install();
} catch {
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  install();
}
if (!found()) {
  console.error('apt-get finished but soffice is still missing.');
  process.exit(1);
}
