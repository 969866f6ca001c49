/**
 * The cluster as Alluxio's membership sees it (reference alluxio-placement.md §6): hosts (pods with a page
 * store) and worker identities registered for them. An identity is online while its host runs it; a restart
 * without a persisted identity registers a new identity and leaves the old one registered but offline, until
 * `remove-worker` deletes it. The ring is built from online identities (dynamic) or from every registered one
 * (static).
 */
import { PageStore } from '../pagestore/page-store.js';
import { RingSimError } from '../core/errors.js';
import type { Worker } from '../ring/worker.js';
import { Random } from '../core/random.js';
import type { WorkerGroup } from './scenario.js';

export interface Host {
  index: number;
  name: string;
  group: WorkerGroup;
  store: PageStore;
  /** The pod is running. */
  up: boolean;
  /** Gone for good (scaled in). */
  removed: boolean;
  /** The identity it runs (its latest). */
  identity: number;
}

export interface Identity {
  index: number;
  /** Alluxio identity string, `worker-<uuid>`. */
  id: string;
  host: number;
  online: boolean;
  registered: boolean;
}

export class Cluster {
  readonly hosts: Host[] = [];
  readonly identities: Identity[] = [];
  private readonly rand: Random;
  private readonly groupCounters = new Map<string, number>();

  constructor(seed: number) {
    this.rand = new Random(seed ^ 0x1d);
  }

  addHost(group: WorkerGroup): Host {
    const k = this.groupCounters.get(group.name) ?? 0;
    this.groupCounters.set(group.name, k + 1);
    const host: Host = {
      index: this.hosts.length,
      name: `${group.name}-${k}`,
      group,
      store: new PageStore({ capacityBytes: group.sizeBytes, pageSizeBytes: group.pageSizeBytes, policy: group.policy }),
      up: true,
      removed: false,
      identity: -1,
    };
    this.hosts.push(host);
    this.registerNewIdentity(host);
    return host;
  }

  /** A fresh random identity for `host` (a worker that lost or never had its identity file). */
  registerNewIdentity(host: Host): Identity {
    const identity: Identity = { index: this.identities.length, id: `worker-${this.rand.uuid()}`, host: host.index, online: true, registered: true };
    this.identities.push(identity);
    host.identity = identity.index;
    return identity;
  }

  host(nameOrIndex: string, field: string): Host {
    const h = this.hosts.find((x) => x.name === nameOrIndex) ?? (/^\d+$/.test(nameOrIndex) ? this.hosts[Number(nameOrIndex)] : undefined);
    if (!h) throw new RingSimError(field, nameOrIndex, 'no such worker', `name a worker such as ${this.hosts[0]?.name ?? 'worker-0'}`);
    return h;
  }

  /** The identities on the ring: online ones (dynamic) or every registered one (static), in registration order. */
  ringMembers(mode: 'dynamic' | 'static'): Identity[] {
    return this.identities.filter((i) => i.registered && (mode === 'static' || i.online));
  }

  /** Placement workers for `members`, weighted by page-store capacity (GiB) when asked. */
  placementWorkers(members: readonly Identity[], weightByCapacity: boolean): Worker[] {
    return members.map((m) => {
      const w: Worker = { id: m.id };
      if (weightByCapacity) w.weight = Math.max(this.hosts[m.host].store.capacityBytes, 1) / 2 ** 30;
      return w;
    });
  }

  totalCapacity(): number {
    let c = 0;
    for (const h of this.hosts) if (!h.removed) c += h.store.capacityBytes;
    return c;
  }

  totalOccupied(): number {
    let c = 0;
    for (const h of this.hosts) if (!h.removed) c += h.store.cache.occupiedBytes;
    return c;
  }
}
