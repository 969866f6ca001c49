/** spec.worker as the template of spec.workerGroups (src/plan/worker-template.ts): Helm's mergeOverwrite, field by field. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupWorkerSpec, mergeOverwrite, type GroupFinding } from '../../src/plan/worker-template.js';

describe('mergeOverwrite (Sprig, mergo WithOverride)', () => {
  it('merges mappings key by key; the group wins; lists are replaced whole', () => {
    const kept: GroupFinding[] = [];
    const out = mergeOverwrite(
      { count: 2, pagestore: { size: '1Ti', reservedSize: '100Gi' }, jvmOptions: ['-Xmx8g', '-Xms8g'] },
      { pagestore: { size: '4Ti' }, jvmOptions: ['-Xmx16g'] },
      'g',
      kept,
    );
    expect(out).toEqual({ count: 2, pagestore: { size: '4Ti', reservedSize: '100Gi' }, jvmOptions: ['-Xmx16g'] });
    expect(kept).toEqual([]);
  });

  it("an empty value in the group keeps the template's, and is reported", () => {
    const kept: GroupFinding[] = [];
    const out = mergeOverwrite(
      { pagestore: { storageClass: 'gp3' }, useExternalId: true },
      { pagestore: { storageClass: '' }, useExternalId: false, extra: '' },
      'g',
      kept,
    );
    expect(out).toEqual({ pagestore: { storageClass: 'gp3' }, useExternalId: true, extra: '' });
    expect(kept.map((k) => k.field)).toEqual(['g.pagestore.storageClass', 'g.useExternalId']);
  });

  it('never changes the template (deep copy), for random trees', () => {
    const tree = fc.dictionary(
      fc.constantFrom('a', 'b', 'c'),
      fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constantFrom('', 'x', false, true), fc.dictionary(fc.constantFrom('a', 'b'), fc.integer({ min: 0, max: 2 }))),
    );
    fc.assert(
      fc.property(tree, tree, (dst, src) => {
        const before = JSON.stringify(dst);
        const out = mergeOverwrite(dst, src, 'g', []);
        expect(JSON.stringify(dst)).toBe(before);
        for (const [k, v] of Object.entries(src)) if (typeof v !== 'object' && v !== '' && v !== 0 && v !== false) expect(out[k]).toBe(v);
      }),
      { seed: 23, numRuns: 200 },
    );
  });
});

describe('groupWorkerSpec', () => {
  it("puts a field a group cannot set back to spec.worker's value, and names it", () => {
    const findings: GroupFinding[] = [];
    const spec = groupWorkerSpec(
      { worker: { count: 3, pagestore: { type: 'hostPath', size: '2Ti' } } },
      { pagestore: { type: 'persistentVolumeClaim', size: '1Ti' } },
      'spec.workerGroups[0]',
      findings,
    );
    expect(spec).toEqual({ count: 3, pagestore: { type: 'persistentVolumeClaim', size: '2Ti' } });
    expect(findings).toEqual([
      { kind: 'forbidden', field: 'spec.workerGroups[0].worker.pagestore.type', written: 'hostPath', applied: 'persistentVolumeClaim' },
    ]);
  });

  it("without spec.worker, a forbidden field takes the operator's default (useExternalId's is not established)", () => {
    const findings: GroupFinding[] = [];
    const spec = groupWorkerSpec({ worker: { useExternalId: true, count: 1 } }, undefined, 'spec.workerGroups[1]', findings);
    expect(spec).toEqual({ count: 1 });
    expect(findings).toEqual([{ kind: 'forbidden', field: 'spec.workerGroups[1].worker.useExternalId', written: true, applied: undefined }]);
  });

  it("fields at the group's top level are read and flagged", () => {
    const findings: GroupFinding[] = [];
    const spec = groupWorkerSpec(
      { name: 'small', count: 2, pagestore: { size: '1Ti' } },
      { pagestore: { reservedSize: '10Gi' } },
      'spec.workerGroups[0]',
      findings,
    );
    expect(spec).toEqual({ count: 2, pagestore: { size: '1Ti', reservedSize: '10Gi' } });
    expect(findings).toEqual([{ kind: 'flat-fields', field: 'spec.workerGroups[0]', written: ['count', 'pagestore'], applied: undefined }]);
  });
});
