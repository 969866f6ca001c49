import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBandwidth } from '../../src/core/bandwidth.js';
import { planAgainst } from '../../src/plan/against.js';
import { parseManifest } from '../../src/plan/manifest.js';
import { renderAgainstText } from '../../src/report/plan-against-text.js';

const manifest = (name: string) => parseManifest(readFileSync(`examples/day2/${name}`, 'utf8'), name);

describe('renderAgainstText', () => {
  it('lists each change, flags the destructive one, and gives the ring before and after', () => {
    const r = planAgainst(manifest('alluxio-cluster.yaml'), manifest('alluxio-cluster-vnodes.yaml'));
    const text = renderAgainstText(r);
    const lines = text.split('\n');
    expect(lines[0]).toBe(`Plan alluxio-cluster-vnodes.yaml against alluxio-cluster.yaml: ${r.workers.before} -> ${r.workers.after} workers.`);
    expect(lines[1]).toBe(`Identities: ${r.identities}.`);
    const row = lines.find((l) => l.startsWith('virtual nodes per worker'))!;
    expect(row).toMatch(/\b5\b.*\b2000\b.*DESTRUCTIVE/);
    expect(text).toMatch(/^Ring before: CONSISTENT \(DEFAULT\), 5 virtual nodes, dynamic ring, \d+ workers on it$/m);
    expect(text).toMatch(/^Ring after: {2}CONSISTENT \(DEFAULT\), 2000 virtual nodes, dynamic ring, \d+ workers on it$/m);
    expect(text).toMatch(
      /^Moved: [\d.]+ % of the keys change worker \(exact on these rings, some identities drawn: a model; optimal [\d.]+ %\): DESTRUCTIVE\.$/m,
    );
    expect(text).not.toContain('Re-read from the under-storage');
  });

  it('says what the move costs to re-read when given the data set and the UFS bandwidth', () => {
    const r = planAgainst(manifest('alluxio-cluster.yaml'), manifest('alluxio-cluster-scale-out.yaml'), {
      datasetBytes: 2 ** 40,
      ufsBandwidth: parseBandwidth('10Gbps'),
    });
    const text = renderAgainstText(r);
    expect(text).toMatch(
      /^Re-read from the under-storage: [\d,]+ B \([\d.]+ GiB, [\d.]+ GB\), .+ at 1\.25 GB\/s \(10\.00 Gbit\/s\) \(model: moved × data set\)\.$/m,
    );
    expect(text).not.toContain('DESTRUCTIVE\n');
  });

  it('says when nothing ring-sim reads changed', () => {
    const same = manifest('alluxio-cluster.yaml');
    const text = renderAgainstText(planAgainst(same, same));
    expect(text).toContain('\nNo change that ring-sim reads.\n');
    expect(text).toMatch(/^Moved: 0\.000 % of the keys/m);
  });
});
