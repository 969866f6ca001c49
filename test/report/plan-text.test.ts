import { describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/report/plan-text.js';
import { bundle, LICENSE, MINIMAL, plan, UFS } from '../plan/guide-manifests.js';

describe('renderPlanText', () => {
  const r = plan(MINIMAL.replace('count: 1', 'count: 3'), { disk: '100GB', provider: 'aws', datasetBytes: 2 ** 40, files: 1000, nodes: 3 });
  const text = renderPlanText(r);
  const lines = text.split('\n');

  it('opens with the cluster and the verdict', () => {
    expect(lines[0]).toBe('alluxio-cluster (namespace alx-ns) from test.yaml');
    expect(lines[1]).toBe(`VERDICT: WILL NOT DEPLOY: ${r.verdict.summary}`);
  });

  it('groups identical workers in one capacity row, with units', () => {
    const row = lines.find((l) => /^\s*worker\s/.test(l))!;
    expect(row).toMatch(/\b3\b.*90\.00 GiB.*9\.00 GiB.*23,040 × 4\.00 MiB/);
  });

  it('prints every check with its severity, field, fix and source', () => {
    for (const c of r.checks) {
      const at = lines.indexOf(`  ${c.severity.toUpperCase().padEnd(7)} ${c.field}: ${c.message}`);
      expect(at).toBeGreaterThan(0);
      expect(lines[at + 1]).toBe(`          fix: ${c.fix}`);
      if (c.source) expect(lines[at + 2]).toBe(`          source: ${c.source}`);
    }
  });

  it('gives the ring, the data set, every what-if and the assumptions', () => {
    expect(text).toContain(`ring: ${r.ring.algorithm}, ${r.ring.vnodes} virtual nodes a worker, ${r.ring.mode} ring, provider ${r.ring.provider}`);
    expect(text).toMatch(/^data set: 1\.00 TiB in 1,000 files \(mean 1\.02 GiB\); cache /m);
    for (const w of r.whatIf) expect(text).toContain(`  ${w.name}: ${w.description}`);
    expect(lines).toContain('assumptions (defaults with their source, and models):');
    for (const a of r.assumptions) expect(lines).toContain(`  - ${a}`);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('names the other documents, and those it does not read', () => {
    const b = renderPlanText(plan(bundle(MINIMAL, UFS, LICENSE, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n')));
    expect(b.split('\n')[1]).toBe('other documents: UnderFileSystem alluxio-s3, License alluxio-license, ConfigMap cm (not read)');
  });
});
