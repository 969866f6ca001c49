/** `locate`'s output: one line a key, as text (key, tab, workers) or as JSON lines. */

/** The workers that hold one key, in preference order. */
export interface LocatedKey {
  key: string;
  workers: string[];
}

/** "key<TAB>worker worker …", one line a key. */
export function renderLocateText(located: readonly LocatedKey[]): string {
  return located.map((l) => `${l.key}\t${l.workers.join(' ')}`).join('\n') + '\n';
}

/** One JSON object a line: {"key": …, "workers": […]}. */
export function renderLocateJsonLines(located: readonly LocatedKey[]): string {
  return located.map((l) => JSON.stringify({ key: l.key, workers: l.workers })).join('\n') + '\n';
}
