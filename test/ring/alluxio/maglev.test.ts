import { describe, expect, it } from 'vitest';
import { AlluxioMaglevPlacement, javaHashMapOrder } from '../../../src/ring/alluxio/maglev.js';
import { crc32c } from '../../../src/hash/crc32c.js';
import { utf8Bytes } from '../../../src/hash/utf8.js';

describe('alluxio-maglev', () => {
  it('MAGLEV: java.util.HashMap iteration order, CRC-32C, and every slot accounted for', () => {
    expect(javaHashMapOrder([5, 3])).toEqual([1, 0]);
    expect(javaHashMapOrder([17, 1, 33])).toEqual([0, 1, 2]); // one bucket: insertion order
    // h ^ (h >>> 16): 0x20000 lands in bucket 2, after 0's bucket 0.
    expect(javaHashMapOrder([0x20000, 0])).toEqual([1, 0]);
    // 13 keys pass the 0.75 load factor of 16: capacity 32, so 16 and 0 fall in different buckets.
    expect(javaHashMapOrder([16, ...Array.from({ length: 12 }, (_, i) => 64 * (i + 1)), 0]).slice(0, 2)).toEqual([1, 2]);
    // CRC-32C check value of "123456789" is 0xE3069283.
    expect(crc32c(utf8Bytes('123456789')) >>> 0).toBe(0xe3069283);
    const p = new AlluxioMaglevPlacement(
      Array.from({ length: 8 }, (_, i) => ({ id: `worker-${i + 1}` })),
      { tableSize: 251 },
    );
    const own = p.ownership();
    expect(own.byWorker.reduce((a, b) => a + b, 0) + p.emptySlots()).toBe(251);
  });
});
