/**
 * etcd (guide D.1, D.2, B.3): the operator deploys `replicaCount` pods (default 3) with a required hostname
 * anti-affinity, so each needs its own node; one replica has no quorum; with `etcd.enabled: false` Alluxio
 * needs `alluxio.etcd.endpoints`, whose URLs and `alluxio.etcd.tls.enabled` must agree (etcd-tls.ts).
 */
import type { Check } from '../../core/check.js';
import type { PlanContext } from '../context.js';
import { ETCD_ENDPOINTS_PROP, ETCD_TLS_PROP, parseEtcdEndpoints } from '../properties.js';
import { externalEtcdChecks } from './etcd-tls.js';

export function etcdChecks(c: PlanContext): Check[] {
  const etcd = c.manifest.etcd;
  const endpoints = c.manifest.properties[ETCD_ENDPOINTS_PROP];
  if (!etcd.enabled) {
    if (endpoints !== undefined && endpoints.trim() !== '') {
      if (/<[A-Z][A-Z0-9_]*>/.test(endpoints)) return []; // a placeholder: its own check
      return externalEtcdChecks(parseEtcdEndpoints(endpoints), c.manifest.properties[ETCD_TLS_PROP]);
    }
    return [
      {
        id: 'etcd-external-endpoints',
        severity: 'error',
        field: `spec.properties.${ETCD_ENDPOINTS_PROP}`,
        message:
          'spec.etcd.enabled is false, so the operator deploys no etcd, and no alluxio.etcd.endpoints names an external one: the coordinator and workers have no membership store and wait forever',
        fix: 'set alluxio.etcd.endpoints: http://external-etcd:2379 (your etcd), or remove etcd.enabled: false',
        source: 'guide B.3',
      },
    ];
  }
  const out: Check[] = [];
  if (endpoints !== undefined) {
    out.push({
      id: 'etcd-endpoints-ignored',
      severity: 'warning',
      field: `spec.properties.${ETCD_ENDPOINTS_PROP}`,
      message:
        'alluxio.etcd.endpoints names an external etcd while the operator also deploys its own (spec.etcd.enabled is not false): the two disagree on where membership lives',
      fix: 'for an external etcd set spec.etcd.enabled: false; otherwise remove the property',
      source: 'guide B.3',
    });
  }
  const n = etcd.replicaCount;
  const given = etcd.specified ? '' : " (the operator's default)";
  if (n === 1) {
    out.push({
      id: 'etcd-quorum',
      severity: 'warning',
      field: 'spec.etcd.replicaCount',
      message: 'one etcd replica has no quorum: when it restarts, membership stops; the guide allows it for single-node dev/test only',
      fix: 'use replicaCount: 3 in production',
      source: 'guide D.2',
    });
  } else if (n % 2 === 0) {
    out.push(evenReplicas(n, given, c.options.nodes));
  }
  const nodes = c.options.nodes;
  if (nodes !== undefined && nodes < n && etcd.antiAffinity === 'required-hostname') {
    out.push({
      id: 'etcd-anti-affinity',
      severity: 'error',
      field: 'spec.etcd.replicaCount',
      message: `${n} etcd replicas${given} with the operator's required hostname anti-affinity need ${n} nodes; --nodes ${nodes}, so ${n - nodes === 1 ? '1 etcd pod stays' : `${n - nodes} etcd pods stay`} Pending ("didn't match pod anti-affinity rules")`,
      fix:
        nodes >= 3
          ? `add nodes or set replicaCount: ${nodes % 2 === 1 ? nodes : nodes - 1}`
          : `add nodes (3 for production), or for a dev/test cluster set spec.etcd.replicaCount: 1`,
      source: 'guide D.2',
    });
  }
  return out;
}

/** Failures an etcd cluster of `n` members survives: it needs a quorum of ⌊n/2⌋ + 1. `tolerated(2)` is 0, `tolerated(3)` 1. */
export const tolerated = (n: number): number => n - (Math.floor(n / 2) + 1);

/**
 * An even replica count: it tolerates no more failures than one replica fewer (2 tolerate none, like 1). Two is a
 * WARNING (no failure tolerated, as with one replica); four or more an info. The fix names a count that raises
 * nothing on this field: 3 for two replicas, else n − 1, or n + 1 when the nodes given (--nodes) hold it.
 */
function evenReplicas(n: number, given: string, nodes: number | undefined): Check {
  const f = tolerated(n);
  const failures = f === 0 ? 'no failure' : f === 1 ? '1 failure' : `${f} failures`;
  const message = `${n} etcd replicas${given} tolerate ${failures} (a quorum is ${n - f} of ${n}), no more than ${n - 1} replica${n - 1 === 1 ? '' : 's'}${n === 2 ? ': membership stops when either etcd pod restarts' : ''}`;
  if (n === 2)
    return {
      id: 'etcd-even',
      severity: 'warning',
      field: 'spec.etcd.replicaCount',
      message,
      fix: 'use replicaCount: 3 (tolerates 1 failure; needs 3 nodes), or 1 for a single-node dev/test cluster',
      source: 'etcd quorum (ring-sim), guide D.2',
    };
  const up = nodes === undefined || nodes >= n + 1 ? ` or ${n + 1} (tolerates ${tolerated(n + 1)})` : '';
  return {
    id: 'etcd-even',
    severity: 'info',
    field: 'spec.etcd.replicaCount',
    message,
    fix: `use replicaCount: ${n - 1} (the same tolerance, one pod fewer)${up}`,
    source: 'etcd quorum (ring-sim)',
  };
}
