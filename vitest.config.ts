import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure code, no database, the web app's logic included) and `api` (the real app on a real database:
 * PGlite by default, the PostgreSQL server at DATABASE_URL under `npm run test:pg`).
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on a 2-core CI machine that is one
    // worker, and one core idles while the API tests run file after file. Each test file has its
    // own database (and PGlite runs in the worker), so two files at once are independent.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.api.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['src/**/*.api.test.ts', 'test/**/*.api.test.ts'],
          environment: 'node',
          globalSetup: ['test/helpers/global-setup.ts'],
          env: { NODE_ENV: 'test' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
