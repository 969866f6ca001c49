import type { Command } from 'commander';
import { parseScenario } from '../../sim/scenario.js';
import { baselineScenario, withBaseline } from '../../sim/baseline.js';
import { measureEvents } from '../../sim/event-groups.js';
import { integerOption } from '../options.js';
import { defaultThreads, simulateThreads } from '../simulate-threads.js';
import { sampleOption } from '../sample-option.js';
import { renderSimulationText } from '../../report/simulate.js';
import { jsonText } from '../../report/json.js';
import type { Io } from '../io.js';
import { readTextFile } from '../input-file.js';
import { renderHtml } from '../../report/html.js';
import { htmlAssets } from '../html-assets.js';
import { checkOutputPath, optionalOutput, writeOutputs } from '../output-file.js';
import { JSON_OPTION, jsonPath, reportOutputs } from '../json-option.js';

interface SimulateFlags {
  json?: string | boolean;
  html?: string;
  threads?: number;
  sample?: number;
  baseline?: boolean;
}

export function registerSimulate(program: Command, io: Io): void {
  program
    .command('simulate')
    .description('replay a workload against a cluster over time (scale-out, restarts, static or dynamic ring) and measure hit ratio, under-storage reads and movement')
    .argument('<scenario>', 'scenario file (YAML or JSON); see docs/scenarios.md')
    .option(...JSON_OPTION)
    .option('--html <file>', 'write a self-contained HTML report with the hit-ratio timeline (works offline)')
    .option('--threads <n>', 'threads holding the page stores, the workers split among them, fed the routed reads by the main thread (same output for any count; default: 1 under 1,000,000 reads, else the cores less one, 2 to 4)', integerOption('--threads', 1, 64))
    .option('--sample <rate>', 'replay only this fraction of the files (spatial hash sampling, SHARDS), page stores scaled to it, e.g. 0.05', sampleOption)
    .option('--baseline', 'also replay the same reads without the events and report what the events cost over that baseline (baseline.totals, delta in --json)')
    .addHelpText('after', `
Example:
  ring-sim simulate examples/scenarios/scale-out-training.yaml --json result.json`)
    .action(async (file: string, flags: SimulateFlags) => {
      const json = jsonPath(flags.json);
      if (json !== undefined) checkOutputPath('--json', json);
      if (flags.html !== undefined) checkOutputPath('--html', flags.html);
      const scenario = parseScenario(readTextFile(file, 'scenario'), file);
      const progress = io.progress?.('reads');
      const threads = flags.threads ?? defaultThreads(scenario);
      let result = await simulateThreads(scenario, threads, progress?.update, flags.sample);
      progress?.done();
      if (flags.baseline || scenario.events.length) {
        // The events' recovery is measured against the baseline: with events, it is replayed even without --baseline.
        const baseProgress = io.progress?.('baseline reads');
        const base = await simulateThreads(baselineScenario(scenario), threads, baseProgress?.update, flags.sample);
        baseProgress?.done();
        if (scenario.events.length) result = measureEvents(result, base);
        if (flags.baseline) result = withBaseline(result, base);
      }
      writeOutputs(reportOutputs(json, () => jsonText(result), () => renderSimulationText(result), [
        optionalOutput('--html', flags.html, () => renderHtml({ simulation: result }, htmlAssets())),
      ]), io);
    });
}
