/**
 * Reads a workers file: one worker a line (`id [weight] [zone]`, `#` comments), or a JSON array of worker ids,
 * `{id, weight?, zone?}` objects, or Alluxio identities `{version, identifier}`.
 */
import { RingSimError } from '../core/errors.js';
import { identityFromJSON, identityToString } from '../ring/alluxio/identity.js';
import type { Worker } from '../ring/worker.js';

/** Reading files lives in input-file.ts; re-exported for code written before it moved. */
export { readTextFile } from './input-file.js';

/** Most workers a workers file may list (as many as `compare --count` allows). */
export const MAX_WORKERS = 1_000_000;

function tooMany(source: string): never {
  throw new RingSimError('--workers', source, `more than ${MAX_WORKERS.toLocaleString('en-US')} workers (the limit for --workers)`, 'list fewer workers');
}

export function parseWorkers(text: string, source: string): Worker[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return parseWorkersJSON(trimmed, source);
  const workers: Worker[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const where = `${source}:${i + 1}`;
    const parts = line.split(/\s+/);
    if (parts.length > 3) {
      throw new RingSimError(where, line, 'a worker line has at most three fields', 'write "id [weight] [zone]"');
    }
    if (workers.length === MAX_WORKERS) tooMany(source);
    const w: Worker = { id: parts[0] };
    if (parts[1] !== undefined) {
      const weight = Number(parts[1]);
      if (parts[1] === '' || !Number.isFinite(weight) || weight <= 0) {
        throw new RingSimError(`${where} weight`, parts[1], 'a weight must be a positive finite number', 'write e.g. "worker-1 2"');
      }
      w.weight = weight;
    }
    if (parts[2] !== undefined) w.zone = parts[2];
    workers.push(w);
  });
  if (workers.length === 0) {
    throw new RingSimError(source, '', 'the workers file lists no workers', 'write one worker a line: "id [weight] [zone]"');
  }
  return workers;
}

function parseWorkersJSON(text: string, source: string): Worker[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new RingSimError(source, text.slice(0, 40), `not valid JSON (${(e as Error).message})`, 'write a JSON array of workers');
  }
  if (!Array.isArray(data)) throw new RingSimError(source, data, 'not a JSON array', 'write a JSON array of workers');
  if (data.length > MAX_WORKERS) tooMany(source);
  if (data.length === 0) throw new RingSimError(source, '', 'the workers file lists no workers', 'write a JSON array of worker ids');
  return data.map((item: unknown, i: number): Worker => {
    const where = `${source}[${i}]`;
    if (typeof item === 'string') {
      if (item === '') throw new RingSimError(where, item, 'a worker id is a non-empty string', 'write "worker-1"');
      return { id: item };
    }
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const o = item as Record<string, unknown>;
      if ('identifier' in o && !('id' in o)) {
        return { id: identityToString(identityFromJSON(o as { version: number; identifier: string }, where)) };
      }
      if (typeof o.id !== 'string' || o.id === '') throw new RingSimError(`${where}.id`, o.id, 'a worker id is a non-empty string', 'write {"id": "worker-1"}');
      const w: Worker = { id: o.id };
      if (o.weight !== undefined) {
        if (typeof o.weight !== 'number' || !Number.isFinite(o.weight) || o.weight <= 0)
          throw new RingSimError(`${where}.weight`, o.weight, 'a weight must be a positive finite number', 'write {"id": "worker-1", "weight": 2}');
        w.weight = o.weight;
      }
      if (o.zone !== undefined) {
        if (typeof o.zone !== 'string') throw new RingSimError(`${where}.zone`, o.zone, 'a zone is a string', 'write {"id": "worker-1", "zone": "us-east-1a"}');
        w.zone = o.zone;
      }
      return w;
    }
    throw new RingSimError(where, item, 'a worker is a string or an object with an id', 'write "worker-1" or {"id": "worker-1"}');
  });
}

/** `count` workers named `worker-host-001` …, weights cycling through `weights`. */
export function syntheticWorkers(count: number, weights: readonly number[] = [1]): Worker[] {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => ({
    id: `worker-host-${String(i + 1).padStart(Math.max(3, width), '0')}`,
    weight: weights[i % weights.length],
  }));
}
