import type { Placement } from '../../src/ring/placement.js';

/** Keys whose first worker changed between two placements, as [from, to] pairs (shared by the ring tests). */
export function moves(ks: readonly string[], before: Placement, after: Placement): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const k of ks) {
    const a = before.locate(k)[0];
    const b = after.locate(k)[0];
    if (a !== b) out.push([a, b]);
  }
  return out;
}
