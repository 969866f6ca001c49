/** Manifests written from the install guide (../shared/reference/alluxio-k8s-install-guide.zh.md), placeholders filled in. */
import { parseManifest } from '../../src/plan/manifest.js';
import { buildPlan, type PlanOptions, type PlanReport } from '../../src/plan/plan.js';

/** Step 4's minimal AlluxioCluster with its placeholders filled in. */
export const MINIMAL = `apiVersion: k8s-operator.alluxio.com/v1
kind: AlluxioCluster
metadata:
  name: alluxio-cluster
  namespace: alx-ns
spec:
  image: registry.example.com/alluxio-enterprise
  imageTag: AI-3.9-16.0.0
  properties:
    alluxio.license: LICENSE-STRING
  worker:
    count: 1
    pagestore:
      size: 90Gi
      reservedSize: 9Gi
  etcd:
    replicaCount: 3
`;

/** Step 5's UnderFileSystem, filled in. */
export const UFS = `apiVersion: k8s-operator.alluxio.com/v1
kind: UnderFileSystem
metadata:
  name: alluxio-s3
  namespace: alx-ns
spec:
  alluxioCluster: alluxio-cluster
  path: s3://my-bucket/data
  mountPath: /s3
  mountOptions:
    alluxio.underfs.s3.region: us-east-1
`;

/** C.2's License, filled in. */
export const LICENSE = `apiVersion: k8s-operator.alluxio.com/v1
kind: License
metadata:
  name: alluxio-license
  namespace: alx-ns
spec:
  clusters:
  - name: alluxio-cluster
    namespace: alx-ns
  licenseString: DEPLOYMENT-LICENSE
`;

/** Appendix E's GKE fix (every hostPath under /home/alluxio, identities persisted) on the minimal manifest. */
export const GKE = MINIMAL.replace(
  `  worker:
    count: 1
    pagestore:
`,
  `  coordinator:
    metastore:
      hostPath: /home/alluxio/metastore
    log:
      hostPath: /home/alluxio/logs
  worker:
    count: 1
    useExternalId: false
    systemInfo:
      hostPath: /home/alluxio/system-info
    metastore:
      hostPath: /home/alluxio/metastore
    log:
      hostPath: /home/alluxio/logs
    pagestore:
      hostPath: /home/alluxio/pagestore
`,
).replace(
  `  etcd:
`,
  `  fuse:
    log:
      hostPath: /home/alluxio/logs/fuse
    hostPathForMigration: /home/alluxio/migration
  gateway:
    log:
      hostPath: /home/alluxio/logs/gateway
  prometheus:
    persistence:
      hostPath: /home/alluxio/prometheus
  etcd:
`,
);

export function plan(text: string, o: PlanOptions = {}): PlanReport {
  return buildPlan(parseManifest(text, 'test.yaml'), o);
}

/** The ids of the checks of one severity (all severities when not given). */
export function ids(r: PlanReport, severity?: 'error' | 'warning' | 'info'): string[] {
  return r.checks.filter((c) => !severity || c.severity === severity).map((c) => c.id ?? '');
}

/** The documents of a bundle, as one file. */
export const bundle = (...docs: string[]): string => docs.join('---\n');

/** A manifest with worker identities persisted the guide's way (useExternalId: false, systemInfo.hostPath). */
export const persisted = (text: string): string =>
  text.replace('    count: 1\n', '    count: 1\n    useExternalId: false\n    systemInfo:\n      hostPath: /home/alluxio/system-info\n');
