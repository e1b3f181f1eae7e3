import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real app on a fresh embedded database, driven through Debian's Chromium
 * with playwright-core. Run by `npm run test:e2e` (and so by `npm run test:full` and CI).
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/helpers/global-setup.ts'],
    env: { NODE_ENV: 'test' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
