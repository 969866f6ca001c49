import { describe, expect, it } from 'vitest';
import { fixedRecords } from '../../../src/sim/trace/binary.js';

async function* chunksOf(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const n of sizes) {
    yield bytes.subarray(at, at + n);
    at += n;
  }
}

async function firstBytes(bytes: Uint8Array, sizes: number[], recordSize: number): Promise<number[]> {
  const out: number[] = [];
  for await (const r of fixedRecords('t.bin', chunksOf(bytes, sizes), recordSize, 'test')) {
    for (let i = 0; i < r.count; i++) out.push(r.view.getUint8(r.start + i * recordSize));
  }
  return out;
}

describe('fixedRecords', () => {
  const bytes = Uint8Array.from({ length: 12 }, (_, i) => i);

  it('yields every record once, whatever the chunk boundaries', async () => {
    for (const sizes of [[12], [1, 11], [5, 5, 2], [4, 4, 4], [3, 1, 1, 7], Array(12).fill(1)]) {
      expect(await firstBytes(bytes, sizes, 4)).toEqual([0, 4, 8]);
    }
  });

  it('names the byte offset of a truncated last record', async () => {
    await expect(firstBytes(bytes.subarray(0, 10), [3, 7], 4)).rejects.toThrow(/t\.bin: truncated test record at byte offset 8: 2 of 4 bytes/);
  });
});
