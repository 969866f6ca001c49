import { basename } from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { RingSimError } from '../../core/errors.js';
import { parseScenario } from '../../sim/scenario.js';
import { DEFAULT_JOB_IMAGE, defaultJobName, shardedJob } from '../../sim/job.js';
import type { Io } from '../io.js';
import { readTextFile } from '../input-file.js';

interface JobFlags {
  shards: string;
  pvc?: string;
  image: string;
  namespace: string;
  name?: string;
}

/** `--shards N`: digits only (so `4x` or `1e3` is refused, not read as 4 or 1000). */
function shardCount(value: string): number {
  if (!/^[0-9]+$/.test(value)) throw new RingSimError('--shards', value, 'must be a whole number from 1 to 1000', 'give the number of pods, e.g. --shards 4');
  return Number(value);
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
    .option('--name <name>', "the Job's name (the ConfigMap is NAME-scenario); default ring-sim- and the file's stem")
    .addHelpText(
      'after',
      `
Pod I runs: npx ring-sim simulate /scenario/FILE --shard I/N --json /out/part-I.json
Example:
  ring-sim job examples/scenarios/rolling-restart.yaml --shards 4 --pvc ring-sim-parts | kubectl apply -f -`,
    )
    .action((file: string, flags: JobFlags) => {
      const shards = shardCount(flags.shards);
      const scenarioText = readTextFile(file, 'scenario');
      parseScenario(scenarioText, file);
      const fileName = basename(file);
      const objects = shardedJob({
        fileName,
        scenarioText,
        shards,
        name: flags.name ?? defaultJobName(fileName),
        namespace: flags.namespace,
        image: flags.image,
        pvc: flags.pvc,
      });
      io.out(objects.map((o) => stringify(o, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n'));
    });
}
