// Peak resident memory of this process, in bytes.
//
// On Linux it reads VmHWM from /proc/self/status: the high-water mark of this process's own address space.
// `process.resourceUsage().maxRSS` is not that for a child: Linux keeps the high-water mark across fork and exec,
// so a child started by a large parent (the benchmark, holding rings and traces) also counts the memory it
// inherited at the fork. Measured here: a child whose own peak was 42 MiB reported 84 MiB that way.
import { readFileSync } from 'node:fs';

export function peakRssBytes() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}
