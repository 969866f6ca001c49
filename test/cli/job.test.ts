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
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { run } from '../../src/cli/run.js';
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
      'npx ring-sim simulate /scenario/tiny.yaml --shard $(JOB_COMPLETION_INDEX)/3 --json /out/part-$(JOB_COMPLETION_INDEX).json --threads 1',
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

  it('derives each pod\'s memory and cpu from the scenario, printed as "# assumed:" lines; --memory and --cpu set them', () => {
    const r = builtCli(['job', scenarioFile, '--shards', '3']);
    const assumed = r.stdout.split('\n').filter((l) => l.startsWith('# assumed: '));
    expect(assumed).toHaveLength(2);
    expect(assumed[0]).toMatch(
      /^# assumed: memory per pod: request \d+Mi, limit \d+Mi \(1\.5x\) \(model, docs\/scenarios\.md: 80Mi Node and ring-sim \+ the page-store metadata of the 2 largest of 5 workers/,
    );
    expect(assumed[1]).toBe("# assumed: cpu per pod: 1 (request and limit), the shard's --threads 1 (under 1,000,000 reads: one thread); --cpu sets it");
    const [, job] = objects('--shards', '3');
    const c = job!.spec.template.spec.containers[0] as Obj;
    expect(() => new Job(job as never).validate()).not.toThrow();
    expect(c.resources.requests.cpu).toBe('1');
    expect(c.resources.limits.cpu).toBe('1');
    const request = Number(/^(\d+)Mi$/.exec(c.resources.requests.memory as string)![1]);
    expect(c.resources.limits.memory).toBe(`${Math.ceil(request * 1.5)}Mi`);
    expect(request).toBeGreaterThanOrEqual(80);
    const [, set] = objects('--shards', '3', '--memory', '2Gi', '--cpu', '2');
    const s = set!.spec.template.spec.containers[0] as Obj;
    expect(() => new Job(set as never).validate()).not.toThrow();
    expect(s.resources).toEqual({ requests: { memory: '2Gi', cpu: '2' }, limits: { memory: '2Gi', cpu: '2' } });
    expect((s.args as string[]).slice(-2)).toEqual(['--threads', '2']);
  });

  it('a trace workload: the trace from --trace-pvc, mounted read-only where workload.path names it (validated)', () => {
    const traceScenario = join(dir, 'trace.yaml');
    writeFileSync(
      traceScenario,
      [
        'name: trace',
        'cluster: {workerGroups: [{name: worker, count: 3, pagestore: {size: 100Mi}}]}',
        'workload: {type: trace, path: traces/web.csv, format: csv, csv: {timeCol: 1, idCol: 2, sizeCol: 3}, requests: 5000}',
        '',
      ].join('\n'),
    );
    const job = (...flags: string[]): Obj => {
      const r = builtCli(['job', traceScenario, '--shards', '2', ...flags]);
      expect(r.code, r.stderr).toBe(0);
      return parseAllDocuments(r.stdout).map((d) => d.toJS() as Obj)[1]!;
    };
    const j = job('--trace-pvc', 'traces');
    expect(() => new Job(j as never).validate()).not.toThrow();
    const pod = j.spec.template.spec;
    expect(pod.volumes[2]).toEqual({ name: 'trace', persistentVolumeClaim: { claimName: 'traces', readOnly: true } });
    expect(pod.containers[0].workingDir).toBe('/work');
    expect(pod.containers[0].volumeMounts[2]).toEqual({ name: 'trace', mountPath: '/work/traces/web.csv', subPath: 'web.csv', readOnly: true });
    expect(builtCli(['job', traceScenario, '--shards', '2', '--trace-pvc', 'traces']).stdout).toMatch(
      /^# assumed: the trace is web\.csv at the top of claim traces \(--trace-subpath sets it\), mounted at \/work\/traces\/web\.csv$/m,
    );
    const sub = job('--trace-pvc', 'traces', '--trace-subpath', 'cache2k/web.csv');
    expect(() => new Job(sub as never).validate()).not.toThrow();
    expect(sub.spec.template.spec.containers[0].volumeMounts[2].subPath).toBe('cache2k/web.csv');
    const refused = (flags: string[], message: RegExp): void => {
      const r = builtCli(['job', ...flags]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    };
    refused([traceScenario, '--shards', '2'], /^ring-sim: error: --trace-pvc: a trace workload reads traces\/web\.csv in every pod; give --trace-pvc NAME/);
    refused([traceScenario, '--shards', '2', '--trace-pvc', 'traces', '--trace-subpath', '../x'], /^ring-sim: error: --trace-subpath: /);
    refused([scenarioFile, '--shards', '2', '--trace-pvc', 'traces'], /^ring-sim: error: --trace-pvc: .*not a trace/);
  });

  it.each([
    [['--shards', '2', '--memory', 'lots'], /^ring-sim: error: --memory: .*is not a Kubernetes quantity/],
    [['--shards', '2', '--cpu', '0'], /^ring-sim: error: --cpu: .*must be positive/],
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

/** The CLI in this process (no child per run): its exit code and stdout. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('ring-sim job, property', () => {
  it("random small scenarios and N in 1..8: the container's command once per index, merged, is the single run's bytes", async () => {
    const shape = fc.record({
      seed: fc.integer({ min: 0, max: 10_000 }),
      workers: fc.integer({ min: 1, max: 5 }),
      added: fc.integer({ min: 0, max: 2 }),
      restart: fc.boolean(),
      window: fc.integer({ min: 200, max: 600 }),
      shards: fc.integer({ min: 1, max: 8 }),
    });
    let k = 0;
    await fc.assert(
      fc.asyncProperty(shape, async (x) => {
        const at = join(dir, `prop-${k++}`);
        mkdirSync(join(at, 'scenario'), { recursive: true });
        mkdirSync(join(at, 'out'), { recursive: true });
        const file = join(at, 'random.yaml');
        const events = [
          ...(x.added ? [`  - {at: 300, action: add-workers, count: ${x.added}}`] : []),
          ...(x.restart ? ['  - {at: 600, action: restart-worker, worker: worker-0}'] : []),
        ];
        writeFileSync(
          file,
          [
            'name: random',
            `seed: ${x.seed}`,
            `cluster: {workerGroups: [{name: worker, count: ${x.workers}, pagestore: {size: 6Mi, pageSize: 1MB}, identity: ephemeral}]}`,
            'placement: {algorithm: alluxio-consistent, vnodes: 30}',
            'workload: {type: zipf, files: 120, alpha: 0.9, fileSize: 2Mi, requests: 1000}',
            `metrics: {window: ${x.window}}`,
            ...(events.length ? ['events:', ...events] : []),
            '',
          ].join('\n'),
        );
        const printed = await cli(['job', file, '--shards', String(x.shards)]);
        expect(printed.code, printed.err).toBe(0);
        const [cm, job] = parseAllDocuments(printed.out).map((d) => d.toJS() as Obj);
        for (const [key, text] of Object.entries(cm!.data as Record<string, string>)) writeFileSync(join(at, 'scenario', key), text);
        const local = (p: string): string => p.replace(/^\/(scenario|out)\//, (_m, d: string) => `${join(at, d)}/`);
        const container = job!.spec.template.spec.containers[0] as Obj;
        for (let i = 0; i < x.shards; i++) {
          const [, ...args] = podArgs(container, i).map(local);
          const r = await cli(args);
          expect(r.code, r.err).toBe(0);
        }
        const parts = Array.from({ length: x.shards }, (_, i) => join(at, 'out', `part-${i}.json`)).reverse();
        expect((await cli(['merge', ...parts, '--json', join(at, 'merged.json')])).code).toBe(0);
        expect((await cli(['simulate', file, '--json', join(at, 'single.json')])).code).toBe(0);
        expect(readFileSync(join(at, 'merged.json')).equals(readFileSync(join(at, 'single.json')))).toBe(true);
      }),
      { seed: 131, numRuns: 20 },
    );
  }, 60_000);
});
