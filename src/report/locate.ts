/** `locate`'s output: one line a key, as text (key, tab, workers) or as JSON lines. */

/** The workers that hold one key, in preference order. */
export interface LocatedKey {
  key: string;
  workers: string[];
  /** With a membership that gives them: each worker's registered host (`WorkerNetAddress.Host`), null if unknown. */
  hosts?: Array<string | null>;
}

/** `identity (host)` where the membership gives a host, else the identity. */
function workerText(l: LocatedKey, i: number): string {
  const host = l.hosts?.[i];
  return l.hosts ? `${l.workers[i]} (${host ?? 'host unknown'})` : l.workers[i];
}

/** "key<TAB>worker worker …", one line a key; "worker (host)" with a membership's hosts. */
export function renderLocateText(located: readonly LocatedKey[]): string {
  return located.map((l) => `${l.key}\t${l.workers.map((_, i) => workerText(l, i)).join(' ')}`).join('\n') + '\n';
}

/** One JSON object a line: {"key": …, "workers": […]}, and "hosts": […] in the same order with a membership. */
export function renderLocateJsonLines(located: readonly LocatedKey[]): string {
  return located.map((l) => JSON.stringify(l.hosts ? { key: l.key, workers: l.workers, hosts: l.hosts } : { key: l.key, workers: l.workers })).join('\n') + '\n';
}
