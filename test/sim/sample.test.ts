/**
 * Spatial sampling (SHARDS): the sample keeps about `rate` of the keys, a sampled run's hit ratio stays within a
 * point of the full run's, and rate 1 is the full run byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { cacheSim } from '../../src/sim/cachesim.js';
import { SpatialSample } from '../../src/sim/sample.js';
import { readScenario } from '../../src/sim/scenario.js';
import { simulate } from '../../src/sim/simulate.js';
import { bytesTraceSource } from '../../src/sim/trace/source.js';
import { ZipfSampler } from '../../src/sim/workload/zipf.js';

describe('SpatialSample', () => {
  it('keeps about rate of the paths and of the ids, the same ones every time', () => {
    const s = new SpatialSample(0.05);
    let paths = 0;
    let ids = 0;
    for (let i = 0; i < 200_000; i++) {
      if (s.keepPath(`s3://bucket/file-${i}`)) paths++;
      if (s.keepId(i >>> 16, i * 2654435761)) ids++;
    }
    expect(Math.abs(paths / 200_000 - 0.05)).toBeLessThan(0.002);
    expect(Math.abs(ids / 200_000 - 0.05)).toBeLessThan(0.002);
    expect(s.keepPath('s3://bucket/file-7')).toBe(new SpatialSample(0.05).keepPath('s3://bucket/file-7'));
  });

  it.each([0, -0.1, 1.5, Number.NaN])('rejects rate %s', (rate) => {
    expect(() => new SpatialSample(rate)).toThrow(/--sample.*fraction above 0/);
  });
});

function zipfScenario(files: number, requests: number) {
  return readScenario(
    {
      name: 'zipf',
      seed: 4,
      cluster: { workerGroups: [{ name: 'worker', count: 10, pagestore: { size: '8Gi', pageSize: '1MB', policy: 'lru' } }] },
      placement: { algorithm: 'alluxio-consistent', vnodes: 200 },
      workload: { type: 'zipf', files, alpha: 0.9, fileSize: '1Mi', requests },
      metrics: { window: requests / 4 },
    },
    'zipf',
  );
}

describe('simulate with a sample', () => {
  it('--sample 0.05 lands within 1 point of the full run on a Zipf workload (400,000 files)', async () => {
    const s = zipfScenario(400_000, 1_200_000);
    const full = await simulate(s);
    const sampled = await simulate(s, { sample: 0.05 });
    expect(full.totals.hitRatio).toBeGreaterThan(0.3);
    expect(Math.abs(sampled.totals.hitRatio - full.totals.hitRatio)).toBeLessThan(0.01);
    expect(sampled.sample?.rate).toBe(0.05);
    expect(sampled.totals.requests).toBeLessThan(full.totals.requests * 0.07);
    expect(sampled.totals.capacityBytes).toBe(Math.floor(8 * 2 ** 30 * 0.05) * 10);
  }, 60_000);

  it('rate 1 is the full run, byte for byte', async () => {
    const s = zipfScenario(2000, 20_000);
    expect(JSON.stringify(await simulate(s, { sample: 1 }))).toBe(JSON.stringify(await simulate(s)));
  });
});

/** An oracleGeneral trace (24-byte records) of Zipf(0.9) reads over `objects` objects of 4-64 KiB. */
function zipfTrace(objects: number, requests: number): Uint8Array {
  const bytes = new Uint8Array(requests * 24);
  const view = new DataView(bytes.buffer);
  const zipf = new ZipfSampler(objects, 0.9);
  const rand = new Random(3);
  for (let i = 0; i < requests; i++) {
    const id = zipf.sample(rand);
    view.setUint32(i * 24, i, true);
    view.setUint32(i * 24 + 4, id, true);
    view.setUint32(i * 24 + 12, 4096 * (1 + (id % 16)), true);
    view.setBigInt64(i * 24 + 16, -1n, true);
  }
  return bytes;
}

describe('cachesim with a sample', () => {
  it('--sample 0.1 keeps LRU and FIFO miss ratios within 1 point of the full trace (SHARDS_adj; 1.2 M requests)', async () => {
    const trace = bytesTraceSource('zipf', zipfTrace(400_000, 1_200_000));
    const options = { trace, format: 'oracleGeneral' as const, policies: ['lru', 'fifo'], sizes: [256 * 2 ** 20, 1024 * 2 ** 20] };
    const full = await cacheSim(options);
    const sampled = await cacheSim({ ...options, sample: 0.1 });
    expect(sampled.sample?.rate).toBe(0.1);
    full.results.forEach((r, i) => {
      expect(Math.abs(sampled.results[i].missRatio - r.missRatio)).toBeLessThan(0.01);
      expect(sampled.results[i].requests).toBeLessThan(r.requests * 0.12);
    });
  }, 60_000);
});
