import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FieldReader } from '../../src/core/field-reader.js';
import { DEFAULT_PAGESTORE_HOSTPATH, readCluster } from '../../src/plan/cluster.js';

const read = (spec: string) => readCluster({ spec: parse(spec) as unknown }, new FieldReader('m.yaml'));
const GiB = 2n ** 30n;

describe('readCluster', () => {
  it("reads one worker section, with the operator's defaults", () => {
    const c = read('image: alluxio/alluxio\nimageTag: "3.5"\nworker: {count: 3, pagestore: {size: 100Gi, reservedSize: 10Gi}}\n');
    expect(c.image).toBe('alluxio/alluxio:3.5');
    expect(c.groups).toEqual([
      {
        name: 'worker',
        path: 'spec.worker',
        count: 3,
        size: '100Gi',
        sizeBytes: 100n * GiB,
        reservedSize: '10Gi',
        reservedBytes: 10n * GiB,
        rejectedSizes: [],
        pagestoreType: 'hostPath',
        hostPath: DEFAULT_PAGESTORE_HOSTPATH,
        storageClass: undefined,
        useExternalId: undefined,
        systemInfo: undefined,
        systemInfoStore: undefined,
        spec: { count: 3, pagestore: { size: '100Gi', reservedSize: '10Gi' } },
      },
    ]);
    expect(c.etcd).toEqual({
      enabled: true,
      replicaCount: 3,
      specified: false,
      antiAffinity: 'required-hostname',
      persistence: { enabled: true, written: false },
    });
    expect(c.properties).toEqual({});
    expect(c.gkeNodeSelector).toBe(false);
  });

  it('reads worker groups by name, and names them by index when unnamed', () => {
    const c = read(
      'worker: {pagestore: {type: persistentVolumeClaim}, systemInfo: {type: persistentVolumeClaim}}\nworkerGroups:\n  - {name: big, worker: {count: 2, pagestore: {size: 1Ti, storageClass: ssd}}}\n  - {worker: {pagestore: {size: 1Gi}}}\n',
    );
    expect(c.groups.map((g) => [g.name, g.path, g.count, g.pagestoreType, g.hostPath, g.storageClass, g.systemInfoStore])).toEqual([
      ['big', 'spec.workerGroups[0].worker', 2, 'persistentVolumeClaim', undefined, 'ssd', 'pvc'],
      ['group-1', 'spec.workerGroups[1].worker', 1, 'persistentVolumeClaim', undefined, undefined, 'pvc'],
    ]);
    expect(c.groupFindings).toEqual([]);
  });

  it('plans a size Kubernetes rejects (100GB) with the binary reading Alluxio gives it, and records it', () => {
    const g = read('worker: {count: 1, pagestore: {size: 100GB, reservedSize: 1G}}\n').groups[0];
    expect(g.size).toBe('100Gi');
    expect(g.sizeBytes).toBe(100n * GiB);
    expect(g.reservedSize).toBe('1G'); // a Kubernetes quantity: 10^9 bytes
    expect(g.reservedBytes).toBe(1_000_000_000n);
    expect(g.rejectedSizes).toEqual([{ field: 'size', text: '100GB', binary: '100Gi' }]);
  });

  it("reads properties as strings, and etcd's own settings", () => {
    const c = read(
      'properties: {a.b: 5, c.d: true, e.f: null}\netcd: {enabled: false, replicaCount: 5, affinity: {podAntiAffinity: {}}}\nworker: {count: 1, pagestore: {size: 1Gi}}\n',
    );
    expect(c.properties).toEqual({ 'a.b': '5', 'c.d': 'true', 'e.f': '' });
    expect(c.etcd).toEqual({ enabled: false, replicaCount: 5, specified: true, antiAffinity: 'custom', persistence: { enabled: true, written: false } });
  });

  it("lists every component hostPath with its default or written path, and the guide's fix", () => {
    const c = read(
      'worker: {count: 1, pagestore: {size: 1Gi, hostPath: /data}, systemInfo: {hostPath: /si}, log: {type: emptyDir}}\ncoordinator: {metastore: {hostPath: /meta}}\nfuse: {enabled: false}\ngateway: {enabled: false}\nprometheus: {enabled: false}\nnodeSelector: {cloud.google.com/gke-nodepool: pool}\n',
    );
    expect(c.hostPaths.map((h) => [h.field, h.path, h.given])).toEqual([
      ['spec.worker.pagestore.hostPath', '/data', true],
      ['spec.worker.metastore.hostPath', '/mnt/alluxio/metastore', false],
      ['spec.worker.systemInfo.hostPath', '/si', true],
      ['spec.coordinator.metastore.hostPath', '/meta', true],
      ['spec.coordinator.log.hostPath', '/mnt/alluxio/logs', false],
    ]);
    expect(c.hostPaths[0]).toMatchObject({ what: 'worker page store', guideFix: '/home/alluxio/pagestore' });
    expect(c.gkeNodeSelector).toBe(true);
  });

  it("names the field for bad values, through the file's FieldReader", () => {
    expect(() => read('worker: {count: 1, pagestore: {size: 1Gi, type: nfs}}\n')).toThrow(
      'm.yaml: spec.worker.pagestore.type: unknown page store type (got "nfs"); use hostPath or persistentVolumeClaim',
    );
    expect(() => read('worker: {count: 1, useExternalId: null, pagestore: {size: 1Gi}}\n')).toThrow(
      /^m\.yaml: spec\.worker\.useExternalId: must be true or false \(got null\)/,
    );
    expect(() => read('etcd: {replicaCount: null}\nworker: {count: 1, pagestore: {size: 1Gi}}\n')).toThrow(
      /^m\.yaml: spec\.etcd\.replicaCount: must be a whole number from 1 to 1000 \(got null\)/,
    );
    expect(() => read('worker: {count: 1, pagestore: {size: 0Gi}}\n')).toThrow(/^m\.yaml: spec\.worker\.pagestore\.size: is zero/);
  });
});
