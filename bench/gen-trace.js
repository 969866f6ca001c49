// Writes a synthetic oracleGeneral trace: `count` requests over `objects` ids drawn from a Zipf(0.9)-like
// distribution, sizes 4 KiB … 64 KiB fixed per object. Streaming: constant memory.
import { createWriteStream } from 'node:fs';
import { seededRandom } from '../dist/index.js';

export async function generateOracleTrace(path, count, objects = 1_000_000, seed = 7) {
  const rand = seededRandom(seed);
  const out = createWriteStream(path);
  const batch = 65536;
  // Inverse-CDF sampling of a bounded power law (alpha 0.9) without tables.
  const a = 0.9;
  const h = (x) => (x ** (1 - a) - 1) / (1 - a);
  const hInv = (y) => (y * (1 - a) + 1) ** (1 / (1 - a));
  const hMax = h(objects + 0.5);
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    const buf = Buffer.alloc(n * 24);
    for (let i = 0; i < n; i++) {
      const id = Math.min(objects, Math.max(1, Math.round(hInv(rand() * hMax))));
      const size = 4096 * (1 + (((id * 2654435761) >>> 0) % 16));
      buf.writeUInt32LE(done + i, i * 24);
      buf.writeUInt32LE(id, i * 24 + 4);
      buf.writeUInt32LE(0, i * 24 + 8);
      buf.writeUInt32LE(size, i * 24 + 12);
      buf.writeBigInt64LE(-1n, i * 24 + 16);
    }
    if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}
