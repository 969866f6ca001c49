/**
 * Zipf(s) over ranks 1 … n by rejection-inversion (W. Hörmann and G. Derflinger, "Rejection-inversion to
 * generate variates from monotone discrete distributions", ACM TOMACS 6(3), 1996): no table, O(1) expected
 * time, any n and s >= 0.
 */
import type { Random } from '../../core/random.js';

function helper1(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

function helper2(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}

export class ZipfSampler {
  private readonly hX1: number;
  private readonly hN: number;
  private readonly sVal: number;

  constructor(
    private readonly n: number,
    private readonly s: number,
  ) {
    this.hX1 = this.hIntegral(1.5) - 1;
    this.hN = this.hIntegral(n + 0.5);
    this.sVal = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return helper2((1 - this.s) * logX) * logX;
  }

  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.s);
    if (t < -1) t = -1;
    return Math.exp(helper1(t) * x);
  }

  /** A rank in 1 … n; rank k has probability proportional to k^-s. */
  sample(rand: Random): number {
    for (;;) {
      const u = this.hN + rand.next() * (this.hX1 - this.hN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > this.n) k = this.n;
      if (k - x <= this.sVal || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }
}
