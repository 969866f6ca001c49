import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/plan/manifest.js';
import { buildPlan } from '../../src/plan/plan.js';
import { createPlacement } from '../../src/ring/registry.js';
import { cli, tempFile } from '../cli/helpers.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const load = (name: string) => parseManifest(readFileSync(`${examples}${name}`, 'utf8'), name);
const GiB = 2 ** 30;

/** Exact shares of an alluxio-consistent ring, computed here from the identities the plan reports. */
function handShares(ids: string[], vnodes: number): number[] {
  const p = createPlacement('alluxio-consistent', ids.map((id) => ({ id })), { vnodes, identity: 'identity' });
  const own = p.ownership()!;
  return Array.from(own.byWorker, (x) => x / own.total);
}

describe('plan of the examples, against hand calculations', () => {
  it('alluxio-cluster.yaml: 2 × 100Gi, 102,400 pages of 1 MiB; on a 100 GB AWS ext4 disk 110 GiB does not fit', () => {
    const r = buildPlan(load('alluxio-cluster.yaml'));
    expect(r.workers.length).toBe(2);
    expect(r.workers[0].sizeBytes).toBe(100 * GiB);
    expect(r.workers[0].reservedBytes).toBe(10 * GiB);
    expect(r.workers[0].pages).toBe((100 * GiB) / 2 ** 20);
    expect(r.verdict.deployable).toBe(true);
    const shares = handShares(r.ring.shares.map((s) => s.identity), 2000);
    r.ring.shares.forEach((s, i) => expect(s.share).toBeCloseTo(shares[i], 12));
    expect(shares[0] + shares[1]).toBeCloseTo(1, 12);
    // 100 GB on AWS is 100 GiB raw. ext4 (non-root): inode tables 100/64 GiB, journal 512 MiB, 15 backup groups of
    // (1 + 13 + 1024) blocks, 800 groups × 2 bitmap blocks, 5 % root reserve, 16 MiB kernel reserve.
    const raw = 100 * GiB;
    const usable = raw - raw / 64 - 512 * 2 ** 20 - 15 * (1 + 13 + 1024) * 4096 - 800 * 2 * 4096 - 0.05 * raw - 16 * 2 ** 20;
    const onDisk = buildPlan(load('alluxio-cluster.yaml'), { disk: '100GB', provider: 'aws', fs: 'ext4' });
    expect(onDisk.workers[0].usableDiskBytes).toBe(usable);
    expect(onDisk.workers[0].headroomBytes).toBe(usable - 110 * GiB);
    expect(onDisk.verdict.deployable).toBe(false);
    expect(onDisk.checks[0]).toMatchObject({ severity: 'error', field: 'spec.worker.pagestore.size' });
  });

  it('alluxio-cluster-gke.yaml on GKE: read-only /mnt hostPath, one etcd replica, identities not persisted', () => {
    const r = buildPlan(load('alluxio-cluster-gke.yaml'), { provider: 'gcp', disk: '375GB', nodes: 8 });
    const fields = r.checks.map((c) => `${c.severity} ${c.field}`);
    expect(fields).toContain('error spec.worker.pagestore.hostPath');
    expect(fields).toContain('warning spec.etcd.replicaCount');
    expect(fields).toContain('warning spec.worker.useExternalId');
    expect(r.cluster.otherDocuments).toEqual([{ kind: 'UnderFileSystem', name: 'training-data' }]);
    expect(r.workers[0].pages).toBe(320 * 1024);
    // 375 GiB raw (GCP sells GiB) holds 320Gi + 32Gi? ext4 non-root leaves about 349 GiB: no.
    expect(r.verdict.deployable).toBe(false);
    const shares = handShares(r.ring.shares.map((s) => s.identity), 2000);
    r.ring.shares.forEach((s, i) => expect(s.share).toBeCloseTo(shares[i], 12));
    const restart = r.whatIf.find((w) => w.name === 'restart one worker')!;
    // Dynamic ring, new identity: the old identity's range leaves, the new one's arrives; both from the hand ring.
    const ids = r.ring.shares.map((s) => s.identity);
    const p0 = createPlacement('alluxio-consistent', ids.map((id) => ({ id })), { vnodes: 2000, identity: 'identity' });
    expect(restart.moved).toBeGreaterThan(p0.ownership()!.byWorker[0] / 2 ** 32);
    expect(buildPlan(load('alluxio-cluster-gke.yaml'), { provider: 'gcp', nodes: 4 }).checks.some((c) => c.severity === 'error' && /4 stay Pending/.test(c.message))).toBe(true);
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
  const good = readFileSync(`${examples}alluxio-cluster.yaml`, 'utf8');
  const bomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]', ...Array.from({ length: 9 }, (_, i) => {
    const p = String.fromCharCode(97 + i);
    const q = String.fromCharCode(98 + i);
    return `${q}: &${q} [*${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}]`;
  }), 'apiVersion: k8s-operator.alluxio.com/v1', 'kind: AlluxioCluster', 'spec: {worker: {count: 1, pagestore: {size: 1Gi}}}'].join('\n');
  it.each([
    ['not YAML', 'spec: [unclosed\n  - x: {', /not valid YAML/],
    ['wrong kind', good.replace('kind: AlluxioCluster', 'kind: Deployment'), /no AlluxioCluster in the file/],
    ['wrong apiVersion', good.replace('k8s-operator.alluxio.com/v1', 'apps/v1'), /apiVersion.*not the Alluxio operator API/],
    ['size: 100GB', good.replace('size: 100Gi', 'size: 100GB'), /spec\.worker\.pagestore\.size: is not a Kubernetes quantity.*write 100Gi \(binary\) or 100G \(decimal\)/],
    ['negative size', good.replace('size: 100Gi', 'size: -100Gi'), /spec\.worker\.pagestore\.size: is negative/],
    ['reservedSize > size', good.replace('reservedSize: 10Gi', 'reservedSize: 200Gi'), /reservedSize: is larger than size/],
    ['10,000 documents', Array.from({ length: 10_000 }, () => '---\nkind: ConfigMap\n').join(''), /more than 100 YAML documents/],
    ['YAML alias bomb', bomb, /aliases|Excessive alias/i],
    ['no worker', good.replace(/  worker:[\s\S]*$/, ''), /spec\.worker: missing/],
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
  it('exit 0 for a deployable plan, 1 when a check fails, JSON with the report model', async () => {
    const ok = await cli('plan', `${examples}alluxio-cluster.yaml`);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/VERDICT: DEPLOYABLE/);
    const bad = await cli('plan', `${examples}alluxio-cluster.yaml`, '--disk', '100GB', '--provider', 'aws');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/WILL NOT DEPLOY/);
    const json = JSON.parse((await cli('plan', `${examples}alluxio-cluster.yaml`, '--json')).stdout);
    expect(json.format).toBe('ring-sim/plan');
    expect(Object.keys(json)).toEqual(['format', 'version', 'source', 'cluster', 'edition', 'verdict', 'workers', 'checks', 'ring', 'dataset', 'whatIf', 'assumptions']);
  });

  it('the oss edition uses 5 virtual nodes and warns about the spread', async () => {
    const r = JSON.parse((await cli('plan', `${examples}alluxio-cluster-gke.yaml`, '--edition', 'oss', '--json')).stdout);
    expect(r.ring.vnodes).toBe(2000); // set explicitly in the manifest
    const m = JSON.parse((await cli('plan', `${examples}alluxio-cluster.yaml`, '--edition', 'oss', '--json')).stdout);
    expect(m.ring.vnodes).toBe(5);
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
    const r = JSON.parse((await cli('plan', `${examples}alluxio-cluster.yaml`, '--trace', `${examples}../../shared/traces/cloudPhysicsIO.oracleGeneral.bin`, '--trace-format', 'oracleGeneral', '--json')).stdout);
    expect(r.dataset.bytes).toBe(2029769728);
    expect(r.dataset.files).toBe(48974);
  });
});
