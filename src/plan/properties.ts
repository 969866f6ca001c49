/**
 * The Alluxio properties ring-sim knows (guide B.1: `spec.properties` lines are appended to
 * alluxio-site.properties), with the values Alluxio accepts. A known property with a value outside them is an
 * error check naming the allowed values; an unknown property is kept and never rejected.
 */
import { parseAlluxioSize } from '../capacity/alluxio-size.js';
import type { Check } from '../core/check.js';
import { ALLUXIO_ENTERPRISE_VNODES } from '../ring/alluxio/consistent.js';
import { ALLUXIO_ENTERPRISE_PAGE_SIZE, ALLUXIO_PAGE_SIZE } from '../core/page-size.js';

export const VNODE_PROPS = [
  'alluxio.user.worker.selection.policy.consistent.hash.virtual.node.count.per.worker',
  'alluxio.user.consistent.hash.virtual.node.count.per.worker',
] as const;
export const POLICY_PROP = 'alluxio.user.worker.selection.policy';
export const DYNAMIC_PROP = 'alluxio.user.dynamic.consistent.hash.ring.enabled';
export const PROVIDER_PROP = 'alluxio.user.worker.selection.policy.consistent.hash.provider.impl';
export const PAGE_SIZE_PROP = 'alluxio.worker.page.store.page.size';
export const LICENSE_PROP = 'alluxio.license';
export const ETCD_ENDPOINTS_PROP = 'alluxio.etcd.endpoints';
export const ETCD_TLS_PROP = 'alluxio.etcd.tls.enabled';

/** Alluxio's WorkerLocationPolicyEnum (the value is upper-cased before the lookup). */
export const POLICIES = ['CONSISTENT', 'JUMP', 'KETAMA', 'MAGLEV', 'MULTI_PROBE', 'LOCAL', 'REMOTE_ONLY'] as const;
/** Hash providers: DEFAULT and CAPACITY (the two ring-sim models), and those a property listing names. */
export const PROVIDERS = ['DEFAULT', 'CAPACITY', 'KETAMA', 'MAGLEV', 'MULTI_PROBE', 'JUMP'] as const;

type Validate = (value: string) => string | null;

const oneOf =
  (allowed: readonly string[]): Validate =>
  (v) =>
    allowed.includes(v.trim().toUpperCase()) ? null : `not one of the values Alluxio accepts: ${allowed.join(', ')}`;
const boolean: Validate = (v) => (/^(true|false)$/i.test(v.trim()) ? null : 'Alluxio reads a boolean property as true or false only');
const positiveInt: Validate = (v) => (/^\s*[1-9]\d{0,8}\s*$/.test(v) ? null : 'must be a whole number of at least 1');
const alluxioSize: Validate = (v) => {
  try {
    return parseAlluxioSize(v) > 0n ? null : 'must be a positive size';
  } catch {
    return 'not an Alluxio size (a number with B, KB, MB, GB…, read as binary)';
  }
};
/** One entry of `alluxio.etcd.endpoints`: its scheme and port (undefined when the URL names none); null when not a URL. */
export interface EtcdEndpoint {
  text: string;
  url: { scheme: 'http' | 'https'; host: string; port?: number } | null;
}

/** The comma-separated entries of `alluxio.etcd.endpoints`, e.g. `https://etcd-0:2379,https://etcd-1:2379`. */
export function parseEtcdEndpoints(v: string): EtcdEndpoint[] {
  return v.split(',').map((e) => {
    const text = e.trim();
    const m = /^(https?):\/\/([^\s/:,]+)(?::(\d{1,5}))?\/?$/.exec(text);
    return { text, url: m ? { scheme: m[1] as 'http' | 'https', host: m[2], ...(m[3] !== undefined ? { port: Number(m[3]) } : {}) } : null };
  });
}

const endpoints: Validate = (v) => {
  const bad = parseEtcdEndpoints(v)
    .filter((e) => e.url === null)
    .map((e) => JSON.stringify(e.text));
  return bad.length === 0
    ? null
    : `not a list of etcd URLs (${bad.join(', ')} ${bad.length === 1 ? 'is' : 'are'} not http:// or https://host[:port]): Alluxio's etcd client cannot connect`;
};

const KNOWN: Record<string, { validate: Validate; fix: string }> = {
  [POLICY_PROP]: { validate: oneOf(POLICIES), fix: 'write CONSISTENT (the default; the property description calls it the only option for real deployments)' },
  [PROVIDER_PROP]: { validate: oneOf(PROVIDERS), fix: 'write DEFAULT or CAPACITY' },
  [DYNAMIC_PROP]: { validate: boolean, fix: 'write "true" (the default) or "false"' },
  [VNODE_PROPS[0]]: { validate: positiveInt, fix: `write a whole number such as "${ALLUXIO_ENTERPRISE_VNODES}" (the Enterprise default)` },
  [VNODE_PROPS[1]]: { validate: positiveInt, fix: `write a whole number such as "${ALLUXIO_ENTERPRISE_VNODES}"` },
  [PAGE_SIZE_PROP]: {
    validate: alluxioSize,
    fix: `write e.g. ${ALLUXIO_ENTERPRISE_PAGE_SIZE} (the Enterprise operator's default) or ${ALLUXIO_PAGE_SIZE} (open source's)`,
  },
  [ETCD_ENDPOINTS_PROP]: { validate: endpoints, fix: 'write e.g. http://external-etcd:2379 (guide B.3)' },
};

/** Whether a property's value is one Alluxio accepts (unknown properties always are). */
export function propertyValid(key: string, value: string): boolean {
  const known = KNOWN[key] ?? (isBooleanKey(key) ? { validate: boolean } : undefined);
  return !known || known.validate(value) === null;
}

/** Alluxio's boolean properties end in `.enabled`. */
function isBooleanKey(key: string): boolean {
  return key.startsWith('alluxio.') && key.endsWith('.enabled');
}

export function propertyChecks(properties: Readonly<Record<string, string>>): Check[] {
  const out: Check[] = [];
  for (const [key, value] of Object.entries(properties)) {
    if (/<[A-Z][A-Z0-9_]*>/.test(value)) continue; // a placeholder: its own check
    const known = KNOWN[key] ?? (isBooleanKey(key) ? { validate: boolean, fix: 'write "true" or "false"' } : undefined);
    const problem = known?.validate(value);
    if (!known || !problem) continue;
    out.push({
      id: 'property-invalid',
      severity: 'error',
      field: `spec.properties.${key}`,
      message: `${JSON.stringify(value)} is ${problem.startsWith('not') ? '' : 'invalid: '}${problem}; Alluxio would fail to start or ignore the setting`,
      fix: known.fix,
      source: 'guide B.1 (spec.properties → alluxio-site.properties)',
    });
  }
  return out;
}
