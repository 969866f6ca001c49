/**
 * The Kubernetes objects that run a sharded replay (`ring-sim job`): a ConfigMap holding the scenario file and a
 * `batch/v1` Indexed Job of N pods, pod I running `simulate --shard I/N` into `/out/part-I.json`. Pure: the CLI
 * reads the scenario and prints the objects.
 */
import { RingSimError } from '../core/errors.js';

/** Most shards a job may have: far above any cluster's useful width, low enough to catch a typo. */
export const MAX_JOB_SHARDS = 1000;
/** The image `ring-sim job` names unless `--image` is given: built from the repository's Dockerfile. */
export const DEFAULT_JOB_IMAGE = 'ring-sim:0.1.0';
/** Where a pod finds the scenario (the ConfigMap) and writes its part (the PVC or an emptyDir). */
export const SCENARIO_DIR = '/scenario';
export const OUT_DIR = '/out';
/** The container's working directory (the image's WORKDIR): a relative trace path is read from under it. */
export const WORK_DIR = '/work';

/** A trace workload's file, mounted from a PersistentVolumeClaim where the scenario's `workload.path` names it. */
export interface JobTrace {
  /** The claim (`--trace-pvc`). */
  pvc: string;
  /** The trace file's path inside the claim (`--trace-subpath`). */
  subPath: string;
  /** The scenario's `workload.path`. */
  path: string;
}

/** What each pod gets (`shardResources`): memory and cpu, and the `--threads` its shard runs on. */
export interface JobPodResources {
  memoryRequest: string;
  memoryLimit: string;
  cpu: string;
  threads: number;
}

export interface JobOptions {
  /** The scenario file's name (its ConfigMap key and the name under /scenario). */
  fileName: string;
  /** The scenario file's text, as read. */
  scenarioText: string;
  shards: number;
  name: string;
  namespace: string;
  image: string;
  /** A PersistentVolumeClaim mounted at /out; undefined: an emptyDir. */
  pvc?: string;
  resources: JobPodResources;
  /** A trace workload's file (absent: a synthetic workload). */
  trace?: JobTrace;
}

export type K8sObject = Record<string, unknown>;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Refuses a count of shards outside 1..MAX_JOB_SHARDS. */
export function checkJobShards(shards: number): void {
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_JOB_SHARDS) {
    throw new RingSimError('--shards', shards, `must be a whole number from 1 to ${MAX_JOB_SHARDS}`, 'give the number of pods, e.g. --shards 4');
  }
}

/** Refuses a name Kubernetes would refuse (an Indexed Job's name becomes part of its pods' host names). */
export function checkDnsLabel(field: string, value: string): void {
  if (value.length > 63 || !DNS_LABEL.test(value)) {
    throw new RingSimError(field, value, 'is not a Kubernetes name (lower-case letters, digits and -, at most 63)', `give e.g. ${field} ring-sim-replay`);
  }
}

/** The ConfigMap key for a scenario file: its name, with characters a key may not hold replaced by `-`. */
export function scenarioKey(fileName: string): string {
  const key = fileName.replace(/[^-._a-zA-Z0-9]/g, '-');
  return key === '' || key === '.' || key === '..' ? 'scenario.yaml' : key;
}

/** The name `ring-sim job` gives the objects unless `--name` is given: `ring-sim-` and the scenario file's stem. */
export function defaultJobName(fileName: string): string {
  const stem = fileName
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `ring-sim-${stem}`.slice(0, 63).replace(/-+$/, '');
}

/** The container's arguments to `npx ring-sim`: `$(JOB_COMPLETION_INDEX)` is expanded by Kubernetes from the env. */
export function shardArgs(fileName: string, shards: number, threads = 1): string[] {
  return [
    'ring-sim',
    'simulate',
    `${SCENARIO_DIR}/${scenarioKey(fileName)}`,
    '--shard',
    `$(JOB_COMPLETION_INDEX)/${shards}`,
    '--json',
    `${OUT_DIR}/part-$(JOB_COMPLETION_INDEX).json`,
    '--threads',
    String(threads),
  ];
}

/** Where a pod reads the trace: the scenario's `workload.path`, a relative one under the working directory. */
export function traceMountPath(path: string): string {
  const segments = path.split('/');
  if (segments.includes('..') || path.trim() === '')
    throw new RingSimError(
      'workload.path',
      path,
      "has '..' in it: a pod mounts the trace at the path the scenario names",
      'write an absolute path, e.g. /trace/web07.trace.gz',
    );
  return path.startsWith('/') ? path : `${WORK_DIR}/${segments.filter((x) => x !== '.' && x !== '').join('/')}`;
}

/** Refuses a path inside a claim Kubernetes would refuse as a subPath (absolute, or with `..`). */
export function checkSubPath(subPath: string): void {
  if (subPath === '' || subPath.startsWith('/') || subPath.split('/').includes('..'))
    throw new RingSimError(
      '--trace-subpath',
      subPath,
      "must be a relative path inside the claim, without '..'",
      'give e.g. --trace-subpath traces/web07.trace.gz',
    );
}

/** The ConfigMap and the Indexed Job, in the order `kubectl apply` needs them. */
export function shardedJob(o: JobOptions): [K8sObject, K8sObject] {
  checkJobShards(o.shards);
  checkDnsLabel('--name', o.name);
  checkDnsLabel('--namespace', o.namespace);
  if (o.pvc !== undefined) checkDnsLabel('--pvc', o.pvc);
  if (o.image.trim() === '') throw new RingSimError('--image', o.image, 'is empty', 'give an image, e.g. --image ring-sim:0.1.0');
  const key = scenarioKey(o.fileName);
  const labels = { 'app.kubernetes.io/name': 'ring-sim', 'app.kubernetes.io/instance': o.name };
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${o.name}-scenario`, namespace: o.namespace, labels },
    data: { [key]: o.scenarioText },
  };
  if (o.trace) {
    checkDnsLabel('--trace-pvc', o.trace.pvc);
    checkSubPath(o.trace.subPath);
  }
  const out = o.pvc === undefined ? { name: 'out', emptyDir: {} } : { name: 'out', persistentVolumeClaim: { claimName: o.pvc } };
  const container = {
    name: 'shard',
    image: o.image,
    command: ['npx'],
    args: shardArgs(o.fileName, o.shards, o.resources.threads),
    ...(o.trace ? { workingDir: WORK_DIR } : {}),
    resources: {
      requests: { memory: o.resources.memoryRequest, cpu: o.resources.cpu },
      limits: { memory: o.resources.memoryLimit, cpu: o.resources.cpu },
    },
    env: [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }],
    volumeMounts: [
      { name: 'scenario', mountPath: SCENARIO_DIR, readOnly: true },
      { name: 'out', mountPath: OUT_DIR },
      ...(o.trace ? [{ name: 'trace', mountPath: traceMountPath(o.trace.path), subPath: o.trace.subPath, readOnly: true }] : []),
    ],
  };
  const volumes: K8sObject[] = [{ name: 'scenario', configMap: { name: `${o.name}-scenario` } }, out];
  if (o.trace) volumes.push({ name: 'trace', persistentVolumeClaim: { claimName: o.trace.pvc, readOnly: true } });
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: o.name, namespace: o.namespace, labels },
    spec: {
      completionMode: 'Indexed',
      completions: o.shards,
      parallelism: o.shards,
      backoffLimit: o.shards,
      template: {
        metadata: { labels },
        spec: { restartPolicy: 'Never', containers: [container], volumes },
      },
    },
  };
  return [configMap, job];
}
