import { describe, expect, it } from 'vitest';
import { isPrime, nearestPrimes } from '../../src/ring/primes.js';

describe('primes', () => {
  it('isPrime on small numbers, Maglev table sizes and non-integers', () => {
    expect([0, 1, 2, 3, 4, 9, 25, 97].map(isPrime)).toEqual([false, false, true, true, false, false, false, true]);
    expect(isPrime(65537)).toBe(true);
    expect(isPrime(65536)).toBe(false);
    expect(isPrime(2.5)).toBe(false);
  });

  it('nearestPrimes gives the primes just below and above', () => {
    expect(nearestPrimes(65536)).toEqual([65521, 65537]);
    expect(nearestPrimes(10)).toEqual([7, 11]);
    expect(nearestPrimes(3)).toEqual([2, 5]);
  });
});
