#!/usr/bin/env node
// ring-sim cachesim against libCacheSim's own `cachesim`, built from its public source beside ring-sim, on the same
// generated oracleGeneral trace (issue 16). libCacheSim's code is never committed, nor copied into this repository: the
// script copies the source you point it at into a work directory outside it ($TMPDIR/ring-sim-libcachesim, or
// LIBCACHESIM_WORK) and builds it there with cmake (a build tree inside the repository would hold cmake's
// compiler_depend.ts files, which tsc would read). The generated trace is kept there too, for the next run.
//
//   LIBCACHESIM_SRC=/path/to/libCacheSim node bench/libcachesim.js [--rounds 5] [--requests 10000000] [--sizes 1GiB]
//   node bench/libcachesim.js --libcachesim /path/to/libCacheSim ...
//   node --expose-gc bench/run.js --only libcachesim [--write-results]     (the same, as a section of RESULTS.md)
//
// The source is a checkout of github.com/1a1a11a/libCacheSim, or a bare git directory of it (its HEAD is exported
// with `git archive`, leaving out data/). Without one the comparison is skipped with a message; `bench:quick` and CI
// never need it. Building needs cmake, a C/C++ compiler, glib and zstd (Debian: apt-get install -y cmake build-essential
// libglib2.0-dev libzstd-dev).
//
// Two binaries are built from the one source: `cachesim`, unmodified, which is timed; and `cachesim-count`, the same
// program with one added printf of the exact request and miss counts its simulate() loop keeps (its own output gives
// the miss ratio to 4 decimals only), which checks that both tools count the same misses and miss bytes.
//
// Both run as separate processes, one policy and size a run, interleaved (libCacheSim first in even rounds,
// ring-sim first in odd ones); each figure is the median over the rounds. Wall time is the whole process
// (start-up, reading the trace, the simulation); CPU time and peak RSS come from /usr/bin/time when installed.
// libCacheSim runs with its progress reports off (--report-interval): the generated trace's clock advances one
// second a request, so its default hourly report would print a line every 3,600 requests.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const CLI = join(here, '../dist/cli/main.js');
const COUNT_MARK = 'ring-sim-bench counts:';
/** The line added to libCacheSim's simulate() (bin/cachesim/sim.c) for the count binary, after this anchor. */
const COUNT_ANCHOR = '  double runtime = gettime() - start_time;';
const COUNT_LINE = `  printf("${COUNT_MARK} %lu req, %lu miss, %lu req_byte, %lu miss_byte\\n", (unsigned long)req_cnt, (unsigned long)miss_cnt, (unsigned long)req_byte, (unsigned long)miss_byte);`;

/** The libCacheSim source named by `--libcachesim PATH` or LIBCACHESIM_SRC, or undefined. */
export function libCacheSimSource(argv = process.argv.slice(2), env = process.env) {
  const i = argv.indexOf('--libcachesim');
  const path = i >= 0 ? argv[i + 1] : env.LIBCACHESIM_SRC;
  return path ? resolve(path) : undefined;
}

/** Why the comparison cannot run here, or undefined when it can. */
export function missingForLibCacheSim(src) {
  if (!src)
    return 'no libCacheSim source: set LIBCACHESIM_SRC=/path/to/libCacheSim (a checkout or bare git dir of github.com/1a1a11a/libCacheSim) or pass --libcachesim PATH';
  if (!existsSync(src)) return `LIBCACHESIM_SRC=${src} does not exist`;
  for (const tool of ['cmake', 'make', 'cc']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      return `${tool} is not installed (Debian: apt-get install -y cmake build-essential libglib2.0-dev libzstd-dev)`;
  }
  if (spawnSync('sh', ['-c', 'pkg-config --exists glib-2.0']).status !== 0)
    return 'glib is not installed (Debian: apt-get install -y libglib2.0-dev libzstd-dev)';
  return undefined;
}

const isGitDir = (src) => existsSync(join(src, 'HEAD')) && existsSync(join(src, 'objects'));

/** The commit (or 'working tree') of the source, for the report. */
function sourceRevision(src) {
  const gitDir = isGitDir(src) ? src : existsSync(join(src, '.git')) ? join(src, '.git') : null;
  if (!gitDir) return 'working tree (no git)';
  return execFileSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
}

/** Copies the source into `dir` (a bare git dir by `git archive HEAD`, without data/). */
function copySource(src, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (isGitDir(src)) {
    const entries = execFileSync('git', ['--git-dir', src, 'ls-tree', '--name-only', 'HEAD'], { encoding: 'utf8' })
      .split('\n')
      .filter((e) => e && e !== 'data');
    // git may warn about blobs a partial mirror lacks elsewhere in the tree; the check below is what counts.
    execFileSync('sh', ['-c', 'git --git-dir="$0" archive HEAD "$@" 2>/dev/null | tar -x -C "$DEST"', src, ...entries], {
      env: { ...process.env, DEST: dir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } else {
    cpSync(src, dir, { recursive: true, filter: (p) => !/[/\\](\.git|data|_build|build)$/.test(p) });
  }
  if (!existsSync(join(dir, 'CMakeLists.txt')) || !existsSync(join(dir, 'libCacheSim/bin/cachesim/sim.c'))) {
    throw new Error(`libcachesim: ${src} is not libCacheSim's source (no CMakeLists.txt and libCacheSim/bin/cachesim/sim.c)`);
  }
}

/**
 * Builds libCacheSim's `cachesim` (Release, tests off) in `work`, unmodified and with the count line; reuses a
 * build of the same source. Returns the two binaries' paths and the source revision.
 */
export function buildLibCacheSim(src, work) {
  const revision = sourceRevision(src);
  const stampPath = join(work, 'stamp.json');
  const stock = join(work, 'cachesim');
  const count = join(work, 'cachesim-count');
  const stamp = { src, revision };
  if (existsSync(stampPath) && existsSync(stock) && existsSync(count) && readFileSync(stampPath, 'utf8') === JSON.stringify(stamp))
    return { stock, count, revision, reused: true };
  const code = join(work, 'src');
  const build = join(work, 'build');
  console.error(`libcachesim: building ${src} (${revision}) in ${work}`);
  copySource(src, code);
  rmSync(build, { recursive: true, force: true });
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
  execFileSync('cmake', ['-S', code, '-B', build, '-DCMAKE_BUILD_TYPE=Release', '-DENABLE_TESTS=OFF'], quiet);
  const jobs = String(Math.max(1, Math.min(4, os.cpus().length)));
  execFileSync('cmake', ['--build', build, '--target', 'cachesim', '-j', jobs], quiet);
  cpSync(join(build, 'bin/cachesim'), stock);
  const simC = join(code, 'libCacheSim/bin/cachesim/sim.c');
  const text = readFileSync(simC, 'utf8');
  if (!text.includes(COUNT_ANCHOR))
    throw new Error(`libcachesim: ${simC} has no line "${COUNT_ANCHOR.trim()}" to add the count after; this script knows libCacheSim's simulate() of 2024`);
  writeFileSync(simC, text.replace(COUNT_ANCHOR, `${COUNT_ANCHOR}\n${COUNT_LINE}`));
  execFileSync('cmake', ['--build', build, '--target', 'cachesim', '-j', jobs], quiet);
  cpSync(join(build, 'bin/cachesim'), count);
  writeFileSync(stampPath, JSON.stringify(stamp));
  return { stock, count, revision, reused: false };
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs `cmd args` in `cwd`: wall ms, CPU ms and peak RSS bytes (null without /usr/bin/time), and its stdout. */
function timed(cmd, args, cwd) {
  const usage = join(cwd, 'time.out');
  const argv = TIME ? [TIME, ['-o', usage, '-f', '%U %S %M', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(argv[0], argv[1], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
  if (!TIME) return { ms, cpuMs: null, maxRssBytes: null, stdout: r.stdout };
  const [user, sys, kib] = readFileSync(usage, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { ms, cpuMs: (user + sys) * 1000, maxRssBytes: kib * 1024, stdout: r.stdout };
}

/** libCacheSim reads "1GB" as 2^30 bytes (its KB/MB/GB are binary); a plain number is bytes. */
const libCacheSimSize = (bytes) => (bytes % 2 ** 30 === 0 ? `${bytes / 2 ** 30}GB` : bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20}MB` : String(bytes));
const ringSimSize = (bytes) => (bytes % 2 ** 30 === 0 ? `${bytes / 2 ** 30}GiB` : bytes % 2 ** 20 === 0 ? `${bytes / 2 ** 20}MiB` : String(bytes));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianOf = (runs, key) => (runs[0][key] === null ? null : median(runs.map((r) => r[key])));

/** The ring-sim and libCacheSim command lines for one policy and size. */
function commands(bin, trace, policy, bytes) {
  return {
    libCacheSim: [bin, [trace, 'oracleGeneral', policy, libCacheSimSize(bytes), '--report-interval=1000000000']],
    ringSim: [process.execPath, [CLI, 'cachesim', '--trace', trace, '--format', 'oracleGeneral', '--policy', policy, '--sizes', ringSimSize(bytes), '--json']],
  };
}

/** The counts of one run of each tool, and whether they are equal. */
function counts(count, trace, policy, bytes, cwd) {
  const c = commands(count, trace, policy, bytes);
  const out = timed(c.libCacheSim[0], c.libCacheSim[1], cwd).stdout;
  const line = out.split('\n').find((l) => l.startsWith(COUNT_MARK));
  if (!line) throw new Error(`libcachesim: no "${COUNT_MARK}" line in the count binary's output:\n${out}`);
  const [requests, misses, requestBytes, missBytes] = line.slice(COUNT_MARK.length).match(/\d+/g).map(Number);
  const r = JSON.parse(timed(c.ringSim[0], c.ringSim[1], cwd).stdout).results[0];
  const libCacheSim = { requests, misses, requestBytes, missBytes };
  const ringSim = { requests: r.requests, misses: r.misses, requestBytes: r.requestBytes, missBytes: r.missBytes };
  const equal = Object.keys(libCacheSim).every((k) => libCacheSim[k] === ringSim[k]);
  return { libCacheSim, ringSim, equal };
}

/**
 * Generates the trace (bench/gen-trace.js: Zipf 0.9 over 1,000,000 objects of 4-64 KiB) unless present, builds
 * libCacheSim, checks the counts and times both tools per policy and size.
 */
export async function compareWithLibCacheSim({
  src,
  work = process.env.LIBCACHESIM_WORK ?? join(os.tmpdir(), 'ring-sim-libcachesim'),
  requests = 10_000_000,
  sizes = [2 ** 30],
  policies = ['lru', 'fifo', 'sieve', 'lfu'],
  rounds = 5,
} = {}) {
  mkdirSync(work, { recursive: true });
  const { stock, count, revision } = buildLibCacheSim(src, work);
  const trace = join(work, `zipf-${requests}.oracleGeneral.bin`);
  if (!existsSync(trace) || statSync(trace).size !== requests * 24) {
    const { generateOracleTrace } = await import('./gen-trace.js');
    await generateOracleTrace(trace, requests);
  }
  const loadBefore = os.loadavg();
  const rows = [];
  for (const bytes of sizes) {
    for (const policy of policies) {
      const check = counts(count, trace, policy, bytes, work);
      const c = commands(stock, trace, policy, bytes);
      const lcs = [];
      const ours = [];
      for (let round = 0; round < rounds; round++) {
        const pair = [() => lcs.push(timed(c.libCacheSim[0], c.libCacheSim[1], work)), () => ours.push(timed(c.ringSim[0], c.ringSim[1], work))];
        if (round % 2) pair.reverse();
        for (const run of pair) run();
      }
      const summary = (runs) => ({
        ms: medianOf(runs, 'ms'),
        cpuMs: medianOf(runs, 'cpuMs'),
        maxRssBytes: medianOf(runs, 'maxRssBytes'),
        roundsMs: runs.map((r) => Math.round(r.ms)),
      });
      const row = { policy, bytes, libCacheSim: summary(lcs), ringSim: summary(ours), counts: check };
      row.wallRatio = row.ringSim.ms / row.libCacheSim.ms;
      rows.push(row);
      console.error(
        `libcachesim: ${policy} ${ringSimSize(bytes)}: libCacheSim ${(row.libCacheSim.ms / 1000).toFixed(2)} s, ring-sim ${(row.ringSim.ms / 1000).toFixed(2)} s (${row.wallRatio.toFixed(2)}x), counts equal ${check.equal}`,
      );
    }
  }
  return {
    revision,
    requests,
    rounds,
    trace: 'bench/gen-trace.js: Zipf 0.9 over 1,000,000 objects of 4-64 KiB',
    loadAverage: { before: loadBefore, after: os.loadavg() },
    libCacheSimCommand: `cachesim TRACE oracleGeneral POLICY ${libCacheSimSize(sizes[0])} --report-interval=1000000000`,
    ringSimCommand: `node dist/cli/main.js cachesim --trace TRACE --format oracleGeneral --policy POLICY --sizes ${ringSimSize(sizes[0])} --json`,
    rows,
  };
}

/** The section's Markdown lines for bench/RESULTS.md (and this script's own output). */
export function renderLibCacheSim(s, f = (x, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })) {
  const mib = (b) => (b === null ? 'n/a' : `${f(b / 2 ** 20)} MiB`);
  const sec = (ms) => (ms === null ? 'n/a' : f(ms / 1000, 2));
  const load = (l) => l.map((x) => x.toFixed(1)).join(', ');
  const lines = [
    `\`ring-sim cachesim\` against libCacheSim's \`cachesim\` (github.com/1a1a11a/libCacheSim at ${s.revision}, built from source by bench/libcachesim.js, Release, never committed) on the same generated oracleGeneral trace of ${f(s.requests)} requests (${s.trace}), one policy and size a process, both read from the file. Wall and CPU time are the whole process's; each figure is the median of ${s.rounds} interleaved rounds (libCacheSim first in even rounds, ring-sim first in odd). Counts: requests, misses, request bytes and miss bytes of ring-sim's \`--json\` against libCacheSim's simulate() loop (a build of the same source with one printf of its counters added). Peak RSS by /usr/bin/time; libCacheSim's includes the trace file, which it maps into memory. Load average (1, 5, 15 min) ${load(s.loadAverage.before)} before, ${load(s.loadAverage.after)} after, on a shared 2-core machine.`,
    '',
    `libCacheSim: \`${s.libCacheSimCommand}\`; ring-sim: \`${s.ringSimCommand}\`.`,
    '',
    '| policy | cache size | libCacheSim wall s | ring-sim wall s | ring-sim / libCacheSim | libCacheSim CPU s | ring-sim CPU s | misses (both) | counts equal | libCacheSim peak RSS | ring-sim peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  ];
  for (const r of s.rows) {
    lines.push(
      `| ${r.policy.toUpperCase()} | ${ringSimSize(r.bytes).replace(/(\d)([GM]iB)$/, '$1 $2')} | ${sec(r.libCacheSim.ms)} | ${sec(r.ringSim.ms)} | ${r.wallRatio.toFixed(2)}× | ${sec(r.libCacheSim.cpuMs)} | ${sec(r.ringSim.cpuMs)} | ${r.counts.equal ? f(r.counts.ringSim.misses) : `${f(r.counts.ringSim.misses)} vs ${f(r.counts.libCacheSim.misses)}`} | ${r.counts.equal ? 'yes' : '**NO**'} | ${mib(r.libCacheSim.maxRssBytes)} | ${mib(r.ringSim.maxRssBytes)} |`,
    );
  }
  lines.push(
    '',
    'Per-round wall ms (libCacheSim; ring-sim): ' +
      s.rows.map((r) => `${r.policy.toUpperCase()} ${r.libCacheSim.roundsMs.join(', ')}; ${r.ringSim.roundsMs.join(', ')}`).join(' · ') +
      '.',
    '',
  );
  lines.push(
    "Target (issue 16): FIFO and SIEVE at most 1.00× libCacheSim's wall time with identical miss counts; LRU kept. When issue 16 was filed, ring-sim took 1.06× (LRU), 1.17× (FIFO), 1.33× (SIEVE) and 0.69× (LFU) libCacheSim's wall time on such a trace; since then its index cells hold each key's hash beside the slot (a probe reads one cache line, a deletion rehashes nothing), a plain trace file is read synchronously into one reused buffer and decoded as 32-bit words, and the CLI loads only the command it runs. (For comparison, libCacheSim's `cachesim` keeps objects in a chained hash table of 2^24 buckets and allocates each cached object; where its time goes was not profiled here.)",
    '',
  );
  return lines;
}

async function main() {
  const argv = process.argv.slice(2);
  const valueOf = (flag) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const src = libCacheSimSource(argv);
  const missing = missingForLibCacheSim(src);
  if (missing) {
    console.error(`libcachesim: skipped: ${missing}`);
    return;
  }
  const sizeOf = (t) => {
    const m = /^(\d+)(GiB|MiB)?$/i.exec(t);
    if (!m) throw new Error(`--sizes ${t}: write whole GiB or MiB, e.g. 1GiB,512MiB`);
    return Number(m[1]) * (m[2] ? (m[2].toLowerCase() === 'gib' ? 2 ** 30 : 2 ** 20) : 1);
  };
  const s = await compareWithLibCacheSim({
    src,
    requests: Number(valueOf('--requests') ?? 10_000_000),
    rounds: Number(valueOf('--rounds') ?? 5),
    sizes: (valueOf('--sizes') ?? '1GiB').split(',').map(sizeOf),
    policies: (valueOf('--policies') ?? 'lru,fifo,sieve,lfu').split(','),
  });
  console.log(renderLibCacheSim(s).join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
