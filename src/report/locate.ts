/** `locate`'s output: one line a key, as text (key, tab, workers) or as JSON lines. */
import type { PodMatch } from '../membership/pods.js';
import { workerLabel } from './worker-label.js';

/** The workers that hold one key, in preference order. */
export interface LocatedKey {
  key: string;
  workers: string[];
  /** With a membership that gives them: each worker's registered host (`WorkerNetAddress.Host`), null if unknown. */
  hosts?: Array<string | null>;
  /** With --pods: each worker's pod and node, or why none was found. */
  pods?: PodMatch[];
}

/** `identity (host)` where the membership gives a host (with --pods, the pod and node too), else the identity. */
function workerText(l: LocatedKey, i: number): string {
  return l.hosts ? workerLabel(l.workers[i], l.hosts[i], l.pods?.[i]) : l.workers[i];
}

/** "key<TAB>worker worker …", one line a key; "worker (host)" with a membership's hosts. */
export function renderLocateText(located: readonly LocatedKey[]): string {
  return located.map((l) => `${l.key}\t${l.workers.map((_, i) => workerText(l, i)).join(' ')}`).join('\n') + '\n';
}

/**
 * One JSON object a line: {"key": …, "workers": […]}, and "hosts": […] in the same order with a membership; with
 * --pods also "pods" and "nodes" (null where no pod has the host, "podNotes" saying why).
 */
export function renderLocateJsonLines(located: readonly LocatedKey[]): string {
  return (
    located
      .map((l) => {
        const base = l.hosts ? { key: l.key, workers: l.workers, hosts: l.hosts } : { key: l.key, workers: l.workers };
        if (!l.pods) return JSON.stringify(base);
        return JSON.stringify({
          ...base,
          pods: l.pods.map((p) => p.pod),
          nodes: l.pods.map((p) => p.node),
          podNotes: l.pods.map((p) => (p.pod === null ? p.why : null)),
        });
      })
      .join('\n') + '\n'
  );
}
