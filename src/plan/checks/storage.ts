/**
 * PersistentVolumeClaims and their StorageClass (guide D.1 and appendix E, Amazon EKS). The operator's etcd keeps
 * each member's data on a PVC (on by default); without `spec.etcd.persistence.storageClass` it takes the
 * cluster's default StorageClass, and with none the PVC is never bound ("pod has unbound immediate
 * PersistentVolumeClaims", D.1). A `persistentVolumeClaim` page store without `storageClass` asks for the class
 * `standard` (Alluxio's Worker Configuration: `storageClass: ""  # defaults to "standard"; empty string = static
 * binding`; the chart writes `storageClassName: "standard"`), which the cluster must have. On EKS 1.23+ EBS volumes
 * need the AWS EBS CSI driver add-on: without it the PVCs stay Pending with no clear error (E).
 */
import type { Check } from '../../core/check.js';
import type { PlanContext } from '../context.js';

/** The guide's command (E, Amazon EKS) that shows whether the EBS CSI driver runs: no output, not installed. */
export const EBS_CSI_VERIFY = 'kubectl get pods -n kube-system -l app.kubernetes.io/name=aws-ebs-csi-driver --no-headers | head -1';
/** The page store's StorageClass when `pagestore.storageClass` is omitted (the operator chart's values.yaml). */
export const PAGESTORE_DEFAULT_STORAGE_CLASS = 'standard';

/** A PVC the cluster creates without a StorageClass of the manifest's choosing. */
interface Claim {
  field: string;
  /** What the PVC is for and what waits on it. */
  what: string;
  pods: string;
  /** The class the PVC asks for: the cluster's default (undefined) or the chart's default name. */
  asks?: string;
  written: boolean;
}

export function storageClassChecks(c: PlanContext): Check[] {
  const claims = unclassedClaims(c);
  const eks = c.platform === 'eks';
  const out: Check[] = [];
  for (const x of claims) {
    if (eks) out.push(ebsCsiCheck(x));
    else if (x.written || x.asks !== undefined) out.push(noClassCheck(x));
  }
  return out;
}

/** The PVCs without a storageClass: etcd's (when it persists) and each persistentVolumeClaim page store's. */
function unclassedClaims(c: PlanContext): Claim[] {
  const out: Claim[] = [];
  const { etcd } = c.manifest;
  if (etcd.enabled && etcd.persistence.enabled && (etcd.persistence.storageClass ?? '').trim() === '') {
    out.push({
      field: 'spec.etcd.persistence.storageClass',
      what: `the etcd PVCs${etcd.persistence.written ? '' : " (the operator's default persistence)"}`,
      pods: 'the etcd pods',
      written: etcd.persistence.written,
    });
  }
  for (const g of c.manifest.groups) {
    if (g.pagestoreType !== 'persistentVolumeClaim' || g.storageClass !== undefined) continue;
    out.push({
      field: `${g.path}.pagestore.storageClass`,
      what: `the ${c.manifest.groups.length > 1 ? `worker group ${g.name}'s ` : ''}page-store PVCs`,
      pods: 'the workers',
      asks: PAGESTORE_DEFAULT_STORAGE_CLASS,
      written: true,
    });
  }
  return out;
}

function asksText(x: Claim): string {
  return x.asks === undefined
    ? "name no storageClass, so they are bound through the cluster's default StorageClass"
    : `name no storageClass, so they ask for the class "${x.asks}" (the operator's default)`;
}

function noClassCheck(x: Claim): Check {
  return {
    id: 'storage-class-missing',
    severity: 'warning',
    field: x.field,
    message: `${x.what} ${asksText(x)}: unless the cluster has ${x.asks === undefined ? 'a default StorageClass' : `a StorageClass named "${x.asks}"`} they are never bound ("pod has unbound immediate PersistentVolumeClaims") and ${x.pods} stay Pending`,
    fix: `set ${x.field} to a StorageClass the cluster has (kubectl get storageclass), as guide D.1 does`,
    source: x.asks === undefined ? 'guide D.1' : 'guide D.1; Alluxio Worker Configuration (pagestore.storageClass defaults to "standard")',
  };
}

function ebsCsiCheck(x: Claim): Check {
  return {
    id: 'eks-ebs-csi',
    severity: 'warning',
    field: x.field,
    message: `on EKS ${x.what} ${asksText(x)}${x.asks === undefined ? '' : ', which EKS does not create (its own class is gp2)'}; Kubernetes 1.23 removed the in-tree EBS volume driver, so on EKS 1.23+ EBS volumes need the AWS EBS CSI driver add-on: without it the PVCs stay Pending with no clear error, even when kubectl get storageclass lists a class, and ${x.pods} never start`,
    fix: `install the AWS EBS CSI driver add-on before the deploy and verify it runs: ${EBS_CSI_VERIFY} (no output: not installed); then set ${x.field} to a class whose provisioner is ebs.csi.aws.com (e.g. gp3)`,
    source: 'guide E (Amazon EKS), D.1',
  };
}
