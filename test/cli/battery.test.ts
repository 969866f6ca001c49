/**
 * The bad-input battery (issue 17): over 200 bad invocations across every command, run against the BUILT CLI.
 * Each must print exactly one line on stderr, starting "ring-sim: error:", and exit 2: never 70 (an internal
 * error), never 0 or 1 (bad input silently accepted).
 *
 * How they run, to stay fast on two cores:
 * - every case goes through ONE child process (test/cli/battery-runner.mjs) that imports dist/cli/run.js and
 *   calls its run() for each argv in turn, reporting exit code and stderr lines;
 * - a representative subset (every 6th case, about 40) also runs as real child processes on dist/cli/main.js,
 *   exactly as a user runs them.
 *
 * Invalid values of known Alluxio properties are findings (exit 1), not bad input: test/cli/plan-properties.test.ts.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_CLI } from './helpers.js';
import { commandMissing } from '../shared.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-battery-'));
const f = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const M = 'examples/alluxio-cluster.yaml';
const S = 'examples/scenarios/dynamic-ring-worker-down.yaml';
const W = 'examples/workers.txt';
const EMPTY = f('empty', '');
const DIR = join(dir, 'a-dir');
mkdirSync(DIR);
const MISSING = join(dir, 'missing.txt');
const BINARY = f('binary.bin', new Uint8Array([0, 1, 2, 255, 254, 0, 10, 13, 0]));
const TRACE = f('t.txt', 'a\nb\na\nc\n');
const NUM_TRACE = f('n.txt', '1\n2\nx\n');
const CSV = f('t.csv', 'time,id,size\n1,a,10\n2,b,x\n');
const ORACLE_SHORT = f('short.bin', new Uint8Array(30));
const FIFO = commandMissing('mkfifo', 'the FIFO cases of the battery', 'coreutils') ? undefined : join(dir, 'fifo');
if (FIFO) execFileSync('mkfifo', [FIFO]);
const manifest = (spec: string): string =>
  f(`m-${Math.random().toString(36).slice(2)}.yaml`, `apiVersion: k8s-operator.alluxio.com/v1\nkind: AlluxioCluster\nmetadata:\n  name: a\nspec:\n${spec}`);
const scenario = (text: string): string => f(`s-${Math.random().toString(36).slice(2)}.yaml`, text);
const GROUP = 'cluster:\n  workerGroups: [{name: a, count: 2, pagestore: {size: 1Gi}}]\n';
const WORKLOAD = 'workload: {type: uniform, files: 10, requests: 100}\n';

const badFiles = [EMPTY, DIR, MISSING, '/dev/zero', '', ...(FIFO ? [FIFO] : [])];
const badInts = ['0', '-1', 'abc', '1.5', '', ' ', 'NaN', '0x10', '1e400', '99999999999999999999'];

function cases(): string[][] {
  const c: string[][] = [];
  // The program itself.
  c.push([], ['nosuch'], ['--nosuch'], ['plan', '--jsn', M], ['locate', '--workres', W, 'k'], ['compare', '--count']);
  // plan
  c.push(['plan'], ['plan', M, 'extra-arg']);
  for (const p of badFiles) c.push(['plan', p]);
  c.push(['plan', BINARY], ['plan', f('bad.yaml', 'a: [1, 2\nb: {')], ['plan', f('list.yaml', '- 1\n- 2\n')]);
  c.push(['plan', f('nokind.yaml', 'apiVersion: v1\nkind: ConfigMap\n')], ['plan', f('json.yaml', '{"a": ')]);
  c.push(['plan', manifest('  worker: {count: 0, pagestore: {size: 1Gi}}\n')]);
  c.push(['plan', manifest('  worker: {count: 1.5, pagestore: {size: 1Gi}}\n')]);
  // (pagestore.size: 100GB is a finding, exit 1: plan reads it as Alluxio would and names the Kubernetes spelling.)
  c.push(['plan', manifest('  worker: {count: 2, pagestore: {size: -1Gi}}\n')]);
  c.push(['plan', manifest('  worker: {count: 2, pagestore: {size: 0}}\n')]);
  c.push(['plan', manifest('  worker: {count: 2, pagestore: {size: 1Gi, reservedSize: 2Gi}}\n')]);
  c.push(['plan', manifest('  worker: {count: 2, pagestore: {size: [1]}}\n')]);
  c.push(['plan', manifest('  worker: {count: 2, pagestore: {size: 1Gi, type: nfs}}\n')]);
  c.push(['plan', manifest('  worker: {count: 2}\n')]);
  c.push(['plan', manifest('  worker: 3\n')]);
  c.push(['plan', manifest('  properties: [1]\n  worker: {count: 2, pagestore: {size: 1Gi}}\n')]);
  c.push(['plan', manifest('  properties:\n    toString: {a: 1}\n  worker: {count: 2, pagestore: {size: 1Gi}}\n')]);
  c.push(['plan', manifest('  etcd: {replicaCount: 0}\n  worker: {count: 2, pagestore: {size: 1Gi}}\n')]);
  c.push(['plan', manifest('  etcd: {enabled: maybe}\n  worker: {count: 2, pagestore: {size: 1Gi}}\n')]);
  c.push(['plan', manifest('  worker: {count: 2, useExternalId: yes-please, pagestore: {size: 1Gi}}\n')]);
  c.push(['plan', f('docs.yaml', 'a: 1\n...\n'.repeat(5000))], ['plan', f('deep.yaml', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)]);
  c.push([
    'plan',
    f(
      'alias.yaml',
      'a: &a [1,2,3,4,5,6,7,8,9,10]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    ),
  ]);
  for (const [flag, values] of [
    ['--disk', ['abc', '', '-5GB']],
    ['--provider', ['azure-ish', '']],
    ['--fs', ['ntfs', '']],
    ['--nodes', badInts.slice(0, 5)],
    ['--dataset', ['abc', '0', '-1TiB', '', '1e40TB']],
    ['--files', ['abc', '0', '1.5', '-3']],
    ['--edition', ['community']],
    ['--seed', ['-1', 'abc', '2147483648']],
    ['--what-if-vnodes', ['0', 'abc']],
    ['--platform', ['openshift']],
    ['--html', ['', DIR, join(MISSING, 'x.html')]],
    ['--trace-format', ['parquet']],
  ] as const) {
    for (const v of values) c.push(['plan', M, flag, v]);
  }
  for (const p of badFiles) c.push(['plan', M, '--workers', p]);
  c.push(
    ['plan', M, '--workers', f('pw1.txt', 'w0\n')],
    ['plan', M, '--workers', f('pw2.txt', 'w0 abc\n')],
    ['plan', M, '--workers', f('pw3.txt', 'w0 -1Gi\n')],
  );
  c.push(['plan', M, '--trace', TRACE], ['plan', M, '--trace', TRACE, '--trace-format', 'csv'], ['plan', M, '--trace', EMPTY, '--trace-format', 'txt']);
  c.push(['plan', M, '--trace', TRACE, '--trace-format', 'txt', '--dataset', '1TiB'], ['plan', M, '--trace', DIR, '--trace-format', 'txt']);
  c.push(['plan', M, '--json', '--html', '-']);
  // Duplicate --workers names and a virtual-node what-if past the ring-point cap are bad input (exit 2). Invalid
  // values of known Alluxio properties ("flase", CAPACTY) are findings (exit 1), tested in plan-properties.test.ts.
  c.push(['plan', 'examples/alluxio-cluster-heterogeneous.yaml', '--workers', f('pw-dup.txt', 'w0 10Gi\nw0 20Gi\n')]);
  c.push(['plan', 'examples/alluxio-cluster-heterogeneous.yaml', '--what-if-vnodes', '16777216']);
  // locate
  c.push(['locate', 'k'], ['locate', '--workers', W]);
  for (const p of badFiles) c.push(['locate', '--workers', p, 'k']);
  for (const p of [DIR, MISSING, '/dev/zero']) c.push(['locate', '--workers', W, '--keys', p]);
  c.push(['locate', '--workers', f('w-bad1.txt', 'a 1 z extra\n'), 'k'], ['locate', '--workers', f('w-bad2.txt', 'a -1\n'), 'k']);
  c.push(['locate', '--workers', f('w-bad3.txt', 'a NaN\n'), 'k'], ['locate', '--workers', f('w-bad4.txt', '# only comments\n'), 'k']);
  c.push(['locate', '--workers', f('w-bad5.json', '[1, 2]'), 'k'], ['locate', '--workers', f('w-bad6.json', '[{"id": 5}]'), 'k']);
  c.push(['locate', '--workers', f('w-bad7.json', '[{"id": "a", "weight": -1}]'), 'k'], ['locate', '--workers', f('w-bad8.json', '[oops'), 'k']);
  c.push(['locate', '--workers', f('w-bad9.json', '[]'), 'k'], ['locate', '--workers', f('w-bad10.json', '{"a": 1}'), 'k']);
  c.push(
    ['locate', '--workers', f('w-bad11.json', '[{"version": 7, "identifier": "x"}]'), 'k'],
    ['locate', '--workers', f('w-bad12.json', '[{"id": "a", "zone": 3}]'), 'k'],
  );
  for (const [flag, values] of [
    ['--algorithm', ['nope', '']],
    ['--vnodes', badInts],
    ['--replicas', ['0', 'abc', '-2']],
    ['--identity', ['uuid']],
    ['--worker-order', ['random']],
    ['--weighting', ['float16']],
    ['--table-size', ['1', 'abc']],
    ['--probes', ['0', 'x']],
    ['--epsilon', ['0', '-1', 'abc', 'Infinity']],
    ['--ketama-points', ['0', '65537']],
  ] as const) {
    for (const v of values) c.push(['locate', '--workers', W, flag, v, 'k']);
  }
  c.push(['locate', '--workers', W, '--identity', 'identity', 'k'], ['locate', '--workers', W, '--replicas', '99', 'k']);
  // compare
  c.push(['compare'], ['compare', '--workers', W, '--count', '3'], ['compare', '--weights', '1,2']);
  for (const p of badFiles) c.push(['compare', '--workers', p]);
  for (const p of [EMPTY, DIR, MISSING, '/dev/zero']) c.push(['compare', '--count', '3', '--keys-file', p]);
  for (const v of badInts) c.push(['compare', '--count', v]);
  for (const v of ['0', 'abc', '-1', '1e99']) c.push(['compare', '--count', '3', '--keys', v]);
  c.push(
    ['compare', '--count', '3', '--algorithms', 'nope'],
    ['compare', '--count', '3', '--algorithms', ','],
    ['compare', '--count', '3', '--weights', '1,-2'],
  );
  c.push(['compare', '--count', '3', '--weights', 'a'], ['compare', '--count', '3', '--remove', 'nobody'], ['compare', '--count', '3', '--add-weight', '0']);
  c.push(['compare', '--count', '3', '--vnodes', '0'], ['compare', '--count', '3', '--table-size', 'x'], ['compare', '--count', '3', '--epsilon', 'NaN']);
  // cachesim
  c.push(['cachesim'], ['cachesim', '--trace', TRACE], ['cachesim', '--trace', TRACE, '--format', 'txt']);
  for (const p of badFiles) c.push(['cachesim', '--trace', p, '--format', 'txt', '--sizes', '2']);
  for (const v of ['0', '-1', 'abc', '1.5GB', '', ',', '1e3k', '1m5', '0.0', '.', '99999999999PB', '1e2147483647', '-1Gi', '1Gi'])
    c.push(['cachesim', '--trace', TRACE, '--format', 'txt', '--sizes', v]);
  c.push(
    ['cachesim', '--trace', TRACE, '--format', 'parquet', '--sizes', '2'],
    ['cachesim', '--trace', TRACE, '--format', 'txt', '--sizes', '2', '--policy', 'arc'],
  );
  c.push(['cachesim', '--trace', NUM_TRACE, '--format', 'txt', '--sizes', '2', '--id-is-num'], ['cachesim', '--trace', CSV, '--format', 'csv', '--sizes', '2']);
  c.push(
    ['cachesim', '--trace', CSV, '--format', 'csv', '--sizes', '2', '--id-col', '2', '--size-col', '3'],
    ['cachesim', '--trace', CSV, '--format', 'csv', '--sizes', '2', '--id-col', '9'],
  );
  c.push(
    ['cachesim', '--trace', ORACLE_SHORT, '--format', 'oracleGeneral', '--sizes', '2'],
    ['cachesim', '--trace', BINARY, '--format', 'cache2k', '--sizes', '2'],
  );
  c.push(['cachesim', '--trace', TRACE, '--format', 'twitter', '--sizes', '2'], ['cachesim', '--trace', EMPTY, '--format', 'txt', '--sizes', '2']);
  c.push(
    ['cachesim', '--trace', TRACE, '--format', 'csv', '--sizes', '2', '--trace-options', 'bogus=1'],
    ['cachesim', '--trace', TRACE, '--format', 'csv', '--sizes', '2', '--trace-options', 'no-equals'],
  );
  c.push(
    ['cachesim', '--trace', TRACE, '--format', 'csv', '--sizes', '2', '--trace-options', 'obj-id-col=0'],
    ['cachesim', '--trace', TRACE, '--format', 'txt', '--sizes', '2', '--metadata-bytes', '-1'],
  );
  c.push(
    ['cachesim', '--trace', TRACE, '--format', 'cache2k', '--sizes', '2', '--object-size', '0'],
    ['cachesim', '--trace', TRACE, '--format', 'csv', '--sizes', '2', '--time-col', 'x'],
  );
  c.push(
    ['cachesim', '--trace', f('long.txt', 'a'.repeat(1_100_000)), '--format', 'txt', '--sizes', '2'],
    ['cachesim', '--trace', f('bad.gz', new Uint8Array([0x1f, 0x8b, 1, 2, 3])), '--format', 'txt', '--sizes', '2'],
  );
  c.push(['cachesim', '--trace', f('bad.xz', new Uint8Array([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0, 1, 2, 3])), '--format', 'txt', '--sizes', '2']);
  // capacity
  c.push(['capacity'], ['capacity', '--reserved', '1Gi']);
  for (const v of ['abc', '', '1 2', 'Gi', '--', '1e2147483647']) c.push(['capacity', '--size', v]);
  for (const v of ['abc', '1 2']) c.push(['capacity', '--size', '90Gi', '--reserved', v]);
  for (const [flag, v] of [
    ['--disk', 'abc'],
    ['--disk', ''],
    ['--provider', 'ibm'],
    ['--fs', 'zfs'],
    ['--page-size', 'abc'],
    ['--page-size', '0'],
    ['--page-size', '-1MB'],
    ['--edition', 'free'],
  ] as const) {
    c.push(['capacity', '--size', '90Gi', flag, v]);
  }
  // simulate
  c.push(['simulate'], ['simulate', S, 'extra']);
  for (const p of badFiles) c.push(['simulate', p]);
  c.push(
    ['simulate', BINARY],
    ['simulate', f('s-bad.yaml', 'a: [')],
    ['simulate', f('s-two.yaml', 'a: 1\n---\nb: 2\n')],
    ['simulate', f('s-json.json', '{"name": ')],
  );
  c.push(['simulate', scenario('name: x\n')], ['simulate', scenario(`${GROUP}`)], ['simulate', scenario(`${WORKLOAD}`)]);
  c.push(['simulate', scenario(`${GROUP}${WORKLOAD}bogus: 1\n`)], ['simulate', scenario(`${GROUP}workload: {type: zipfian, files: 10, requests: 100}\n`)]);
  c.push(
    ['simulate', scenario(`${GROUP}workload: {type: uniform, files: 0, requests: 100}\n`)],
    ['simulate', scenario(`${GROUP}workload: {type: zipf, files: 10, requests: 100, alpha: 9}\n`)],
  );
  c.push(['simulate', scenario(`cluster:\n  workerGroups: [{name: a, count: 0, pagestore: {size: 1Gi}}]\n${WORKLOAD}`)]);
  c.push(['simulate', scenario(`cluster:\n  workerGroups: [{name: a, count: 2, pagestore: {size: 1GB}}]\n${WORKLOAD}`)]);
  c.push(['simulate', scenario(`cluster:\n  workerGroups: [{name: a, count: 2, pagestore: {size: 1Gi, pageSize: abc}}]\n${WORKLOAD}`)]);
  c.push(['simulate', scenario(`cluster:\n  workerGroups: [{name: a, count: 2}, {name: a, count: 2}]\n${WORKLOAD}`)]);
  c.push(['simulate', scenario(`${GROUP}${WORKLOAD}placement: {algorithm: nope}\n`)], ['simulate', scenario(`${GROUP}${WORKLOAD}placement: {replicas: 9}\n`)]);
  c.push(
    ['simulate', scenario(`${GROUP}${WORKLOAD}events: [{action: explode, at: 1}]\n`)],
    ['simulate', scenario(`${GROUP}${WORKLOAD}events: [{action: add-workers}]\n`)],
  );
  c.push(
    ['simulate', scenario(`${GROUP}${WORKLOAD}events: [{action: add-workers, at: 1, group: b}]\n`)],
    ['simulate', scenario(`${GROUP}${WORKLOAD}events: {a: 1}\n`)],
  );
  c.push(
    ['simulate', scenario(`${GROUP}${WORKLOAD}events: [{action: stop-worker, atTime: 5, worker: 0}]\n`)],
    ['simulate', scenario(`${GROUP}${WORKLOAD}seed: -4\n`)],
  );
  c.push(
    ['simulate', scenario(`${GROUP}workload: {type: trace, path: ${MISSING}, format: txt}\n`)],
    ['simulate', scenario(`${GROUP}workload: {type: trace, path: ${DIR}, format: txt}\n`)],
  );
  c.push(
    ['simulate', scenario(`${GROUP}workload: {type: trace, path: ${TRACE}, format: nope}\n`)],
    ['simulate', scenario(`${GROUP}${WORKLOAD}metrics: {window: 0}\n`)],
  );
  c.push(['simulate', scenario(`toString: 1\n${GROUP}${WORKLOAD}`)], ['simulate', scenario(`${GROUP}${WORKLOAD}x: &a [1]\n`)]);
  c.push(
    ['simulate', S, '--json', ''],
    ['simulate', S, '--html', DIR],
    ['simulate', S, '--json', '-', '--html', '-'],
    ['simulate', S, '--json', join(MISSING, 'x.json')],
  );
  // simulate --shard, merge
  for (const v of ['1/1', '0', 'x/2', '0/1025']) c.push(['simulate', S, '--shard', v, '--json', join(DIR, 'p.json')]);
  c.push(['simulate', S, '--shard', '0/2'], ['simulate', S, '--shard', '0/2', '--json', '-', '--html', join(DIR, 'p.html')]);
  c.push(['merge']);
  // job
  for (const v of ['0', '1001', '2x', '']) c.push(['job', S, '--shards', v]);
  c.push(['job', S], ['job', S, '--shards', '2', '--name', 'A_B'], ['job', S, '--shards', '2', '--image', '']);
  for (const p of badFiles) c.push(['job', p, '--shards', '2']);
  for (const p of badFiles) c.push(['merge', p]);
  c.push(
    ['merge', BINARY],
    ['merge', f('part-bad.json', '{"format":"ring-sim/simulation-part"')],
    ['merge', f('part-sum.json', `{"a":1,"checksum":"sha256:${'0'.repeat(64)}"}`)],
  );
  c.push(
    ['merge', f('part-shape.json', '{"a":1,"checksum":"sha256:015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"}')],
    ['merge', EMPTY, '--json', ''],
  );
  // inspect (membership from etcd)
  c.push(
    ['inspect'],
    ['inspect', '--etcd-export', MISSING],
    ['inspect', '--etcd-export', DIR],
    ['inspect', '--etcd-export', EMPTY],
    ['inspect', '--etcd-export', BINARY],
  );
  c.push(['inspect', '--etcd-export', f('etcd.json', '{"kvs": 5}')], ['inspect', '--vnodes', '0'], ['inspect', '--add', 'x']);
  return c;
}

interface Outcome {
  argv: string[];
  code: number;
  stderr: string[];
}

function check(o: Outcome): string | undefined {
  const ok = o.code === 2 && o.stderr.length === 1 && o.stderr[0].startsWith('ring-sim: error: ');
  return ok ? undefined : `${JSON.stringify(o.argv)} -> exit ${o.code}, stderr ${JSON.stringify(o.stderr)}`;
}

const RUNNER = new URL('./battery-runner.mjs', import.meta.url).pathname;

describe('the bad-input battery (one stderr line, exit 2, never 70)', () => {
  const all = cases();

  it(`holds over 200 cases (${all.length})`, () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
  });

  it('every case, through dist/cli/run.js in one child process', () => {
    const r = spawnSync(process.execPath, [RUNNER], { input: JSON.stringify(all), encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: 170_000 });
    expect(r.stderr).toBe('');
    const outcomes = JSON.parse(r.stdout) as Outcome[];
    expect(outcomes).toHaveLength(all.length);
    expect(outcomes.map(check).filter((x) => x !== undefined)).toEqual([]);
  }, 180_000);

  it('a subset (every 6th case) as real child processes on dist/cli/main.js', async () => {
    const subset = all.filter((_, i) => i % 6 === 0);
    const failures: string[] = [];
    const runOne = (argv: string[]): Promise<void> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [BUILT_CLI, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          const bad = check({ argv, code: code ?? -1, stderr: err.split('\n').filter((l) => l !== '') });
          if (bad) failures.push(bad);
          resolve();
        });
      });
    for (let i = 0; i < subset.length; i += 4) await Promise.all(subset.slice(i, i + 4).map(runOne));
    expect(subset.length).toBeGreaterThanOrEqual(35);
    expect(failures).toEqual([]);
  }, 180_000);
});
