/**
 * `ring-sim plan NEW.yaml --against OLD.yaml`: what changing a deployed AlluxioCluster manifest does. Every
 * changed field is listed; ring settings (policy, virtual nodes, hash provider) and page-store changes that
 * start a cache over are flagged destructive; the ring's movement from the old manifest's ring to the new one is
 * the exact fraction of keys that change worker (ring-sim's `movement` on the two rings).
 *
 * Identities: with a membership (`--etcd`/`--etcd-export`) the rings are built on the cluster's live identities,
 * so the fraction is exact for this cluster; a scale-out adds drawn identities (new workers get random UUIDs). A
 * scale-in takes the highest pod ordinals when the workers are a StatefulSet's; otherwise (a Deployment, as the
 * operator renders them for the guide) the ReplicaSet picks, so every choice of the leaving workers is measured
 * and `scaleIn.range` gives the best, median and worst (scale-in.ts); `ring.moved` is the median choice's. Both are
 * said in `notes`. Without a membership every identity is drawn (seeded): a model of a cluster like this one.
 */
import type { Edition } from '../capacity/pagestore-plan.js';
import { membershipPlacement, type Member, type Membership, type RingMode } from '../membership/membership.js';
import { movement } from '../ring/analysis/movement.js';
import { syntheticKeys } from '../ring/analysis/keys.js';
import type { Placement } from '../ring/placement.js';
import { createPlacement } from '../ring/registry.js';
import type { AlluxioClusterManifest, ManifestWorkerGroup } from './manifest.js';
import { drawIdentities } from './ring-model.js';
import { rereadAssumption, rereadCost, rereadUfs, type RereadFlags } from './reread.js';
import { scaleInLeaving, scaleInRange, type ScaleInChoice, type ScaleInRange } from './scale-in.js';
import { DYNAMIC_PROP, PAGE_SIZE_PROP, POLICY_PROP, PROVIDER_PROP, VNODE_PROPS, readRingSettings, type RingSettings } from './settings.js';

export interface ManifestChange {
  field: string;
  before: string;
  after: string;
  destructive: boolean;
  /** What the change does to the cache. */
  effect: string;
}

export interface AgainstRing {
  policy: string;
  provider: string;
  vnodes: number;
  mode: RingMode;
  workers: number;
}

export interface AgainstScaleIn {
  /** Who picks the pods that go: a StatefulSet (the highest ordinals: determined) or a Deployment's ReplicaSet. */
  removes: 'statefulset-ordinals' | 'replicaset';
  /** Workers that leave. */
  leaving: number;
  /** Why ring-sim takes the workers to be so run. */
  basis: string;
  /** ReplicaSet: moved and re-read over every choice of the leaving workers (ring.moved is the median's); else null. */
  range: ScaleInRange | null;
}

export interface AgainstReport {
  format: 'ring-sim/plan-against';
  version: 1;
  before: string;
  after: string;
  /** True when the rings stand on a live membership's identities. */
  exact: boolean;
  identities: string;
  changes: ManifestChange[];
  workers: { before: number; after: number };
  ring: {
    before: AgainstRing;
    after: AgainstRing;
    /** Fraction of keys whose first worker changes. */
    moved: number;
    optimal: number;
    method: 'exact' | 'sample';
    destructive: boolean;
    /** Model: moved × data set (null without a data-set size). */
    rereadBytes: number | null;
    rereadSeconds: number | null;
    /** The --ufs-bandwidth the time was computed at. */
    ufsBytesPerSecond: number | null;
    /** With --ufs-price: GETs to re-read rereadBytes at the new manifest's page size (see requestsBasis), and their USD. */
    rereadRequests: number | null;
    rereadUSD: number | null;
    /** How rereadRequests counts: "pages" (whole pages, the least), "files" (files of --files' mean size), null without --ufs-price. */
    requestsBasis: 'pages' | 'files' | null;
  };
  /** A scale-in of the ONLINE workers: which leave, and the range where that is not determined; else null. */
  scaleIn: AgainstScaleIn | null;
  notes: string[];
}

/** The data set and under-storage flags are plan's (--dataset, --files, --ufs-bandwidth, --ufs-price). */
export interface AgainstOptions extends RereadFlags {
  edition?: Edition;
  seed?: number;
  membership?: Membership;
}

const POLICY_ALGORITHM: Record<string, string> = {
  CONSISTENT: 'alluxio-consistent',
  KETAMA: 'alluxio-ketama',
  JUMP: 'alluxio-jump',
  MAGLEV: 'alluxio-maglev',
  MULTI_PROBE: 'alluxio-multi-probe',
};
const SAMPLE_KEYS = 200_000;
/** Properties the ring settings cover (listed as settings, not as plain properties). */
const RING_PROPERTIES: ReadonlySet<string> = new Set([POLICY_PROP, ...VNODE_PROPS, DYNAMIC_PROP, PROVIDER_PROP, PAGE_SIZE_PROP]);

const countOf = (m: AlluxioClusterManifest): number => m.groups.reduce((s, g) => s + g.count, 0);

/** Settings changes: ring settings are destructive (the Enterprise docs: remapping loses the cache). */
function settingChanges(a: RingSettings, b: RingSettings, moved: number): ManifestChange[] {
  const out: ManifestChange[] = [];
  // The share is measured on the two rings (Moved below), for all the changes together: never a fixed "almost every key".
  const measured = `${(moved * 100).toFixed(3)} % of the keys change worker with the changes here (Moved below), their cached pages re-read`;
  const rehash = `another hash: every ring point moves; ${measured}`;
  if (a.policy !== b.policy) out.push({ field: 'worker selection policy', before: a.policy, after: b.policy, destructive: true, effect: rehash });
  if (a.provider !== b.provider) out.push({ field: 'hash provider', before: a.provider, after: b.provider, destructive: true, effect: rehash });
  if (a.vnodes !== b.vnodes)
    out.push({
      field: 'virtual nodes per worker',
      before: String(a.vnodes),
      after: String(b.vnodes),
      destructive: true,
      effect: `every worker's points are redrawn; ${measured}`,
    });
  if (a.mode !== b.mode) {
    out.push({
      field: 'ring',
      before: a.mode,
      after: b.mode,
      destructive: false,
      effect:
        b.mode === 'dynamic'
          ? 'OFFLINE identities leave the ring: their keys move to live workers'
          : 'OFFLINE identities join the ring: their keys become unreachable until remove-worker',
    });
  }
  if (a.pageSizeBytes !== b.pageSizeBytes) {
    out.push({
      field: 'page size',
      before: `${a.pageSizeBytes} B`,
      after: `${b.pageSizeBytes} B`,
      destructive: true,
      effect:
        'restore keeps only pages laid out for the current page size and deletes the rest: every cached page is dropped on restart and re-read (Alluxio LocalPageStoreDir, LocalCacheManager.restore)',
    });
  }
  return out;
}

function groupChanges(a: ManifestWorkerGroup | undefined, b: ManifestWorkerGroup | undefined): ManifestChange[] {
  if (!a || !b) {
    const g = (a ?? b)!;
    return [
      {
        field: `${g.path} (${g.name})`,
        before: a ? `${a.count} workers` : 'absent',
        after: b ? `${b.count} workers` : 'absent',
        destructive: !b,
        effect: b ? 'a new worker group' : 'the group and its cache go away',
      },
    ];
  }
  const out: ManifestChange[] = [];
  const add = (field: string, before: string | undefined, after: string | undefined, destructive: boolean, effect: string): void => {
    if ((before ?? '') !== (after ?? ''))
      out.push({ field: `${b.path}.${field}`, before: before ?? '(unset)', after: after ?? '(unset)', destructive, effect });
  };
  add(
    'count',
    String(a.count),
    String(b.count),
    false,
    b.count > a.count ? 'scale out: new identities join the ring' : 'scale in: identities leave the ring (static ring: they stay, OFFLINE)',
  );
  add(
    'pagestore.size',
    `${a.size} (${a.sizeBytes} B)`,
    `${b.size} (${b.sizeBytes} B)`,
    false,
    b.sizeBytes < a.sizeBytes ? 'each worker evicts down to the new size' : 'more cache a worker',
  );
  add('pagestore.reservedSize', a.reservedSize, b.reservedSize, false, 'changes the usable cache a worker');
  add('pagestore.type', a.pagestoreType, b.pagestoreType, true, "a new cache medium: the group's cache starts empty");
  add('pagestore.hostPath', a.hostPath, b.hostPath, true, "a new cache directory: the group's cache starts empty");
  add('pagestore.storageClass', a.storageClass, b.storageClass, true, "new volumes: the group's cache starts empty");
  return out;
}

function propertyChanges(a: AlluxioClusterManifest, b: AlluxioClusterManifest, ringFields: ReadonlySet<string>): ManifestChange[] {
  const keys = [...new Set([...Object.keys(a.properties), ...Object.keys(b.properties)])].sort();
  return keys
    .filter((k) => a.properties[k] !== b.properties[k] && !ringFields.has(k))
    .map((k) => ({
      field: `spec.properties.${k}`,
      before: a.properties[k] ?? '(unset)',
      after: b.properties[k] ?? '(unset)',
      destructive: false,
      effect: 'not a ring or page-store setting',
    }));
}

/** The membership with `leaving` OFFLINE: their pods go, their identities stay registered until remove-worker. */
function scaledIn(m: Membership, leaving: readonly string[]): Membership {
  const gone = new Set(leaving);
  return { ...m, members: m.members.map((w) => (gone.has(w.identity) ? { ...w, state: 'OFFLINE' as const } : w)) };
}

/** The membership after `added` drawn workers join. */
function scaledOut(m: Membership, added: number, seed: number, notes: string[]): Membership {
  if (added <= 0) return m;
  const members = drawIdentities(seed, 'add', added).map((identity): Member => ({ identity, state: 'ONLINE' }));
  notes.push(`${added} new worker(s) get drawn identities (seed ${seed}): new workers get random UUIDs, so this part is a model`);
  return { ...m, members: [...m.members, ...members] };
}

/** Scale in by `k` ONLINE workers: the highest StatefulSet ordinals, else the range over the ReplicaSet's choices. */
function scaleIn(
  base: Membership,
  k: number,
  measure: (after: Membership, leaving: string[]) => ScaleInChoice,
  seed: number,
  notes: string[],
): { after: Membership; plan: AgainstScaleIn } {
  const online = base.members.filter((w) => w.state === 'ONLINE');
  const who = scaleInLeaving(online, k, seed);
  if (who.removes === 'statefulset-ordinals') {
    notes.push(`scale in: ${k} worker(s) leave, the highest pod ordinals (a StatefulSet: ${who.basis}); they stay registered (OFFLINE) until remove-worker`);
    return { after: scaledIn(base, who.leaving), plan: { removes: 'statefulset-ordinals', leaving: k, basis: who.basis, range: null } };
  }
  const { sets, total } = who;
  const range = scaleInRange(
    sets.map((set) => measure(scaledIn(base, set), set)),
    total,
  );
  const over = range.measured === total ? `every choice (${total})` : `${range.measured} of the ${total} choices, drawn (seed ${seed})`;
  notes.push(
    `scale in: which ${k} of the ${online.length} ONLINE workers leave is the ReplicaSet's choice, not determined (${who.basis}); moved is measured for ${over}, and the figures above are the median choice's; annotate the pods you want gone with the lowest pod-deletion-cost to decide it; they stay registered (OFFLINE) until remove-worker`,
  );
  return { after: scaledIn(base, range.median.leaving), plan: { removes: 'replicaset', leaving: k, basis: who.basis, range } };
}

function ring(m: Membership, s: RingSettings, notes: string[]): Placement {
  const algorithm = POLICY_ALGORITHM[s.policy];
  if (s.provider === 'CAPACITY' && !notes.some((n) => n.includes('CAPACITY')))
    notes.push('CAPACITY provider: ring-sim places it as the DEFAULT provider here (CAPACITY is not public)');
  if (algorithm === 'alluxio-consistent' || algorithm === undefined) {
    if (algorithm === undefined) notes.push(`policy ${s.policy}: not a ring policy ring-sim knows; placed as CONSISTENT`);
    return membershipPlacement(m, s.mode, s.vnodes);
  }
  const workers = m.members.filter((w) => s.mode === 'static' || w.state === 'ONLINE').map((w) => ({ id: w.identity }));
  return createPlacement(algorithm, workers, { identity: 'identity' });
}

export function planAgainst(before: AlluxioClusterManifest, after: AlluxioClusterManifest, o: AgainstOptions = {}): AgainstReport {
  const edition = o.edition ?? 'enterprise';
  const seed = o.seed ?? 1;
  const sa = readRingSettings(before, edition);
  const sb = readRingSettings(after, edition);
  const notes: string[] = [];
  const [na, nb] = [countOf(before), countOf(after)];
  let base: Membership;
  if (o.membership) {
    base = o.membership;
    const online = base.members.filter((w) => w.state === 'ONLINE').length;
    if (online !== na)
      notes.push(`the old manifest asks for ${na} workers and ${base.source} has ${online} ONLINE: the rings use the live identities, changed by ${nb - na}`);
  } else {
    base = {
      cluster: before.name,
      source: 'drawn identities',
      notes: [],
      members: drawIdentities(seed * 31 + 7, 'add', na).map((identity) => ({ identity, state: 'ONLINE' as const })),
    };
  }
  const liveBefore = base.members.filter((w) => w.state === 'ONLINE').length;
  const pa = ring(base, sa, notes);
  const keys = syntheticKeys(SAMPLE_KEYS, seed);
  const bytesOf = (moved: number): number | null => (o.datasetBytes !== undefined ? Math.round(moved * o.datasetBytes) : null);
  const leavingCount = Math.min(liveBefore, Math.max(0, na - nb));
  const scaled =
    leavingCount > 0
      ? scaleIn(
          base,
          leavingCount,
          (after, leaving) => {
            const moved = movement(pa, ring(after, sb, []), { keys }).moved;
            return { leaving, moved, rereadBytes: bytesOf(moved) };
          },
          seed,
          notes,
        )
      : { after: scaledOut(base, nb - na, seed, notes), plan: null };
  const grown = scaled.after;
  const pb = ring(grown, sb, notes);
  const mv = movement(pa, pb, { keys });
  if (mv.method === 'sample') notes.push(`moved measured on ${SAMPLE_KEYS.toLocaleString('en-US')} synthetic keys (the two policies hash differently)`);
  const settings = settingChanges(sa, sb, mv.moved);
  const groupNames = [...new Set([...before.groups.map((g) => g.name), ...after.groups.map((g) => g.name)])];
  const changes = [
    ...settings,
    ...groupNames.flatMap((n) =>
      groupChanges(
        before.groups.find((g) => g.name === n),
        after.groups.find((g) => g.name === n),
      ),
    ),
    ...propertyChanges(before, after, RING_PROPERTIES),
  ];
  const rereadBytes = bytesOf(mv.moved);
  // GETs at the new manifest's page size, counted as plan counts them (whole pages, or files of --files' mean size).
  const ufs = o.datasetBytes !== undefined ? rereadUfs(o, Number(sb.pageSizeBytes)) : null;
  const cost = rereadCost(rereadBytes, ufs ?? undefined);
  const side = (s: RingSettings, p: Placement): AgainstRing => ({
    policy: s.policy,
    provider: s.provider,
    vnodes: s.vnodes,
    mode: s.mode,
    workers: p.workers.length,
  });
  return {
    format: 'ring-sim/plan-against',
    version: 1,
    before: before.source,
    after: after.source,
    exact: o.membership !== undefined && nb <= na && mv.method === 'exact',
    identities: o.membership
      ? `live: ${o.membership.members.length} registered identities of cluster ${o.membership.cluster} from ${o.membership.source}`
      : `drawn (seed ${seed}): a model of a cluster like this one; pass --etcd or --etcd-export for the live identities`,
    changes,
    workers: { before: na, after: nb },
    ring: {
      before: side(sa, pa),
      after: side(sb, pb),
      moved: mv.moved,
      optimal: mv.optimal,
      method: mv.method,
      destructive: settings.some((c) => c.destructive),
      rereadBytes,
      rereadSeconds: cost.rereadSeconds,
      ufsBytesPerSecond: o.ufsBandwidth?.bytesPerSecond ?? null,
      rereadRequests: cost.rereadRequests,
      rereadUSD: cost.rereadUSD,
      requestsBasis: cost.rereadRequests === null ? null : ufs?.fileBytes != null ? 'files' : 'pages',
    },
    scaleIn: scaled.plan,
    notes: [...notes, ...(o.datasetBytes !== undefined ? ['bytes re-read: model, moved fraction × data set'] : []), ...(ufs ? [rereadAssumption(ufs)] : [])],
  };
}
