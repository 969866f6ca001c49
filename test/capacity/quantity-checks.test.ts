import { describe, expect, it } from 'vitest';
import { byteQuantityChecks } from '../../src/capacity/quantity-checks.js';

describe('byteQuantityChecks', () => {
  it('names its field when a value is too large to count in bytes (not "quantity")', () => {
    expect(() => byteQuantityChecks('1e2147483647', '--size')).toThrow(/^--size: too large to count in bytes/);
  });

  it('a binary quantity passes with no finding', () => {
    const r = byteQuantityChecks('90Gi', 'spec.worker.pagestore.size');
    expect(r.checks).toEqual([]);
    expect(r.quantity!.bytes).toBe(96636764160n);
  });

  it('an Alluxio-style "100GB" is an error whose fix is the binary spelling only (the decimal one raises a warning)', () => {
    const r = byteQuantityChecks('100GB', 'size');
    expect(r.quantity).toBeUndefined();
    expect(r.checks).toEqual([expect.objectContaining({ severity: 'error', field: 'size', fix: 'write 100Gi (binary, as Alluxio reads 100GB)' })]);
    expect(byteQuantityChecks('100Gi', 'size').checks).toEqual([]);
    expect(byteQuantityChecks('lots', 'size').checks[0].fix).toBe('write a number with a suffix such as 100Gi');
  });

  it('"m" is milli, not mega: an error; a decimal suffix is a warning naming the binary reading', () => {
    const milli = byteQuantityChecks('100m', 'size').checks;
    expect(milli[0]).toMatchObject({ severity: 'error', fix: 'write 100Mi for 100 MiB' });
    expect(milli[0].message).toMatch(/milli \(1\/1000\), not mega/);
    const decimal = byteQuantityChecks('100G', 'size').checks;
    expect(decimal[0]).toMatchObject({ severity: 'warning', fix: 'write 100Gi if you meant 100.00 GiB' });
    expect(decimal[0].message).toMatch(/^100G is decimal: 100,000,000,000 B = 93\.13 GiB/);
  });

  it('zero or negative sizes are errors', () => {
    expect(byteQuantityChecks('0', 'size').checks[0]).toMatchObject({ severity: 'error', message: '0 is not a positive size' });
    expect(byteQuantityChecks('-1Gi', 'size').checks[0].severity).toBe('error');
  });
});
