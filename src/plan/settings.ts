/**
 * The ring settings an AlluxioCluster's `spec.properties` carries (selection policy, virtual nodes, dynamic or
 * static ring, hash provider, page size), with the default where a property is not set or its value is invalid
 * (properties.ts reports the invalid ones as errors). Defaults follow the edition: virtual nodes and the page size
 * (4 MiB under the Enterprise operator's chart, 1 MiB in open source; src/core/page-size.ts).
 */
import type { Edition } from '../capacity/pagestore-plan.js';
import { parseAlluxioSize } from '../capacity/alluxio-size.js';
import { RingSimError } from '../core/errors.js';
import { MAX_RING_POINTS } from '../ring/worker.js';
import { ALLUXIO_ENTERPRISE_VNODES, ALLUXIO_OSS_VNODES } from '../ring/alluxio/consistent.js';
import { defaultPageSize, pageSizeDefaultAssumption } from '../core/page-size.js';
import type { RingMode } from '../membership/membership.js';
import type { AlluxioClusterManifest } from './manifest.js';
import { DYNAMIC_PROP, PAGE_SIZE_PROP, POLICY_PROP, PROVIDER_PROP, VNODE_PROPS, propertyValid } from './properties.js';

export { VNODE_PROPS, POLICY_PROP, DYNAMIC_PROP, PROVIDER_PROP, PAGE_SIZE_PROP } from './properties.js';

export interface RingSettings {
  policy: string;
  vnodes: number;
  /** The property that set the virtual node count, or undefined when it is the edition's default. */
  vnodeProp: string | undefined;
  mode: RingMode;
  provider: string;
  pageSizeBytes: bigint;
  pageSizeSet: boolean;
}

/** The first of `keys` the manifest sets. */
export function prop(m: AlluxioClusterManifest, ...keys: readonly string[]): string | undefined {
  for (const k of keys) if (m.properties[k] !== undefined) return m.properties[k];
  return undefined;
}

/** A property's value when it is set to one Alluxio accepts. */
function validProp(m: AlluxioClusterManifest, key: string): string | undefined {
  const v = m.properties[key];
  return v !== undefined && propertyValid(key, v) && !/<[A-Z][A-Z0-9_]*>/.test(v) ? v : undefined;
}

export function readRingSettings(m: AlluxioClusterManifest, edition: Edition): RingSettings {
  const vnodeProp = VNODE_PROPS.find((k) => validProp(m, k) !== undefined);
  const vnodes = vnodeProp !== undefined ? Number(m.properties[vnodeProp]) : edition === 'enterprise' ? ALLUXIO_ENTERPRISE_VNODES : ALLUXIO_OSS_VNODES;
  const pageSizeText = validProp(m, PAGE_SIZE_PROP);
  return {
    policy: (validProp(m, POLICY_PROP) ?? 'CONSISTENT').trim().toUpperCase(),
    vnodes,
    vnodeProp,
    mode: (validProp(m, DYNAMIC_PROP) ?? 'true').trim().toLowerCase() === 'false' ? 'static' : 'dynamic',
    provider: (validProp(m, PROVIDER_PROP) ?? 'DEFAULT').trim().toUpperCase(),
    pageSizeBytes: parseAlluxioSize(pageSizeText ?? defaultPageSize(edition).text),
    pageSizeSet: pageSizeText !== undefined,
  };
}

/** What the settings took from defaults rather than the manifest; none of them is in the install guide. */
export function settingsAssumptions(s: RingSettings, edition: Edition): string[] {
  const out: string[] = [];
  if (s.vnodeProp === undefined)
    out.push(
      `virtual nodes per worker not set: ${s.vnodes}, the ${edition === 'enterprise' ? 'Enterprise' : 'open-source'} default (--edition; ring-sim's assumption, the guide does not give it)`,
    );
  if (!s.pageSizeSet) out.push(pageSizeDefaultAssumption(edition));
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
  throw new RingSimError(
    `${m.source}: ${field}`,
    s.vnodes,
    `${workers} workers (and one more for the +1 worker what-if) × ${s.vnodes} virtual nodes is ${points} ring points, over ring-sim's limit of ${MAX_RING_POINTS}`,
    `lower ${field} to at most ${Math.floor(MAX_RING_POINTS / (workers + 1))} or spec.worker.count`,
  );
}
