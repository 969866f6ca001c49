/** `simulate`'s under-storage time and money, and `--baseline`, through the built CLI. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtCli, tempFile } from './helpers.js';

const examples = fileURLToPath(new URL('../../examples/scenarios/', import.meta.url));
const MiB = 2 ** 20;

// 10,000 one-page files (1 MiB, page 1 MiB) each read once: 10,000 misses.
const HAND = `name: hand
cluster:
  workers: { count: 4, pagestore: { size: 100Gi, pageSize: 1MB } }
workload: { type: training, files: 10000, fileSize: 1Mi, epochs: 1, shuffle: false }
metrics: { window: 3000 }
`;
const UFS = 'ufs: { bandwidth: 1GiB/s, maxRequestsPerSecond: 500, pricePer1000Requests: 0.0004, pricePerGiB: 0.01 }\n';

function json(args: string[]) {
  const r = builtCli(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('ring-sim simulate: the under-storage in seconds and dollars', () => {
  it('10,000 one-page files read once at 1 GiB/s, 500 GET/s: 20 s, 10,000 GETs, 10,000 MiB, 0.10165625 USD', () => {
    const file = tempFile('hand.yaml', HAND + UFS);
    const j = json(['simulate', file, '--json', '-']);
    expect(j.totals.ufs).toEqual({ bytes: 10_000 * MiB, requests: 10_000, seconds: 20, costUSD: 0.10165625 });
    expect(j.windows.map((w: { ufs: { requests: number } }) => w.ufs.requests)).toEqual([3000, 3000, 3000, 1000]);
    expect(j.windows[0].ufs).toEqual({ bytes: 3000 * MiB, requests: 3000, seconds: 6, costUSD: 3 * 0.0004 + (3000 / 1024) * 0.01 });
    const text = builtCli(['simulate', file]).stdout;
    expect(text).toMatch(/under-storage GET requests \(one a missed page\)\s+10,000\n/);
    expect(text).toMatch(/under-storage time\s+20 s \(model, request-bound: 20 s by 10,000 GETs at 500\/s; 9\.77 s by bandwidth at 1\.07 GB\/s/);
    expect(text).toMatch(/under-storage cost\s+0\.1017 USD \(model: 10,000 GETs × 0\.0004 USD\/1000 \+ 9\.77 GiB × 0\.01 USD\/GiB\)/);
  });

  it('without a ufs: block: GETs and bytes, seconds and dollars null, the text says what to add', () => {
    const file = tempFile('hand.yaml', HAND);
    const j = json(['simulate', file, '--json', '-']);
    expect(j.totals.ufs).toEqual({ bytes: 10_000 * MiB, requests: 10_000, seconds: null, costUSD: null });
    expect(j.ufsModel).toBeNull();
    for (const w of j.windows) expect(w.ufs).toMatchObject({ seconds: null, costUSD: null });
    expect(builtCli(['simulate', file]).stdout).toMatch(/under-storage time\s+- \(add a ufs: block for the time/);
  });

  it('a bad ufs: field exits 2 with one line', () => {
    const r = builtCli(['simulate', tempFile('bad.yaml', `${HAND}ufs: { preset: s3-standard, bandwidth: 10 Gbit }\n`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml: ufs\.bandwidth: not a transfer rate .*got "10 Gbit"/);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });
});

describe('ring-sim simulate --baseline', () => {
  it("a scale-out between two epochs of a cached training set: the baseline's epoch 2 costs nothing; delta = the moved pages", () => {
    const j = json(['simulate', `${examples}scale-out-between-epochs-s3.yaml`, '--baseline', '--json', '-']);
    const pagesPerFile = 4; // 4 MiB files, 1 MiB pages
    const epoch2 = j.baseline.windows.filter((w: { start: number }) => w.start >= 4000);
    expect(epoch2.length).toBeGreaterThan(0);
    for (const w of epoch2) expect(w.ufs).toMatchObject({ bytes: 0, requests: 0, seconds: 0, costUSD: 0 });
    const moved = j.events[0].bytesMoved;
    expect(moved).toBeGreaterThan(0);
    expect(j.delta.ufs.bytes).toBe(moved);
    expect(j.delta.ufs.requests).toBe((moved / (4 * MiB)) * pagesPerFile);
    expect(j.delta.pageMisses).toBe(j.delta.ufs.requests);
    expect(j.delta.ufs.costUSD).toBeCloseTo((j.delta.ufs.requests / 1000) * 0.0004, 15);
    for (const k of ['pageHits', 'ufsBytes', 'hitRatio', 'requests'] as const) expect(j.delta[k]).toBe(j.totals[k] - j.baseline.totals[k]);
    expect(j.delta.ufs.seconds).toBe(j.totals.ufs.seconds - j.baseline.totals.ufs.seconds);
    expect(j.delta.ufs.costUSD).toBe(j.totals.ufs.costUSD - j.baseline.totals.ufs.costUSD);
    const text = builtCli(['simulate', `${examples}scale-out-between-epochs-s3.yaml`, '--baseline']).stdout;
    expect(text).toMatch(/the events cost [\d,]+ GETs, [\d.]+ GiB, [\d.]+ s and [\d.]+ USD of under-storage over the baseline/);
  });

  it('without events the delta is zero, on threads too', () => {
    const file = tempFile('hand.yaml', HAND + UFS);
    const j = json(['simulate', file, '--baseline', '--threads', '2', '--json', '-']);
    expect(j.baseline.totals).toEqual(j.totals);
    for (const [k, v] of Object.entries(j.delta)) if (k !== 'ufs') expect(v).toBe(0);
    expect(j.delta.ufs).toEqual({ bytes: 0, requests: 0, seconds: 0, costUSD: 0 });
    expect(builtCli(['simulate', file, '--baseline']).stdout).toContain('the events cost 0 GETs, 0.00 B, 0 s and 0 USD of under-storage over the baseline');
  });
});
