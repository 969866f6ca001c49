/**
 * The cluster as Alluxio's membership sees it (reference alluxio-placement.md §6): hosts (pods with a page
 * store) and worker identities registered for them. An identity is online while its host runs it; a restart
 * without a persisted identity registers a new identity and leaves the old one registered but offline, until
 * `remove-worker` deletes it. The ring is built from online identities (dynamic) or from every registered one
 * (static).
 *
 * The scenario's events are methods of the cluster: each changes membership and page stores the way Alluxio
 * does and says what it did. A cluster may hold the page stores of some hosts only (a shard of a simulation
 * split over threads): the others' stores are null, and everything else (membership, capacities) is the same
 * in every shard.
 *
 * Restart and the page store (Alluxio's restore, `LocalCacheManager.restoreOrInit`/`restore`/`addPageToDir` and
 * `LocalPageStoreDir.scanPages`, core/client/fs/src/main/java/alluxio/client/file/cache/): a worker that starts
 * scans each directory and keeps the page files under its current page size (and bucket count) while they fit
 * the directory, deleting the others. A page's key is its file id and index, never the worker's identity, so the
 * pages survive a restart under a new identity and serve whatever keys the new identity owns. Here: a persistent
 * page store keeps every page across a restart (they fit: a directory's size does not change across one), unless
 * `set-page-size` changed the page size since the pages were written, which drops them all (exact). The order the
 * evictor holds restored pages in is Alluxio's file-system walk order, which the file system decides; ring-sim
 * keeps the order from before the restart (model).
 */
import { PageStoreDirs } from '../pagestore/page-store-dirs.js';
import { RingSimError } from '../core/errors.js';
import { formatBinary } from '../core/units.js';
import type { Worker } from '../ring/worker.js';
import { Random } from '../core/random.js';
import type { WorkerGroup } from './scenario.js';
import type { RingMode } from '../membership/membership.js';

export interface Host {
  index: number;
  name: string;
  group: WorkerGroup;
  /** The host's page store (its directories), or null when another shard holds it. */
  store: PageStoreDirs | null;
  capacityBytes: number;
  /** The page size the worker runs with (its page store's). */
  pageSizeBytes: number;
  /** The page size its configuration says, taken at its next start (`set-page-size`). */
  nextPageSizeBytes: number;
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

/** What an event did: a line for the report, the hosts whose page store it loses, and bytes it evicted here. */
export interface EventEffect {
  detail: string;
  lost: Host[];
  evictedBytes: number;
}

/** Which hosts' page stores a cluster holds: host h belongs to shard h mod shards. */
export interface ShardSpec {
  shard: number;
  shards: number;
}

export class Cluster {
  readonly hosts: Host[] = [];
  readonly identities: Identity[] = [];
  private readonly rand: Random;
  private readonly groupCounters = new Map<string, number>();

  /**
   * `storeBytes` maps a worker's page-store size to the size of its simulated store (a sampled run scales it by
   * the sampling rate; placement weights keep the full size).
   */
  constructor(
    seed: number,
    readonly stores: ShardSpec | null = { shard: 0, shards: 1 },
    readonly storeBytes: (bytes: number) => number = (b) => b,
  ) {
    this.rand = new Random(seed ^ 0x1d);
  }

  /** Whether this cluster holds host `index`'s page store (null `stores`: none, as a router that only routes). */
  owns(index: number): boolean {
    return this.stores !== null && index % this.stores.shards === this.stores.shard;
  }

  addHost(group: WorkerGroup): Host {
    const k = this.groupCounters.get(group.name) ?? 0;
    this.groupCounters.set(group.name, k + 1);
    const index = this.hosts.length;
    const host: Host = {
      index,
      name: `${group.name}-${k}`,
      group,
      store: this.owns(index)
        ? new PageStoreDirs({
            dirs: group.dirs.map((d) => ({ capacityBytes: this.storeBytes(d) })),
            pageSizeBytes: group.pageSizeBytes,
            policy: group.policy,
            evictionRetries: group.evictionRetries,
          })
        : null,
      capacityBytes: group.sizeBytes,
      pageSizeBytes: group.pageSizeBytes,
      nextPageSizeBytes: group.pageSizeBytes,
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
  ringMembers(mode: RingMode): Identity[] {
    return this.identities.filter((i) => i.registered && (mode === 'static' || i.online));
  }

  /** Placement workers for `members`, weighted by page-store capacity (GiB) when asked. */
  placementWorkers(members: readonly Identity[], weightByCapacity: boolean): Worker[] {
    return members.map((m) => {
      const w: Worker = { id: m.id };
      if (weightByCapacity) w.weight = Math.max(this.hosts[m.host].capacityBytes, 1) / 2 ** 30;
      return w;
    });
  }

  /** Bytes the simulated page stores hold at most (all hosts, whichever shard holds them). */
  totalCapacity(): number {
    let c = 0;
    for (const h of this.hosts) if (!h.removed) c += this.storeBytes(h.capacityBytes);
    return c;
  }

  /** Bytes cached in the page stores this shard holds. */
  totalOccupied(): number {
    let c = 0;
    for (const h of this.hosts) if (!h.removed && h.store) c += h.store.occupiedBytes;
    return c;
  }

  // Events.

  addWorkers(group: WorkerGroup, count: number): EventEffect {
    const added = Array.from({ length: count }, () => this.addHost(group));
    return { detail: `added ${added.map((h) => h.name).join(', ')}`, lost: [], evictedBytes: 0 };
  }

  scaleIn(worker: string, field: string): EventEffect {
    const h = this.host(worker, field);
    if (h.removed) throw new RingSimError(field, worker, 'already scaled in', 'name a running worker');
    h.up = false;
    h.removed = true;
    this.identities[h.identity].online = false;
    return { detail: `${h.name} (${this.identities[h.identity].id}) left; its identity stays registered, offline`, lost: [h], evictedBytes: 0 };
  }

  stopWorker(worker: string, field: string): EventEffect {
    const h = this.host(worker, field);
    if (!h.up) throw new RingSimError(field, worker, 'is not running', 'stop a running worker');
    h.up = false;
    this.identities[h.identity].online = false;
    return { detail: `${h.name} is down`, lost: [], evictedBytes: 0 };
  }

  /**
   * Starts a stopped worker (`restart` false) or restarts a running one. It keeps its identity and page store
   * when asked, else as its group persists them.
   */
  startWorker(worker: string, field: string, restart: boolean, keep: { identity?: boolean; pageStore?: boolean } = {}): EventEffect {
    const h = this.host(worker, field);
    if (h.removed) throw new RingSimError(field, worker, 'was scaled in', 'add a worker instead');
    if (!restart && h.up) throw new RingSimError(field, worker, 'is already running', 'stop it first, or use restart-worker');
    if (restart && !h.up) throw new RingSimError(field, worker, 'is not running', 'use start-worker');
    const keepIdentity = keep.identity ?? h.group.persistentIdentity;
    const survives = keep.pageStore ?? h.group.persistentPageStore;
    const oldPageSize = h.pageSizeBytes;
    h.pageSizeBytes = h.nextPageSizeBytes;
    const keepPages = survives && h.pageSizeBytes === oldPageSize;
    const old = this.identities[h.identity];
    if (keepIdentity) {
      old.online = true;
    } else {
      old.online = false;
      this.registerNewIdentity(h);
    }
    h.up = true;
    const pages = keepPages
      ? 'kept'
      : survives
        ? `dropped: page size ${formatBinary(h.pageSizeBytes)}, was ${formatBinary(oldPageSize)} (restore keeps only pages of the current page size)`
        : 'lost';
    const detail = `${h.name} ${keepIdentity ? `kept ${old.id}` : `registered a new identity ${this.identities[h.identity].id}; ${old.id} stays registered, offline`}; page store ${pages}`;
    return { detail, lost: keepPages ? [] : [h], evictedBytes: 0 };
  }

  /**
   * Changes the worker's configured page size (`alluxio.worker.page.store.page.size`); it runs with it from its
   * next start, which drops every cached page (Alluxio restores only pages of the current page size).
   */
  setPageSize(worker: string, field: string, pageSizeBytes: number): EventEffect {
    const h = this.host(worker, field);
    if (h.removed) throw new RingSimError(field, worker, 'was scaled in', 'name a worker that still runs');
    h.nextPageSizeBytes = pageSizeBytes;
    const change =
      pageSizeBytes === h.pageSizeBytes
        ? 'the page size it runs with: its next restart keeps its pages'
        : `its page store is dropped at its next start (it runs with ${formatBinary(h.pageSizeBytes)} until then)`;
    return { detail: `${h.name} page size set to ${formatBinary(pageSizeBytes)}, ${change}`, lost: [], evictedBytes: 0 };
  }

  /** Empties a lost page store, in the page size the worker now runs with. */
  dropPages(h: Host): void {
    if (!h.store) return;
    if (h.store.pageSizeBytes === h.pageSizeBytes) h.store.clear();
    else h.store.reformat(h.pageSizeBytes);
  }

  /** Alluxio's `remove-worker`: deletes an offline identity, or every offline identity of a host. */
  removeWorker(worker: string, field: string): EventEffect {
    const targets = this.identities.filter((i) => i.registered && (i.id === worker || this.hosts[i.host].name === worker) && !i.online);
    const running = this.identities.find((i) => i.registered && i.online && i.id === worker);
    if (running) throw new RingSimError(field, worker, `Can't remove running worker`, 'stop the worker before removing it');
    if (targets.length === 0)
      throw new RingSimError(
        field,
        worker,
        'no offline identity of that name or host',
        'remove-worker takes an offline identity (worker-<uuid>) or the host whose old identities to remove',
      );
    for (const t of targets) t.registered = false;
    return { detail: `removed ${targets.map((t) => t.id).join(', ')}`, lost: [], evictedBytes: 0 };
  }

  setCapacity(worker: string, field: string, sizeBytes: number): EventEffect {
    const h = this.host(worker, field);
    if (h.group.dirs.length > 1)
      throw new RingSimError(
        field.replace(/\.worker$/, '.size'),
        sizeBytes,
        `${h.name} has ${h.group.dirs.length} page-store directories, and set-capacity resizing several is not modelled`,
        'give the group one directory (pagestore.size), or drop the event',
      );
    let evictedBytes = 0;
    if (h.store) {
      const dir = h.store.dirs[0];
      const before = dir.cache.occupiedBytes;
      dir.resize(this.storeBytes(sizeBytes));
      evictedBytes = before - dir.cache.occupiedBytes;
    }
    h.capacityBytes = sizeBytes;
    return { detail: setCapacityDetail(h.name, sizeBytes, evictedBytes), lost: [], evictedBytes };
  }
}

/** The report line of a set-capacity event (evicted bytes summed over shards). */
export function setCapacityDetail(name: string, sizeBytes: number, evictedBytes: number): string {
  return `${name} page store now ${sizeBytes} B (${evictedBytes} B evicted)`;
}
