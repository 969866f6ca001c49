/**
 * Every page-store fix that names values names values that pass every check on their field (issue 23 item 6):
 * the fix is read as the operator reads it (its text), applied, and the store planned again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planPageStore, type PageStorePlanInput } from '../../src/capacity/pagestore-plan.js';
import { floorQuantity, ceilQuantity } from '../../src/capacity/fix-values.js';
import { MINIMAL, plan } from '../plan/guide-manifests.js';

const Q = String.raw`(\d+(?:Ki|Mi|Gi|Ti|Pi|Ei)?)\b`;

/** The values a fix names, by field: "size [to] [at most] Q", "reservedSize [to] Q", or "write Q" / "such as Q" for its own field. */
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

const FIELD = { '--size': 'size', '--reserved': 'reservedSize' } as const;
const FLAG = { size: '--size', reservedSize: '--reserved' } as const;

const quantity = (units: string[], max: number) => fc.tuple(fc.integer({ min: 1, max }), fc.constantFrom(...units)).map(([n, u]) => `${n}${u}`);

const inputs = fc.record({
  disk: fc.oneof(quantity(['GB', 'GiB'], 4000), quantity(['TB'], 16)),
  provider: fc.constantFrom('aws', 'gcp', 'azure', 'plain' as const),
  fs: fc.constantFrom('ext4', 'ext4-root', 'xfs', 'raw' as const),
  edition: fc.constantFrom('enterprise', 'oss' as const),
  pageSize: fc.constantFrom('1MB', '4MB', '64KB', '3MB'),
  size: fc.oneof(quantity(['Gi', 'G', 'GB', 'Mi'], 5000), quantity(['Ti'], 20), quantity(['m'], 900), fc.constantFrom('0', '-1Gi', '100Ki')),
  reservedSize: fc.option(fc.oneof(quantity(['Gi', 'G', 'Mi'], 600), fc.constantFrom('0', '1m')), { nil: undefined }),
}) as fc.Arbitrary<PageStorePlanInput>;

function problems(input: PageStorePlanInput, flags: string[]): string[] {
  return planPageStore(input)
    .checks.filter((c) => c.severity !== 'info' && flags.includes(c.field))
    .map((c) => `${c.severity} ${c.field}: ${c.message}`);
}

describe('a fix that names values gives values that pass every check on their field', () => {
  it('for random disks, file systems, editions, page sizes and sizes: applied, no ERROR or WARNING on the fields it sets', () => {
    let applied = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        for (const c of planPageStore(input).checks) {
          if (c.severity === 'info' || !(c.field in FIELD)) continue;
          const values = fixValues(c.fix, FIELD[c.field as keyof typeof FIELD]);
          if (!Object.keys(values).length) continue;
          applied++;
          const next = { ...input, ...values };
          const flags = [c.field, ...Object.keys(values).map((k) => FLAG[k as keyof typeof FLAG])];
          expect(problems(next, flags), `${JSON.stringify(input)}: ${c.message} → fix "${c.fix}" applied as ${JSON.stringify(values)}`).toEqual([]);
        }
      }),
      { seed: 23, numRuns: 600 },
    );
    expect(applied).toBeGreaterThan(300); // the property met many fixes, not a few
  });

  it("the guide's minimal manifest on a 100 GB AWS ext4 disk: the ERROR's values, applied, raise nothing on size", () => {
    const before = plan(MINIMAL, { disk: '100GB', provider: 'aws', fs: 'ext4' });
    const err = before.checks.find((c) => c.id === 'pagestore-quota-disk')!;
    expect(err.fix).toBe('set size to at most 83Gi with reservedSize 8Gi, or use a larger disk');
    const after = plan(MINIMAL.replace('size: 90Gi', 'size: 83Gi').replace('reservedSize: 9Gi', 'reservedSize: 8Gi'), {
      disk: '100GB',
      provider: 'aws',
      fs: 'ext4',
    });
    expect(after.checks.filter((c) => c.severity !== 'info' && /pagestore/.test(c.field))).toEqual([]);
  });

  it("the 90 % warning's own value passes; 90 % of the usable space rounded down to a whole Gi", () => {
    const warn = planPageStore({ size: '86Gi', reservedSize: '6Gi', disk: '100GB', provider: 'aws' }).checks.find((c) => /over 90 %/.test(c.message))!;
    expect(warn.fix).toBe('set size to at most 83Gi');
    expect(problems({ size: '83Gi', reservedSize: '6Gi', disk: '100GB', provider: 'aws' }, ['--size'])).toEqual([]);
    expect(problems({ size: '84Gi', reservedSize: '6Gi', disk: '100GB', provider: 'aws' }, ['--size'])).toHaveLength(1);
  });

  it('a decimal size the disk cannot take: the fix gives what it can take, not the binary spelling', () => {
    const c = planPageStore({ size: '100G', reservedSize: '9Gi', disk: '100GB', provider: 'aws' }).checks.find((x) => /is decimal/.test(x.message))!;
    expect(c.fix).toMatch(/^write 83Gi: 100Gi \(100\.00 GiB\) does not fit within 90 % of the 92\.86 GiB the disk leaves$/);
    expect(planPageStore({ size: '10G', reservedSize: '1Gi', disk: '100GB', provider: 'aws' }).checks.find((x) => /is decimal/.test(x.message))!.fix).toBe(
      'write 10Gi if you meant 10.00 GiB',
    );
  });

  it('open source: a cache of less than a page names the size that holds one (size / 1.1 >= one page)', () => {
    const c = planPageStore({ size: '1Mi', edition: 'oss' }).checks.find((x) => /no whole page/.test(x.message))!;
    expect(c.fix).toBe('make the cache at least one page: size 2Mi, or lower --page-size');
    expect(planPageStore({ size: '2Mi', edition: 'oss' }).pages).toBe(1n);
  });

  it('quantities round down (fixes that cap) and up (fixes that reach a minimum) in the unit of their size', () => {
    expect(floorQuantity((83n << 30n) + 5n)).toEqual({ size: '83Gi', sizeBytes: 83n << 30n });
    expect(floorQuantity(1023n << 20n).size).toBe('1023Mi');
    expect(ceilQuantity((1n << 20n) + 1n).size).toBe('2Mi');
  });
});
