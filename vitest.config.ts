import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Corpus-wide tests are CPU-bound; two workers match the two cores CI has.
    maxWorkers: 2,
  },
});
