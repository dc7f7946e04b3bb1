import { defineProject } from 'vitest/config';

// Browser tests against one real runtime (started by the global setup) and the built designer.
// Not part of the root `projects`: `pnpm test:e2e` runs them after the unit tests.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['src/globalSetup.ts'],
    // One browser at a time on a shared runtime (whose manual clock every test moves).
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Live numbers arrive within a few hundred ms; a loaded CI machine may take seconds.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
