/**
 * `ring-sim plan NEW.yaml --against OLD.yaml [--etcd URL | --etcd-export FILE]`: the plan command's hook for
 * planning a manifest change (src/plan/against.ts); the membership flags give the live identities.
 */
import type { Command } from 'commander';
import { parseBandwidth } from '../../core/bandwidth.js';
import { RingSimError } from '../../core/errors.js';
import type { Edition } from '../../capacity/pagestore-plan.js';
import { parseManifest } from '../../plan/manifest.js';
import { planAgainst } from '../../plan/against.js';
import { manifestClusterName } from '../../plan/cluster-settings.js';
import { renderAgainstText } from '../../report/plan-against-text.js';
import { addMembershipOptions, hasMembershipSource, loadMembership, type MembershipFlags } from '../etcd-options.js';
import type { Io } from '../io.js';
import { readTextFile } from '../input-file.js';
import { DEFAULT_CLUSTER } from '../../membership/etcd-membership.js';

export interface AgainstFlags extends MembershipFlags {
  against?: string;
  ufsBandwidth?: string;
  edition: Edition;
  seed: number;
  json?: boolean;
  html?: string;
}

export function addAgainstOptions(command: Command): void {
  command
    .option('--against <old.yaml>', 'plan a change: what going from this (deployed) manifest to the new one does')
    .option('--ufs-bandwidth <rate>', 'with --against and --dataset: UFS bandwidth (10Gbps, 1.2GB/s) to time the re-read');
  addMembershipOptions(command);
}

export async function runAgainst(file: string, flags: AgainstFlags, datasetBytes: number | undefined, io: Io): Promise<void> {
  if (flags.html) throw new RingSimError('--html', flags.html, '--html is not made for --against yet', 'use the text or --json');
  const before = parseManifest(readTextFile(flags.against!, '--against'), flags.against!);
  const after = parseManifest(readTextFile(file, 'manifest'), file);
  const ufsBandwidth = flags.ufsBandwidth !== undefined ? parseBandwidth(flags.ufsBandwidth) : undefined;
  if (ufsBandwidth && datasetBytes === undefined) throw new RingSimError('--dataset', undefined, '--ufs-bandwidth needs a data-set size to time', 'pass --dataset SIZE, e.g. 20TiB');
  // The manifest's alluxio.cluster.name names the cluster in etcd unless --cluster says otherwise.
  const named = manifestClusterName(before);
  const cluster = flags.cluster === DEFAULT_CLUSTER && named ? named : flags.cluster;
  const membership = hasMembershipSource(flags) ? await loadMembership({ ...flags, cluster }) : undefined;
  const report = planAgainst(before, after, { edition: flags.edition, seed: flags.seed, membership, datasetBytes, ufsBandwidth });
  io.out(flags.json ? JSON.stringify(report, null, 2) + '\n' : renderAgainstText(report));
}

/** Membership flags make sense only with --against. */
export function checkAgainstFlags(flags: AgainstFlags): void {
  if (!flags.against && (hasMembershipSource(flags) || flags.ufsBandwidth)) {
    throw new RingSimError(flags.ufsBandwidth ? '--ufs-bandwidth' : '--etcd', flags.ufsBandwidth ?? flags.etcd ?? flags.etcdExport, 'only used with --against', 'pass --against OLD.yaml, or use ring-sim inspect for a running cluster');
  }
}
