import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BATCH_SIZE, RequestBatch } from '../../../src/sim/trace/request.js';

describe('RequestBatch', () => {
  it('holds columns of its capacity, keys only when asked', () => {
    const b = new RequestBatch(8);
    expect(b.capacity).toBe(8);
    expect(b.length).toBe(0);
    expect(b.keys).toBeUndefined();
    expect(new RequestBatch(4, true).keys).toHaveLength(4);
    expect(BATCH_SIZE).toBeGreaterThan(0);
  });

  it('writes a request id as its unsigned 64-bit decimal form (property against BigInt)', () => {
    const b = new RequestBatch(1);
    expect(
      ((): string => {
        b.idHi[0] = 0xffffffff;
        b.idLo[0] = 0xffffffff;
        return b.idString(0);
      })(),
    ).toBe('18446744073709551615');
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (id) => {
        b.idHi[0] = Number(id >> 32n);
        b.idLo[0] = Number(id & 0xffffffffn);
        expect(b.idString(0)).toBe(id.toString());
      }),
      { seed: 64, numRuns: 300 },
    );
  });
});
