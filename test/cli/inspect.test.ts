/** `ring-sim inspect` through the built CLI, on the example export (a real etcdctl -w json output). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from '../membership/built-cli.js';

const EXPORT = 'examples/etcd-export.json';
/** The example export's cluster: the operator's <namespace>-<name> for the guide's manifest. */
const CLUSTER = 'alx-ns-alluxio-cluster';
const dir = mkdtempSync(join(tmpdir(), 'ring-sim-inspect-'));

interface Json {
  counts: { registered: number; online: number; offline: number };
  workers: Array<{ identity: string; address: string | null; state: string; share: number; staticShare: number }>;
  whatIf: Array<{ kind: string; dynamic: { moved: number; rereadBytes: number | null; rereadSeconds: number | null } | null }>;
}

describe('ring-sim inspect', () => {
  it('--json carries "workers": [{identity, address, state, share}], states exact', async () => {
    const r = await builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--json', '--add', '4']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.counts).toEqual({ registered: 12, online: 10, offline: 2 });
    for (const w of j.workers) {
      expect(Object.keys(w).slice(0, 4)).toEqual(['identity', 'address', 'state', 'share']);
      expect(w.identity).toMatch(/^worker-[0-9a-f-]{36}$/);
      expect(w.address).toMatch(/^10\.244\.\d+\.\d+:29999$/); // pod IPs (status.podIP), as a default install registers
    }
    expect(j.workers.filter((w) => w.state === 'OFFLINE').map((w) => w.address)).toEqual(['10.244.7.4:29999', '10.244.3.5:29999']);
    expect(j.whatIf.map((w) => w.kind).filter((k) => k === 'add')).toHaveLength(1);
  });

  it('prints the text report, and with --dataset and --ufs-bandwidth the bytes and time of each what-if', async () => {
    const r = await builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--dataset', '20TiB', '--ufs-bandwidth', '10Gbps']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/12 registered, 10 ONLINE, 2 OFFLINE/);
    expect(r.stdout).toMatch(/Ring bloat: 2 OFFLINE identities; in a static ring \d+\.\d\d % of the keys/);
    expect(r.stdout).toMatch(/remove-worker worker-/);
    expect(r.stdout).toMatch(/UFS 1\.25 GB\/s \(10\.00 Gbit\/s\)/);
    expect(r.stdout).toMatch(/\d+ min \d\d s/);
  });

  it('--manifest gives the ring settings, a flag beats it, the edition fills the rest; each printed as assumed', async () => {
    const manifest = join(dir, 'cluster.yaml');
    writeFileSync(
      manifest,
      [
        'apiVersion: k8s-operator.alluxio.com/v1',
        'kind: AlluxioCluster',
        'metadata:',
        '  name: alluxio',
        'spec:',
        '  properties:',
        '    alluxio.user.worker.selection.policy.consistent.hash.virtual.node.count.per.worker: "7"',
        '    alluxio.user.dynamic.consistent.hash.ring.enabled: "false"',
        '    alluxio.worker.page.store.page.size: 4MB',
        '    alluxio.cluster.name: alx-ns-alluxio-cluster',
        '  worker:',
        '    count: 10',
        '    pagestore:',
        '      size: 100Gi',
        '      reservedSize: 10Gi',
        '',
      ].join('\n'),
    );
    const [fromManifest, flagged, plain, text] = await Promise.all([
      builtCli(['inspect', '--etcd-export', EXPORT, '--manifest', manifest, '--json']),
      builtCli(['inspect', '--etcd-export', EXPORT, '--manifest', manifest, '--vnodes', '9', '--cluster', 'alx-ns-alluxio-cluster', '--json']),
      builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--edition', 'oss', '--json']),
      builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER]),
    ]);
    type Settings = Json & {
      vnodes: number;
      ring: string;
      pageSizeBytes: number;
      cluster: string;
      assumptions: string[];
      balance: { static: { points: number } };
    };
    const m = JSON.parse(fromManifest.stdout) as Settings;
    expect([m.vnodes, m.ring, m.pageSizeBytes, m.balance.static.points]).toEqual([7, 'static', 4 * 1024 * 1024, 12 * 7]);
    expect(m.assumptions.find((a) => a.startsWith('7 virtual nodes'))).toContain(
      `from ${manifest} (spec.properties alluxio.user.worker.selection.policy.consistent.hash.virtual.node.count.per.worker)`,
    );
    expect(m.assumptions.find((a) => a.startsWith('cluster '))).toContain('(spec.properties alluxio.cluster.name)');
    expect(m.assumptions.find((a) => a.startsWith('static ring'))).toContain(`from ${manifest}`);
    const f = JSON.parse(flagged.stdout) as Settings;
    expect([f.vnodes, f.balance.static.points]).toEqual([9, 12 * 9]);
    expect(f.assumptions.some((a) => /virtual nodes|^cluster /.test(a))).toBe(false);
    const p = JSON.parse(plain.stdout) as Settings;
    expect([p.vnodes, p.ring]).toEqual([5, 'dynamic']);
    expect(p.assumptions[0]).toMatch(/^5 virtual nodes per worker: the open-source default \(--edition oss\); pass --vnodes N or --manifest FILE/);
    expect(text.stdout.split('\n')[1]).toMatch(
      /^Assumed: 2000 virtual nodes per worker: the Enterprise default \(--edition enterprise\); pass --vnodes N or --manifest FILE/,
    );
    expect(text.stdout.split('\n')[0]).toContain('2000 virtual nodes a worker');
  });

  it('--html writes one self-contained page', async () => {
    const file = join(dir, 'inspect.html');
    const r = await builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--html', file]);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<main id="inspect">');
    expect(html).not.toMatch(/<script src=|<link /);
  });

  it('bad input: one line, exit 2', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, readFileSync(EXPORT, 'utf8').slice(0, 500));
    const cases: Array<[string[], RegExp]> = [
      [['--etcd-export', broken], /broken\.json: not JSON at byte offset 500 \(it ends too early\)/],
      [
        ['--etcd-export', EXPORT, '--cluster', CLUSTER, '--dataset', '1TB', '--ufs-bandwidth', '10G'],
        /--ufs-bandwidth: not a transfer rate with a unit \(got "10G"\)/,
      ],
      [['--etcd-export', EXPORT, '--cluster', CLUSTER, '--ufs-bandwidth', '10Gbps'], /--ufs-bandwidth needs a data-set size/],
      [['--etcd-export', join(dir, 'missing.json')], /--etcd-export: cannot read the file \(ENOENT\)/],
      [[], /no membership source given/],
      [['--etcd-export', EXPORT, '--cluster', CLUSTER, '--etcd', 'http://127.0.0.1:1'], /--etcd and --etcd-export both given/],
    ];
    const runs = await Promise.all(cases.map(([args]) => builtCli(['inspect', ...args])));
    for (const [i, [, message]] of cases.entries()) {
      const r = runs[i];
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('--pods FILE: pods and nodes beside the registered hosts (inspect and locate)', () => {
  const PODS = 'examples/pods.json';
  it('inspect: JSON workers gain host, pod, node; a host with no pod is said so; what-ifs name identity (host, pod on node)', async () => {
    const [j, t] = await Promise.all([
      builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--pods', PODS, '--json']),
      builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--pods', PODS]),
    ]);
    expect(j.code).toBe(0);
    type W = { identity: string; host: string; state: string; pod: string | null; node: string | null; podNote: string | null };
    const workers = (JSON.parse(j.stdout) as { workers: W[] }).workers;
    const w5 = workers.find((w) => w.identity === 'worker-0f6f321d-4c70-4c46-a3cc-6e44ba26841c')!;
    expect([w5.host, w5.pod, w5.node, w5.podNote]).toEqual(['10.244.4.7', 'alluxio-cluster-worker-6c8f9d7b54-z9tc9', 'node-e', null]);
    for (const w of workers.filter((x) => x.state === 'ONLINE')) expect(w.pod).toMatch(/^alluxio-cluster-worker-6c8f9d7b54-[a-z0-9]{5}$/);
    for (const w of workers.filter((x) => x.state === 'OFFLINE')) expect(w.podNote).toMatch(/^no pod with IP 10\.244\.(7\.4|3\.5) in examples\/pods.json$/);
    expect(t.stdout).toMatch(/worker-0f6f321d-4c70-4c46-a3cc-6e44ba26841c {2}10\.244\.4\.7:29999 +ONLINE .* alluxio-cluster-worker-6c8f9d7b54-z9tc9 +node-e/);
    // The what-if tables name each worker as the worker table does: with --pods, its pod and node (or why none).
    expect(t.stdout).toMatch(
      /^remove-worker worker-4f133dbb-f2d2-474a-ba94-aecbb2cdef88 \(10\.244\.7\.4, no pod with IP 10\.244\.7\.4 in examples\/pods\.json\) /m,
    );
    expect(t.stdout).toMatch(
      /^stop worker-0f6f321d-4c70-4c46-a3cc-6e44ba26841c \(10\.244\.4\.7, pod alluxio-cluster-worker-6c8f9d7b54-z9tc9 on node node-e\) /m,
    );
  });

  it('locate: text identity (host, pod P on node N); JSON lines gain pods, nodes, podNotes in the order of workers', async () => {
    const [t, j] = await Promise.all([
      builtCli(['locate', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--pods', PODS, '--ring', 'static', '--replicas', '3', 's3://bucket/x']),
      builtCli(['locate', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--pods', PODS, '--ring', 'static', '--replicas', '3', '--json', 's3://bucket/x']),
    ]);
    const line = JSON.parse(j.stdout) as {
      workers: string[];
      hosts: string[];
      pods: Array<string | null>;
      nodes: Array<string | null>;
      podNotes: Array<string | null>;
    };
    expect(line.pods).toHaveLength(3);
    line.workers.forEach((w, i) => {
      const label =
        line.pods[i] === null ? `${w} (${line.hosts[i]}, ${line.podNotes[i]})` : `${w} (${line.hosts[i]}, pod ${line.pods[i]} on node ${line.nodes[i]})`;
      expect(t.stdout).toContain(label);
      expect(line.pods[i] === null ? line.podNotes[i] : line.pods[i]).toMatch(
        line.pods[i] === null ? `no pod with IP ${line.hosts[i]} in ${PODS}` : /^alluxio-cluster-worker-6c8f9d7b54-/,
      );
    });
    expect(line.pods).toContain(null);
    const bad = await builtCli(['locate', '--workers', 'examples/workers.txt', '--pods', PODS, 'x']);
    expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([2, 1]);
    expect(bad.stderr).toMatch(/--pods: pods are matched to the hosts/);
  });
});

describe("inspect --worker ID: one worker's what-ifs, with flows", () => {
  type Effect = { moved: number; unreachable: number; flows: Array<{ from: string; to: string; fraction: number }> };
  type R = {
    worker: string;
    workers: Array<{ identity: string; share: number; staticShare: number; state: string }>;
    bloat: { staticOfflineShare: number };
    whatIf: Array<{ kind: string; identities: string[]; dynamic: Effect | null; static: Effect }>;
  };
  it('an ONLINE worker by pod name (--pods): stop moves exactly its share to its successors; restart with/without identity; scale-in', async () => {
    const [all, one] = await Promise.all([
      builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--json']),
      builtCli([
        'inspect',
        '--etcd-export',
        EXPORT,
        '--cluster',
        CLUSTER,
        '--pods',
        'examples/pods.json',
        '--worker',
        'alluxio-cluster-worker-6c8f9d7b54-z9tc9',
        '--json',
      ]),
    ]);
    expect(one.code).toBe(0);
    const r = JSON.parse(one.stdout) as R;
    const id = 'worker-0f6f321d-4c70-4c46-a3cc-6e44ba26841c';
    expect(r.worker).toBe(id);
    expect(r.whatIf.map((w) => w.kind)).toEqual(['stop', 'restart-same-identity', 'restart-new-identity', 'scale-in']);
    const w = r.workers.find((x) => x.identity === id)!;
    const stop = r.whatIf[0];
    expect(stop.dynamic!.moved).toBeCloseTo(w.share, 12);
    expect(stop.dynamic!.flows.every((f) => f.from === id)).toBe(true);
    expect(stop.dynamic!.flows.reduce((s, f) => s + f.fraction, 0)).toBeCloseTo(w.share, 12);
    expect(stop.static.moved).toBe(0);
    expect(stop.static.unreachable).toBeCloseTo(r.bloat.staticOfflineShare + w.staticShare, 12);
    // The same stop row as the whole-cluster report's.
    const full = (JSON.parse(all.stdout) as R).whatIf.find((x) => x.kind === 'stop' && x.identities[0] === id)!;
    expect(stop.dynamic!.moved).toBeCloseTo(full.dynamic!.moved, 12);
    const renew = r.whatIf[2];
    expect(renew.identities[0]).toBe(id);
    expect(renew.dynamic!.moved).toBeGreaterThan(w.share);
  });

  it('an OFFLINE identity: remove-worker only; an unknown worker is one line listing the known ones (exit 2)', async () => {
    const [off, bad] = await Promise.all([
      builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--worker', 'worker-4f133dbb-f2d2-474a-ba94-aecbb2cdef88', '--json']),
      builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, '--worker', 'alluxio-worker-99']),
    ]);
    const r = JSON.parse(off.stdout) as R;
    expect(r.whatIf.map((w) => w.kind)).toEqual(['remove-offline']);
    expect(r.whatIf[0].dynamic!.moved).toBe(0);
    expect(r.whatIf[0].static.moved).toBeCloseTo(r.workers.find((x) => x.identity === 'worker-4f133dbb-f2d2-474a-ba94-aecbb2cdef88')!.staticShare, 12);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(
      /--worker: no registered worker of cluster alx-ns-alluxio-cluster .*pass one of: worker-0f6f321d-4c70-4c46-a3cc-6e44ba26841c \(10\.244\.4\.7\)/,
    );
  });
});
