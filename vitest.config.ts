import { defineConfig } from 'vitest/config';

// One `vitest run` runs every suite: fast units first, then the builds, the browser and
// the corpus, one group after another. Heavy suites run one file at a time: this
// machine has 2 cores.
export default defineConfig({
  test: {
    projects: [
      {
        // Some units read the whole corpus of entries: allow for a loaded 2-core machine.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 }, testTimeout: 120_000 },
      },
      {
        test: {
          name: 'build',
          sequence: { groupOrder: 1 },
          include: ['tests/build/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 900_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'corpus',
          sequence: { groupOrder: 3 },
          include: ['tests/corpus/**/*.test.ts'],
          testTimeout: 1_800_000,
          hookTimeout: 1_800_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
