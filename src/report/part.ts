/** `simulate --shard I/N`'s text: which workers' page stores the shard held, what it routed, where its part is. */
import type { SimulationPart } from '../sim/part.js';
import { count } from './format.js';

/** Worker names listed before the rest are counted. */
const NAMES_SHOWN = 6;

export function renderPartText(part: SimulationPart, path: string): string {
  const results = part.run;
  const info = results[0].final.info;
  const held = info.filter((_, i) => results.some((r) => r.final.hosts[i]?.owned)).map((h) => h.name);
  const names = held.length > NAMES_SHOWN ? `${held.slice(0, NAMES_SHOWN).join(', ')} and ${count(held.length - NAMES_SHOWN)} more` : held.join(', ');
  const of = held.length ? ` (${names})` : '';
  const baseline = part.baseline ? `, and the baseline replay (the same reads without the events${part.baselineReported ? '' : ', for their recovery'})` : '';
  return (
    [
      `shard ${part.shard}/${part.shards} of ${part.scenario.name}: the page stores of ${count(held.length)} of ${count(info.length)} workers${of}, all ${count(results[0].final.reads)} reads routed${baseline}`,
      `part written to ${path}; merge every shard's part: ring-sim merge PART... --json OUT`,
    ].join('\n') + '\n'
  );
}
