/**
 * `alluxio-maglev`: Alluxio's MAGLEV policy (`MaglevHashProvider`, reference alluxio-placement.md §5.3), which
 * differs from the Maglev paper: a worker whose next slot is taken loses its turn, the table is filled in
 * exactly M rounds (so some slots can stay empty), and the workers take turns in `java.util.HashMap` iteration
 * order. For a fresh build ring-sim puts the workers into the map in the order given, with the map's capacity
 * grown from 16 as Java grows it; the iteration order is then by bucket (h ^ h >>> 16) & (capacity - 1) of the
 * identity's Java hashCode, insertion order within a bucket. A key whose slot is empty has no worker: Alluxio
 * fails there (a NullPointerException); ring-sim reports an error.
 */
import { AlluxioPolicyPlacement, javaAbs, javaRem, type AlluxioPolicyOptions } from './policy-base.js';
import { Murmur3KeyInts, murmur3String } from '../../hash/murmur3.js';
import { identityJavaHashCode } from './identity.js';
import { RingSimError } from '../../core/errors.js';
import { crc32c } from '../../hash/crc32c.js';
import { utf8Bytes } from '../../hash/utf8.js';
import type { Ownership } from '../placement.js';
import type { Worker } from '../worker.js';

const INDEX_SEED = -559038737; // 0xDEADBEEF
const OFFSET_SEED = -559039810; // 0xDEADBABE
const SKIP_SEED = -559030611; // 0xDEADDEAD
const EMPTY = 0xffffffff;
const keyHash = new Murmur3KeyInts();

export interface AlluxioMaglevOptions extends AlluxioPolicyOptions {
  /** `alluxio.user.maglev.hash.lookup.size`, default 65537. */
  tableSize?: number;
}

/** The order `java.util.HashMap` iterates keys with these hashCodes, inserted in this order. */
export function javaHashMapOrder(hashCodes: readonly number[]): number[] {
  let capacity = 16;
  while (hashCodes.length > capacity * 0.75) capacity *= 2;
  const bucket = (h: number): number => ((h ^ (h >>> 16)) & (capacity - 1)) >>> 0;
  return hashCodes
    .map((h, i) => ({ i, b: bucket(h) }))
    .sort((a, b) => a.b - b.b || a.i - b.i)
    .map((x) => x.i);
}

export class AlluxioMaglevPlacement extends AlluxioPolicyPlacement {
  readonly algorithm = 'alluxio-maglev';
  readonly tableSize: number;
  private readonly table: Uint32Array;

  constructor(workers: readonly Worker[], options: AlluxioMaglevOptions = {}) {
    const M = options.tableSize ?? 65537;
    super(workers, { tableSize: M }, options);
    if (!Number.isInteger(M) || M < 2 || M > 5_000_011)
      throw new RingSimError(
        'tableSize',
        M,
        'alluxio.user.maglev.hash.lookup.size must be a whole number from 2 to 5000011',
        'Alluxio defaults to 65537 (a prime)',
      );
    this.tableSize = M;
    const n = this.workers.length;
    const offset = new Int32Array(n);
    const skip = new Int32Array(n);
    for (let w = 0; w < n; w++) {
      const h = this.workerHashes[w];
      offset[w] = javaRem(murmur3String(`${h}${OFFSET_SEED}`), M);
      skip[w] = javaRem(crc32c(utf8Bytes(`${h}${SKIP_SEED}`)), M - 1) + 1;
    }
    const order = javaHashMapOrder(this.identities.map(identityJavaHashCode));
    const current = Int32Array.from(offset);
    const table = new Uint32Array(M).fill(EMPTY);
    for (let round = 0; round < M; round++) {
      for (const w of order) {
        current[w] = javaRem(current[w] + skip[w], M);
        const pos = javaAbs(current[w]);
        if (table[pos] === EMPTY) table[pos] = w;
      }
    }
    this.table = table;
  }

  protected pick(key: string, attempt: number): number {
    keyHash.setKey(key, attempt);
    const slot = javaAbs(javaRem(keyHash.hashWith(INDEX_SEED), this.tableSize)); // murmur3_32(UTF-8(key + attempt + INDEX_SEED))
    const w = this.table[slot];
    return w === EMPTY ? -1 : w;
  }

  /** Slots per worker (empty slots belong to nobody). */
  override ownership(): Ownership {
    const byWorker = new Float64Array(this.workers.length);
    for (const w of this.table) if (w !== EMPTY) byWorker[w]++;
    return { unit: 'slots', total: this.tableSize, byWorker };
  }

  /** Table slots no worker claimed in Alluxio's M rounds. */
  emptySlots(): number {
    let n = 0;
    for (const w of this.table) if (w === EMPTY) n++;
    return n;
  }

  override byteSize(): number {
    return this.table.byteLength;
  }
}
