/**
 * The `ring-sim` program, runnable in-process (tests) or from `main.ts` (the bin).
 * Exit codes: 0 success, 1 a finding that would make a deployment fail, 2 bad input (one line on stderr).
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { RingSimError } from '../core/errors.js';
import { registerCompare } from './commands/compare.js';
import { registerLocate } from './commands/locate.js';
import { registerCachesim } from './commands/cachesim.js';
import { registerCapacity } from './commands/capacity.js';
import { registerSimulate } from './commands/simulate.js';
import { registerPlan } from './commands/plan.js';
import { registerInspect } from './commands/inspect.js';
import type { Io } from './io.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export function buildProgram(io: Io, setExitCode: (code: number) => void = () => {}): Command {
  const program = new Command();
  program
    .name('ring-sim')
    .description('See before you deploy how a consistent-hash cache places data and what moves when workers change.')
    .version(pkg.version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError(false);
  registerPlan(program, io, setExitCode);
  registerLocate(program, io);
  registerCompare(program, io);
  registerCachesim(program, io);
  registerCapacity(program, io, setExitCode);
  registerSimulate(program, io);
  registerInspect(program, io);
  for (const c of program.commands) c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  return program;
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has already printed its one-line message; help and version exit 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof RingSimError) {
      io.err(`ring-sim: error: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`ring-sim: internal error: ${message.split('\n')[0]} (please report this)\n`);
    return 70;
  }
}

