/**
 * The fields of an AlluxioCluster's spec that the plan reads: the worker groups and their page stores, the etcd
 * section, `spec.properties`, and every hostPath the guide's GKE notes list, with the operator's defaults
 * where a field is omitted. Bad values of fields ring-sim uses are one-line errors naming the field.
 */
import { parseQuantity } from '../capacity/quantity.js';
import type { FieldReader } from '../core/field-reader.js';
import { at, isObj, type Obj } from './yaml-object.js';
import { groupWorkerSpec, type GroupFinding } from './worker-template.js';
import { readComponentMemory, type ComponentMemory } from './component-memory.js';

/** A page-store size as written, and the bytes ring-sim plans with. */
export interface SizeField {
  text: string;
  bytes: bigint;
  /**
   * Set when Kubernetes rejects the text but it reads as a size (`100GB`): the plan reports an error (kubectl
   * apply refuses the manifest) and plans with the binary reading Alluxio gives it (`100Gi`).
   */
  rejected?: { binary: string };
}

export interface ManifestWorkerGroup {
  name: string;
  /** Where the group's fields live in the manifest, for messages (`spec.worker`). */
  path: string;
  count: number;
  size: string;
  sizeBytes: bigint;
  reservedSize?: string;
  reservedBytes: bigint;
  /** Sizes Kubernetes rejects, by field (`size`, `reservedSize`): the binary reading planned with. */
  rejectedSizes: Array<{ field: 'size' | 'reservedSize'; text: string; binary: string }>;
  pagestoreType: string;
  hostPath?: string;
  storageClass?: string;
  useExternalId?: boolean;
  systemInfo?: unknown;
  /** `systemInfo.hostPath`, or `pvc` for a persistentVolumeClaim, when the worker identity file is on one. */
  systemInfoStore?: string;
  /** The group's worker fields as its workers get them (spec.worker merged under a group's own, worker-template.ts). */
  spec: Obj;
}

export interface EtcdSettings {
  enabled: boolean;
  replicaCount: number;
  /** Whether spec.etcd.replicaCount was written (else the operator's default 3, guide D.2). */
  specified: boolean;
  /** The operator's required hostname anti-affinity (guide D.2), unless spec.etcd.affinity gives its own. */
  antiAffinity: 'required-hostname' | 'custom';
  /**
   * `spec.etcd.persistence` (guide D.1): each etcd pod's PVC, on by default (the Bitnami etcd chart the operator
   * deploys: `persistence.enabled: true`; without `storageClass` the PVC takes the cluster's default StorageClass).
   */
  persistence: { enabled: boolean; written: boolean; storageClass?: string };
}

/** A hostPath of a component (guide E, GKE): its field, the path it uses, and whether the manifest set it. */
export interface HostPathField {
  field: string;
  /** The volume as the kubelet names it in its events (`pagestore-0`, `logs`, `metastore`). */
  what: string;
  path: string;
  given: boolean;
  /** The writable path the guide's GKE fix uses. */
  guideFix: string;
}

export interface ClusterFields {
  image?: string;
  groups: ManifestWorkerGroup[];
  properties: Record<string, string>;
  etcd: EtcdSettings;
  hostPaths: HostPathField[];
  /** Node selectors naming GKE node pools (`cloud.google.com/gke-nodepool`): the manifest is for GKE. */
  gkeNodeSelector: boolean;
  /** What merging spec.worker under spec.workerGroups did that the groups' text does not show. */
  groupFindings: GroupFinding[];
  /** The coordinator's, each worker group's and FUSE's memory: limits, requests and JVM options (component-memory.ts). */
  memory: ComponentMemory[];
}

export const DEFAULT_PAGESTORE_HOSTPATH = '/mnt/alluxio/pagestore';
export const DEFAULT_ETCD_REPLICAS = 3;

/** The cluster's fields from an AlluxioCluster document; `r` names the file in every error. */
export function readCluster(doc: Obj, r: FieldReader): ClusterFields {
  const spec = r.mapping(doc.spec, 'spec', 'missing or not a mapping', 'an AlluxioCluster needs a spec with a worker section');
  const groupFindings: GroupFinding[] = [];
  const groups = readGroups(spec, r, groupFindings);
  return {
    image: typeof spec.image === 'string' ? `${spec.image}${typeof spec.imageTag === 'string' ? `:${spec.imageTag}` : ''}` : undefined,
    groups,
    properties: readProperties(spec, r),
    etcd: readEtcd(spec.etcd, r),
    hostPaths: readHostPaths(spec, groups),
    gkeNodeSelector: JSON.stringify(spec).includes('"cloud.google.com/gke-'),
    groupFindings,
    memory: readComponentMemory(spec, groups, r),
  };
}

function readProperties(spec: Obj, r: FieldReader): Record<string, string> {
  const properties: Record<string, string> = {};
  if (spec.properties === undefined || spec.properties === null) return properties;
  const given = r.mapping(spec.properties, 'spec.properties', 'must be a mapping of Alluxio properties', 'write key: "value" lines');
  for (const [k, v] of Object.entries(given)) {
    if (v !== null && v !== undefined && typeof v === 'object')
      r.fail(`spec.properties.${k}`, v, 'an Alluxio property value is a string, number or boolean', 'write key: "value"');
    properties[k] = v === null || v === undefined ? '' : String(v);
  }
  return properties;
}

/** The worker groups: spec.worker alone, or each of spec.workerGroups merged over spec.worker (worker-template.ts). */
function readGroups(spec: Obj, r: FieldReader, findings: GroupFinding[]): ManifestWorkerGroup[] {
  if (!Array.isArray(spec.workerGroups)) {
    if (spec.worker === undefined) r.fail('spec.worker', undefined, 'missing', 'add spec.worker with count and pagestore.size');
    return [readGroup(r.mapping(spec.worker, 'spec.worker', 'must be a mapping', 'write count: and pagestore: under it'), 'spec.worker', 'worker', r)];
  }
  if (spec.workerGroups.length === 0) r.fail('spec.workerGroups', spec.workerGroups, 'is empty', 'list at least one worker group');
  const template =
    spec.worker === undefined || spec.worker === null
      ? undefined
      : r.mapping(spec.worker, 'spec.worker', 'must be a mapping', 'write the fields every worker group shares under it');
  return spec.workerGroups.map((g, i) => {
    const path = `spec.workerGroups[${i}]`;
    const group = r.mapping(g, path, 'must be a mapping', 'write worker: { count:, pagestore: } under it');
    const name = typeof group.name === 'string' ? group.name : `group-${i}`;
    return readGroup(groupWorkerSpec(group, template, path, findings), isObj(group.worker) ? `${path}.worker` : path, name, r);
  });
}

const REJECTED_SIZE = /^\s*(\d+(?:\.\d+)?)\s*([kKMGTPE])i?B?\s*$/;

/** A page-store size: a Kubernetes quantity, or a size Kubernetes rejects but that reads as one (`100GB`). */
function readSize(v: unknown, field: string, r: FieldReader): SizeField {
  if (typeof v === 'number') v = String(v);
  if (typeof v !== 'string') r.fail(field, v, 'must be a Kubernetes quantity', 'write e.g. 100Gi');
  const text = v;
  let q;
  try {
    q = parseQuantity(text);
  } catch {
    q = undefined;
  }
  if (q) {
    if (q.sign < 0) r.fail(field, text, 'is negative', 'write a positive size');
    return { text, bytes: q.bytes };
  }
  const m = REJECTED_SIZE.exec(text);
  if (!m) r.fail(field, text, 'is not a size', 'write a Kubernetes quantity such as 100Gi');
  const binary = `${m[1]}${m[2].toUpperCase()}i`;
  let bytes: bigint | undefined;
  try {
    bytes = parseQuantity(binary).bytes;
  } catch {
    r.fail(field, text, 'is not a size', 'write a Kubernetes quantity such as 100Gi');
  }
  return { text, bytes, rejected: { binary } };
}

/**
 * The size entries of `pagestore.size`: one, or one a page-store directory when the text lists several separated by
 * commas (the operator's chart makes a directory `pagestore-<i>` of each entry and passes the text on as
 * `alluxio.worker.page.store.sizes`). Each entry is read as a size of its own; an empty entry is bad input.
 */
function readSizes(v: unknown, field: string, r: FieldReader): SizeField[] {
  if (typeof v !== 'string' || !v.includes(',')) return [readSize(v, field, r)];
  return v.split(',').map((entry, i, all) => {
    if (entry.trim() === '')
      r.fail(field, v, `entry ${i + 1} of ${all.length} is empty`, 'write one size a page-store directory, separated by commas: 100Gi,100Gi');
    return readSize(entry.trim(), field, r);
  });
}

function readGroup(g: Obj, path: string, name: string, r: FieldReader): ManifestWorkerGroup {
  const count = r.wholeNumber(g.count ?? 1, `${path}.count`, 1, 100_000, 'write e.g. count: 4');
  const ps = r.mapping(g.pagestore, `${path}.pagestore`, 'missing or not a mapping', 'add pagestore: { size: 100Gi, reservedSize: 10Gi }');
  const sizes = readSizes(ps.size, `${path}.pagestore.size`, r);
  for (const e of sizes)
    if (e.bytes === 0n) r.fail(`${path}.pagestore.size`, sizes.length > 1 ? e.text : ps.size, 'is zero', 'give the page store a size such as 100Gi');
  const size = sizes.length === 1 ? sizes[0] : undefined;
  const smallest = sizes.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  const reserved = ps.reservedSize === undefined ? undefined : readSize(ps.reservedSize, `${path}.pagestore.reservedSize`, r);
  if (reserved && reserved.bytes > smallest.bytes) {
    const than = size ? `size (${String(ps.size)})` : `the size entry ${smallest.text} (one reservedSize applies to each directory)`;
    r.fail(`${path}.pagestore.reservedSize`, ps.reservedSize, `is larger than ${than}`, 'reservedSize is extra space beside the cache: about 10 % of size');
  }
  const type = ps.type === undefined ? 'hostPath' : ps.type;
  if (typeof type !== 'string' || !['hostPath', 'persistentVolumeClaim', 'emptyDir'].includes(type)) {
    r.fail(`${path}.pagestore.type`, ps.type, 'unknown page store type', 'use hostPath or persistentVolumeClaim');
  }
  const useExternalId =
    g.useExternalId === undefined
      ? undefined
      : r.bool(g.useExternalId, `${path}.useExternalId`, false, 'write useExternalId: false (with systemInfo.hostPath, as the guide does)');
  const rejectedSizes: ManifestWorkerGroup['rejectedSizes'] = [];
  for (const e of sizes) if (e.rejected) rejectedSizes.push({ field: 'size', text: e.text, binary: e.rejected.binary });
  if (reserved?.rejected) rejectedSizes.push({ field: 'reservedSize', text: reserved.text, binary: reserved.rejected.binary });
  return {
    name,
    path,
    count,
    size: sizes.map((e) => (e.rejected ? e.rejected.binary : e.text)).join(','),
    sizeBytes: sizes.reduce((sum, e) => sum + e.bytes, 0n),
    reservedSize: reserved ? (reserved.rejected ? reserved.rejected.binary : reserved.text) : undefined,
    reservedBytes: reserved?.bytes ?? 0n,
    rejectedSizes,
    pagestoreType: type,
    hostPath: typeof ps.hostPath === 'string' ? ps.hostPath : type === 'hostPath' ? DEFAULT_PAGESTORE_HOSTPATH : undefined,
    storageClass: typeof ps.storageClass === 'string' ? ps.storageClass : undefined,
    useExternalId,
    systemInfo: g.systemInfo,
    systemInfoStore: systemInfoStore(g.systemInfo),
    spec: g,
  };
}

/** A path GKE's read-only root file system holds: under /mnt, except the writable local-SSD mounts in /mnt/disks. */
export function readOnlyOnGke(path: string): boolean {
  return (path === '/mnt' || path.startsWith('/mnt/')) && !path.startsWith('/mnt/disks/');
}

/** The page store's hostPath, or one a directory (`pagestore-<i>`, as the chart names the volumes) when it lists several. */
function pageStoreHostPaths(g: ManifestWorkerGroup, given: boolean): HostPathField[] {
  const field = `${g.path}.pagestore.hostPath`;
  const paths = g.hostPath!.split(',');
  if (paths.length === 1) return [{ field, what: 'worker page store', path: g.hostPath!, given, guideFix: '/home/alluxio/pagestore' }];
  // The fix rewrites the whole list, each read-only entry to a writable path, so the counts still match the sizes.
  const writable = paths.map((p, i) => (readOnlyOnGke(p.trim()) ? `/home/alluxio/pagestore-${i}` : p.trim())).join(',');
  return paths.map((p, i) => ({ field, what: `worker page store (pagestore-${i})`, path: p.trim(), given, guideFix: writable }));
}

function systemInfoStore(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  if (typeof v.hostPath === 'string' && v.hostPath !== '') return v.hostPath;
  if (v.type === 'persistentVolumeClaim') return 'pvc';
  return undefined;
}

function readEtcd(raw: unknown, r: FieldReader): EtcdSettings {
  const etcd: EtcdSettings = {
    enabled: true,
    replicaCount: DEFAULT_ETCD_REPLICAS,
    specified: false,
    antiAffinity: 'required-hostname',
    persistence: { enabled: true, written: false },
  };
  if (!isObj(raw)) return etcd;
  if (isObj(raw.persistence)) {
    const p = raw.persistence;
    etcd.persistence = {
      enabled: r.bool(p.enabled, 'spec.etcd.persistence.enabled', true, 'write enabled: true (the default) or false'),
      written: true,
      ...(typeof p.storageClass === 'string' ? { storageClass: p.storageClass } : {}),
    };
  }
  etcd.enabled = r.bool(raw.enabled, 'spec.etcd.enabled', true, 'write enabled: true, or enabled: false with alluxio.etcd.endpoints (guide B.3)');
  if (raw.replicaCount !== undefined) {
    etcd.replicaCount = r.wholeNumber(raw.replicaCount, 'spec.etcd.replicaCount', 1, 1000, 'use 3 for a production quorum');
    etcd.specified = true;
  }
  const anti = at(raw, ['affinity', 'podAntiAffinity']);
  if (isObj(anti) && anti.requiredDuringSchedulingIgnoredDuringExecution === undefined) etcd.antiAffinity = 'custom';
  return etcd;
}

/** Components with hostPaths under /mnt/alluxio by default (guide E, GKE), the kubelet's volume name, and the guide's fix. */
const COMPONENT_HOSTPATHS: Array<{ path: string[]; what: string; fallback: string; guideFix: string; enabledAt?: string[]; typeAt?: string[] }> = [
  {
    path: ['coordinator', 'metastore', 'hostPath'],
    what: 'coordinator metastore',
    fallback: '/mnt/alluxio/metastore',
    guideFix: '/home/alluxio/metastore',
    typeAt: ['coordinator', 'metastore', 'type'],
  },
  {
    path: ['coordinator', 'log', 'hostPath'],
    what: 'coordinator logs',
    fallback: '/mnt/alluxio/logs',
    guideFix: '/home/alluxio/logs',
    typeAt: ['coordinator', 'log', 'type'],
  },
  {
    path: ['fuse', 'log', 'hostPath'],
    what: 'FUSE logs',
    fallback: '/mnt/alluxio/logs/fuse',
    guideFix: '/home/alluxio/logs/fuse',
    enabledAt: ['fuse', 'enabled'],
    typeAt: ['fuse', 'log', 'type'],
  },
  {
    path: ['fuse', 'hostPathForMigration'],
    what: 'FUSE migration directory',
    fallback: '/mnt/alluxio/migration',
    guideFix: '/home/alluxio/migration',
    enabledAt: ['fuse', 'enabled'],
  },
  {
    path: ['gateway', 'log', 'hostPath'],
    what: 'gateway logs',
    fallback: '/mnt/alluxio/logs/gateway',
    guideFix: '/home/alluxio/logs/gateway',
    enabledAt: ['gateway', 'enabled'],
    typeAt: ['gateway', 'log', 'type'],
  },
  {
    path: ['prometheus', 'persistence', 'hostPath'],
    what: 'Prometheus data',
    fallback: '/mnt/alluxio/prometheus',
    guideFix: '/home/alluxio/prometheus',
    enabledAt: ['prometheus', 'enabled'],
    typeAt: ['prometheus', 'persistence', 'type'],
  },
];

function readHostPaths(spec: Obj, groups: readonly ManifestWorkerGroup[]): HostPathField[] {
  const out: HostPathField[] = [];
  const hostPathType = (t: unknown): boolean => t === undefined || t === 'hostPath';
  for (const g of groups) {
    const raw = g.spec;
    if (g.pagestoreType === 'hostPath') out.push(...pageStoreHostPaths(g, at(raw, ['pagestore', 'hostPath']) !== undefined));
    for (const [key, what, fallback, fix] of [
      ['metastore', 'worker metastore', '/mnt/alluxio/metastore', '/home/alluxio/metastore'],
      ['log', 'worker logs', '/mnt/alluxio/logs', '/home/alluxio/logs'],
    ] as const) {
      if (!hostPathType(at(raw, [key, 'type']))) continue;
      const p = at(raw, [key, 'hostPath']);
      out.push({ field: `${g.path}.${key}.hostPath`, what, path: typeof p === 'string' ? p : fallback, given: typeof p === 'string', guideFix: fix });
    }
    const si = at(raw, ['systemInfo', 'hostPath']);
    if (typeof si === 'string')
      out.push({ field: `${g.path}.systemInfo.hostPath`, what: 'worker system info (identity)', path: si, given: true, guideFix: '/home/alluxio/system-info' });
  }
  for (const c of COMPONENT_HOSTPATHS) {
    if (c.enabledAt && at(spec, c.enabledAt) === false) continue;
    if (c.typeAt && !hostPathType(at(spec, c.typeAt))) continue;
    const p = at(spec, c.path);
    out.push({
      field: `spec.${c.path.join('.')}`,
      what: c.what,
      path: typeof p === 'string' ? p : c.fallback,
      given: typeof p === 'string',
      guideFix: c.guideFix,
    });
  }
  return out;
}
