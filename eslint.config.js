// ESLint: the usual correctness rules (ESLint's and typescript-eslint's recommended, type-aware),
// React's rules of hooks for the web app, and the layering of DESIGN.md as import rules, so that
// a wrong import fails `npm run lint` (and CI) instead of waiting for a reviewer.
//
// The import rules work on the import specifier as written (`../tasks/store.ts`), which is how
// this codebase imports: relative paths with their `.ts` extension.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const modules = readdirSync(new URL('./src/modules/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

// One rule set per kind of file. ESLint replaces (does not merge) a rule's options when a later
// block matches the same file, so each block below lists every restriction that applies to it.
const layer = {
  platformKnowsNoModule: {
    patterns: [
      {
        group: ['**/modules/**', '**/demo/**', '**/server.ts', '**/cli.ts'],
        message:
          'src/platform is shared machinery and knows nothing of any module (DESIGN.md): no import of src/modules, src/demo, src/server.ts or src/cli.ts. Let the module call the platform, or pass what the platform needs in (a callback, a registry entry).',
      },
    ],
  },
  moduleKnowsNoAssembly: {
    patterns: [
      {
        group: ['**/server.ts', '**/cli.ts'],
        message:
          'A module does not import the app assembly (src/server.ts, src/cli.ts): they import the modules (through the registry), not the other way round.',
      },
    ],
  },
  pure: {
    paths: [
      { name: 'kysely', message: 'rules.ts and policy.ts are pure decisions (DESIGN.md): no database. Take plain values in; let the service load them through the store.' },
      { name: 'pg', message: 'rules.ts and policy.ts are pure decisions (DESIGN.md): no database. Take plain values in; let the service load them through the store.' },
    ],
    patterns: [
      {
        group: ['**/store*', '**/db/**', '@electric-sql/*', 'kysely/*'],
        message:
          'rules.ts and policy.ts are pure decisions (DESIGN.md): no store, no database. Take plain values in; let the service load them through the store.',
      },
      {
        group: ['**/*service*'],
        message:
          'rules.ts and policy.ts are pure decisions (DESIGN.md): they call no service. The service calls the rules, not the other way round.',
      },
    ],
  },
  routesUseServices: {
    patterns: [
      {
        group: ['**/store*'],
        message:
          'Routes are HTTP only (DESIGN.md): validate, authorize, one service call, map the result. They never reach a store; ask the service (and take shared types and constants from rules.ts or schemas.ts).',
      },
    ],
  },
  // A module reaches another module only through that module's service, never its store.
  otherModulesStore: (own) => ({
    patterns: [
      {
        regex: `^(\\.\\./)+(modules/)?(?!${own}/)[^./][^/]*/store(\\.[cm]?[jt]s)?$`,
        message: `Modules meet only through services (DESIGN.md): src/modules/${own} may call another module's service.ts, never its store. Add the read or write you need to that module's service (it takes an executor, so it can join your transaction).`,
      },
    ],
  }),
  migrationsFrozen: {
    patterns: [
      {
        regex: '^\\.',
        message:
          'A migration never imports application code, so it stays frozen in time (STYLE.md): write the SQL and the constants it needs inline, on Kysely<any>.',
      },
    ],
  },
  webIsOnItsOwn: (depth) => ({
    patterns: [
      {
        regex: `^(\\.\\./){${depth},}`,
        message:
          'The web app never imports the server (src/) or anything else outside web/: it talks to the server over HTTP only. Put what both need in the API (the OpenAPI document), not in a shared import.',
      },
    ],
  }),
};

/** One `no-restricted-imports` setting from several of the sets above. */
function restrict(...sets) {
  const paths = sets.flatMap((s) => s.paths ?? []);
  const patterns = sets.flatMap((s) => s.patterns ?? []);
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

export default defineConfig(
  {
    ignores: ['node_modules/', 'web/dist/', 'test-results/', 'coverage/', '**/*.d.ts'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // One TypeScript program per tsconfig (the server's and the web app's), found per file.
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a callback's signature).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // An async callback without await is how a function that must return a Promise (a task
      // action's apply, a task-event subscriber, a test stub) says so; the rule only asks to
      // wrap such values in Promise.resolve by hand.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript (the bin stub, build scripts, this file): no types to check against.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    languageOptions: { globals: globals.browser },
    rules: {
      // React and Ant Design ignore what an event handler returns, so `onClick={async () => …}`
      // is fine; a promise passed where other code waits for `void` is still reported.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // API tests read response bodies with `res.json()`, which is `any` by design, and assert
    // their shape with `expect`: the no-unsafe-* rules would only ask for casts there.
    files: [...TESTS, 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // A migration works on `Kysely<any>` so that it never depends on today's table types
    // (STYLE.md "Migrations", kysely docs).
    files: ['src/**/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  // ---- Layering (DESIGN.md "Architecture", "How modules meet") ----
  { files: ['src/platform/**/*.ts'], rules: restrict(layer.platformKnowsNoModule) },
  { files: ['src/platform/**/rules.ts'], rules: restrict(layer.platformKnowsNoModule, layer.pure) },
  ...modules.flatMap((m) => [
    { files: [`src/modules/${m}/**/*.ts`], rules: restrict(layer.moduleKnowsNoAssembly, layer.otherModulesStore(m)) },
    {
      files: [`src/modules/${m}/**/rules.ts`, `src/modules/${m}/**/policy.ts`],
      rules: restrict(layer.moduleKnowsNoAssembly, layer.otherModulesStore(m), layer.pure),
    },
    {
      files: [`src/modules/${m}/**/routes.ts`, `src/modules/${m}/**/schemas.ts`],
      rules: restrict(layer.moduleKnowsNoAssembly, layer.otherModulesStore(m), layer.routesUseServices),
    },
  ]),
  { files: ['src/**/migrations/**/*.ts'], rules: restrict(layer.migrationsFrozen) },
  // Tests may reach past the layers (a test builds the whole app, or inspects a store)...
  { files: TESTS.map((t) => `src/${t}`), rules: { 'no-restricted-imports': 'off' } },
  // ...but the web app, tests included, stays on its own side of HTTP. Depth = how many `../`
  // lead from a file's folder out of web/.
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((depth) => ({
    files: [`web/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: restrict(layer.webIsOnItsOwn(depth)),
  })),
);
