/** The terminal text of `ring-sim plan NEW.yaml --against OLD.yaml`. */
import { formatBandwidth, formatDuration } from '../core/bandwidth.js';
import { formatBytes } from '../core/units.js';
import type { AgainstReport, AgainstRing } from '../plan/against.js';
import { count, percent, table } from './format.js';
import { usd } from './ufs-text.js';

const ringText = (r: AgainstRing): string => `${r.policy} (${r.provider}), ${r.vnodes} virtual nodes, ${r.mode} ring, ${r.workers} workers on it`;

export function renderAgainstText(r: AgainstReport): string {
  const lines = [`Plan ${r.after} against ${r.before}: ${r.workers.before} -> ${r.workers.after} workers.`, `Identities: ${r.identities}.`, ''];
  if (r.changes.length === 0) lines.push('No change that ring-sim reads.');
  else {
    lines.push(
      table(
        ['change', 'before', 'after', 'destructive', 'effect'],
        r.changes.map((c) => [c.field, c.before, c.after, c.destructive ? 'DESTRUCTIVE' : 'no', c.effect]),
      ),
    );
  }
  const g = r.ring;
  lines.push(
    '',
    `Ring before: ${ringText(g.before)}`,
    `Ring after:  ${ringText(g.after)}`,
    `Moved: ${percent(g.moved, 3)} of the keys change worker (${g.method === 'exact' ? 'exact on these rings' : 'sampled'}${r.exact ? ', the live identities' : ', some identities drawn: a model'}; optimal ${percent(g.optimal, 3)})${g.destructive ? ': DESTRUCTIVE' : ''}.`,
  );
  if (g.rereadBytes !== null) {
    const priced =
      g.rereadRequests !== null && g.rereadUSD !== null
        ? `, ${count(g.rereadRequests)} GETs (${g.requestsBasis === 'files' ? 'files of the mean size, each its own pages' : 'one a page'}), ${usd(g.rereadUSD)}`
        : '';
    lines.push(
      `Re-read from the under-storage: ${formatBytes(g.rereadBytes)}${g.rereadSeconds !== null && g.ufsBytesPerSecond !== null ? `, ${formatDuration(g.rereadSeconds)} at ${formatBandwidth(g.ufsBytesPerSecond)}` : ''}${priced} (model: moved × data set).`,
    );
  }
  const range = r.scaleIn?.range;
  if (range) {
    const over =
      range.measured === range.choices ? `every choice (${count(range.choices)})` : `${count(range.measured)} drawn of ${count(range.choices)} choices`;
    const one = (label: string, c: typeof range.best): string =>
      `${label} ${percent(c.moved, 3)}${c.rereadBytes !== null ? ` (${formatBytes(c.rereadBytes)})` : ''} leaving ${c.leaving.join(', ')}`;
    lines.push(
      `Scale in by ${r.scaleIn!.leaving}: the ReplicaSet picks which workers go (not determined; the figures above are the median choice's). Moved over ${over}:`,
      `  ${one('best', range.best)}`,
      `  ${one('median', range.median)}`,
      `  ${one('worst', range.worst)}`,
    );
  }
  if (r.notes.length > 0) lines.push('', 'Notes:', ...r.notes.map((n) => `  ${n}`));
  return lines.join('\n') + '\n';
}
