/**
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as Guava's `Hashing.crc32c()` computes it; used by
 * Alluxio's MAGLEV policy. Table-driven.
 */
const TABLE = (() => {
  const t = new Int32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

/** CRC-32C of `bytes[0, length)`, as a signed int32 (Guava's `asInt()`). */
export function crc32c(bytes: Uint8Array, length = bytes.length): number {
  let c = -1;
  for (let i = 0; i < length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) | 0;
}
