/** The ring as arcs for drawing: [start, end, worker index] over [0, 1) of the hash space. */
import type { Placement } from '../ring/placement.js';
import { HASH_SPACE } from '../ring/sorted-ring.js';

/** Exact up to 8,192 points, else 4,096 bins. */
export function ringArcs(p: Placement): Array<[number, number, number]> {
  const view = p.ringView();
  if (!view) return [];
  const ring = view.ring;
  const out: Array<[number, number, number]> = [];
  const push = (a: number, b: number, w: number): void => {
    const last = out[out.length - 1];
    if (last && last[2] === w && Math.abs(last[1] - a) < 1e-12) last[1] = b;
    else out.push([a, b, w]);
  };
  if (ring.length <= 8192) {
    // Arc (prev, point] belongs to the point's owner; the first arc wraps.
    for (let i = 0; i < ring.length; i++) {
      const start = i === 0 ? 0 : ring.pointAt(i - 1) / HASH_SPACE;
      push(start, ring.pointAt(i) / HASH_SPACE, ring.ownerAt(i));
    }
    push(ring.pointAt(ring.length - 1) / HASH_SPACE, 1, ring.ownerAt(0));
    return out.map(([a, b, w]) => [round6(a), round6(b), w]);
  }
  const bins = 4096;
  for (let b = 0; b < bins; b++) {
    const mid = Math.floor(((b + 0.5) / bins) * HASH_SPACE);
    push(b / bins, (b + 1) / bins, ring.ownerAt(ring.indexOf(mid)));
  }
  return out.map(([a, b, w]) => [round6(a), round6(b), w]);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
