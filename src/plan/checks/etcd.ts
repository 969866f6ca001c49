/** etcd: quorum and anti-affinity against the nodes. */
import type { Check } from '../../core/check.js';
import type { PlanContext } from '../context.js';

export function etcdChecks(c: PlanContext): Check[] {
  const etcd = c.manifest.etcd;
  if (!etcd.enabled) return [];
  const out: Check[] = [];
  const n = etcd.replicaCount;
  if (n === 1) {
    out.push({ severity: 'warning', field: 'spec.etcd.replicaCount', message: `one etcd replica${etcd.specified ? '' : ' (the default)'} has no quorum to lose: when it restarts, membership stops; fine for a test only`, fix: 'use replicaCount: 3 in production' });
  } else if (n % 2 === 0) {
    out.push({ severity: 'info', field: 'spec.etcd.replicaCount', message: `${n} etcd replicas tolerate no more failures than ${n - 1}`, fix: `use an odd count such as ${n + 1}` });
  }
  const nodes = c.options.nodes;
  if (nodes !== undefined && nodes < n) {
    out.push({ severity: 'error', field: 'spec.etcd.replicaCount', message: `etcd pods have anti-affinity (one a node) and need ${n} nodes; ${nodes} are available, so ${n - nodes} stay Pending`, fix: `add nodes or lower replicaCount to ${nodes % 2 === 1 ? nodes : Math.max(1, nodes - 1)}` });
  }
  return out;
}
