#!/usr/bin/env node
// The `mashang` command: runs the TypeScript sources through tsx's loader (no build step), on
// the Node.js that scripts/runtime.mjs chooses (a maintained LTS; see the README).
import { runHere } from '../scripts/runtime.mjs';

if (runHere()) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
