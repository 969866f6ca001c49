/**
 * The page size a worker runs with when the manifest sets none, through the built CLI: the edition's default
 * (4 MiB preset by the Enterprise operator's chart, 1 MiB in open-source Alluxio), printed as an assumption with
 * its source; a page size in spec.properties wins over both. `capacity` and `inspect` take the same default.
 */
import { describe, expect, it } from 'vitest';
import { builtCli, builtPlan, clusterManifest } from './helpers.js';

const GiB = 2 ** 30;
const MiB = 2 ** 20;
const manifest = (name: string, properties: string[] = []): string =>
  clusterManifest(name, { properties, worker: ['count: 2', 'pagestore: {size: 100Gi, reservedSize: 10Gi}'] });

interface Plan {
  workers: Array<{ pages: number; pageSizeBytes: number }>;
  assumptions: string[];
}
const plan = (args: string[]): Plan => builtPlan<Plan>(args).json;

describe('plan: the page size when the manifest sets none (built CLI)', () => {
  it("Enterprise: 4 MiB, the operator chart's preset, said with its source", () => {
    const p = plan([manifest('silent.yaml')]);
    expect(p.workers.map((w) => [w.pageSizeBytes, w.pages])).toEqual([
      [4 * MiB, (100 * GiB) / (4 * MiB)],
      [4 * MiB, 25_600],
    ]);
    expect(p.assumptions).toContainEqual(
      expect.stringMatching(
        /^page size not set: 4MB \(4\.00 MiB\), the Enterprise operator chart's preset .*unofficial copy, github\.com\/dodiadodia\/alluxio-helm/,
      ),
    );
    const text = builtCli(['plan', manifest('silent-text.yaml')]).stdout;
    expect(text).toMatch(/25,600 × 4\.00 MiB/);
    expect(text).toMatch(/page size 4\.00 MiB\) are fixed at deployment/);
  });

  it("open source: 1 MiB, Alluxio's own default", () => {
    const p = plan([manifest('silent-oss.yaml'), '--edition', 'oss']);
    expect(p.workers[0].pageSizeBytes).toBe(MiB);
    expect(p.assumptions).toContainEqual(expect.stringMatching(/^page size not set: 1MB \(1\.00 MiB\), open-source Alluxio's default/));
  });

  it('a page size in spec.properties wins, and no default is assumed', () => {
    const p = plan([manifest('set.yaml', ['alluxio.worker.page.store.page.size: 1MB'])]);
    expect(p.workers[0]).toMatchObject({ pageSizeBytes: MiB, pages: 102_400 });
    expect(p.assumptions.filter((a) => a.startsWith('page size'))).toEqual([]);
  });

  it('capacity and inspect take the same default', () => {
    const c = JSON.parse(builtCli(['capacity', '--size', '100Gi', '--reserved', '10Gi', '--json']).stdout) as { pages: number; assumptions: string[] };
    expect(c.pages).toBe(25_600);
    expect(c.assumptions[0]).toMatch(/^page size not set: 4MB/);
    expect((JSON.parse(builtCli(['capacity', '--size', '100Gi', '--edition', 'oss', '--json']).stdout) as { pageSizeBytes: number }).pageSizeBytes).toBe(MiB);
    const i = builtCli([
      'inspect',
      '--etcd-export',
      'examples/etcd-export.json',
      '--cluster',
      'alx-ns-alluxio-cluster',
      '--manifest',
      manifest('inspect.yaml'),
      '--json',
    ]);
    expect((JSON.parse(i.stdout) as { pageSizeBytes: number }).pageSizeBytes).toBe(4 * MiB);
  });
});
