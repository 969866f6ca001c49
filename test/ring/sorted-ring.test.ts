import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPACT_MIN_POINTS, SortedRing, type TieRule } from '../../src/ring/sorted-ring.js';

/** The reference: a linear scan for the first point >= hash (unsigned), ties resolved by build order. */
function naiveOwner(points: number[], owners: number[], tie: TieRule, hash: number): number {
  let best = -1;
  let bestPoint = Infinity;
  let wrapBest = -1;
  let wrapPoint = Infinity;
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    const better = (cur: number, curIdx: number) => p < cur || (p === cur && (tie === 'last' ? i > curIdx : false));
    if (p >= hash && better(bestPoint, best)) {
      bestPoint = p;
      best = i;
    }
    if (better(wrapPoint, wrapBest)) {
      wrapPoint = p;
      wrapBest = i;
    }
  }
  return owners[best >= 0 ? best : wrapBest];
}

function build(points: number[], owners: number[], workers: number, tie: TieRule, forceCompact: boolean): SortedRing {
  return new SortedRing(Uint32Array.from(points), Uint32Array.from(owners), workers, tie, { forceCompact });
}

const u32 = fc.integer({ min: 0, max: 0xffffffff });

describe('SortedRing: both layouts answer every lookup like a linear scan', () => {
  it('random points, ties, wrap-around and empty buckets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(u32, fc.nat(9)), { minLength: 1, maxLength: 300 }),
        fc.array(u32, { minLength: 1, maxLength: 50 }),
        fc.constantFrom<TieRule>('first', 'last'),
        fc.boolean(),
        (pairs, hashes, tie, clustered) => {
          // Clustered points share their top bits, so several land in one bucket and differ only below it.
          const points = pairs.map(([p]) => (clustered ? (0xabcd0000 | (p & 0x3ff)) >>> 0 : p));
          const owners = pairs.map(([, o]) => o);
          const wide = build(points, owners, 10, tie, false);
          const compact = build(points, owners, 10, tie, true);
          expect(compact.compact).toBe(true);
          expect(wide.compact).toBe(false);
          const probes = [...hashes, ...points, ...points.map((p) => (p + 1) >>> 0), ...points.map((p) => (p - 1) >>> 0), 0, 0xffffffff];
          for (const h of probes) {
            const want = naiveOwner(points, owners, tie, h);
            expect(wide.ownerOf(h)).toBe(want);
            expect(compact.ownerOf(h)).toBe(want);
            expect(compact.indexOf(h)).toBe(wide.indexOf(h));
          }
          expect(compact.length).toBe(wide.length);
          for (let i = 0; i < wide.length; i++) {
            expect(compact.pointAt(i)).toBe(wide.pointAt(i));
            expect(compact.ownerAt(i)).toBe(wide.ownerAt(i));
          }
          expect(Array.from(compact.ownedHashes())).toEqual(Array.from(wide.ownedHashes()));
          const a = new Uint32Array(10);
          const b = new Uint32Array(10);
          for (const h of hashes) {
            const na = wide.distinctFrom(h, 3, a);
            const nb = compact.distinctFrom(h, 3, b);
            expect(nb).toBe(na);
            expect(Array.from(b.subarray(0, nb))).toEqual(Array.from(a.subarray(0, na)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('large rings use the compact layout (4 bytes a point read by lookups, about 8.5 kept in all)', () => {
    const n = COMPACT_MIN_POINTS;
    const points = new Uint32Array(n);
    const owners = new Uint32Array(n);
    let x = 1;
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      points[i] = x;
      owners[i] = i % 1000;
    }
    const copyP = points.slice();
    const copyO = owners.slice();
    const ring = new SortedRing(points, owners, 1000, 'first');
    expect(ring.compact).toBe(true);
    expect(ring.byteSize() / ring.length).toBeLessThanOrEqual(12);
    // The same ring in the wide layout (more than 65,536 workers forces it) answers the same.
    const wide = new SortedRing(copyP, copyO, 70_000, 'first');
    expect(wide.compact).toBe(false);
    for (let i = 0; i < 20_000; i++) {
      const h = (Math.imul(i, 2654435761) >>> 0) ^ 0x5bd1e995;
      expect(ring.ownerOf(h >>> 0)).toBe(wide.ownerOf(h >>> 0));
    }
  });
});
