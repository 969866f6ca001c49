import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: vitest's default leaves one idle, and most of the suite waits on child processes (the built CLI,
    // etcd, Chromium). 136 s against 182 s for the whole suite on the 2-core CI machine.
    maxWorkers: 2,
  },
});
