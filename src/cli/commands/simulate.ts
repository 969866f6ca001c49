import type { Command } from 'commander';
import { RingSimError } from '../../core/errors.js';
import { parseScenario } from '../../sim/scenario.js';
import { baselineScenario } from '../../sim/baseline.js';
import { integerOption } from '../options.js';
import { defaultThreads, simulateShardThreads, simulateThreads } from '../simulate-threads.js';
import { shardOption } from '../shard-option.js';
import { needsBaseline, simulationPart, withBaselineReplay } from '../../sim/part.js';
import type { Scenario } from '../../sim/scenario.js';
import type { ShardSpec } from '../../sim/simulate.js';
import { renderPartText } from '../../report/part.js';
import { partText } from '../part-file.js';
import { RING_SIM_VERSION } from '../version.js';
import { sampleOption } from '../sample-option.js';
import { renderSimulationText } from '../../report/simulate.js';
import { jsonText } from '../../report/json.js';
import type { Io } from '../io.js';
import { readTextFile } from '../input-file.js';
import { traceFileDigest } from '../trace-file.js';
import { renderHtml } from '../../report/html.js';
import { htmlAssets } from '../html-assets.js';
import { checkOutputPath, optionalOutput, writeOutputs } from '../output-file.js';
import { JSON_OPTION, jsonPath, reportOutputs } from '../json-option.js';

interface SimulateFlags {
  json?: string | boolean;
  shard?: ShardSpec;
  html?: string;
  threads?: number;
  sample?: number;
  baseline?: boolean;
}

export function registerSimulate(program: Command, io: Io): void {
  program
    .command('simulate')
    .description(
      'replay a workload against a cluster over time (scale-out, restarts, static or dynamic ring) and measure hit ratio, under-storage reads and movement',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON); see docs/scenarios.md')
    .option(...JSON_OPTION)
    .option('--html <file>', 'write a self-contained HTML report with the hit-ratio timeline (works offline)')
    .option(
      '--threads <n>',
      'threads holding the page stores, the workers split among them, fed the routed reads by the main thread (same output for any count; default: 1 under 1,000,000 reads, else the cores less one, 2 to 4)',
      integerOption('--threads', 1, 64),
    )
    .option('--sample <rate>', 'replay only this fraction of the files (spatial hash sampling, SHARDS), page stores scaled to it, e.g. 0.05', sampleOption)
    .option('--baseline', 'also replay the same reads without the events and report what the events cost over that baseline (baseline.totals, delta in --json)')
    .option(
      '--shard <i/n>',
      'run shard I of N (0 to N-1): every read routed, the page stores of workers I, I+N, I+2N, ... held; --json writes its part, for ring-sim merge',
      shardOption,
    )
    .addHelpText(
      'after',
      `
Example:
  ring-sim simulate examples/scenarios/scale-out-training.yaml --json result.json
  ring-sim simulate examples/scenarios/scale-out-training.yaml --shard 0/2 --json part-0.json`,
    )
    .action(async (file: string, flags: SimulateFlags) => {
      if (flags.shard) return simulateShardPart(file, flags, flags.shard, io);
      const json = jsonPath(flags.json);
      if (json !== undefined) checkOutputPath('--json', json);
      if (flags.html !== undefined) checkOutputPath('--html', flags.html);
      const scenario = parseScenario(readTextFile(file, 'scenario'), file);
      const progress = io.progress?.('reads');
      const threads = flags.threads ?? defaultThreads(scenario);
      let result = await simulateThreads(scenario, threads, progress?.update, flags.sample);
      progress?.done();
      if (needsBaseline(scenario, flags.baseline === true)) {
        // The events' recovery is measured against the baseline: with events, it is replayed even without --baseline.
        const baseProgress = io.progress?.('baseline reads');
        const base = await simulateThreads(baselineScenario(scenario), threads, baseProgress?.update, flags.sample);
        baseProgress?.done();
        result = withBaselineReplay(scenario, result, base, flags.baseline === true);
      }
      writeOutputs(
        reportOutputs(
          json,
          () => jsonText(result),
          () => renderSimulationText(result),
          [optionalOutput('--html', flags.html, () => renderHtml({ simulation: result }, htmlAssets()))],
        ),
        io,
      );
    });
}

/** `simulate --shard I/N --json PART`: one shard's run (and baseline run), written as its part. */
async function simulateShardPart(file: string, flags: SimulateFlags, spec: ShardSpec, io: Io): Promise<void> {
  const where = `${spec.shard}/${spec.shards}`;
  if (flags.html !== undefined)
    throw new RingSimError(
      '--html',
      flags.html,
      `a shard (--shard ${where}) writes a part, not a report`,
      'merge the parts with ring-sim merge PART... --html FILE',
    );
  const path = jsonPath(flags.json);
  if (path === undefined) throw new RingSimError('--shard', where, 'a shard writes its part to --json PART', `add --json part-${spec.shard}.json`);
  checkOutputPath('--json', path);
  const scenario = parseScenario(readTextFile(file, 'scenario'), file);
  const threads = flags.threads ?? defaultThreads(scenario);
  const run = (s: Scenario, unit: string) => async () => {
    const progress = io.progress?.(unit);
    const results = await simulateShardThreads(s, spec, threads, progress?.update, flags.sample);
    progress?.done();
    return results;
  };
  const results = await run(scenario, 'reads')();
  // The events' recovery is measured against the baseline: with events, it is replayed even without --baseline.
  const reported = flags.baseline === true;
  const baseline = needsBaseline(scenario, reported) ? await run(baselineScenario(scenario), 'baseline reads')() : null;
  // The digest of the bytes the shard read: a trace changed under the same path (or another copy) is caught at the merge.
  const trace = scenario.workload.type === 'trace' ? traceFileDigest(scenario.workload.path) : null;
  const part = simulationPart(scenario, spec.shard, spec.shards, RING_SIM_VERSION, flags.sample, results, baseline, reported, trace);
  writeOutputs(
    reportOutputs(
      path,
      () => partText(part),
      () => renderPartText(part, path),
    ),
    io,
  );
}
