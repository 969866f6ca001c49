import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { formatBinary } from '../../core/units.js';
import { RingSimError } from '../../core/errors.js';
import { parseScenario } from '../../sim/scenario.js';
import type { SimulationResult } from '../../sim/simulate.js';
import { integerOption } from '../options.js';
import { defaultThreads, simulateThreads } from '../simulate-threads.js';
import { sampleLabel, sampleOption } from '../sample-option.js';
import { percent, table } from '../format.js';
import type { Io } from '../io.js';
import { readTextFile } from '../input-file.js';
import { renderHtml } from '../../report/html.js';
import { htmlAssets } from '../html-assets.js';

interface SimulateFlags {
  json?: string;
  html?: string;
  threads?: number;
  sample?: number;
}

export function registerSimulate(program: Command, io: Io): void {
  program
    .command('simulate')
    .description('replay a workload against a cluster over time (scale-out, restarts, static or dynamic ring) and measure hit ratio, under-storage reads and movement')
    .argument('<scenario>', 'scenario file (YAML or JSON); see docs/scenarios.md')
    .option('--json <file>', 'write the full result (totals, windows, events, workers) as JSON; "-" for stdout')
    .option('--html <file>', 'write a self-contained HTML report with the hit-ratio timeline (works offline)')
    .option('--threads <n>', 'worker threads, the workers split among them (same output for any count; default: 1 under 1,000,000 reads, else the cores, at most 4)', integerOption('--threads', 1, 64))
    .option('--sample <rate>', 'replay only this fraction of the files (spatial hash sampling, SHARDS), page stores scaled to it, e.g. 0.05', sampleOption)
    .addHelpText('after', `
Example:
  ring-sim simulate examples/scenarios/scale-out-training.yaml --json result.json`)
    .action(async (file: string, flags: SimulateFlags) => {
      const scenario = parseScenario(readTextFile(file, 'scenario'), file);
      const progress = io.progress?.('reads');
      const result = await simulateThreads(scenario, flags.threads ?? defaultThreads(scenario), progress?.update, flags.sample);
      progress?.done();
      const json = JSON.stringify(result, null, 2) + '\n';
      if (flags.json === '-') {
        io.out(json);
        return;
      }
      if (flags.html) {
        try {
          writeFileSync(flags.html, renderHtml({ simulation: result }, htmlAssets()));
        } catch (e) {
          throw new RingSimError('--html', flags.html, `cannot write the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'give a writable path');
        }
      }
      if (flags.json) {
        try {
          writeFileSync(flags.json, json);
        } catch (e) {
          throw new RingSimError('--json', flags.json, `cannot write the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'give a writable path');
        }
      }
      io.out(renderSimulation(result));
    });
}

export function renderSimulation(r: SimulationResult): string {
  const t = r.totals;
  const lines = [
    `${r.scenario.name}: ${r.scenario.workers} workers, ${r.scenario.algorithm} (${r.scenario.ring} ring), seed ${r.scenario.seed}`,
    `${t.reads.toLocaleString('en-US')} reads of ${t.files.toLocaleString('en-US')} files, ${t.pageRequests.toLocaleString('en-US')} page requests`,
    '',
    table(['', ''], [
      ['hit ratio (pages)', percent(t.hitRatio)],
      ['hit ratio (bytes)', percent(t.byteHitRatio)],
      ['bytes requested', formatBinary(t.bytesRequested)],
      ['bytes read from under-storage', formatBinary(t.ufsBytes)],
      ['  of which: preferred worker offline', formatBinary(t.unavailableBytes)],
      ['busiest worker / mean (pages)', `${t.workerRequestsMaxOverMean.toFixed(3)}x`],
      ['cache occupancy at the end', `${formatBinary(t.occupiedBytes)} of ${formatBinary(t.capacityBytes)} (${percent(t.occupancy)})`],
    ]).split('\n').slice(2).join('\n'),
  ];
  if (r.sample) lines.splice(2, 0, `${sampleLabel(r.sample.rate, 'the files')}; ${t.requests.toLocaleString('en-US')} of the ${t.reads.toLocaleString('en-US')} reads replayed`);
  if (r.events.length) {
    lines.push('', 'events:');
    const rows = r.events.map((e) => [
      e.label,
      e.at.toLocaleString('en-US'),
      percent(e.filesMoved),
      formatBinary(e.bytesUnreachable),
      e.hitRatioBefore === null ? '-' : percent(e.hitRatioBefore),
      e.hitRatioAfter === null ? '-' : percent(e.hitRatioAfter),
      e.lowestHitRatio === null ? '-' : percent(e.lowestHitRatio),
      e.recoveryRequests === null ? 'not recovered' : `${e.recoveryRequests.toLocaleString('en-US')} reads`,
    ]);
    lines.push(table(['event', 'at read', 'files moved', 'cached bytes unreachable', 'hit ratio before', 'after', 'lowest', 'recovery'], rows, [false, true, true, true, true, true, true, true]));
    for (const e of r.events) lines.push(`  ${e.label}: ${e.detail}`);
  }
  if (r.offlineIdentities.length) {
    lines.push('', `offline identities still registered (ring bloat; clear with remove-worker): ${r.offlineIdentities.length}`);
  }
  lines.push('', `windows of ${r.scenario.window.toLocaleString('en-US')} reads: ${r.windows.length} (in --json)`);
  return lines.join('\n') + '\n';
}
