/**
 * What an event makes unreachable in a shard's page stores: cached bytes a client reached before the event (on the
 * host that served their file) and cannot after. Measured on the placements of the membership before and after,
 * with the page-store sizes as they are; a store shard keeps the last two (building a ring is costly).
 */
import type { Placement } from '../ring/placement.js';
import type { Cluster, Host, Identity } from './cluster.js';
import { buildPlacement, requireMembers } from './client-router.js';
import type { Scenario } from './scenario.js';
import type { Workload } from './workload/workload.js';

/** Who served what before an event, taken before it changes the cluster (online flags, capacities). */
export interface MembershipBefore {
  members: readonly Identity[];
  online: readonly boolean[];
  /** Null in a shard that holds no page store: nothing to measure. */
  placement: Placement | null;
}

/** A ring over `members`, built with their page-store sizes `weights` (empty: not weighted by capacity). */
interface StorePlacement {
  members: Identity[];
  weights: number[];
  placement: Placement;
}

export class Reachability {
  private placements: StorePlacement[] = [];

  /** `holdsStores`: the shard holds page stores (else it measures nothing). */
  constructor(
    private readonly scenario: Scenario,
    private readonly cluster: Cluster,
    private readonly workload: Workload,
    private readonly holdsStores: boolean,
  ) {}

  /** The membership `members` as it is now, to measure an event against once it has happened. */
  snapshot(members: Identity[]): MembershipBefore {
    return { members, online: members.map((m) => m.online), placement: this.holdsStores ? this.storePlacement(members) : null };
  }

  /**
   * Cached bytes (in this shard's page stores) that an event makes unreachable from cache: pages a client reached
   * before it (on the host that served their file under `before`) that it cannot under `members` (the host lost its
   * page store, `lostHosts`, or the file is served elsewhere now). Pages already unreachable before (left by an
   * earlier event) are not counted again, so an event never counts more than one copy of each file: at most the
   * data set.
   */
  unreachableBytes(before: MembershipBefore, members: readonly Identity[], lostHosts: readonly Host[]): number {
    requireMembers(members);
    const pb = before.placement;
    if (pb === null) return 0;
    const pa = this.storePlacement(members);
    const catalog = this.workload.catalog;
    const servedBefore = new Map<number, number>();
    const servedAfter = new Map<number, number>();
    let bytes = 0;
    for (const host of this.cluster.hosts) {
      if (!host.store || (host.removed && !lostHosts.includes(host))) continue;
      const lost = lostHosts.includes(host);
      const visit = (file: number, _page: number, size: number): void => {
        let b = servedBefore.get(file);
        if (b === undefined) {
          b = this.servingHost(pb, before.members, (i) => before.online[i], catalog.path(file));
          servedBefore.set(file, b);
        }
        if (b !== host.index) return; // not reachable before this event
        if (!lost) {
          let a = servedAfter.get(file);
          if (a === undefined) {
            a = this.servingHost(pa, members, (i) => members[i].online, catalog.path(file));
            servedAfter.set(file, a);
          }
          if (a === host.index) return;
        }
        bytes += size;
      };
      for (const dir of host.store.dirs) dir.cache.forEach(visit);
    }
    return bytes;
  }

  /**
   * The host that serves `path` on `placement` over `members` (whose identity `i` is online when `online(i)`):
   * the preferred worker, else with `replicas` R the first online of the R, else -1 (the under-storage).
   */
  private servingHost(placement: Placement, members: readonly Identity[], online: (i: number) => boolean, path: string): number {
    const w = placement.locateIndex(path);
    if (online(w)) return members[w].host;
    const replicas = this.scenario.placement.replicas;
    if (replicas > 1) {
      for (const id of placement.locate(path, Math.min(replicas, members.length))) {
        const i = members.findIndex((x) => x.id === id);
        if (online(i)) return members[i].host;
      }
    }
    return -1;
  }

  /**
   * The placement over `members` (with their page-store sizes as they are now) reachability is measured on; the
   * last two are kept (an event's after is the next one's before).
   */
  private storePlacement(members: readonly Identity[]): Placement {
    const weights = this.scenario.placement.weightByCapacity ? members.map((m) => this.cluster.hosts[m.host].capacityBytes) : [];
    const same = (p: StorePlacement): boolean =>
      p.members.length === members.length && p.members.every((x, i) => x === members[i]) && p.weights.every((w, i) => w === weights[i]);
    const hit = this.placements.find(same);
    if (hit) return hit.placement;
    const placement = buildPlacement(this.scenario, this.cluster, members);
    const last = this.placements[this.placements.length - 1];
    this.placements = last ? [last, { members: members.slice(), weights, placement }] : [{ members: members.slice(), weights, placement }];
    return placement;
  }
}
