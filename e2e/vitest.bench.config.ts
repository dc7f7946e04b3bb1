import { defineProject } from 'vitest/config';
import e2e from './vitest.config';

// Browser benchmarks: the e2e set-up (real runtime, built designer, Debian Chromium) with files that print
// figures instead of checking behaviour. `pnpm --filter @journey/e2e bench`, after building the designer.
export default defineProject({
  test: {
    ...e2e.test,
    name: 'e2e-bench',
    include: ['bench/**/*.bench.ts'],
    testTimeout: 180_000,
  },
});
