// Runs `ring-sim ARGS...` in a child (bench/cli-child.js) and samples, every 20 ms, the CPU time of each of the
// child's threads from /proc/<pid>/task/*/stat (Linux; elsewhere `threadCpuMs` is empty). Threads that end before
// the child keep their last sample, so a worker thread's CPU time is known within 20 ms.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ: /proc reports CPU time in 1/100 s

function sample(pid, last) {
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      last.set(tid, (Number(f[11]) + Number(f[12])) * TICK_MS);
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

/** The child's JSON (wall ms, CPU ms, peak RSS) and `threadCpuMs`: each thread's CPU ms, largest first. */
export function runWithThreadCpu(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL('./cli-child.js', import.meta.url).pathname, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const last = new Map();
    const timer = setInterval(() => sample(child.pid, last), 20);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(timer);
      try {
        resolve({ ...JSON.parse(out), threadCpuMs: [...last.values()].sort((a, b) => b - a) });
      } catch (e) {
        reject(e);
      }
    });
  });
}
