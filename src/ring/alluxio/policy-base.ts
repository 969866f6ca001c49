/**
 * Shared pieces of Alluxio's four test-only policies (KETAMA, JUMP, MAGLEV, MULTI_PROBE; reference
 * alluxio-placement.md §5): worker identities, the worker hash W(w) = murmur3_32(identifier ‖ int32LE(version)),
 * Java integer arithmetic, and the common outer loop (attempts 1 … 100, duplicates skipped in order).
 */
import { BasePlacement } from '../base-placement.js';
import { RingSimError } from '../../core/errors.js';
import type { Worker } from '../worker.js';
import type { LocateOptions } from '../placement.js';
import { identityHashBytes, type IdentityMode, type WorkerIdentity } from './identity.js';
import { murmur3x86_32 } from '../../hash/murmur3.js';
import { ALLUXIO_MAX_ATTEMPTS, checkEnoughWorkers, distinctIdentities } from './worker-selection.js';

/** Java `Math.abs(int)`: `Integer.MIN_VALUE` stays negative. */
export function javaAbs(x: number): number {
  return x === -2147483648 ? x : Math.abs(x);
}

/** Java `a % b` for ints: the sign of the dividend. */
export function javaRem(a: number, b: number): number {
  return (a % b) | 0;
}

export interface AlluxioPolicyOptions {
  identity?: IdentityMode;
}

export abstract class AlluxioPolicyPlacement extends BasePlacement {
  readonly identities: readonly WorkerIdentity[];
  /** W(w) of each worker: murmur3_32 of its identity bytes, signed. */
  readonly workerHashes: Int32Array;

  protected constructor(workers: readonly Worker[], params: Record<string, number | string | boolean>, options: AlluxioPolicyOptions) {
    super(workers, { ...params, identity: options.identity ?? 'auto' }, options);
    this.identities = distinctIdentities(this.workers, options.identity ?? 'auto');
    this.workerHashes = Int32Array.from(this.identities, (id) => {
      const b = identityHashBytes(id);
      return murmur3x86_32(b, 0, b.length, 0);
    });
  }

  /** The worker index Alluxio picks for `key` at `attempt` (1-based), or -1 when it has none. */
  protected abstract pick(key: string, attempt: number): number;

  locateIndex(key: string): number {
    const w = this.pick(key, 1);
    if (w < 0) throw new RingSimError('key', key, `${this.algorithm} has no worker for this key (Alluxio would fail here)`, 'see docs/algorithms.md');
    return w;
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    let found = 0;
    for (let attempt = 1; attempt <= ALLUXIO_MAX_ATTEMPTS && found < replicas; attempt++) {
      const w = this.pick(key, attempt);
      if (w < 0) continue;
      let dup = false;
      for (let i = 0; i < found; i++) if (out[i] === w) dup = true;
      if (!dup) out[found++] = w;
    }
    return found;
  }

  override locate(key: string, replicas = 1, options?: LocateOptions): string[] {
    checkEnoughWorkers(replicas, this.workers.length);
    if (replicas === 1) return [this.workers[this.locateIndex(key)].id];
    return super.locate(key, replicas, options);
  }
}
