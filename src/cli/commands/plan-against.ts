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
import { operatorClusterName } from '../../plan/cluster-settings.js';
import { renderAgainstText } from '../../report/plan-against-text.js';
import { addMembershipOptions, hasMembershipSource, loadMembership, type MembershipFlags } from '../etcd-options.js';
import type { Io } from '../io.js';
import { readTextFile } from '../input-file.js';
import { parseFileCount } from '../dataset-size.js';
import { reportOutputs } from '../json-option.js';
import { writeOutputs } from '../output-file.js';
import { UFS_PRICE_OPTION, checkUfsNeedsDataset } from '../ufs-options.js';
import { DEFAULT_CLUSTER } from '../../membership/etcd-membership.js';

export interface AgainstFlags extends MembershipFlags {
  against?: string;
  ufsBandwidth?: string;
  ufsPrice?: number;
  /** --files: the data set's file count (plan's option), for the GETs a file. */
  files?: string;
  edition: Edition;
  seed: number;
  json?: string | boolean;
  html?: string;
}

export function addAgainstOptions(command: Command): void {
  command
    .option('--against <old.yaml>', 'plan a change: what going from this (deployed) manifest to the new one does')
    .option('--ufs-bandwidth <rate>', "with --dataset: UFS read bandwidth (10Gbps, 1.2GB/s): how long each what-if's re-read takes (model)")
    .option(...UFS_PRICE_OPTION);
  addMembershipOptions(command);
}

export async function runAgainst(file: string, flags: AgainstFlags, datasetBytes: number | undefined, io: Io): Promise<void> {
  if (flags.html) throw new RingSimError('--html', flags.html, '--html is not made for --against yet', 'use the text or --json');
  const before = parseManifest(readTextFile(flags.against!, '--against'), flags.against!);
  const after = parseManifest(readTextFile(file, 'manifest'), file);
  const ufsBandwidth = flags.ufsBandwidth !== undefined ? parseBandwidth(flags.ufsBandwidth) : undefined;
  checkUfsNeedsDataset(flags, datasetBytes !== undefined);
  // The old manifest's cluster name (spec.properties', else the operator's <namespace>-<name>) names the cluster
  // in etcd unless --cluster says otherwise.
  const cluster = flags.cluster === DEFAULT_CLUSTER ? operatorClusterName(before).name : flags.cluster;
  const membership = hasMembershipSource(flags) ? await loadMembership({ ...flags, cluster }) : undefined;
  const report = planAgainst(before, after, {
    edition: flags.edition,
    seed: flags.seed,
    membership,
    datasetBytes,
    files: flags.files !== undefined ? parseFileCount(flags.files) : undefined,
    ufsBandwidth,
    ufsPricePer1000Requests: flags.ufsPrice,
  });
  writeOutputs(
    reportOutputs(
      flags.json,
      () => JSON.stringify(report, null, 2) + '\n',
      () => renderAgainstText(report),
    ),
    io,
  );
}

/** Membership flags make sense only with --against. */
export function checkAgainstFlags(flags: AgainstFlags): void {
  if (!flags.against && hasMembershipSource(flags)) {
    throw new RingSimError(
      '--etcd',
      flags.etcd ?? flags.etcdExport,
      'only used with --against',
      'pass --against OLD.yaml, or use ring-sim inspect for a running cluster',
    );
  }
}
