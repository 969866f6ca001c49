/**
 * `plan --ufs-bandwidth` / `--ufs-price` without `--against` (issue 28 item 4), through the built CLI, on cases
 * computed by hand: a persisted identity with an emptyDir page store re-reads exactly what the worker caches
 * (its 100 GiB page store, the data set being far larger), so the restart what-if re-reads 100 GiB:
 * 100 s at 1 GiB/s, 85.89934592 s at 10 Gbps; 25,600 GETs of 4 MiB pages (0.01024 USD at 0.0004 USD/1000),
 * 102,400 of 1 MiB pages. `inspect --ufs-price` and `plan --against --ufs-price` take the same formulas, `--files`
 * included: 100 GiB of 1 MiB files under 4 MiB pages are 102,400 GETs, one a file, not 25,600 whole pages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPTYDIR_WORKERS, builtCli, builtPlan, clusterManifest, tempFile } from './helpers.js';

const GiB = 2 ** 30;
const manifest = (name: string, properties: string[] = []): string => clusterManifest(name, { properties, worker: EMPTYDIR_WORKERS });

interface WhatIf {
  name: string;
  applicable: boolean;
  bytesMoved: number;
  bytesReread: number;
  rereadSeconds: number | null;
  rereadRequests: number | null;
  rereadUSD: number | null;
}
interface Plan {
  whatIf: WhatIf[];
  ufs: {
    bandwidth: { text: string; bytesPerSecond: number } | null;
    pricePer1000Requests: number | null;
    pageSizeBytes: number;
    fileBytes: number | null;
  } | null;
  assumptions: string[];
}

const plan = (file: string, args: string[]): Plan => {
  const r = builtPlan<Plan>([file, '--dataset', '1PiB', ...args]);
  expect(r.stderr).toBe('');
  return r.json;
};
const restart = (p: Plan): WhatIf => p.whatIf.find((w) => w.name === 'restart one worker')!;

describe('plan --ufs-bandwidth / --ufs-price without --against (built CLI)', () => {
  it('the emptied worker re-reads its 100 GiB: 100 s at 1 GiB/s, 25,600 GETs of 4 MiB, 0.01024 USD', () => {
    const p = plan(manifest('ufs-4m.yaml'), ['--ufs-bandwidth', '1GiB/s', '--ufs-price', '0.0004']);
    expect(restart(p)).toMatchObject({ bytesMoved: 100 * GiB, rereadSeconds: 100, rereadRequests: 25_600 });
    expect(restart(p).rereadUSD).toBeCloseTo(0.01024, 15);
    expect(p.ufs).toEqual({ bandwidth: { text: '1GiB/s', bytesPerSecond: GiB }, pricePer1000Requests: 0.0004, pageSizeBytes: 4 * 2 ** 20, fileBytes: null });
    expect(p.assumptions).toContainEqual(expect.stringMatching(/^re-read time and cost: model, one UFS GET a page .*⌈bytes re-read ÷ 4194304 B page⌉/));
  });

  it('bits a second: 10 Gbps is 1.25·10⁹ bytes a second, so 100 GiB take 85.89934592 s', () => {
    expect(restart(plan(manifest('ufs-bits.yaml'), ['--ufs-bandwidth', '10Gbps'])).rereadSeconds).toBeCloseTo(85.89934592, 9);
  });

  it("the manifest's page size: 1MB pages make 102,400 GETs (0.04096 USD)", () => {
    const w = restart(plan(manifest('ufs-1m.yaml', ['alluxio.worker.page.store.page.size: 1MB']), ['--ufs-price', '0.0004']));
    expect(w).toMatchObject({ rereadRequests: 102_400, rereadSeconds: null });
    expect(w.rereadUSD).toBeCloseTo(0.04096, 15);
  });

  it('with --files, the bytes are files of the mean size, each ⌈file ÷ page⌉ GETs: 100 GiB of 6 MiB files, 34,134 GETs', () => {
    const p = plan(manifest('ufs-files.yaml'), ['--ufs-price', '0.0004']);
    const sixTiB = builtPlan<Plan>([manifest('ufs-files2.yaml'), '--dataset', '6TiB', '--files', String(2 ** 20), '--ufs-price', '0.0004']).json;
    expect(restart(p).rereadRequests).toBe(25_600); // no --files: whole pages
    expect(sixTiB.ufs).toMatchObject({ fileBytes: 6 * 2 ** 20 });
    expect(restart(sixTiB)).toMatchObject({ bytesMoved: 100 * GiB, rereadRequests: 34_134 }); // 17,066.67 files × 2 GETs
    expect(sixTiB.assumptions).toContainEqual(expect.stringMatching(/GETs = ⌈bytes re-read ÷ 6291456 B mean file × ⌈file ÷ 4194304 B page⌉⌉ = 2 a file/));
    const text = builtCli(['plan', manifest('ufs-files3.yaml'), '--dataset', '6TiB', '--files', String(2 ** 20), '--ufs-price', '0.0004']).stdout;
    expect(text).toContain('  re-read: one GET a 4.00 MiB page (files of the mean 6.00 MiB, 2 a file), 0.0004 USD/1000 GETs (model: see the assumptions)');
  });

  it('GETs round bytes re-read (the bytes moved, or all cached after a page-size change) up to whole pages, on every what-if', () => {
    const p = plan(manifest('ufs-round.yaml'), ['--ufs-price', '0.0004', '--ufs-bandwidth', '1GiB/s']);
    for (const w of p.whatIf.filter((x) => x.applicable)) {
      expect(w.rereadRequests).toBe(Math.ceil(w.bytesReread / (4 * 2 ** 20)));
      expect(w.rereadSeconds).toBe(w.bytesReread / GiB);
      expect(w.rereadUSD).toBeCloseTo((w.rereadRequests! / 1000) * 0.0004, 15);
    }
    expect(p.whatIf.some((w) => w.bytesReread % (4 * 2 ** 20) !== 0)).toBe(true);
  });

  it('without the flags the fields are null and the table has no re-read columns', () => {
    const p = plan(manifest('ufs-none.yaml'), []);
    expect(p.ufs).toBeNull();
    expect(restart(p)).toMatchObject({ rereadSeconds: null, rereadRequests: null, rereadUSD: null });
    expect(builtCli(['plan', manifest('ufs-none-text.yaml'), '--dataset', '1PiB']).stdout).not.toContain('re-read time');
  });

  it('the text table: a time column, GETs and cost, and the line saying what they stand on', () => {
    const text = builtCli(['plan', manifest('ufs-text.yaml'), '--dataset', '1PiB', '--ufs-bandwidth', '1GiB/s', '--ufs-price', '0.0004']).stdout;
    expect(text).toMatch(/change +keys moved +optimal +unreachable +bytes moved +bytes re-read +re-read time +GETs +cost/);
    expect(text).toMatch(/restart one worker .* 100\.00 GiB \(capped by what the workers cache\) +100\.00 GiB +1 min 40 s +25,600 +0\.01024 USD/);
    expect(text).toContain(
      '  re-read: time at 1.07 GB/s (8.59 Gbit/s); one GET a 4.00 MiB page (bytes re-read in whole pages), 0.0004 USD/1000 GETs (model: see the assumptions)',
    );
  });

  it('bad input: no data set, or a price below 0, exits 2 naming the flag', () => {
    const noData = builtCli(['plan', manifest('ufs-bad.yaml'), '--ufs-bandwidth', '10Gbps']);
    expect([noData.code, noData.stderr]).toEqual([
      2,
      'ring-sim: error: --dataset: --ufs-bandwidth needs a data-set size to time; pass --dataset SIZE (e.g. 20TiB) or --trace FILE\n',
    ]);
    const noPrice = builtCli(['plan', manifest('ufs-bad2.yaml'), '--ufs-price', '0.0004']);
    expect([noPrice.code, noPrice.stderr]).toEqual([
      2,
      'ring-sim: error: --dataset: --ufs-price needs a data-set size to price; pass --dataset SIZE (e.g. 20TiB) or --trace FILE\n',
    ]);
    const negative = builtCli(['plan', manifest('ufs-bad3.yaml'), '--dataset', '1TiB', '--ufs-price', '-1']);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toContain('--ufs-price must be a price per 1000 GET requests in USD, 0 or more; write e.g. --ufs-price 0.0004');
  });

  it("--against takes --ufs-price too: GETs at the new manifest's page size", () => {
    const r = builtCli([
      'plan',
      'examples/day2/alluxio-cluster-scale-out.yaml',
      '--against',
      'examples/day2/alluxio-cluster.yaml',
      '--dataset',
      '20TiB',
      '--ufs-bandwidth',
      '10Gbps',
      '--ufs-price',
      '0.0004',
      '--json',
    ]);
    const ring = (JSON.parse(r.stdout) as { ring: { rereadBytes: number; rereadSeconds: number; rereadRequests: number; rereadUSD: number } }).ring;
    expect(ring.rereadSeconds).toBe(ring.rereadBytes / 1.25e9);
    expect(ring.rereadRequests).toBe(Math.ceil(ring.rereadBytes / (4 * 2 ** 20)));
    expect(ring.rereadUSD).toBeCloseTo((ring.rereadRequests / 1000) * 0.0004, 15);
  });
});

describe('inspect --ufs-price (built CLI)', () => {
  it("each what-if's re-read in GETs of the cluster's pages and USD, and GETs and cost columns", () => {
    const args = [
      'inspect',
      '--etcd-export',
      'examples/etcd-export.json',
      '--manifest',
      'examples/day2/alluxio-cluster.yaml',
      '--dataset',
      '20TiB',
      '--ufs-bandwidth',
      '10Gbps',
      '--ufs-price',
      '0.0004',
    ];
    const r = JSON.parse(builtCli([...args, '--json']).stdout) as {
      pageSizeBytes: number;
      cost: { pricePer1000Requests: number };
      whatIf: Array<{ static: { rereadBytes: number; rereadSeconds: number; rereadRequests: number; rereadUSD: number } }>;
    };
    expect(r.cost.pricePer1000Requests).toBe(0.0004);
    expect(r.whatIf.length).toBeGreaterThan(0);
    for (const w of r.whatIf) {
      expect(w.static.rereadRequests).toBe(Math.ceil(w.static.rereadBytes / r.pageSizeBytes));
      expect(w.static.rereadSeconds).toBe(w.static.rereadBytes / 1.25e9);
      expect(w.static.rereadUSD).toBeCloseTo((w.static.rereadRequests / 1000) * 0.0004, 15);
    }
    expect(builtCli(args).stdout).toMatch(/what-if +dynamic: moved +re-read +time +GETs +cost +static: moved +unreachable +re-read +time +GETs +cost/);
    const bad = builtCli(['inspect', '--etcd-export', 'examples/etcd-export.json', '--ufs-price', '0.0004']);
    expect([bad.code, bad.stderr]).toEqual([2, 'ring-sim: error: --dataset: --ufs-price needs a data-set size to price; pass --dataset SIZE, e.g. 20TiB\n']);
  });
});

describe('inspect and plan --against count GETs as plan does: --files gives each file its GETs (built CLI)', () => {
  const MiB = 2 ** 20;
  const WORKER = 'worker-a136fa91-6ed1-458b-8d85-68b1e438a1f7';
  // The day-2 cluster with an emptyDir page store: restarting a worker with its identity re-reads all it caches,
  // its 100 GiB page store (1 PiB of data set is far more than a worker's share fits).
  const emptyDir = tempFile(
    'inspect-emptydir.yaml',
    readFileSync('examples/day2/alluxio-cluster.yaml', 'utf8').replace(/(\n(\s*)pagestore:\n)/, '$1$2  type: emptyDir\n'),
  );
  interface Effect {
    rereadBytes: number;
    rereadRequests: number;
    rereadUSD: number;
    requestsBasis?: string | null;
  }
  const restartSame = (args: string[]): { effect: Effect; cost: { files: number | null; fileBytes: number | null; basis: string } } => {
    const r = builtCli([
      'inspect',
      '--etcd-export',
      'examples/etcd-export.json',
      '--manifest',
      emptyDir,
      '--worker',
      WORKER,
      '--ufs-price',
      '0.0004',
      ...args,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as {
      whatIf: Array<{ kind: string; static: Effect }>;
      cost: { files: number | null; fileBytes: number | null; basis: string };
    };
    return { effect: j.whatIf.find((w) => w.kind === 'restart-same-identity')!.static, cost: j.cost };
  };

  it('inspect: 100 GiB of 1 MiB files under 4 MiB pages are 102,400 GETs (one a file), not 25,600 whole pages', () => {
    const pages = restartSame(['--dataset', '1PiB']);
    expect(pages.effect).toMatchObject({ rereadBytes: 100 * GiB, rereadRequests: 25_600 });
    expect(pages.cost).toMatchObject({ files: null, fileBytes: null });
    expect(pages.cost.basis).toContain('GETs = ⌈bytes re-read ÷ 4194304 B page⌉, whole pages, so the least');
    const files = restartSame(['--dataset', '1PiB', '--files', String(2 ** 30)]); // 1 PiB ÷ 2^30 files = 1 MiB a file
    expect(files.effect).toMatchObject({ rereadBytes: 100 * GiB, rereadRequests: 102_400 });
    expect(files.effect.rereadUSD).toBeCloseTo(0.04096, 15);
    expect(files.cost).toMatchObject({ files: 2 ** 30, fileBytes: MiB });
    expect(files.cost.basis).toContain('GETs = ⌈bytes re-read ÷ 1048576 B mean file × ⌈file ÷ 4194304 B page⌉⌉ = 1 a file');
  });

  it("inspect: 6 MiB files are 2 GETs each, plan's 34,134 for 100 GiB", () => {
    expect(restartSame(['--dataset', '6TiB', '--files', String(2 ** 20)]).effect).toMatchObject({ rereadBytes: 100 * GiB, rereadRequests: 34_134 });
  });

  /** The day-2 scale-out planned against its old manifest, 1000 MiB of data at 0.0004 USD a 1000 GETs, with `files`. */
  const againstArgs = (files: string[]): string[] => [
    'plan',
    'examples/day2/alluxio-cluster-scale-out.yaml',
    '--against',
    'examples/day2/alluxio-cluster.yaml',
    '--dataset',
    '1000MiB',
    ...files,
    '--ufs-price',
    '0.0004',
  ];

  it('plan --against: 1,000 files of 1 MiB (1000 MiB) under 4 MiB pages, one GET a file of the bytes moved', () => {
    const against = (files: string[]): { ring: Effect; notes: string[] } =>
      JSON.parse(builtCli([...againstArgs(files), '--json']).stdout) as { ring: Effect; notes: string[] };
    const pages = against([]);
    const oneMiB = against(['--files', '1000']);
    const halfMiB = against(['--files', '2000']);
    expect(oneMiB.ring.rereadBytes).toBe(pages.ring.rereadBytes);
    expect(pages.ring.rereadRequests).toBe(Math.ceil(pages.ring.rereadBytes / (4 * MiB))); // whole pages
    expect(oneMiB.ring.rereadRequests).toBe(Math.ceil(oneMiB.ring.rereadBytes / MiB)); // one GET a 1 MiB file
    expect(halfMiB.ring.rereadRequests).toBe(Math.ceil(halfMiB.ring.rereadBytes / (MiB / 2))); // a file below a page is one GET
    expect(oneMiB.ring.rereadRequests).toBeGreaterThan(3 * pages.ring.rereadRequests);
    expect(pages.notes).toContainEqual(expect.stringMatching(/GETs = ⌈bytes re-read ÷ 4194304 B page⌉, whole pages, so the least/));
    expect(oneMiB.notes).toContainEqual(expect.stringMatching(/GETs = ⌈bytes re-read ÷ 1048576 B mean file × ⌈file ÷ 4194304 B page⌉⌉ = 1 a file/));
    expect([pages.ring.requestsBasis, oneMiB.ring.requestsBasis]).toEqual(['pages', 'files']);
  });

  it('plan --against text: the GETs say how they are counted, whole pages or files of the mean size', () => {
    const text = (files: string[]): string => builtCli(againstArgs(files)).stdout;
    expect(text([])).toMatch(/GETs \(one a page\)/);
    const files = text(['--files', '1000']);
    expect(files).toMatch(/GETs \(files of the mean size, each its own pages\)/);
    expect(files).not.toMatch(/one a page/);
  });

  it('bad input: inspect --files without --dataset, or not a whole number, exits 2 naming the flag', () => {
    const noData = builtCli(['inspect', '--etcd-export', 'examples/etcd-export.json', '--files', '1000']);
    expect([noData.code, noData.stderr]).toEqual([
      2,
      'ring-sim: error: --dataset: --files needs a data-set size to give the mean file size; pass --dataset SIZE, e.g. 20TiB\n',
    ]);
    const half = builtCli(['inspect', '--etcd-export', 'examples/etcd-export.json', '--dataset', '1TiB', '--files', '1.5']);
    expect([half.code, half.stderr]).toEqual([2, 'ring-sim: error: --files: must be a whole number of files (got "1.5"); write e.g. 2e6\n']);
  });
});
