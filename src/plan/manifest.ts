/**
 * Reading what an operator would `kubectl apply` (apiVersion `k8s-operator.alluxio.com/v1`) with the `yaml`
 * package: one or several documents, or a `kind: List` as `kubectl get -o yaml` prints it. The AlluxioCluster is
 * picked out (cluster.ts reads its fields); License and UnderFileSystem documents are read for their checks;
 * every other document is kept and named. Fields ring-sim does not use are kept in `raw` and never fail the plan.
 */
import { parseYamlDocuments } from '../core/yaml.js';
import { RingSimError } from '../core/errors.js';
import { FieldReader } from '../core/field-reader.js';
import { readCluster, type ClusterFields } from './cluster.js';
import { isObj, type Obj } from './yaml-object.js';

export type { ManifestWorkerGroup, HostPathField, EtcdSettings } from './cluster.js';

export const ALLUXIO_API_VERSION = 'k8s-operator.alluxio.com/v1';
/** Most documents a manifest file may hold. */
export const MAX_DOCUMENTS = 100;
/** Most YAML alias expansions (a "billion laughs" document fails fast). */
export const MAX_ALIASES = 100;

/** A document of the file other than the AlluxioCluster: kind and name (namespace and apiVersion when given). */
export interface ManifestDocument {
  kind: string;
  name?: string;
  namespace?: string;
  apiVersion?: string;
}

/** A `License` document (guide C.2): the clusters it covers and its license string. */
export interface LicenseDocument {
  name?: string;
  namespace?: string;
  /** Where its fields are, for messages: `License alluxio-license`. */
  label: string;
  clusters: Array<{ name?: string; namespace?: string }>;
  licenseString?: string;
}

/** An `UnderFileSystem` document (guide step 5): the cluster it mounts into and what it mounts. */
export interface UfsDocument {
  name?: string;
  namespace?: string;
  label: string;
  alluxioCluster?: string;
  path?: string;
  mountPath?: string;
}

export interface AlluxioClusterManifest extends ClusterFields {
  source: string;
  name: string;
  namespace?: string;
  /** Whether metadata.name / metadata.namespace were written (an omitted namespace is kubectl's current one). */
  nameGiven: boolean;
  namespaceGiven: boolean;
  image?: string;
  /** Other documents in the file: kind and name. */
  otherDocuments: ManifestDocument[];
  licenses: LicenseDocument[];
  ufs: UfsDocument[];
  /** Every document read, in file order, with a label for messages (the AlluxioCluster's is `AlluxioCluster <name>`). */
  documents: Array<{ label: string; value: Obj }>;
  /** Every AlluxioCluster of the file (this one too), by name and namespace: the License and UFS checks look at all. */
  clustersInFile: ClusterRef[];
  /** The whole AlluxioCluster document as parsed (unknown fields kept). */
  raw: Record<string, unknown>;
}

/** A document's kind for messages; a mapping or list where a kind belongs is shown as its type, never converted. */
function kindOf(o: Obj): string {
  const k = o.kind;
  if (k === undefined || k === null) return '(no kind)';
  return typeof k === 'object' ? `(a ${Array.isArray(k) ? 'list' : 'mapping'})` : String(k);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

function metaOf(o: Obj): { name?: string; namespace?: string } {
  const meta = isObj(o.metadata) ? o.metadata : {};
  return { name: str(meta.name), namespace: str(meta.namespace) };
}

/** The YAML documents of the file as objects, `kind: List` items spread in place. */
function readObjects(text: string, r: FieldReader): Obj[] {
  // Document count, nesting depth and alias expansion are bounded before and while parsing (core/yaml.ts).
  const objects: Obj[] = [];
  for (const [i, value] of parseYamlDocuments(text, r.source, { maxDocuments: MAX_DOCUMENTS, maxAliases: MAX_ALIASES }).entries()) {
    if (!isObj(value)) r.fail(`document ${i + 1}`, value, 'is not a Kubernetes object', 'each document must be a mapping with apiVersion and kind');
    if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item, j) => {
        if (!isObj(item))
          r.fail(`document ${i + 1} items[${j}]`, item, 'is not a Kubernetes object', 'each item of a List must be a mapping with apiVersion and kind');
        objects.push(item);
      });
    } else {
      objects.push(value);
    }
    if (objects.length > MAX_DOCUMENTS)
      r.fail(
        'documents',
        objects.length,
        `the file holds more than ${MAX_DOCUMENTS} objects`,
        'give the AlluxioCluster and its UnderFileSystem and License documents only',
      );
  }
  return objects;
}

function readLicense(o: Obj): LicenseDocument {
  const { name, namespace } = metaOf(o);
  const spec = isObj(o.spec) ? o.spec : {};
  const clusters = Array.isArray(spec.clusters) ? spec.clusters.filter(isObj).map((c) => ({ name: str(c.name), namespace: str(c.namespace) })) : [];
  return { name, namespace, label: `License ${name ?? '(no name)'}`, clusters, licenseString: str(spec.licenseString) };
}

function readUfs(o: Obj): UfsDocument {
  const { name, namespace } = metaOf(o);
  const spec = isObj(o.spec) ? o.spec : {};
  return {
    name,
    namespace,
    label: `UnderFileSystem ${name ?? '(no name)'}`,
    alluxioCluster: str(spec.alluxioCluster),
    path: str(spec.path),
    mountPath: str(spec.mountPath),
  };
}

/** An AlluxioCluster of the file by name and namespace (undefined: kubectl's current namespace). */
export interface ClusterRef {
  name: string;
  namespace?: string;
}

/** The manifest in `text` when it holds one AlluxioCluster; `source` (the file name) starts every error. */
export function parseManifest(text: string, source: string): AlluxioClusterManifest {
  const all = parseManifests(text, source);
  if (all.length > 1) {
    new FieldReader(source).fail(
      'kind',
      all.map(clusterLabel).join(', '),
      'more than one AlluxioCluster in the file',
      'plan one with --cluster NAME[/NAMESPACE] (plan without --against plans them all), or split the file',
    );
  }
  return all[0];
}

/** `name` or `name/namespace`. */
export function clusterLabel(c: ClusterRef): string {
  return c.namespace === undefined ? c.name : `${c.name}/${c.namespace}`;
}

/**
 * Every AlluxioCluster in `text`, in file order, each with the file's License and UnderFileSystem documents (their
 * checks decide which cluster each belongs to) and the other documents; the other AlluxioClusters are named in
 * `clustersInFile`, not among its `otherDocuments`. Two with the same name and namespace are bad input.
 */
export function parseManifests(text: string, source: string): AlluxioClusterManifest[] {
  const r = new FieldReader(source);
  const objects = readObjects(text, r);
  const docs = objects.filter((o) => o.kind === 'AlluxioCluster');
  if (docs.length === 0) {
    const kinds = objects.map((o) => kindOf(o)).join(', ') || 'nothing';
    r.fail('kind', kinds, 'no AlluxioCluster in the file', 'give the manifest you would kubectl apply, with kind: AlluxioCluster');
  }
  const refs: ClusterRef[] = docs.map((d) => ({
    name: metaOf(d).name ?? DEFAULT_CLUSTER_NAME,
    ...(metaOf(d).namespace !== undefined ? { namespace: metaOf(d).namespace } : {}),
  }));
  refs.forEach((a, i) => {
    const j = refs.findIndex((b) => b.name === a.name && b.namespace === a.namespace);
    if (j < i)
      r.fail(
        `AlluxioCluster ${i + 1} metadata.name`,
        clusterLabel(a),
        `the file already has an AlluxioCluster ${clusterLabel(a)} (AlluxioCluster ${j + 1}): kubectl apply would make them one object`,
        'give each AlluxioCluster its own name (or namespace)',
      );
  });
  return docs.map((doc) => clusterManifest(doc, objects, refs, source, r));
}

const DEFAULT_CLUSTER_NAME = 'alluxio-cluster';

function clusterManifest(doc: Obj, objects: Obj[], clustersInFile: ClusterRef[], source: string, r: FieldReader): AlluxioClusterManifest {
  if (doc.apiVersion !== ALLUXIO_API_VERSION) {
    r.fail('apiVersion', doc.apiVersion, 'not the Alluxio operator API', `use apiVersion: ${ALLUXIO_API_VERSION}`);
  }
  const meta = metaOf(doc);
  const fields = readCluster(doc, r);
  const others = objects.filter((o) => o !== doc);
  const notClusters = others.filter((o) => o.kind !== 'AlluxioCluster');
  const alluxio = (o: Obj, kind: string): boolean => o.kind === kind && o.apiVersion === ALLUXIO_API_VERSION;
  const name = meta.name ?? DEFAULT_CLUSTER_NAME;
  return {
    source,
    name,
    namespace: meta.namespace,
    nameGiven: meta.name !== undefined,
    namespaceGiven: meta.namespace !== undefined,
    ...fields,
    otherDocuments: notClusters.map((o) => {
      const d: ManifestDocument = { kind: kindOf(o), name: metaOf(o).name };
      const ns = metaOf(o).namespace;
      if (ns !== undefined) d.namespace = ns;
      if (typeof o.apiVersion === 'string') d.apiVersion = o.apiVersion;
      return d;
    }),
    licenses: others.filter((o) => alluxio(o, 'License')).map(readLicense),
    ufs: others.filter((o) => alluxio(o, 'UnderFileSystem')).map(readUfs),
    documents: objects
      .filter((o) => o === doc || o.kind !== 'AlluxioCluster')
      .map((o) => ({ label: o === doc ? `AlluxioCluster ${name}` : `${kindOf(o)} ${metaOf(o).name ?? '(no name)'}`, value: o })),
    clustersInFile,
    raw: doc,
  };
}

/**
 * The AlluxioCluster `spec` names (`NAME` or `NAME/NAMESPACE`, `plan --cluster`) among `all`; every one when
 * `spec` is undefined. A name without a namespace must be unique in the file.
 */
export function selectClusters(all: AlluxioClusterManifest[], spec: string | undefined): AlluxioClusterManifest[] {
  if (spec === undefined) return all;
  const [name, namespace, ...rest] = spec.split('/');
  const inFile = all.map(clusterLabel).join(', ');
  if (rest.length > 0 || name === '' || namespace === '')
    throw new RingSimError('--cluster', spec, 'is not NAME or NAME/NAMESPACE', `name one of the AlluxioClusters in ${all[0].source}: ${inFile}`);
  const found = all.filter((m) => m.name === name && (namespace === undefined || m.namespace === namespace));
  if (found.length === 0) throw new RingSimError('--cluster', spec, `no AlluxioCluster ${spec} in ${all[0].source}`, `name one of: ${inFile}`);
  if (found.length > 1)
    throw new RingSimError(
      '--cluster',
      spec,
      `${found.length} AlluxioClusters are named ${name}`,
      `give the namespace too: ${found.map(clusterLabel).join(' or ')}`,
    );
  return found;
}
