/**
 * `inspect`'s what-ifs follow the what-if module's rules through the built CLI, on the example export: bytes capped
 * by what each worker caches (page data from --manifest), the keys a restart without identity keeps on its pod
 * (`samePod`) out of moved, an emptyDir page store losing them, and the assumptions printed when etcd cannot say.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from '../membership/built-cli.js';

const EXPORT = 'examples/etcd-export.json';
const MANIFEST = 'examples/day2/alluxio-cluster.yaml';
const dir = mkdtempSync(join(tmpdir(), 'ring-sim-inspect-whatif-'));

interface Effect {
  moved: number;
  samePod: number;
  optimal: number;
  unreachable: number;
  rereadBytes: number | null;
  bytesBasis: string;
}
interface WhatIf {
  kind: string;
  name: string;
  identities: string[];
  scaleIn?: {
    removes: string;
    range: { choices: number; best: { moved: number }; median: { moved: number; leaving: string[] }; worst: { moved: number } } | null;
  };
  dynamic: Effect | null;
  static: Effect;
  model: string | null;
}
interface Json {
  assumptions: string[];
  workers: Array<{ identity: string; state: string; share: number; staticShare: number }>;
  whatIf: WhatIf[];
}

async function inspect(...args: string[]): Promise<Json> {
  const r = await builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', 'alx-ns-alluxio-cluster', '--json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

const GiB = 2 ** 30;

describe('inspect what-ifs: cache cap, samePod, page-store type', () => {
  it('--manifest: no stopped worker hands over more than its 100 GiB of page data; OFFLINE identities cached nothing', async () => {
    const j = await inspect('--manifest', MANIFEST, '--dataset', '20TiB');
    expect(j.assumptions.some((a) => /caches at most 100\.00 GiB/.test(a))).toBe(true);
    expect(j.assumptions.some((a) => /page store: hostPath from --manifest/.test(a))).toBe(true);
    for (const w of j.whatIf.filter((x) => x.kind === 'stop')) {
      expect(w.dynamic!.rereadBytes).toBe(100 * GiB);
      expect(w.dynamic!.bytesBasis).toBe('cache');
      expect(w.static.rereadBytes).toBe(0);
    }
    for (const w of j.whatIf.filter((x) => x.kind === 'remove-offline')) expect(w.static.rereadBytes).toBe(0);
    const add = j.whatIf.find((w) => w.kind === 'add')!;
    expect(add.dynamic!.rereadBytes).toBeLessThanOrEqual(10 * 100 * GiB);
  });

  it('restart without identity: samePod apart from moved; an emptyDir page store re-reads those keys too', async () => {
    const kept = (await inspect('--manifest', MANIFEST, '--dataset', '20TiB')).whatIf.find((w) => w.kind === 'restart-new-identity')!;
    expect(kept.dynamic!.samePod).toBeGreaterThan(0);
    const emptyDir = join(dir, 'emptydir.yaml');
    writeFileSync(emptyDir, readFileSync(MANIFEST, 'utf8').replace(/(\n(\s*)pagestore:\n)/, '$1$2  type: emptyDir\n'));
    const j = await inspect('--manifest', emptyDir, '--dataset', '20TiB');
    expect(j.assumptions.some((a) => /page store: emptyDir from --manifest \(lost on a pod restart/.test(a))).toBe(true);
    const lost = j.whatIf.find((w) => w.kind === 'restart-new-identity')!;
    expect(lost.dynamic!.samePod).toBe(0);
    expect(lost.dynamic!.moved).toBeCloseTo(kept.dynamic!.moved + kept.dynamic!.samePod, 12);
    expect(lost.model).toMatch(/emptyDir page store comes back empty/);
    // --worker: restarting with its identity re-reads everything the emptied worker cached.
    const one = await inspect('--manifest', emptyDir, '--dataset', '20TiB', '--worker', '10.244.4.7');
    const same = one.whatIf.find((w) => w.kind === 'restart-same-identity')!;
    expect(same.dynamic!.rereadBytes).toBe(100 * GiB);
    const five = one.workers.find((w) => w.identity === 'worker-0f6f321d-4c70-4c46-a3cc-6e44ba26841c')!;
    expect(same.dynamic!.moved).toBeCloseTo(five.share, 12);
  });

  it('without --manifest: uncapped and hostPath, each said in an assumption line of the text', async () => {
    const r = await builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', 'alx-ns-alluxio-cluster', '--dataset', '20TiB']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Assumed: what-if bytes: no --manifest, so what each worker caches is unknown/);
    expect(r.stdout).toMatch(/Assumed: page store: no --manifest, taken as hostPath/);
    expect(r.stdout).toMatch(/^what-if +dynamic: moved +stay on pod +cached on pod +re-read +time +static: moved +stay on pod +cached on pod +unreachable/m);
    expect(r.stdout).toMatch(
      /^note: back with its identity, a stopped worker gets its keys back and its hostPath page store \(assumed: no --manifest\) survives/m,
    );
  });

  it("scale in by 1 worker: pod IPs (a Deployment) give the range over every choice, plan --against's rules (issue 27 item 4)", async () => {
    const j = await inspect('--dataset', '20TiB');
    const s = j.whatIf.filter((w) => w.kind === 'scale-in');
    expect(s).toHaveLength(1);
    const range = s[0].scaleIn!.range!;
    expect(s[0].scaleIn!.removes).toBe('replicaset');
    expect(range.choices).toBe(10);
    const stops = j.whatIf
      .filter((w) => w.kind === 'stop')
      .map((w) => w.dynamic!.moved)
      .sort((a, b) => a - b);
    expect([range.best.moved, range.median.moved, range.worst.moved]).toEqual([stops[0], stops[4], stops[9]]);
    expect(s[0].identities).toEqual(range.median.leaving);
    const stop = j.whatIf.find((w) => w.kind === 'stop' && w.identities[0] === s[0].identities[0])!;
    expect(s[0].dynamic).toEqual(stop.dynamic);
    // Registered by StatefulSet pod names instead: the highest ordinal leaves, determined.
    const names = join(dir, 'statefulset-export.json');
    const exported = JSON.parse(readFileSync(EXPORT, 'utf8')) as { kvs: Array<{ value: string }> };
    for (const kv of exported.kvs) {
      const v = Buffer.from(kv.value, 'base64').toString('utf8');
      const ip = /"Host":"10\.244\.(\d+)\.(\d+)"/.exec(v)!;
      kv.value = Buffer.from(v.replace(ip[0], `"Host":"alluxio-worker-${ip[1]}${ip[2]}.alluxio-worker.alx-ns.svc.cluster.local"`)).toString('base64');
    }
    writeFileSync(names, JSON.stringify(exported));
    const r = await builtCli(['inspect', '--etcd-export', names, '--cluster', 'alx-ns-alluxio-cluster', '--json']);
    const sts = (JSON.parse(r.stdout) as Json).whatIf.find((w) => w.kind === 'scale-in')!;
    expect(sts.scaleIn).toMatchObject({ removes: 'statefulset-ordinals', range: null });
    expect(sts.identities).toEqual(['worker-8b9a5e1c-ff37-4fe0-bdae-a0809bd8d13f']); // 10.244.9.7 → ordinal 97, the highest ONLINE
  });
});
