/**
 * A manifest without pagestore.reservedSize, through the built CLI: Enterprise plans the operator's default
 * reserve, min(10 % of size, 100Gi), counts it against --disk and prints it as an assumption with its source.
 */
import { describe, expect, it } from 'vitest';
import { builtCli, tempFile } from './helpers.js';

const GiB = 2 ** 30;
const manifest = (size: string): string =>
  tempFile(
    `no-reserved-${size}.yaml`,
    [
      'apiVersion: k8s-operator.alluxio.com/v1',
      'kind: AlluxioCluster',
      'metadata: {name: c}',
      'spec:',
      '  worker:',
      '    count: 2',
      `    pagestore: {size: ${size}}`,
      '',
    ].join('\n'),
  );

describe('plan: reservedSize absent (built CLI)', () => {
  it('plans min(10 % of size, 100Gi) and says so in text and --json', () => {
    const small = builtCli(['plan', manifest('90Gi'), '--json']);
    const s = JSON.parse(small.stdout) as { workers: Array<{ reservedBytes: number }>; assumptions: string[] };
    expect(s.workers.map((w) => w.reservedBytes)).toEqual([9 * GiB, 9 * GiB]);
    expect(s.assumptions).toContainEqual(expect.stringMatching(/^reservedSize not set: 9\.00 GiB, the operator's default .*min\(10 % of size, 100Gi\)/));
    const large = builtCli(['plan', manifest('2000Gi'), '--disk', '2048GB', '--provider', 'aws']);
    expect(large.stdout).toMatch(/size \+ reservedSize = 2\.05 TiB exceeds/); // 2000Gi + the 100Gi cap
    expect(large.stdout).toMatch(/- reservedSize not set: 100\.00 GiB, the operator's default/);
    expect(large.stdout).not.toMatch(/no reservedSize/);
  });
});
