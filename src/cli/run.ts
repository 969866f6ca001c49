/**
 * The `ring-sim` program, runnable in-process (tests) or from `main.ts` (the bin).
 * Exit codes: 0 success, 1 a finding that would make a deployment fail, 2 bad input (one line on stderr).
 */
import { Command, CommanderError } from 'commander';
import { RingSimError, oneLine } from '../core/errors.js';
import type { Io } from './io.js';
import { withJsonValues } from './json-option.js';
import { RING_SIM_VERSION } from './version.js';

type Register = (program: Command, io: Io, setExitCode: (code: number) => void) => void;

/**
 * Each command's module, in the order help lists them, loaded only when needed: a run names one command, and
 * loading every command's modules (the plan, HTML and etcd code for a `cachesim`) would cost it about 0.2 s.
 */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Register>]> = [
  ['plan', async () => (await import('./commands/plan.js')).registerPlan],
  ['locate', async () => (await import('./commands/locate.js')).registerLocate],
  ['compare', async () => (await import('./commands/compare.js')).registerCompare],
  ['cachesim', async () => (await import('./commands/cachesim.js')).registerCachesim],
  ['capacity', async () => (await import('./commands/capacity.js')).registerCapacity],
  ['simulate', async () => (await import('./commands/simulate.js')).registerSimulate],
  ['merge', async () => (await import('./commands/merge.js')).registerMerge],
  ['job', async () => (await import('./commands/job.js')).registerJob],
  ['inspect', async () => (await import('./commands/inspect.js')).registerInspect],
];

/**
 * The program with every command, or only `command` when it names one (the same parse and help for that command:
 * a subcommand's options and help do not depend on its siblings).
 */
export async function buildProgram(io: Io, setExitCode: (code: number) => void = () => {}, command?: string): Promise<Command> {
  const program = new Command();
  program
    .name('ring-sim')
    .description('See before you deploy how a consistent-hash cache places data and what moves when workers change.')
    .version(RING_SIM_VERSION)
    .option('--debug', 'on an internal error (exit 70), print its stack trace')
    .exitOverride()
    .configureOutput(output(io))
    .showHelpAfterError(false);
  const named = COMMANDS.filter(([name]) => name === command);
  for (const [, load] of named.length ? named : COMMANDS) (await load())(program, io, setExitCode);
  for (const c of program.commands) c.exitOverride().configureOutput(output(io));
  return program;
}

/** Commander's output: its errors become one line (its "(Did you mean …)" hint joins the message). */
function output(io: Io) {
  return {
    writeOut: (s: string) => io.out(s),
    writeErr: (s: string) => io.err(s),
    outputError: (s: string, write: (s: string) => void) => {
      const text = s
        .trim()
        .replace(/^error: /, '')
        .replace(/\n\(Did you mean (.*)\)$/s, ' (did you mean $1)');
      write(`ring-sim: error: ${oneLine(text)}\n`);
    },
  };
}

/** `--debug` anywhere before a `--`: taken out of argv before commander reads it. */
function takeDebug(argv: readonly string[]): { debug: boolean; rest: string[] } {
  const end = argv.indexOf('--');
  const head = end < 0 ? [...argv] : argv.slice(0, end);
  const rest = head.filter((a) => a !== '--debug');
  return { debug: rest.length !== head.length, rest: end < 0 ? rest : [...rest, ...argv.slice(end)] };
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const { debug, rest: raw } = takeDebug(argv);
  const rest = withJsonValues(raw);
  let exitCode = 0;
  try {
    if (rest.length === 0) throw new RingSimError('command', undefined, 'no command given', 'run ring-sim --help for the commands');
    const program = await buildProgram(io, (code) => (exitCode = code), rest[0]);
    await program.parseAsync(rest, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has already printed its one-line message; help and version exit 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof RingSimError) {
      io.err(`ring-sim: error: ${oneLine(e.message)}\n`);
      return 2;
    }
    io.err(internalError(e, debug));
    return 70;
  }
}

/** An unexpected exception: one line (exit 70), or with `--debug` the stack after it. */
export function internalError(e: unknown, debug: boolean): string {
  let message: string;
  try {
    message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  } catch {
    message = 'an unprintable value was thrown';
  }
  const line = `ring-sim: internal error: ${oneLine(message)} (please report this; --debug prints the stack)\n`;
  const stack = debug && e instanceof Error && e.stack ? `${e.stack}\n` : '';
  return line + stack;
}
