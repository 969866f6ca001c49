/**
 * `alluxio-consistent`: Alluxio 3.x `ConsistentHashPolicy` (the default worker selection policy), bit for bit.
 *
 * Reference: shared/reference/alluxio-placement.md §4; Alluxio `ConsistentHashProvider.java`.
 * - ring point of vnode i of worker w: murmur3_32(identifier ‖ int32LE(version) ‖ int32LE(i)), signed int32,
 *   in a sorted map; an equal point put later (in worker order) replaces an earlier one;
 * - candidate for (key, attempt): the first point >= murmur3_32(UTF-8(key) ‖ int32LE(attempt)), wrapping;
 * - N workers: attempts 1, 2, … 100, duplicates skipped in first-seen order.
 * Worker order is the cluster view's order (Alluxio: the membership listing; here: the order given, or
 * sorted by identity string with `workerOrder: 'sorted'`). It matters only when two points collide.
 */
import { RingBackedPlacement } from '../base-placement.js';
import { RingSimError } from '../../core/errors.js';
import { murmur3x86_32, murmur3x86_32Words } from '../../hash/murmur3.js';
import { KeyBuffer, writeInt32LE } from '../../hash/utf8.js';
import { identityHashBytes, identityToString, type IdentityMode } from './identity.js';
import { ALLUXIO_MAX_ATTEMPTS, checkEnoughWorkers, distinctIdentities } from './worker-selection.js';
import type { LocateOptions } from '../placement.js';
import { SortedRing } from '../sorted-ring.js';
import { MAX_RING_POINTS, checkInteger, type Worker } from '../worker.js';

export interface AlluxioConsistentOptions {
  /** Virtual nodes per worker: 5 in open source since 2024 (`alluxio.user.consistent.hash.virtual.node.count.per.worker`), 2000 in Enterprise. */
  vnodes?: number;
  /** How worker ids are read: identity strings, hostnames (static membership), or either (`auto`). */
  identity?: IdentityMode;
  /** Ring build order, which decides equal points: the order given, or ascending identity string. */
  workerOrder?: 'given' | 'sorted';
  /** Most hash attempts when looking for N distinct workers (Alluxio hard-codes 100). */
  maxAttempts?: number;
}

export { ALLUXIO_MAX_ATTEMPTS };
/** Open-source default of `alluxio.user.consistent.hash.virtual.node.count.per.worker` (since 2024). */
export const ALLUXIO_OSS_VNODES = 5;
/** Alluxio Enterprise's default virtual nodes per worker (about 2 % spread). */
export const ALLUXIO_ENTERPRISE_VNODES = 2000;
const SIGN = 0x80000000;
const keyBuffer = new KeyBuffer();

/**
 * Ring points of recently seen identities (biased to unsigned order), so that deriving a placement after a
 * change, or trying another virtual node count, hashes only the workers it has not seen. Vnode i of an identity
 * is the same whatever V is, so a longer array serves any smaller V.
 */
const pointCache = new Map<string, Uint32Array>();
const POINT_CACHE_LIMIT = MAX_RING_POINTS; // points held at most (4 bytes each)
let pointCacheSize = 0;

function identityPoints(key: string, base: Uint8Array, V: number): Uint32Array {
  const cached = pointCache.get(key);
  if (cached && cached.length >= V) return cached;
  const out = new Uint32Array(V);
  let from = 0;
  if (cached) {
    out.set(cached);
    from = cached.length;
    pointCacheSize -= cached.length;
  }
  const input = new Uint8Array(base.length + 4);
  input.set(base, 0);
  for (let i = from; i < V; i++) {
    writeInt32LE(input, base.length, i);
    out[i] = (murmur3x86_32(input, 0, input.length, 0) ^ SIGN) >>> 0;
  }
  if (V <= POINT_CACHE_LIMIT / 4) {
    pointCache.delete(key);
    pointCache.set(key, out);
    pointCacheSize += V;
    while (pointCacheSize > POINT_CACHE_LIMIT) {
      const [oldest, arr] = pointCache.entries().next().value as [string, Uint32Array];
      pointCache.delete(oldest);
      pointCacheSize -= arr.length;
    }
  }
  return out;
}

export class AlluxioConsistentPlacement extends RingBackedPlacement {
  readonly algorithm: string = 'alluxio-consistent';
  readonly vnodes: number;
  readonly maxAttempts: number;
  /** Alluxio identity string (`worker-<uuid>`) of each worker. */
  readonly identities: readonly string[];
  private readonly ring: SortedRing;

  /** `perWorkerVnodes` (used by the capacity model) overrides `vnodes` worker by worker. */
  constructor(workers: readonly Worker[], options: AlluxioConsistentOptions = {}, perWorkerVnodes?: readonly number[]) {
    const o: Required<AlluxioConsistentOptions> = {
      vnodes: options.vnodes ?? ALLUXIO_OSS_VNODES,
      identity: options.identity ?? 'auto',
      workerOrder: options.workerOrder ?? 'given',
      maxAttempts: options.maxAttempts ?? ALLUXIO_MAX_ATTEMPTS,
    };
    super(workers, { vnodes: o.vnodes, identity: o.identity, workerOrder: o.workerOrder, maxAttempts: o.maxAttempts }, options);
    const n = this.workers.length;
    this.vnodes = perWorkerVnodes
      ? o.vnodes
      : checkInteger(
          'vnodes',
          o.vnodes,
          1,
          Math.floor(MAX_RING_POINTS / n),
          `use 1 to ${Math.floor(MAX_RING_POINTS / n)} virtual nodes per worker for ${n} workers (at most ${MAX_RING_POINTS} ring points in all)`,
        );
    this.maxAttempts = checkInteger('maxAttempts', o.maxAttempts, 1, 1_000_000, 'Alluxio uses 100');
    if (!['auto', 'identity', 'hostname'].includes(o.identity)) {
      throw new RingSimError('identity', o.identity, 'unknown identity mode', 'use auto, identity or hostname');
    }
    if (!['given', 'sorted'].includes(o.workerOrder)) {
      throw new RingSimError('workerOrder', o.workerOrder, 'unknown worker order', 'use given or sorted');
    }
    const identities = distinctIdentities(this.workers, o.identity);
    this.identities = identities.map(identityToString);
    const order = [...Array(n).keys()];
    if (o.workerOrder === 'sorted') order.sort((a, b) => (this.identities[a] < this.identities[b] ? -1 : 1));
    const countOf = (w: number): number => (perWorkerVnodes ? perWorkerVnodes[w] : this.vnodes);
    let totalPoints = 0;
    for (let w = 0; w < n; w++) totalPoints += countOf(w);
    const points = new Uint32Array(totalPoints);
    const owners = new Uint32Array(totalPoints);
    let p = 0;
    for (const w of order) {
      const V = countOf(w);
      const own = identityPoints(this.identities[w], identityHashBytes(identities[w]), V);
      points.set(own.length === V ? own : own.subarray(0, V), p);
      owners.fill(w, p, p + V);
      p += V;
    }
    this.ring = new SortedRing(points, owners, n, 'last');
    this.useRing(this.ring, 'murmur3_32(key ‖ int32LE(1))');
  }

  /** murmur3_32(UTF-8(key) ‖ int32LE(attempt)) as Alluxio computes it (signed int32). */
  static keyHash(key: string, attempt: number): number {
    const len = keyBuffer.encode(key, 'java', 4);
    writeInt32LE(keyBuffer.bytes, len, attempt);
    return murmur3x86_32(keyBuffer.bytes, 0, len + 4, 0);
  }

  /** Signed int32 ring points, ascending, with the identity string owning each. */
  ringPoints(): Array<{ point: number; worker: string }> {
    return Array.from({ length: this.ring.length }, (_, i) => ({ point: (this.ring.pointAt(i) ^ SIGN) | 0, worker: this.workers[this.ring.ownerAt(i)].id }));
  }

  locateIndex(key: string): number {
    const len = keyBuffer.encode(key, 'java', 4);
    const bytes = keyBuffer.bytes;
    writeInt32LE(bytes, len, 1);
    return this.ring.ownerOf((murmur3x86_32Words(keyBuffer.ints, bytes, len + 4, 0) ^ SIGN) >>> 0);
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    const ring = this.ring;
    const len = keyBuffer.encode(key, 'java', 4);
    const bytes = keyBuffer.bytes;
    const stamp = ring.nextStamp();
    let found = 0;
    for (let attempt = 1; attempt <= this.maxAttempts && found < replicas; attempt++) {
      writeInt32LE(bytes, len, attempt);
      const owner = ring.ownerOf((murmur3x86_32Words(keyBuffer.ints, bytes, len + 4, 0) ^ SIGN) >>> 0);
      if (ring.mark(owner, stamp)) out[found++] = owner;
    }
    return found;
  }

  override locate(key: string, replicas = 1, options?: LocateOptions): string[] {
    checkEnoughWorkers(replicas, this.workers.length);
    return super.locate(key, replicas, options);
  }
}
