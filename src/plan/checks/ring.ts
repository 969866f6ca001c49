/**
 * Ring settings (guide step 4: configure the hash ring before deploying; changing it afterwards is
 * destructive): the selection policy, heterogeneous capacity on the DEFAULT provider, the spread of too few
 * virtual nodes, and the exact cost of changing the ring later (from the what-if).
 */
import type { Check } from '../../core/check.js';
import { formatBinary } from '../../core/units.js';
import type { PlanContext } from '../context.js';
import type { PlanWhatIf } from '../model.js';
import type { RingBalance } from '../ring-balance.js';
import { POLICY_PROP, PROVIDER_PROP, VNODE_PROPS } from '../settings.js';
import { ALLUXIO_ENTERPRISE_VNODES } from '../../ring/alluxio/consistent.js';

const BEFORE_DEPLOY = 'guide step 4 (configure the hash ring before deploying)';

export function policyChecks(c: PlanContext): Check[] {
  const { policy } = c.settings;
  if (policy === 'CONSISTENT') return [];
  return [
    {
      id: 'policy-not-consistent',
      severity: 'warning',
      field: `spec.properties.${POLICY_PROP}`,
      message: `${policy}: Alluxio's property description says CONSISTENT is the only policy for real deployments; this plan models CONSISTENT`,
      fix: 'remove the property or set CONSISTENT',
      source: 'Alluxio property description',
    },
  ];
}

/** The provider, and workers of different capacity on DEFAULT: their fill rates from the ring's own shares (`shares`, aligned with `c.workers`). */
export function providerChecks(c: PlanContext, shares: readonly number[]): Check[] {
  const p = c.settings.provider;
  if (p !== 'DEFAULT' && p !== 'CAPACITY') {
    return [
      {
        id: 'provider-not-modelled',
        severity: 'info',
        field: `spec.properties.${PROVIDER_PROP}`,
        message: `ring-sim models the DEFAULT and CAPACITY providers; ${p} is planned as DEFAULT`,
        fix: 'use DEFAULT, or CAPACITY for workers of different sizes',
        source: 'ring-sim model',
      },
    ];
  }
  if (p === 'CAPACITY') return [];
  const sizes = c.workers.map((w) => w.cacheBytes);
  const small = Math.min(...sizes);
  const large = Math.max(...sizes);
  if (small === large) return [];
  // How fast each worker fills: its share of the keys over what it holds, from this ring (not "about the same share").
  const fill = sizes.map((b, i) => shares[i] / b);
  const fastest = fill.indexOf(Math.max(...fill));
  const slowest = fill.indexOf(Math.min(...fill));
  const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
  return [
    {
      id: 'heterogeneous-default-provider',
      severity: 'warning',
      field: `spec.properties.${PROVIDER_PROP}`,
      message: `workers hold ${formatBinary(small)} to ${formatBinary(large)} but the DEFAULT provider gives each the same number of virtual nodes, whatever it holds: here they get ${pct(Math.min(...shares))} to ${pct(Math.max(...shares))} of the keys, so ${c.planned[fastest].name} (${formatBinary(sizes[fastest])}) fills ${(fill[fastest] / fill[slowest]).toFixed(2)}× sooner than ${c.planned[slowest].name} (${formatBinary(sizes[slowest])}) and evicts while the other is part empty`,
      fix: `set ${PROVIDER_PROP}: CAPACITY before the first deployment (ring-sim models CAPACITY as virtual nodes proportional to capacity: a model, Alluxio's algorithm is not public)`,
      source: BEFORE_DEPLOY,
    },
  ];
}

/** A spread check is raised when the worst identity draw's busiest worker is over this × its expected share. */
export const SPREAD_FLAG_OVER_FAIR = 1.25;
/** It is a warning (not info) when even the best draw's busiest worker is over this. */
export const SPREAD_WARN_OVER_FAIR = 1.5;

/** The ring's randomness: the busiest worker against its own expected share (capacity share with CAPACITY, equal with DEFAULT). */
export function spreadChecks(c: PlanContext, b: RingBalance): Check[] {
  const maxes = b.spreadMaxes;
  const worst = maxes[maxes.length - 1];
  if (worst <= SPREAD_FLAG_OVER_FAIR) return [];
  const vnodeProp = c.settings.vnodeProp ?? VNODE_PROPS[c.edition === 'enterprise' ? 0 : 1];
  const v = c.settings.vnodes;
  const x = (r: number): string => `${r.toFixed(2)}×`;
  return [
    {
      id: 'ring-spread',
      severity: maxes[0] > SPREAD_WARN_OVER_FAIR ? 'warning' : 'info',
      field: `spec.properties.${vnodeProp}`,
      message: `${v} virtual nodes a worker spread data unevenly: over ${b.draws} identity draws the busiest worker gets up to ${x(worst)} its expected share (median ${x(maxes[Math.floor(maxes.length / 2)])}, best ${x(maxes[0])}), over the ${x(SPREAD_FLAG_OVER_FAIR)} ring-sim flags${maxes[0] > SPREAD_WARN_OVER_FAIR ? ` (a warning: every draw is over ${x(SPREAD_WARN_OVER_FAIR)})` : ''}`,
      fix:
        v < ALLUXIO_ENTERPRISE_VNODES
          ? `set ${vnodeProp} to ${ALLUXIO_ENTERPRISE_VNODES} (stddev/mean about ${(100 / Math.sqrt(ALLUXIO_ENTERPRISE_VNODES)).toFixed(2)} %) before the first deployment`
          : `with ${v} virtual nodes this is the ring's randomness over ${c.planned.length} workers: leave headroom on each worker (the what-if shows what a later change costs)`,
      source: BEFORE_DEPLOY,
    },
  ];
}

/** Changing the ring after deploying: the guide's word (destructive) and the what-if's exact fraction. */
export function ringChangeChecks(c: PlanContext, whatIf: readonly PlanWhatIf[]): Check[] {
  const s = c.settings;
  const change = whatIf.find((w) => w.name.startsWith('virtual nodes') && w.applicable !== false);
  const cost = change
    ? `; ${change.name} moves ${(change.moved * 100).toFixed(2)} % of the keys (${formatBinary(change.bytesMoved)}, ${change.bytesBasisText}) to other workers, exactly, in the what-if`
    : '';
  const page = whatIf.find((w) => w.name === 'change the page size after deploy');
  const pageCost = page
    ? `; changing the page size drops every cached page (${formatBinary(page.bytesReread)}, ${page.bytesBasisText}) when the workers restart, in the what-if`
    : '';
  return [
    {
      id: 'ring-change-destructive',
      severity: 'info',
      field: 'spec.properties',
      message: `the ring settings (virtual nodes ${s.vnodes}, ${s.mode} ring, provider ${s.provider}, page size ${formatBinary(s.pageSizeBytes)}) are fixed at deployment: the guide calls changing them afterwards destructive (cached data is lost)${cost}${pageCost}`,
      fix: 'decide them now',
      source: BEFORE_DEPLOY,
    },
  ];
}
