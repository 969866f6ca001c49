/**
 * The etcds a documented `--etcd URL` line runs against: the shipped export (examples/etcd-export.json) loaded
 * into a real etcd under every cluster name the docs use, its ServiceDiscovery keys under a live lease. A plain
 * http URL is answered by a plain etcd; an https one by an etcd with TLS, client certificates and auth (a read-only
 * user `reader` whose password comes from RING_SIM_ETCD_PASSWORD, as the doc says), with the CA and a client
 * certificate without a CommonName (as the doc asks) and its key copied into the scratch checkout under the names the command passes. Only the endpoints are rewritten.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enableReaderAuth, grantLease, makeCerts, put, startEtcd, type EtcdServer, type Tls } from '../membership/etcd-server.js';

const EXPORT_CLUSTER = 'alx-ns-alluxio-cluster';
const READER_PASSWORD = 'doc-reader-password';

/** The value of `--flag VALUE` in a command, or undefined. */
export function flagValue(command: string, flag: string): string | undefined {
  return new RegExp(`(?:^|\\s)${flag}\\s+(\\S+)`).exec(command)?.[1];
}

/** Whether a command reads a live etcd: undefined when not, else the kind of etcd it needs. */
export function liveEtcd(command: string): 'plain' | 'tls' | undefined {
  const urls = flagValue(command, '--etcd');
  if (urls === undefined) return undefined;
  return urls.startsWith('https://') ? 'tls' : 'plain';
}

/** The command with each endpoint of its `--etcd` list replaced by `url`. */
export function withEndpoint(command: string, url: string): string {
  return command.replace(/(^|\s)--etcd\s+\S+/, (_m, lead: string) => `${lead}--etcd ${url}`);
}

interface ExportKv {
  key: string;
  value: string;
  lease?: string;
}

function exportKvs(root: string): ExportKv[] {
  const doc = JSON.parse(readFileSync(`${root}examples/etcd-export.json`, 'utf8')) as { kvs: ExportKv[] };
  const text = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');
  return doc.kvs.map((kv) => ({ key: text(kv.key), value: text(kv.value), ...(kv.lease ? { lease: kv.lease } : {}) }));
}

/** Loads the export under each cluster name; ServiceDiscovery keys (leased in the export) get a live lease. */
async function load(server: EtcdServer, kvs: ExportKv[], clusters: string[]): Promise<void> {
  const lease = await grantLease(server, 600);
  const writes = clusters.flatMap((cluster) =>
    kvs.map((kv) => put(server, kv.key.replace(`/${EXPORT_CLUSTER}/`, `/${cluster}/`), kv.value, kv.lease ? lease : undefined)),
  );
  await Promise.all(writes);
}

/** Copies the client's TLS files into `checkout` under the names the commands pass. */
function placeTlsFiles(client: Tls, checkout: string, commands: string[]): void {
  for (const command of commands) {
    for (const [flag, file] of [
      ['--etcd-cacert', client.ca],
      ['--etcd-cert', client.cert],
      ['--etcd-key', client.key],
    ] as const) {
      const name = flagValue(command, flag);
      if (name !== undefined) copyFileSync(file, join(checkout, name));
    }
  }
}

export interface DocEtcd {
  /** The command as it runs here: its endpoints rewritten to the suite's etcd. */
  rewrite(command: string): string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts the etcds the live commands need (none when there are none) and loads the export into them. */
export async function startDocEtcd(root: string, checkout: string, commands: string[]): Promise<DocEtcd> {
  const clusters = [...new Set([EXPORT_CLUSTER, ...commands.map((c) => flagValue(c, '--cluster') ?? EXPORT_CLUSTER)])];
  const kvs = exportKvs(root);
  const tlsCommands = commands.filter((c) => liveEtcd(c) === 'tls');
  const plain = commands.some((c) => liveEtcd(c) === 'plain') ? await startEtcd() : undefined;
  const certs = tlsCommands.length > 0 ? makeCerts(mkdtempSync(join(tmpdir(), 'ring-sim-doc-tls-'))) : undefined;
  const tls = certs ? await startEtcd(certs.server) : undefined;
  if (plain) await load(plain, kvs, clusters);
  if (tls && certs) {
    await load(tls, kvs, clusters);
    await enableReaderAuth(tls, READER_PASSWORD);
    placeTlsFiles(certs.anonymous, checkout, tlsCommands);
  }
  return {
    rewrite: (command) => {
      const kind = liveEtcd(command);
      const server = kind === 'tls' ? tls : kind === 'plain' ? plain : undefined;
      return server ? withEndpoint(command, server.url) : command;
    },
    env: { RING_SIM_ETCD_PASSWORD: READER_PASSWORD },
    stop: async () => {
      await Promise.all([plain?.stop(), tls?.stop()]);
    },
  };
}
