/**
 * Fuzzing every input parser (issue 17): seeded fast-check properties asserting that a parser returns, or throws
 * a RingSimError whose message is one line: never another exception, never a hang.
 *
 * The suite runs a few hundred inputs a parser (RING_SIM_FUZZ_RUNS, default 200). The long run is
 *   RING_SIM_FUZZ_RUNS=100000 npx vitest run test/fuzz/parsers.fuzz.test.ts
 * (docs/reliability.md). The seed is fixed, so a failure reproduces; RING_SIM_FUZZ_SEED changes it. A long run
 * prints its progress to stderr every 5 s: inputs done of the total, the rate and the time left, for each parser.
 */
import { InvalidArgumentError } from 'commander';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, it } from 'vitest';
import { parseAlluxioSize } from '../../src/capacity/alluxio-size.js';
import { parseQuantity } from '../../src/capacity/quantity.js';
import { RingSimError } from '../../src/core/errors.js';
import { parseWorkers } from '../../src/cli/workers-file.js';
import { parseCacheSize } from '../../src/cli/sizes.js';
import { parseEtcdJson } from '../../src/membership/etcd-json.js';
import { parseManifest } from '../../src/plan/manifest.js';
import { parseScenario } from '../../src/sim/scenario.js';
import { TRACE_FORMATS, bytesTraceSource, traceBatches, type TraceFormat } from '../../src/sim/trace/index.js';

const RUNS = Number(process.env.RING_SIM_FUZZ_RUNS ?? 200);
const SEED = Number(process.env.RING_SIM_FUZZ_SEED ?? 17);
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
const TIMEOUT = Math.max(60_000, RUNS * 20);
const PROGRESS_EVERY_MS = 5_000;

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * `check`, counting its calls: at most every 5 s one stderr line such as
 * `fuzz parseManifest: 12,000 of 100,000 inputs, 2,400 inputs/s, about 41 s left`. A default run (200 inputs a
 * parser) ends before the first line.
 */
function withProgress<A extends unknown[], R>(parser: string, check: (...args: A) => R): (...args: A) => R {
  const start = Date.now();
  let done = 0;
  let last = start;
  return (...args: A): R => {
    done += 1;
    const now = Date.now();
    if (now - last >= PROGRESS_EVERY_MS) {
      last = now;
      const rate = done / ((now - start) / 1000);
      const left = Math.max(0, RUNS - done) / rate;
      process.stderr.write(`fuzz ${parser}: ${count(done)} of ${count(RUNS)} inputs, ${count(rate)} inputs/s, about ${count(left)} s left\n`);
    }
    return check(...args);
  };
}

/** Passes when `e` is a RingSimError with a one-line message; rethrows anything else. */
function cleanFailure(e: unknown): void {
  if (!(e instanceof RingSimError)) throw e;
  if (/[\n\r]/.test(e.message)) throw new Error(`a RingSimError over several lines: ${JSON.stringify(e.message)}`);
}
const returnsOrRefuses = (fn: () => unknown): void => {
  try {
    fn();
  } catch (e) {
    cleanFailure(e);
  }
};

// Text arbitraries: random strings, strings over a parser's own alphabet, and structured near-misses.
const anyText = fc.string({ unit: 'binary', maxLength: 64 });
const over = (alphabet: string, maxLength = 40) => fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength });
const quantityText = fc.oneof(
  anyText,
  over('0123456789.+-eEinumkKMGTP '),
  fc
    .tuple(fc.integer(), fc.constantFrom('', 'Ki', 'Gi', 'G', 'e', 'e-', 'E9', 'm', 'n'), fc.integer({ min: -3_000_000_000, max: 3_000_000_000 }))
    .map(([a, s, e]) => `${a}${s}${s.startsWith('e') || s.startsWith('E') ? e : ''}`),
);
const sizeText = fc.oneof(anyText, over('0123456789.+-eExXpP kKmMgGtTbBiI '));
// Keys that have bitten JavaScript parsers before: Object.prototype's own names.
const protoKey = fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'prototype');
const key = fc.oneof(
  fc.string({ maxLength: 8 }),
  protoKey,
  fc.constantFrom('apiVersion', 'kind', 'spec', 'worker', 'count', 'pagestore', 'size', 'cluster', 'workload', 'events'),
);
const leaf = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), quantityText);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ maxDepth: 4 }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 5 })),
})).node;
const yamlText = (template: Record<string, unknown>) =>
  fc.oneof(
    anyText,
    over('-:[]{}&*!|>\'"#%@` \n\t,?abc01'),
    tree.map((t) => stringify(t)),
    // The template with one field replaced by something random, at a random path.
    fc.tuple(fc.array(key, { minLength: 1, maxLength: 4 }), tree).map(([path, value]) => stringify(setPath(structuredClone(template), path, value))),
  );

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  let o: Record<string, unknown> = obj;
  for (const k of path.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
    if (next === null || typeof next !== 'object') Object.defineProperty(o, k, { value: {}, enumerable: true, writable: true, configurable: true });
    o = o[k] as Record<string, unknown>;
  }
  Object.defineProperty(o, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return obj;
}

const MANIFEST = {
  apiVersion: 'k8s-operator.alluxio.com/v1',
  kind: 'AlluxioCluster',
  metadata: { name: 'a' },
  spec: {
    properties: { 'alluxio.user.dynamic.consistent.hash.ring.enabled': 'false' },
    worker: { count: 2, pagestore: { size: '100Gi', reservedSize: '10Gi' } },
  },
};
const SCENARIO = {
  name: 'x',
  cluster: { workerGroups: [{ name: 'a', count: 2, pagestore: { size: '1Gi' } }] },
  workload: { type: 'uniform', files: 10, requests: 100 },
  events: [{ at: 10, action: 'stop-worker', worker: 0 }],
};

describe(`parsers under fuzzing (${RUNS} inputs each, seed ${SEED})`, () => {
  it(
    'parseQuantity',
    () => {
      fc.assert(
        fc.property(
          quantityText,
          withProgress('parseQuantity', (t: string) => returnsOrRefuses(() => parseQuantity(t).value())),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'parseAlluxioSize',
    () => {
      fc.assert(
        fc.property(
          sizeText,
          withProgress('parseAlluxioSize', (t: string) => returnsOrRefuses(() => parseAlluxioSize(t))),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'cache sizes (cachesim --sizes)',
    () => {
      // Commander's InvalidArgumentError is the CLI's one-line refusal for option values.
      fc.assert(
        fc.property(
          sizeText,
          withProgress('cache sizes', (t: string) => {
            try {
              parseCacheSize(t);
            } catch (e) {
              if (!(e instanceof InvalidArgumentError) || /\n/.test(e.message)) throw e;
            }
          }),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'parseManifest',
    () => {
      fc.assert(
        fc.property(
          yamlText(MANIFEST),
          withProgress('parseManifest', (t: string) => returnsOrRefuses(() => parseManifest(t, 'm.yaml'))),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'parseScenario',
    () => {
      fc.assert(
        fc.property(
          yamlText(SCENARIO),
          withProgress('parseScenario', (t: string) => returnsOrRefuses(() => parseScenario(t, 's.yaml'))),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'parseWorkers (text lines and JSON)',
    () => {
      const json = tree.map((t) => JSON.stringify(Array.isArray(t) ? t : [t]));
      fc.assert(
        fc.property(
          fc.oneof(anyText, over('abc123 .-#\n\t[]{}":,'), json),
          withProgress('parseWorkers', (t: string) => returnsOrRefuses(() => parseWorkers(t, 'w.txt'))),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'parseEtcdJson (etcdctl -w json exports)',
    () => {
      const kv = fc.record(
        { key: fc.base64String(), value: fc.oneof(fc.base64String(), fc.string()), lease: fc.oneof(fc.integer(), fc.string()) },
        { requiredKeys: [] },
      );
      const doc = fc.oneof(
        tree.map((t) => JSON.stringify(t)),
        fc.array(kv, { maxLength: 4 }).map((kvs) => JSON.stringify({ header: {}, kvs, count: kvs.length })),
      );
      fc.assert(
        fc.property(
          fc.oneof(anyText, doc),
          withProgress('parseEtcdJson', (t: string) => returnsOrRefuses(() => parseEtcdJson(t, 'e.json'))),
        ),
        params,
      );
    },
    TIMEOUT,
  );

  for (const format of TRACE_FORMATS as readonly TraceFormat[]) {
    it(
      `trace format ${format} (bytesTraceSource)`,
      async () => {
        const text = fc.oneof(
          over('0123456789abc,|:\t\n\r" -x.'),
          fc
            .array(fc.tuple(fc.integer(), fc.string({ maxLength: 6 }), fc.nat(), fc.constantFrom('get', 'set', 'gets')), { maxLength: 8 })
            .map((rows) => rows.map((r) => `${r[0]},${r[1]},${r[2]},${r[2]},1,${r[3]},0`).join('\n')),
        );
        const bytes = fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          text.map((t) => new TextEncoder().encode(t)),
        );
        const options = fc.record({
          idCol: fc.integer({ min: 0, max: 4 }),
          timeCol: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
          sizeCol: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
          idIsNum: fc.boolean(),
        });
        await fc.assert(
          fc.asyncProperty(
            bytes,
            options,
            withProgress(`trace format ${format}`, async (b: Uint8Array, o: { idCol: number; timeCol?: number; sizeCol?: number; idIsNum: boolean }) => {
              try {
                for await (const batch of traceBatches(bytesTraceSource('t', b), format, o)) void batch.length;
              } catch (e) {
                cleanFailure(e);
              }
            }),
          ),
          params,
        );
      },
      TIMEOUT,
    );
  }
});
