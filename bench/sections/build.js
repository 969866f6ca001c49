// Build time and bytes per ring point for 2,000,000 points (1,000 workers × 2,000 vnodes).
import { createPlacement } from '../../dist/index.js';
import { gc, keptBy, workersOf } from '../lib/lookup.js';
import { medianTime } from '../lib/stats.js';
import { f, table } from '../lib/table.js';

export const name = 'build';

export async function measure({ quick, results }) {
  const workers = workersOf(quick ? 200 : 1000);
  const rows = [];
  for (const [algorithm, o] of [
    ['ring', { vnodes: 2000 }],
    ['alluxio-consistent', { vnodes: 2000 }],
    ['ring', { vnodes: 160 }],
    ['ketama', {}],
  ]) {
    const build = () => createPlacement(algorithm, workers, o);
    const ms = medianTime(build, quick ? 1 : 5, gc);
    const { obj: placement, arrayBuffers, heap } = keptBy(build);
    const points = placement.ringView().ring.length;
    rows.push({
      name: `${algorithm}${o.vnodes ? ` vnodes=${o.vnodes}` : ''}`,
      points,
      buildMs: ms,
      bytesPerPoint: placement.byteSize() / points,
      measuredArrayBufferBytesPerPoint: arrayBuffers / points,
      measuredHeapBytesPerPoint: heap / points,
    });
  }
  results.sections.build = rows;
}

export function render(r, { measuredBy }) {
  if (!r.sections.build) return [];
  return [
    ...measuredBy('build'),
    '## Build time and memory per ring point',
    '',
    'Median of several builds at 1,000 workers. "bytes/point" counts the typed arrays (points, owners, bucket index); "measured" is the growth of `process.memoryUsage()` (array buffers; JS heap) across one build with the placement kept alive, after `gc()`.',
    '',
    ...table(
      ['ring', 'points', 'build ms', 'bytes/point', 'measured array-buffer bytes/point', 'measured heap bytes/point'],
      'lrrrrr',
      r.sections.build.map((x) => [
        x.name,
        f(x.points),
        f(x.buildMs, 1),
        f(x.bytesPerPoint, 2),
        f(x.measuredArrayBufferBytesPerPoint, 2),
        f(x.measuredHeapBytesPerPoint, 2),
      ]),
    ),
    '',
    'Targets (issue 2): 2,000,000 points built in at most 300 ms; at most 12 bytes per point.',
    '',
  ];
}
