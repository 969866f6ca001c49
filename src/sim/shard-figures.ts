/**
 * What a shard reports for `Merger` to add up: each window as it closes (its counters, its hosts' load, the bytes
 * cached), and at the end of the run per-host totals (this shard's hosts; zeros for the others) and the cluster's
 * final state.
 */
import type { PageStore } from '../pagestore/page-store.js';
import type { Cluster } from './cluster.js';
import type { HostMeter } from './host-meter.js';
import type { WindowCounters } from './window-counters.js';
import type { DirTotals, HostInfo, HostTotals, RawWindow, ShardFinal } from './steps.js';

/** Closes the window of reads `start` … `end` - 1 (the last at `time`) and returns its step. */
export function closedWindow(cluster: Cluster, meter: HostMeter, counters: WindowCounters, start: number, end: number, time: number | null): RawWindow {
  const hosts = cluster.hosts;
  const window: RawWindow = {
    kind: 'window',
    start,
    end,
    time,
    counters: counters.current,
    ...meter.windowLoad(hosts),
    occupied: cluster.totalOccupied(),
    capacity: cluster.totalCapacity(),
    hostRequests: meter.windowRequests(hosts),
  };
  meter.closeWindow(hosts);
  counters.closeWindow(start);
  return window;
}

/** The end of a run of `reads` reads over `files` files, from the cluster and the shard's host meter. */
export function shardFinal(cluster: Cluster, meter: HostMeter, reads: number, files: number): ShardFinal {
  const hosts: HostTotals[] = cluster.hosts.map((h) => {
    const run = meter.runTotals(h.index);
    return {
      owned: h.store !== null,
      present: run.present,
      pageRequests: run.pageRequests,
      bytes: run.bytes,
      hits: run.hits,
      occupiedBytes: h.store ? h.store.occupiedBytes : 0,
      dirs: h.store ? h.store.dirs.map(dirTotals) : [],
    };
  });
  const info: HostInfo[] = cluster.hosts.map((h) => ({
    name: h.name,
    group: h.group.name,
    identity: cluster.identities[h.identity].id,
    state: h.removed ? 'removed' : h.up ? 'online' : 'offline',
    capacityBytes: cluster.storeBytes(h.capacityBytes),
  }));
  const offlineIdentities = cluster.identities.filter((i) => i.registered && !i.online).map((i) => i.id);
  return { reads, files, hosts, info, occupied: cluster.totalOccupied(), capacity: cluster.totalCapacity(), offlineIdentities };
}

/** One directory's figures at the end of a run. */
function dirTotals(d: PageStore): DirTotals {
  const c = d.cache;
  return {
    capacityBytes: d.capacityBytes,
    occupiedBytes: c.occupiedBytes,
    pages: c.objects,
    evictions: c.evictions,
    evictedBytes: c.evictedBytes,
    failedPuts: c.failedInserts,
  };
}
