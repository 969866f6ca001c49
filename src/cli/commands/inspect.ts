import type { Command } from 'commander';
import { parseBandwidth } from '../../core/bandwidth.js';
import { buildInspect } from '../../report/inspect.js';
import { renderInspectHtml } from '../../report/inspect-html.js';
import { renderInspectText } from '../../report/inspect-text.js';
import { addMembershipOptions, loadMembership, type MembershipFlags } from '../etcd-options.js';
import { htmlAssets } from '../html-assets.js';
import { checkOutputPath, optionalOutput, withReport, writeOutputs } from '../output-file.js';
import type { Io } from '../io.js';
import { integerOption } from '../options.js';
import { parseDatasetSize } from './plan.js';
import { RingSimError } from '../../core/errors.js';
import { ALLUXIO_ENTERPRISE_VNODES, ALLUXIO_OSS_VNODES } from '../../ring/alluxio/consistent.js';

interface InspectFlags extends MembershipFlags {
  vnodes: number;
  add: number;
  seed: number;
  dataset?: string;
  ufsBandwidth?: string;
  json?: boolean;
  html?: string;
}

export function registerInspect(program: Command, io: Io): void {
  const command = program
    .command('inspect')
    .description('the exact ring of a running Alluxio cluster from etcd: each identity\'s state and share, balance, ring bloat, and what remove-worker, a stop or a scale-out moves')
    .option('--vnodes <n>', `virtual nodes per worker: ${ALLUXIO_OSS_VNODES} open source, ${ALLUXIO_ENTERPRISE_VNODES} Enterprise`, integerOption('--vnodes', 1, 16_777_216), ALLUXIO_OSS_VNODES)
    .option('--add <n>', 'workers to add in the scale-out what-if', integerOption('--add', 0, 100_000), 1)
    .option('--seed <n>', 'seed for the added workers\' identities (random UUIDs in Alluxio)', integerOption('--seed', 0, 2 ** 31 - 1), 1)
    .option('--dataset <size>', 'data set size, e.g. 20TiB: gives the bytes each what-if re-reads from the under-storage')
    .option('--ufs-bandwidth <rate>', 'under-storage read bandwidth, e.g. 10Gbps or 1.2GB/s: gives how long the re-read takes')
    .option('--json', 'print the report as JSON')
    .option('--html <file>', 'write the report as a self-contained HTML page');
  addMembershipOptions(command)
    .addHelpText('after', `
Example:
  ring-sim inspect --etcd-export membership.json --cluster alluxio --vnodes 2000 --dataset 20TiB --ufs-bandwidth 10Gbps --add 4`)
    .action(async (flags: InspectFlags) => {
      const ufsBandwidth = flags.ufsBandwidth !== undefined ? parseBandwidth(flags.ufsBandwidth) : undefined;
      const datasetBytes = flags.dataset !== undefined ? parseDatasetSize(flags.dataset) : undefined;
      if (ufsBandwidth && datasetBytes === undefined) throw new RingSimError('--dataset', undefined, '--ufs-bandwidth needs a data-set size to time', 'pass --dataset SIZE, e.g. 20TiB');
      if (flags.html !== undefined) checkOutputPath('--html', flags.html);
      const membership = await loadMembership(flags);
      const report = buildInspect(membership, { vnodes: flags.vnodes, add: flags.add, seed: flags.seed, datasetBytes, ufsBandwidth });
      writeOutputs(withReport([optionalOutput('--html', flags.html, () => renderInspectHtml(report, htmlAssets().css))], {
        flag: flags.json ? '--json' : 'the report',
        path: '-',
        explicit: flags.json,
        render: () => (flags.json ? JSON.stringify(report, null, 2) + '\n' : renderInspectText(report)),
      }), io);
    });
}
