/** Kubernetes scheduling and platform checks: worker anti-affinity against the nodes, GKE's read-only /mnt. */
import type { Check } from '../../core/check.js';
import type { PlanContext } from '../context.js';

export function workerSchedulingChecks(c: PlanContext): Check[] {
  const nodes = c.options.nodes;
  const total = c.planned.length;
  if (nodes === undefined || nodes >= total) return [];
  return [{ severity: 'error', field: 'spec.worker.count', message: `${total} workers but ${nodes} nodes: worker pods have an anti-affinity rule (one a node), so ${total - nodes} stay Pending`, fix: `add nodes or lower the worker count to ${nodes}` }];
}

export function hostPathChecks(c: PlanContext): Check[] {
  const out: Check[] = [];
  for (const g of c.manifest.groups) {
    if (c.platform === 'gke' && g.pagestoreType === 'hostPath' && (g.hostPath ?? '').startsWith('/mnt')) {
      out.push({
        severity: 'error',
        field: `${g.path}.pagestore.hostPath`,
        message: `the page store is a hostPath under ${g.hostPath}: GKE's Container-Optimized OS mounts /mnt read-only, so the worker cannot create its page store`,
        fix: `set ${g.path}.pagestore.hostPath to a writable path such as /var/lib/alluxio/pagestore, or use type: persistentVolumeClaim`,
      });
    }
    if (g.pagestoreType === 'emptyDir') {
      out.push({ severity: 'warning', field: `${g.path}.pagestore.type`, message: 'an emptyDir page store is lost on every pod restart', fix: 'use hostPath or persistentVolumeClaim' });
    }
  }
  return out;
}
