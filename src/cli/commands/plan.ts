import type { Command } from 'commander';
import { DISK_PROVIDERS, FILE_SYSTEMS, type DiskProvider, type FileSystem } from '../../capacity/disk.js';
import type { Edition } from '../../capacity/pagestore-plan.js';
import { parseQuantity } from '../../capacity/quantity.js';
import { parseManifests, selectClusters } from '../../plan/manifest.js';
import { buildPlan } from '../../plan/plan.js';
import { renderPlansText } from '../../report/plan-clusters-text.js';
import { renderHtml } from '../../report/html.js';
import { htmlAssets } from '../html-assets.js';
import { checkOutputPath, isStdout, optionalOutput, writeOutputs } from '../output-file.js';
import { JSON_OPTION, checkJsonPath, reportOutputs } from '../json-option.js';
import { fileTraceSource } from '../trace-file.js';
import { traceWorkingSet } from '../../sim/cachesim.js';
import { TRACE_FORMATS, parseTraceFormat, type TraceFormat } from '../../sim/trace/index.js';
import { RingSimError } from '../../core/errors.js';
import { FILES_OPTION, parseDatasetSize, parseFileCount } from '../dataset-size.js';
import { ALLUXIO_ENTERPRISE_VNODES, ALLUXIO_OSS_VNODES } from '../../ring/alluxio/consistent.js';
import type { Io } from '../io.js';
import { checkUfsNeedsDataset } from '../ufs-options.js';
import { addAgainstOptions, checkAgainstFlags, runAgainst, type AgainstFlags } from './plan-against.js';
import { parseBandwidth } from '../../core/bandwidth.js';
import { choiceOption, integerOption } from '../options.js';
import { MAX_WORKERS_FILE_BYTES, readTextFile } from '../input-file.js';

interface PlanFlags {
  disk?: string;
  provider: DiskProvider;
  fs: FileSystem;
  nodes?: number;
  dataset?: string;
  files?: string;
  edition: Edition;
  workers?: string;
  json?: string | boolean;
  html?: string;
  seed: number;
  whatIfVnodes?: number;
  platform?: 'gke' | 'eks' | 'aks' | 'other';
  trace?: string;
  traceFormat?: TraceFormat;
}

function parsePlanWorkers(text: string, source: string): Array<{ name: string; size: string }> {
  const out: Array<{ name: string; size: string }> = [];
  const lineOf = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [name, size, ...rest] = line.split(/\s+/);
    if (!size || rest.length > 1) throw new RingSimError(`${source}:${i + 1}`, line, 'a line is "name size [zone]"', 'write e.g. "worker-0 200Gi"');
    try {
      if (parseQuantity(size).sign <= 0) throw new Error('not positive');
    } catch {
      throw new RingSimError(`${source}:${i + 1} size`, size, 'not a positive Kubernetes quantity', 'write e.g. 200Gi');
    }
    const first = lineOf.get(name);
    if (first !== undefined)
      throw new RingSimError(
        `${source}:${i + 1} name`,
        name,
        `the worker is already listed on line ${first}`,
        'give each worker one line with a name of its own',
      );
    lineOf.set(name, i + 1);
    if (out.length === 100_000)
      throw new RingSimError('--workers', source, "more than 100,000 workers (the limit for plan --workers, as for a group's count)", 'list fewer workers');
    out.push({ name, size });
  });
  if (out.length === 0) throw new RingSimError(source, '', 'the workers file lists no workers', 'write one worker a line: "name size"');
  return out;
}

export function registerPlan(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const command = program
    .command('plan')
    .description(
      'plan an AlluxioCluster before kubectl apply: will it deploy, how full each worker gets, how evenly the ring spreads data, what scaling or restarting costs',
    )
    .argument('<manifest>', 'alluxio-cluster.yaml (multi-document files are fine)')
    .option('--disk <size>', 'per-worker disk as sold: 100GB, 1TB, 100GiB, or a Kubernetes quantity')
    .option('--provider <name>', `how the disk size is read: ${DISK_PROVIDERS.join(', ')}`, choiceOption('--provider', DISK_PROVIDERS), 'plain')
    .option('--fs <name>', `file system on the disk: ${FILE_SYSTEMS.join(', ')}`, choiceOption('--fs', FILE_SYSTEMS), 'ext4')
    .option('--nodes <n>', 'Kubernetes nodes available (checks worker and etcd anti-affinity)', integerOption('--nodes', 1, 1_000_000))
    .option('--dataset <size>', 'data set size, e.g. 20TiB')
    .option(...FILES_OPTION)
    .option('--trace <file>', 'or: take the data set (unique objects and their bytes) from a trace')
    .option('--trace-format <format>', `format of --trace: ${TRACE_FORMATS.join(', ')}`, (v: string) => parseTraceFormat(v))
    .option(
      '--edition <edition>',
      `defaults: enterprise (${ALLUXIO_ENTERPRISE_VNODES} virtual nodes) or oss (${ALLUXIO_OSS_VNODES})`,
      choiceOption('--edition', ['enterprise', 'oss'] as const),
      'enterprise',
    )
    .option('--workers <file>', 'per-worker capacity for heterogeneous clusters: "name size" a line')
    .option(
      '--platform <name>',
      'gke, eks, aks or other (gke is assumed with --provider gcp)',
      choiceOption('--platform', ['gke', 'eks', 'aks', 'other'] as const),
    )
    .option('--seed <n>', 'seed for the worker identity draws', integerOption('--seed', 0, 2 ** 31 - 1), 1)
    .option('--what-if-vnodes <n>', 'virtual node count for the "change virtual nodes" what-if', integerOption('--what-if-vnodes', 1, 16_777_216))
    .option(...JSON_OPTION)
    .option('--html <file>', 'write a self-contained HTML report (works offline)')
    .addHelpText(
      'after',
      `
Exit codes: 0 deployable; 1 a check found an error that would make the deployment fail (a size Kubernetes\nrejects, such as 100GB, is one); 2 bad input.
Example:
  ring-sim plan examples/alluxio-cluster.yaml --disk 100GB --provider aws --nodes 3 --html plan.html`,
    )
    .action(async (file: string, flags: PlanFlags & AgainstFlags, cmd: Command) => {
      checkAgainstFlags(flags);
      checkJsonPath(flags.json);
      if (flags.against !== undefined) return runAgainst(file, flags, flags.dataset !== undefined ? parseDatasetSize(flags.dataset) : undefined, io);
      if (flags.html !== undefined) checkOutputPath('--html', flags.html);
      checkUfsNeedsDataset(flags, flags.dataset !== undefined || flags.trace !== undefined, 'pass --dataset SIZE (e.g. 20TiB) or --trace FILE');
      const ufsBandwidth = flags.ufsBandwidth !== undefined ? parseBandwidth(flags.ufsBandwidth) : undefined;
      // --cluster names the AlluxioCluster to plan (with --against it is alluxio.cluster.name in etcd).
      const manifests = selectClusters(
        parseManifests(readTextFile(file, 'manifest'), file),
        cmd.getOptionValueSource('cluster') === 'cli' ? flags.cluster : undefined,
      );
      if (manifests.length > 1 && flags.workers !== undefined)
        throw new RingSimError(
          '--workers',
          flags.workers,
          `describes one cluster's workers, and ${file} holds ${manifests.length} AlluxioClusters`,
          'pass --cluster NAME[/NAMESPACE] to plan the one it describes',
        );
      let traceSet: { objects: number; bytes: number } | undefined;
      if (flags.trace !== undefined) {
        if (flags.dataset !== undefined) throw new RingSimError('--trace', flags.trace, '--trace and --dataset both given', 'use one of them');
        if (!flags.traceFormat)
          throw new RingSimError('--trace-format', undefined, 'no trace format given', `pass --trace-format, one of ${TRACE_FORMATS.join(', ')}`);
        if (flags.traceFormat === 'csv')
          throw new RingSimError(
            '--trace-format',
            'csv',
            'plan reads no csv column options',
            'take the working set from ring-sim cachesim --trace FILE --format csv --id-col N --sizes 1.0 --json, then pass --dataset and --files',
          );
        traceSet = await traceWorkingSet(fileTraceSource(flags.trace), flags.traceFormat);
        if (traceSet.objects === 0)
          throw new RingSimError('--trace', flags.trace, 'the trace holds no requests, so it gives no data set', 'check the file and --trace-format');
      }
      const files = flags.files !== undefined ? parseFileCount(flags.files) : undefined;
      const workers =
        flags.workers !== undefined ? parsePlanWorkers(readTextFile(flags.workers, '--workers', MAX_WORKERS_FILE_BYTES), flags.workers) : undefined;
      const reports = manifests.map((manifest) =>
        buildPlan(manifest, {
          disk: flags.disk,
          provider: flags.provider,
          fs: flags.fs,
          nodes: flags.nodes,
          datasetBytes: traceSet ? traceSet.bytes : flags.dataset !== undefined ? parseDatasetSize(flags.dataset) : undefined,
          files: traceSet ? traceSet.objects : files,
          edition: flags.edition,
          workers,
          seed: flags.seed,
          whatIfVnodes: flags.whatIfVnodes,
          platform: flags.platform,
          ufsBandwidth,
          ufsPricePer1000Requests: flags.ufsPrice,
        }),
      );
      const html = flags.html;
      const one = reports.length === 1 ? reports[0] : undefined;
      writeOutputs(
        reportOutputs(
          flags.json,
          () => JSON.stringify(one ?? { clusters: reports }, null, 2) + '\n',
          () => renderPlansText(reports) + (html && !isStdout(html) ? `\nHTML report: ${html}\n` : ''),
          [optionalOutput('--html', html, () => renderHtml(one ? { plan: one } : { plans: reports }, htmlAssets()))],
        ),
        io,
      );
      // The exit code is the worst of the clusters': 1 when any will not deploy.
      if (reports.some((r) => !r.verdict.deployable)) setExitCode(1);
    });
  addAgainstOptions(command);
  const cluster = command.options.find((o) => o.long === '--cluster');
  if (cluster)
    cluster.description =
      'the AlluxioCluster to plan in a file of several: NAME or NAME/NAMESPACE (all are planned without it); with --against: alluxio.cluster.name in etcd';
}
