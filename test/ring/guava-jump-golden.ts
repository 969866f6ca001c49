/** Guava's golden values for `Hashing.consistentHash(long, int)` (HashingTest): [key, buckets, bucket]. */
export const GUAVA_JUMP_GOLDEN: readonly (readonly [bigint, number, number])[] = [
  ...[0, 55, 62, 8, 45, 59, 86, 97, 82, 59, 73, 37, 17, 56, 86, 21, 90, 37, 38, 83].map((v, i) => [BigInt(i), 100, v] as const),
  [10863919174838991n, 11, 6],
  [2016238256797177309n, 11, 3],
  [1673758223894951030n, 11, 5],
  [2n, 100001, 80343],
  [2201n, 100001, 22152],
  [2202n, 100001, 15018],
];
