/**
 * `maglev`: Maglev hashing (Daniel E. Eisenbud et al., "Maglev: A Fast and Reliable Software Network Load
 * Balancer", NSDI 2016), weighted the way Envoy's `MaglevTable` weights it: workers take turns filling a prime
 * table of M slots from their own permutation (offset + j · skip) mod M, a worker of normalised weight w taking
 * a turn only when iteration · w reaches its running target, so table shares follow weights (1:2 on 65,537 slots
 * gives 21,846 and 43,691). Workers are ordered by id, so the table does not depend on input order. offset and
 * skip come from xxh64 of the worker id with seeds 0 and 1; a key's slot is xxh32(key) mod M.
 */
import { BasePlacement } from './base-placement.js';
import { RingSimError } from '../core/errors.js';
import { xxh32, xxh64 } from '../hash/xxhash.js';
import type { Ownership, TableView } from './placement.js';
import { isPrime, nearestPrimes } from './primes.js';
import type { Worker } from './worker.js';

export interface MaglevOptions {
  /** A prime table size; default 65,537, at most 5,000,011. */
  tableSize?: number;
}

export const MAGLEV_DEFAULT_TABLE = 65537;
export const MAGLEV_MAX_TABLE = 5_000_011;

export class MaglevPlacement extends BasePlacement {
  readonly algorithm = 'maglev';
  readonly tableSize: number;
  private readonly table: Uint32Array;

  constructor(workers: readonly Worker[], options: MaglevOptions = {}) {
    const M = options.tableSize ?? MAGLEV_DEFAULT_TABLE;
    super(workers, { tableSize: M }, options);
    if (!Number.isInteger(M) || M < 2 || M > MAGLEV_MAX_TABLE) {
      throw new RingSimError('tableSize', M, `must be a prime from 2 to ${MAGLEV_MAX_TABLE}`, "use 65537 (Envoy's default) or a larger prime");
    }
    if (!isPrime(M)) {
      const [lo, hi] = nearestPrimes(M);
      throw new RingSimError('tableSize', M, 'the Maglev table size must be prime', `use ${lo} or ${hi}`);
    }
    this.tableSize = M;
    const n = this.workers.length;
    if (n > M) throw new RingSimError('tableSize', M, `is smaller than the ${n} workers`, `use a prime above ${100 * n} (about 100 slots a worker)`);
    const order = [...Array(n).keys()].sort((a, b) => (this.workers[a].id < this.workers[b].id ? -1 : 1));
    const mBig = BigInt(M);
    const offset = new Float64Array(n);
    const skip = new Float64Array(n);
    const weight = new Float64Array(n);
    let maxWeight = 0;
    for (const w of this.workers) maxWeight = Math.max(maxWeight, w.weight ?? 1);
    for (let w = 0; w < n; w++) {
      offset[w] = Number(xxh64(this.workers[w].id, 0n) % mBig);
      skip[w] = Number(xxh64(this.workers[w].id, 1n) % (mBig - 1n)) + 1;
      weight[w] = (this.workers[w].weight ?? 1) / maxWeight;
    }
    const next = new Float64Array(n);
    const target = new Float64Array(n);
    const table = new Uint32Array(M).fill(0xffffffff);
    let filled = 0;
    for (let iteration = 1; filled < M; iteration++) {
      for (let k = 0; k < n && filled < M; k++) {
        const w = order[k];
        if (iteration * weight[w] < target[w]) continue;
        target[w] += 1;
        let c = (offset[w] + skip[w] * next[w]) % M;
        while (table[c] !== 0xffffffff) {
          next[w]++;
          c = (offset[w] + skip[w] * next[w]) % M;
        }
        table[c] = w;
        next[w]++;
        filled++;
      }
    }
    this.table = table;
  }

  locateIndex(key: string): number {
    return this.table[xxh32(key) % this.tableSize];
  }

  locateIndices(key: string, replicas: number, out: Uint32Array): number {
    let found = 0;
    for (let r = 0; r < 100 && found < replicas; r++) {
      const w = this.table[xxh32(key, r) % this.tableSize];
      let dup = false;
      for (let i = 0; i < found; i++) if (out[i] === w) dup = true;
      if (!dup) out[found++] = w;
    }
    for (let w = 0; found < replicas && w < this.workers.length; w++) {
      let dup = false;
      for (let i = 0; i < found; i++) if (out[i] === w) dup = true;
      if (!dup) out[found++] = w;
    }
    return found;
  }

  override ownership(): Ownership {
    const byWorker = new Float64Array(this.workers.length);
    for (const w of this.table) byWorker[w]++;
    return { unit: 'slots', total: this.tableSize, byWorker };
  }

  /** The lookup table (worker index per slot), for exact comparisons between two tables of one size. */
  override tableView(): TableView {
    return { space: `xxh32(key) mod ${this.tableSize}`, slots: this.table };
  }

  override byteSize(): number {
    return this.table.byteLength;
  }
}
