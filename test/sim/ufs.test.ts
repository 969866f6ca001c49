import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FieldReader } from '../../src/core/field-reader.js';
import { readScenario } from '../../src/sim/scenario.js';
import { readUfs, ufsBound, ufsCostUSD, ufsSeconds, ufsUsage, UFS_PRESET_FIGURES, type UfsModel } from '../../src/sim/ufs.js';

const read = (v: unknown): UfsModel | undefined => readUfs(new FieldReader('s.yaml'), v);
const error = (v: unknown): string => {
  try {
    read(v);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};
const MiB = 2 ** 20;

describe('the ufs: block', () => {
  it('reads bandwidths as operators write them, bits and bytes apart', () => {
    expect(read({ bandwidth: '10Gbps' })!.bandwidth!.bytesPerSecond).toBe(1.25e9);
    expect(read({ bandwidth: '1.2GB/s' })!.bandwidth!.bytesPerSecond).toBe(1.2e9);
    expect(read({ bandwidth: '1GiB/s' })!.bandwidth!.bytesPerSecond).toBe(2 ** 30);
  });

  it("takes a preset's figures, and explicit fields over them", () => {
    expect(read({ preset: 's3-standard' })).toEqual({ preset: 's3-standard', bandwidth: null, ...UFS_PRESET_FIGURES['s3-standard'] });
    expect(UFS_PRESET_FIGURES['s3-standard']).toMatchObject({ maxRequestsPerSecond: 5500, pricePer1000Requests: 0.0004, pricePerGiB: 0 });
    expect(UFS_PRESET_FIGURES['gcs-standard']).toMatchObject({ maxRequestsPerSecond: 5000, pricePer1000Requests: 0.0004, pricePerGiB: 0 });
    const m = read({ preset: 's3-standard', pricePerGiB: 0.01, maxRequestsPerSecond: 500, requestLatency: '30ms' })!;
    expect(m).toMatchObject({ maxRequestsPerSecond: 500, pricePer1000Requests: 0.0004, pricePerGiB: 0.01, requestLatency: 0.03 });
    expect(read({})).toEqual({
      preset: 'none',
      bandwidth: null,
      maxRequestsPerSecond: null,
      pricePer1000Requests: null,
      pricePerGiB: null,
      requestLatency: null,
    });
    expect(read(undefined)).toBeUndefined();
    expect(read({ requestLatency: 0.2 })!.requestLatency).toBe(0.2);
  });

  it.each([
    [{ bandwidth: '10G' }, /^s\.yaml: ufs\.bandwidth: not a transfer rate .*got "10G".*10Gbps/],
    [{ bandwidth: 10 }, /^s\.yaml: ufs\.bandwidth: must be a transfer rate with its unit/],
    [{ bandwidth: '0Gbps' }, /ufs\.bandwidth: not a transfer rate \(more than 0\)/],
    [{ maxRequestsPerSecond: 0 }, /ufs\.maxRequestsPerSecond: must be a number more than 0 \(got 0\)/],
    [{ maxRequestsPerSecond: '5500' }, /ufs\.maxRequestsPerSecond: must be a number/],
    [{ pricePer1000Requests: -1 }, /ufs\.pricePer1000Requests: must be a price in USD/],
    [{ pricePerGiB: '0.01 USD' }, /ufs\.pricePerGiB: must be a price in USD/],
    [{ requestLatency: '100 msec' }, /ufs\.requestLatency: not a duration.*100ms/],
    [{ preset: 's3' }, /ufs\.preset: unknown value.*s3-standard, gcs-standard, none/],
    [{ bandwith: '10Gbps' }, /ufs\.bandwith: unknown field/],
    ['s3-standard', /ufs: must be a mapping/],
  ])('%j: one line naming the field, the value and the fix', (v, message) => {
    const m = error(v);
    expect(m).toMatch(message);
    expect(m.split('\n').length).toBe(1);
  });

  it('is part of a scenario, checked with it', () => {
    const s = { cluster: { workers: { count: 2, pagestore: { size: '1Gi' } } }, workload: { type: 'uniform', files: 10, requests: 10 } };
    expect(readScenario(s).ufs).toBeUndefined();
    expect(readScenario({ ...s, ufs: { preset: 'gcs-standard' } }).ufs!.maxRequestsPerSecond).toBe(5000);
    expect(() => readScenario({ ...s, ufs: { bandwidth: 'fast' } }, 'x.yaml')).toThrow(/^x\.yaml: ufs\.bandwidth/);
  });
});

describe('the model: seconds and dollars', () => {
  const hand = read({ bandwidth: '1GiB/s', maxRequestsPerSecond: 500, pricePer1000Requests: 0.0004, pricePerGiB: 0.01 })!;

  it('10,000 one-page (1 MiB) misses at 1 GiB/s and 500 GET/s: 20 s request-bound (9.77 s by bandwidth), 0.10165625 USD', () => {
    const u = ufsUsage(10_000 * MiB, 10_000, hand);
    expect(u).toEqual({ bytes: 10_000 * MiB, requests: 10_000, seconds: 20, costUSD: 0.10165625 });
    expect(ufsBound(u, hand)).toBe('requests');
    expect(ufsSeconds(10_000 * MiB, 10_000, { ...hand, maxRequestsPerSecond: null })).toBe(9.765625);
    const uncapped = { ...hand, maxRequestsPerSecond: null };
    expect(ufsBound(ufsUsage(10_000 * MiB, 10_000, uncapped), uncapped)).toBe('bandwidth');
  });

  it('10 Gbit/s is bytes × 8 / 10¹⁰ seconds', () => {
    expect(ufsSeconds(1.25e9, 0, read({ bandwidth: '10Gbps' }))).toBe(1);
    expect(ufsSeconds(5e9, 0, read({ bandwidth: '10Gbit/s' }))).toBe(4);
  });

  it('null without the figures it needs; a price not given is 0', () => {
    expect(ufsUsage(MiB, 1, undefined)).toEqual({ bytes: MiB, requests: 1, seconds: null, costUSD: null });
    expect(ufsUsage(MiB, 1, read({ bandwidth: '1GiB/s' }))).toMatchObject({ seconds: 1 / 1024, costUSD: null });
    expect(ufsUsage(2 ** 30, 1000, read({ pricePerGiB: 0.02 }))).toMatchObject({ seconds: null, costUSD: 0.02 });
    expect(ufsCostUSD(2 ** 30, 1000, read({ pricePer1000Requests: 0.005 }))).toBe(0.005);
  });

  it('seconds and cost are monotone in bytes and in requests (property)', () => {
    const model = fc.record({
      bandwidth: fc.option(fc.constantFrom('1Gbps', '10Gbps', '1.2GB/s', '1GiB/s', '500MiB/s'), { nil: undefined }),
      maxRequestsPerSecond: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
      pricePer1000Requests: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      pricePerGiB: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    });
    const n = fc.integer({ min: 0, max: 2 ** 45 });
    fc.assert(
      fc.property(model, n, n, n, n, (spec, b1, b2, r1, r2) => {
        const m = read(Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)))!;
        const [bLo, bHi] = b1 <= b2 ? [b1, b2] : [b2, b1];
        const [rLo, rHi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const lo = ufsUsage(bLo, rLo, m);
        for (const hi of [ufsUsage(bHi, rLo, m), ufsUsage(bLo, rHi, m), ufsUsage(bHi, rHi, m)]) {
          if (lo.seconds !== null) expect(hi.seconds!).toBeGreaterThanOrEqual(lo.seconds);
          if (lo.costUSD !== null) expect(hi.costUSD!).toBeGreaterThanOrEqual(lo.costUSD);
        }
        expect(ufsUsage(0, 0, m)).toMatchObject({ seconds: lo.seconds === null ? null : 0, costUSD: lo.costUSD === null ? null : 0 });
      }),
      { seed: 28, numRuns: 300 },
    );
  });
});
