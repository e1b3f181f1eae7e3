import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freshDatabaseUrl } from './context.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliSandbox {
  dir: string;
  env: NodeJS.ProcessEnv;
  /** Runs `mashang ARGS…` to completion. */
  run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Starts `mashang ARGS…` and leaves it running (serve). */
  start(args: string[], extraEnv?: NodeJS.ProcessEnv): ChildProcess;
  cleanup(): Promise<void>;
}

/**
 * A folder and a database of its own for CLI tests: a temporary MASHANG_DATA_DIR on PGlite, or
 * a new empty database under test:pg.
 */
export async function cliSandbox(extraEnv: NodeJS.ProcessEnv = {}): Promise<CliSandbox> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mashang-cli-'));
  const db = await freshDatabaseUrl();
  // The CLI runs on this test's own Node.js (MASHANG_RUNTIME: the choice is made, nothing to say
  // on stderr), also when the suite was started without the launcher (a bare `npx vitest`).
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', MASHANG_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', MASHANG_RUNTIME: process.execPath, ...extraEnv };
  if (db) env.DATABASE_URL = db.url;
  else delete env.DATABASE_URL;
  const start = (args: string[], more: NodeJS.ProcessEnv = {}) => spawn(process.execPath, [path.join(ROOT, 'bin/mashang.js'), ...args], { env: { ...env, ...more }, cwd: dir });
  return {
    dir,
    env,
    start,
    run: (...args) =>
      new Promise((resolve) => {
        const child = start(args);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
      }),
    cleanup: async () => {
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
