/**
 * A real etcd for tests: Debian's etcd-server (/usr/bin/etcd), started on free loopback ports with a temp data
 * dir and stopped afterwards. Without etcd the tests skip with a message, unless RING_SIM_REQUIRE_ETCD=1 (CI).
 * Workers are registered the way Alluxio's EtcdMembershipManager does: the AUTHORIZED key without a lease, the
 * ServiceDiscovery key with one, both holding a JSON WorkerServiceEntity.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { which } from '../shared.js';

const run = promisify(execFile);

export const ETCD = which('etcd');
export const ETCDCTL = which('etcdctl');
export const etcdRequired = process.env.RING_SIM_REQUIRE_ETCD === '1';
export const etcdMissing = !ETCD || !ETCDCTL;
if (etcdMissing && !etcdRequired) {
  console.warn('etcd tests skipped: etcd or etcdctl not on PATH (apt-get install etcd-server etcd-client; CI sets RING_SIM_REQUIRE_ETCD=1)');
}

export interface Tls {
  ca: string;
  cert: string;
  key: string;
}

export interface EtcdServer {
  url: string;
  tls?: Tls;
  dir: string;
  /** etcdctl with this server's endpoint (and TLS files) and `args`; resolves to stdout. */
  ctl(args: string[], extraEnv?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startEtcd(tls?: Tls): Promise<EtcdServer> {
  if (etcdMissing) throw new Error('etcd is required (RING_SIM_REQUIRE_ETCD=1) but etcd/etcdctl are not installed: apt-get install etcd-server etcd-client');
  const dir = mkdtempSync(join(tmpdir(), 'ring-sim-etcd-'));
  const [clientPort, peerPort] = [await freePort(), await freePort()];
  const scheme = tls ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const args = [
    '--name',
    'test',
    '--data-dir',
    join(dir, 'data'),
    '--listen-client-urls',
    url,
    '--advertise-client-urls',
    url,
    '--listen-peer-urls',
    peer,
    '--initial-advertise-peer-urls',
    peer,
    '--initial-cluster',
    `test=${peer}`,
    '--log-level',
    'error',
    '--logger',
    'zap',
  ];
  if (tls) args.push('--cert-file', tls.cert, '--key-file', tls.key, '--trusted-ca-file', tls.ca, '--client-cert-auth');
  const child: ChildProcess = spawn(ETCD!, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (c: Buffer) => (log = (log + c.toString()).slice(-4000)));
  const tlsArgs = tls ? ['--cacert', tls.ca, '--cert', tls.cert, '--key', tls.key] : [];
  const ctl = async (a: string[], extraEnv: Record<string, string> = {}): Promise<string> =>
    (await run(ETCDCTL!, ['--endpoints', url, ...tlsArgs, ...a], { env: { ...process.env, ETCDCTL_API: '3', ...extraEnv }, maxBuffer: 64 * 1024 * 1024 }))
      .stdout;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) break;
    try {
      await ctl(['endpoint', 'health', '--command-timeout=1s']);
      return { url, dir, ctl, stop, ...(tls ? { tls } : {}) };
    } catch {
      await sleep(100);
    }
  }
  await stop();
  throw new Error(`etcd did not start on ${url}: ${log}`);
}

/** A JSON WorkerServiceEntity as Alluxio 3.x writes it. */
export function workerEntity(identity: string, host: string): string {
  const hex = identity.slice('worker-'.length).replace(/-/g, '');
  return JSON.stringify({
    Identity: { version: 1, identifier: hex },
    WorkerNetAddress: {
      Host: host,
      ContainerHost: '',
      RpcPort: 29999,
      DataPort: 29997,
      SecureRpcPort: 0,
      NettyDataPort: 29997,
      WebPort: 30000,
      DomainSocketPath: '',
    },
    State: 'AUTHORIZED',
    GenerationNumber: -1,
    ServiceEntityName: identity,
  });
}

/** POST a JSON body to the server's v3 gateway (with its TLS files and a token, when given). */
export async function gateway(server: EtcdServer, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = token;
  const tls = server.tls;
  const request = tls ? httpsRequest : httpRequest;
  const agent = tls ? new HttpsAgent({ ca: readFileSync(tls.ca), cert: readFileSync(tls.cert), key: readFileSync(tls.key) }) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, server.url), { method: 'POST', headers, agent }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        const doc = JSON.parse(text) as Record<string, unknown>;
        if (res.statusCode !== 200) reject(new Error(`${path}: ${text}`));
        else resolve(doc);
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** Grants a lease of `ttl` seconds; returns its id (decimal, as the gateway writes int64). */
export async function grantLease(server: EtcdServer, ttl: number, token?: string): Promise<string> {
  return (await gateway(server, '/v3/lease/grant', { TTL: ttl }, token)).ID as string;
}

export async function put(server: EtcdServer, key: string, value: string, lease?: string, token?: string): Promise<void> {
  await gateway(server, '/v3/kv/put', lease ? { key: b64(key), value: b64(value), lease } : { key: b64(key), value: b64(value) }, token);
}

/**
 * Registers workers as Alluxio does: AUTHORIZED without a lease for all; ServiceDiscovery under `lease` for
 * those in `live`.
 */
export async function registerWorkers(
  server: EtcdServer,
  cluster: string,
  workers: Array<{ identity: string; host: string }>,
  live: ReadonlySet<string>,
  lease: string,
  token?: string,
): Promise<void> {
  await Promise.all(
    workers.map(async (w) => {
      const value = workerEntity(w.identity, w.host);
      await put(server, `/DHT/${cluster}/AUTHORIZED/${w.identity}`, value, undefined, token);
      if (live.has(w.identity)) await put(server, `/ServiceDiscovery/${cluster}/${w.identity}`, value, lease, token);
    }),
  );
}

/** Waits until `key` is gone (its lease expired); no timing is asserted. */
export async function waitUntilGone(server: EtcdServer, key: string, limitMs = 30_000): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    const r = await gateway(server, '/v3/kv/range', { key: b64(key), count_only: true });
    if (r.count === undefined || r.count === '0') return;
    await sleep(250);
  }
  throw new Error(`${key} still present after ${limitMs} ms`);
}

/**
 * A CA and certificates for 127.0.0.1 made with openssl in `dir` (valid two days): the server's, a client's with
 * subject `/CN=client`, and `anonymous`, a client's without a CommonName (`/O=ring-sim`): etcd's HTTP gateway
 * refuses a client certificate with a CN once auth is enabled.
 */
export function makeCerts(dir: string): { server: Tls; client: Tls; anonymous: Tls } {
  const ssl = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  };
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=ring-sim test CA');
  writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n');
  for (const [name, subject] of [
    ['server', '/CN=server'],
    ['client', '/CN=client'],
    ['anonymous', '/O=ring-sim'],
  ]) {
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
    ssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      'ext.cnf',
    );
  }
  const files = (name: string): Tls => ({ ca: join(dir, 'ca.pem'), cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) });
  return { server: files('server'), client: files('client'), anonymous: files('anonymous') };
}

/**
 * Enables auth with a root user and a user `reader` (password `password`) that may only read the membership
 * prefixes, as an operator would set up a read-only account for ring-sim.
 */
export async function enableReaderAuth(server: EtcdServer, password: string): Promise<void> {
  await server.ctl(['user', 'add', 'root:rootpw']);
  await server.ctl(['user', 'add', `reader:${password}`]);
  await server.ctl(['role', 'add', 'membership-reader']);
  for (const prefix of ['/DHT/', '/ServiceDiscovery/']) await server.ctl(['role', 'grant-permission', 'membership-reader', 'read', prefix, '--prefix=true']);
  await server.ctl(['user', 'grant-role', 'reader', 'membership-reader']);
  await server.ctl(['auth', 'enable']);
}
