import { describe, expect, it } from 'vitest';
import { planPageStore } from '../../src/capacity/pagestore-plan.js';
import { capacityJSON, capacityRows, renderCapacityText } from '../../src/report/capacity.js';

describe('capacity report', () => {
  const plan = planPageStore({ size: '90Gi', reservedSize: '9Gi', disk: '100GB', provider: 'aws', fs: 'ext4', pageSize: '1MB', edition: 'enterprise' });

  it('lists the sizes with exact bytes and both readings, the disk rows when a disk is given', () => {
    const rows = capacityRows(plan);
    expect(rows[0]).toEqual(['size', '96,636,764,160 B (90.00 GiB, 96.64 GB)']);
    expect(rows.map((r) => r[0])).toEqual([
      'size',
      'reservedSize',
      'page size',
      'page data',
      'pages',
      'disk (raw)',
      'ext4: df size',
      'ext4: usable',
      'headroom',
    ]);
  });

  it('the text gives the verdict, the checks with their fix and the model assumptions', () => {
    const text = renderCapacityText(plan);
    expect(text.split('\n')[0]).toBe('page store (enterprise): WILL NOT DEPLOY: see the errors below');
    expect(text).toMatch(/\n {2}ERROR [^\n]+\n {4}fix: /);
    expect(text).toContain('\nassumptions (model):\n  - ');
  });

  it('the JSON is plain data: byte counts as numbers', () => {
    const json = capacityJSON(plan) as { sizeBytes: number };
    expect(json.sizeBytes).toBe(96636764160);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
