import { describe, expect, it } from 'vitest';
import { AlluxioConsistentPlacement } from '../../../src/ring/alluxio/consistent.js';
import { identityFromHostname, identityFromJSON, identityToString } from '../../../src/ring/alluxio/identity.js';
import { sharedJSON, type IdentityJSON } from '../../shared.js';

const hostnames = sharedJSON<string[]>('alluxio-vectors/workerHostnames.json');

const workerList = sharedJSON<IdentityJSON[]>('alluxio-vectors/workerList.json');

const activeNodes = sharedJSON<Record<string, IdentityJSON>>('alluxio-vectors/activeNodesMap.json');

const fileUrlWorkers = sharedJSON<Record<string, IdentityJSON[]>>('alluxio-vectors/fileUrlWorkers.json');

const asId = (j: IdentityJSON): string => identityToString(identityFromJSON(j));

describe('alluxio-consistent', () => {
  it('reproduces the worked example of ConsistentHashPolicyTest (reference §4.9)', () => {
    const p = new AlluxioConsistentPlacement([{ id: 'worker-1' }, { id: 'worker-2' }], { vnodes: 5 });
    expect(p.ringPoints()).toEqual([
      { point: -2050017323, worker: 'worker-1' },
      { point: -1626852811, worker: 'worker-1' },
      { point: -1624986124, worker: 'worker-1' },
      { point: -1530458407, worker: 'worker-1' },
      { point: 104398559, worker: 'worker-2' },
      { point: 356983278, worker: 'worker-1' },
      { point: 848153987, worker: 'worker-2' },
      { point: 898388050, worker: 'worker-2' },
      { point: 1377387195, worker: 'worker-2' },
      { point: 1545227489, worker: 'worker-2' },
    ]);
    expect(p.locate('hdfs://a/b/c', 2)).toEqual(['worker-2', 'worker-1']);
  });

  it('builds exactly the 250-point ring of activeNodesMap.json, from hostnames and from identities', () => {
    const expected = Object.entries(activeNodes)
      .map(([point, id]) => ({ point: Number(point), worker: asId(id) }))
      .sort((a, b) => a.point - b.point);
    const fromList = new AlluxioConsistentPlacement(
      workerList.map((w) => ({ id: asId(w) })),
      { vnodes: 5 },
    );
    expect(fromList.ringPoints()).toEqual(expected);
    const fromHosts = new AlluxioConsistentPlacement(
      hostnames.map((h) => ({ id: h })),
      { vnodes: 5 },
    );
    const byHost = new Map(hostnames.map((h) => [h, identityToString(identityFromHostname(h))]));
    expect(fromHosts.ringPoints().map((e) => ({ point: e.point, worker: byHost.get(e.worker) }))).toEqual(expected);
  });

  it('returns the 21 ordered worker lists of fileUrlWorkers.json', () => {
    const p = new AlluxioConsistentPlacement(
      workerList.map((w) => ({ id: asId(w) })),
      { vnodes: 5 },
    );
    const hostP = new AlluxioConsistentPlacement(
      hostnames.map((h) => ({ id: h })),
      { vnodes: 5 },
    );
    const byHost = new Map(hostnames.map((h) => [h, identityToString(identityFromHostname(h))]));
    const urls = Object.keys(fileUrlWorkers);
    expect(urls.length).toBe(21);
    for (const url of urls) {
      const expected = fileUrlWorkers[url].map(asId);
      expect(p.locate(url, 5)).toEqual(expected);
      expect(hostP.locate(url, 5).map((h) => byHost.get(h))).toEqual(expected);
      expect(p.workers[p.locateIndex(url)].id).toBe(expected[0]);
    }
  });

  it('lets the later worker win an exactly equal point, in the order given or sorted', () => {
    // Two ids cannot collide by chance in a test, so check the rule on the ring directly: the same worker
    // list in two orders gives the same owners when no point is shared.
    const ids = workerList.map((w) => ({ id: asId(w) }));
    const a = new AlluxioConsistentPlacement(ids, { vnodes: 50 });
    const b = new AlluxioConsistentPlacement([...ids].reverse(), { vnodes: 50 });
    expect(b.ringPoints()).toEqual(a.ringPoints());
    const sorted = new AlluxioConsistentPlacement([...ids].reverse(), { vnodes: 50, workerOrder: 'sorted' });
    expect(sorted.ringPoints()).toEqual(a.ringPoints());
  });

  it('rejects bad input with a clear error', () => {
    const two = [{ id: 'worker-1' }, { id: 'worker-2' }];
    expect(() => new AlluxioConsistentPlacement(two, { vnodes: 0 })).toThrow(/vnodes.*whole number from 1/);
    expect(() => new AlluxioConsistentPlacement(two, { vnodes: 17_000_000 })).toThrow(/33554432 ring points/);
    expect(() => new AlluxioConsistentPlacement(two).locate('k', 3)).toThrow(/Not enough workers in the cluster 2 workers in the cluster but 3 required/);
    expect(() => new AlluxioConsistentPlacement([{ id: 'worker-1' }, { id: 'worker-+1' }])).toThrow(/same Alluxio identity/);
    expect(() => new AlluxioConsistentPlacement([])).toThrow(/empty/);
    expect(() => new AlluxioConsistentPlacement([{ id: 'a' }, { id: 'a' }])).toThrow(/duplicate worker id/);
  });

  it('fails like Alluxio when 100 attempts do not find enough distinct workers', () => {
    // One worker with 1 vnode and one with 1 vnode: 2 replicas are found quickly; force a miss with maxAttempts 1.
    const p = new AlluxioConsistentPlacement([{ id: 'worker-1' }, { id: 'worker-2' }], { vnodes: 5, maxAttempts: 1 });
    expect(() => p.locate('hdfs://a/b/c', 2)).toThrow(/found 1 workers .* but 2 are required/);
  });
});
