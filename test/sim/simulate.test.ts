/**
 * The simulator against what can be computed by hand from the placements alone (built here, from the worker
 * identities the simulation reports), not against its own output.
 */
import { describe, expect, it } from 'vitest';
import { createPlacement } from '../../src/ring/registry.js';
import { readScenario, parseScenario } from '../../src/sim/scenario.js';
import { simulate, simulation, type SimulationResult } from '../../src/sim/simulate.js';
import { FileDirMemo } from '../../src/pagestore/file-dir-memo.js';

const FILES = 2000;
const path = (f: number): string => `s3://ring-sim/dataset/file-${f}`;

function base(events: unknown[], extra: Record<string, unknown> = {}) {
  return {
    name: 'hand',
    seed: 5,
    cluster: { workerGroups: [{ name: 'worker', count: 10, pagestore: { size: '4Gi', pageSize: '1MB', type: 'hostPath' }, identity: 'persisted' }] },
    placement: { algorithm: 'alluxio-consistent', vnodes: 500, ring: 'dynamic' },
    // 1 MiB files: one page each; 40 reads a file before the event warm every cache completely.
    workload: { type: 'uniform', files: FILES, fileSize: '1Mi', requests: 100_000 },
    metrics: { window: 100 },
    events,
    ...extra,
  };
}

/** Owner (identity string) of every file under an alluxio-consistent ring of `ids`. */
function owners(ids: string[], vnodes = 500): string[] {
  const p = createPlacement(
    'alluxio-consistent',
    ids.map((id) => ({ id })),
    { vnodes, identity: 'identity' },
  );
  return Array.from({ length: FILES }, (_, f) => p.locate(path(f))[0]);
}

function windowAt(r: SimulationResult, at: number) {
  return r.windows.find((w) => w.start === at)!;
}

/**
 * Miss fraction over the first n reads after an event, when `m` of the N files became misses: with uniform
 * reads, a missed file misses only on its first read, so the expected misses are m · (1 - (1 - 1/N)^n).
 */
function expectedMissFraction(m: number, n: number): number {
  return (m * (1 - (1 - 1 / FILES) ** n)) / n;
}

/** Measured miss fraction over reads [at, at + n). */
function missFraction(r: SimulationResult, at: number, n: number): number {
  const ws = r.windows.filter((w) => w.start >= at && w.end <= at + n);
  return 1 - ws.reduce((s, w) => s + w.pageHits, 0) / ws.reduce((s, w) => s + w.pageRequests, 0);
}

describe('simulate: hand-computable cases', () => {
  it('uniform, cache larger than the data set, 10 → 11 workers: the drop right after equals the moved fraction (within 2 points)', async () => {
    const r = await simulate(readScenario(base([{ at: 80_000, action: 'add-workers', count: 1 }])));
    const before = r.workers.slice(0, 10).map((w) => w.identity);
    const after = r.workers.map((w) => w.identity);
    const a = owners(before);
    const b = owners(after);
    const moved = a.filter((o, f) => o !== b[f]).length / FILES;
    expect(b.filter((o, f) => o !== a[f]).every((o) => o === after[10])).toBe(true); // only to the new worker
    expect(windowAt(r, 79_900).hitRatio).toBe(1);
    // Right after the event (the next 100 reads, 5 % of the files) the drop is the moved fraction.
    const drop = 1 - windowAt(r, 80_000).hitRatio;
    expect(Math.abs(drop - moved)).toBeLessThan(0.02);
    // Over the next 2,000 reads it follows the first-read formula.
    expect(Math.abs(missFraction(r, 80_000, FILES) - expectedMissFraction(moved * FILES, FILES))).toBeLessThan(0.01);
    expect(r.events[0].filesMoved).toBeCloseTo(moved, 12);
  });

  it('restart with identity and page store persisted: no drop', async () => {
    const r = await simulate(readScenario(base([{ at: 80_000, action: 'restart-worker', worker: 'worker-3' }])));
    expect(windowAt(r, 80_000).hitRatio).toBe(1);
    expect(r.events[0].filesMoved).toBe(0);
    expect(r.offlineIdentities).toEqual([]);
  });

  it('restart without a persisted identity (page store kept): misses are the files that changed host', async () => {
    const r = await simulate(readScenario(base([{ at: 80_000, action: 'restart-worker', worker: 'worker-3', keepIdentity: false }])));
    expect(r.offlineIdentities.length).toBe(1);
    const oldIds = r.workers.map((w) => (w.name === 'worker-3' ? r.offlineIdentities[0] : w.identity));
    const newIds = [...oldIds.filter((id) => id !== r.offlineIdentities[0]), r.workers[3].identity];
    const hostOf = (id: string): number => (id === r.offlineIdentities[0] ? 3 : oldIds.indexOf(id) === -1 ? 3 : oldIds.indexOf(id));
    const a = owners(oldIds).map(hostOf);
    const b = owners(newIds).map(hostOf);
    const changedHost = a.filter((h, f) => h !== b[f]).length / FILES;
    // The old identity's share moves away and the new identity's share moves in: about two workers' shares.
    expect(changedHost).toBeGreaterThan(0.1);
    expect(Math.abs(missFraction(r, 80_000, FILES) - expectedMissFraction(changedHost * FILES, FILES))).toBeLessThan(0.01);
  });

  it("restart without identity and without page store: misses are changed-host files plus the restarted host's files", async () => {
    const r = await simulate(readScenario(base([{ at: 80_000, action: 'restart-worker', worker: 'worker-3', keepIdentity: false, keepPageStore: false }])));
    const oldId = r.offlineIdentities[0];
    const oldIds = r.workers.map((w) => (w.name === 'worker-3' ? oldId : w.identity));
    const newIds = [...oldIds.filter((id) => id !== oldId), r.workers[3].identity];
    const hostOf = (id: string): number => (id === oldId || id === r.workers[3].identity ? 3 : oldIds.indexOf(id));
    const a = owners(oldIds).map(hostOf);
    const b = owners(newIds).map(hostOf);
    const misses = b.filter((h, f) => h !== a[f] || h === 3).length;
    expect(Math.abs(missFraction(r, 80_000, FILES) - expectedMissFraction(misses, FILES))).toBeLessThan(0.01);
  });

  it('static ring with a worker down: the under-storage fraction equals its share', async () => {
    const r = await simulate(
      readScenario(
        base(
          [
            { at: 50_000, action: 'stop-worker', worker: 'worker-6' },
            { at: 90_000, action: 'start-worker', worker: 'worker-6' },
          ],
          { placement: { algorithm: 'alluxio-consistent', vnodes: 500, ring: 'static' } },
        ),
      ),
    );
    const ids = r.workers.map((w) => w.identity);
    const share = owners(ids).filter((o) => o === ids[6]).length / FILES;
    const down = r.windows.filter((w) => w.start >= 50_000 && w.end <= 90_000);
    const unavailable = down.reduce((s, w) => s + w.unavailableBytes, 0) / down.reduce((s, w) => s + w.bytesRequested, 0);
    expect(Math.abs(unavailable - share)).toBeLessThan(0.01);
    // Everything else still hits: the under-storage reads are exactly the unavailable ones.
    expect(down.reduce((s, w) => s + w.ufsBytes, 0)).toBe(down.reduce((s, w) => s + w.unavailableBytes, 0));
    // Back up with its page store: hits again.
    expect(windowAt(r, 90_000).hitRatio).toBe(1);
  });

  it('dynamic ring with a worker down: its files move to the others (misses, no unavailable reads)', async () => {
    const r = await simulate(readScenario(base([{ at: 50_000, action: 'stop-worker', worker: 'worker-6' }])));
    const ids = r.workers.map((w) => w.identity);
    const share = owners(ids).filter((o) => o === ids[6]).length / FILES;
    expect(r.events[0].filesMoved).toBeCloseTo(share, 12);
    expect(r.totals.unavailableBytes).toBe(0);
    expect(Math.abs(missFraction(r, 50_000, FILES) - expectedMissFraction(share * FILES, FILES))).toBeLessThan(0.01);
  });

  it('a client refresh delay sends reads to the stopped worker until clients see the change', async () => {
    const r = await simulate(
      readScenario(
        base([{ at: 50_000, action: 'stop-worker', worker: 'worker-6' }], {
          placement: { algorithm: 'alluxio-consistent', vnodes: 500, ring: 'dynamic', refreshDelay: 1000 },
        }),
      ),
    );
    const lag = r.windows.filter((w) => w.start >= 50_000 && w.end <= 51_000);
    expect(lag.reduce((s, w) => s + w.unavailableBytes, 0)).toBeGreaterThan(0);
    expect(r.windows.filter((w) => w.start >= 51_000).every((w) => w.unavailableBytes === 0)).toBe(true);
    expect(r.events[0].effectiveAt).toBe(51_000);
  });

  it('remove-worker clears an offline identity; removing a running one fails as in Alluxio', async () => {
    const r = await simulate(
      readScenario(
        base(
          [
            { at: 10_000, action: 'restart-worker', worker: 'worker-1', keepIdentity: false },
            { at: 20_000, action: 'remove-worker', worker: 'worker-1' },
          ],
          { placement: { algorithm: 'alluxio-consistent', vnodes: 500, ring: 'static' } },
        ),
      ),
    );
    expect(r.offlineIdentities).toEqual([]);
    await expect(simulate(readScenario(base([{ at: 10, action: 'remove-worker', worker: 'worker-1' }])))).rejects.toThrow(/no offline identity/);
  });
});

describe('simulate: determinism and the step iterator', () => {
  it('the same seed gives byte-identical JSON; another seed does not', async () => {
    const s = base(
      [
        { at: 30_000, action: 'add-workers', count: 2 },
        { at: 60_000, action: 'restart-worker', worker: 'worker-0', keepIdentity: false },
      ],
      { workload: { type: 'zipf', files: 3000, alpha: 0.9, fileSize: { distribution: 'lognormal', mean: '3Mi', sd: '1Mi' }, requests: 80_000 } },
    );
    const a = JSON.stringify(await simulate(readScenario(s)));
    const b = JSON.stringify(await simulate(readScenario(s)));
    expect(a).toBe(b);
    const c = JSON.stringify(await simulate(readScenario({ ...s, seed: 6 })));
    expect(c).not.toBe(a);
  });

  it('yields windows and events as they happen, then returns the result', async () => {
    const it = simulation(
      readScenario(base([{ at: 500, action: 'add-workers', count: 1 }], { workload: { type: 'uniform', files: 100, fileSize: '1Mi', requests: 1000 } })),
    );
    const kinds: string[] = [];
    let step = await it.next();
    while (!step.done) {
      kinds.push(step.value.kind);
      step = await it.next();
    }
    expect(kinds.filter((k) => k === 'window').length).toBe(10);
    expect(kinds.indexOf('event')).toBe(10);
    expect(step.value.totals.reads).toBe(1000);
  });

  it('streams each event with its final figures, not placeholders (issue 29)', async () => {
    const it = simulation(
      readScenario(base([{ at: 400, action: 'add-workers', count: 1 }], { workload: { type: 'uniform', files: 100, fileSize: '1Mi', requests: 1000 } })),
    );
    const events: unknown[] = [];
    let step = await it.next();
    while (!step.done) {
      if (step.value.kind === 'event') events.push(structuredClone(step.value.event));
      step = await it.next();
    }
    expect(events).toEqual(step.value.events);
    const e = step.value.events[0];
    expect(e.filesMoved).toBeGreaterThan(0);
    expect(e.bytesMoved).toBeGreaterThan(0);
    expect(e.hitRatioAfter).not.toBeNull();
    expect(e.recoveryRequests).not.toBeNull();
  });

  it('training: every job reads every file once an epoch', async () => {
    const r = await simulate(
      readScenario(base([], { workload: { type: 'training', files: 300, fileSize: '1Mi', epochs: 3, jobs: 2 }, metrics: { window: 600 } })),
    );
    expect(r.totals.reads).toBe(300 * 3 * 2);
    // The first epoch of the two jobs misses each file once at most (both jobs share the cache).
    expect(r.windows[0].pageHits).toBeGreaterThanOrEqual(0);
    expect(r.totals.pageRequests - r.totals.pageHits).toBe(300);
  });
});

describe('scenario validation', () => {
  it.each([
    [{ cluster: { workerGroups: [{ count: 'ten', pagestore: { size: '1Gi' } }] } }, /cluster\.workerGroups\[0\]\.count: must be a whole number/],
    [{ cluster: { workerGroups: [{ count: 2, pagestore: { size: '100GB' } }] } }, /pagestore\.size: not a Kubernetes quantity.*write 100Gi/],
    [{ cluster: { workerGroups: [{ count: 2, pagestore: { size: '512m' } }] } }, /"m" is a fraction/],
    [{ cluster: { workerGroups: [{ count: 2, pagestore: { size: '1Gi', reservedsize: '1Gi' } }] } }, /unknown field.*did you mean reservedSize/],
    [{ cluster: { workerGroups: [{ count: 2, pagestore: { size: '-1Gi' } }] } }, /must not be negative/],
    [{ placement: { algorithm: 'magic' } }, /placement\.algorithm: unknown value/],
    [{ workload: { type: 'zipf', files: 10 } }, /workload\.requests/],
    [{ events: [{ action: 'add-workers' }] }, /give exactly one of at/],
    [{ events: [{ at: 5, action: 'explode' }] }, /events\[0\]\.action: unknown value/],
  ])('%j', (patch, message) => {
    const good = {
      cluster: { workerGroups: [{ count: 2, pagestore: { size: '1Gi' } }] },
      workload: { type: 'uniform', files: 10, requests: 10 },
    };
    expect(() => readScenario({ ...good, ...patch }, 'bad.yaml')).toThrow(message);
    try {
      readScenario({ ...good, ...patch }, 'bad.yaml');
    } catch (e) {
      expect((e as Error).message.startsWith('bad.yaml: ')).toBe(true);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('YAML errors and alias bombs fail fast with one line', () => {
    expect(() => parseScenario('a: [1, 2', 'x.yaml')).toThrow(/x\.yaml: not valid YAML/);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 12 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(() => parseScenario(bomb, 'bomb.yaml')).toThrow(/bomb\.yaml/);
  });
});

describe('simulate: page-store directories against the pooled store', () => {
  const pressured = (pagestore: Record<string, unknown>) =>
    base(
      [
        { at: 20_000, action: 'add-workers', count: 2 },
        { at: 40_000, action: 'restart-worker', worker: 'worker-3', keepIdentity: true },
      ],
      {
        cluster: {
          workerGroups: [{ name: 'worker', count: 6, pagestore: { ...pagestore, pageSize: '1MB', policy: 'lru', type: 'hostPath' }, identity: 'persisted' }],
        },
        // About 3 GiB of files over 6-8 workers of 96 MiB: every worker evicts.
        workload: { type: 'zipf', files: 1000, alpha: 0.8, fileSize: { distribution: 'lognormal', mean: '3Mi', sd: '1Mi' }, requests: 60_000 },
        metrics: { window: 5000 },
      },
    );

  it('one directory gives byte-identical JSON to pagestore.size of the same size', async () => {
    const pooled = await simulate(readScenario(pressured({ size: '96Mi' })));
    const oneDir = await simulate(readScenario(pressured({ dirs: [{ size: '96Mi' }] })));
    expect(pooled.totals.hitRatio).toBeLessThan(0.9); // eviction happened: the comparison has something to compare
    expect(JSON.stringify(oneDir)).toBe(JSON.stringify(pooled));
  });

  it('hashes each file once, not each page: none with one directory, one per file read with several', async () => {
    // Uniform reads, 60 a file on average: every file is read (an unread one has odds about e^-60), no events
    // (so no baseline replay): one replay, each of the 1000 files hashed exactly once.
    const uniform = (pagestore: Record<string, unknown>) => ({
      ...pressured(pagestore),
      events: [],
      workload: { type: 'uniform', files: 1000, fileSize: { distribution: 'lognormal', mean: '3Mi', sd: '1Mi' }, requests: 60_000 },
    });
    const before = FileDirMemo.hashesInProcess;
    await simulate(readScenario(uniform({ dirs: [{ size: '96Mi' }] })));
    expect(FileDirMemo.hashesInProcess).toBe(before);
    for (const dirs of [2, 4]) {
      const start = FileDirMemo.hashesInProcess;
      const r = await simulate(readScenario(uniform({ dirs: Array.from({ length: dirs }, () => ({ size: `${96 / dirs}Mi` })) })));
      expect(FileDirMemo.hashesInProcess - start).toBe(1000);
      expect(r.totals.pageRequests).toBeGreaterThan(100 * 1000);
    }
  });
});
