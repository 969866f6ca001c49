/**
 * `ring-sim inspect`'s report model: a running cluster's exact ring from its membership (etcd or an export).
 * Each registered identity with address, state and exact share in the dynamic and static rings; the balance;
 * the ring bloat (OFFLINE identities that restarts without a persisted identity leave behind); and what-ifs on
 * the exact rings: `remove-worker` of each OFFLINE identity, stopping each ONLINE worker, adding N workers.
 *
 * Exactness: shares and moved fractions are exact fractions of the 2^32 hash space (Alluxio hashes each key
 * onto it). Removing one worker moves exactly its own share (only its arcs change owner), which equals
 * `movement()` on the two rings (a test checks it); adding workers is `movement()` on the two rings, with the new
 * identities drawn (seeded): Alluxio gives a new worker a random UUID, so that what-if is a model. Bytes re-read
 * from the under-storage are a model too: the moved fraction of the data set, which assumes bytes spread over
 * the hash space as keys do.
 */
import type { Bandwidth } from '../core/bandwidth.js';
import { ALLUXIO_PAGE_SIZE_BYTES } from '../core/page-size.js';
import { membershipPlacement, type Membership, type MemberState, type RingMode } from '../membership/membership.js';
import { podOfHost, type PodIndex } from '../membership/pods.js';
import { drawIdentities } from '../plan/ring-model.js';
import { findWorker, renewed, ringChange, rings, withOffline, without, type WorkerFlow } from './inspect-worker.js';
import { balance } from '../ring/analysis/balance.js';
import { movement } from '../ring/analysis/movement.js';
import { ALLUXIO_OSS_VNODES, type AlluxioConsistentPlacement } from '../ring/alluxio/consistent.js';
import { HASH_SPACE } from '../ring/sorted-ring.js';
import { rereadCost, type RereadUfs } from '../plan/reread.js';

export interface InspectWorker {
  identity: string;
  address: string | null;
  state: MemberState;
  /** Exact share of the keys in the dynamic ring (0 when OFFLINE: it is not on that ring). */
  share: number;
  /** Exact share of the keys in the static ring. */
  staticShare: number;
  /** The registered `WorkerNetAddress.Host` (pod IP, host IP with host networking, or a name); null if unread. */
  host: string | null;
  /** With --pods: the pod and node with that host (null when none; podNote says why). */
  pod?: string | null;
  node?: string | null;
  podNote?: string | null;
}

export interface RingBalance {
  workers: number;
  points: number;
  /** Busiest worker's share over the mean share; 1 is perfectly even. */
  maxOverMean: number;
  minOverMean: number;
  relativeStddev: number;
  /** The relative stddev a binomial draw of 1,000,000 keys would show: the noise floor. */
  expectedRelativeStddev: number;
}

export interface InspectEffect {
  /** Fraction of keys whose first worker changes. */
  moved: number;
  /** The least any placement with the new shares could move. */
  optimal: number;
  /** Fraction of keys whose worker is registered but OFFLINE (static ring: reads fall back to the UFS). */
  unreachable: number;
  /** Model: moved × data set, bytes re-read from the under-storage (null without --dataset). */
  rereadBytes: number | null;
  /** rereadBytes at the UFS bandwidth (null without --ufs-bandwidth). */
  rereadSeconds: number | null;
  /** GETs to re-read rereadBytes, one a page (whole pages), and their USD (null without --ufs-price). */
  rereadRequests: number | null;
  rereadUSD: number | null;
  /** With --worker: where the moved keys go (movement's largest flows, from → to, fractions of all keys). */
  flows?: WorkerFlow[];
}

export type WhatIfKind = 'remove-offline' | 'stop' | 'restart-new-identity' | 'add' | 'restart-same-identity' | 'scale-in';

export interface InspectWhatIf {
  kind: WhatIfKind;
  name: string;
  /** The identity removed or stopped; the identities added. */
  identities: string[];
  dynamic: InspectEffect | null;
  static: InspectEffect;
  /** Null when exact; otherwise what is modelled. */
  model: string | null;
}

export interface InspectReport {
  format: 'ring-sim/inspect';
  version: 1;
  source: string;
  cluster: string;
  vnodes: number;
  /** The ring Alluxio builds (alluxio.user.dynamic.consistent.hash.ring.enabled); both rings are reported. */
  ring: RingMode;
  provider: string;
  pageSizeBytes: number;
  /** Each setting not given by a flag: its value and source (the manifest or a default). */
  assumptions: string[];
  counts: { registered: number; online: number; offline: number };
  workers: InspectWorker[];
  balance: { dynamic: RingBalance | null; static: RingBalance };
  bloat: { offline: number; staticOfflineShare: number };
  whatIf: InspectWhatIf[];
  /** With --worker: the identity whose what-ifs these are (the others are left out). */
  worker: string | null;
  cost: { datasetBytes: number | null; ufsBytesPerSecond: number | null; ufsBandwidth: string | null; pricePer1000Requests: number | null; basis: string };
  notes: string[];
}

export interface InspectOptions {
  vnodes?: number;
  /** The cluster's ring settings, as src/plan/cluster-settings.ts resolves them. */
  ring?: RingMode;
  provider?: string;
  pageSizeBytes?: bigint;
  assumptions?: readonly string[];
  /** Workers to add in the scale-out what-if (default 1). */
  add?: number;
  /** Seed of the added workers' identity draw. */
  seed?: number;
  datasetBytes?: number;
  ufsBandwidth?: Bandwidth;
  /** USD per 1000 GET requests (--ufs-price). */
  ufsPricePer1000Requests?: number;
  /** `kubectl get pods -o json`, indexed: each worker's pod and node beside its host. */
  pods?: PodIndex;
  /** `--worker`: only this worker's what-ifs (an identity, registered host or pod name). */
  worker?: string;
}

function ringBalance(p: AlluxioConsistentPlacement): RingBalance {
  const b = balance(p);
  return {
    workers: p.workers.length,
    points: p.ringView().ring.length,
    maxOverMean: b.maxOverMean,
    minOverMean: b.minOverMean,
    relativeStddev: b.relativeStddev,
    expectedRelativeStddev: b.mean > 0 ? b.expectedStddev / b.mean : 0,
  };
}

/** Exact shares by identity. */
function shareMap(p: AlluxioConsistentPlacement): Map<string, number> {
  const own = p.ownership();
  return new Map(p.workers.map((w, i) => [w.id, own.byWorker[i] / own.total]));
}

function pageSize(o: InspectOptions): number {
  return o.pageSizeBytes !== undefined ? Number(o.pageSizeBytes) : ALLUXIO_PAGE_SIZE_BYTES;
}

/** The under-storage of --ufs-bandwidth and --ufs-price (undefined: neither). */
function rereadUfs(o: InspectOptions): RereadUfs | undefined {
  if (o.ufsBandwidth === undefined && o.ufsPricePer1000Requests === undefined) return undefined;
  return { bandwidth: o.ufsBandwidth ?? null, pricePer1000Requests: o.ufsPricePer1000Requests ?? null, pageSizeBytes: pageSize(o), fileBytes: null };
}

function effect(moved: number, optimal: number, unreachable: number, o: InspectOptions): InspectEffect {
  const rereadBytes = o.datasetBytes !== undefined ? Math.round(moved * o.datasetBytes) : null;
  return { moved, optimal, unreachable, rereadBytes, ...rereadCost(rereadBytes, rereadUfs(o)) };
}

export function buildInspect(m: Membership, o: InspectOptions = {}): InspectReport {
  const vnodes = o.vnodes ?? ALLUXIO_OSS_VNODES;
  const online = m.members.filter((w) => w.state === 'ONLINE');
  const offline = m.members.filter((w) => w.state === 'OFFLINE');
  const stat = membershipPlacement(m, 'static', vnodes);
  const dyn = online.length > 0 ? membershipPlacement(m, 'dynamic', vnodes) : null;
  const staticShares = shareMap(stat);
  const dynamicShares = dyn ? shareMap(dyn) : new Map<string, number>();
  const offlineShare = offlineShareOf(m, stat);
  const whatIf: InspectWhatIf[] = [];
  const spill = offline.length > 0 ? successorSpill(stat, m) : null;
  for (const w of offline) {
    const s = staticShares.get(w.identity)!;
    // Exact without rebuilding when no ring point collided (a removal then only hands its arcs to successors).
    whatIf.push(spill ? {
      kind: 'remove-offline', name: `remove-worker ${w.identity}`, identities: [w.identity],
      dynamic: dyn ? effect(0, 0, 0, o) : null,
      static: effect(s, s, offlineShare - s + spill.get(w.identity)!, o),
      model: null,
    } : removeOffline(m, stat, dyn, w.identity, o));
  }
  for (const w of online) {
    const d = dynamicShares.get(w.identity)!;
    const s = staticShares.get(w.identity)!;
    whatIf.push({
      kind: 'stop', name: `stop ${w.identity}`, identities: [w.identity],
      dynamic: effect(d, d, 0, o),
      static: effect(0, 0, offlineShare + s, o),
      model: null,
    });
  }
  const chosen = o.worker !== undefined ? findWorker(m, o.worker, o.pods) : undefined;
  if (chosen) {
    whatIf.length = 0;
    whatIf.push(...workerWhatIfs(m, chosen.identity, stat, dyn, o));
  } else {
    if (dyn) whatIf.push(restartNewIdentity(m, stat, dyn, o));
    const add = o.add ?? 1;
    if (add > 0) whatIf.push(addWorkers(m, stat, dyn, add, o));
  }
  return {
    format: 'ring-sim/inspect', version: 1, source: m.source, cluster: m.cluster, vnodes,
    ring: o.ring ?? 'dynamic', provider: o.provider ?? 'DEFAULT', pageSizeBytes: pageSize(o),
    assumptions: [...(o.assumptions ?? [])],
    counts: { registered: m.members.length, online: online.length, offline: offline.length },
    workers: m.members.map((w) => ({
      identity: w.identity, address: w.address ?? null, state: w.state,
      share: dynamicShares.get(w.identity) ?? 0, staticShare: staticShares.get(w.identity)!,
      host: w.host ?? null,
      ...podFields(w.host, o.pods),
    })),
    balance: { dynamic: dyn ? ringBalance(dyn) : null, static: ringBalance(stat) },
    bloat: { offline: offline.length, staticOfflineShare: offlineShare },
    whatIf,
    worker: chosen?.identity ?? null,
    cost: {
      datasetBytes: o.datasetBytes ?? null,
      ufsBytesPerSecond: o.ufsBandwidth?.bytesPerSecond ?? null,
      ufsBandwidth: o.ufsBandwidth?.text ?? null,
      pricePer1000Requests: o.ufsPricePer1000Requests ?? null,
      basis: `model: bytes re-read = moved fraction × data set (bytes spread over the hash space as keys are); time = bytes ÷ UFS bandwidth${o.ufsPricePer1000Requests !== undefined ? `; GETs = ⌈bytes ÷ ${pageSize(o)} B page⌉ (one a page, whole pages: the least); cost = GETs ÷ 1000 × ${o.ufsPricePer1000Requests} USD` : ''}`,
    },
    notes: m.notes,
  };
}

/** The pod, node and (when none) why, of one host; nothing without --pods. */
function podFields(host: string | undefined, pods: PodIndex | undefined): Pick<InspectWorker, 'pod' | 'node' | 'podNote'> {
  if (!pods) return {};
  const p = podOfHost(host, pods);
  return { pod: p.pod, node: p.node, podNote: p.pod === null ? p.why : null };
}

/** OFFLINE share of a static ring over `m` (after a change). */
function offlineShareOf(m: Membership, p: AlluxioConsistentPlacement): number {
  const shares = shareMap(p);
  return m.members.filter((w) => w.state === 'OFFLINE').reduce((s, w) => s + (shares.get(w.identity) ?? 0), 0);
}

/**
 * For each OFFLINE identity, the share of keys that would pass from it to another OFFLINE identity if it were
 * removed: each of its arcs goes to the owner of the next point not its own. Null when ring points collided
 * (a removed point could then uncover another worker's equal point), so the caller rebuilds the ring instead.
 */
function successorSpill(stat: AlluxioConsistentPlacement, m: Membership): Map<string, number> | null {
  const ring = stat.ringView().ring;
  const n = ring.length;
  if (n !== stat.workers.length * stat.vnodes) return null;
  const offline = new Uint8Array(stat.workers.length);
  const state = new Map(m.members.map((w) => [w.identity, w.state]));
  stat.workers.forEach((w, i) => (offline[i] = state.get(w.id) === 'OFFLINE' ? 1 : 0));
  // nextOther[i]: owner of the first point after i (cyclically) whose owner differs from point i's.
  const nextOther = new Int32Array(n).fill(-1);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = n - 1; i >= 0; i--) {
      const j = (i + 1) % n;
      nextOther[i] = ring.ownerAt(j) !== ring.ownerAt(i) ? ring.ownerAt(j) : nextOther[j];
    }
  }
  const spilled = new Float64Array(stat.workers.length);
  for (let i = 0; i < n; i++) {
    const owner = ring.ownerAt(i);
    const to = nextOther[i];
    if (!offline[owner] || to < 0 || !offline[to]) continue;
    spilled[owner] += i === 0 ? ring.pointAt(0) + (HASH_SPACE - ring.pointAt(n - 1)) : ring.pointAt(i) - ring.pointAt(i - 1);
  }
  const out = new Map<string, number>();
  stat.workers.forEach((w, i) => {
    if (offline[i]) out.set(w.id, spilled[i] / HASH_SPACE);
  });
  return out;
}

/** `alluxio process remove-worker` of an OFFLINE identity: its registration goes, so the static ring loses it. */
function removeOffline(m: Membership, stat: AlluxioConsistentPlacement, dyn: AlluxioConsistentPlacement | null, identity: string, o: InspectOptions): InspectWhatIf {
  const shrunk: Membership = { ...m, members: m.members.filter((w) => w.identity !== identity) };
  const after = membershipPlacement(shrunk, 'static', o.vnodes ?? ALLUXIO_OSS_VNODES);
  const mv = movement(stat, after);
  return {
    kind: 'remove-offline', name: `remove-worker ${identity}`, identities: [identity],
    dynamic: dyn ? effect(0, 0, 0, o) : null,
    static: effect(mv.moved, mv.optimal, offlineShareOf(shrunk, after), o),
    model: null,
  };
}

/**
 * The busiest ONLINE worker restarts without a persisted identity (shared/reference/alluxio-placement.md §6.3):
 * its old identity stays registered, OFFLINE, and a new random one registers.
 */
function restartNewIdentity(m: Membership, stat: AlluxioConsistentPlacement, dyn: AlluxioConsistentPlacement, o: InspectOptions): InspectWhatIf {
  const shares = shareMap(dyn);
  const busiest = m.members.filter((w) => w.state === 'ONLINE').reduce((a, b) => ((shares.get(b.identity) ?? 0) > (shares.get(a.identity) ?? 0) ? b : a));
  const fresh = drawIdentities(o.seed ?? 1, 'restart')[0];
  const after: Membership = {
    ...m,
    members: [...m.members.map((w) => (w.identity === busiest.identity ? { ...w, state: 'OFFLINE' as const } : w)), { identity: fresh, state: 'ONLINE' }],
  };
  const afterStatic = membershipPlacement(after, 'static', o.vnodes ?? ALLUXIO_OSS_VNODES);
  const md = movement(dyn, membershipPlacement(after, 'dynamic', o.vnodes ?? ALLUXIO_OSS_VNODES));
  const ms = movement(stat, afterStatic);
  return {
    kind: 'restart-new-identity', name: `restart ${busiest.identity} without its identity file`, identities: [busiest.identity, fresh],
    dynamic: effect(md.moved, md.optimal, 0, o),
    static: effect(ms.moved, ms.optimal, offlineShareOf(after, afterStatic), o),
    model: `the new identity is random in Alluxio: drawn here (seed ${o.seed ?? 1}); the old one stays registered, OFFLINE (ring bloat +1)`,
  };
}

function addWorkers(m: Membership, stat: AlluxioConsistentPlacement, dyn: AlluxioConsistentPlacement | null, n: number, o: InspectOptions): InspectWhatIf {
  const seed = o.seed ?? 1;
  const added = drawIdentities(seed, 'add', n);
  const grown: Membership = { ...m, members: [...m.members, ...added.map((identity) => ({ identity, state: 'ONLINE' as const }))] };
  const after = (mode: RingMode): AlluxioConsistentPlacement => membershipPlacement(grown, mode, o.vnodes ?? ALLUXIO_OSS_VNODES);
  const grownStatic = after('static');
  const ms = movement(stat, grownStatic);
  const md = dyn ? movement(dyn, after('dynamic')) : null;
  return {
    kind: 'add', name: `add ${n} worker${n === 1 ? '' : 's'}`, identities: added,
    dynamic: md ? effect(md.moved, md.optimal, 0, o) : null,
    static: effect(ms.moved, ms.optimal, offlineShareOf(grown, grownStatic), o),
    model: `new workers get random UUIDs: these are drawn (seed ${seed}); another draw moves about as much`,
  };
}

/** effect() of a ring change, with its flows. */
function changed(before: AlluxioConsistentPlacement, after: AlluxioConsistentPlacement, unreachable: number, o: InspectOptions): InspectEffect {
  const c = ringChange(before, after);
  return { ...effect(c.moved, c.optimal, unreachable, o), flows: c.flows };
}

/**
 * One worker's what-ifs (`--worker`), each a ring change measured by movement() with its flows. Stop and
 * scale-in leave it registered, OFFLINE; restart with its identity brings back the same points (moved: while it
 * is down; nothing stays moved once it is back); restart without it leaves the old identity OFFLINE and a drawn one
 * joins; remove-worker applies to an OFFLINE identity only (Alluxio refuses a running worker).
 */
function workerWhatIfs(m: Membership, identity: string, stat: AlluxioConsistentPlacement, dyn: AlluxioConsistentPlacement | null, o: InspectOptions): InspectWhatIf[] {
  const vnodes = o.vnodes ?? ALLUXIO_OSS_VNODES;
  const member = m.members.find((w) => w.identity === identity)!;
  const ring = (after: Membership, unreachable = (r: AlluxioConsistentPlacement): number => offlineShareOf(after, r)) => {
    const r = rings(after, vnodes);
    return { dynamic: dyn && r.dyn ? changed(dyn, r.dyn, 0, o) : null, static: changed(stat, r.stat, unreachable(r.stat), o) };
  };
  const out: InspectWhatIf[] = [];
  if (member.state === 'OFFLINE') {
    out.push({ kind: 'remove-offline', name: `remove-worker ${identity}`, identities: [identity], ...ring(without(m, identity)), model: null });
    return out;
  }
  const down = ring(withOffline(m, identity));
  out.push({ kind: 'stop', name: `stop ${identity}`, identities: [identity], ...down, model: null });
  out.push({ kind: 'restart-same-identity', name: `restart ${identity} with its identity`, identities: [identity], ...down,
    model: 'moved while it is down: its keys come back with the same ring points when it returns, and its page store is still warm, so nothing stays moved' });
  const { after, fresh } = renewed(m, identity, o.seed ?? 1);
  out.push({ kind: 'restart-new-identity', name: `restart ${identity} without its identity file`, identities: [identity, fresh], ...ring(after),
    model: `the new identity is random in Alluxio: drawn here (seed ${o.seed ?? 1}); the old one stays registered, OFFLINE (ring bloat +1)` });
  out.push({ kind: 'scale-in', name: `scale in by ${identity}`, identities: [identity], ...down,
    model: 'its pod leaves, its identity stays registered OFFLINE until remove-worker; with a Deployment the ReplicaSet picks which pod goes (pending first, then the lowest controller.kubernetes.io/pod-deletion-cost, then nodes with more replicas, then the newest, else random), so annotate this pod with the lowest pod-deletion-cost first' });
  return out;
}
