/**
 * The scenario's field reader: the core one (src/core/field-reader.ts), plus sizes in Kubernetes quantities and
 * Alluxio size strings.
 */
import { parseQuantity } from '../capacity/quantity.js';
import { parseAlluxioSize } from '../capacity/alluxio-size.js';
import { FieldReader } from '../core/field-reader.js';

export class ScenarioReader extends FieldReader {
  /** A byte count from a Kubernetes quantity (`100Gi`) or a plain number of bytes. */
  quantity(v: unknown, path: string, fallback?: number): number {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v === 'number') {
      if (!Number.isSafeInteger(v) || v < 0) this.fail(path, v, 'must be a whole number of bytes', 'write e.g. 100Gi');
      return v;
    }
    if (typeof v !== 'string') this.fail(path, v, 'must be a size', 'write a Kubernetes quantity such as 100Gi');
    let q;
    try {
      q = parseQuantity(v);
    } catch {
      this.fail(
        path,
        v,
        'not a Kubernetes quantity',
        /B$/i.test(v)
          ? `Kubernetes has no "${v.replace(/[\d.\s]/g, '')}": write ${v.replace(/([KMGTP])i?B$/i, (_m, p: string) => `${p.toUpperCase()}i`)}`
          : 'write e.g. 100Gi (binary) or 100G (decimal)',
      );
    }
    if (q.sign < 0) this.fail(path, v, 'must not be negative', 'write a positive size');
    if (['m', 'u', 'n'].includes(q.suffix))
      this.fail(path, v, `"${q.suffix}" is a fraction (milli/micro/nano), not mega`, `write ${v.replace(/[mun]$/, 'Mi')}`);
    const b = q.bytes;
    if (b > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(path, v, 'is too large', 'use a size below 8 PiB');
    return Number(b);
  }

  /** A byte count from an Alluxio size string (binary: `1MB` = 1 MiB) or a number. */
  alluxioSize(v: unknown, path: string, fallback: number): number {
    if (v === undefined) return fallback;
    if (typeof v === 'number') return this.int(v, path, 1);
    if (typeof v !== 'string') this.fail(path, v, 'must be a size', 'write e.g. 1MB (Alluxio sizes are binary)');
    let b: bigint;
    try {
      b = parseAlluxioSize(v);
    } catch {
      this.fail(path, v, 'not an Alluxio size', 'write e.g. 1MB or 4MiB');
    }
    if (b <= 0n || b > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(path, v, 'must be a positive size', 'write e.g. 1MB');
    return Number(b);
  }
}
