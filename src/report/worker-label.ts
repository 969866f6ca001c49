/** How a worker is named to the operator: `identity (host)`, and with `--pods` the pod and node beside it. */
import type { PodMatch } from '../membership/pods.js';

/** `identity (host)`; `identity (host, pod P on node N)` or `identity (host, no pod …)` with a pod match. */
export function workerLabel(identity: string, host: string | null | undefined, pod?: PodMatch): string {
  const h = host ?? 'host unknown';
  if (!pod) return `${identity} (${h})`;
  if (pod.pod === null) return `${identity} (${h}, ${pod.why.replace(/^host unknown.*$/, 'no pod')})`;
  return `${identity} (${h}, pod ${pod.pod}${pod.node ? ` on node ${pod.node}` : ''})`;
}
