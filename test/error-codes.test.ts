import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue, type ErrorDef } from '../src/platform/errors.ts';

/**
 * Every code the app can answer with is in a catalogue: the platform's (src/platform/errors.ts)
 * or a module's (src/modules/<m>/errors.ts). Checked over the source, so a new
 * `new AppError(400, 'SOMETHING_NEW', …)` fails here even before a test reaches it.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'migrations' ? [] : sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * Files written before the catalogue that still pass status and code apart
 * (`new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', …)`, `conflict('STALE_VERSION', …)`,
 * `notFound('Task', id)`), with the most such calls each may keep. Their codes are still checked
 * against the catalogue; switch them to the catalogue's constants and lower the numbers here.
 */
const LEGACY: Record<string, number> = {
  'src/cli.ts': 4,
};

let known: Map<string, ErrorDef>;
let subjects: Map<string, ErrorDef>;
const files = sourceFiles(SRC).map((p) => ({ path: relative(ROOT, p).replaceAll('\\', '/'), text: readFileSync(p, 'utf8') }));

beforeAll(async () => {
  // Load every module's catalogue, as the app does.
  for (const f of files) if (/^src\/modules\/[^/]+\/errors\.ts$/.test(f.path)) await import(join(ROOT, f.path));
  known = new Map(errorCatalogue().map((e) => [e.code, e]));
  subjects = new Map(errorCatalogue().filter((e) => e.subject).map((e) => [e.subject!, e]));
});

describe('the error catalogue', () => {
  it('has unique SCREAMING_SNAKE codes with 4xx/5xx statuses, and unique not-found subjects', () => {
    const all = errorCatalogue();
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((e) => e.code)).size).toBe(all.length);
    for (const e of all) {
      expect(e.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(e.status >= 400 && e.status < 600, e.code).toBe(true);
      if (e.subject) expect(e.status, e.code).toBe(404);
    }
    const named = all.filter((e) => e.subject).map((e) => e.subject);
    expect(new Set(named).size).toBe(named.length);
  });

  it('holds every module catalogue file, and every module with codes has one', () => {
    const catalogues = files.filter((f) => /^src\/modules\/[^/]+\/errors\.ts$/.test(f.path));
    expect(catalogues.map((f) => f.path)).toContain('src/modules/tasks/errors.ts');
    for (const f of catalogues) expect(f.text, f.path).toMatch(/defineErrors\('[a-z-]+'/);
    // Only the catalogues define codes.
    for (const f of files) if (f.text.includes('defineErrors(') && f.path !== 'src/platform/errors.ts') expect(f.path).toMatch(/^src\/modules\/[^/]+\/errors\.ts$/);
  });
});

describe('the source', () => {
  const CONSTANT = /^(?:[A-Z][A-Z0-9]*_ERRORS|E)\.([A-Z][A-Z0-9_]*)$/;
  /** A constant table of catalogue entries looked up by a typed key (`REFUSALS[refusal.code]`): AppError's type takes only entries. */
  const TABLE = /^[A-Z][A-Z0-9_]*\[[\w.]+\]$/;

  it('builds AppErrors only from catalogue constants (or, in legacy files, literal codes of the catalogue)', () => {
    const problems: string[] = [];
    const legacyUse = new Map<string, number>();
    const legacy = (path: string, what: string) => {
      legacyUse.set(path, (legacyUse.get(path) ?? 0) + 1);
      if (!(path in LEGACY)) problems.push(`${path}: ${what}: use a catalogue constant (new AppError(X_ERRORS.CODE, message))`);
    };
    const checkLiteral = (path: string, code: string, status: number | undefined, what: string) => {
      const def = known.get(code);
      if (!def) problems.push(`${path}: ${what}: ${code} is in no catalogue`);
      else if (status !== undefined && def.status !== status) problems.push(`${path}: ${what}: ${code} is ${def.status} in the catalogue, thrown as ${status}`);
    };
    for (const { path, text } of files) {
      if (path === 'src/platform/errors.ts') continue;
      // new AppError(first, second, …) and super(…) in subclasses of AppError.
      const calls = [...text.matchAll(/new AppError\(\s*([^,()]+(?:\([^)]*\))?)\s*,\s*([^,]+)/g)].map((m) => ({ a: m[1]!.trim(), b: m[2]!.trim(), what: m[0] }));
      if (/extends AppError\b/.test(text)) calls.push(...[...text.matchAll(/super\(\s*([^,()]+)\s*,\s*([^,]+)/g)].map((m) => ({ a: m[1]!.trim(), b: m[2]!.trim(), what: m[0] })));
      for (const { a, b, what } of calls) {
        if (TABLE.test(a)) continue;
        if (CONSTANT.test(a)) {
          const code = CONSTANT.exec(a)![1]!;
          if (!known.has(code)) problems.push(`${path}: ${what}: ${code} is in no catalogue`);
          continue;
        }
        legacy(path, what);
        const lit = /^'([A-Z0-9_]+)'$/.exec(b);
        if (/^\d+$/.test(a) && lit) checkLiteral(path, lit[1]!, Number(a), what);
        else if (b.startsWith('`') || b.includes('+')) problems.push(`${path}: ${what}: a code built from a string`);
        // Anything else (decision.refusal.code) is typed ErrorCode; the literals behind it are checked below.
      }
      for (const m of text.matchAll(/\bconflict\(\s*'([A-Z0-9_]+)'/g)) {
        legacy(path, m[0]);
        checkLiteral(path, m[1]!, 409, m[0]);
      }
      for (const m of text.matchAll(/\bnotFound\(\s*'([A-Za-z]+)'/g)) {
        legacy(path, m[0]);
        if (!subjects.has(m[1]!)) problems.push(`${path}: ${m[0]}: no catalogue declares the subject ${m[1]}`);
      }
      // Codes written as data (a rule's typed refusal, a reply body).
      for (const m of text.matchAll(/\bcode:\s*'([A-Z][A-Z0-9_]+)'/g)) checkLiteral(path, m[1]!, undefined, m[0]);
      if (/_NOT_FOUND`|toUpperCase\(\)\}_/.test(text)) problems.push(`${path}: builds an error code from a string`);
    }
    for (const [path, n] of legacyUse) if (path in LEGACY && n > LEGACY[path]!) problems.push(`${path}: ${n} legacy error constructions, at most ${LEGACY[path]} allowed: use catalogue constants`);
    expect(problems).toEqual([]);
  });

  it('sends error bodies only through the catalogue (no hand-written { error: { code } } replies)', () => {
    const offenders = files
      .filter((f) => /send\(\s*\{\s*error:\s*\{\s*code:/.test(f.text) || (f.path !== 'src/platform/http/errors.ts' && /:\s*ErrorBody\s*=\s*\{/.test(f.text)))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});
