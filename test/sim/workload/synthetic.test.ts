import { describe, expect, it } from 'vitest';
import { syntheticWorkload } from '../../../src/sim/workload/synthetic.js';

const fileSize = { kind: 'fixed', bytes: 1 } as const;

async function reads(w: ReturnType<typeof syntheticWorkload>): Promise<{ files: number[]; times: number[] }> {
  const files: number[] = [];
  const times: number[] = [];
  for await (const b of w.batches()) {
    for (let i = 0; i < b.length; i++) {
      files.push(b.file[i]);
      times.push(b.time[i]);
    }
  }
  return { files, times };
}

describe('synthetic workloads', () => {
  it('training: every job reads every file once an epoch, jobs interleaved', async () => {
    const w = syntheticWorkload({ type: 'training', files: 10, fileSize, epochs: 2, jobs: 3, shuffle: true }, 1, 'f{index}');
    expect(w.totalRequests).toBe(60);
    const { files } = await reads(w);
    expect(files).toHaveLength(60);
    for (let job = 0; job < 3; job++) {
      const mine = files.filter((_, i) => i % 3 === job);
      expect([...mine.slice(0, 10)].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
      expect([...mine.slice(10)].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    }
  });

  it('uniform, zipf and hotset: the asked number of reads, files in range, the same for the same seed', async () => {
    const specs = [
      { type: 'uniform', files: 100, fileSize, requests: 5000 },
      { type: 'zipf', files: 100, alpha: 1, fileSize, requests: 5000 },
      { type: 'hotset', files: 100, fileSize, requests: 5000, hotFraction: 0.1, hotProbability: 0.9, shiftEvery: 1000 },
    ] as const;
    for (const spec of specs) {
      const a = await reads(syntheticWorkload(spec, 7, 'f{index}', 100));
      const b = await reads(syntheticWorkload(spec, 7, 'f{index}', 100));
      expect(a.files).toHaveLength(5000);
      expect(a.files).toEqual(b.files);
      for (const f of a.files) expect(f >= 0 && f < 100).toBe(true);
      expect(a.times[100]).toBeCloseTo(1, 12); // 100 reads a second
    }
  });

  it('hotset: most reads fall in the current hot tenth', async () => {
    const { files } = await reads(
      syntheticWorkload({ type: 'hotset', files: 100, fileSize, requests: 1000, hotFraction: 0.1, hotProbability: 0.9, shiftEvery: 1000 }, 3, 'f'),
    );
    expect(files.filter((f) => f < 10).length).toBeGreaterThan(850);
  });
});
