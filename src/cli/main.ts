#!/usr/bin/env node
/**
 * The `ring-sim` command: runs the program on process.argv and sets the exit code.
 * Exit codes: 0 success, 1 a finding that would make a deployment fail, 2 bad input (one line on stderr),
 * 70 an internal error (one line; `--debug` adds the stack).
 */
import { internalError, run } from './run.js';
import { terminalProgress } from './progress.js';

const debug = process.argv.slice(2).includes('--debug');
const fatal = (e: unknown): void => {
  process.stderr.write(internalError(e, debug));
  process.exit(70);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
// A reader that stops early (`ring-sim plan --json | head -c 100`) closes the pipe: stop quietly, as `cat` does.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  fatal(e);
});
process.stderr.on('error', () => {});

const code = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  progress: (unit) => (process.stderr.isTTY ? terminalProgress(unit) : undefined),
});
process.exitCode = code;
