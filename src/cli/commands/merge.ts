import type { Command } from 'commander';
import { mergeParts } from '../../sim/part.js';
import { renderSimulationText } from '../../report/simulate.js';
import { jsonText } from '../../report/json.js';
import { renderHtml } from '../../report/html.js';
import type { Io } from '../io.js';
import { htmlAssets } from '../html-assets.js';
import { checkOutputPath, optionalOutput, writeOutputs } from '../output-file.js';
import { checkJsonPath, JSON_OPTION, reportOutputs } from '../json-option.js';
import { readPartFile } from '../part-file.js';
import { RING_SIM_VERSION } from '../version.js';

interface MergeFlags {
  json?: string | boolean;
  html?: string;
}

export function registerMerge(program: Command, io: Io): void {
  program
    .command('merge')
    .description('add up the parts of a simulation run in shards (simulate --shard I/N --json PART) into the result one run gives, byte for byte')
    .argument('<parts...>', "every shard's part file, in any order")
    .option(...JSON_OPTION)
    .option('--html <file>', 'write the self-contained HTML report, as simulate --html does')
    .addHelpText(
      'after',
      `
Refuses (one line, exit 2, nothing written) parts of different scenarios, samples or ring-sim versions, a missing
or doubled shard, and a part cut short or changed since it was written.

Example:
  ring-sim simulate examples/scenarios/rolling-restart.yaml --shard 0/2 --json part-0.json
  ring-sim simulate examples/scenarios/rolling-restart.yaml --shard 1/2 --json part-1.json
  ring-sim merge part-0.json part-1.json --json result.json`,
    )
    .action((files: string[], flags: MergeFlags) => {
      checkJsonPath(flags.json);
      if (flags.html !== undefined) checkOutputPath('--html', flags.html);
      const result = mergeParts(files.map(readPartFile), RING_SIM_VERSION, files);
      writeOutputs(
        reportOutputs(
          flags.json,
          () => jsonText(result),
          () => renderSimulationText(result),
          [optionalOutput('--html', flags.html, () => renderHtml({ simulation: result }, htmlAssets()))],
        ),
        io,
      );
    });
}
