import { describe, expect, it } from 'vitest';
import { checkEnoughWorkers, distinctIdentities } from '../../../src/ring/alluxio/worker-selection.js';
import { identityFromHostname, identityToString } from '../../../src/ring/alluxio/identity.js';
import { createPlacement } from '../../../src/ring/registry.js';

// A hostname and the identity string Alluxio derives from it: two spellings of one worker.
const sameAsHostA = identityToString(identityFromHostname('host-a'));

describe('what every Alluxio policy shares', () => {
  it('distinctIdentities names both workers that read as one identity', () => {
    const ids = distinctIdentities([{ id: 'host-a' }, { id: 'host-b' }], 'hostname');
    expect(ids).toHaveLength(2);
    expect(() => distinctIdentities([{ id: 'host-a' }, { id: 'host-b' }, { id: sameAsHostA }], 'auto')).toThrow(
      /workers\[2\]\.id: .*same Alluxio identity as "host-a"/,
    );
  });

  it("checkEnoughWorkers fails in Alluxio's words when more replicas are asked than workers exist", () => {
    expect(() => checkEnoughWorkers(2, 2)).not.toThrow();
    expect(() => checkEnoughWorkers(3, 2)).toThrow(/Not enough workers in the cluster 2 workers in the cluster but 3 required/);
  });

  it.each(['alluxio-consistent', 'alluxio-ketama', 'alluxio-jump', 'alluxio-maglev', 'alluxio-multi-probe', 'alluxio-capacity'])(
    '%s: duplicate identities and too many replicas fail the same way',
    (name) => {
      expect(() => createPlacement(name, [{ id: 'host-a' }, { id: sameAsHostA }])).toThrow(/workers\[1\]\.id: .*same Alluxio identity as "host-a"/);
      const p = createPlacement(name, [{ id: 'host-a' }, { id: 'host-b' }]);
      expect(() => p.locate('k', 3)).toThrow(/Not enough workers in the cluster 2 workers/);
    },
  );
});
