import { describe, expect, it } from 'vitest';
import { AlluxioConsistentPlacement } from '../../src/ring/alluxio/consistent.js';
import {
  identityFromHostname,
  identityFromJSON,
  identityHex,
  identityJavaHashCode,
  identityToString,
  parseIdentityString,
  resolveIdentity,
} from '../../src/ring/alluxio/identity.js';
import { RingSimError } from '../../src/core/errors.js';
import { sharedJSON, type IdentityJSON } from '../shared.js';

const hostnames = sharedJSON<string[]>('alluxio-vectors/workerHostnames.json');
const workerList = sharedJSON<IdentityJSON[]>('alluxio-vectors/workerList.json');
const activeNodes = sharedJSON<Record<string, IdentityJSON>>('alluxio-vectors/activeNodesMap.json');
const fileUrlWorkers = sharedJSON<Record<string, IdentityJSON[]>>('alluxio-vectors/fileUrlWorkers.json');

const asId = (j: IdentityJSON): string => identityToString(identityFromJSON(j));

describe('Alluxio worker identities', () => {
  it('turns the 50 hostnames into the 50 identities of workerList.json (UUIDv3 of the hostname)', () => {
    const fromHosts = hostnames.map((h) => identityHex(identityFromHostname(h))).sort();
    const listed = workerList.map((w) => w.identifier).sort();
    expect(fromHosts).toEqual(listed);
    expect(workerList.every((w) => w.version === 1)).toBe(true);
  });

  it('parses worker-<uuid> and worker-<long> as Alluxio does, and prints them back', () => {
    const v1 = parseIdentityString('worker-123e4567-e89b-12d3-a456-426614174000');
    expect(v1?.version).toBe(1);
    expect(identityHex(v1!)).toBe('123e4567e89b12d3a456426614174000');
    expect(identityToString(v1!)).toBe('worker-123e4567-e89b-12d3-a456-426614174000');
    const upper = parseIdentityString('worker-123E4567-E89B-12D3-A456-426614174000');
    expect(identityToString(upper!)).toBe('worker-123e4567-e89b-12d3-a456-426614174000');
    const v0 = parseIdentityString('worker-1');
    expect(v0?.version).toBe(0);
    expect([...v0!.identifier]).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(identityToString(parseIdentityString('worker--2')!)).toBe('worker--2');
    expect(identityToString(parseIdentityString('worker-+7')!)).toBe('worker-7');
    // Java UUID.fromString accepts short fields and masks them.
    expect(identityToString(parseIdentityString('worker-1-2-3-4-5')!)).toBe('worker-00000001-0002-0003-0004-000000000005');
    // Not identities: fall back to hostnames in auto mode.
    expect(parseIdentityString('worker-fmvjygixyt-8993')).toBeNull();
    expect(parseIdentityString('worker-9223372036854775808')).toBeNull();
    expect(parseIdentityString('worker-')).toBeNull();
    expect(parseIdentityString('host-1')).toBeNull();
    expect(() => resolveIdentity('host-1', 'identity')).toThrow(RingSimError);
    expect(identityHex(resolveIdentity('worker-1', 'hostname'))).toBe(identityHex(identityFromHostname('worker-1')));
  });

  it('computes Java hashCode over signed bytes', () => {
    // Arrays.hashCode([0,0,0,0,0,0,0,1]) = 31^8 + 1 (int32), then * 31 + version.
    let h = 1;
    for (const b of [0, 0, 0, 0, 0, 0, 0, 1]) h = (Math.imul(31, h) + b) | 0;
    expect(identityJavaHashCode(parseIdentityString('worker-1')!)).toBe(Math.imul(h, 31) | 0);
    const neg = identityFromJSON({ version: 1, identifier: 'ff'.repeat(16) });
    let g = 1;
    for (let i = 0; i < 16; i++) g = (Math.imul(31, g) - 1) | 0;
    expect(identityJavaHashCode(neg)).toBe((Math.imul(g, 31) + 1) | 0);
  });
});

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
    const fromList = new AlluxioConsistentPlacement(workerList.map((w) => ({ id: asId(w) })), { vnodes: 5 });
    expect(fromList.ringPoints()).toEqual(expected);
    const fromHosts = new AlluxioConsistentPlacement(hostnames.map((h) => ({ id: h })), { vnodes: 5 });
    const byHost = new Map(hostnames.map((h) => [h, identityToString(identityFromHostname(h))]));
    expect(fromHosts.ringPoints().map((e) => ({ point: e.point, worker: byHost.get(e.worker) }))).toEqual(expected);
  });

  it('returns the 21 ordered worker lists of fileUrlWorkers.json', () => {
    const p = new AlluxioConsistentPlacement(workerList.map((w) => ({ id: asId(w) })), { vnodes: 5 });
    const hostP = new AlluxioConsistentPlacement(hostnames.map((h) => ({ id: h })), { vnodes: 5 });
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
    expect(() => new AlluxioConsistentPlacement(two, { vnodes: 9_000_000 })).toThrow(/16777216 ring points/);
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
