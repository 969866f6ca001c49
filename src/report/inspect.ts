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
import { formatBinary } from '../core/units.js';
import { ALLUXIO_PAGE_SIZE_BYTES } from '../core/page-size.js';
import { membershipPlacement, type Membership, type MemberState, type RingMode } from '../membership/membership.js';
import { podOfHost, type PodIndex } from '../membership/pods.js';
import { drawIdentities } from '../plan/ring-model.js';
import { findWorker, WORKER_FLOWS, type WorkerFlow } from './inspect-worker.js';
import { balance } from '../ring/analysis/balance.js';
import { pageStoreSurvivesRestart, whatIf, type WhatIfChange, type WhatIfCluster } from '../ring/analysis/what-if.js';
import { ALLUXIO_OSS_VNODES, AlluxioConsistentPlacement } from '../ring/alluxio/consistent.js';
import { requestsAssumption, rereadCost, rereadUfs, type RereadUfs } from '../plan/reread.js';
import { scaleInLeaving, scaleInRange, type ScaleInRange } from '../plan/scale-in.js';

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
  /** Fraction of keys a restart without identity hands to its new identity on the same pod: still cached, not moved. */
  samePod: number;
  /** Model: what the restarted worker caches of the samePod keys: still in its page store, not re-read (null without --dataset). */
  samePodBytes: number | null;
  /** Model: what the workers handing the moved keys over cache of them, re-read from the under-storage (null without --dataset). */
  rereadBytes: number | null;
  /** "cache" when what a worker caches (its page data, or nothing for an OFFLINE identity) caps rereadBytes, else "dataset". */
  bytesBasis: 'dataset' | 'cache';
  /** rereadBytes at the UFS bandwidth (null without --ufs-bandwidth). */
  rereadSeconds: number | null;
  /** GETs to re-read rereadBytes, one a page (whole pages, or with --files files of the mean size), and their USD (null without --ufs-price). */
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
  /**
   * Scale-in (inspect's general list): who removes the pod and, for a Deployment's ReplicaSet, moved on the
   * dynamic ring over every choice of the leaving worker (the row's figures are the median choice's); else absent.
   */
  scaleIn?: { removes: 'statefulset-ordinals' | 'replicaset'; leaving: number; basis: string; range: ScaleInRange | null };
  /**
   * What the figures do not show, when there is something (null otherwise): for a stop, what happens when the
   * worker comes back with its identity, from its page-store type (a hostPath or PVC page store is still warm,
   * an emptyDir one comes back empty).
   */
  note: string | null;
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
  cost: {
    datasetBytes: number | null;
    ufsBytesPerSecond: number | null;
    ufsBandwidth: string | null;
    pricePer1000Requests: number | null;
    /** --files, and the mean file size it gives with --dataset (null: the GETs are whole pages). */
    files: number | null;
    fileBytes: number | null;
    basis: string;
  };
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
  /** Files in the data set (--files): with datasetBytes the mean file size, each file ⌈file ÷ page⌉ GETs. */
  files?: number;
  ufsBandwidth?: Bandwidth;
  /** USD per 1000 GET requests (--ufs-price). */
  ufsPricePer1000Requests?: number;
  /** `kubectl get pods -o json`, indexed: each worker's pod and node beside its host. */
  pods?: PodIndex;
  /** `--worker`: only this worker's what-ifs (an identity, registered host or pod name). */
  worker?: string;
  /** What each ONLINE worker caches at most (page data, bytes; from --manifest), or absent: not capped. */
  cacheBytes?: number;
  /** The page store's volume type (from --manifest), or absent: hostPath (survives a pod restart). */
  pagestoreType?: string;
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

/** The under-storage of --ufs-bandwidth and --ufs-price, GETs counted as plan counts them (undefined: neither). */
function ufsOf(o: InspectOptions): RereadUfs | undefined {
  return rereadUfs(o, pageSize(o)) ?? undefined;
}

/** The membership as the what-if module takes it (src/ring/analysis/what-if.ts): OFFLINE identities cache nothing. */
function cluster(m: Membership, mode: RingMode, o: InspectOptions): WhatIfCluster {
  const vnodes = o.vnodes ?? ALLUXIO_OSS_VNODES;
  return {
    workers: m.members.map((w) => ({ id: w.identity, offline: w.state === 'OFFLINE', cacheBytes: o.cacheBytes ?? Infinity, pagestoreType: o.pagestoreType })),
    mode,
    ring: (ws, v = vnodes) => new AlluxioConsistentPlacement(ws, { vnodes: v, identity: 'identity', workerOrder: 'given' }),
    datasetBytes: o.datasetBytes ?? null,
    maxFlows: WORKER_FLOWS,
  };
}

/** One ring's effect of a change, from the what-if module; with `flows` (--worker) its largest flows. */
function effectOf(m: Membership, mode: RingMode, change: WhatIfChange, o: InspectOptions, flows = false): InspectEffect {
  const r = whatIf(cluster(m, mode, o), change);
  const rereadBytes = o.datasetBytes !== undefined ? r.bytesMoved : null;
  const out: InspectEffect = {
    moved: r.moved,
    optimal: r.optimal,
    unreachable: r.unreachable,
    samePod: r.samePod,
    samePodBytes: o.datasetBytes !== undefined ? (r.samePodFlow?.bytes ?? 0) : null,
    rereadBytes,
    bytesBasis: r.bytesBasis,
    ...rereadCost(rereadBytes, ufsOf(o)),
  };
  if (flows) out.flows = r.flows.map((f) => ({ from: f.from, to: f.to, fraction: f.fraction }));
  return out;
}

/** Both rings' effects of a change (the dynamic one null without an ONLINE worker). */
function effects(m: Membership, change: WhatIfChange, o: InspectOptions, flows = false): Pick<InspectWhatIf, 'dynamic' | 'static'> {
  const online = m.members.some((w) => w.state === 'ONLINE');
  return { dynamic: online ? effectOf(m, 'dynamic', change, o, flows) : null, static: effectOf(m, 'static', change, o, flows) };
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
  const index = new Map(m.members.map((w, i) => [w.identity, i]));
  for (const w of offline) {
    whatIf.push({
      kind: 'remove-offline',
      name: `remove-worker ${w.identity}`,
      identities: [w.identity],
      ...effects(m, { kind: 'remove', worker: index.get(w.identity)! }, o),
      model: null,
      note: null,
    });
  }
  for (const w of online) {
    whatIf.push({
      kind: 'stop',
      name: `stop ${w.identity}`,
      identities: [w.identity],
      ...effects(m, { kind: 'stop', worker: index.get(w.identity)! }, o),
      model: null,
      note: stopNote(o),
    });
  }
  const chosen = o.worker !== undefined ? findWorker(m, o.worker, o.pods) : undefined;
  if (chosen) {
    whatIf.length = 0;
    whatIf.push(...workerWhatIfs(m, chosen.identity, o));
  } else {
    if (dyn) whatIf.push(restartNewIdentity(m, dyn, o), scaleInByOne(m, o));
    const add = o.add ?? 1;
    if (add > 0) whatIf.push(addWorkers(m, add, o));
  }
  return {
    format: 'ring-sim/inspect',
    version: 1,
    source: m.source,
    cluster: m.cluster,
    vnodes,
    ring: o.ring ?? 'dynamic',
    provider: o.provider ?? 'DEFAULT',
    pageSizeBytes: pageSize(o),
    assumptions: [...(o.assumptions ?? []), ...pageStoreAssumptions(o)],
    counts: { registered: m.members.length, online: online.length, offline: offline.length },
    workers: m.members.map((w) => ({
      identity: w.identity,
      address: w.address ?? null,
      state: w.state,
      share: dynamicShares.get(w.identity) ?? 0,
      staticShare: staticShares.get(w.identity)!,
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
      files: o.files ?? null,
      fileBytes: ufsOf(o)?.fileBytes ?? null,
      basis: costBasis(o),
    },
    notes: m.notes,
  };
}

const REREAD_BASIS =
  'model: bytes re-read = what the workers handing the moved keys over cache of them: a worker caches min(share × data set, its page data), the data set spread uniformly over the hash space; an OFFLINE identity caches nothing; keys a restart keeps on its pod (samePod) are not re-read; time = bytes ÷ UFS bandwidth';

/** The re-read model; with --ufs-price how the GETs are counted (plan's rule: whole pages, or --files' files). */
function costBasis(o: InspectOptions): string {
  const ufs = ufsOf(o);
  if (!ufs || o.ufsPricePer1000Requests === undefined) return REREAD_BASIS;
  return `${REREAD_BASIS}; one GET a page: ${requestsAssumption(ufs)}; cost = GETs ÷ 1000 × ${o.ufsPricePer1000Requests} USD`;
}

/** What inspect takes about the page stores, which etcd does not say: from --manifest, else assumed. */
function pageStoreAssumptions(o: InspectOptions): string[] {
  const cap =
    o.cacheBytes !== undefined
      ? `what-if bytes: each ONLINE worker caches at most ${formatBinary(o.cacheBytes)} (its page data from --manifest; every identity taken as of that worker group)`
      : 'what-if bytes: no --manifest, so what each worker caches is unknown: the re-read bytes are not capped by the page stores (moved share × data set)';
  const type =
    o.pagestoreType !== undefined
      ? `page store: ${o.pagestoreType} from --manifest (${pageStoreSurvivesRestart(o.pagestoreType) ? 'survives a pod restart: keys a restart keeps on its pod stay cached' : 'lost on a pod restart: a restarted worker comes back empty'})`
      : "page store: no --manifest, taken as hostPath (the guide's default), which survives a pod restart: keys a restart keeps on its pod stay cached";
  return [cap, type];
}

/**
 * What a stop's figures do not show: the worker coming back with its identity gets its keys back, and whether they
 * are still cached depends on its page-store type (the what-if module's pageStoreSurvivesRestart: hostPath and
 * persistentVolumeClaim survive a pod restart, emptyDir does not).
 */
function stopNote(o: InspectOptions): string {
  const type = o.pagestoreType ?? 'hostPath';
  const source = o.pagestoreType !== undefined ? 'from --manifest' : 'assumed: no --manifest';
  return pageStoreSurvivesRestart(o.pagestoreType)
    ? `back with its identity, a stopped worker gets its keys back and its ${type} page store (${source}) survives the pod restart: still warm, nothing more is re-read`
    : `back with its identity, a stopped worker gets its keys back but its ${type} page store (${source}) comes back empty: all it cached is re-read once more`;
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
 * The busiest ONLINE worker restarts without a persisted identity (shared/reference/alluxio-placement.md §6.3):
 * its old identity stays registered, OFFLINE, and a new random one registers.
 */
function restartNewIdentity(m: Membership, dyn: AlluxioConsistentPlacement, o: InspectOptions): InspectWhatIf {
  const shares = shareMap(dyn);
  const busiest = m.members.filter((w) => w.state === 'ONLINE').reduce((a, b) => ((shares.get(b.identity) ?? 0) > (shares.get(a.identity) ?? 0) ? b : a));
  return restartWithout(m, busiest.identity, o, false);
}

function restartWithout(m: Membership, identity: string, o: InspectOptions, flows: boolean): InspectWhatIf {
  const seed = o.seed ?? 1;
  const fresh = drawIdentities(seed, 'restart')[0];
  const worker = m.members.findIndex((w) => w.identity === identity);
  const kept = pageStoreSurvivesRestart(o.pagestoreType)
    ? 'keys passing from the old identity to the new one stay on the pod (stay on pod, samePod: its page store survives, so they are not moved, not re-read)'
    : 'its emptyDir page store comes back empty, so the keys passing to the new identity on the same pod are re-read too (counted as moved)';
  return {
    kind: 'restart-new-identity',
    name: `restart ${identity} without its identity file`,
    identities: [identity, fresh],
    ...effects(m, { kind: 'restart', worker, newIdentity: fresh }, o, flows),
    model: `the new identity is random in Alluxio: drawn here (seed ${seed}); the old one stays registered, OFFLINE (ring bloat +1); ${kept}`,
    note: null,
  };
}

/**
 * `kubectl scale --replicas=N-1`: one ONLINE worker's pod leaves (its identity stays registered OFFLINE), the same
 * rules as plan --against (src/plan/scale-in.ts): the highest StatefulSet ordinal when every ONLINE worker has one,
 * else a Deployment's ReplicaSet picks, so moved is measured on the dynamic ring for every choice (best, median,
 * worst) and the row's figures are the median choice's.
 */
function scaleInByOne(m: Membership, o: InspectOptions): InspectWhatIf {
  const online = m.members.filter((w) => w.state === 'ONLINE');
  const who = scaleInLeaving(online, 1, o.seed ?? 1);
  const stop = (id: string): WhatIfChange => ({ kind: 'stop', worker: m.members.findIndex((w) => w.identity === id) });
  const base = { kind: 'scale-in' as const, note: null };
  if (who.removes === 'statefulset-ordinals') {
    const [id] = who.leaving;
    return {
      ...base,
      name: `scale in by 1 worker: ${id} leaves (the highest ordinal)`,
      identities: [id],
      ...effects(m, stop(id), o),
      scaleIn: { removes: who.removes, leaving: 1, basis: who.basis, range: null },
      model: `a StatefulSet removes the highest ordinal: ${id} leaves (${who.basis}); it stays registered OFFLINE until remove-worker`,
    };
  }
  const range = scaleInRange(
    who.sets.map((leaving) => {
      const e = effectOf(m, 'dynamic', stop(leaving[0]), o);
      return { leaving, moved: e.moved, rereadBytes: e.rereadBytes };
    }),
    who.total,
  );
  const id = range.median.leaving[0];
  const over = range.measured === who.total ? `every choice (${who.total})` : `${range.measured} of the ${who.total} choices, drawn (seed ${o.seed ?? 1})`;
  return {
    ...base,
    name: `scale in by 1 worker: the median choice, ${id}`,
    identities: [id],
    ...effects(m, stop(id), o),
    scaleIn: { removes: who.removes, leaving: 1, basis: who.basis, range },
    model: `which pod leaves is the ReplicaSet's choice, not determined (${who.basis}); moved is measured on the dynamic ring for ${over}, the row is the median choice's; annotate the pod you want gone with the lowest controller.kubernetes.io/pod-deletion-cost to decide it; it stays registered OFFLINE until remove-worker`,
  };
}

function addWorkers(m: Membership, n: number, o: InspectOptions): InspectWhatIf {
  const seed = o.seed ?? 1;
  const added = drawIdentities(seed, 'add', n);
  const like = Math.max(
    0,
    m.members.findIndex((w) => w.state === 'ONLINE'),
  );
  return {
    kind: 'add',
    name: `add ${n} worker${n === 1 ? '' : 's'}`,
    identities: added,
    ...effects(m, { kind: 'add', ids: added, like }, o),
    model: `new workers get random UUIDs: these are drawn (seed ${seed}); another draw moves about as much`,
    note: null,
  };
}

/**
 * One worker's what-ifs (`--worker`), each from the what-if module with its flows. Stop and scale-in leave it
 * registered, OFFLINE; restart with its identity brings back the same points, so nothing moves unless its page
 * store is emptyDir (then all it cached is re-read); restart without it leaves the old identity OFFLINE and a
 * drawn one joins; remove-worker applies to an OFFLINE identity only (Alluxio refuses a running worker).
 */
function workerWhatIfs(m: Membership, identity: string, o: InspectOptions): InspectWhatIf[] {
  const worker = m.members.findIndex((w) => w.identity === identity);
  if (m.members[worker].state === 'OFFLINE') {
    return [
      {
        kind: 'remove-offline',
        name: `remove-worker ${identity}`,
        identities: [identity],
        ...effects(m, { kind: 'remove', worker }, o, true),
        model: null,
        note: null,
      },
    ];
  }
  const down = effects(m, { kind: 'stop', worker }, o, true);
  const survives = pageStoreSurvivesRestart(o.pagestoreType);
  return [
    { kind: 'stop', name: `stop ${identity}`, identities: [identity], ...down, model: null, note: stopNote(o) },
    {
      kind: 'restart-same-identity',
      name: `restart ${identity} with its identity`,
      identities: [identity],
      ...effects(m, { kind: 'restart', worker }, o, true),
      model: survives
        ? 'its keys come back with the same ring points and its page store survives the pod restart, so nothing moves once it is back (while it is down, its stop row applies)'
        : 'its keys come back with the same ring points, but its emptyDir page store comes back empty: every byte it cached is re-read (while it is down, its stop row applies)',
      note: null,
    },
    restartWithout(m, identity, o, true),
    {
      kind: 'scale-in',
      name: `scale in by ${identity}`,
      identities: [identity],
      ...down,
      model:
        'its pod leaves, its identity stays registered OFFLINE until remove-worker; with a Deployment the ReplicaSet picks which pod goes (pending first, then the lowest controller.kubernetes.io/pod-deletion-cost, then nodes with more replicas, then the newest, else random), so annotate this pod with the lowest pod-deletion-cost first',
      note: null,
    },
  ];
}
