/**
 * A shard's per-host meter: page requests, bytes and page hits each host's page store served, in the current window
 * and over the run, and which hosts were present (online at some read) in the window and in the run. Arrays indexed
 * by host, grown as workers are added.
 */
import { grown, grownCapacity } from '../core/typed-arrays.js';
import type { Host } from './cluster.js';

/** The load of a window's present hosts whose page store this shard holds: the busiest one's and the sum. */
export interface WindowLoad {
  reqMax: number;
  reqSum: number;
  byteMax: number;
  byteSum: number;
  online: number;
}

/** One host's figures over the run. */
export interface HostRunTotals {
  present: boolean;
  pageRequests: number;
  bytes: number;
  hits: number;
}

export class HostMeter {
  private windowPageRequests = new Float64Array(0);
  private windowBytes = new Float64Array(0);
  private runPageRequests = new Float64Array(0);
  private runBytes = new Float64Array(0);
  private runHits = new Float64Array(0);
  /** 1 for the hosts whose page store this shard holds. */
  private owned = new Uint8Array(0);
  /** 1 for the hosts online at some read of the current window (joined and not yet gone), and of the run. */
  private presentInWindow = new Uint8Array(0);
  private presentInRun = new Uint8Array(0);

  /** 1 for each host whose page store this shard holds (valid until the next `grow`). */
  get ownedHosts(): Uint8Array {
    return this.owned;
  }

  /** Grows the arrays to `hosts` (after workers are added) and marks the hosts whose page store is here. */
  grow(hosts: readonly Host[]): void {
    const n = hosts.length;
    if (this.windowPageRequests.length < n) {
      const size = grownCapacity(this.windowPageRequests.length, n);
      this.windowPageRequests = grown(this.windowPageRequests, size);
      this.windowBytes = grown(this.windowBytes, size);
      this.runPageRequests = grown(this.runPageRequests, size);
      this.runBytes = grown(this.runBytes, size);
      this.runHits = grown(this.runHits, size);
      this.owned = grown(this.owned, size);
      this.presentInWindow = grown(this.presentInWindow, size);
      this.presentInRun = grown(this.presentInRun, size);
    }
    for (const h of hosts) this.owned[h.index] = h.store ? 1 : 0;
  }

  /**
   * After an event: the hosts up now are present in the window; at the window's first read (`windowFresh`: no read
   * of it yet) the state now replaces the one the window opened with.
   */
  markPresent(hosts: readonly Host[], windowFresh: boolean): void {
    for (const h of hosts) this.presentInWindow[h.index] = (windowFresh ? 0 : this.presentInWindow[h.index]) | (h.up ? 1 : 0);
  }

  /** Host `h`'s page store served a read of `bytes` in `pages` page requests, `hits` of them from cache. */
  served(h: number, pages: number, bytes: number, hits: number): void {
    this.windowPageRequests[h] += pages;
    this.windowBytes[h] += bytes;
    this.runHits[h] += hits;
  }

  /** The window's load over its present hosts with a page store here. */
  windowLoad(hosts: readonly Host[]): WindowLoad {
    const load = { reqMax: 0, reqSum: 0, byteMax: 0, byteSum: 0, online: 0 };
    for (const host of hosts) {
      const i = host.index;
      if (!this.presentInWindow[i] || !host.store) continue;
      load.online++;
      load.reqSum += this.windowPageRequests[i];
      load.byteSum += this.windowBytes[i];
      if (this.windowPageRequests[i] > load.reqMax) load.reqMax = this.windowPageRequests[i];
      if (this.windowBytes[i] > load.byteMax) load.byteMax = this.windowBytes[i];
    }
    return load;
  }

  /** Page requests each of `hosts` served in the window. */
  windowRequests(hosts: readonly Host[]): number[] {
    return Array.from(this.windowPageRequests.subarray(0, hosts.length));
  }

  /** Closes the window: its figures go into the run's, and the next one opens with the hosts up now. */
  closeWindow(hosts: readonly Host[]): void {
    for (const host of hosts) {
      const i = host.index;
      this.presentInRun[i] |= this.presentInWindow[i];
      this.presentInWindow[i] = host.up ? 1 : 0;
      this.runPageRequests[i] += this.windowPageRequests[i];
      this.runBytes[i] += this.windowBytes[i];
      this.windowPageRequests[i] = 0;
      this.windowBytes[i] = 0;
    }
  }

  /** Host `h`'s figures over the closed windows. */
  runTotals(h: number): HostRunTotals {
    return { present: this.presentInRun[h] === 1, pageRequests: this.runPageRequests[h], bytes: this.runBytes[h], hits: this.runHits[h] };
  }
}
