/** Lamping and Veach's C++ loop transcribed in BigInt: j = floor((b + 1) * (2^31 / ((key >> 33) + 1))). */
export function paperJump(key: bigint, buckets: number): number {
  let k = BigInt.asUintN(64, key);
  let b = -1;
  let j = 0;
  while (j < buckets) {
    b = j;
    k = BigInt.asUintN(64, k * 2862933555777941757n + 1n);
    j = Math.floor((b + 1) * (2147483648 / (Number(k >> 33n) + 1)));
  }
  return b;
}
