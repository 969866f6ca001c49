/**
 * `--json`, one convention on every command:
 * - `--json` or `--json -`: the report as JSON on stdout, instead of the text;
 * - `--json FILE.json`: the JSON written to FILE.json (checked first and written atomically, as every output),
 *   the text report still on stdout; `--json=PATH` names a file of any name.
 * The argument after `--json` is taken as its file only when it is `-`, empty (refused then, as an empty path) or
 * ends in `.json`: `plan --json manifest.yaml` keeps its argument (and `plan --json cluster.json`, its manifest
 * taken, exits 2 for want of one, writing nothing). `locate`'s arguments are keys, any of which may end in `.json`
 * (`s3://bucket/a.json`): there only `-` is taken, and a file is named `--json=FILE`.
 */
import { checkOutputPath, isStdout, optionalOutput, withReport, type Output } from './output-file.js';

export const JSON_OPTION = [
  '--json [file]',
  'the report as JSON: on stdout instead of the text (--json, --json -), or written to FILE.json with the text on stdout (--json=PATH for any name)',
] as const;

/** Whether `arg`, after `--json` on `command`'s line, is the flag's file. */
function takesFile(command: string | undefined, arg: string): boolean {
  if (command === 'locate') return arg === '-';
  return arg === '-' || arg === '' || /\.json$/i.test(arg);
}

/** argv with every `--json` (before a `--`) given its value: `--json=FILE` when the next argument is its file, else `--json=-`. */
export function withJsonValues(argv: readonly string[]): string[] {
  const command = argv[0];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return [...out, ...argv.slice(i)];
    if (a !== '--json') {
      out.push(a);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && takesFile(command, next)) {
      out.push(`--json=${next}`);
      i++;
    } else {
      out.push('--json=-');
    }
  }
  return out;
}

/** The path of a `--json` flag's value: '-' (stdout) for a bare flag, undefined when not given. */
export function jsonPath(value: string | boolean | undefined): string | undefined {
  return value === undefined || value === false ? undefined : value === true ? '-' : value;
}

/** Refuses a --json file that cannot be written, before the command computes anything. */
export function checkJsonPath(value: string | boolean | undefined): void {
  const path = jsonPath(value);
  if (path !== undefined) checkOutputPath('--json', path);
}

/** Whether the JSON takes stdout (so the text report does not). */
export const jsonOnStdout = (value: string | boolean | undefined): boolean => isStdout(jsonPath(value));

/**
 * A report's outputs under the convention: the files asked for (`--html`), then the JSON at its path, then the
 * text on stdout unless one of them goes there. Two outputs to stdout are refused by writeOutputs.
 */
export function reportOutputs(
  json: string | boolean | undefined,
  renderJson: () => string,
  renderText: () => string,
  files: ReadonlyArray<Output | undefined> = [],
): Output[] {
  return withReport([...files, optionalOutput('--json', jsonPath(json), renderJson)], { flag: 'the report', path: '-', render: renderText });
}
