/**
 * A License beside the AlluxioCluster it names (guide C.2): the guide deploys the cluster with no license first
 * (step 1) and creates the License once it runs (step 2), since "only clusters that are already running may be
 * listed"; it gives the inline `alluxio.license` (C.1) and the License (C.2) as alternatives, and step 1 omits the
 * property. Also license strings that are still a placeholder.
 */
import type { Check } from '../../core/check.js';
import type { LicenseDocument } from '../manifest.js';
import { LICENSE_PROP } from '../properties.js';

/** Placeholders the `placeholder` check (`<UPPER_CASE>`) does not catch: `<your license>`, YOUR_LICENSE, xxx, TODO. */
const LICENSE_PLACEHOLDER = /^(<[^>]*>|your[\s_-].*|.*replace[\s_-]?me.*|changeme|todo|tbd|x{3,}|\.{3}|…)$/i;
const UPPER_PLACEHOLDER = /<[A-Z][A-Z0-9_]*>/;

/** Whether a license string is a placeholder left in (one the `placeholder` check does not already report). */
export function isLicensePlaceholder(s: string): boolean {
  const t = s.trim();
  return LICENSE_PLACEHOLDER.test(t) && !UPPER_PLACEHOLDER.test(t);
}

/** The cluster as it is applied: the file holds it, and `status` shows it was read back from a running cluster. */
export interface AppliedCluster {
  name: string;
  namespace?: string;
  running: boolean;
  inlineLicense?: string;
}

/** The checks on a License `l` that lists the cluster `c` (name and namespace exactly). */
export function licenseBesideCluster(c: AppliedCluster, l: LicenseDocument): Check[] {
  const out: Check[] = [];
  const ns = c.namespace ? ` -n ${c.namespace}` : '';
  if (!c.running) {
    out.push({
      id: 'license-apply-order',
      severity: 'warning',
      field: `${l.label}: spec.clusters`,
      message: `is in the same file as the AlluxioCluster ${c.name} it lists: one kubectl apply -f creates both at once, but only clusters that are already running may be listed, and if the operator cannot find one the license fails for every cluster in the list`,
      fix: `apply in the guide's order: 1) the AlluxioCluster (and its UnderFileSystem) without a license, 2) once its pods are up in Init (kubectl get pods${ns}), the License in its own file: kubectl create -f alluxio-license.yaml`,
      source: 'guide C.2',
    });
  }
  if (c.inlineLicense !== undefined && c.inlineLicense.trim() !== '') {
    out.push({
      id: 'license-duplicate',
      severity: 'warning',
      field: `spec.properties.${LICENSE_PROP}`,
      message: `the cluster carries a cluster license in alluxio.license (C.1) and ${l.label} (a deployment license, C.2) lists it too: the guide gives them as alternatives and omits alluxio.license when a License applies (C.2 step 1); which one the operator uses when both are present is not documented (ring-sim model: treat it as either)`,
      fix: `remove alluxio.license to use the deployment license (C.2 step 1), or drop ${l.label} to keep the cluster license (C.1)`,
      source: 'guide C.1, C.2',
    });
  }
  return out;
}

/** A placeholder left as a license: the pods stay in Init. */
export function licensePlaceholderCheck(field: string, value: string | undefined, fix: string, source: string): Check[] {
  if (value === undefined || !isLicensePlaceholder(value)) return [];
  return [
    {
      id: 'license-placeholder',
      severity: 'error',
      field,
      message: `${JSON.stringify(value.trim())} is a placeholder, not a license: the license is invalid and the pods stay in Init`,
      fix,
      source,
    },
  ];
}
