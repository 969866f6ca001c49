/**
 * Worker identity persistence (guide E, GKE, and "Restarting workers"): a worker keeps its identity across
 * restarts when `useExternalId: false` and `systemInfo.hostPath` puts the identity file on a persistent path.
 * Without it each restart registers a new identity and leaves the old one OFFLINE (ring bloat).
 *
 * `useExternalId` not written (issue 23 item 5): its default is not established. Alluxio's operator documentation
 * does not state it; a copy of the operator's chart (unofficial, github.com/dodiadodia/alluxio-helm values.yaml)
 * defaults it to false and then keeps the identity file under systemInfo's path; the guide (E) writes
 * `useExternalId: false` explicitly to persist identities, and its GKE mount errors at the default /mnt paths name
 * no system-info volume. So ring-sim does not count identities as persisted unless the manifest writes
 * `useExternalId: false`, plans the restart what-if that way, and prints the assumption and a warning naming the field.
 */
import type { Check } from '../../core/check.js';
import type { AlluxioClusterManifest, ManifestWorkerGroup } from '../manifest.js';
import type { PlanWhatIf } from '../model.js';
import type { PlanContext } from '../context.js';
import type { RingMode } from '../../membership/membership.js';

const SOURCE = 'guide E (Google GKE: worker identity persistence)';

/** The field: the chart reads it from spec.worker only, for every group (worker-template.ts). */
export const USE_EXTERNAL_ID_FIELD = 'spec.worker.useExternalId';

/** Why `useExternalId` not written is not read as false. */
export const USE_EXTERNAL_ID_UNSET_REASON =
  "assumed: Alluxio's operator documentation gives no default; a copy of the operator's chart (unofficial) defaults it to false, but the guide (E) writes useExternalId: false to persist identities";

/** The guide's way: useExternalId: false written, and the identity file (systemInfo) on a hostPath or volume claim. */
export function identityPersisted(g: ManifestWorkerGroup): boolean {
  return g.useExternalId === false && g.systemInfoStore !== undefined;
}

/** Why a group's identities are or are not persisted, in a few words for the restart what-if. */
export function identityReason(g: ManifestWorkerGroup): string {
  if (g.useExternalId === true) return 'useExternalId: true';
  if (g.systemInfoStore === undefined) return g.useExternalId === undefined ? 'no systemInfo.hostPath, useExternalId not set' : 'no systemInfo.hostPath';
  if (g.useExternalId === undefined) return 'useExternalId not set: assumed not persisted';
  return `useExternalId: false, systemInfo ${g.systemInfoStore === 'pvc' ? 'on a volume claim' : `hostPath ${g.systemInfoStore}`}`;
}

/** Whether every group keeps its identities, and why (the first group that does not, or the first group). */
export function identityReading(m: AlluxioClusterManifest): { persisted: boolean; why: string } {
  const lost = m.groups.find((g) => !identityPersisted(g));
  return { persisted: lost === undefined, why: identityReason(lost ?? m.groups[0]) };
}

/** The assumption line when the manifest does not write useExternalId. */
export function identityAssumptions(m: AlluxioClusterManifest): string[] {
  if (!m.groups.some((g) => g.useExternalId === undefined)) return [];
  return [
    `${USE_EXTERNAL_ID_FIELD} not set: identities are not counted as persisted, and the restart what-if gives the restarted worker a new identity (${USE_EXTERNAL_ID_UNSET_REASON})`,
  ];
}

export function identityChecks(c: PlanContext): Check[] {
  const out: Check[] = [];
  const groups = c.manifest.groups;
  const external = groups[0]?.useExternalId;
  if (external === true) {
    out.push({
      id: 'identity-external-id',
      severity: 'warning',
      field: USE_EXTERNAL_ID_FIELD,
      message: 'useExternalId: true is not how the guide persists worker identities',
      fix: `set ${USE_EXTERNAL_ID_FIELD}: false and systemInfo.hostPath to a persistent path (e.g. /home/alluxio/system-info)`,
      source: SOURCE,
    });
  } else if (external === undefined && groups.some((g) => g.systemInfoStore !== undefined)) {
    out.push({
      id: 'identity-external-id-unset',
      severity: 'warning',
      field: USE_EXTERNAL_ID_FIELD,
      message: `useExternalId is not set beside systemInfo: ring-sim does not count identities as persisted (${USE_EXTERNAL_ID_UNSET_REASON})`,
      fix: `set ${USE_EXTERNAL_ID_FIELD}: false, as the guide does beside systemInfo.hostPath`,
      source: SOURCE,
    });
  }
  if (external === true) return out;
  for (const g of groups) {
    if (g.systemInfoStore !== undefined) continue;
    out.push({
      id: 'identity-not-persisted',
      severity: 'warning',
      field: `${g.path}.systemInfo.hostPath`,
      message: `worker identities are not persisted${external === undefined ? ' (no systemInfo, and useExternalId not set)' : ''}: each restart registers the worker as a new instance and leaves the old one OFFLINE in etcd (ring bloat)`,
      fix: `set ${USE_EXTERNAL_ID_FIELD}: false and ${g.path}.systemInfo.hostPath: /home/alluxio/system-info (a persistent path; not under /mnt on GKE); clear OFFLINE entries with "alluxio process remove-worker"`,
      source: SOURCE,
    });
  }
  return out;
}

const IDENTITY_CHECKS = new Set(['identity-not-persisted', 'identity-external-id', 'identity-external-id-unset']);

/** Adds the restart what-if's cost to the identity checks' messages. */
export function withRestartCost(checks: Check[], restart: PlanWhatIf | undefined, mode: RingMode): void {
  if (!restart || restart.moved + restart.samePod + restart.unreachable <= 0) return;
  // Keys that pass to the restarted worker's new identity stay on the same pod: the what-if's samePod, not moved.
  const onPod = restart.samePod > 0 ? ` (${(restart.samePod * 100).toFixed(1)} % stay on the pod under its new identity, not re-read)` : '';
  for (const c of checks) {
    if (c.id !== undefined && IDENTITY_CHECKS.has(c.id))
      c.message += `; in this ${mode} ring one restart moves ${(restart.moved * 100).toFixed(1)} % of the keys to other pods${onPod}${restart.unreachable ? ` and leaves ${(restart.unreachable * 100).toFixed(1)} % unreachable` : ''} (what-if "restart one worker")`;
  }
}
