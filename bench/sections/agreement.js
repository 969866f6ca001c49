// Agreement with hashring, key by key (the ketama-compatible ring must place every key the same).
import { createPlacement } from '../../dist/index.js';
import { workersOf } from '../lib/lookup.js';
import { HashRing } from '../lib/peers.js';
import { f } from '../lib/table.js';

export const name = 'agreement';

export async function measure({ keys, results }) {
  const workers = workersOf(100).map((w, i) => ({ ...w, weight: 1 + (i % 4) }));
  const ours = createPlacement('ketama', workers, { weighting: 'hashring' });
  const hr = new HashRing(Object.fromEntries(workers.map((w) => [w.id, w.weight])), 'md5', { 'max cache size': 1 });
  let disagree = 0;
  for (const k of keys) if (ours.locate(k)[0] !== hr.get(k)) disagree++;
  results.sections.agreement = { workers: 100, weights: '1,2,3,4 cycling', keys: keys.length, disagree };
}

export function render(r, { measuredBy }) {
  const a = r.sections.agreement;
  if (!a) return [];
  return [
    ...measuredBy('agreement'),
    '## Agreement with peers',
    '',
    `ring-sim \`ketama\` (weighting=hashring) against npm \`hashring\` on ${a.workers} workers (weights ${a.weights}), ${f(a.keys)} keys: **${a.disagree} keys disagree**.`,
    '',
  ];
}
