/**
 * The client's side of a shard: the ring the client sees (membership as it was `refreshDelay` reads ago), the host
 * each read goes to on it, and, when the client's ring changes, what the change moved. The owner of each file is
 * memoised per ring, so a read looks its file up once per ring; the move measure reuses and refills that memo.
 */
import { createPlacement } from '../ring/registry.js';
import { movement } from '../ring/analysis/movement.js';
import type { Placement } from '../ring/placement.js';
import { RingSimError } from '../core/errors.js';
import { grown, grownCapacity } from '../core/typed-arrays.js';
import type { Cluster, Identity } from './cluster.js';
import { ROUTE_SKIPPED, ROUTE_UNAVAILABLE } from './shared-read-queue.js';
import type { Scenario } from './scenario.js';
import type { SpatialSample } from './sample.js';
import type { RawMove } from './steps.js';
import type { Workload } from './workload/workload.js';

/** The ring the client sees: its members and, in a shard that routes reads, their placement. */
export interface ClientView {
  /** Built only by a shard that routes reads. */
  placement: Placement | null;
  members: Identity[];
  /** Counts the client's rings (1 for the first): the owner memo's key. */
  version: number;
}

/** What a client ring change moved, as a move step gives it. */
export type MoveFigures = Omit<RawMove, 'kind' | 'event'>;

/** The same error in every shard when an event would leave the ring empty. */
export function requireMembers(members: readonly Identity[]): void {
  if (members.length === 0) throw new RingSimError('events', undefined, 'the ring would have no worker left', 'keep at least one worker registered and online');
}

/** The scenario's placement over `members` (callers check there is one: `requireMembers`). */
export function buildPlacement(scenario: Scenario, cluster: Cluster, members: readonly Identity[]): Placement {
  const p = scenario.placement;
  return createPlacement(p.algorithm, cluster.placementWorkers(members, p.weightByCapacity), { vnodes: p.vnodes, identity: 'identity' });
}

export class ClientRouter {
  private current: ClientView;
  private version = 0;
  /** [owner, ring version] per file, side by side: one cache line for both. */
  private ownerMemo = new Int32Array(0);
  /** Per file: 0 not decided yet, 1 in the sample, 2 not. */
  private sampled = new Uint8Array(0);

  /** `routesReads`: this shard picks each read's host (and so builds the client's placements). */
  constructor(
    private readonly scenario: Scenario,
    private readonly cluster: Cluster,
    private readonly workload: Workload,
    private readonly routesReads: boolean,
    private readonly sample: SpatialSample | null,
    members: Identity[],
  ) {
    this.current = this.viewOf(members);
  }

  /** The ring the client sees now. */
  get view(): ClientView {
    return this.current;
  }

  /** The client sees the ring over `members` from now on; returns the ring it saw before. */
  switchTo(members: Identity[]): ClientView {
    const before = this.current;
    this.current = this.viewOf(members);
    return before;
  }

  private viewOf(members: Identity[]): ClientView {
    requireMembers(members);
    const placement = this.routesReads ? buildPlacement(this.scenario, this.cluster, members) : null;
    return { placement, members, version: ++this.version };
  }

  /** The host that serves `file` under the client's view: `ROUTE_UNAVAILABLE` when its worker is offline, `ROUTE_SKIPPED` outside the sample. */
  route(file: number): number {
    if (!this.inSample(file)) return ROUTE_SKIPPED;
    const view = this.current;
    const identity = view.members[this.preferred(file)];
    if (identity.online) return identity.host;
    const replicas = this.scenario.placement.replicas;
    if (replicas > 1) {
      const ids = view.placement!.locate(this.workload.catalog.path(file), Math.min(replicas, view.members.length));
      for (const id of ids) {
        const m = view.members.find((x) => x.id === id)!;
        if (m.online) return m.host;
      }
    }
    return ROUTE_UNAVAILABLE;
  }

  /** The worker index (in the client's members) that the client's ring gives for `file`, memoised per ring. */
  private preferred(file: number): number {
    const view = this.current;
    if (2 * file + 1 >= this.ownerMemo.length) this.ownerMemo = grown(this.ownerMemo, grownCapacity(this.ownerMemo.length, 2 * file + 2, 2048));
    const memo = this.ownerMemo;
    if (memo[2 * file + 1] === view.version) return memo[2 * file];
    const worker = view.placement!.locateIndex(this.workload.catalog.path(file));
    memo[2 * file] = worker;
    memo[2 * file + 1] = view.version;
    return worker;
  }

  /** Whether reads of `file` are replayed: always, or when its path hashes into the sample. */
  private inSample(file: number): boolean {
    if (!this.sample) return true;
    if (file >= this.sampled.length) this.sampled = grown(this.sampled, grownCapacity(this.sampled.length, file + 1, 1024));
    let decision = this.sampled[file];
    if (decision === 0) {
      decision = this.sample.keepPath(this.workload.catalog.path(file)) ? 1 : 2;
      this.sampled[file] = decision;
    }
    return decision === 1;
  }

  /**
   * What the change from ring `before` to the client's ring now moved: files whose host changed. A file passing to
   * another identity on the same host (a restart without a persisted identity) stays on the pod, `samePod`, unless
   * that host's page store was lost in the event (`lostHosts`): its pages carry no identity, so a surviving page
   * store still serves it (the what-if rule of src/ring/analysis/what-if.ts, which the hash-space figure measures
   * with the same pairs).
   */
  measureMove(before: ClientView, lostHosts: ReadonlySet<number>): MoveFigures {
    const after = this.current;
    const catalog = this.workload.catalog;
    const pb = before.placement!;
    const pa = after.placement!;
    let moved = 0;
    let bytesMoved = 0;
    let samePod = 0;
    let bytesSamePod = 0;
    const n = catalog.count;
    if (2 * n > this.ownerMemo.length) this.ownerMemo = grown(this.ownerMemo, grownCapacity(this.ownerMemo.length, 2 * n, 2048));
    const memo = this.ownerMemo;
    for (let f = 0; f < n; f++) {
      // The old owner from the memo when the old ring looked it up; the new one goes into the memo for the reads to come.
      const path = catalog.path(f);
      const a = before.members[memo[2 * f + 1] === before.version ? memo[2 * f] : pb.locateIndex(path)];
      const worker = pa.locateIndex(path);
      memo[2 * f] = worker;
      memo[2 * f + 1] = after.version;
      const b = after.members[worker];
      if (a.host === b.host && a.index === b.index) continue;
      if (a.host === b.host && !lostHosts.has(a.host)) {
        samePod++;
        bytesSamePod += catalog.size(f);
      } else {
        moved++;
        bytesMoved += catalog.size(f);
      }
    }
    const rb = pb.ringView();
    const ra = pa.ringView();
    const hashSpaceMoved = rb && ra && rb.space === ra.space ? movement(pb, pa, { samePod: samePodPairs(before, after, lostHosts) }).moved : null;
    return { filesMoved: n ? moved / n : 0, bytesMoved, samePod: n ? samePod / n : 0, bytesSamePod, hashSpaceMoved };
  }
}

/** (before id, after id) pairs of one host under two identities whose page store survived: one pod. */
function samePodPairs(before: ClientView, after: ClientView, lostHosts: ReadonlySet<number>): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const afterIds = new Set(after.members.map((m) => m.id));
  const beforeIds = new Set(before.members.map((m) => m.id));
  for (const a of before.members) {
    if (afterIds.has(a.id) || lostHosts.has(a.host)) continue;
    const b = after.members.find((m) => m.host === a.host && !beforeIds.has(m.id));
    if (b) pairs.push([a.id, b.id]);
  }
  return pairs;
}
