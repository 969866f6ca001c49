/** Worker identity persistence: without it each restart registers a new identity and leaves an OFFLINE entry. */
import type { Check } from '../../core/check.js';
import type { ManifestWorkerGroup } from '../manifest.js';
import type { PlanWhatIf } from '../model.js';
import type { PlanContext } from '../context.js';

export function identityPersisted(g: ManifestWorkerGroup): boolean {
  return g.useExternalId === true || (g.systemInfo !== undefined && g.systemInfo !== null);
}

export function identityChecks(c: PlanContext): Check[] {
  return c.manifest.groups.filter((g) => !identityPersisted(g)).map((g) => ({
    severity: 'warning',
    field: `${g.path}.useExternalId`,
    message: `worker identities are not persisted: each restart registers the worker under a new identity and leaves an OFFLINE entry in etcd (ring bloat)`,
    fix: `persist the identity (${g.path}.useExternalId: true, or keep the worker_identity file on a persistent volume); clear OFFLINE entries with "alluxio process remove-worker"${c.platform === 'gke' ? '; on GKE keep it under a writable hostPath such as /var/lib/alluxio, not /mnt' : ''}`,
  }));
}

/** Adds the restart what-if's cost to the identity checks' messages. */
export function withRestartCost(checks: Check[], restart: PlanWhatIf | undefined, mode: 'dynamic' | 'static'): void {
  if (!restart || restart.moved + restart.unreachable <= 0) return;
  for (const c of checks) {
    if (c.field.endsWith('.useExternalId')) c.message += `; in this ${mode} ring one restart moves ${(restart.moved * 100).toFixed(1)} % of the keys${restart.unreachable ? ` and leaves ${(restart.unreachable * 100).toFixed(1)} % unreachable` : ''} (what-if below)`;
  }
}
