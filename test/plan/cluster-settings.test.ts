import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseManifest } from '../../src/plan/manifest.js';
import { operatorClusterName, resolveClusterSettings } from '../../src/plan/cluster-settings.js';

const manifest = (meta: string[], props: string[] = []): ReturnType<typeof parseManifest> =>
  parseManifest(
    [
      'apiVersion: k8s-operator.alluxio.com/v1',
      'kind: AlluxioCluster',
      'metadata:',
      ...meta.map((l) => `  ${l}`),
      'spec:',
      '  properties:',
      '    alluxio.license: x',
      ...props.map((l) => `    ${l}`),
      '  worker:',
      '    count: 2',
      '    pagestore:',
      '      size: 10Gi',
      '      reservedSize: 1Gi',
      '',
    ].join('\n'),
    'm.yaml',
  );

describe('the cluster name the operator gives a manifest', () => {
  it("the guide's manifest: <namespace>-<name>, alx-ns-alluxio-cluster, with its source", () => {
    const d = operatorClusterName(parseManifest(readFileSync('examples/day2/alluxio-cluster.yaml', 'utf8'), 'examples/day2/alluxio-cluster.yaml'));
    expect(d.name).toBe('alx-ns-alluxio-cluster');
    expect(d.how).toContain('metadata.namespace alx-ns, metadata.name alluxio-cluster');
    expect(d.how).toContain('github.com/dodiadodia/alluxio-helm');
  });
  it('spec.properties alluxio.cluster.name wins (written after the presets)', () => {
    const d = operatorClusterName(manifest(['name: a', 'namespace: b'], ['alluxio.cluster.name: prod']));
    expect(d).toEqual({ name: 'prod', how: 'from m.yaml (spec.properties alluxio.cluster.name)' });
  });
  it("no metadata.namespace: kubectl's current one, taken as default, and said so", () => {
    const d = operatorClusterName(manifest(['name: cache']));
    expect(d.name).toBe('default-cache');
    expect(d.how).toMatch(/no metadata\.namespace, so kubectl's current namespace, taken as default$/);
  });
  it('resolveClusterSettings: a flag beats the manifest; each decided name is an assumption', () => {
    const m = manifest(['name: alluxio-cluster', 'namespace: alx-ns']);
    const derived = resolveClusterSettings(m, 'enterprise', {});
    expect(derived.cluster).toBe('alx-ns-alluxio-cluster');
    expect(derived.assumptions.find((a) => a.setting === 'cluster')?.text).toMatch(
      /^cluster alx-ns-alluxio-cluster derived from m\.yaml .*; --cluster overrides it$/,
    );
    const flagged = resolveClusterSettings(m, 'enterprise', { cluster: 'other' });
    expect([flagged.cluster, flagged.assumptions.some((a) => a.setting === 'cluster')]).toEqual(['other', false]);
    const none = resolveClusterSettings(undefined, 'enterprise', {});
    expect(none.cluster).toBe('DefaultAlluxioCluster');
    expect(none.assumptions.find((a) => a.setting === 'cluster')?.text).toContain('an operator install names it <namespace>-<name>');
  });
});
