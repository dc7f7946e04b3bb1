import { defineConfig } from 'vitest/config';

// One run covers every package; each package may add its own config (the designer needs jsdom).
export default defineConfig({
  test: {
    projects: ['shared', 'runtime', 'designer', 'samples'],
  },
});
