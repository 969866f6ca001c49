/**
 * A scenario's events as methods of the cluster: each changes membership and page stores the way Alluxio does and
 * says what it did (src/sim/cluster.ts). A restart with a downtime stops the worker here; its return is the
 * timeline's (src/sim/event-timeline.ts).
 */
import type { Cluster, EventEffect } from './cluster.js';
import type { Scenario, ScenarioEvent } from './scenario.js';

/** Runs event `e` on `cluster` (`field` names the event's worker in errors). */
export function applyEvent(cluster: Cluster, scenario: Scenario, e: ScenarioEvent, field: string): EventEffect {
  switch (e.action) {
    case 'add-workers':
      return cluster.addWorkers(
        scenario.cluster.groups.find((g) => g.name === e.group)!,
        e.count,
      );
    case 'scale-in':
      return cluster.scaleIn(e.worker, field);
    case 'stop-worker':
      return cluster.stopWorker(e.worker, field);
    case 'start-worker':
      return cluster.startWorker(e.worker, field, false);
    case 'restart-worker':
      if (e.downtime) {
        const effect = cluster.stopWorker(e.worker, field);
        return { ...effect, detail: `${effect.detail} for ${e.downtime} reads` };
      }
      return cluster.startWorker(e.worker, field, true, { identity: e.keepIdentity, pageStore: e.keepPageStore });
    case 'remove-worker':
      return cluster.removeWorker(e.worker, field);
    case 'set-capacity':
      return cluster.setCapacity(e.worker, field, e.sizeBytes);
    case 'set-page-size':
      return cluster.setPageSize(e.worker, field, e.pageSizeBytes);
  }
}
