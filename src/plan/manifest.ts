/**
 * Reading an `AlluxioCluster` manifest (apiVersion `k8s-operator.alluxio.com/v1`) with the `yaml` package:
 * multi-document files, the AlluxioCluster picked out, other documents (UnderFileSystem, License) listed.
 * Fields ring-sim does not use are kept in `raw` and never fail the plan; fields it uses are validated, each
 * bad one with a one-line error naming the file and the field.
 */
import { parseAllDocuments } from 'yaml';
import { parseQuantity } from '../capacity/quantity.js';
import { RingSimError } from '../core/errors.js';

export const ALLUXIO_API_VERSION = 'k8s-operator.alluxio.com/v1';
/** Most documents a manifest file may hold. */
export const MAX_DOCUMENTS = 100;
/** Most YAML alias expansions (a "billion laughs" document fails fast). */
export const MAX_ALIASES = 100;

export interface ManifestWorkerGroup {
  name: string;
  /** Where the group's fields live in the manifest, for messages (`spec.worker`). */
  path: string;
  count: number;
  size: string;
  sizeBytes: bigint;
  reservedSize?: string;
  reservedBytes: bigint;
  pagestoreType: string;
  hostPath?: string;
  storageClass?: string;
  useExternalId?: boolean;
  systemInfo?: unknown;
}

export interface AlluxioClusterManifest {
  source: string;
  name: string;
  namespace?: string;
  image?: string;
  groups: ManifestWorkerGroup[];
  properties: Record<string, string>;
  etcd: { enabled: boolean; replicaCount: number; specified: boolean };
  /** Other documents in the file: kind and name. */
  otherDocuments: Array<{ kind: string; name?: string }>;
  /** The whole AlluxioCluster document as parsed (unknown fields kept). */
  raw: Record<string, unknown>;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A document's kind for messages; a mapping or list where a kind belongs is shown as its type, never converted. */
function kindOf(o: Obj): string {
  const k = o.kind;
  if (k === undefined || k === null) return '(no kind)';
  return typeof k === 'object' ? `(a ${Array.isArray(k) ? 'list' : 'mapping'})` : String(k);
}

export function parseManifest(text: string, source: string): AlluxioClusterManifest {
  const fail: (field: string, value: unknown, problem: string, fix: string) => never = (field, value, problem, fix) => {
    throw new RingSimError(`${source}: ${field}`, value, problem, fix);
  };
  // Count document separators before parsing, so a 10,000-document file is refused without parsing it.
  const separators = (text.match(/^---/gm) ?? []).length;
  if (separators > MAX_DOCUMENTS) {
    fail('documents', separators, `the file holds more than ${MAX_DOCUMENTS} YAML documents`, 'give the file with the AlluxioCluster (and its UnderFileSystem and License documents) only');
  }
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false });
  } catch (e) {
    fail('yaml', undefined, `not valid YAML (${(e as Error).message.split('\n')[0]})`, 'check the indentation and quoting');
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: Obj[] = [];
  for (const [i, doc] of list.entries()) {
    const err = doc.errors[0];
    if (err) fail(`document ${i + 1}`, undefined, `not valid YAML (${err.message.split('\n')[0]})`, 'check the indentation and quoting at the line named');
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      fail(`document ${i + 1}`, undefined, `YAML aliases expand too far (${(e as Error).message.split('\n')[0]})`, 'write the values out instead of nesting aliases');
    }
    if (value === null || value === undefined) continue;
    if (!isObj(value)) fail(`document ${i + 1}`, value, 'is not a Kubernetes object', 'each document must be a mapping with apiVersion and kind');
    objects.push(value);
  }
  const clusters = objects.filter((o) => o.kind === 'AlluxioCluster');
  if (clusters.length === 0) {
    const kinds = objects.map((o) => kindOf(o)).join(', ') || 'nothing';
    fail('kind', kinds, 'no AlluxioCluster in the file', 'give the manifest you would kubectl apply, with kind: AlluxioCluster');
  }
  if (clusters.length > 1) fail('kind', clusters.length, 'more than one AlluxioCluster in the file', 'plan one cluster at a time');
  const doc = clusters[0] as Obj;
  if (doc.apiVersion !== ALLUXIO_API_VERSION) {
    fail('apiVersion', doc.apiVersion, 'not the Alluxio operator API', `use apiVersion: ${ALLUXIO_API_VERSION}`);
  }
  const meta: Obj = isObj(doc.metadata) ? doc.metadata : {};
  const specValue = doc.spec;
  if (!isObj(specValue)) fail('spec', specValue, 'missing or not a mapping', 'an AlluxioCluster needs a spec with a worker section');
  const spec = specValue as Obj;
  const properties: Record<string, string> = {};
  if (spec.properties !== undefined && spec.properties !== null) {
    if (!isObj(spec.properties)) fail('spec.properties', spec.properties, 'must be a mapping of Alluxio properties', 'write key: "value" lines');
    for (const [k, v] of Object.entries(spec.properties)) {
      if (v !== null && v !== undefined && typeof v === 'object') fail(`spec.properties.${k}`, v, 'an Alluxio property value is a string, number or boolean', 'write key: "value"');
      properties[k] = v === null || v === undefined ? '' : String(v);
    }
  }
  const groupSources: Array<{ path: string; value: unknown; name: string }> = [];
  if (Array.isArray(spec.workerGroups)) {
    spec.workerGroups.forEach((g, i) => groupSources.push({ path: `spec.workerGroups[${i}]`, value: g, name: isObj(g) && typeof g.name === 'string' ? g.name : `group-${i}` }));
  } else if (spec.worker !== undefined) {
    groupSources.push({ path: 'spec.worker', value: spec.worker, name: 'worker' });
  } else {
    fail('spec.worker', undefined, 'missing', 'add spec.worker with count and pagestore.size');
  }
  const groups = groupSources.map(({ path, value, name }) => readGroup(value, path, name, fail));
  const etcdRaw = spec.etcd;
  const etcd = { enabled: true, replicaCount: 1, specified: etcdRaw !== undefined };
  if (isObj(etcdRaw)) {
    if (etcdRaw.enabled !== undefined) {
      if (typeof etcdRaw.enabled !== 'boolean') fail('spec.etcd.enabled', etcdRaw.enabled, 'must be true or false', 'write enabled: true');
      etcd.enabled = etcdRaw.enabled;
    }
    if (etcdRaw.replicaCount !== undefined) {
      const n = etcdRaw.replicaCount;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) fail('spec.etcd.replicaCount', n, 'must be a whole number of at least 1', 'use 3 for a production quorum');
      etcd.replicaCount = n;
    }
  }
  return {
    source,
    name: typeof meta.name === 'string' ? meta.name : 'alluxio-cluster',
    namespace: typeof meta.namespace === 'string' ? meta.namespace : undefined,
    image: typeof spec.image === 'string' ? `${spec.image}${typeof spec.imageTag === 'string' ? `:${spec.imageTag}` : ''}` : undefined,
    groups,
    properties,
    etcd,
    otherDocuments: objects.filter((o) => o !== doc).map((o) => ({ kind: kindOf(o), name: isObj(o.metadata) && typeof o.metadata.name === 'string' ? o.metadata.name : undefined })),
    raw: doc,
  };
}

function readGroup(
  value: unknown,
  path: string,
  name: string,
  fail: (field: string, value: unknown, problem: string, fix: string) => never,
): ManifestWorkerGroup {
  if (!isObj(value)) fail(path, value, 'must be a mapping', 'write count: and pagestore: under it');
  const count = value.count ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100_000) {
    fail(`${path}.count`, count, 'must be a whole number from 1 to 100000', 'write e.g. count: 4');
  }
  const ps = value.pagestore;
  if (!isObj(ps)) fail(`${path}.pagestore`, ps, 'missing or not a mapping', 'add pagestore: { size: 100Gi, reservedSize: 10Gi }');
  const quantity = (field: string, v: unknown): { text: string; bytes: bigint } => {
    if (typeof v === 'number') v = String(v);
    if (typeof v !== 'string') fail(`${path}.pagestore.${field}`, v, 'must be a Kubernetes quantity', 'write e.g. 100Gi');
    let q;
    try {
      q = parseQuantity(v);
    } catch {
      const hint = /^\s*\d+(\.\d+)?\s*[KMGTP]B$/i.test(v)
        ? `Kubernetes rejects "${v.replace(/[\d.\s]/g, '')}": write ${v.replace(/\s*([KMGTP])B$/i, (_m, p: string) => `${p.toUpperCase()}i`)} (binary) or ${v.replace(/\s*([KMGTP])B$/i, (_m, p: string) => (p.toUpperCase() === 'K' ? 'k' : p.toUpperCase()))} (decimal)`
        : 'write a quantity such as 100Gi';
      fail(`${path}.pagestore.${field}`, v, 'is not a Kubernetes quantity, so kubectl apply would reject the manifest', hint);
    }
    if (q.sign < 0) fail(`${path}.pagestore.${field}`, v, 'is negative', 'write a positive size');
    return { text: v, bytes: q.bytes };
  };
  const size = quantity('size', ps.size);
  if (size.bytes === 0n) fail(`${path}.pagestore.size`, ps.size, 'is zero', 'give the page store a size such as 100Gi');
  const reserved = ps.reservedSize === undefined ? undefined : quantity('reservedSize', ps.reservedSize);
  if (reserved && reserved.bytes > size.bytes) {
    fail(`${path}.pagestore.reservedSize`, ps.reservedSize, `is larger than size (${ps.size})`, 'reservedSize is extra space beside the cache: about 10 % of size');
  }
  const type = ps.type === undefined ? 'hostPath' : ps.type;
  if (typeof type !== 'string' || !['hostPath', 'persistentVolumeClaim', 'emptyDir'].includes(type)) {
    fail(`${path}.pagestore.type`, ps.type, 'unknown page store type', 'use hostPath or persistentVolumeClaim');
  }
  const useExternalId = value.useExternalId;
  if (useExternalId !== undefined && typeof useExternalId !== 'boolean') fail(`${path}.useExternalId`, useExternalId, 'must be true or false', 'write useExternalId: true');
  return {
    name,
    path,
    count,
    size: size.text,
    sizeBytes: size.bytes,
    reservedSize: reserved?.text,
    reservedBytes: reserved?.bytes ?? 0n,
    pagestoreType: type,
    hostPath: typeof ps.hostPath === 'string' ? ps.hostPath : type === 'hostPath' ? '/mnt/alluxio/pagestore' : undefined,
    storageClass: typeof ps.storageClass === 'string' ? ps.storageClass : undefined,
    useExternalId,
    systemInfo: value.systemInfo,
  };
}
