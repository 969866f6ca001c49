// Child process for the memory benchmark: replays one trace through cacheSim and prints its peak RSS.
// Usage: node bench/cachesim-child.js TRACE FORMAT POLICY SIZE_BYTES
import { cacheSim } from '../dist/index.js';
import { fileTraceSource } from '../dist/cli/trace-file.js';
import { peakRssBytes } from './peak-rss.js';

const [trace, format, policy, size] = process.argv.slice(2);
const t0 = performance.now();
const r = await cacheSim({ trace: fileTraceSource(trace), format, policies: [policy], sizes: [Number(size)] });
const ms = performance.now() - t0;
console.log(JSON.stringify({ requests: r.requests, ms, maxRssBytes: peakRssBytes(), misses: r.results[0].misses }));
