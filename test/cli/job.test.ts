/**
 * `ring-sim job` through the built CLI: the ConfigMap and the Indexed Job validate against Kubernetes' schemas
 * (kubernetes-models), name the fields the run depends on, and running the container's command once per index,
 * with JOB_COMPLETION_INDEX set and `$(VAR)` expanded as Kubernetes does, then merging, gives one run's bytes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { builtCli } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-job-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const scenarioFile = join(dir, 'tiny.yaml');
writeFileSync(
  scenarioFile,
  [
    'name: tiny',
    'seed: 3',
    'cluster:',
    '  workerGroups:',
    '    - {name: worker, count: 4, pagestore: {size: 8Mi, pageSize: 1MB}, identity: ephemeral}',
    'placement: {algorithm: alluxio-consistent, vnodes: 50}',
    'workload: {type: zipf, files: 200, alpha: 0.8, fileSize: 2Mi, requests: 3000}',
    'metrics: {window: 500}',
    'events:',
    '  - {at: 1000, action: add-workers, count: 1}',
    '  - {at: 2000, action: restart-worker, worker: worker-2}',
    '',
  ].join('\n'),
);

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed YAML, read by path

function objects(...flags: string[]): Obj[] {
  const r = builtCli(['job', scenarioFile, ...flags]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return parseAllDocuments(r.stdout).map((d) => d.toJS() as Obj);
}

/** What the kubelet does: env from the pod's index annotation, then `$(NAME)` in args replaced from the env. */
function podArgs(container: Obj, index: number): string[] {
  const annotations: Record<string, string> = { 'batch.kubernetes.io/job-completion-index': String(index) };
  const env: Record<string, string> = {};
  for (const e of container.env as Obj[]) {
    const m = /^metadata\.annotations\['(.+)'\]$/.exec(e.valueFrom.fieldRef.fieldPath as string);
    env[e.name as string] = annotations[m![1]!]!;
  }
  return (container.args as string[]).map((a) => a.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (s, n: string) => env[n] ?? s));
}

describe('ring-sim job', () => {
  it('prints a ConfigMap and an Indexed Job that validate against the Kubernetes schemas', () => {
    const [cm, job] = objects('--shards', '3', '--pvc', 'parts', '--namespace', 'sims', '--image', 'reg/ring-sim:1');
    expect(() => new ConfigMap(cm as never).validate()).not.toThrow();
    expect(() => new Job(job as never).validate()).not.toThrow();
    expect(cm!.data['tiny.yaml']).toBe(readFileSync(scenarioFile, 'utf8'));
    expect(cm!.metadata).toMatchObject({ name: 'ring-sim-tiny-scenario', namespace: 'sims' });
    expect(job!.apiVersion).toBe('batch/v1');
    expect(job!.metadata).toMatchObject({ name: 'ring-sim-tiny', namespace: 'sims' });
    expect(job!.spec).toMatchObject({ completionMode: 'Indexed', completions: 3, parallelism: 3 });
    const pod = job!.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.volumes).toEqual([
      { name: 'scenario', configMap: { name: 'ring-sim-tiny-scenario' } },
      { name: 'out', persistentVolumeClaim: { claimName: 'parts' } },
    ]);
    const [c] = pod.containers as Obj[];
    expect(c!.image).toBe('reg/ring-sim:1');
    expect([...c!.command, ...c!.args].join(' ')).toBe(
      'npx ring-sim simulate /scenario/tiny.yaml --shard $(JOB_COMPLETION_INDEX)/3 --json /out/part-$(JOB_COMPLETION_INDEX).json',
    );
    expect(c!.env).toEqual([
      { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } },
    ]);
    expect(c!.volumeMounts).toEqual([
      { name: 'scenario', mountPath: '/scenario', readOnly: true },
      { name: 'out', mountPath: '/out' },
    ]);
  });

  it('defaults: image ring-sim:0.1.0, namespace default, an emptyDir at /out', () => {
    const [cm, job] = objects('--shards', '1', '--name', 'one');
    expect(() => new Job(job as never).validate()).not.toThrow();
    expect(() => new ConfigMap(cm as never).validate()).not.toThrow();
    expect(job!.metadata).toMatchObject({ name: 'one', namespace: 'default' });
    expect(job!.spec.template.spec.containers[0].image).toBe('ring-sim:0.1.0');
    expect(job!.spec.template.spec.volumes[1]).toEqual({ name: 'out', emptyDir: {} });
  });

  it("the container's command, run once per index and merged, gives one run's bytes", () => {
    const shards = 3;
    const [cm, job] = objects('--shards', String(shards));
    const local = (path: string): string => path.replace(/^\/scenario\//, join(dir, 'scenario') + '/').replace(/^\/out\//, join(dir, 'out') + '/');
    mkdirSync(join(dir, 'scenario'), { recursive: true });
    mkdirSync(join(dir, 'out'), { recursive: true });
    for (const [key, text] of Object.entries(cm!.data as Record<string, string>)) writeFileSync(join(dir, 'scenario', key), text);
    const container = job!.spec.template.spec.containers[0] as Obj;
    const parts: string[] = [];
    for (let i = 0; i < shards; i++) {
      const [bin, ...args] = podArgs(container, i).map(local);
      expect(bin).toBe('ring-sim');
      const r = builtCli(args);
      expect(r.code, r.stderr).toBe(0);
      parts.push(join(dir, 'out', `part-${i}.json`));
    }
    expect(builtCli(['merge', ...parts, '--json', join(dir, 'merged.json')]).code).toBe(0);
    expect(builtCli(['simulate', scenarioFile, '--json', join(dir, 'single.json')]).code).toBe(0);
    expect(readFileSync(join(dir, 'merged.json')).equals(readFileSync(join(dir, 'single.json')))).toBe(true);
  });

  it.each([
    [['--shards', '0'], /^ring-sim: error: --shards: .*got 0/],
    [['--shards', '1001'], /^ring-sim: error: --shards: .*got 1001/],
    [['--shards', '4x'], /^ring-sim: error: --shards: .*got "4x"/],
    [['--shards', '2', '--name', 'Bad_Name'], /^ring-sim: error: --name: /],
    [['--shards', '2', '--pvc', 'a b'], /^ring-sim: error: --pvc: /],
  ])('refuses %j in one line, exit 2', (flags, message) => {
    const r = builtCli(['job', scenarioFile, ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a scenario that is not there in one line, exit 2', () => {
    const r = builtCli(['job', join(dir, 'missing.yaml'), '--shards', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ring-sim: error: scenario: cannot read the file \(ENOENT\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
