import { defineConfig } from 'vitest/config';

/**
 * Two projects: `fast` (everything a developer runs while working) and `slow` (tests that take a
 * minute each: a worker killed by its heap limit, Ctrl-C in a batch, the PDF speed log). `npm test`
 * runs both, as CI does; `npm run test:fast` runs the first only.
 */
export default defineConfig({
  test: {
    // Corpus-wide tests are CPU-bound; two workers match the two cores CI has.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.slow.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup: ['test/setup/scratch.ts', 'test/setup/build.ts', 'test/setup/corpus-notice.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'slow',
          include: ['test/**/*.slow.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          globalSetup: ['test/setup/scratch.ts', 'test/setup/build.ts', 'test/setup/corpus-notice.ts'],
        },
      },
    ],
  },
});
