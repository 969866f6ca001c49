/**
 * Reading what an operator would `kubectl apply` (apiVersion `k8s-operator.alluxio.com/v1`) with the `yaml`
 * package: one or several documents, or a `kind: List` as `kubectl get -o yaml` prints it. The AlluxioCluster is
 * picked out (cluster.ts reads its fields); License and UnderFileSystem documents are read for their checks;
 * every other document is kept and named. Fields ring-sim does not use are kept in `raw` and never fail the plan.
 */
import { parseYamlDocuments } from '../core/yaml.js';
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
        if (!isObj(item)) r.fail(`document ${i + 1} items[${j}]`, item, 'is not a Kubernetes object', 'each item of a List must be a mapping with apiVersion and kind');
        objects.push(item);
      });
    } else {
      objects.push(value);
    }
    if (objects.length > MAX_DOCUMENTS) r.fail('documents', objects.length, `the file holds more than ${MAX_DOCUMENTS} objects`, 'give the AlluxioCluster and its UnderFileSystem and License documents only');
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
  return { name, namespace, label: `UnderFileSystem ${name ?? '(no name)'}`, alluxioCluster: str(spec.alluxioCluster), path: str(spec.path), mountPath: str(spec.mountPath) };
}

/** The manifest in `text`; `source` (the file name) starts every error, which names the field, value and fix. */
export function parseManifest(text: string, source: string): AlluxioClusterManifest {
  const r = new FieldReader(source);
  const objects = readObjects(text, r);
  const clusters = objects.filter((o) => o.kind === 'AlluxioCluster');
  if (clusters.length === 0) {
    const kinds = objects.map((o) => kindOf(o)).join(', ') || 'nothing';
    r.fail('kind', kinds, 'no AlluxioCluster in the file', 'give the manifest you would kubectl apply, with kind: AlluxioCluster');
  }
  if (clusters.length > 1) r.fail('kind', clusters.length, 'more than one AlluxioCluster in the file', 'plan one cluster at a time');
  const doc = clusters[0];
  if (doc.apiVersion !== ALLUXIO_API_VERSION) {
    r.fail('apiVersion', doc.apiVersion, 'not the Alluxio operator API', `use apiVersion: ${ALLUXIO_API_VERSION}`);
  }
  const meta = metaOf(doc);
  const fields = readCluster(doc, r);
  const others = objects.filter((o) => o !== doc);
  const alluxio = (o: Obj, kind: string): boolean => o.kind === kind && o.apiVersion === ALLUXIO_API_VERSION;
  const name = meta.name ?? 'alluxio-cluster';
  return {
    source,
    name,
    namespace: meta.namespace,
    nameGiven: meta.name !== undefined,
    namespaceGiven: meta.namespace !== undefined,
    ...fields,
    otherDocuments: others.map((o) => {
      const d: ManifestDocument = { kind: kindOf(o), name: metaOf(o).name };
      const ns = metaOf(o).namespace;
      if (ns !== undefined) d.namespace = ns;
      if (typeof o.apiVersion === 'string') d.apiVersion = o.apiVersion;
      return d;
    }),
    licenses: others.filter((o) => alluxio(o, 'License')).map(readLicense),
    ufs: others.filter((o) => alluxio(o, 'UnderFileSystem')).map(readUfs),
    documents: objects.map((o) => ({ label: o === doc ? `AlluxioCluster ${name}` : `${kindOf(o)} ${metaOf(o).name ?? '(no name)'}`, value: o })),
    raw: doc,
  };
}
