/**
 * Licenses (guide C): a cluster license in `alluxio.license` (C.1), or a deployment `License` document whose
 * `clusters` list the AlluxioCluster's name and namespace exactly (C.2). Without either, the pods start but
 * stay in Init until a License applies.
 */
import type { Check } from '../../core/check.js';
import type { PlanContext } from '../context.js';
import { LICENSE_PROP } from '../properties.js';
import { licenseBesideCluster, licensePlaceholderCheck } from './license-order.js';

export function licenseChecks(c: PlanContext): Check[] {
  const m = c.manifest;
  if (c.edition !== 'enterprise') return [];
  const property = m.properties[LICENSE_PROP];
  const placeholder = licensePlaceholderCheck(
    `spec.properties.${LICENSE_PROP}`,
    property,
    'write the cluster license string you received (guide C.1)',
    'guide C.1',
  );
  if (m.licenses.length === 0) {
    if (placeholder.length) return placeholder;
    if (property !== undefined && property.trim() !== '') return [];
    return [
      {
        id: 'license-missing',
        severity: 'warning',
        field: `spec.properties.${LICENSE_PROP}`,
        message:
          property === undefined
            ? 'no alluxio.license property and no License document: the pods start but stay in Init until a License is applied'
            : 'alluxio.license is empty: the pods stay in Init until a valid license is applied',
        fix: 'set alluxio.license to your cluster license (C.1), or apply a License whose clusters list this cluster once it is deployed (C.2)',
        source: 'guide C.2',
      },
    ];
  }
  const covering = m.licenses.filter((l) => lists(l, m));
  // Licenses that list no AlluxioCluster of the file are about this one (a near miss) when no License covers it.
  const orphans = m.licenses.filter((l) => !l.clusters.some((x) => inFile(c, x)));
  const out: Check[] = [...placeholder];
  for (const l of covering) {
    const running = m.raw.status !== undefined && m.raw.status !== null;
    out.push(...licenseBesideCluster({ name: m.name, namespace: m.namespace, running, inlineLicense: m.properties[LICENSE_PROP] }, l));
  }
  if (covering.length === 0) {
    if (orphans.length) out.push(...orphans.map((l) => mismatch(c, l)));
    else if (property === undefined || property.trim() === '') out.push(notListed(c));
  }
  for (const l of covering.length ? covering : orphans) out.push(...licenseDocumentChecks(c, l));
  return out;
}

type License = PlanContext['manifest']['licenses'][number];
type Ref = { name?: string; namespace?: string };

/** Whether the License lists the cluster by name and namespace exactly (C.2). */
function lists(l: License, k: Ref): boolean {
  return l.clusters.some((x) => x.name === k.name && x.namespace === k.namespace);
}

function inFile(c: PlanContext, x: Ref): boolean {
  return c.manifest.clustersInFile.some((k) => k.name === x.name && k.namespace === x.namespace);
}

function mismatch(c: PlanContext, l: License): Check {
  const m = c.manifest;
  const ns = m.namespace;
  const nearly = l.clusters.find((x) => x.name === m.name);
  return {
    id: 'license-cluster-mismatch',
    severity: 'error',
    field: `${l.label}: spec.clusters`,
    message: nearly
      ? `lists ${m.name} in namespace ${nearly.namespace ?? '(none)'} but the AlluxioCluster is in ${ns ?? "kubectl's current namespace (no metadata.namespace)"}: the license does not cover it and its pods stay in Init`
      : `does not list the AlluxioCluster ${m.name}${ns ? ` (namespace ${ns})` : ''}: the license does not cover it and its pods stay in Init`,
    fix: `list it exactly as the AlluxioCluster's metadata says: { name: ${m.name}${ns ? `, namespace: ${ns}` : ''} }`,
    source: 'guide C.2',
  };
}

/** Every License of the file lists other AlluxioClusters of the file, none this one, and it has no cluster license. */
function notListed(c: PlanContext): Check {
  const m = c.manifest;
  const ns = m.namespace;
  return {
    id: 'license-cluster-mismatch',
    severity: 'error',
    field: `${m.licenses[0].label}: spec.clusters`,
    message: `no License in the file lists the AlluxioCluster ${m.name}${ns ? ` (namespace ${ns})` : ''} (${m.licenses.map((l) => `${l.label} lists ${l.clusters.map((x) => `${x.name ?? '(no name)'}/${x.namespace ?? '(no namespace)'}`).join(', ')}`).join('; ')}) and it has no alluxio.license: its pods stay in Init`,
    fix: `add { name: ${m.name}${ns ? `, namespace: ${ns}` : ''} } to a License's spec.clusters once the cluster runs (C.2), or give it alluxio.license (C.1)`,
    source: 'guide C.2',
  };
}

function licenseDocumentChecks(c: PlanContext, l: License): Check[] {
  const out: Check[] = [];
  const others = l.clusters.filter((x) => !inFile(c, x));
  if (others.length) {
    out.push({
      id: 'license-other-clusters',
      severity: 'warning',
      field: `${l.label}: spec.clusters`,
      message: `also lists ${others.map((x) => `${x.name ?? '(no name)'}/${x.namespace ?? '(no namespace)'}`).join(', ')}, which no AlluxioCluster in this file is (name and namespace must match exactly): each must already be running elsewhere, and if the operator cannot find one of them the license fails for every cluster listed`,
      fix: 'list only clusters that are deployed and running',
      source: 'guide C.2',
    });
  }
  if (l.licenseString === undefined || l.licenseString.trim() === '') {
    out.push({
      id: 'license-string-missing',
      severity: 'error',
      field: `${l.label}: spec.licenseString`,
      message: 'the License has no licenseString: it licenses nothing and the pods stay in Init',
      fix: 'set spec.licenseString to your deployment license',
      source: 'guide C.2',
    });
  }
  out.push(
    ...licensePlaceholderCheck(`${l.label}: spec.licenseString`, l.licenseString, 'write the deployment license string you received (guide C.2)', 'guide C.2'),
  );
  return out;
}
