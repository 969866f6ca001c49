/**
 * The operator's defaults the plan relies on where the manifest is silent, each with its source: the install
 * guide's section when the guide states it, "ring-sim's assumption" when it does not.
 */
import type { AlluxioClusterManifest } from './manifest.js';
import { DEFAULT_ETCD_REPLICAS, DEFAULT_PAGESTORE_HOSTPATH } from './cluster.js';

export interface PlanDefault {
  field: string;
  value: string;
  source: string;
}

export const RING_SIM_ASSUMPTION = "ring-sim's assumption (the guide does not give it)";

export function manifestDefaults(m: AlluxioClusterManifest): PlanDefault[] {
  const out: PlanDefault[] = [];
  if (m.etcd.enabled && !m.etcd.specified)
    out.push({ field: 'spec.etcd.replicaCount', value: String(DEFAULT_ETCD_REPLICAS), source: "guide D.2 (the operator's default)" });
  if (m.etcd.enabled) {
    out.push({
      field: 'spec.etcd',
      value: m.etcd.antiAffinity === 'required-hostname' ? 'required hostname anti-affinity, one etcd pod a node' : "the manifest's own spec.etcd.affinity",
      source: m.etcd.antiAffinity === 'required-hostname' ? 'guide D.2' : 'the manifest',
    });
  }
  const p = m.etcd.persistence;
  if (m.etcd.enabled && p.enabled && !p.written)
    out.push({
      field: 'spec.etcd.persistence',
      value: "a PVC for each etcd pod, of the cluster's default StorageClass",
      source: "guide D.1; the operator's etcd chart persists by default",
    });
  if (!m.namespaceGiven) out.push({ field: 'metadata.namespace', value: "kubectl's current namespace", source: 'Kubernetes' });
  for (const h of m.hostPaths) {
    if (h.given) continue;
    const guideStates = h.path === DEFAULT_PAGESTORE_HOSTPATH;
    out.push({
      field: h.field,
      value: `hostPath ${h.path}`,
      source: guideStates
        ? 'guide: before you begin, step 4'
        : "guide E, GKE: the defaults are hostPaths under /mnt/alluxio/; the sub-path is ring-sim's assumption",
    });
  }
  for (const g of m.groups) {
    if (!('count' in g.spec)) out.push({ field: `${g.path}.count`, value: '1', source: RING_SIM_ASSUMPTION });
  }
  return out;
}

export function defaultAssumption(d: PlanDefault): string {
  return `${d.field}: ${d.value}, by default (${d.source})`;
}
