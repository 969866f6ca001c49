/**
 * The ring settings of a running cluster, for day-2 commands (`inspect`, `locate`): an explicit flag first, then
 * the AlluxioCluster manifest's properties (read by `readRingSettings`, exactly as `plan` reads them), then the
 * edition's default. Every value not given by a flag is returned as an assumption naming its source and the flag
 * that sets it, so the operator sees what the answer stands on.
 *
 * @example
 *   resolveClusterSettings(undefined, 'enterprise', {}).vnodes // ALLUXIO_ENTERPRISE_VNODES (2000), assumed and said so
 */
import type { Edition } from '../capacity/pagestore-plan.js';
import type { AlluxioClusterManifest } from './manifest.js';
import { defaultPageSize } from '../core/page-size.js';
import { formatBinary } from '../core/units.js';
import { DEFAULT_CLUSTER } from '../membership/etcd-membership.js';
import type { RingMode } from '../membership/membership.js';
import { ALLUXIO_ENTERPRISE_VNODES, ALLUXIO_OSS_VNODES } from '../ring/alluxio/consistent.js';
import { DYNAMIC_PROP, PAGE_SIZE_PROP, POLICY_PROP, PROVIDER_PROP, VNODE_PROPS, readRingSettings } from './settings.js';

export const CLUSTER_NAME_PROP = 'alluxio.cluster.name';

export interface ExplicitClusterSettings {
  vnodes?: number;
  ring?: RingMode;
  cluster?: string;
}

export interface ClusterSettings {
  policy: string;
  provider: string;
  vnodes: number;
  ring: RingMode;
  pageSizeBytes: bigint;
  cluster: string;
  /** One sentence for each value not given by a flag: the value, its source, the flag or file that sets it. */
  assumptions: ClusterAssumption[];
}

export type ClusterSetting = 'vnodes' | 'ring' | 'provider' | 'pageSize' | 'cluster';

export interface ClusterAssumption {
  setting: ClusterSetting;
  text: string;
}

/** Where the operator's chart copy presets `alluxio.cluster.name=<namespace>-<name>` (and etcd's endpoint). */
export const OPERATOR_PRESETS_SOURCE =
  "the Enterprise operator chart's preset alluxio.cluster.name=<namespace>-<name>, which spec.properties overrides (alluxio/templates/helpers/_alluxio-site-properties.tpl of an unofficial copy, github.com/dodiadodia/alluxio-helm)";

/** The manifest's `alluxio.cluster.name` in spec.properties, when it sets one. */
export function manifestClusterName(m: AlluxioClusterManifest): string | undefined {
  const v = m.properties[CLUSTER_NAME_PROP]?.trim();
  return v !== undefined && v !== '' ? v : undefined;
}

export interface DerivedClusterName {
  name: string;
  /** How it was decided, for the assumption line. */
  how: string;
}

/**
 * The `alluxio.cluster.name` the operator gives the manifest's cluster: spec.properties' (written after the
 * presets, so it wins), else the chart's preset `<namespace>-<name>` (the Helm release is the AlluxioCluster's
 * name, as the guide's pod names alluxio-cluster-etcd-0 show). A manifest without metadata.namespace is applied
 * in kubectl's current namespace, taken as `default`, and said so.
 */
export function operatorClusterName(m: AlluxioClusterManifest): DerivedClusterName {
  const set = manifestClusterName(m);
  if (set !== undefined) return { name: set, how: `from ${m.source} (spec.properties ${CLUSTER_NAME_PROP})` };
  const namespace = m.namespace ?? 'default';
  const nsNote = m.namespaceGiven ? '' : `; ${m.source} has no metadata.namespace, so kubectl's current namespace, taken as default`;
  return {
    name: `${namespace}-${m.name}`,
    how: `derived from ${m.source} (metadata.namespace ${namespace}, metadata.name ${m.name}): ${OPERATOR_PRESETS_SOURCE}${nsNote}`,
  };
}

/** The settings a day-2 command uses, and how each was decided. */
export function resolveClusterSettings(m: AlluxioClusterManifest | undefined, edition: Edition, given: ExplicitClusterSettings): ClusterSettings {
  // A manifest with no ring properties reads as the edition's defaults; without one, an empty manifest stands in.
  const s = m ? readRingSettings(m, edition) : undefined;
  const from = (prop: string): string => `from ${m!.source} (spec.properties ${prop})`;
  const isSet = (prop: string): boolean => m?.properties[prop] !== undefined;
  const editionName = edition === 'enterprise' ? 'Enterprise' : 'open-source';
  const assumptions: ClusterAssumption[] = [];
  const own = (what: string): string => (m ? `${m.source} does not set ${what}` : `pass --manifest FILE for the cluster's own`);
  const assume = (setting: ClusterSetting, text: string): void => {
    assumptions.push({ setting, text });
  };

  const defaultVnodes = edition === 'enterprise' ? ALLUXIO_ENTERPRISE_VNODES : ALLUXIO_OSS_VNODES;
  const vnodes = given.vnodes ?? s?.vnodes ?? defaultVnodes;
  if (given.vnodes === undefined) {
    assume(
      'vnodes',
      s?.vnodeProp !== undefined
        ? `${vnodes} virtual nodes per worker ${from(s.vnodeProp)}; --vnodes overrides it`
        : `${vnodes} virtual nodes per worker: the ${editionName} default (--edition ${edition}${m ? `; ${m.source} sets neither ${VNODE_PROPS.join(' nor ')}` : ''}); pass --vnodes N or --manifest FILE for the cluster's own`,
    );
  }
  const ring = given.ring ?? s?.mode ?? 'dynamic';
  if (given.ring === undefined) {
    assume('ring', m && isSet(DYNAMIC_PROP) ? `${ring} ring ${from(DYNAMIC_PROP)}` : `${ring} ring: Alluxio's default (${DYNAMIC_PROP}=true); ${own('it')}`);
  }
  const policy = s?.policy ?? 'CONSISTENT';
  const provider = s?.provider ?? 'DEFAULT';
  assume(
    'provider',
    m && (isSet(POLICY_PROP) || isSet(PROVIDER_PROP))
      ? `${policy} policy, ${provider} hash provider ${from(`${POLICY_PROP}, ${PROVIDER_PROP}`)}`
      : `${policy} policy, ${provider} hash provider: Alluxio's defaults; ${own('them')}`,
  );
  const pageDefault = defaultPageSize(edition);
  const pageSizeBytes = s?.pageSizeBytes ?? BigInt(pageDefault.bytes);
  assume(
    'pageSize',
    s?.pageSizeSet
      ? `page size ${pageSizeBytes} B ${from(PAGE_SIZE_PROP)}`
      : `page size ${pageSizeBytes} B (${formatBinary(pageDefault.bytes)}): the ${editionName} default (--edition ${edition}: ${pageDefault.source}); ${own('it')}`,
  );
  const derived = m ? operatorClusterName(m) : undefined;
  const cluster = given.cluster ?? derived?.name ?? DEFAULT_CLUSTER;
  if (given.cluster === undefined) {
    assume(
      'cluster',
      derived !== undefined
        ? `cluster ${cluster} ${derived.how}; --cluster overrides it`
        : `cluster ${cluster}: Alluxio's default ${CLUSTER_NAME_PROP} (an operator install names it <namespace>-<name> of its AlluxioCluster); pass --cluster NAME or --manifest FILE for the cluster's own`,
    );
  }
  return { policy, provider, vnodes, ring, pageSizeBytes, cluster, assumptions };
}
