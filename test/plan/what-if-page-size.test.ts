/**
 * The what-if "change the page size after deploy": restore keeps only pages under the current page size, so every
 * worker comes back empty and re-reads all it cached; the ring does not change. Bytes follow the cache model (capped
 * by what each worker caches); the rule is ring/analysis/what-if.ts's `page-size` change.
 */
import { describe, expect, it } from 'vitest';
import type { PlanWhatIf, PlanWorker } from '../../src/plan/model.js';
import { PlanRingBuilder } from '../../src/plan/ring-balance.js';
import type { RingSettings } from '../../src/plan/settings.js';
import { LISTED_FLOWS, whatIfs, type WhatIfContext } from '../../src/plan/what-if.js';

const GiB = 2 ** 30;
const worker = (i: number, cache = GiB): PlanWorker => ({
  name: `worker-${i}`,
  group: 'g',
  sizeBytes: cache,
  reservedBytes: 0,
  cacheBytes: cache,
  pages: cache / 4_194_304,
  pageSizeBytes: 4_194_304,
  usableDiskBytes: null,
  headroomBytes: null,
  pagestoreType: 'hostPath',
});

function context(ws: PlanWorker[], dataset: number | null): WhatIfContext {
  const settings: RingSettings = {
    policy: 'CONSISTENT',
    vnodes: 50,
    vnodeProp: undefined,
    mode: 'dynamic',
    provider: 'DEFAULT',
    pageSizeBytes: 4_194_304n,
    pageSizeSet: false,
  };
  const builder = new PlanRingBuilder(settings, ws, 3);
  const ids = builder.identities(0);
  return {
    builder,
    main: builder.build(ids),
    ids,
    names: ws.map((w) => w.name),
    identityPersisted: true,
    cacheBytes: ws.map((w) => w.cacheBytes),
    datasetBytes: dataset,
    vnodeTarget: 100,
  };
}

const pageSize = (rows: PlanWhatIf[]): PlanWhatIf => rows.find((r) => r.name === 'change the page size after deploy')!;

describe('what if: change the page size after deploy', () => {
  it('a data set that fits: every key re-read, exactly the data set, one flow a worker on its own pod', () => {
    const c = context([worker(0), worker(1), worker(2)], 1e9);
    const w = pageSize(whatIfs(c));
    expect(w.reread).toBeCloseTo(1, 12);
    expect([w.moved, w.optimal, w.unreachable, w.samePod]).toEqual([0, 0, 0, 0]);
    expect([w.bytesMoved, w.bytesReread]).toEqual([0, 1e9]);
    expect(w.bytesBasis).toBe('dataset');
    expect(w.flows.map((f) => f.to)).toEqual(w.flows.map((f) => `${f.from} (pages dropped)`));
    expect(w.flowCount).toBe(3);
    expect(w.flows.reduce((s, f) => s + f.bytes, 0)).toBeGreaterThanOrEqual(1e9 - 3);
    expect(w.description).toContain('changed from 4.00 MiB');
  });

  it('a data set larger than the caches: capped by what each worker caches, the whole cache', () => {
    const w = pageSize(whatIfs(context([worker(0), worker(1, 2 * GiB)], 100 * GiB)));
    expect([w.bytesMoved, w.bytesReread]).toEqual([0, 3 * GiB]);
    expect(w.bytesBasis).toBe('cache');
    expect(w.bytesBasisText).toBe('capped by what the workers cache');
    const full = pageSize(whatIfs(context([worker(0), worker(1, 2 * GiB)], null)));
    expect([full.bytesReread, full.bytesBasisText]).toEqual([3 * GiB, 'of the cache, taken as full']);
  });

  it('lists the 20 largest workers and sums the rest, so the flows add up', () => {
    const w = pageSize(
      whatIfs(
        context(
          Array.from({ length: 25 }, (_, i) => worker(i)),
          null,
        ),
      ),
    );
    expect(w.flows).toHaveLength(LISTED_FLOWS);
    expect(w.otherFlows.count).toBe(5);
    expect(w.flows.reduce((s, f) => s + f.fraction, 0) + w.otherFlows.fraction).toBeCloseTo(w.reread, 12);
    expect(w.flows.reduce((s, f) => s + f.bytes, 0) + w.otherFlows.bytes).toBe(w.bytesReread);
    expect(w.flowsShownShare).toBeCloseTo(
      w.flows.reduce((s, f) => s + f.fraction, 0),
      12,
    );
  });
});
