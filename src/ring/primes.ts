/** Small prime helpers for table sizes. */
export function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

/** The nearest primes below and above `n`. */
export function nearestPrimes(n: number): [number, number] {
  let lo = Math.max(2, Math.floor(n) - 1);
  while (lo > 2 && !isPrime(lo)) lo--;
  let hi = Math.floor(n) + 1;
  while (!isPrime(hi)) hi++;
  return [lo, hi];
}
