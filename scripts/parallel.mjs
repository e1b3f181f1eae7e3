#!/usr/bin/env node
// Runs shell commands at the same time and fails when any of them fails. Each command's output
// is held back and printed whole when it ends (first finished, first printed), so two logs do not
// interleave. `npm run test:full` uses it for work that does not depend on the rest: typecheck,
// lint, and the Debian packages the later tests need (apt-get waits on the network, the others on
// a core).
//
//   node scripts/parallel.mjs 'CMD1 ARGS…' 'CMD2 ARGS…' …
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error("usage: node scripts/parallel.mjs 'COMMAND' ['COMMAND' …]");
  process.exit(2);
}

const children = [];
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const c of children) c.kill(signal);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

const results = await Promise.all(
  commands.map(
    (command) =>
      new Promise((resolve) => {
        const started = Date.now();
        const out = [];
        const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        children.push(child);
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => out.push(d));
        child.on('close', (code, signal) => {
          const status = code ?? (signal ? 1 : 0);
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          process.stdout.write(`\n[parallel] ${command} — ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${seconds} s\n`);
          process.stdout.write(Buffer.concat(out));
          resolve(status);
        });
      }),
  ),
);

process.exit(results.some((s) => s !== 0) ? 1 : 0);
