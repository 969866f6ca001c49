import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlluxioPolicyPlacement, javaAbs, javaRem } from '../../../src/ring/alluxio/policy-base.js';
import { murmur3x86_32 } from '../../../src/hash/murmur3.js';
import { identityHashBytes } from '../../../src/ring/alluxio/identity.js';
import type { Worker } from '../../../src/ring/worker.js';
import { createPlacement } from '../../../src/ring/registry.js';

/** A policy whose choice at each attempt is scripted (-1: no worker), to exercise the shared outer loop. */
class Scripted extends AlluxioPolicyPlacement {
  readonly algorithm = 'scripted';
  static script: readonly number[] = [];
  constructor(workers: readonly Worker[]) {
    super(workers, {}, {});
  }
  protected pick(_key: string, attempt: number): number {
    return Scripted.script[attempt - 1] ?? -1;
  }
}

const workers = (n: number): Worker[] => Array.from({ length: n }, (_, i) => ({ id: `worker-${i}` }));

describe('javaAbs and javaRem (Java int arithmetic)', () => {
  it('keeps Integer.MIN_VALUE negative, as Math.abs(int) does', () => {
    expect(javaAbs(-2147483648)).toBe(-2147483648);
    expect(javaAbs(-5)).toBe(5);
    expect(javaAbs(2147483647)).toBe(2147483647);
  });

  it('takes the sign of the dividend, as Java % does (property against BigInt)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2147483648, max: 2147483647 }), fc.integer({ min: 1, max: 2147483647 }), (a, b) => {
        expect(javaRem(a, b)).toBe(Number(BigInt(a) % BigInt(b)));
        expect(javaRem(a, -b)).toBe(Number(BigInt(a) % BigInt(-b)));
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});

describe('AlluxioPolicyPlacement: the shared outer loop', () => {
  it('hashes each worker identity with murmur3_32', () => {
    const p = new Scripted(workers(3));
    const expected = p.identities.map((id) => {
      const b = identityHashBytes(id);
      return murmur3x86_32(b, 0, b.length, 0);
    });
    expect([...p.workerHashes]).toEqual(expected);
  });

  it('takes attempts in order, skipping duplicates and attempts with no worker', () => {
    Scripted.script = [2, -1, 2, 0, 1];
    const p = new Scripted(workers(4));
    expect(p.locate('k', 3)).toEqual(['worker-2', 'worker-0', 'worker-1']);
    expect(p.locate('k')).toEqual(['worker-2']);
  });

  it('stops after 100 attempts, as Alluxio does', () => {
    Scripted.script = [...Array.from({ length: 100 }, () => 0), 1];
    const p = new Scripted(workers(2));
    const out = new Uint32Array(2);
    expect(p.locateIndices('k', 2, out)).toBe(1);
    expect(() => p.locate('k', 2)).toThrow(/^replicas: found 1 workers for key "k" but 2 are required/);
  });

  it("fails with Alluxio's message when no attempt gives a worker, or replicas exceed workers", () => {
    Scripted.script = [];
    expect(() => new Scripted(workers(2)).locate('k')).toThrow(/^key: scripted has no worker for this key \(Alluxio would fail here\)/);
    expect(() => new Scripted(workers(2)).locate('k', 3)).toThrow(/Not enough workers in the cluster 2 workers in the cluster but 3 required/);
  });
});

describe('the four test-only policies hash key + attempt (+ seed or probe) as Java concatenates them', () => {
  // Placements pinned from the transcription that built each string (key + attempt, + INDEX_SEED for MAGLEV,
  // + probe for MULTI_PROBE) before hashing it, as Alluxio does; now the digits are appended to the encoded key.
  // Worker numbers of locate(key, 3) over worker-0 … worker-10.
  const keys = [
    'hdfs://a/b/c',
    's3://bucket-07/training/imagenet/part-00042/file-0001234.parquet',
    '',
    '/',
    'é中\ud83d\ude00',
    'lone\ud800',
    '\udc00tail',
    'x'.repeat(400),
    `gs://datasets/${'中'.repeat(120)}`,
    'key-2147483647',
  ];
  const pinned: Record<string, number[][]> = {
    'alluxio-jump': [
      [1, 8, 0],
      [4, 6, 2],
      [2, 6, 10],
      [10, 3, 1],
      [7, 6, 2],
      [9, 5, 0],
      [7, 3, 8],
      [6, 9, 8],
      [3, 0, 1],
      [3, 6, 10],
    ],
    'alluxio-ketama': [
      [0, 2, 10],
      [0, 10, 3],
      [2, 3, 0],
      [4, 3, 2],
      [0, 4, 1],
      [2, 10, 0],
      [0, 6, 4],
      [2, 6, 8],
      [3, 2, 0],
      [2, 4, 3],
    ],
    'alluxio-maglev': [
      [10, 4, 6],
      [2, 7, 5],
      [10, 4, 8],
      [6, 8, 9],
      [4, 7, 6],
      [5, 3, 2],
      [1, 0, 10],
      [7, 10, 8],
      [1, 10, 2],
      [8, 9, 1],
    ],
    'alluxio-multi-probe': [
      [3, 2, 7],
      [0, 6, 4],
      [0, 3, 10],
      [6, 10, 1],
      [2, 8, 6],
      [6, 1, 2],
      [5, 0, 1],
      [5, 8, 3],
      [1, 2, 8],
      [1, 0, 4],
    ],
  };
  const eleven = Array.from({ length: 11 }, (_, i) => ({ id: `worker-${i}.alluxio.svc:29999` }));
  for (const [algorithm, expected] of Object.entries(pinned)) {
    it(algorithm, () => {
      const placement = createPlacement(algorithm, eleven);
      expect(keys.map((k) => placement.locate(k, 3).map((id) => Number(id.slice(7, id.indexOf('.')))))).toEqual(expected);
    });
  }
});
