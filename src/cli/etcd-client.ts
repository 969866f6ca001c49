/**
 * A live etcd as an `EtcdSource`, through etcd's own v3 JSON gateway (`POST /v3/kv/range`, served on the client
 * port by every etcd since 3.3 under /v3beta and since 3.4 under /v3): no dependency, plain HTTP(S) from Node.
 * - several endpoints: each tried in turn with its own timeout; the first that answers serves every read;
 * - TLS: a CA to trust, and a client certificate and key (etcd's --client-cert-auth), through an https.Agent;
 * - auth: user and password to `POST /v3/auth/authenticate`, whose token goes in the Authorization header.
 * Every failure is one line naming the endpoint and what to do (RingSimError, exit 2).
 */
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { RingSimError } from '../core/errors.js';
import { encodeBase64 } from '../membership/base64.js';
import { parseEtcdJson } from '../membership/etcd-json.js';
import type { EtcdSource, KeyValue, RangeOptions } from '../membership/etcd-source.js';
import { utf8Bytes } from '../hash/utf8.js';
import { readTextFile } from './input-file.js';

export interface EtcdClientOptions {
  endpoints: string[];
  /** Seconds each endpoint gets to answer a request. */
  timeoutSeconds: number;
  user?: string;
  password?: string;
  /** PEM files: the CA to trust, the client certificate and its key. */
  cacert?: string;
  cert?: string;
  key?: string;
}

/** A response body is at most this many bytes (a listing of 1 million workers is far below it). */
const MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

/** `http://host:port` from an endpoint as etcdctl takes it (a scheme is optional; http is assumed). */
export function endpointUrl(text: string): URL {
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new RingSimError('--etcd', text, 'not an endpoint URL', 'write e.g. http://10.0.0.5:2379 or https://etcd-0:2379');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RingSimError('--etcd', text, 'an etcd endpoint is http:// or https://', 'write e.g. https://etcd-0:2379');
  }
  return url;
}

/** The key just past every key that starts with `prefix` (etcd's range_end for a prefix). */
export function prefixRangeEnd(prefix: Uint8Array): Uint8Array {
  const end = prefix.slice();
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i] < 0xff) {
      end[i]++;
      return end.slice(0, i + 1);
    }
  }
  return new Uint8Array([0]);
}

interface Answer {
  status: number;
  body: string;
}

function post(url: URL, path: string, body: unknown, o: EtcdClientOptions, agent: HttpsAgent | undefined, token?: string): Promise<Answer> {
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
  if (token) headers.authorization = token;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve, reject) => {
    const req = request(new URL(path, url), { method: 'POST', headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_RESPONSE_BYTES) req.destroy(new Error(`answer larger than ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(c);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    // One deadline for the whole exchange: connecting, TLS, the answer.
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${o.timeoutSeconds} s`)), o.timeoutSeconds * 1000);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(payload);
  });
}

/** etcd's gateway error text (`{"error": ..., "message": ...}`), or the HTTP status. */
function gatewayError(a: Answer): string {
  try {
    const doc = JSON.parse(a.body) as { message?: string; error?: string };
    return doc.message ?? doc.error ?? `HTTP ${a.status}`;
  } catch {
    return `HTTP ${a.status}${a.body ? `: ${a.body.slice(0, 80)}` : ''}`;
  }
}

function tlsAgent(o: EtcdClientOptions): HttpsAgent | undefined {
  if (!o.cacert && !o.cert && !o.key) return undefined;
  if (!!o.cert !== !!o.key) {
    throw new RingSimError(
      o.cert ? '--etcd-key' : '--etcd-cert',
      undefined,
      'a client certificate needs its key and the key its certificate',
      'pass both --etcd-cert and --etcd-key',
    );
  }
  return new HttpsAgent({
    ca: o.cacert ? readTextFile(o.cacert, '--etcd-cacert') : undefined,
    cert: o.cert ? readTextFile(o.cert, '--etcd-cert') : undefined,
    key: o.key ? readTextFile(o.key, '--etcd-key') : undefined,
    keepAlive: false,
  });
}

function failureReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ECONNREFUSED') return 'connection refused';
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') return 'host name not found';
  if (err.code === 'ECONNRESET') return 'connection reset (an https endpoint asked over http, or a client certificate missing?)';
  if (err.code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL/i.test(err.code)) return `TLS: ${err.message} (pass the CA with --etcd-cacert)`;
  return err.message ?? String(e);
}

/**
 * etcd's HTTP gateway (which ring-sim reads through) answers 400 to a request whose client certificate has a
 * CommonName when etcd runs with auth and client-cert-auth (etcd PR #10392: a CN must not authenticate through
 * the gateway). Seen with Debian's etcd 3.4.23.
 */
function refusesCommonName(a: Answer, o: EtcdClientOptions, url: URL): RingSimError | undefined {
  if (a.status !== 400 || !/CommonName/.test(a.body)) return undefined;
  return new RingSimError(
    '--etcd-cert',
    o.cert,
    `etcd at ${url.origin} refuses a client certificate with a CommonName over its HTTP gateway while auth is on (etcd PR #10392)`,
    'use a client certificate whose subject has no CN (e.g. openssl req -subj "/O=ring-sim"), or export the membership with etcdctl and pass --etcd-export',
  );
}

/** Asks one endpoint: authenticates if a user is given, then returns a reader bound to it. */
async function connect(
  url: URL,
  o: EtcdClientOptions,
  agent: HttpsAgent | undefined,
): Promise<(prefix: string, options?: RangeOptions) => Promise<KeyValue[]>> {
  let token: string | undefined;
  if (o.user !== undefined) {
    const a = await post(url, '/v3/auth/authenticate', { name: o.user, password: o.password ?? '' }, o, agent);
    if (a.status !== 200) {
      const cn = refusesCommonName(a, o, url);
      if (cn) throw cn;
      throw new RingSimError(
        '--etcd-user',
        o.user,
        `etcd at ${url.origin} refused the login: ${gatewayError(a)}`,
        'check --etcd-user and --etcd-password (or RING_SIM_ETCD_PASSWORD)',
      );
    }
    token = (JSON.parse(a.body) as { token?: string }).token;
  }
  const range = async (prefix: string, options: RangeOptions = {}): Promise<KeyValue[]> => {
    const key = utf8Bytes(prefix);
    const body = { key: encodeBase64(key), range_end: encodeBase64(prefixRangeEnd(key)), keys_only: options.keysOnly ?? false };
    let a: Answer;
    try {
      a = await post(url, '/v3/kv/range', body, o, agent, token);
    } catch (e) {
      throw new RingSimError(
        '--etcd',
        url.origin,
        `reading ${prefix} failed: ${failureReason(e)}`,
        'retry, or export the membership with etcdctl and use --etcd-export',
      );
    }
    if (a.status !== 200) {
      const cn = refusesCommonName(a, o, url);
      if (cn) throw cn;
      const why = gatewayError(a);
      const auth = /user name|permission|auth|token/i.test(why);
      throw new RingSimError(
        '--etcd',
        url.origin,
        `etcd refused to read ${prefix}: ${why}`,
        auth ? 'pass --etcd-user and --etcd-password of a user that may read /DHT/ and /ServiceDiscovery/' : 'check the endpoint is an etcd v3.4+ client URL',
      );
    }
    return parseEtcdJson(a.body, `${url.origin} /v3/kv/range`);
  };
  // One read proves the endpoint serves us before every read goes to it.
  const a = await post(url, '/v3/kv/range', { key: encodeBase64(utf8Bytes('/')), keys_only: true }, o, agent, token);
  if (a.status !== 200 && !/user name|permission|auth|token/i.test(gatewayError(a))) throw new Error(`not an etcd v3 gateway (${gatewayError(a)})`);
  return range;
}

/** The first endpoint that answers, as an EtcdSource; a RingSimError naming every endpoint when none does. */
export async function etcdSource(o: EtcdClientOptions): Promise<EtcdSource> {
  const urls = o.endpoints.map(endpointUrl);
  if (urls.length === 0) throw new RingSimError('--etcd', '', 'no endpoint given', 'write e.g. --etcd http://10.0.0.5:2379,http://10.0.0.6:2379');
  const agent = tlsAgent(o);
  const failures: string[] = [];
  for (const url of urls) {
    try {
      const range = await connect(url, o, agent);
      return { name: `etcd ${url.origin}`, range };
    } catch (e) {
      if (e instanceof RingSimError) throw e;
      failures.push(`${url.origin}: ${failureReason(e)}`);
    }
  }
  throw new RingSimError(
    '--etcd',
    o.endpoints.join(','),
    `no endpoint answered (${failures.join('; ')})`,
    'check the URLs, that etcd listens there, the network, or raise --etcd-timeout',
  );
}
