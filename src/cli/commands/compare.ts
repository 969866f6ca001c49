import type { Command } from 'commander';
import { compareAlgorithms } from '../../ring/analysis/compare.js';
import { syntheticKeys } from '../../ring/analysis/keys.js';
import { RingSimError } from '../../core/errors.js';
import { ALGORITHM_NAMES, type AlgorithmOptions } from '../../ring/registry.js';
import { renderCompareText } from '../../report/compare.js';
import { jsonText } from '../../report/json.js';
import type { Io } from '../io.js';
import { JSON_OPTION, checkJsonPath, reportOutputs } from '../json-option.js';
import { writeOutputs } from '../output-file.js';
import { choiceOption, integerOption, listOption, positiveNumberOption } from '../options.js';
import { parseWorkers, syntheticWorkers } from '../workers-file.js';
import { MAX_KEYS_FILE_BYTES, MAX_WORKERS_FILE_BYTES, readTextFile } from '../input-file.js';
import { keyLines } from '../keys-file.js';

interface CompareFlags {
  workers?: string;
  count?: number;
  weights?: number[];
  algorithms: string[];
  keys: number;
  keysFile?: string;
  vnodes?: number;
  addWeight?: number;
  remove?: string;
  json?: string | boolean;
  time: boolean;
  weighting?: 'libketama' | 'hashring';
  tableSize?: number;
  probes?: number;
  epsilon?: number;
}

export function registerCompare(program: Command, io: Io): void {
  program
    .command('compare')
    .description('compare placement algorithms on the same workers: balance, and movement when one worker is added or removed')
    .option('-w, --workers <file>', 'workers: one a line "id [weight] [zone]", or a JSON array')
    .option('-n, --count <n>', 'or: this many synthetic workers (worker-host-001, ...)', integerOption('--count', 1, 1_000_000))
    .option('--weights <list>', 'with --count: weights to cycle through, e.g. 1,2,4', listOption('--weights', positiveNumberOption('--weights')))
    .option('-a, --algorithms <list>', 'algorithms to compare (comma-separated)', listOption('--algorithms', choiceOption('--algorithms', ALGORITHM_NAMES)), [
      ...ALGORITHM_NAMES,
    ])
    .option('-k, --keys <n>', 'synthetic keys for sampled measurements', integerOption('--keys', 1, 100_000_000), 100_000)
    .option('--keys-file <file>', 'measure on these keys instead (one a line)')
    .option('--vnodes <n>', 'virtual nodes for alluxio-consistent (per worker) and ring (per unit of weight)', integerOption('--vnodes', 1, 16_777_216))
    .option('--add-weight <w>', 'weight of the worker added in the +1 case (default: the mean weight)', positiveNumberOption('--add-weight'))
    .option('--remove <id>', 'the worker removed in the -1 case (default: the last one)')
    .option(
      '--weighting <mode>',
      'ketama: libketama (float32) or hashring (float64) point counts',
      choiceOption('--weighting', ['libketama', 'hashring'] as const),
    )
    .option('--table-size <n>', 'maglev, alluxio-maglev: lookup table size (a prime; default 65537)', integerOption('--table-size', 2, 5_000_011))
    .option('--probes <n>', 'multi-probe, alluxio-multi-probe: probes a key (default 21)', integerOption('--probes', 1, 10_000))
    .option('--epsilon <x>', 'bounded-load: load bound 1 + epsilon times the mean (default 0.25)', positiveNumberOption('--epsilon'))
    .option('--no-time', 'leave out lookup timing (for reproducible output)')
    .option(...JSON_OPTION)
    .addHelpText(
      'after',
      `
alluxio-capacity is ring-sim's MODEL of Alluxio Enterprise's CAPACITY provider (not public), not a copy.
Example:
  ring-sim compare --count 100
  ring-sim compare --workers examples/workers-weighted.txt --algorithms ketama,ring --json`,
    )
    .action((flags: CompareFlags) => {
      checkJsonPath(flags.json);
      if (flags.workers !== undefined && flags.count) {
        throw new RingSimError('--count', flags.count, '--workers and --count both given', 'use one of them');
      }
      let workers;
      if (flags.workers !== undefined) workers = parseWorkers(readTextFile(flags.workers, '--workers', MAX_WORKERS_FILE_BYTES), flags.workers);
      else if (flags.count) workers = syntheticWorkers(flags.count, flags.weights);
      else throw new RingSimError('--workers', undefined, 'no workers given', 'pass --workers FILE or --count N');
      if (flags.weights && !flags.count) {
        throw new RingSimError('--weights', flags.weights.join(','), '--weights goes with --count', 'put weights in the workers file instead');
      }
      if (flags.remove !== undefined && !workers.some((w) => w.id === flags.remove)) {
        throw new RingSimError('--remove', flags.remove, 'no such worker', 'name a worker from the list');
      }
      const keys =
        flags.keysFile !== undefined
          ? keyLines(readTextFile(flags.keysFile, '--keys-file', MAX_KEYS_FILE_BYTES), '--keys-file', flags.keysFile)
          : syntheticKeys(flags.keys);
      if (keys.length === 0) throw new RingSimError('--keys-file', flags.keysFile, 'the file holds no keys', 'write one key a line');
      const options: Record<string, AlgorithmOptions> = {};
      for (const a of ALGORITHM_NAMES)
        options[a] = { vnodes: flags.vnodes, weighting: flags.weighting, tableSize: flags.tableSize, probes: flags.probes, epsilon: flags.epsilon };
      const progress = io.progress?.('algorithms measured');
      const report = compareAlgorithms({
        algorithms: flags.algorithms,
        workers,
        keys,
        options,
        added: flags.addWeight !== undefined ? { id: 'added-worker-1', weight: flags.addWeight } : undefined,
        removed: flags.remove,
        time: flags.time,
        onProgress: (done, total) => progress?.update(done, total),
      });
      progress?.done();
      writeOutputs(
        reportOutputs(
          flags.json,
          () => jsonText(report),
          () => renderCompareText(report),
        ),
        io,
      );
    });
}
