import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlluxioJumpPlacement, jumpPaper } from '../../../src/ring/alluxio/jump.js';
import { paperJump } from '../paper-jump.js';
import { murmur3String } from '../../../src/hash/murmur3.js';

describe('alluxio-jump', () => {
  const legacy = [{ id: 'worker-1' }, { id: 'worker-2' }];

  it('JUMP: the paper loop in doubles equals a BigInt transcription of it', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.integer({ min: 1, max: 5000 }), (key, n) => {
        expect(jumpPaper(Number(key >> 32n), Number(key & 0xffffffffn), n)).toBe(paperJump(key, n));
      }),
      { numRuns: 2000 },
    );
    expect(new Set(new AlluxioJumpPlacement(legacy).locate('hdfs://a/b/c', 2)).size).toBe(2);
  });

  it("hashes key + attempt as Java concatenates them (Alluxio's JumpHashProvider), long and non-ASCII keys included", () => {
    const workers = Array.from({ length: 23 }, (_, i) => ({ id: `worker-${i}` }));
    const p = new AlluxioJumpPlacement(workers);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300, size: 'max' }), (key) => {
        const h = murmur3String(`${key}1`); // the first attempt's input, built as a string here
        expect(p.locate(key)[0]).toBe(workers[paperJump(BigInt.asUintN(64, BigInt(h)), workers.length)].id);
      }),
      { seed: 9, numRuns: 40 },
    );
  });
});
