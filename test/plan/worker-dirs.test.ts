/**
 * Page-store directories in plan: one a comma-separated `pagestore.size` entry, each planned against its own
 * `--disk` with the one reservedSize beside it; the worker's figures are the directories' sums. Every fix the
 * checks give converges when applied to every directory (a seeded property over random disks and sizes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPageStore } from '../../src/capacity/pagestore-plan.js';
import { MINIMAL, plan } from './guide-manifests.js';
import { sizeEntries } from '../../src/plan/worker-dirs.js';

const GiB = 2 ** 30;
const AWS = { disk: '100GB', provider: 'aws' as const, fs: 'ext4' as const };
const withStore = (size: string, reserved: string | undefined, hostPath?: string): string =>
  MINIMAL.replace(
    '      size: 90Gi\n      reservedSize: 9Gi\n',
    `${hostPath ? `      hostPath: ${JSON.stringify(hostPath)}\n` : ''}      size: ${JSON.stringify(size)}\n${reserved === undefined ? '' : `      reservedSize: ${JSON.stringify(reserved)}\n`}`,
  );

describe('sizeEntries', () => {
  it('splits on commas and trims; one entry is the text as written', () => {
    expect(sizeEntries('100Gi')).toEqual(['100Gi']);
    expect(sizeEntries(' 100Gi')).toEqual([' 100Gi']);
    expect(sizeEntries('100Gi, 200Gi')).toEqual(['100Gi', '200Gi']);
  });
});

describe('plan: several page-store directories', () => {
  it('one size plans exactly as one page store: one directory, the same figures', () => {
    const r = plan(MINIMAL, AWS);
    const p = planPageStore({ size: '90Gi', reservedSize: '9Gi', pageSize: String(4 * 2 ** 20), ...AWS, fields: {} });
    const w = r.workers[0];
    expect(w.dirs).toEqual([
      {
        index: 0,
        hostPath: '/mnt/alluxio/pagestore',
        sizeBytes: 90 * GiB,
        reservedBytes: 9 * GiB,
        cacheBytes: 90 * GiB,
        pages: Number(p.pages),
        usableDiskBytes: Number(p.fileSystem!.usableBytes),
        headroomBytes: Number(p.headroomBytes),
      },
    ]);
    expect([w.sizeBytes, w.reservedBytes, w.cacheBytes, w.pages, w.usableDiskBytes, w.headroomBytes]).toEqual([
      90 * GiB,
      9 * GiB,
      90 * GiB,
      Number(p.pages),
      Number(p.fileSystem!.usableBytes),
      Number(p.headroomBytes),
    ]);
  });

  it('two entries: one directory each on its own disk, reservedSize beside each, the worker the sum', () => {
    const r = plan(withStore('80Gi,40Gi', '6Gi', '/mnt/d0,/mnt/d1'), AWS);
    const usable = Number(planPageStore({ size: '1Gi', ...AWS }).fileSystem!.usableBytes);
    const w = r.workers[0];
    expect(w.dirs).toEqual([
      {
        index: 0,
        hostPath: '/mnt/d0',
        sizeBytes: 80 * GiB,
        reservedBytes: 6 * GiB,
        cacheBytes: 80 * GiB,
        pages: 20480,
        usableDiskBytes: usable,
        headroomBytes: usable - 86 * GiB,
      },
      {
        index: 1,
        hostPath: '/mnt/d1',
        sizeBytes: 40 * GiB,
        reservedBytes: 6 * GiB,
        cacheBytes: 40 * GiB,
        pages: 10240,
        usableDiskBytes: usable,
        headroomBytes: usable - 46 * GiB,
      },
    ]);
    expect([w.sizeBytes, w.reservedBytes, w.cacheBytes, w.pages, w.usableDiskBytes, w.headroomBytes]).toEqual([
      120 * GiB,
      12 * GiB,
      120 * GiB,
      30720,
      2 * usable,
      2 * usable - 132 * GiB,
    ]);
    expect(r.verdict.summary).toMatch(/^1 worker, 120\.00 GiB of cache/);
    expect(r.assumptions).toContainEqual(
      expect.stringMatching(/^page store: up to 2 directories a worker, .*--disk 100GB each.*one reservedSize applies to each directory/),
    );
  });

  it("no reservedSize (Enterprise): the operator's default per entry, min(10 % of the entry, 100Gi)", () => {
    const r = plan(withStore('90Gi,2000Gi', undefined, '/mnt/d0,/mnt/d1'), {});
    expect(r.workers[0].dirs!.map((d) => d.reservedBytes)).toEqual([9 * GiB, 100 * GiB]);
    expect(r.workers[0].reservedBytes).toBe(109 * GiB);
  });

  it('each directory is checked against --disk, and the check names it', () => {
    const r = plan(withStore('80Gi,300Gi', '8Gi', '/mnt/d0,/mnt/d1'), AWS);
    const quota = r.checks.filter((c) => c.id === 'pagestore-quota-disk');
    expect(quota.map((c) => [c.field, c.message.split(':')[0]])).toEqual([['spec.worker.pagestore.size', 'pagestore-1 (300Gi)']]);
    expect(quota[0].fix).toBe('set size to at most 83Gi with reservedSize 8Gi, or use a larger disk');
    expect(r.verdict.deployable).toBe(false);
  });

  it('hostPath entries that do not match the size entries are an ERROR naming both fields and the fix', () => {
    const r = plan(withStore('80Gi,80Gi', '8Gi', '/mnt/d0'), {});
    const c = r.checks.find((x) => x.id === 'pagestore-dirs-count')!;
    expect(c.severity).toBe('error');
    expect(c.field).toBe('spec.worker.pagestore.hostPath');
    expect(c.message).toContain('spec.worker.pagestore.size lists 2 entries (80Gi,80Gi) but spec.worker.pagestore.hostPath lists 1 entry (/mnt/d0)');
    expect(c.message).toContain('"Error: worker.pagestore.size doesn\'t match with worker.pagestore.hostPath"');
    expect(c.fix).toBe(
      'set spec.worker.pagestore.hostPath to 2 comma-separated paths, one on each disk (e.g. /mnt/d0,/mnt/d0-1), or list 1 entry in spec.worker.pagestore.size',
    );
    // The default hostPath is one path: two sizes without a hostPath fail too.
    expect(plan(withStore('80Gi,80Gi', '8Gi'), {}).checks.find((x) => x.id === 'pagestore-dirs-count')!.message).toContain(
      'lists 1 entry (/mnt/alluxio/pagestore, the default)',
    );
    const fewer = plan(withStore('80Gi', '8Gi', '/mnt/d0,/mnt/d1,/mnt/d2'), {}).checks.find((x) => x.id === 'pagestore-dirs-count')!;
    expect(fewer.fix).toBe(
      'set spec.worker.pagestore.size to 3 entries, one a directory (e.g. 80Gi,80Gi,80Gi), or list 1 entry in spec.worker.pagestore.hostPath',
    );
    // The fix, applied, raises it no more.
    expect(plan(withStore('80Gi,80Gi,80Gi', '8Gi', '/mnt/d0,/mnt/d1,/mnt/d2'), {}).checks.some((x) => x.id === 'pagestore-dirs-count')).toBe(false);
    // A PVC page store has no hostPath entries to match.
    expect(
      plan(withStore('80Gi,80Gi', '8Gi').replace('pagestore:\n', 'pagestore:\n      type: persistentVolumeClaim\n'), {}).checks.some(
        (x) => x.id === 'pagestore-dirs-count',
      ),
    ).toBe(false);
  });

  it('GKE: a read-only hostPath entry is named by directory, and the fix keeps one path a size entry', () => {
    const r = plan(withStore('80Gi,80Gi', '8Gi', '/mnt/disks/ssd0,/mnt/alluxio/d1'), { platform: 'gke' });
    const c = r.checks.filter((x) => x.id === 'gke-hostpath' && x.field === 'spec.worker.pagestore.hostPath');
    expect(c.map((x) => x.message.split(':')[0])).toEqual(['worker page store (pagestore-1)']);
    expect(c[0].fix).toMatch(/^set spec\.worker\.pagestore\.hostPath: \/mnt\/disks\/ssd0,\/home\/alluxio\/pagestore-1 /);
  });

  it('a reservedSize fix passes beside every entry: 4Gi is within 5–20 % of both 20Gi and 80Gi', () => {
    const r = plan(withStore('20Gi,80Gi', '2Gi', '/mnt/d0,/mnt/d1'), AWS);
    const c = r.checks.filter((x) => x.field === 'spec.worker.pagestore.reservedSize' && x.severity !== 'info');
    expect(c.map((x) => [x.message.split(':')[0], x.fix])).toEqual([
      ['pagestore-1 (80Gi)', 'set reservedSize to 4Gi (5–20 % of every size entry, one reserve a directory)'],
    ]);
    expect(plan(withStore('20Gi,80Gi', '4Gi', '/mnt/d0,/mnt/d1'), AWS).checks.filter((x) => /pagestore/.test(x.field) && x.severity !== 'info')).toEqual([]);
    // No one value suits 10Gi and 80Gi (5 % of 80Gi > 20 % of 10Gi): both values, the same size in every entry.
    const apart = plan(withStore('10Gi,80Gi', '8Gi', '/mnt/d0,/mnt/d1'), AWS).checks.find((x) => x.field === 'spec.worker.pagestore.reservedSize')!;
    expect(apart.fix).toBe('set size to at most 83Gi with reservedSize 8Gi, or use a larger disk (the same size in every entry)');
  });
});

const Q = String.raw`(\d+(?:Ki|Mi|Gi|Ti)?)\b`;

/** The values a fix names: "size [to] [at most] Q", "reservedSize [to] Q", or "write Q" / "such as Q" for its own field. */
function fixValues(fix: string, field: 'size' | 'reservedSize'): Partial<Record<'size' | 'reservedSize', string>> {
  const out: Partial<Record<'size' | 'reservedSize', string>> = {};
  const size = new RegExp(String.raw`(?:^|[^A-Za-z])size (?:to )?(?:at most )?${Q}`).exec(fix);
  const reserved = new RegExp(String.raw`reservedSize (?:to )?${Q}`).exec(fix);
  const own = new RegExp(String.raw`^write (?:at least )?${Q}|such as ${Q}`).exec(fix);
  if (size) out.size = size[1];
  if (reserved) out.reservedSize = reserved[1];
  if (own) out[field] = own[1] ?? own[2];
  return out;
}

const FIELD = { 'spec.worker.pagestore.size': 'size', 'spec.worker.pagestore.reservedSize': 'reservedSize' } as const;
const quantity = (units: string[], max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.constantFrom(...units)).map(([n, u]) => `${n}${u}`);

describe('every page-store fix converges with several directories', () => {
  it('for random disks, file systems and size entries: the values applied to every directory raise no ERROR or WARNING on the fields they set', () => {
    let applied = 0;
    const inputs = fc.record({
      disk: fc.option(fc.oneof(quantity(['GB', 'GiB'], 4000), quantity(['TB'], 16)), { nil: undefined }),
      provider: fc.constantFrom('aws', 'gcp', 'plain' as const),
      fs: fc.constantFrom('ext4', 'ext4-root', 'xfs' as const),
      sizes: fc.array(fc.oneof(quantity(['Gi', 'G', 'Mi'], 3000), quantity(['Ti'], 8)), { minLength: 2, maxLength: 3 }),
      reserved: fc.option(quantity(['Gi', 'G', 'Mi'], 400), { nil: undefined }),
    });
    fc.assert(
      fc.property(inputs, ({ disk, provider, fs, sizes, reserved }) => {
        const o = { disk, provider, fs };
        const paths = sizes.map((_, i) => `/mnt/d${i}`).join(',');
        const sizeOf = (s: string): bigint =>
          BigInt(/^\d+/.exec(s)![0]) * ({ Gi: 1n << 30n, G: 10n ** 9n, Mi: 1n << 20n, Ti: 1n << 40n }[s.replace(/^\d+/, '')] ?? 1n);
        if (reserved !== undefined && sizes.some((s) => sizeOf(reserved) > sizeOf(s))) return; // bad input (exit 2), not a check
        const before = plan(withStore(sizes.join(','), reserved, paths), o);
        for (const c of before.checks) {
          if (c.severity === 'info' || !(c.field in FIELD)) continue;
          const values = fixValues(c.fix, FIELD[c.field as keyof typeof FIELD]);
          if (!Object.keys(values).length) continue;
          applied++;
          const nextSizes = values.size ? sizes.map(() => values.size!) : sizes;
          // A size fix below the reservedSize as written leaves that field to fix (plan refuses reservedSize > size,
          // exit 2, naming reservedSize): a rule of the other field, as for one directory.
          const nextReserved = values.reservedSize ?? reserved;
          if (nextReserved !== undefined && nextSizes.some((s) => sizeOf(nextReserved) > sizeOf(s))) continue;
          const after = plan(withStore(nextSizes.join(','), nextReserved, paths), o);
          const fields = [c.field, ...Object.keys(values).map((k) => `spec.worker.pagestore.${k}`)];
          const left = after.checks.filter((x) => x.severity !== 'info' && fields.includes(x.field)).map((x) => `${x.severity} ${x.field}: ${x.message}`);
          expect(left, `${JSON.stringify({ disk, provider, fs, sizes, reserved })}: ${c.message} → "${c.fix}" applied as ${JSON.stringify(values)}`).toEqual(
            [],
          );
        }
      }),
      { seed: 30, numRuns: 100 },
    );
    expect(applied).toBeGreaterThan(40); // the property met many fixes, not a few
  });
});
