/** `capacity`'s output: one worker's page-store plan as text, and as plain JSON (exact byte counts). */
import type { PageStorePlan } from '../capacity/pagestore-plan.js';
import { hasErrors } from '../core/check.js';
import { formatBytes, formatIn } from '../core/units.js';
import { plainJSON } from './json.js';
import { renderPairs } from './table.js';

/** The plan as plain JSON data (byte counts as numbers when exact, else strings). */
export function capacityJSON(p: PageStorePlan): unknown {
  return plainJSON(p);
}

/** The sizes, label and value, as the text report lists them. */
export function capacityRows(p: PageStorePlan): [string, string][] {
  const rows: [string, string][] = [
    ['size', formatBytes(p.sizeBytes)],
    ['reservedSize', formatBytes(p.reservedBytes)],
    ['page size', formatBytes(p.pageSizeBytes)],
    ['page data', formatBytes(p.cacheBytes)],
    ['pages', p.pages.toLocaleString('en-US')],
  ];
  if (p.disk && p.fileSystem) {
    rows.push(['disk (raw)', formatBytes(p.disk.rawBytes)]);
    rows.push([`${p.fileSystem.fs}: df size`, formatBytes(p.fileSystem.dfSizeBytes)]);
    rows.push([`${p.fileSystem.fs}: usable`, formatBytes(p.fileSystem.usableBytes)]);
    rows.push(['headroom', formatBytes(p.headroomBytes!)]);
  }
  return rows;
}

export function renderCapacityText(p: PageStorePlan): string {
  const verdict = hasErrors(p.checks) ? 'WILL NOT DEPLOY: see the errors below' : 'fits';
  const lines = [`page store (${p.edition}): ${verdict}`, '', renderPairs(capacityRows(p))];
  if (p.fileSystem && p.fileSystem.parts.length) {
    lines.push('', 'file system overhead:');
    const w = Math.max(...p.fileSystem.parts.map((x) => formatIn(x.bytes, 'MiB').length));
    for (const part of p.fileSystem.parts) lines.push(`  ${formatIn(part.bytes, 'MiB').padStart(w)}  ${part.what}`);
  }
  lines.push('', 'checks:');
  if (p.checks.length === 0) lines.push('  none');
  for (const c of p.checks) lines.push(`  ${c.severity.toUpperCase()} ${c.field}: ${c.message}`, `    fix: ${c.fix}`);
  lines.push('', 'assumptions (model):');
  for (const a of p.assumptions) lines.push(`  - ${a}`);
  return lines.join('\n') + '\n';
}
