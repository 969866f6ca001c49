import type { Command } from 'commander';
import { RingSimError } from '../../ring/errors.js';
import { ALGORITHM_NAMES, createPlacement } from '../../ring/registry.js';
import { choiceOption, integerOption } from '../options.js';
import { parseWorkers, readTextFile } from '../workers-file.js';
import type { Io } from '../io.js';

interface LocateFlags {
  algorithm: string;
  workers?: string;
  vnodes?: number;
  replicas: number;
  keys?: string;
  json?: boolean;
  identity?: 'auto' | 'identity' | 'hostname';
  workerOrder?: 'given' | 'sorted';
  weighting?: 'libketama' | 'hashring';
}

export function registerLocate(program: Command, io: Io): void {
  program
    .command('locate')
    .description('print the workers that hold each key, in preference order')
    .argument('[keys...]', 'keys (file paths / URLs) to locate')
    .option('-a, --algorithm <name>', `placement algorithm: ${ALGORITHM_NAMES.join(', ')}`, choiceOption('--algorithm', ALGORITHM_NAMES), 'alluxio-consistent')
    .option('-w, --workers <file>', 'workers: one a line "id [weight] [zone]", or a JSON array')
    .option('--vnodes <n>', 'virtual nodes per worker (alluxio-consistent, default 5) or per unit of weight (ring, default 1000)', integerOption('--vnodes', 1, 16_777_216))
    .option('-r, --replicas <n>', 'distinct workers per key', integerOption('--replicas', 1, 1_000_000), 1)
    .option('--keys <file>', 'read keys from a file, one a line')
    .option('--json', 'print one JSON object a line: {"key": ..., "workers": [...]}')
    .option('--identity <mode>', 'alluxio: read worker ids as identities, hostnames, or auto', choiceOption('--identity', ['auto', 'identity', 'hostname'] as const))
    .option('--worker-order <order>', 'alluxio: ring build order (decides equal points): given or sorted', choiceOption('--worker-order', ['given', 'sorted'] as const))
    .option('--weighting <mode>', 'ketama: libketama (float32) or hashring (float64) point counts', choiceOption('--weighting', ['libketama', 'hashring'] as const))
    .addHelpText('after', `
Example:
  ring-sim locate --algorithm alluxio-consistent --workers examples/workers.txt --replicas 2 s3://bucket/a.parquet`)
    .action((keyArgs: string[], flags: LocateFlags) => {
      if (!flags.workers) throw new RingSimError('--workers', undefined, 'no workers given', 'pass --workers FILE');
      const workers = parseWorkers(readTextFile(flags.workers, '--workers'), flags.workers);
      const keys = [...keyArgs];
      if (flags.keys) {
        for (const line of readTextFile(flags.keys, '--keys').split(/\r?\n/)) if (line !== '') keys.push(line);
      }
      if (keys.length === 0) throw new RingSimError('keys', '', 'no keys given', 'pass keys as arguments or --keys FILE');
      const placement = createPlacement(flags.algorithm, workers, {
        vnodes: flags.vnodes,
        identity: flags.identity,
        workerOrder: flags.workerOrder,
        weighting: flags.weighting,
      });
      const out: string[] = [];
      for (const key of keys) {
        const located = placement.locate(key, flags.replicas);
        out.push(flags.json ? JSON.stringify({ key, workers: located }) : `${key}\t${located.join(' ')}`);
      }
      io.out(out.join('\n') + '\n');
    });
}
