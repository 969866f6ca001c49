// Running ring-sim in a fresh process for the sections that time the CLI.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a scenario of `lines` as DIR/NAME.yaml and returns its path. */
export function scenarioFile(dir, name, lines) {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

/** Runs the CLI with `args` in bench/cli-child.js: its wall time, CPU time and peak RSS. */
export function cliRun(args) {
  return JSON.parse(execFileSync(process.execPath, [new URL('../cli-child.js', import.meta.url).pathname, ...args], { encoding: 'utf8' }));
}

/** Runs bench/CHILD.js with `args` (and `options.env`, when given) and parses what it prints. */
export function childJson(child, args, options = {}) {
  return JSON.parse(
    execFileSync(process.execPath, [new URL(`../${child}`, import.meta.url).pathname, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, ...options }),
  );
}
