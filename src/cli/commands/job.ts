import { basename, posix } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { RingSimError } from '../../core/errors.js';
import { parseScenario } from '../../sim/scenario.js';
import { DEFAULT_JOB_IMAGE, defaultJobName, shardedJob, traceMountPath, type JobTrace } from '../../sim/job.js';
import type { Io } from '../io.js';
import { readTextFile } from '../input-file.js';
import { parseQuantity } from '../../capacity/quantity.js';
import { shardResources } from '../../sim/job-resources.js';
import type { Scenario } from '../../sim/scenario.js';
import { THREADS_MIN_READS } from '../simulate-threads.js';

interface JobFlags {
  shards: string;
  pvc?: string;
  image: string;
  namespace: string;
  name?: string;
  memory?: string;
  cpu?: string;
  tracePvc?: string;
  traceSubpath?: string;
}

/** `--shards N`: digits only (so `4x` or `1e3` is refused, not read as 4 or 1000). */
function shardCount(value: string): number {
  if (!/^[0-9]+$/.test(value)) throw new RingSimError('--shards', value, 'must be a whole number from 1 to 1000', 'give the number of pods, e.g. --shards 4');
  return Number(value);
}

/** `--memory` (bytes) or `--cpu` (millicores): a positive Kubernetes quantity. */
function quantityFlag(flag: '--memory' | '--cpu', value: string | undefined): { text: string; value: number } | undefined {
  if (value === undefined) return undefined;
  const fix = flag === '--memory' ? 'give e.g. --memory 2Gi' : 'give e.g. --cpu 2 or --cpu 500m';
  let q;
  try {
    q = parseQuantity(value);
  } catch {
    throw new RingSimError(flag, value, 'is not a Kubernetes quantity', fix);
  }
  if (q.sign <= 0) throw new RingSimError(flag, value, 'must be positive', fix);
  return { text: value, value: Number(flag === '--memory' ? q.value() : q.milliValue()) };
}

/** A trace workload's claim: `--trace-pvc` is needed for a trace and refused for a synthetic workload. */
function jobTrace(s: Scenario, flags: JobFlags): { trace?: JobTrace; assumptions: string[] } {
  if (s.workload.type !== 'trace') {
    if (flags.tracePvc !== undefined)
      throw new RingSimError('--trace-pvc', flags.tracePvc, `the scenario's workload is ${s.workload.type}, not a trace`, 'leave --trace-pvc out');
    return { assumptions: [] };
  }
  if (flags.tracePvc === undefined)
    throw new RingSimError(
      '--trace-pvc',
      undefined,
      `a trace workload reads ${s.workload.path} in every pod`,
      'give --trace-pvc NAME, the PersistentVolumeClaim holding the trace (--trace-subpath its path inside, default the file name)',
    );
  const subPath = flags.traceSubpath ?? posix.basename(s.workload.path);
  const trace = { pvc: flags.tracePvc, subPath, path: s.workload.path };
  const mount = traceMountPath(s.workload.path);
  const assumptions =
    flags.traceSubpath === undefined ? [`the trace is ${subPath} at the top of claim ${flags.tracePvc} (--trace-subpath sets it), mounted at ${mount}`] : [];
  return { trace, assumptions };
}

export function registerJob(program: Command, io: Io): void {
  program
    .command('job')
    .description('print (YAML) the Kubernetes objects that run a scenario in N shards: a ConfigMap with the scenario and an Indexed Job')
    .argument('<scenario>', 'the scenario file (see docs/scenarios.md)')
    .requiredOption('--shards <n>', 'the number of shards, one pod each (1 to 1000)')
    .option('--pvc <name>', 'a PersistentVolumeClaim (ReadWriteMany) mounted at /out for the parts; else an emptyDir')
    .option('--image <image>', "the container image (built from the repository's Dockerfile)", DEFAULT_JOB_IMAGE)
    .option('--namespace <ns>', 'the namespace of both objects', 'default')
    .option(
      '--memory <quantity>',
      "each pod's memory request and limit (a Kubernetes quantity, e.g. 2Gi); default: the model of a shard's size (docs/scenarios.md)",
    )
    .option('--cpu <quantity>', "each pod's cpu request and limit (e.g. 2 or 500m; its whole cores are the shard's --threads); default: the shard's threads")
    .option('--trace-pvc <name>', 'a trace workload: the PersistentVolumeClaim holding the trace, mounted read-only at the path workload.path names')
    .option('--trace-subpath <path>', "the trace file's path inside --trace-pvc's claim (default: workload.path's file name)")
    .option('--name <name>', "the Job's name (the ConfigMap is NAME-scenario); default ring-sim- and the file's stem")
    .addHelpText(
      'after',
      `
Pod I runs: npx ring-sim simulate /scenario/FILE --shard I/N --json /out/part-I.json --threads T
The derived values (memory, cpu, threads, the trace's path in its claim) are printed first, as "# assumed:" lines.
Example:
  ring-sim job examples/scenarios/rolling-restart.yaml --shards 4 --pvc ring-sim-parts | kubectl apply -f -`,
    )
    .action((file: string, flags: JobFlags) => {
      const shards = shardCount(flags.shards);
      const scenarioText = readTextFile(file, 'scenario');
      const scenario = parseScenario(scenarioText, file);
      const memory = quantityFlag('--memory', flags.memory);
      const cpu = quantityFlag('--cpu', flags.cpu);
      const { trace, assumptions: traceAssumptions } = jobTrace(scenario, flags);
      const resources = shardResources(scenario, {
        shards,
        threadsMinReads: THREADS_MIN_READS,
        memoryBytes: memory?.value,
        memoryText: memory?.text,
        cpuMillis: cpu?.value,
        cpuText: cpu?.text,
      });
      const fileName = basename(file);
      const objects = shardedJob({
        fileName,
        scenarioText,
        shards,
        name: flags.name ?? defaultJobName(fileName),
        namespace: flags.namespace,
        image: flags.image,
        pvc: flags.pvc,
        resources,
        trace,
      });
      // The assumptions as YAML comments: printed with the objects, ignored by kubectl apply.
      const assumed = [...resources.assumptions, ...traceAssumptions].map((a) => `# assumed: ${a}\n`).join('');
      io.out(assumed + objects.map((o) => stringify(o, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n'));
    });
}
