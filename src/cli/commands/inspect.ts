import type { Command } from 'commander';
import type { Edition } from '../../capacity/pagestore-plan.js';
import { addClusterSettingsOptions, clusterSettings } from '../cluster-options.js';
import { parseBandwidth } from '../../core/bandwidth.js';
import { buildInspect } from '../../report/inspect.js';
import { renderInspectHtml } from '../../report/inspect-html.js';
import { renderInspectText } from '../../report/inspect-text.js';
import { addMembershipOptions, loadMembership, type MembershipFlags } from '../etcd-options.js';
import { PODS_OPTION, readPods } from '../pods-file.js';
import { htmlAssets } from '../html-assets.js';
import { checkOutputPath, optionalOutput, writeOutputs } from '../output-file.js';
import { JSON_OPTION, checkJsonPath, reportOutputs } from '../json-option.js';
import type { Io } from '../io.js';
import { integerOption } from '../options.js';
import { UFS_PRICE_OPTION, checkUfsNeedsDataset } from '../ufs-options.js';
import { FILES_OPTION, parseDatasetSize, parseFileCount } from '../dataset-size.js';
import { RingSimError } from '../../core/errors.js';
import { parseManifest } from '../../plan/manifest.js';
import { expandWorkers, workerCapacity } from '../../plan/workers.js';
import { readTextFile } from '../input-file.js';
import { ALLUXIO_ENTERPRISE_VNODES, ALLUXIO_OSS_VNODES } from '../../ring/alluxio/consistent.js';

interface InspectFlags extends MembershipFlags {
  vnodes?: number;
  manifest?: string;
  edition: Edition;
  add: number;
  seed: number;
  dataset?: string;
  files?: string;
  ufsBandwidth?: string;
  ufsPrice?: number;
  json?: string | boolean;
  html?: string;
  pods?: string;
  worker?: string;
}

export function registerInspect(program: Command, io: Io): void {
  const command = program
    .command('inspect')
    .description(
      "the exact ring of a running Alluxio cluster from etcd: each identity's state and share, balance, ring bloat, and what remove-worker, a stop or a scale-out moves",
    )
    .option(
      '--vnodes <n>',
      `virtual nodes per worker (default: --manifest's, else ${ALLUXIO_ENTERPRISE_VNODES} Enterprise, ${ALLUXIO_OSS_VNODES} open source)`,
      integerOption('--vnodes', 1, 16_777_216),
    )
    .option('--add <n>', 'workers to add in the scale-out what-if', integerOption('--add', 0, 100_000), 1)
    .option('--seed <n>', "seed for the added workers' identities (random UUIDs in Alluxio)", integerOption('--seed', 0, 2 ** 31 - 1), 1)
    .option('--dataset <size>', 'data set size, e.g. 20TiB: gives the bytes each what-if re-reads from the under-storage')
    .option(FILES_OPTION[0], `${FILES_OPTION[1]}: with --dataset, the mean file size, so --ufs-price counts each file's GETs (a file below a page is one GET)`)
    .option('--ufs-bandwidth <rate>', 'under-storage read bandwidth, e.g. 10Gbps or 1.2GB/s: gives how long the re-read takes')
    .option(...UFS_PRICE_OPTION)
    .option(...PODS_OPTION)
    .option(
      '--worker <id>',
      "only this worker's what-ifs (stop, restart with and without its identity, remove-worker when OFFLINE, scale-in), with flows: an identity worker-<uuid>, its registered host, or its pod name",
    )
    .option(...JSON_OPTION)
    .option('--html <file>', 'write the report as a self-contained HTML page');
  addClusterSettingsOptions(addMembershipOptions(command))
    .addHelpText(
      'after',
      `
Example:
  ring-sim inspect --etcd-export membership.json --manifest alluxio-cluster.yaml --dataset 20TiB --ufs-bandwidth 10Gbps --add 4`,
    )
    .action(async (flags: InspectFlags, cmd: Command) => {
      const ufsBandwidth = flags.ufsBandwidth !== undefined ? parseBandwidth(flags.ufsBandwidth) : undefined;
      const datasetBytes = flags.dataset !== undefined ? parseDatasetSize(flags.dataset) : undefined;
      checkUfsNeedsDataset(flags, datasetBytes !== undefined);
      const files = flags.files !== undefined ? parseFileCount(flags.files) : undefined;
      if (files !== undefined && datasetBytes === undefined)
        throw new RingSimError('--dataset', undefined, '--files needs a data-set size to give the mean file size', 'pass --dataset SIZE, e.g. 20TiB');
      checkJsonPath(flags.json);
      if (flags.html !== undefined) checkOutputPath('--html', flags.html);
      const settings = clusterSettings(flags, cmd);
      if (settings.policy !== 'CONSISTENT' || settings.provider !== 'DEFAULT') {
        throw new RingSimError(
          '--manifest',
          `${settings.policy}/${settings.provider}`,
          "inspect builds Alluxio's CONSISTENT ring with the DEFAULT hash provider only",
          'plan the manifest with ring-sim plan, which models the CAPACITY provider',
        );
      }
      const pods = readPods(flags.pods);
      const membership = await loadMembership({ ...flags, cluster: settings.cluster });
      const pageStore = manifestPageStore(flags.manifest, settings.pageSizeBytes, flags.edition);
      const report = buildInspect(membership, {
        vnodes: settings.vnodes,
        ring: settings.ring,
        provider: settings.provider,
        pageSizeBytes: settings.pageSizeBytes,
        assumptions: settings.assumptions.map((a) => a.text),
        add: flags.add,
        seed: flags.seed,
        datasetBytes,
        files,
        ufsBandwidth,
        ufsPricePer1000Requests: flags.ufsPrice,
        pods,
        worker: flags.worker,
        ...pageStore,
      });
      writeOutputs(
        reportOutputs(
          flags.json,
          () => JSON.stringify(report, null, 2) + '\n',
          () => renderInspectText(report),
          [optionalOutput('--html', flags.html, () => renderInspectHtml(report, htmlAssets(), { seed: flags.seed, ...pageStore }))],
        ),
        io,
      );
    });
}

/**
 * What --manifest says about the page stores that etcd does not: each worker's page data (as `plan` computes it)
 * and the volume type. Etcd does not say which group an identity belongs to: with several groups the smallest
 * page data and the first group's type are taken (the assumption lines say what was taken).
 */
function manifestPageStore(path: string | undefined, pageSizeBytes: bigint, edition: Edition): { cacheBytes?: number; pagestoreType?: string } {
  if (path === undefined) return {};
  const m = parseManifest(readTextFile(path, '--manifest'), path);
  const { workers } = workerCapacity(expandWorkers(m, undefined), pageSizeBytes, {}, edition);
  if (workers.length === 0) return {};
  return { cacheBytes: Math.min(...workers.map((w) => w.cacheBytes)), pagestoreType: m.groups[0].pagestoreType };
}
