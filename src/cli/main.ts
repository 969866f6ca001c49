#!/usr/bin/env node
/**
 * The `ring-sim` command: runs the program on process.argv and sets the exit code.
 * Exit codes: 0 success, 1 a finding that would make a deployment fail, 2 bad input (one line on stderr).
 */
import { run } from './run.js';
import { terminalProgress } from './progress.js';

const code = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  progress: (unit) => (process.stderr.isTTY ? terminalProgress(unit) : undefined),
});
process.exitCode = code;
