import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/plan/manifest.js';
import { buildPlan } from '../../src/plan/plan.js';
import { createPlacement } from '../../src/ring/registry.js';
import { MAX_RING_POINTS } from '../../src/ring/worker.js';
import { cli, tempFile } from '../cli/helpers.js';
import { bundle, GKE, ids, LICENSE, MINIMAL, persisted, plan, UFS } from './guide-manifests.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const load = (name: string) => parseManifest(readFileSync(`${examples}${name}`, 'utf8'), name);
const GiB = 2 ** 30;

/** Exact shares of an alluxio-consistent ring, computed here from the identities the plan reports. */
function handShares(ids: string[], vnodes: number): number[] {
  const p = createPlacement(
    'alluxio-consistent',
    ids.map((id) => ({ id })),
    { vnodes, identity: 'identity' },
  );
  const own = p.ownership()!;
  return Array.from(own.byWorker, (x) => x / own.total);
}

describe('plan of the examples, against hand calculations', () => {
  it("alluxio-cluster.yaml (the guide's step 4 manifest, verbatim): 1 × 90Gi, 23,040 pages of 4 MiB; its placeholders are errors; on a 100 GB AWS ext4 disk 99 GiB does not fit", () => {
    const r = buildPlan(load('alluxio-cluster.yaml'));
    expect(r.workers.length).toBe(1);
    expect(r.workers[0].sizeBytes).toBe(90 * GiB);
    expect(r.workers[0].reservedBytes).toBe(9 * GiB);
    expect(r.workers[0].pages).toBe((90 * GiB) / 2 ** 22); // 4 MiB pages: the Enterprise operator's default
    expect(r.checks.filter((c) => c.severity === 'error').map((c) => `${c.field} ${c.id}`)).toEqual([
      'spec.image placeholder',
      'spec.properties.alluxio.license placeholder',
    ]);
    expect(r.ring.shares[0].share).toBe(1);
    expect(r.whatIf.find((w) => w.name === '-1 worker')).toMatchObject({ applicable: false, moved: 0 });
    // 100 GB on AWS is 100 GiB raw. ext4 (non-root): inode tables 100/64 GiB, journal 512 MiB, 15 backup groups of
    // (1 + 13 + 1024) blocks, 800 groups × 2 bitmap blocks, 5 % root reserve, 16 MiB kernel reserve.
    const raw = 100 * GiB;
    const usable = raw - raw / 64 - 512 * 2 ** 20 - 15 * (1 + 13 + 1024) * 4096 - 800 * 2 * 4096 - 0.05 * raw - 16 * 2 ** 20;
    const onDisk = buildPlan(load('alluxio-cluster.yaml'), { disk: '100GB', provider: 'aws', fs: 'ext4' });
    expect(onDisk.workers[0].usableDiskBytes).toBe(usable);
    expect(onDisk.workers[0].headroomBytes).toBe(usable - 99 * GiB);
    expect(onDisk.checks.find((c) => c.id === 'pagestore-quota-disk')).toMatchObject({ severity: 'error', field: 'spec.worker.pagestore.size' });
  });

  it("alluxio-cluster-gke.yaml (the guide's GKE way) on GKE: no hostPath or identity finding; exact shares; restarts move nothing", () => {
    const r = buildPlan(load('alluxio-cluster-gke.yaml'), { provider: 'gcp', disk: '375GB', nodes: 8 });
    expect(r.checks.filter((c) => c.severity !== 'info' && c.id !== 'placeholder')).toEqual([]);
    expect(r.cluster.otherDocuments).toEqual([]);
    expect(r.workers[0].pages).toBe(300 * 256);
    const shares = handShares(
      r.ring.shares.map((s) => s.identity),
      2000,
    );
    r.ring.shares.forEach((s, i) => expect(s.share).toBeCloseTo(shares[i], 12));
    expect(r.whatIf.find((w) => w.name === 'restart one worker')!.moved).toBe(0);
    const unfixed = parseManifest(readFileSync(`${examples}alluxio-cluster-gke.yaml`, 'utf8').replace(/hostPath: \/home\//g, 'hostPath: /mnt/'), 'x.yaml');
    expect(buildPlan(unfixed, { provider: 'gcp' }).checks.filter((c) => c.id === 'gke-hostpath').length).toBe(9);
    // Without a persisted identity a restart moves keys: more than the worker's own share, from the hand ring.
    const lost = buildPlan(
      parseManifest(readFileSync(`${examples}alluxio-cluster-gke.yaml`, 'utf8').replace('hostPath: /home/alluxio/system-info', 'type: emptyDir'), 'x.yaml'),
    );
    const ids = lost.ring.shares.map((s) => s.identity);
    const p0 = createPlacement(
      'alluxio-consistent',
      ids.map((id) => ({ id })),
      { vnodes: 2000, identity: 'identity' },
    );
    expect(lost.whatIf.find((w) => w.name === 'restart one worker')!.moved).toBeGreaterThan(p0.ownership()!.byWorker[0] / 2 ** 32);
  });

  it('alluxio-cluster-heterogeneous.yaml: worker groups, 4 MiB pages, capacity shares, data-set fit', () => {
    const r = buildPlan(load('alluxio-cluster-heterogeneous.yaml'), { datasetBytes: 20 * 2 ** 40, files: 2_000_000 });
    expect(r.workers.map((w) => w.group)).toEqual([...Array(6).fill('small'), ...Array(4).fill('large')]);
    expect(r.workers[0].pages).toBe(2 ** 40 / (4 * 2 ** 20));
    expect(r.workers[6].pages).toBe((4 * 2 ** 40) / (4 * 2 ** 20));
    // Capacity shares: 1/22 for a 1 TiB worker, 4/22 for a 4 TiB one.
    expect(r.ring.shares[0].fairShare).toBeCloseTo(1 / 22, 12);
    expect(r.ring.shares[6].fairShare).toBeCloseTo(4 / 22, 12);
    expect(r.dataset!.coverage).toBeCloseTo(22 / 20, 12);
    expect(r.ring.mode).toBe('static');
    const minus = r.whatIf.find((w) => w.name === '-1 worker')!;
    expect(minus.moved).toBe(0);
    expect(minus.unreachable).toBeCloseTo(r.ring.shares[9].share, 12);
  });
});

describe('bad manifests: one clear line, exit 2, within a second', () => {
  const good = MINIMAL;
  const bomb = [
    'a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]',
    ...Array.from({ length: 9 }, (_, i) => {
      const p = String.fromCharCode(97 + i);
      const q = String.fromCharCode(98 + i);
      return `${q}: &${q} [*${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}]`;
    }),
    'apiVersion: k8s-operator.alluxio.com/v1',
    'kind: AlluxioCluster',
    'spec: {worker: {count: 1, pagestore: {size: 1Gi}}}',
  ].join('\n');
  it.each([
    ['not YAML', 'spec: [unclosed\n  - x: {', /not valid YAML/],
    ['wrong kind', good.replace('kind: AlluxioCluster', 'kind: Deployment'), /no AlluxioCluster in the file/],
    ['wrong apiVersion', good.replace('k8s-operator.alluxio.com/v1', 'apps/v1'), /apiVersion.*not the Alluxio operator API/],
    ['size: abc', good.replace('size: 90Gi', 'size: abc'), /spec\.worker\.pagestore\.size: is not a size/],
    ['negative size', good.replace('size: 90Gi', 'size: -90Gi'), /spec\.worker\.pagestore\.size: is negative/],
    ['reservedSize > size', good.replace('reservedSize: 9Gi', 'reservedSize: 200Gi'), /reservedSize: is larger than size/],
    ['workerGroups empty', good.replace(/ {2}worker:[\s\S]*? {2}etcd:/, '  workerGroups: []\n  etcd:'), /spec\.workerGroups: is empty/],
    ['10,000 documents', Array.from({ length: 10_000 }, () => '---\nkind: ConfigMap\n').join(''), /more than 100 YAML documents/],
    ['YAML alias bomb', bomb, /aliases|Excessive alias/i],
    ['no worker', good.replace(/ {2}worker:[\s\S]*$/, ''), /spec\.worker: missing/],
  ])('%s', async (_name, text, message) => {
    const file = tempFile('bad.yaml', text);
    const r = await cli('plan', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/bad\.yaml/);
    expect(r.stderr.trim().split('\n').length).toBe(1);
  });

  it('unknown fields are kept and do not fail the plan', () => {
    const m = parseManifest(good.replace('spec:\n', 'spec:\n  futureField: {a: 1}\n'), 'x.yaml');
    expect((m.raw.spec as Record<string, unknown>).futureField).toEqual({ a: 1 });
    expect(buildPlan(m).verdict.deployable).toBe(true);
  });
});

describe('ring-sim plan command', () => {
  it('exit 0 for a deployable plan, 1 when a check found an error (placeholders, a disk too small, 100GB), JSON with the report model', async () => {
    const filled = tempFile('guide.yaml', MINIMAL);
    const ok = await cli('plan', filled);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/VERDICT: DEPLOYABLE: 1 worker, 90\.00 GiB of cache, 1 warning/);
    const verbatim = await cli('plan', `${examples}alluxio-cluster.yaml`);
    expect(verbatim.code).toBe(1);
    expect(verbatim.stdout).toMatch(/placeholder <PRIVATE_REGISTRY>/);
    const bad = await cli('plan', filled, '--disk', '100GB', '--provider', 'aws');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/WILL NOT DEPLOY/);
    const rejected = await cli('plan', tempFile('gb.yaml', MINIMAL.replace('size: 90Gi', 'size: 90GB')));
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/"90GB" is not a Kubernetes quantity: kubectl apply rejects the manifest/);
    const json = JSON.parse((await cli('plan', filled, '--json')).stdout);
    expect(json.format).toBe('ring-sim/plan');
    expect(Object.keys(json)).toEqual([
      'format',
      'version',
      'source',
      'cluster',
      'edition',
      'verdict',
      'workers',
      'checks',
      'ring',
      'dataset',
      'whatIf',
      'ufs',
      'assumptions',
      'defaults',
    ]);
    expect(Object.keys(json.checks[0])).toEqual(['id', 'severity', 'field', 'message', 'fix', 'source']);
  });

  it('the oss edition uses 5 virtual nodes and warns about the spread', async () => {
    const m = JSON.parse((await cli('plan', tempFile('g.yaml', MINIMAL.replace('count: 1', 'count: 3')), '--edition', 'oss', '--json')).stdout);
    expect(m.ring.vnodes).toBe(5);
    expect(m.checks.some((c: { id: string; fix: string }) => c.id === 'ring-spread' && /to 2000/.test(c.fix))).toBe(true);
    const set = JSON.parse((await cli('plan', `${examples}alluxio-cluster-heterogeneous.yaml`, '--edition', 'oss', '--json')).stdout);
    expect(set.ring.vnodes).toBe(5);
  });

  it('duplicate worker names in --workers and an out-of-range --what-if-vnodes are bad input (exit 2, one line)', async () => {
    const dup = await cli('plan', `${examples}alluxio-cluster.yaml`, '--workers', tempFile('w.txt', 'a 100Gi\nb 200Gi\na 300Gi\n'));
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/w\.txt:3 name: the worker is already listed on line 1 \(got "a"\)/);
    expect(dup.stderr.trim().split('\n')).toHaveLength(1);
    const far = await cli('plan', tempFile('g.yaml', MINIMAL.replace('count: 1', 'count: 3')), '--what-if-vnodes', '16777216');
    expect(far.code).toBe(2);
    expect(far.stderr).toContain(`--what-if-vnodes: 3 workers × 16777216 is more than ${MAX_RING_POINTS.toLocaleString('en-US')} ring points`);
    expect(far.stderr).toContain(`give at most ${Math.floor(MAX_RING_POINTS / 3)}`);
    expect(far.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads per-worker capacity from --workers', async () => {
    const w = tempFile('w.txt', 'a 100Gi\nb 200Gi\nc 300Gi\n');
    const r = JSON.parse((await cli('plan', `${examples}alluxio-cluster.yaml`, '--workers', w, '--json')).stdout);
    expect(r.workers.map((x: { sizeBytes: number }) => x.sizeBytes / GiB)).toEqual([100, 200, 300]);
    expect(r.checks.some((c: { field: string }) => c.field === '--workers')).toBe(true);
  });
});

describe('plan --trace', () => {
  it('takes the data set from a trace: unique objects and their bytes', async () => {
    const r = JSON.parse(
      (
        await cli(
          'plan',
          `${examples}alluxio-cluster.yaml`,
          '--trace',
          `${examples}../../shared/traces/cloudPhysicsIO.oracleGeneral.bin`,
          '--trace-format',
          'oracleGeneral',
          '--json',
        )
      ).stdout,
    );
    expect(r.dataset.bytes).toBe(2029769728);
    expect(r.dataset.files).toBe(48974);
  });
});

describe('every manifest shape of the guide', () => {
  it('one worker: what-ifs that do not apply say so; the verdict counts one worker', async () => {
    const r = JSON.parse((await cli('plan', tempFile('one.yaml', MINIMAL), '--json')).stdout);
    expect(r.workers).toHaveLength(1);
    const minus = r.whatIf.find((w: { name: string }) => w.name === '-1 worker');
    expect(minus).toMatchObject({ applicable: false, reason: 'the cluster has one worker' });
    const text = (await cli('plan', tempFile('one.yaml', MINIMAL))).stdout;
    expect(text).toMatch(/-1 worker +n\/a +n\/a +n\/a +n\/a/);
  });

  it('a bundle: AlluxioCluster, UnderFileSystem, License and other documents kept and named', async () => {
    const text = [MINIMAL, UFS, LICENSE, 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: my-secret\n  namespace: alx-ns\n'].join('---\n');
    const r = JSON.parse((await cli('plan', tempFile('bundle.yaml', text), '--json')).stdout);
    expect(r.cluster.otherDocuments).toEqual([
      { kind: 'UnderFileSystem', name: 'alluxio-s3', namespace: 'alx-ns', apiVersion: 'k8s-operator.alluxio.com/v1' },
      { kind: 'License', name: 'alluxio-license', namespace: 'alx-ns', apiVersion: 'k8s-operator.alluxio.com/v1' },
      { kind: 'Secret', name: 'my-secret', namespace: 'alx-ns', apiVersion: 'v1' },
    ]);
    const out = (await cli('plan', tempFile('bundle.yaml', text))).stdout;
    expect(out).toMatch(/other documents: UnderFileSystem alluxio-s3, License alluxio-license, Secret my-secret \(not read\)/);
  });

  it('a kind: List as kubectl get -o yaml prints it (status and server fields included)', () => {
    const indent = (doc: string): string =>
      doc
        .trim()
        .split('\n')
        .map((l, i) => (i === 0 ? `- ${l}` : `  ${l}`))
        .join('\n');
    const withStatus =
      GKE.replace('  properties:\n    alluxio.license: LICENSE-STRING\n', '').replace(
        'metadata:\n',
        'metadata:\n  uid: 0b3c\n  resourceVersion: "123"\n  creationTimestamp: "2026-01-01T00:00:00Z"\n',
      ) + 'status:\n  clusterPhase: Ready\n';
    const list = `apiVersion: v1\nkind: List\nitems:\n${indent(withStatus)}\n${indent(LICENSE)}\nmetadata:\n  resourceVersion: ""\n`;
    const r = buildPlan(parseManifest(list, 'list.yaml'), { platform: 'gke', nodes: 3 });
    expect(r.cluster.name).toBe('alluxio-cluster');
    expect(r.cluster.otherDocuments.map((d) => d.kind)).toEqual(['License']);
    expect(r.checks.filter((c) => c.severity !== 'info')).toEqual([]);
  });

  it('the examples: the guide manifest verbatim, the GKE way, and the bundle plan with only their placeholders as errors', () => {
    for (const name of ['alluxio-cluster.yaml', 'alluxio-cluster-gke.yaml', 'alluxio-bundle.yaml']) {
      const r = buildPlan(load(name), { nodes: 8, platform: name.includes('gke') ? 'gke' : undefined });
      expect(r.checks.filter((c) => c.severity === 'error' && c.id !== 'placeholder')).toEqual([]);
    }
  });
});

describe("the guide's correct manifests plan as deployable, with no false alarm", () => {
  it('step 4 minimal manifest (count 1): deployable; the only warning is identity persistence', () => {
    const r = plan(MINIMAL);
    expect(r.verdict.deployable).toBe(true);
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual(['identity-not-persisted']);
    expect(r.workers.length).toBe(1);
  });
  it('with identities persisted, on 3 nodes and a 120 GB AWS disk: no error; the one warning is the EBS CSI driver (guide E, EKS)', () => {
    const r = plan(persisted(MINIMAL), { nodes: 3, disk: '120GB', provider: 'aws' });
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual(['eks-ebs-csi']);
    const classed = persisted(MINIMAL).replace('    replicaCount: 3\n', '    replicaCount: 3\n    persistence:\n      storageClass: gp3\n');
    expect(ids(plan(classed, { nodes: 3, disk: '120GB', provider: 'aws' }), 'warning')).toEqual([]);
  });
  it('appendix E GKE manifest on GKE: no error, no warning', () => {
    const r = plan(GKE, { platform: 'gke', nodes: 3 });
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual([]);
  });
  it('a bundle with UnderFileSystem and License (C.2, no alluxio.license): no error; the only warning is the apply order', () => {
    const r = plan(bundle(persisted(MINIMAL).replace('  properties:\n    alluxio.license: LICENSE-STRING\n', ''), UFS, LICENSE), { nodes: 3 });
    expect(ids(r, 'error')).toEqual([]);
    expect(ids(r, 'warning')).toEqual(['license-apply-order']);
    expect(r.cluster.otherDocuments.map((d) => d.kind)).toEqual(['UnderFileSystem', 'License']);
  });
});
