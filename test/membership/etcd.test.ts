/**
 * `locate --etcd` and `--etcd-export` against a real etcd (Debian's etcd-server, started here), with 50 workers
 * registered the way Alluxio registers them: the static ring (all registered) must give Alluxio's vectors
 * exactly (shared/alluxio-vectors, 21 URLs × 5 ordered workers); the dynamic ring (ONLINE only, after 5 leases
 * expired) must give Alluxio's algorithm on the 45 live identities; the export must give the same answers.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlluxioConsistentPlacement } from '../../src/ring/alluxio/consistent.js';
import { identityFromHostname, identityFromJSON, identityToString } from '../../src/ring/alluxio/identity.js';
import { sharedJSON, type IdentityJSON } from '../shared.js';
import { builtCli } from './built-cli.js';
import { etcdMissing, etcdRequired, grantLease, registerWorkers, startEtcd, waitUntilGone, type EtcdServer } from './etcd-server.js';

const workerList = sharedJSON<IdentityJSON[]>('alluxio-vectors/workerList.json');
const hostnames = sharedJSON<string[]>('alluxio-vectors/workerHostnames.json');
const fileUrlWorkers = sharedJSON<Record<string, IdentityJSON[]>>('alluxio-vectors/fileUrlWorkers.json');
const asId = (j: IdentityJSON): string => identityToString(identityFromJSON(j));
const hostOf = new Map(hostnames.map((h) => [identityToString(identityFromHostname(h)), h]));
const identities = workerList.map(asId);
const OFFLINE = new Set([identities[3], identities[11], identities[19], identities[27], identities[42]]);
const URLS = Object.keys(fileUrlWorkers);
const CLUSTER = 'vectors';
const OTHER = ['a', 'b', 'c', 'd'].map(() => `worker-${randomUUID()}`);

const parseLines = (text: string): Array<{ key: string; workers: string[] }> =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { key: string; workers: string[] });

describe.skipIf(etcdMissing && !etcdRequired)('locate with a membership from a real etcd', () => {
  let etcd: EtcdServer;
  let exportFile: string;
  let silent: Server;
  let silentPort: number;

  beforeAll(async () => {
    etcd = await startEtcd();
    const longLease = await grantLease(etcd, 600);
    const shortLease = await grantLease(etcd, 2);
    const all = identities.map((identity) => ({ identity, host: hostOf.get(identity)! }));
    const live = new Set(identities.filter((i) => !OFFLINE.has(i)));
    await registerWorkers(etcd, CLUSTER, all, live, longLease);
    // The five to go OFFLINE were alive once: their liveness keys hang on a short lease that is never renewed.
    await registerWorkers(
      etcd,
      CLUSTER,
      all.filter((w) => OFFLINE.has(w.identity)),
      OFFLINE,
      shortLease,
    );
    await registerWorkers(
      etcd,
      'other',
      OTHER.map((identity, i) => ({ identity, host: `other-${i}` })),
      new Set(OTHER),
      longLease,
    );
    for (const id of OFFLINE) await waitUntilGone(etcd, `/ServiceDiscovery/${CLUSTER}/${id}`);
    exportFile = join(mkdtempSync(join(tmpdir(), 'ring-sim-export-')), 'etcd.json');
    writeFileSync(exportFile, await etcd.ctl(['get', '--prefix', '', '-w', 'json']));
    silent = createServer(() => {}); // accepts connections and never answers
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    silentPort = (silent.address() as { port: number }).port;
  });

  afterAll(async () => {
    await etcd?.stop();
    silent?.close();
  });

  it("static ring: all 50 registered identities give Alluxio's vectors, in order", async () => {
    const r = await builtCli(['locate', '--etcd', etcd.url, '--cluster', CLUSTER, '--ring', 'static', '--vnodes', '5', '--replicas', '5', '--json', ...URLS]);
    expect(r.stderr).toBe("ring-sim: assumed: CONSISTENT policy, DEFAULT hash provider: Alluxio's defaults; pass --manifest FILE for the cluster's own\n");
    expect(r.code).toBe(0);
    const lines = parseLines(r.stdout) as Array<{ key: string; workers: string[]; hosts: string[] }>;
    expect(lines.map((l) => l.key)).toEqual(URLS);
    for (const l of lines) {
      expect(l.workers).toEqual(fileUrlWorkers[l.key].map(asId));
      // WorkerNetAddress.Host of each, in the order of "workers"
      expect(l.hosts).toEqual(l.workers.map((w) => hostOf.get(w)));
    }
  });

  it('dynamic ring (the default): the 45 ONLINE identities, placed as Alluxio places them', async () => {
    // Assumed and said on stderr (stdout stays JSON lines): the dynamic ring and Alluxio's default provider.
    const r = await builtCli(['locate', '--etcd', etcd.url, '--cluster', CLUSTER, '--edition', 'oss', '--replicas', '5', '--json', ...URLS]);
    expect(r.stderr).toContain('ring-sim: assumed: 5 virtual nodes per worker: the open-source default (--edition oss)');
    expect(r.stderr).toContain("ring-sim: assumed: dynamic ring: Alluxio's default");
    const online = identities.filter((i) => !OFFLINE.has(i)).sort();
    const alluxio = new AlluxioConsistentPlacement(
      online.map((id) => ({ id })),
      { vnodes: 5 },
    );
    const lines = parseLines(r.stdout);
    let differs = 0;
    for (const l of lines) {
      expect(l.workers).toEqual(alluxio.locate(l.key, 5));
      expect(l.workers.some((w) => OFFLINE.has(w))).toBe(false);
      if (l.workers.join() !== fileUrlWorkers[l.key].map(asId).join()) differs++;
    }
    expect(differs).toBeGreaterThan(0); // some vector held an OFFLINE worker
  });

  it('--etcd-export (real etcdctl output) gives the same answers offline, for both rings', async () => {
    await Promise.all(
      ['static', 'dynamic'].map(async (ring) => {
        const [live, offline] = await Promise.all([
          builtCli(['locate', '--etcd', etcd.url, '--cluster', CLUSTER, '--ring', ring, '--vnodes', '5', '--replicas', '3', ...URLS]),
          builtCli(['locate', '--etcd-export', exportFile, '--cluster', CLUSTER, '--ring', ring, '--vnodes', '5', '--replicas', '3', ...URLS]),
        ]);
        expect(offline.stderr).toBe('');
        expect(offline.stdout).toBe(live.stdout);
      }),
    );
  });

  it('ignores other clusters, and a cluster not seen before places as a workers file of its identities', async () => {
    const r = await builtCli(['locate', '--etcd', etcd.url, '--cluster', 'other', '--ring', 'dynamic', '--replicas', '2', ...URLS]);
    const file = join(mkdtempSync(join(tmpdir(), 'ring-sim-w-')), 'w.txt');
    writeFileSync(file, [...OTHER].sort().join('\n'));
    const byFile = await builtCli(['locate', '--workers', file, '--replicas', '2', ...URLS]);
    // the membership's text names each worker's registered host: identity (other-N)
    expect(r.stdout.replace(/ \(other-\d\)/g, '')).toBe(byFile.stdout);
    expect(r.stdout).toMatch(/\tworker-[0-9a-f-]{36} \(other-\d\) worker-[0-9a-f-]{36} \(other-\d\)\n/);
    expect(
      r.stdout
        .split(/\s+/)
        .filter((w) => w.startsWith('worker-'))
        .every((w) => OTHER.includes(w)),
    ).toBe(true);
  });

  it('tries each endpoint in turn: a dead first endpoint does not stop a live second', async () => {
    const r = await builtCli([
      'locate',
      '--etcd',
      `http://127.0.0.1:${silentPort},${etcd.url}`,
      '--etcd-timeout',
      '1',
      '--cluster',
      CLUSTER,
      '--ring',
      'static',
      '--vnodes',
      '5',
      URLS[0],
    ]);
    expect(r.stderr).toBe('');
    const first = asId(fileUrlWorkers[URLS[0]][0]);
    expect(r.stdout.split('\t')[1].trim()).toBe(`${first} (${hostOf.get(first)})`);
  });

  it('unreachable endpoints: one line naming each, exit 2', async () => {
    const r = await builtCli(['locate', '--etcd', `http://127.0.0.1:${silentPort},http://127.0.0.1:1`, '--etcd-timeout', '0.5', '--cluster', CLUSTER, 'k']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`http://127.0.0.1:${silentPort}: no answer within 0.5 s`);
    expect(r.stderr).toContain('http://127.0.0.1:1: connection refused');
  });

  it('a cluster with no members names the prefixes read and the clusters found', async () => {
    const runs = await Promise.all(
      [
        ['--etcd', etcd.url],
        ['--etcd-export', exportFile],
      ].map((source) => builtCli(['locate', ...source, '--cluster', 'nope', 'k'])),
    );
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('/DHT/nope/AUTHORIZED/');
      expect(r.stderr).toContain('/ServiceDiscovery/nope/');
      expect(r.stderr).toContain(`clusters found: other, ${CLUSTER}`);
    }
  });

  it('inspect lists ONLINE/OFFLINE exactly, live and from the export alike', async () => {
    const [live, offline] = await Promise.all([
      builtCli(['inspect', '--etcd', etcd.url, '--cluster', CLUSTER, '--json']),
      builtCli(['inspect', '--etcd-export', exportFile, '--cluster', CLUSTER, '--json']),
    ]);
    expect(live.stderr).toBe('');
    const a = JSON.parse(live.stdout) as { source: string; workers: Array<{ identity: string; address: string; state: string; share: number }> };
    const b = JSON.parse(offline.stdout) as { source: string };
    expect({ ...a, source: '' }).toEqual({ ...b, source: '' });
    expect(a.workers.map((w) => w.identity)).toEqual([...identities].sort());
    expect(new Set(a.workers.filter((w) => w.state === 'OFFLINE').map((w) => w.identity))).toEqual(OFFLINE);
    for (const w of a.workers) expect(w.address).toBe(`${hostOf.get(w.identity)}:29999`);
  });
});
