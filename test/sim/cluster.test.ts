import { describe, expect, it } from 'vitest';
import { Cluster, setCapacityDetail } from '../../src/sim/cluster.js';
import type { WorkerGroup } from '../../src/sim/scenario.js';

const MiB = 2 ** 20;
const group = (o: Partial<WorkerGroup> = {}): WorkerGroup => ({ name: 'w', count: 3, sizeBytes: 64 * MiB, reservedBytes: 0, pageSizeBytes: MiB, policy: 'lru', persistentIdentity: false, persistentPageStore: true, ...o });

function cluster(n = 3, g = group(), stores: ConstructorParameters<typeof Cluster>[1] = undefined): Cluster {
  const c = new Cluster(1, stores);
  c.addWorkers(g, n);
  return c;
}

const ids = (c: Cluster, mode: 'dynamic' | 'static'): string[] => c.ringMembers(mode).map((i) => i.id);

describe('Cluster: membership as Alluxio keeps it', () => {
  it('names hosts by group and gives each a random identity, the same for a seed', () => {
    const c = cluster(3);
    expect(c.hosts.map((h) => h.name)).toEqual(['w-0', 'w-1', 'w-2']);
    for (const i of c.identities) expect(i.id).toMatch(/^worker-[0-9a-f-]{36}$/);
    expect(cluster(3).identities.map((i) => i.id)).toEqual(c.identities.map((i) => i.id));
    expect(c.host('1', 'events[0].worker')).toBe(c.hosts[1]);
    expect(() => c.host('w-9', 'events[0].worker')).toThrow('events[0].worker: no such worker (got "w-9"); name a worker such as w-0');
  });

  it('a stopped worker leaves the dynamic ring but stays on the static one', () => {
    const c = cluster(3);
    const e = c.stopWorker('w-1', 'f');
    expect(e).toEqual({ detail: 'w-1 is down', lost: [], evictedBytes: 0 });
    expect(ids(c, 'dynamic')).toEqual([c.identities[0].id, c.identities[2].id]);
    expect(ids(c, 'static')).toHaveLength(3);
    expect(() => c.stopWorker('w-1', 'f')).toThrow(/is not running/);
  });

  it('a restart without a persisted identity registers a new one and leaves the old one offline (ring bloat)', () => {
    const c = cluster(2);
    const old = c.identities[0].id;
    const e = c.startWorker('w-0', 'f', true);
    expect(c.identities).toHaveLength(3);
    expect(e.detail).toBe(`w-0 registered a new identity ${c.identities[2].id}; ${old} stays registered, offline; page store kept`);
    expect(ids(c, 'dynamic')).toEqual([c.identities[1].id, c.identities[2].id]);
    expect(ids(c, 'static')).toEqual([old, c.identities[1].id, c.identities[2].id]);
    // remove-worker deletes the offline identity; a running one cannot be removed.
    expect(() => c.removeWorker(c.identities[2].id, 'f')).toThrow(/Can't remove running worker/);
    expect(c.removeWorker(old, 'f').detail).toBe(`removed ${old}`);
    expect(ids(c, 'static')).toEqual(ids(c, 'dynamic'));
  });

  it('keeps identity and page store when the group persists them, or when the event says so', () => {
    const c = cluster(2, group({ persistentIdentity: true, persistentPageStore: false }));
    const e = c.startWorker('w-1', 'f', true);
    expect(e.detail).toBe(`w-1 kept ${c.identities[1].id}; page store lost`);
    expect(e.lost).toEqual([c.hosts[1]]);
    expect(c.identities).toHaveLength(2);
    c.stopWorker('w-0', 'f');
    expect(c.startWorker('w-0', 'f', false, { identity: false, pageStore: true }).lost).toEqual([]);
    expect(c.identities).toHaveLength(3);
    expect(() => c.startWorker('w-0', 'f', false)).toThrow(/is already running/);
  });

  it('scale-in removes the host for good; its identity stays registered, offline', () => {
    const c = cluster(3);
    const e = c.scaleIn('w-2', 'f');
    expect(e.lost).toEqual([c.hosts[2]]);
    expect(ids(c, 'dynamic')).toHaveLength(2);
    expect(ids(c, 'static')).toHaveLength(3);
    expect(() => c.startWorker('w-2', 'f', false)).toThrow(/was scaled in/);
    expect(() => c.scaleIn('w-2', 'f')).toThrow(/already scaled in/);
    expect(c.removeWorker('w-2', 'f').detail).toBe(`removed ${c.identities[2].id}`);
  });
});

describe('Cluster: page stores and capacity', () => {
  it('weights placement workers by capacity in GiB when asked', () => {
    const c = cluster(1, group({ sizeBytes: 2 * 2 ** 30 }));
    expect(c.placementWorkers(c.ringMembers('dynamic'), true)).toEqual([{ id: c.identities[0].id, weight: 2 }]);
    expect(c.placementWorkers(c.ringMembers('dynamic'), false)).toEqual([{ id: c.identities[0].id }]);
  });

  it('set-capacity resizes the page store and says what it evicted', () => {
    const c = cluster(1);
    const store = c.hosts[0].store!;
    for (let f = 0; f < 10; f++) store.readFile(f, 4 * MiB);
    expect(c.totalOccupied()).toBe(40 * MiB);
    const e = c.setCapacity('w-0', 'f', 16 * MiB);
    expect(e).toEqual({ detail: setCapacityDetail('w-0', 16 * MiB, 24 * MiB), lost: [], evictedBytes: 24 * MiB });
    expect(e.detail).toBe(`w-0 page store now ${16 * MiB} B (${24 * MiB} B evicted)`);
    expect(c.totalCapacity()).toBe(16 * MiB);
  });

  it('a shard holds the page stores of its hosts only; capacity counts every host, scaled as asked', () => {
    const c = new Cluster(1, { shard: 1, shards: 2 }, (b) => b / 4);
    c.addWorkers(group(), 4);
    expect(c.hosts.map((h) => h.store !== null)).toEqual([false, true, false, true]);
    expect(c.hosts[1].store!.capacityBytes).toBe(16 * MiB);
    expect(c.totalCapacity()).toBe(64 * MiB);
    expect(new Cluster(1, null).owns(0)).toBe(false);
  });
});
