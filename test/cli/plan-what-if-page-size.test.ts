/**
 * plan's what-if "change the page size after deploy" through the built CLI: every cached page dropped on restart
 * (restore keeps only pages under the current page size), capped by what is cached, with the same columns as the
 * other what-ifs (re-read time and cost with --ufs-bandwidth / --ufs-price and a data set).
 */
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers.js';

const MANIFEST = new URL('../../examples/alluxio-cluster-two-disks.yaml', import.meta.url).pathname;
const GiB = 2 ** 30;
const NAME = 'change the page size after deploy';

interface Json {
  workers: Array<{ cacheBytes: number }>;
  whatIf: Array<{
    name: string;
    moved: number;
    reread: number;
    optimal: number;
    bytesMoved: number;
    bytesReread: number;
    bytesBasis: string;
    rereadSeconds: number | null;
    rereadRequests: number | null;
    rereadUSD: number | null;
    flows: Array<{ from: string; to: string; bytes: number }>;
  }>;
  checks: Array<{ id: string; message: string }>;
}

describe('plan: what if the page size changes after deploy (built CLI)', () => {
  it('drops every cached page: the data set when it fits, timed and priced as the other what-ifs', () => {
    const fits = JSON.parse(builtCli(['plan', MANIFEST, '--dataset', '500GiB', '--ufs-bandwidth', '10Gbps', '--ufs-price', '0.0004', '--json']).stdout) as Json;
    const w = fits.whatIf.find((x) => x.name === NAME)!;
    // The ring does not change: nothing moved; every cached page re-read.
    expect([w.moved, w.bytesMoved, w.bytesReread, w.bytesBasis, w.optimal]).toEqual([0, 0, 500 * GiB, 'dataset', 0]);
    expect(w.reread).toBeCloseTo(1, 12);
    expect(w.rereadSeconds).toBeCloseTo((500 * GiB) / 1.25e9, 6);
    expect(w.rereadRequests).toBe((500 * GiB) / (4 * 2 ** 20)); // one GET a 4 MiB page
    expect(w.rereadUSD).toBeCloseTo((w.rereadRequests! / 1000) * 0.0004, 9);
    expect(w.flows.map((f) => f.to)).toEqual(w.flows.map((f) => `${f.from} (pages dropped)`));
  });

  it('a data set larger than the caches: capped by what the workers cache; the destructive-settings info quotes it', () => {
    const capped = JSON.parse(builtCli(['plan', MANIFEST, '--dataset', '20TiB', '--json']).stdout) as Json;
    const c = capped.whatIf.find((x) => x.name === NAME)!;
    expect([c.bytesReread, c.bytesBasis, c.rereadSeconds]).toEqual([capped.workers.reduce((s, x) => s + x.cacheBytes, 0), 'cache', null]);
    expect(capped.checks.find((x) => x.id === 'ring-change-destructive')!.message).toContain(
      'changing the page size drops every cached page (640.00 GiB, capped by what the workers cache) when the workers restart',
    );
  });

  it('text: the row with the same columns as the others, and its story', () => {
    const plain = builtCli(['plan', MANIFEST]).stdout;
    expect(plain).toMatch(/\nchange the page size after deploy +0\.00 % +0\.00 % +0\.00 % +0\.00 B \(of the cache, taken as full\) +640\.00 GiB\n/);
    expect(plain).toContain('  change the page size after deploy: alluxio.worker.page.store.page.size changed from 4.00 MiB');
    expect(plain).toContain('      worker-0 → worker-0 (pages dropped): ');
    const timed = builtCli(['plan', MANIFEST, '--dataset', '500GiB', '--ufs-bandwidth', '10Gbps']).stdout;
    expect(timed).toMatch(/\nchange the page size after deploy +0\.00 % +0\.00 % +0\.00 % +0\.00 B \(of the data set\) +500\.00 GiB +7 min 09 s\n/);
  });
});
