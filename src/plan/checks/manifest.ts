/**
 * Checks on the manifest as written: placeholders the guide's examples carry (`<PRIVATE_REGISTRY>`,
 * `<YOUR_LICENSE>`, `<S3_BUCKET>`) left in, invalid values of known Alluxio properties, sizes Kubernetes
 * rejects, and UnderFileSystem documents that point at another cluster.
 */
import type { Check } from '../../core/check.js';
import { propertyChecks } from '../properties.js';
import type { PlanContext } from '../context.js';
import { isObj } from '../yaml-object.js';

const PLACEHOLDER = /<[A-Z][A-Z0-9_]*>/g;

/** Where each placeholder is: [document label, YAML path, placeholder]. */
function findPlaceholders(v: unknown, path: string, out: Array<[string, string]>): void {
  if (typeof v === 'string') {
    for (const p of v.match(PLACEHOLDER) ?? []) out.push([path, p]);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => findPlaceholders(x, `${path}[${i}]`, out));
  } else if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) findPlaceholders(x, path ? `${path}.${k}` : k, out);
  }
}

const PLACEHOLDER_FIX: Record<string, { fix: string; source: string }> = {
  '<PRIVATE_REGISTRY>': { fix: 'push the images to your private registry and write its address (guide step 0)', source: 'guide step 0, step 4' },
  '<YOUR_LICENSE>': { fix: 'write the license string you received, or remove the line and apply a License (guide C)', source: 'guide step 4, C.1' },
  '<YOUR_CLUSTER_LICENSE>': { fix: 'write the cluster license string you received (guide C.1)', source: 'guide C.1' },
  '<YOUR_DEPLOYMENT_LICENSE>': { fix: 'write the deployment license string you received (guide C.2)', source: 'guide C.2' },
  '<S3_BUCKET>': { fix: 'write your bucket (guide step 5)', source: 'guide step 5' },
};

export function placeholderChecks(c: PlanContext): Check[] {
  const out: Check[] = [];
  for (const d of c.manifest.documents) {
    const found: Array<[string, string]> = [];
    findPlaceholders(d.value, '', found);
    for (const [path, p] of found) {
      const known = PLACEHOLDER_FIX[p] ?? { fix: `replace ${p} with your value`, source: 'guide step 4, step 5' };
      const where = d.value === c.manifest.raw ? path : `${d.label}: ${path}`;
      out.push({
        id: 'placeholder',
        severity: 'error',
        field: where,
        message: `the placeholder ${p} is still in the manifest: ${placeholderEffect(p, path)}`,
        fix: known.fix,
        source: known.source,
      });
    }
  }
  return out;
}

function placeholderEffect(p: string, path: string): string {
  if (/image|registry|repository/i.test(path) || p === '<PRIVATE_REGISTRY>' || p === '<TAG>') return 'the image cannot be pulled and the pods never start';
  if (/licen/i.test(path + p)) return 'the license is invalid and the pods stay in Init';
  return 'the operator passes it on as written';
}

export function propertyValueChecks(c: PlanContext): Check[] {
  return propertyChecks(c.manifest.properties);
}

/** A size Kubernetes rejects: kubectl apply refuses the manifest; the plan goes on with Alluxio's binary reading. */
export function rejectedSizeChecks(c: PlanContext): Check[] {
  return c.manifest.groups.flatMap((g) =>
    g.rejectedSizes.map((r) => ({
      id: 'quantity-rejected',
      severity: 'error' as const,
      field: `${g.path}.pagestore.${r.field}`,
      message: `${JSON.stringify(r.text)} is not a Kubernetes quantity: kubectl apply rejects the manifest (this plan reads it as ${r.binary}, as Alluxio would)`,
      // Only the binary spelling: the decimal one (100G) raises quantity-decimal on the same field.
      fix: `write ${r.binary} (binary, the size this plan used)`,
      source: 'Kubernetes resource.Quantity; guide D.4 (GB vs GiB)',
    })),
  );
}

export function ufsChecks(c: PlanContext): Check[] {
  const m = c.manifest;
  const out: Check[] = [];
  for (const u of m.ufs) {
    // An UnderFileSystem of another AlluxioCluster of the file is that cluster's (its own report checks it).
    if (u.alluxioCluster !== m.name && m.clustersInFile.some((k) => k.name === u.alluxioCluster && (u.namespace === undefined || k.namespace === u.namespace)))
      continue;
    if (u.alluxioCluster !== undefined && u.alluxioCluster !== m.name) {
      out.push({
        id: 'ufs-cluster',
        severity: 'error',
        field: `${u.label}: spec.alluxioCluster`,
        message: `names the cluster ${JSON.stringify(u.alluxioCluster)} but the AlluxioCluster is ${JSON.stringify(m.name)}: the mount never becomes Ready`,
        fix: `set spec.alluxioCluster: ${m.name}`,
        source: 'guide step 5',
      });
    }
    if (u.namespace !== undefined && m.namespace !== undefined && u.namespace !== m.namespace) {
      out.push({
        id: 'ufs-namespace',
        severity: 'error',
        field: `${u.label}: metadata.namespace`,
        message: `is ${u.namespace} but the AlluxioCluster is in ${m.namespace}: the UnderFileSystem finds its cluster in its own namespace`,
        fix: `set metadata.namespace: ${m.namespace}`,
        source: 'guide step 5',
      });
    }
  }
  return out;
}
