/**
 * `bounded-load`: consistent hashing with bounded loads (Vahab Mirrokni, Mikkel Thorup and Morteza
 * Zadimoghaddam, "Consistent Hashing with Bounded Loads", SODA 2018, arXiv:1608.01350) over the `ring`
 * algorithm. With m keys placed, a worker of weight share p holds at most ceil((1 + ε) · m · p) of them
 * (default ε = 0.25); a key goes clockwise from its point to the first worker that is not full.
 *
 * Placement depends on the keys already placed, so it needs a load state: `loadState()` gives one with
 * `assign(key)` and `release(key)`. As a `Placement`, `locate` answers from the keys given to `prepare(keys)`
 * (assigned in that order) and from the plain ring for any other key.
 */
import { BasePlacement } from './base-placement.js';
import { RingSimError } from '../core/errors.js';
import { xxh32 } from '../hash/xxhash.js';
import { RingPlacement } from './ring.js';
import type { SortedRing } from './sorted-ring.js';
import type { Worker } from './worker.js';

export interface BoundedLoadOptions {
  epsilon?: number;
  /** Virtual nodes of a worker of weight 1 in the underlying ring. */
  vnodes?: number;
}

/** The loads of one bounded-load placement as keys arrive and leave. */
export class BoundedLoadState {
  readonly loads: Float64Array;
  /** Keys moved to keep the bound when others left (the deletions' share of the extra moves). */
  rebalanceMoves = 0;
  private readonly where = new Map<string, number>();
  private readonly held: Array<Set<string>>;
  private placed = 0;
  private readonly shares: Float64Array;
  private readonly seen: Uint8Array;

  constructor(
    private readonly placement: BoundedLoadPlacement,
    private readonly ring: SortedRing,
  ) {
    const n = placement.workers.length;
    this.loads = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.held = Array.from({ length: n }, () => new Set<string>());
    let total = 0;
    for (const w of placement.workers) total += w.weight ?? 1;
    this.shares = Float64Array.from(placement.workers, (w) => (w.weight ?? 1) / total);
  }

  /** The most keys worker `w` may hold with `m` keys placed: ceil((1 + ε) · m · share). */
  capacity(w: number, m = this.placed): number {
    return Math.ceil((1 + this.placement.epsilon) * m * this.shares[w]);
  }

  get size(): number {
    return this.placed;
  }

  /** Places `key` (once) and returns its worker index. */
  assign(key: string): number {
    const prior = this.where.get(key);
    if (prior !== undefined) return prior;
    const m = this.placed + 1;
    const w = this.walk(key, m, -1);
    this.placed = m;
    this.put(key, w);
    return w;
  }

  /** The first worker clockwise from `key`'s point with room under `m` keys, skipping `skip`. */
  private walk(key: string, m: number, skip: number): number {
    const ring = this.ring;
    let i = ring.indexOf(xxh32(key));
    this.seen.fill(0);
    for (let step = 0; step < ring.length; step++) {
      const w = ring.ownerAt(i);
      if (!this.seen[w] && w !== skip) {
        this.seen[w] = 1;
        if (this.loads[w] + 1 <= this.capacity(w, m)) return w;
      }
      i = i + 1 === ring.length ? 0 : i + 1;
    }
    throw new RingSimError('epsilon', this.placement.epsilon, 'no worker has room for the key', 'use a larger epsilon');
  }

  private put(key: string, w: number): void {
    this.loads[w]++;
    this.where.set(key, w);
    this.held[w].add(key);
  }

  private take(key: string, w: number): void {
    this.loads[w]--;
    this.where.delete(key);
    this.held[w].delete(key);
  }

  /**
   * Removes `key`; returns whether it was placed. With one key fewer the bound tightens, so a worker now over it
   * hands its oldest keys on clockwise (counted in `rebalanceMoves`), as the paper's deletions do.
   */
  release(key: string): boolean {
    const w = this.where.get(key);
    if (w === undefined) return false;
    this.take(key, w);
    this.placed--;
    for (let v = 0; v < this.loads.length; v++) {
      while (this.loads[v] > this.capacity(v)) {
        const moving = this.held[v].values().next().value as string;
        this.take(moving, v);
        this.put(moving, this.walk(moving, this.placed, v));
        this.rebalanceMoves++;
      }
    }
    return true;
  }

  workerOf(key: string): number | undefined {
    return this.where.get(key);
  }
}

export class BoundedLoadPlacement extends BasePlacement {
  readonly algorithm = 'bounded-load';
  readonly epsilon: number;
  readonly inner: RingPlacement;
  private prepared: BoundedLoadState | null = null;

  constructor(workers: readonly Worker[], options: BoundedLoadOptions = {}) {
    const epsilon = options.epsilon ?? 0.25;
    super(workers, { epsilon, vnodes: options.vnodes ?? 1000 }, options);
    if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon <= 0 || epsilon > 100) {
      throw new RingSimError(
        'epsilon',
        epsilon,
        'must be a number above 0 (the load bound is 1 + epsilon times the mean)',
        'use 0.25 (a bound of 1.25x the mean)',
      );
    }
    this.epsilon = epsilon;
    this.inner = new RingPlacement(this.workers, { vnodes: options.vnodes });
  }

  /** A fresh load state over this placement's ring. */
  loadState(): BoundedLoadState {
    return new BoundedLoadState(this, this.inner.ringView()!.ring);
  }

  /** Places `keys` in order; `locate` then answers for them from these assignments. */
  override prepare(keys: readonly string[]): BoundedLoadState {
    const s = this.loadState();
    for (const k of keys) s.assign(k);
    this.prepared = s;
    return s;
  }

  locateIndex(key: string): number {
    return this.prepared?.workerOf(key) ?? this.inner.locateIndex(key);
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    const n = this.inner.locateIndices(key, replicas, out);
    const first = this.locateIndex(key);
    if (out[0] !== first) {
      let at = -1;
      for (let i = 0; i < n; i++) if (out[i] === first) at = i;
      if (at > 0) out.copyWithin(1, 0, at);
      else out.copyWithin(1, 0, n - 1);
      out[0] = first;
    }
    return n;
  }

  override byteSize(): number {
    return this.inner.byteSize();
  }
}

/**
 * The moves a workers change causes under bounded loads, next to the plain ring's: keys assigned in order
 * before and after; `extra` is what the bound adds.
 */
export function boundedLoadMovement(
  before: BoundedLoadPlacement,
  after: BoundedLoadPlacement,
  keys: readonly string[],
): { moved: number; ringMoved: number; extra: number } {
  const a = before.loadState();
  const b = after.loadState();
  let moved = 0;
  let ringMoved = 0;
  for (const k of keys) {
    if (before.workers[a.assign(k)].id !== after.workers[b.assign(k)].id) moved++;
    if (before.workers[before.inner.locateIndex(k)].id !== after.workers[after.inner.locateIndex(k)].id) ringMoved++;
  }
  return { moved: moved / keys.length, ringMoved: ringMoved / keys.length, extra: (moved - ringMoved) / keys.length };
}
