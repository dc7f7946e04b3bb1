import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'samples', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
