import { defineConfig } from 'vitest/config';

/**
 * Files that start real processes (the built CLI, etcd, Chromium, npm, depcruise) or run the CLI in-process: each
 * runs in a fresh fork of its own, so whatever one leaves behind (a child process, a listener, a spied stream, a
 * cached asset) dies with it.
 */
const processes = [
  'test/cli/**/*.test.ts',
  'test/docs/**/*.test.ts',
  'test/membership/**/*.test.ts',
  'test/report/browser.test.ts',
  'test/plan/against.test.ts',
  'test/plan/cli-figures.test.ts',
  'test/package.test.ts',
  'test/layers.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: vitest's default leaves one idle, and most of the suite waits on child processes (the built CLI,
    // etcd, Chromium). 136 s against 182 s for the whole suite on the 2-core CI machine. (3 workers measured no
    // better: 109 s against 104 s, the other sessions' load 4-5.)
    maxWorkers: 2,
    projects: [
      // Runs first (vitest orders projects by name), so the long files start while the short ones fill the gaps.
      { extends: true, test: { name: 'processes', include: processes } },
      // The library's own tests (pure functions, no processes, no globals touched) share one fork per core instead of
      // starting one per file: importing vitest and the library again for each of ~130 files cost about as much as
      // running them (62 s against 21 s wall for these files on 2 cores).
      { extends: true, test: { name: 'pure', include: ['test/**/*.test.ts'], exclude: processes, isolate: false } },
    ],
  },
});
