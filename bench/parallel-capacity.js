// How many cores this process actually gets right now: two worker threads each spin for a fixed amount of work,
// and their CPU time over the wall time is the parallelism the machine grants (2.0 on two idle cores; on a
// machine shared with other sessions, Linux's autogroup scheduling can hold it near 1 or below, and then no
// thread count shortens a run's wall time).
import { Worker } from 'node:worker_threads';

const SPIN = 'let x = 0; for (let i = 0; i < 3e8; i++) x = (x + i) | 0; globalThis.spun = x;';

export async function parallelCapacity(threads = 2) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: threads }, () => new Promise((resolve, reject) => new Worker(SPIN, { eval: true }).once('exit', resolve).once('error', reject))),
  );
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000 / (performance.now() - t0);
}
