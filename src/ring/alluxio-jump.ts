/**
 * `alluxio-jump`: Alluxio's JUMP policy (`JumpHashProvider`, reference alluxio-placement.md §5.2): buckets are
 * the workers in the order given; the key is murmur3_32(UTF-8(key + decimal(attempt))) sign-extended to 64 bits,
 * run through the paper's loop j = floor((b + 1) · (2^31 / ((k >>> 33) + 1))) in doubles (not Guava's
 * variant).
 */
import { AlluxioPolicyPlacement, javaStringHash, type AlluxioPolicyOptions } from './alluxio/policy-base.js';
import type { Placement } from './placement.js';
import type { Worker } from './worker.js';

const M0 = 0xb0fd, M1 = 0x87b0, M2 = 0x2ee6, M3 = 0x27bb;

/** The paper's jump loop over a 64-bit key given as (hi, lo) uint32 halves. */
export function jumpPaper(hi: number, lo: number, buckets: number): number {
  let s0 = lo & 0xffff, s1 = lo >>> 16, s2 = hi & 0xffff, s3 = hi >>> 16;
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    let c = s0 * M0 + 1;
    const r0 = c & 0xffff;
    c = Math.floor(c / 65536) + s0 * M1 + s1 * M0;
    const r1 = c % 65536;
    c = Math.floor(c / 65536) + s0 * M2 + s1 * M1 + s2 * M0;
    const r2 = c % 65536;
    c = Math.floor(c / 65536) + s0 * M3 + s1 * M2 + s2 * M1 + s3 * M0;
    const r3 = c % 65536;
    s0 = r0; s1 = r1; s2 = r2; s3 = r3;
    const top31 = s3 * 32768 + (s2 >>> 1);
    j = Math.floor((b + 1) * (2147483648 / (top31 + 1)));
  }
  return b;
}

export class AlluxioJumpPlacement extends AlluxioPolicyPlacement {
  readonly algorithm = 'alluxio-jump';
  private readonly options: AlluxioPolicyOptions;

  constructor(workers: readonly Worker[], options: AlluxioPolicyOptions = {}) {
    super(workers, {}, options);
    this.options = options;
  }

  protected pick(key: string, attempt: number): number {
    const h = javaStringHash(key + attempt);
    return jumpPaper(h < 0 ? 0xffffffff : 0, h >>> 0, this.workers.length);
  }

  withWorkers(workers: readonly Worker[]): Placement {
    return new AlluxioJumpPlacement(workers, this.options);
  }

  byteSize(): number {
    return 0;
  }
}
