/**
 * An external etcd's endpoints (guide B.3): with `spec.etcd.enabled: false`, `alluxio.etcd.endpoints` names the
 * etcd the coordinator and workers register in, and `alluxio.etcd.tls.enabled: "true"` makes their client speak
 * TLS ("If using TLS for ETCD, add the following"). The client uses one setting for every endpoint, so the scheme
 * of the URLs and the property must agree. Entries that are not URLs are `property-invalid` (properties.ts).
 */
import type { Check } from '../../core/check.js';
import { ETCD_ENDPOINTS_PROP, ETCD_TLS_PROP, type EtcdEndpoint } from '../properties.js';

const ENDPOINTS_FIELD = `spec.properties.${ETCD_ENDPOINTS_PROP}`;
const TLS_FIELD = `spec.properties.${ETCD_TLS_PROP}`;
/** etcd's default client port (etcd's --listen-client-urls default http://localhost:2379). */
const ETCD_CLIENT_PORT = 2379;

/** The checks of an external etcd's endpoints against `alluxio.etcd.tls.enabled` (its value as written, if any). */
export function externalEtcdChecks(endpoints: readonly EtcdEndpoint[], tls: string | undefined): Check[] {
  const urls = endpoints.flatMap((e) => (e.url ? [{ text: e.text, ...e.url }] : []));
  if (urls.length === 0) return [];
  const tlsOn = tls !== undefined && /^true$/i.test(tls.trim());
  const https = urls.filter((u) => u.scheme === 'https');
  const out: Check[] = [];
  if (https.length > 0 && https.length < urls.length)
    out.push(
      mixedSchemes(
        urls.filter((u) => u.scheme === 'http').map((u) => u.text),
        https.map((u) => u.text),
        tlsOn,
      ),
    );
  else if (https.length > 0 && !tlsOn) out.push(tlsMissing(tls));
  else if (https.length === 0 && tlsOn) out.push(tlsOverHttp());
  const portless = urls.filter((u) => u.port === undefined);
  if (portless.length > 0) out.push(portMissing(portless.map((u) => u.text)));
  return out;
}

function tlsMissing(tls: string | undefined): Check {
  return {
    id: 'etcd-tls-missing',
    severity: 'error',
    field: TLS_FIELD,
    message: `alluxio.etcd.endpoints are https:// but alluxio.etcd.tls.enabled is ${tls === undefined ? 'not set' : JSON.stringify(tls)}: the etcd client speaks plain HTTP to a TLS port, its handshake fails, and the coordinator and workers never register`,
    fix: `add ${ETCD_TLS_PROP}: "true" under spec.properties`,
    source: 'guide B.3',
  };
}

function tlsOverHttp(): Check {
  return {
    id: 'etcd-tls-http',
    severity: 'warning',
    field: TLS_FIELD,
    message:
      'alluxio.etcd.tls.enabled is "true" but every alluxio.etcd.endpoints URL is http://: the client starts a TLS handshake with a port that serves plain HTTP (unless that etcd serves TLS on it), and registration fails',
    fix: `write the endpoints as https:// if the etcd serves TLS; otherwise remove ${ETCD_TLS_PROP}`,
    source: 'guide B.3',
  };
}

function mixedSchemes(http: string[], https: string[], tlsOn: boolean): Check {
  const failing = tlsOn ? http : https;
  return {
    id: 'etcd-endpoints-mixed-schemes',
    severity: 'warning',
    field: ENDPOINTS_FIELD,
    message: `mixes http:// (${http.join(', ')}) and https:// (${https.join(', ')}); alluxio.etcd.tls.enabled is one setting for all of them (${tlsOn ? '"true"' : 'not "true"'}), so ${failing.join(', ')} ${failing.length === 1 ? 'is' : 'are'} unreachable and membership depends on the rest`,
    fix: `give every endpoint the scheme the etcd serves: all https:// with ${ETCD_TLS_PROP}: "true", or all http:// without it`,
    source: 'guide B.3',
  };
}

function portMissing(portless: string[]): Check {
  return {
    id: 'etcd-endpoint-port-missing',
    severity: 'warning',
    field: ENDPOINTS_FIELD,
    message: `${portless.join(', ')} ${portless.length === 1 ? 'names' : 'name'} no port: etcd serves clients on ${ETCD_CLIENT_PORT}, and a URL without a port goes to the scheme's default (80 for http, 443 for https), where no etcd listens unless a proxy does`,
    fix: `write the client port, e.g. ${portless[0].replace(/\/$/, '')}:${ETCD_CLIENT_PORT}`,
    source: "guide B.3 (ring-sim model: the scheme's default port for a URL without one)",
  };
}
