import type { Command } from 'commander';
import { EVICTION_POLICIES } from '../../pagestore/eviction/index.js';
import { cacheSim, type CacheSize } from '../../sim/cachesim.js';
import { TRACE_FORMATS, parseTraceFormat, type TraceFormat } from '../../sim/trace/index.js';
import { renderCacheSimText } from '../../report/cachesim.js';
import { jsonText } from '../../report/json.js';
import { fileTraceSource } from '../trace-file.js';
import type { Io } from '../io.js';
import { JSON_OPTION, checkJsonPath, reportOutputs } from '../json-option.js';
import { writeOutputs } from '../output-file.js';
import { choiceOption, integerOption, listOption } from '../options.js';
import { cacheSizeTexts, hasUnit, parseCacheSize, parseObjectSize } from '../sizes.js';
import { RingSimError } from '../../core/errors.js';
import { sampleOption } from '../sample-option.js';

interface CachesimFlags {
  trace?: string;
  format?: TraceFormat;
  policy: string[];
  sample?: number;
  sizes?: Array<{ text: string; size: CacheSize }>;
  ignoreObjSize?: boolean;
  json?: string | boolean;
  timeCol?: number;
  idCol?: number;
  sizeCol?: number;
  delimiter?: string;
  header?: boolean;
  idIsNum?: boolean;
  traceOptions?: string;
  objectSize?: number;
  keepZeroSize?: boolean;
  metadataBytes?: number;
}

/** libCacheSim's `-t "time-col=2, obj-id-col=5, obj-size-col=4, delimiter=,, has-header=true"`. */
export function parseLibCacheSimTraceOptions(text: string): Partial<CachesimFlags> {
  const out: Partial<CachesimFlags> = {};
  const parts = text.split(/,\s*(?=[a-z-]+=)/);
  for (const part of parts) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new RingSimError('--trace-options', part, 'expected key=value', 'write e.g. "time-col=2, obj-id-col=5, obj-size-col=4"');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    const col = (): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new RingSimError(`--trace-options ${key}`, value, 'a column number counts from 1', 'write e.g. obj-id-col=2');
      return n;
    };
    const bool = (): boolean => /^(true|1|yes)$/i.test(value);
    switch (key) {
      case 'time-col':
      case 'time-field':
        out.timeCol = col();
        break;
      case 'obj-id-col':
      case 'obj-id-field':
        out.idCol = col();
        break;
      case 'obj-size-col':
      case 'obj-size-field':
      case 'size-col':
      case 'size-field':
        out.sizeCol = col();
        break;
      case 'delimiter':
        out.delimiter = value === '\\t' ? '\t' : value;
        break;
      case 'has-header':
      case 'header':
        out.header = bool();
        break;
      case 'obj-id-is-num':
        out.idIsNum = bool();
        break;
      default:
        throw new RingSimError('--trace-options', key, 'unknown trace option', 'use time-col, obj-id-col, obj-size-col, delimiter, has-header, obj-id-is-num');
    }
  }
  return out;
}

/** A byte size (one with a unit) given where cache sizes count objects. */
function byteSizeOnObjects(text: string, why: string): RingSimError {
  return new RingSimError(
    '--sizes',
    text,
    `is a byte size, but ${why}, so cache sizes are numbers of objects`,
    'give a number of objects (e.g. 1000), a fraction of the working set (0.1), or --object-size for a trace without sizes',
  );
}

export function registerCachesim(program: Command, io: Io): void {
  program
    .command('cachesim')
    .description('miss-ratio curve of one cache over a trace (libCacheSim-compatible)')
    .option('--trace <file>', 'trace file (plain, gzip or xz)')
    .option('--format <format>', `trace format: ${TRACE_FORMATS.join(', ')}`, (v: string) => parseTraceFormat(v))
    .option(
      '--policy <list>',
      `eviction policies, in any case: ${EVICTION_POLICIES.join(', ')}`,
      listOption('--policy', (v: string) => choiceOption('--policy', EVICTION_POLICIES)(v.toLowerCase())),
      ['lru'],
    )
    .option(
      '--sizes <list>',
      "cache sizes, e.g. 128MiB,256MiB,1Gi (libCacheSim's binary units, or Kubernetes quantities); a value with a dot and no unit is a fraction of the working set (0.1, 1.0); 1 is one byte (one object with --ignore-obj-size)",
      (v: string) => cacheSizeTexts(v).map((text) => ({ text, size: parseCacheSize(text) })),
    )
    .option('--ignore-obj-size', 'count every object as size 1: sizes are numbers of objects')
    .option('--time-col <n>', 'csv: 1-based time column', integerOption('--time-col', 1, 1000))
    .option('--id-col <n>', 'csv: 1-based object id column', integerOption('--id-col', 1, 1000))
    .option('--size-col <n>', 'csv: 1-based object size column', integerOption('--size-col', 1, 1000))
    .option('--delimiter <c>', 'csv: field delimiter (detected when absent)')
    .option('--header', 'csv: the first line is a header (detected when absent)')
    .option('--no-header', 'csv: the first line is data')
    .option('--id-is-num', 'csv/txt: object ids are numbers (strtoull), not strings')
    .option('--trace-options <text>', 'libCacheSim -t syntax, e.g. "time-col=2, obj-id-col=5, obj-size-col=4, has-header=true"')
    .option('--object-size <size>', 'cache2k: bytes of every request, e.g. 4096, 4MiB or 4Mi', parseObjectSize)
    .option('--keep-zero-size', 'keep zero-size requests (libCacheSim skips them)')
    .option('--metadata-bytes <n>', 'metadata bytes counted per cached object (libCacheSim obj_md_size)', integerOption('--metadata-bytes', 0, 1 << 20), 0)
    .option('--sample <rate>', 'replay only this fraction of the objects (spatial hash sampling, SHARDS), caches scaled to it, e.g. 0.05', sampleOption)
    .option(...JSON_OPTION)
    .addHelpText(
      'after',
      `
Example:
  ring-sim cachesim --trace ../shared/traces/cloudPhysicsIO.oracleGeneral.bin --format oracleGeneral \\
    --policy lru,fifo --sizes 128MiB,256MiB,384MiB,512MiB`,
    )
    .action(async (flags: CachesimFlags) => {
      checkJsonPath(flags.json);
      if (flags.trace === undefined) throw new RingSimError('--trace', undefined, 'no trace given', 'pass --trace FILE');
      if (!flags.format) throw new RingSimError('--format', undefined, 'no trace format given', `pass --format, one of ${TRACE_FORMATS.join(', ')}`);
      if (!flags.sizes) throw new RingSimError('--sizes', undefined, 'no cache sizes given', 'pass e.g. --sizes 128MiB,256MiB');
      const withUnit = flags.sizes.find((s) => hasUnit(s.text));
      if (flags.ignoreObjSize && withUnit) throw byteSizeOnObjects(withUnit.text, 'with --ignore-obj-size every object counts as 1');
      const extra = flags.traceOptions ? parseLibCacheSimTraceOptions(flags.traceOptions) : {};
      const f = { ...flags, ...extra };
      const progress = io.progress?.('requests');
      const report = await cacheSim({
        trace: fileTraceSource(flags.trace),
        format: flags.format,
        traceOptions: {
          timeCol: f.timeCol,
          idCol: f.idCol,
          sizeCol: f.sizeCol,
          delimiter: f.delimiter,
          hasHeader: f.header,
          idIsNum: f.idIsNum,
          objectSize: f.objectSize,
          keepZeroSize: f.keepZeroSize,
        },
        policies: flags.policy,
        sizes: flags.sizes.map((s) => s.size),
        ignoreObjectSize: flags.ignoreObjSize,
        objectMetadataBytes: flags.metadataBytes,
        onProgress: progress?.update,
        sample: flags.sample,
      });
      progress?.done();
      if (report.requests === 0)
        throw new RingSimError(
          '--trace',
          flags.trace,
          'the trace holds no requests, so it has no miss ratio',
          'check the file and --format (zero-size requests are skipped unless --keep-zero-size)',
        );
      if (report.unit === 'objects' && withUnit) throw byteSizeOnObjects(withUnit.text, `this ${flags.format} trace has no object sizes`);
      writeOutputs(
        reportOutputs(
          flags.json,
          () => jsonText(report),
          () => renderCacheSimText(report),
        ),
        io,
      );
    });
}
