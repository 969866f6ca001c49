// Child process for the simulator benchmarks: runs one scenario (JSON on argv) and prints throughput and peak RSS.
import { readScenario, simulate } from '../dist/index.js';
import { peakRssBytes } from './peak-rss.js';

const scenario = readScenario(JSON.parse(process.argv[2]), 'bench');
const t0 = performance.now();
const r = await simulate(scenario);
const ms = performance.now() - t0;
console.log(JSON.stringify({ reads: r.totals.reads, pageRequests: r.totals.pageRequests, ms, maxRssBytes: peakRssBytes(), hitRatio: r.totals.hitRatio }));
