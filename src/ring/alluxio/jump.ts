/**
 * `alluxio-jump`: Alluxio's JUMP policy (`JumpHashProvider`, reference alluxio-placement.md §5.2): buckets are
 * the workers in the order given; the key is murmur3_32(UTF-8(key + decimal(attempt))) sign-extended to 64 bits,
 * run through the paper's loop j = floor((b + 1) · (2^31 / ((k >>> 33) + 1))) in doubles (not Guava's
 * variant).
 */
import { AlluxioPolicyPlacement, type AlluxioPolicyOptions } from './policy-base.js';
import { Murmur3KeyInts } from '../../hash/murmur3.js';
import type { Worker } from '../worker.js';
import { lcgNext, lcgSeed } from '../jump-lcg.js';

/** The paper's jump loop over a 64-bit key given as (hi, lo) uint32 halves. */
export function jumpPaper(hi: number, lo: number, buckets: number): number {
  lcgSeed(hi, lo);
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    j = Math.floor((b + 1) * (2147483648 / (lcgNext() + 1)));
  }
  return b;
}

const keyHash = new Murmur3KeyInts();

export class AlluxioJumpPlacement extends AlluxioPolicyPlacement {
  readonly algorithm = 'alluxio-jump';

  constructor(workers: readonly Worker[], options: AlluxioPolicyOptions = {}) {
    super(workers, {}, options);
  }

  protected pick(key: string, attempt: number): number {
    keyHash.setKey(key, attempt);
    const h = keyHash.hash(); // murmur3_32(UTF-8(key + attempt))
    return jumpPaper(h < 0 ? 0xffffffff : 0, h >>> 0, this.workers.length);
  }

  override byteSize(): number {
    return 0;
  }
}
