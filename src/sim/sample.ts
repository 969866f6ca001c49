/**
 * Spatial sampling as in SHARDS (Waldspurger et al., "Efficient MRC Construction with SHARDS", FAST '15): a
 * file (or trace object) is in the sample when a hash of its key falls below rate × 2^32, so every read of a
 * sampled file is replayed and every read of another is skipped. Caches are scaled by the same rate; hit and
 * miss ratios of the sample estimate the full run's, while counts (reads, bytes) are the sample's.
 *
 * The hash is independent of the placement's: MurmurHash3 with its own seed over the path, or fmix32 over a
 * trace object's 64-bit id.
 */
import { fmix32 } from '../core/mix.js';
import { RingSimError } from '../core/errors.js';
import { murmur3String } from '../hash/murmur3.js';

const SAMPLE_SEED = 0x5348_4152; // "SHAR"

export class SpatialSample {
  /** Keys whose hash (unsigned) is below this are in the sample. */
  readonly threshold: number;

  constructor(
    readonly rate: number,
    field = '--sample',
  ) {
    if (typeof rate !== 'number' || !(rate > 0) || rate > 1) {
      throw new RingSimError(field, rate, 'a sampling rate is a fraction above 0 and at most 1', 'write e.g. 0.01 or 0.05 (1 replays everything)');
    }
    this.threshold = Math.floor(rate * 2 ** 32);
  }

  /** Whether a file whose key is `path` is in the sample. */
  keepPath(path: string): boolean {
    return this.rate === 1 || murmur3String(path, SAMPLE_SEED) >>> 0 < this.threshold;
  }

  /** Whether the trace object (hi, lo) is in the sample. */
  keepId(hi: number, lo: number): boolean {
    return this.rate === 1 || fmix32(lo ^ fmix32(hi ^ SAMPLE_SEED)) >>> 0 < this.threshold;
  }

  /** A cache or page-store capacity scaled to the sample. */
  scale(bytes: number): number {
    return this.rate === 1 ? bytes : Math.floor(bytes * this.rate);
  }
}
