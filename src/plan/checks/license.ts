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
  const placeholder = licensePlaceholderCheck(`spec.properties.${LICENSE_PROP}`, property, 'write the cluster license string you received (guide C.1)', 'guide C.1');
  if (m.licenses.length === 0) {
    if (placeholder.length) return placeholder;
    if (property !== undefined && property.trim() !== '') return [];
    return [{
      id: 'license-missing',
      severity: 'warning',
      field: `spec.properties.${LICENSE_PROP}`,
      message: property === undefined
        ? 'no alluxio.license property and no License document: the pods start but stay in Init until a License is applied'
        : 'alluxio.license is empty: the pods stay in Init until a valid license is applied',
      fix: 'set alluxio.license to your cluster license (C.1), or apply a License whose clusters list this cluster once it is deployed (C.2)',
      source: 'guide C.2',
    }];
  }
  return [...placeholder, ...m.licenses.flatMap((l) => licenseDocumentChecks(c, l))];
}

function licenseDocumentChecks(c: PlanContext, l: PlanContext['manifest']['licenses'][number]): Check[] {
  const m = c.manifest;
  const out: Check[] = [];
  const ns = m.namespace;
  const listed = l.clusters.some((x) => x.name === m.name && (x.namespace === ns || (ns === undefined && x.namespace === undefined)));
  if (listed) {
    const running = m.raw.status !== undefined && m.raw.status !== null;
    out.push(...licenseBesideCluster({ name: m.name, namespace: ns, running, inlineLicense: m.properties[LICENSE_PROP] }, l));
  } else {
    const nearly = l.clusters.find((x) => x.name === m.name);
    out.push({
      id: 'license-cluster-mismatch',
      severity: 'error',
      field: `${l.label}: spec.clusters`,
      message: nearly
        ? `lists ${m.name} in namespace ${nearly.namespace ?? '(none)'} but the AlluxioCluster is in ${ns ?? "kubectl's current namespace (no metadata.namespace)"}: the license does not cover it and its pods stay in Init`
        : `does not list the AlluxioCluster ${m.name}${ns ? ` (namespace ${ns})` : ''}: the license does not cover it and its pods stay in Init`,
      fix: `list it exactly as the AlluxioCluster's metadata says: { name: ${m.name}${ns ? `, namespace: ${ns}` : ''} }`,
      source: 'guide C.2',
    });
  }
  const others = l.clusters.filter((x) => !(x.name === m.name && x.namespace === ns));
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
    out.push({ id: 'license-string-missing', severity: 'error', field: `${l.label}: spec.licenseString`, message: 'the License has no licenseString: it licenses nothing and the pods stay in Init', fix: 'set spec.licenseString to your deployment license', source: 'guide C.2' });
  }
  out.push(...licensePlaceholderCheck(`${l.label}: spec.licenseString`, l.licenseString, 'write the deployment license string you received (guide C.2)', 'guide C.2'));
  return out;
}
