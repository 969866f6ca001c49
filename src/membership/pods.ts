/**
 * Pods beside identities: the JSON of `kubectl get pods -n NS -o json` mapped onto the hosts the workers
 * registered. The operator's charts set a worker's `WorkerNetAddress.Host` (ALLUXIO_WORKER_HOSTNAME) from the
 * pod's `status.podIP`, or from `status.hostIP` when the pod runs with host networking (the Enterprise chart's
 * templates/worker/deployment.yaml), so a host is looked up by pod IP, by host IP for `spec.hostNetwork` pods
 * only (every pod on a node shares its hostIP), and, for a registered name, by its first DNS label as pod name.
 */
import { RingSimError } from '../core/errors.js';

/** A pod a host belongs to. */
export interface PodRef {
  pod: string;
  node: string | null;
  running: boolean;
}

export interface PodIndex {
  /** The file read, for sentences. */
  source: string;
  byIp: Map<string, PodRef[]>;
  byName: Map<string, PodRef>;
}

/** The pod of one host, or why there is none. */
export type PodMatch = { pod: string; node: string | null } | { pod: null; node: null; why: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function add(index: Map<string, PodRef[]>, ip: string | undefined, ref: PodRef): void {
  if (ip === undefined) return;
  const list = index.get(ip) ?? [];
  if (!list.includes(ref)) list.push(ref);
  index.set(ip, list);
}

/** The pod index of a parsed `kubectl get pods -o json` (a List of Pods, or one Pod). */
export function parsePods(doc: unknown, source: string): PodIndex {
  const items = isObj(doc) && Array.isArray(doc.items) ? doc.items : isObj(doc) && doc.kind === 'Pod' ? [doc] : undefined;
  if (!items)
    throw new RingSimError(
      '--pods',
      source,
      'not the JSON of kubectl get pods (no "items" list)',
      'write it with kubectl get pods -n <namespace> -o json > pods.json',
    );
  const index: PodIndex = { source, byIp: new Map(), byName: new Map() };
  items.forEach((item, i) => {
    const meta = isObj(item) && isObj(item.metadata) ? item.metadata : undefined;
    const name = str(meta?.name);
    if (!isObj(item) || name === undefined)
      throw new RingSimError('--pods', source, `items[${i}] has no metadata.name`, 'pass the unedited output of kubectl get pods -o json');
    const spec = isObj(item.spec) ? item.spec : {};
    const status = isObj(item.status) ? item.status : {};
    const ref: PodRef = { pod: name, node: str(spec.nodeName) ?? null, running: status.phase === 'Running' };
    index.byName.set(name, ref);
    if (spec.hostNetwork === true) add(index.byIp, str(status.hostIP), ref);
    add(index.byIp, str(status.podIP), ref);
    if (Array.isArray(status.podIPs)) for (const p of status.podIPs) add(index.byIp, isObj(p) ? str(p.ip) : undefined, ref);
  });
  return index;
}

/** One of several pods with the same IP: the running ones, then a worker's; otherwise undecided. */
function pick(refs: readonly PodRef[]): PodRef | undefined {
  const running = refs.filter((r) => r.running);
  const pool = running.length > 0 ? running : refs;
  if (pool.length === 1) return pool[0];
  const workers = pool.filter((r) => r.pod.includes('worker'));
  return workers.length === 1 ? workers[0] : undefined;
}

/** The pod and node of a registered host. */
export function podOfHost(host: string | undefined, index: PodIndex): PodMatch {
  if (host === undefined) return { pod: null, node: null, why: 'host unknown (the registration could not be read)' };
  const refs = index.byIp.get(host) ?? [];
  if (refs.length > 0) {
    const ref = pick(refs);
    return ref
      ? { pod: ref.pod, node: ref.node }
      : { pod: null, node: null, why: `several pods in ${index.source} have IP ${host}: ${refs.map((r) => r.pod).join(', ')}` };
  }
  const byName = index.byName.get(host) ?? index.byName.get(host.split('.')[0]);
  if (byName) return { pod: byName.pod, node: byName.node };
  const ip = /^[0-9.]+$|:/.test(host);
  return { pod: null, node: null, why: ip ? `no pod with IP ${host} in ${index.source}` : `no pod named ${host.split('.')[0]} in ${index.source}` };
}
