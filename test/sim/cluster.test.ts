import { describe, expect, it } from 'vitest';
import { Cluster, setCapacityDetail } from '../../src/sim/cluster.js';
import type { WorkerGroup } from '../../src/sim/scenario.js';

const MiB = 2 ** 20;
const group = (o: Partial<WorkerGroup> = {}): WorkerGroup => ({
  name: 'w',
  count: 3,
  sizeBytes: 64 * MiB,
  dirs: [64 * MiB],
  reservedBytes: 0,
  pageSizeBytes: MiB,
  policy: 'lru',
  evictionRetries: 10,
  persistentIdentity: false,
  persistentPageStore: true,
  ...o,
});

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
    for (let f = 0; f < 10; f++) store.readFile(0, f, 4 * MiB);
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

  it('gives each directory its size, and set-capacity refuses a worker with several', () => {
    const c = cluster(1, group({ dirs: [10 * MiB, 6 * MiB], sizeBytes: 16 * MiB }));
    expect(c.hosts[0].store!.dirs.map((d) => d.capacityBytes)).toEqual([10 * MiB, 6 * MiB]);
    expect(() => c.setCapacity('w-0', 'events[2].worker', MiB)).toThrow(/^events\[2\]\.size: w-0 has 2 page-store directories/);
  });
});

describe('Cluster: restore on restart (Alluxio keeps the pages of the current page size)', () => {
  const fill = (c: Cluster): void => {
    for (let f = 0; f < 4; f++) c.hosts[0].store!.readFile(0, f, 2 * MiB);
  };

  it('a persistent page store keeps its pages across a restart, also under a new identity', () => {
    const c = cluster(1, group({ persistentIdentity: false }));
    fill(c);
    const e = c.startWorker('w-0', 'f', true);
    expect(e.lost).toEqual([]);
    expect(e.detail).toMatch(/registered a new identity .*; page store kept$/);
    expect(c.totalOccupied()).toBe(8 * MiB);
  });

  it('set-page-size takes effect at the next start: a surviving page store is dropped and reads in the new size', () => {
    const c = cluster(2);
    fill(c);
    const set = c.setPageSize('w-0', 'f', 4 * MiB);
    expect(set).toEqual({
      detail: 'w-0 page size set to 4.00 MiB, its page store is dropped at its next start (it runs with 1.00 MiB until then)',
      lost: [],
      evictedBytes: 0,
    });
    expect(c.hosts[0].store!.pageSizeBytes).toBe(MiB); // still running with the old size
    expect(c.totalOccupied()).toBe(8 * MiB);
    const e = c.startWorker('w-0', 'f', true, { identity: true });
    expect(e.detail).toBe(
      `w-0 kept ${c.identities[0].id}; page store dropped: page size 4.00 MiB, was 1.00 MiB (restore keeps only pages of the current page size)`,
    );
    expect(e.lost).toEqual([c.hosts[0]]);
    c.dropPages(c.hosts[0]);
    expect(c.hosts[0].store!.pageSizeBytes).toBe(4 * MiB);
    expect(c.totalOccupied()).toBe(0);
    // The next restart, with the page size unchanged, keeps the pages again; the other worker was never touched.
    c.hosts[0].store!.readFile(0, 9, 8 * MiB);
    expect(c.startWorker('w-0', 'f', true).lost).toEqual([]);
    expect(c.hosts[1].store!.pageSizeBytes).toBe(MiB);
    // Setting the size it runs with changes nothing.
    expect(c.setPageSize('w-0', 'f', 4 * MiB).detail).toBe('w-0 page size set to 4.00 MiB, the page size it runs with: its next restart keeps its pages');
    expect(c.startWorker('w-0', 'f', true).lost).toEqual([]);
  });

  it('an emptyDir page store is lost either way, and takes the new page size', () => {
    const c = cluster(1, group({ persistentPageStore: false }));
    fill(c);
    c.setPageSize('w-0', 'f', 2 * MiB);
    const e = c.startWorker('w-0', 'f', true);
    expect(e.detail).toMatch(/page store lost$/);
    c.dropPages(c.hosts[0]);
    expect(c.hosts[0].store!.pageSizeBytes).toBe(2 * MiB);
  });
});
