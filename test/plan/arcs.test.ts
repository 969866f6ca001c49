import { describe, expect, it } from 'vitest';
import { ringArcs } from '../../src/plan/arcs.js';
import { JumpPlacement } from '../../src/ring/jump.js';
import { RingPlacement } from '../../src/ring/ring.js';
import type { Worker } from '../../src/ring/worker.js';

const workers = (n: number): Worker[] => Array.from({ length: n }, (_, i) => ({ id: `w${i}` }));

/** Checks that arcs tile [0, 1) in order with no gap and no overlap. */
function expectTiling(arcs: Array<[number, number, number]>, n: number): void {
  const bad: string[] = [];
  if (arcs[0][0] !== 0 || arcs[arcs.length - 1][1] !== 1) bad.push('ends');
  arcs.forEach(([a, b, w], i) => {
    if (i > 0 && a !== arcs[i - 1][1]) bad.push(`gap before ${i}`);
    if (b < a || !(w >= 0 && w < n)) bad.push(`arc ${i}`);
  });
  expect(bad).toEqual([]);
}

describe('ringArcs', () => {
  it('is empty for a placement with no ring', () => {
    expect(ringArcs(new JumpPlacement(workers(3)))).toEqual([]);
  });

  it('gives each ring point the arc before it, merging neighbours of one worker, and wraps', () => {
    const p = new RingPlacement(workers(3), { vnodes: 4 });
    const arcs = ringArcs(p);
    expectTiling(arcs, 3);
    for (let i = 1; i < arcs.length; i++) expect(arcs[i][2]).not.toBe(arcs[i - 1][2]);
    // The key at the middle of an arc is owned by the arc's worker.
    const ring = p.ringView()!.ring;
    for (const [a, b, w] of arcs) {
      if (b - a < 1e-5) continue;
      expect(ring.ownerAt(ring.indexOf(Math.floor(((a + b) / 2) * 4_294_967_296)))).toBe(w);
    }
  });

  it('bins a ring of more than 8,192 points into at most 4,096 arcs', () => {
    const arcs = ringArcs(new RingPlacement(workers(100), { vnodes: 100 }));
    expect(arcs.length).toBeLessThanOrEqual(4096);
    expectTiling(arcs, 100);
    expect(new Set(arcs.map((x) => x[2])).size).toBe(100);
  });
});
