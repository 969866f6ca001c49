/**
 * The ring settings an AlluxioCluster's `spec.properties` carries (selection policy, virtual nodes, dynamic or
 * static ring, hash provider, page size), with the edition's default where a property is not set.
 */
import type { Edition } from '../capacity/pagestore-plan.js';
import { parseAlluxioSize } from '../capacity/alluxio-size.js';
import { RingSimError } from '../core/errors.js';
import { MAX_RING_POINTS } from '../ring/worker.js';
import type { AlluxioClusterManifest } from './manifest.js';

export const VNODE_PROPS = [
  'alluxio.user.worker.selection.policy.consistent.hash.virtual.node.count.per.worker',
  'alluxio.user.consistent.hash.virtual.node.count.per.worker',
] as const;
export const POLICY_PROP = 'alluxio.user.worker.selection.policy';
export const DYNAMIC_PROP = 'alluxio.user.dynamic.consistent.hash.ring.enabled';
export const PROVIDER_PROP = 'alluxio.user.worker.selection.policy.consistent.hash.provider.impl';
export const PAGE_SIZE_PROP = 'alluxio.worker.page.store.page.size';

export interface RingSettings {
  policy: string;
  vnodes: number;
  /** The property that set the virtual node count, or undefined when it is the edition's default. */
  vnodeProp: string | undefined;
  mode: 'dynamic' | 'static';
  provider: string;
  pageSizeBytes: bigint;
  pageSizeSet: boolean;
}

export function prop(m: AlluxioClusterManifest, ...keys: readonly string[]): string | undefined {
  for (const k of keys) if (m.properties[k] !== undefined) return m.properties[k];
  return undefined;
}

export function readRingSettings(m: AlluxioClusterManifest, edition: Edition): RingSettings {
  const policy = (prop(m, POLICY_PROP) ?? 'CONSISTENT').toUpperCase();
  const vnodeProp = VNODE_PROPS.find((k) => m.properties[k] !== undefined);
  let vnodes = edition === 'enterprise' ? 2000 : 5;
  if (vnodeProp !== undefined) {
    const text = m.properties[vnodeProp];
    vnodes = Number(text);
    if (!Number.isInteger(vnodes) || vnodes < 1) {
      throw new RingSimError(`${m.source}: spec.properties.${vnodeProp}`, text, 'must be a whole number of at least 1', 'Enterprise documents 2000');
    }
  }
  const dynamicText = prop(m, DYNAMIC_PROP) ?? 'true';
  const mode: 'dynamic' | 'static' = dynamicText.trim().toLowerCase() === 'false' ? 'static' : 'dynamic';
  const provider = (prop(m, PROVIDER_PROP) ?? 'DEFAULT').toUpperCase();
  const pageSizeText = prop(m, PAGE_SIZE_PROP) ?? '1MB';
  let pageSizeBytes: bigint;
  try {
    pageSizeBytes = parseAlluxioSize(pageSizeText);
  } catch {
    throw new RingSimError(`${m.source}: spec.properties.${PAGE_SIZE_PROP}`, pageSizeText, 'not an Alluxio size', 'write e.g. 1MB or 4MB');
  }
  return { policy, vnodes, vnodeProp, mode, provider, pageSizeBytes, pageSizeSet: prop(m, PAGE_SIZE_PROP) !== undefined };
}

/** What the settings took from defaults rather than the manifest. */
export function settingsAssumptions(s: RingSettings, edition: Edition): string[] {
  const out: string[] = [];
  if (s.vnodeProp === undefined) out.push(`virtual nodes per worker not set: ${s.vnodes}, the ${edition === 'enterprise' ? 'Enterprise' : 'open-source'} default (--edition)`);
  if (!s.pageSizeSet) out.push('page size not set: 1 MiB (alluxio.worker.page.store.page.size default)');
  return out;
}

/**
 * The ring-point cap in the manifest's terms: the plan builds rings of up to `workers + 1` workers (the +1 worker
 * what-if) with the virtual node count, so it names that property and spec.worker.count, not a library option.
 */
export function checkRingPoints(m: AlluxioClusterManifest, s: RingSettings, edition: Edition, workers: number): void {
  const points = (workers + 1) * s.vnodes;
  if (points <= MAX_RING_POINTS) return;
  const field = `spec.properties.${s.vnodeProp ?? VNODE_PROPS[edition === 'enterprise' ? 0 : 1]}`;
  throw new RingSimError(`${m.source}: ${field}`, s.vnodes,
    `${workers} workers (and one more for the +1 worker what-if) × ${s.vnodes} virtual nodes is ${points} ring points, over ring-sim's limit of ${MAX_RING_POINTS}`,
    `lower ${field} to at most ${Math.floor(MAX_RING_POINTS / (workers + 1))} or spec.worker.count`);
}
