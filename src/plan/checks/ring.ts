/** Ring settings: the selection policy, capacity against the hash provider, the spread, changes after deploy. */
import type { Check } from '../../core/check.js';
import { formatBinary } from '../../core/units.js';
import type { PlanContext } from '../context.js';
import type { RingBalance } from '../ring-balance.js';
import { POLICY_PROP, PROVIDER_PROP, VNODE_PROPS } from '../settings.js';

export function policyChecks(c: PlanContext): Check[] {
  const { policy } = c.settings;
  if (policy === 'CONSISTENT') return [];
  return [{ severity: 'warning', field: `spec.properties.${POLICY_PROP}`, message: `${policy}: Alluxio's property description says CONSISTENT is the only policy for real deployments; this plan models CONSISTENT`, fix: 'remove the property or set CONSISTENT' }];
}

export function providerChecks(c: PlanContext): Check[] {
  if (c.settings.provider === 'CAPACITY') return [];
  const sizes = new Set(c.workers.map((w) => w.cacheBytes));
  if (sizes.size <= 1) return [];
  return [{ severity: 'warning', field: `spec.properties.${PROVIDER_PROP}`, message: 'workers differ in capacity but the DEFAULT provider gives every worker the same share: the small ones evict while the large ones sit half empty', fix: 'set it to CAPACITY before the first deployment' }];
}

export function ringSettingsInfo(c: PlanContext): Check[] {
  const s = c.settings;
  return [{
    severity: 'info',
    field: 'spec.properties',
    message: `ring settings (virtual nodes ${s.vnodes}, ${s.mode} ring, provider ${s.provider}, page size ${formatBinary(s.pageSizeBytes)}) remap all cached data if changed after deployment`,
    fix: 'decide them now; see the what-if table for the cost of changing the virtual node count later',
  }];
}

export function spreadChecks(c: PlanContext, b: RingBalance): Check[] {
  const { maxes, draws } = b;
  if (maxes[maxes.length - 1] <= 1.25) return [];
  const defaultProp = VNODE_PROPS[c.edition === 'enterprise' ? 0 : 1];
  return [{
    severity: maxes[0] > 1.5 ? 'warning' : 'info',
    field: `spec.properties.${c.settings.vnodeProp ?? defaultProp}`,
    message: `${c.settings.vnodes} virtual nodes a worker spread data unevenly: the busiest worker gets ${maxes[Math.floor(maxes.length / 2)].toFixed(2)}× its fair share (worst of ${draws} identity draws: ${maxes[maxes.length - 1].toFixed(2)}×)`,
    fix: `set ${defaultProp} to 2000 (about 2 % spread) before the first deployment`,
  }];
}
