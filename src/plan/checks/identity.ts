/**
 * Worker identity persistence (guide E, GKE, and "Restarting workers"): a worker keeps its identity across
 * restarts when `useExternalId: false` and `systemInfo.hostPath` puts the identity file on a persistent path.
 * Without it each restart registers a new identity and leaves the old one OFFLINE (ring bloat).
 */
import type { Check } from '../../core/check.js';
import type { ManifestWorkerGroup } from '../manifest.js';
import type { PlanWhatIf } from '../model.js';
import type { PlanContext } from '../context.js';
import type { RingMode } from '../../membership/membership.js';

const SOURCE = 'guide E (Google GKE: worker identity persistence)';

/** The guide's way: useExternalId not true, and the identity file (systemInfo) on a hostPath or volume claim. */
export function identityPersisted(g: ManifestWorkerGroup): boolean {
  return g.useExternalId !== true && g.systemInfoStore !== undefined;
}

export function identityChecks(c: PlanContext): Check[] {
  const out: Check[] = [];
  for (const g of c.manifest.groups) {
    if (g.useExternalId === true) {
      out.push({ id: 'identity-external-id', severity: 'warning', field: `${g.path}.useExternalId`, message: 'useExternalId: true is not how the guide persists worker identities', fix: `set ${g.path}.useExternalId: false and ${g.path}.systemInfo.hostPath to a persistent path (e.g. /home/alluxio/system-info)`, source: SOURCE });
    } else if (g.systemInfoStore === undefined) {
      out.push({
        id: 'identity-not-persisted',
        severity: 'warning',
        field: `${g.path}.systemInfo.hostPath`,
        message: 'worker identities are not persisted: each restart registers the worker as a new instance and leaves the old one OFFLINE in etcd (ring bloat)',
        fix: `set ${g.path}.useExternalId: false and ${g.path}.systemInfo.hostPath: /home/alluxio/system-info (a persistent path; not under /mnt on GKE); clear OFFLINE entries with "alluxio process remove-worker"`,
        source: SOURCE,
      });
    }
  }
  return out;
}

/** Adds the restart what-if's cost to the identity checks' messages. */
export function withRestartCost(checks: Check[], restart: PlanWhatIf | undefined, mode: RingMode): void {
  if (!restart || restart.moved + restart.samePod + restart.unreachable <= 0) return;
  // Keys that pass to the restarted worker's new identity stay on the same pod: the what-if's samePod, not moved.
  const onPod = restart.samePod > 0 ? ` (${(restart.samePod * 100).toFixed(1)} % stay on the pod under its new identity, not re-read)` : '';
  for (const c of checks) {
    if (c.id === 'identity-not-persisted' || c.id === 'identity-external-id') c.message += `; in this ${mode} ring one restart moves ${(restart.moved * 100).toFixed(1)} % of the keys to other pods${onPod}${restart.unreachable ? ` and leaves ${(restart.unreachable * 100).toFixed(1)} % unreachable` : ''} (what-if "restart one worker")`;
  }
}
