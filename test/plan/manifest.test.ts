import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RingSimError } from '../../src/core/errors.js';
import { parseManifests, ALLUXIO_API_VERSION, MAX_DOCUMENTS, parseManifest } from '../../src/plan/manifest.js';

const HEAD = `apiVersion: ${ALLUXIO_API_VERSION}\nkind: AlluxioCluster\nmetadata:\n  name: c\n`;
const WORKER = 'spec:\n  worker: {count: 2, pagestore: {size: 1Gi}}\n';
const cluster = HEAD + WORKER;

/** The one-line message parseManifest throws for `text`. */
function error(text: string): string {
  try {
    parseManifest(text, 'm.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(RingSimError);
    return (e as Error).message;
  }
  throw new Error('parseManifest accepted the text');
}

describe('parseManifest: the documents of the file', () => {
  it('picks the AlluxioCluster out and names the other documents', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata: {name: alx}\n---\n${cluster}---\napiVersion: ${ALLUXIO_API_VERSION}\nkind: License\nmetadata: {name: lic, namespace: alx}\nspec:\n  clusters: [{name: c, namespace: alx}, 5]\n  licenseString: abc\n---\napiVersion: ${ALLUXIO_API_VERSION}\nkind: UnderFileSystem\nmetadata: {name: s3}\nspec: {alluxioCluster: c, path: 's3://b/', mountPath: /s3}\n`;
    const m = parseManifest(text, 'm.yaml');
    expect(m.name).toBe('c');
    expect(m.nameGiven).toBe(true);
    expect(m.namespaceGiven).toBe(false);
    expect(m.otherDocuments).toEqual([
      { kind: 'Namespace', name: 'alx', apiVersion: 'v1' },
      { kind: 'License', name: 'lic', namespace: 'alx', apiVersion: ALLUXIO_API_VERSION },
      { kind: 'UnderFileSystem', name: 's3', apiVersion: ALLUXIO_API_VERSION },
    ]);
    expect(m.licenses).toEqual([{ name: 'lic', namespace: 'alx', label: 'License lic', clusters: [{ name: 'c', namespace: 'alx' }], licenseString: 'abc' }]);
    expect(m.ufs).toEqual([{ name: 's3', namespace: undefined, label: 'UnderFileSystem s3', alluxioCluster: 'c', path: 's3://b/', mountPath: '/s3' }]);
    expect(m.documents.map((d) => d.label)).toEqual(['Namespace alx', 'AlluxioCluster c', 'License lic', 'UnderFileSystem s3']);
  });

  it('spreads the items of a kind: List in place, and defaults the name', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: ${ALLUXIO_API_VERSION}\n    kind: AlluxioCluster\n    ${WORKER.replace(/\n(?=.)/g, '\n    ')}  - {apiVersion: v1, kind: ConfigMap}\n`;
    const m = parseManifest(text, 'list.yaml');
    expect(m.name).toBe('alluxio-cluster');
    expect(m.nameGiven).toBe(false);
    expect(m.groups.map((g) => g.count)).toEqual([2]);
    expect(m.otherDocuments).toEqual([{ kind: 'ConfigMap', name: undefined, apiVersion: 'v1' }]);
  });

  it('keeps fields it does not use in raw, and never fails on them', () => {
    const m = parseManifest(cluster.replace('spec:\n', 'spec:\n  futureField: {a: [1, 2]}\n'), 'm.yaml');
    expect((m.raw.spec as Record<string, unknown>).futureField).toEqual({ a: [1, 2] });
  });

  it('names the document, the value and the fix for each bad file', () => {
    expect(error('- 1\n')).toBe('m.yaml: document 1: is not a Kubernetes object (got [1]); each document must be a mapping with apiVersion and kind');
    expect(error('kind: List\nitems: [3]\n')).toBe(
      'm.yaml: document 1 items[0]: is not a Kubernetes object (got 3); each item of a List must be a mapping with apiVersion and kind',
    );
    expect(error('apiVersion: v1\nkind: ConfigMap\n---\nkind: [1]\n')).toBe(
      'm.yaml: kind: no AlluxioCluster in the file (got "ConfigMap, (a list)"); give the manifest you would kubectl apply, with kind: AlluxioCluster',
    );
    expect(error(`${cluster}---\n${cluster}`)).toBe(
      'm.yaml: AlluxioCluster 2 metadata.name: the file already has an AlluxioCluster c (AlluxioCluster 1): kubectl apply would make them one object (got "c"); give each AlluxioCluster its own name (or namespace)',
    );
    const two = `${cluster}---\n${cluster.replace('  name: c\n', '  name: b\n  namespace: ns\n')}`;
    expect(error(two)).toBe(
      'm.yaml: kind: more than one AlluxioCluster in the file (got "c, b/ns"); plan one with --cluster NAME[/NAMESPACE] (plan without --against plans them all), or split the file',
    );
    expect(parseManifests(two, 'm.yaml').map((m) => [m.name, m.namespace, m.clustersInFile])).toEqual([
      ['c', undefined, [{ name: 'c' }, { name: 'b', namespace: 'ns' }]],
      ['b', 'ns', [{ name: 'c' }, { name: 'b', namespace: 'ns' }]],
    ]);
    expect(error(cluster.replace(ALLUXIO_API_VERSION, 'v1'))).toBe(
      `m.yaml: apiVersion: not the Alluxio operator API (got "v1"); use apiVersion: ${ALLUXIO_API_VERSION}`,
    );
    const items = Array.from({ length: MAX_DOCUMENTS + 1 }, () => '  - {kind: ConfigMap}\n').join('');
    expect(error(`kind: List\nitems:\n${items}`)).toBe(
      `m.yaml: documents: the file holds more than ${MAX_DOCUMENTS} objects (got ${MAX_DOCUMENTS + 1}); give the AlluxioCluster and its UnderFileSystem and License documents only`,
    );
  });

  it('names the spec field, the value and the fix for each bad cluster field', () => {
    const bad = (spec: string): string => error(`${HEAD}spec:\n${spec}`);
    expect(error(HEAD)).toBe('m.yaml: spec: missing or not a mapping; an AlluxioCluster needs a spec with a worker section');
    expect(bad('  image: x\n')).toBe('m.yaml: spec.worker: missing; add spec.worker with count and pagestore.size');
    expect(bad('  workerGroups: []\n')).toBe('m.yaml: spec.workerGroups: is empty (got []); list at least one worker group');
    expect(bad('  workerGroups: [{name: a, count: 2, pagestore: {size: 1Gi}}, {name: b, count: "3", pagestore: {size: 1Gi}}]\n')).toBe(
      'm.yaml: spec.workerGroups[1].count: must be a whole number from 1 to 100000 (got "3"); write e.g. count: 4',
    );
    expect(bad('  worker: {count: "1e3", pagestore: {size: 1Gi}}\n')).toBe(
      'm.yaml: spec.worker.count: must be a whole number from 1 to 100000 (got "1e3"); write e.g. count: 4',
    );
    expect(bad('  worker: {count: 100001, pagestore: {size: 1Gi}}\n')).toBe(
      'm.yaml: spec.worker.count: must be a whole number from 1 to 100000 (got 100001); write e.g. count: 4',
    );
    expect(bad('  worker: {count: 2, pagestore: {size: 1Gi, reservedSize: 1Ei}}\n')).toBe(
      'm.yaml: spec.worker.pagestore.reservedSize: is larger than size (1Gi) (got "1Ei"); reservedSize is extra space beside the cache: about 10 % of size',
    );
    expect(bad('  worker: {count: 2, pagestore: {size: lots}}\n')).toBe(
      'm.yaml: spec.worker.pagestore.size: is not a size (got "lots"); write a Kubernetes quantity such as 100Gi',
    );
    expect(bad('  etcd: {replicaCount: 2.5}\n  worker: {count: 2, pagestore: {size: 1Gi}}\n')).toBe(
      'm.yaml: spec.etcd.replicaCount: must be a whole number from 1 to 1000 (got 2.5); use 3 for a production quorum',
    );
    expect(bad('  etcd: {enabled: 1}\n  worker: {count: 2, pagestore: {size: 1Gi}}\n')).toBe(
      'm.yaml: spec.etcd.enabled: must be true or false (got 1); write enabled: true, or enabled: false with alluxio.etcd.endpoints (guide B.3)',
    );
  });

  it('reads a count left out, or written as null, as the operator does: 1 worker', () => {
    expect(parseManifest(`${HEAD}spec:\n  worker: {pagestore: {size: 1Gi}}\n`, 'm.yaml').groups[0].count).toBe(1);
    expect(parseManifest(`${HEAD}spec:\n  worker: {count: null, pagestore: {size: 1Gi}}\n`, 'm.yaml').groups[0].count).toBe(1);
  });

  it('accepts every count from 1 to 100000 and refuses every other number, naming it (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
        (count) => {
          const text = `${HEAD}spec:\n  worker: {count: ${JSON.stringify(count)}, pagestore: {size: 1Gi}}\n`;
          const good = Number.isInteger(count) && count >= 1 && count <= 100_000;
          if (good) expect(parseManifest(text, 'm.yaml').groups[0].count).toBe(count);
          else expect(error(text)).toMatch(/^m\.yaml: spec\.worker\.count: must be a whole number from 1 to 100000 \(got /);
        },
      ),
      { seed: 12, numRuns: 150 },
    );
  });
});
