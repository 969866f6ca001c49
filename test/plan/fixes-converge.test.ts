/**
 * Issue 23 item 6, re-audited for the checks added since its first property (test/capacity/fix-values.test.ts and
 * test/plan/worker-dirs.test.ts cover the page-store sizes): memory (test/plan/checks/memory-fix.ts applies those),
 * storage class (D.1, EKS), the page-store directory count, the worker identity (useExternalId, systemInfo), the
 * emptyDir page store and GKE's read-only hostPaths. For random manifests and platforms, every ERROR or WARNING of
 * these whose fix names values is applied as an operator reads it; the plan again has no ERROR or WARNING on the
 * fields the fix set, and its figures agree with themselves (the verdict counts its checks; a persisted identity's
 * restart moves no key).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { parseManifest } from '../../src/plan/manifest.js';
import { buildPlan } from '../../src/plan/plan.js';
import type { PlanOptions, PlanReport } from '../../src/plan/model.js';
import type { Check } from '../../src/core/check.js';
import { MINIMAL } from './guide-manifests.js';
import { applyMemoryFix } from './checks/memory-fix.js';

type Doc = { spec: Record<string, unknown> };

function steps(field: string): string[] {
  return field.split(/\.|\[(\d+)\]/).filter((x) => x !== undefined && x !== '');
}

function set(doc: object, field: string, value: unknown): void {
  const path = steps(field);
  let v = doc as Record<string, unknown>;
  for (const k of path.slice(0, -1)) v = (v[k] ??= {}) as Record<string, unknown>;
  v[path.at(-1)!] = value;
}

const MEMORY = ['jvm-memory-over-limit', 'jvm-memory-headroom', 'memory-request-over-limit'];
const IDENTITY = ['identity-external-id', 'identity-external-id-unset', 'identity-not-persisted'];

/** The manifest the fix describes, and the fields it set; undefined when the fix names no value (a step to take). */
function applyFix(doc: Doc, c: Check): Array<{ doc: Doc; fields: string[] }> | undefined {
  const d = structuredClone(doc);
  const one = (fields: string[]) => [{ doc: d, fields }];
  if (MEMORY.includes(c.id!)) return applyMemoryFix(doc, c).map((x) => ({ doc: x, fields: [c.field] }));
  if (c.id === 'storage-class-missing' || c.id === 'eks-ebs-csi') return (set(d, c.field, 'gp3'), one([c.field]));
  if (c.id === 'pagestore-dirs-count') {
    const m = /^set (\S+) to .*\(e\.g\. (\S+)\)/.exec(c.fix)!;
    return (set(d, m[1], m[2]), one([m[1], c.field]));
  }
  if (c.id === 'pagestore-emptydir') return (set(d, c.field, 'hostPath'), one([c.field]));
  if (c.id === 'gke-hostpath') {
    const m = /^set (\S+): (\S+)/.exec(c.fix)!;
    return (set(d, m[1], m[2]), one([m[1]]));
  }
  if (IDENTITY.includes(c.id!)) {
    const id = /set (\S+useExternalId): false/.exec(c.fix)!;
    set(d, id[1], false);
    const path = /systemInfo\.hostPath(?: to a persistent path \(e\.g\.|:) (\/[^\s)]+)/.exec(c.fix);
    if (path) set(d, id[1].replace(/useExternalId$/, 'systemInfo.hostPath'), path[1]);
    return one([id[1], id[1].replace(/useExternalId$/, 'systemInfo.hostPath')]);
  }
  return undefined;
}

const planOf = (doc: Doc, o: PlanOptions): PlanReport => buildPlan(parseManifest(stringify(doc), 'fix.yaml'), o);

/** The figures a plan states twice agree: its verdict counts its own checks. */
function figuresAgree(r: PlanReport): void {
  const errors = r.checks.filter((c) => c.severity === 'error').length;
  expect(r.verdict).toMatchObject({ errors, warnings: r.checks.filter((c) => c.severity === 'warning').length, deployable: errors === 0 });
}

const inputs = fc.record({
  count: fc.integer({ min: 1, max: 4 }),
  type: fc.constantFrom('hostPath', 'persistentVolumeClaim', 'emptyDir'),
  sizes: fc.array(fc.integer({ min: 20, max: 400 }), { minLength: 1, maxLength: 3 }),
  paths: fc.option(fc.constantFrom('/mnt/alluxio/pagestore', '/mnt/disks/a', '/mnt/disks/a,/mnt/disks/b', '/data/a,/data/b,/data/c'), { nil: undefined }),
  storageClass: fc.option(fc.constantFrom('gp3', 'standard-rwo'), { nil: undefined }),
  etcdPersistence: fc.constantFrom<Array<Record<string, unknown> | undefined>>(undefined, { enabled: true }, { storageClass: 'gp3' }),
  useExternalId: fc.option(fc.boolean(), { nil: undefined }),
  systemInfo: fc.option(fc.constantFrom('/home/alluxio/system-info', '/mnt/alluxio/system-info'), { nil: undefined }),
  memory: fc.option(fc.tuple(fc.integer({ min: 4, max: 48 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 24 })), { nil: undefined }),
  platform: fc.constantFrom<[PlanOptions['provider'] | undefined, PlanOptions['platform'] | undefined]>(
    [undefined, undefined],
    ['aws', undefined],
    ['aws', 'eks'],
    ['gcp', 'gke'],
    [undefined, 'aks'],
  ),
});

function manifestOf(x: typeof inputs extends fc.Arbitrary<infer T> ? T : never): Doc {
  const doc = parse(MINIMAL) as Doc;
  const worker: Record<string, unknown> = {
    count: x.count,
    pagestore: {
      type: x.type,
      size: x.sizes.map((n) => `${n}Gi`).join(','),
      reservedSize: `${Math.floor(Math.min(...x.sizes) / 10)}Gi`,
      ...(x.type === 'hostPath' && x.paths ? { hostPath: x.paths } : {}),
      ...(x.type === 'persistentVolumeClaim' && x.storageClass ? { storageClass: x.storageClass } : {}),
    },
    ...(x.useExternalId === undefined ? {} : { useExternalId: x.useExternalId }),
    ...(x.systemInfo ? { systemInfo: { hostPath: x.systemInfo } } : {}),
  };
  if (x.memory) {
    const [limit, heap, direct] = x.memory;
    worker.resources = { limits: { memory: `${limit}Gi` }, requests: { memory: '2Gi' } };
    worker.jvmOptions = [`-Xmx${heap}g`, `-XX:MaxDirectMemorySize=${direct}g`];
  }
  doc.spec.worker = worker;
  // 100 virtual nodes, not 2000: the ring's what-ifs are not what this audits, and the property stays fast.
  (doc.spec.properties as Record<string, string>)['alluxio.user.worker.selection.policy.consistent.hash.virtual.node.count.per.worker'] = '100';
  doc.spec.etcd = { replicaCount: 3, ...(x.etcdPersistence ? { persistence: x.etcdPersistence } : {}) };
  return doc;
}

describe('issue 23 item 6: every fix that names values converges, on the checks added since', () => {
  it('random manifests and platforms: applied, no ERROR or WARNING on the fields the fix set; figures agree', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(inputs, (x) => {
        const doc = manifestOf(x);
        const [provider, platform] = x.platform;
        const o: PlanOptions = { ...(provider ? { provider } : {}), ...(platform ? { platform } : {}) };
        const before = planOf(doc, o);
        figuresAgree(before);
        for (const c of before.checks) {
          if (c.severity === 'info') continue;
          const fixed = applyFix(doc, c);
          if (!fixed) continue;
          for (const { doc: next, fields } of fixed) {
            const after = planOf(next, o);
            figuresAgree(after);
            const left = after.checks.filter((y) => y.severity !== 'info' && fields.includes(y.field)).map((y) => `${y.id} ${y.field}: ${y.message}`);
            expect(left, `${JSON.stringify(x)}: ${c.id} "${c.fix}"`).toEqual([]);
            if (IDENTITY.includes(c.id!) && x.type !== 'emptyDir') expect(after.whatIf.find((w) => w.name === 'restart one worker')?.moved ?? 0).toBe(0);
            seen.add(c.id!);
          }
        }
      }),
      { seed: 2306, numRuns: 50 },
    );
    // The property met every family it audits, not a few of them.
    expect([...seen].sort(), [...seen].sort().join(' ')).toEqual(
      expect.arrayContaining([
        'eks-ebs-csi',
        'gke-hostpath',
        'identity-external-id',
        'identity-external-id-unset',
        'identity-not-persisted',
        'jvm-memory-over-limit',
        'pagestore-dirs-count',
        'pagestore-emptydir',
        'storage-class-missing',
      ]),
    );
  });
});
