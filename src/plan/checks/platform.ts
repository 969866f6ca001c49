/**
 * Kubernetes scheduling and platform checks: workers against the nodes, GKE's read-only /mnt (guide E: every
 * hostPath under /mnt/alluxio fails with "mkdir /mnt/alluxio: read-only file system"), emptyDir page stores.
 */
import type { Check } from '../../core/check.js';
import type { PlanContext } from '../context.js';

export function workerSchedulingChecks(c: PlanContext): Check[] {
  const nodes = c.options.nodes;
  const total = c.planned.length;
  if (nodes === undefined || nodes >= total) return [];
  return [
    {
      id: 'worker-nodes',
      severity: 'warning',
      field: c.manifest.groups.length > 1 ? 'spec.workerGroups[].count' : 'spec.worker.count',
      message: `${total} workers on ${nodes} nodes: at least two workers share a node, its disk and its hostPath page store (each sized for a whole disk), or stay Pending if the pods spread one a node`,
      fix: `add nodes or lower the worker count to ${nodes}`,
      source: 'ring-sim model (the guide sizes the page store per node: "must not exceed the worker node\'s disk")',
    },
  ];
}

import { readOnlyOnGke } from '../cluster.js';

export { readOnlyOnGke };

export function hostPathChecks(c: PlanContext): Check[] {
  if (c.platform !== 'gke') return [];
  return c.manifest.hostPaths
    .filter((h) => readOnlyOnGke(h.path))
    .map((h) => ({
      id: 'gke-hostpath',
      severity: 'error' as const,
      field: h.field,
      message: `${h.what}: hostPath ${h.path}${h.given ? '' : ' (the default)'}: GKE nodes mount /mnt read-only, so the pod fails with "mkdir /mnt/alluxio: read-only file system"`,
      fix: `set ${h.field}: ${h.guideFix} (a writable base directory such as /home/alluxio, as the guide does)`,
      source: 'guide E (Google GKE)',
    }));
}

export function emptyDirChecks(c: PlanContext): Check[] {
  return c.manifest.groups
    .filter((g) => g.pagestoreType === 'emptyDir')
    .map((g) => ({
      id: 'pagestore-emptydir',
      severity: 'warning' as const,
      field: `${g.path}.pagestore.type`,
      message: 'an emptyDir page store is lost on every pod restart',
      fix: "set pagestore.type to hostPath (the guide's default) or to persistentVolumeClaim for a cache that survives pod restarts",
      source: 'guide: 开始之前 (page store checklist) and 4. 部署集群 (pagestore: hostPath by default; PVC → 生产建议 → Worker Page Store)',
    }));
}
