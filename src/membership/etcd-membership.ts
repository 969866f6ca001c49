/**
 * Alluxio's membership as `EtcdMembershipManager` writes it (shared/reference/alluxio-placement.md §6.1):
 * - `/DHT/<cluster>/AUTHORIZED/worker-<id>`: the registration, without a lease; a worker stays registered until
 *   `alluxio process remove-worker` deletes the key;
 * - `/ServiceDiscovery/<cluster>/worker-<id>`: the liveness entry, lease-backed; gone when the lease expires.
 * A registered worker is ONLINE when it has a liveness entry and OFFLINE otherwise. The key carries the
 * identity; the value (a WorkerServiceEntity: JSON in recent versions, binary in older ones) is read
 * best-effort for the address only. Other clusters in the same etcd are ignored.
 */
import { RingSimError } from '../core/errors.js';
import { identityToString, parseIdentityString } from '../ring/alluxio/identity.js';
import type { EtcdSource, KeyValue } from './etcd-source.js';
import type { Member, Membership } from './membership.js';

export const DEFAULT_CLUSTER = 'DefaultAlluxioCluster';

export function registrationPrefix(cluster: string): string {
  return `/DHT/${cluster}/AUTHORIZED/`;
}

export function livenessPrefix(cluster: string): string {
  return `/ServiceDiscovery/${cluster}/`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `host:rpcPort` from a JSON WorkerServiceEntity (`WorkerNetAddress.Host`, `.RpcPort`); undefined otherwise. */
export function entityAddress(value: Uint8Array): string | undefined {
  return entityNetAddress(value)?.address;
}

/** `WorkerNetAddress.Host` alone (the pod's IP or name, as the charts register it) and `Host:RpcPort`. */
function entityNetAddress(value: Uint8Array): { host: string; address: string } | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(utf8.decode(value));
  } catch {
    return undefined;
  }
  const address = (doc as { WorkerNetAddress?: { Host?: unknown; RpcPort?: unknown } } | null)?.WorkerNetAddress;
  if (!address || typeof address.Host !== 'string' || address.Host === '') return undefined;
  const host = address.Host;
  return { host, address: typeof address.RpcPort === 'number' && address.RpcPort > 0 ? `${host}:${address.RpcPort}` : host };
}

interface Entry {
  identity: string;
  address?: string;
  host?: string;
}

/** Entries under `prefix`, keyed by canonical identity; keys that are no Alluxio identity go to `notes`. */
function entries(pairs: readonly KeyValue[], prefix: string, notes: string[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let unreadable = 0;
  for (const kv of pairs) {
    const name = kv.key.slice(prefix.length);
    const parsed = parseIdentityString(name);
    if (!parsed) {
      notes.push(`skipped ${JSON.stringify(kv.key)}: not an Alluxio worker identity (worker-<uuid> or worker-<number>)`);
      continue;
    }
    const identity = identityToString(parsed);
    const net = entityNetAddress(kv.value);
    if (net === undefined && kv.value.length > 0) unreadable++;
    out.set(identity, net === undefined ? { identity } : { identity, ...net });
  }
  if (unreadable > 0) notes.push(`${unreadable} value(s) under ${prefix} are not JSON WorkerServiceEntity (older Alluxio writes binary): address unknown`);
  return out;
}

/** Cluster names that have keys under `/DHT/<name>/AUTHORIZED/` or `/ServiceDiscovery/<name>/`. */
async function clustersFound(source: EtcdSource): Promise<string[]> {
  const names = new Set<string>();
  for (const kv of await source.range('/DHT/', { keysOnly: true })) {
    const m = /^\/DHT\/([^/]+)\/AUTHORIZED\//.exec(kv.key);
    if (m) names.add(m[1]);
  }
  for (const kv of await source.range('/ServiceDiscovery/', { keysOnly: true })) {
    const m = /^\/ServiceDiscovery\/([^/]+)\//.exec(kv.key);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

/** A member's address fields from its entry, when the value was readable. */
function netFields(e: Entry | undefined): { address?: string; host?: string } {
  return e?.address !== undefined && e.host !== undefined ? { address: e.address, host: e.host } : {};
}

/** The membership of `cluster`: registered identities with address and state, in etcd's key order. */
export async function readMembership(source: EtcdSource, cluster: string): Promise<Membership> {
  const notes: string[] = [];
  const reg = registrationPrefix(cluster);
  const live = livenessPrefix(cluster);
  const registered = entries(await source.range(reg), reg, notes);
  const alive = entries(await source.range(live), live, notes);
  if (registered.size === 0 && alive.size === 0) {
    const found = await clustersFound(source);
    throw new RingSimError(
      '--cluster',
      cluster,
      `no workers under ${reg} or ${live} in ${source.name}; clusters found: ${found.length ? found.join(', ') : 'none'}`,
      found.length
        ? `pass --cluster ${found[0]}${found.length > 1 ? ' (or another found)' : ''}`
        : 'check the endpoints or export and that Alluxio uses etcd membership',
    );
  }
  const members: Member[] = [];
  for (const [identity, e] of registered) {
    const net = e.address !== undefined ? e : alive.get(identity);
    members.push({ identity, ...netFields(net), state: alive.has(identity) ? 'ONLINE' : 'OFFLINE' });
  }
  for (const [identity, e] of alive) {
    if (registered.has(identity)) continue;
    notes.push(`${identity} is live under ${live} but not registered under ${reg}: counted ONLINE`);
    members.push({ identity, ...netFields(e), state: 'ONLINE' });
  }
  members.sort((a, b) => (a.identity < b.identity ? -1 : a.identity > b.identity ? 1 : 0));
  return { cluster, members, source: source.name, notes };
}
