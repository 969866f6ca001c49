import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process and captures its output. */
export async function cli(...argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { out: (s) => (stdout += s), err: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

export function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ring-sim-test-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The built CLI (dist/cli/main.js), as users run it. */
export const BUILT_CLI = new URL('../../dist/cli/main.js', import.meta.url).pathname;

/** Runs the built CLI as a child process (a shell pipeline when `pipeTo` is given, e.g. 'head -c 100'). */
export function builtCli(argv: readonly string[], options: { cwd?: string; input?: string; pipeTo?: string } = {}): CliResult {
  if (options.pipeTo) {
    const quoted = [process.execPath, BUILT_CLI, ...argv].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('bash', ['-c', `set -o pipefail; ${quoted} | ${options.pipeTo}`], { cwd: options.cwd, encoding: 'utf8', timeout: 60_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  const r = spawnSync(process.execPath, [BUILT_CLI, ...argv], { cwd: options.cwd, input: options.input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The YAML of a one-group AlluxioCluster named `c`, as the plan tests write it: each `worker` line under
 * spec.worker (indented there), each `properties` line under spec.properties (none: no properties).
 */
export function clusterYaml(o: { worker: readonly string[]; properties?: readonly string[] }): string {
  const properties = o.properties ?? [];
  return [
    'apiVersion: k8s-operator.alluxio.com/v1',
    'kind: AlluxioCluster',
    'metadata: {name: c}',
    'spec:',
    ...(properties.length ? ['  properties:', ...properties.map((p) => `    ${p}`)] : []),
    '  worker:',
    ...o.worker.map((w) => `    ${w}`),
    '',
  ].join('\n');
}

/** clusterYaml written to a temporary file `name`; its path. */
export function clusterManifest(name: string, o: { worker: readonly string[]; properties?: readonly string[] }): string {
  return tempFile(name, clusterYaml(o));
}

/** Two workers whose emptyDir page stores of 100Gi (10Gi reserved) keep their identities: a restart empties one. */
export const EMPTYDIR_WORKERS = [
  'count: 2',
  'useExternalId: false',
  'systemInfo: {hostPath: /home/alluxio/system-info}',
  'pagestore: {type: emptyDir, size: 100Gi, reservedSize: 10Gi}',
] as const;

/** `ring-sim plan ARGS --json` through the built CLI: exit code, stderr and the parsed report. */
export function builtPlan<T>(args: readonly string[], options: { cwd?: string } = {}): CliResult & { json: T } {
  const r = builtCli(['plan', ...args, '--json'], options);
  return { ...r, json: JSON.parse(r.stdout) as T };
}
