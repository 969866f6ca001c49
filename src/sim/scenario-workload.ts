/**
 * A scenario's `workload` field: a synthetic workload (uniform, zipf, training, hotset) with its file sizes, or a
 * trace.
 */
import { TRACE_FORMATS } from './trace/index.js';
import type { ScenarioReader } from './scenario-reader.js';
import type { FileSizeSpec, WorkloadSpec } from './scenario-types.js';

/** workload: a synthetic one (uniform, zipf, training, hotset) or a trace. */
export function readWorkload(r: ScenarioReader, value: unknown): WorkloadSpec {
  const w = r.object(value, 'workload', [
    'type',
    'files',
    'fileSize',
    'requests',
    'alpha',
    'epochs',
    'jobs',
    'shuffle',
    'hotFraction',
    'hotProbability',
    'shiftEvery',
    'path',
    'format',
    'objectSize',
    'csv',
  ]);
  const type = r.choice(w.type, 'workload.type', ['uniform', 'zipf', 'training', 'hotset', 'trace'] as const);
  let workload: WorkloadSpec;
  const files = (): number => r.int(w.files, 'workload.files', 1, 100_000_000);
  const requests = (): number => r.int(w.requests, 'workload.requests', 1);
  switch (type) {
    case 'uniform':
      workload = { type, files: files(), fileSize: fileSize(r, w.fileSize, 'workload.fileSize'), requests: requests() };
      break;
    case 'zipf':
      workload = {
        type,
        files: files(),
        alpha: r.num(w.alpha, 'workload.alpha', 0, 5, 0.99),
        fileSize: fileSize(r, w.fileSize, 'workload.fileSize'),
        requests: requests(),
      };
      break;
    case 'training':
      workload = {
        type,
        files: files(),
        fileSize: fileSize(r, w.fileSize, 'workload.fileSize'),
        epochs: r.int(w.epochs, 'workload.epochs', 1, 100_000, 1),
        jobs: r.int(w.jobs, 'workload.jobs', 1, 1000, 1),
        shuffle: r.bool(w.shuffle, 'workload.shuffle', true),
      };
      break;
    case 'hotset':
      workload = {
        type,
        files: files(),
        fileSize: fileSize(r, w.fileSize, 'workload.fileSize'),
        requests: requests(),
        hotFraction: r.num(w.hotFraction, 'workload.hotFraction', 1e-9, 1, 0.1),
        hotProbability: r.num(w.hotProbability, 'workload.hotProbability', 0, 1, 0.9),
        shiftEvery: r.int(w.shiftEvery, 'workload.shiftEvery', 1, Number.MAX_SAFE_INTEGER, 100_000),
      };
      break;
    case 'trace': {
      const csv = w.csv === undefined ? undefined : r.object(w.csv, 'workload.csv', ['timeCol', 'idCol', 'sizeCol', 'delimiter', 'hasHeader', 'idIsNum']);
      workload = {
        type,
        path: r.str(w.path, 'workload.path'),
        format: r.choice(w.format, 'workload.format', TRACE_FORMATS),
        objectSize: w.objectSize === undefined ? undefined : r.quantity(w.objectSize, 'workload.objectSize'),
        csv: csv as never,
        requests: w.requests === undefined ? undefined : requests(),
      };
      break;
    }
  }
  return workload;
}

/** A file size: one size, or a uniform or lognormal distribution (default 64 MiB). */
function fileSize(r: ScenarioReader, v: unknown, path: string): FileSizeSpec {
  if (v === undefined) return { kind: 'fixed', bytes: 64 * 2 ** 20 };
  if (typeof v === 'string' || typeof v === 'number') return { kind: 'fixed', bytes: Math.max(1, r.quantity(v, path)) };
  const o = r.object(v, path, ['distribution', 'min', 'max', 'mean', 'sd']);
  const kind = r.choice(o.distribution, `${path}.distribution`, ['fixed', 'uniform', 'lognormal'] as const);
  if (kind === 'uniform') {
    const min = r.quantity(o.min, `${path}.min`);
    const max = r.quantity(o.max, `${path}.max`);
    if (min < 1 || max < min) r.fail(`${path}.max`, o.max, 'must be at least min (and min at least 1 byte)', 'write min <= max');
    return { kind, min, max };
  }
  if (kind === 'lognormal') {
    const mean = r.quantity(o.mean, `${path}.mean`);
    const sd = r.quantity(o.sd, `${path}.sd`, 0);
    const min = r.quantity(o.min, `${path}.min`, 1);
    const max = r.quantity(o.max, `${path}.max`, mean * 100);
    if (mean < 1) r.fail(`${path}.mean`, o.mean, 'must be at least 1 byte', 'write e.g. mean: 2.8Mi');
    return { kind, mean, sd, min: Math.max(1, min), max };
  }
  return { kind: 'fixed', bytes: Math.max(1, r.quantity(o.mean ?? o.min, `${path}.mean`)) };
}
