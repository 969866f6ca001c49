// Child process for the CLI benchmarks: runs `ring-sim ARGS...` in this process (output discarded) and prints
// its wall time, exit code, user+system CPU time and peak RSS as JSON.
import { run } from '../dist/cli/run.js';
import { peakRssBytes } from './peak-rss.js';

const t0 = performance.now();
const code = await run(process.argv.slice(2), { out: () => {}, err: (s) => process.stderr.write(s) });
const ms = performance.now() - t0;
const cpu = process.cpuUsage();
console.log(JSON.stringify({ code, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBytes: peakRssBytes() }));
