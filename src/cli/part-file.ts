/**
 * A shard's part file (`simulate --shard I/N --json PART`, read by `ring-sim merge`): one line of JSON, the part
 * (`SimulationPart`) with a last member `"checksum":"sha256:…"`, the SHA-256 of the text before it (closed by
 * `}`). A part cut short (a full disk, a copy that broke off) has no checksum at its end; a part changed after it
 * was written has a checksum that does not match: both are refused with one line, so the merge never adds up
 * half a shard.
 */
import { createHash } from 'node:crypto';
import { RingSimError } from '../core/errors.js';
import { PART_FORMAT, PART_VERSION, scenarioDigest, TRACE_DIGEST, type SimulationPart } from '../sim/part.js';
import { readTextFile } from './input-file.js';

/** Largest part file: a part holds every window's per-worker page requests, so it can be large. */
export const MAX_PART_FILE_BYTES = 512 * 2 ** 20;

const CHECKSUM = /,"checksum":"sha256:([0-9a-f]{64})"\}\n?$/;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The part's file text: its JSON and the checksum of it. */
export function partText(part: SimulationPart): string {
  const body = JSON.stringify(part);
  return `${body.slice(0, -1)},"checksum":"sha256:${sha256(body)}"}\n`;
}

/** The part `text` holds (read from `path`), checked whole and unchanged and of the shape a part has. */
export function parsePart(text: string, path: string): SimulationPart {
  const m = CHECKSUM.exec(text);
  if (!m)
    throw new RingSimError(
      path,
      undefined,
      'is not a whole part: it does not end in the checksum a part ends in (cut short, or not a part)',
      'run that shard again (simulate --shard I/N --json PART) and merge its new part',
    );
  const body = `${text.slice(0, m.index)}}`;
  if (sha256(body) !== m[1])
    throw new RingSimError(path, undefined, 'is corrupt: its checksum does not match its content', 'run that shard again and merge its new part');
  let part: SimulationPart;
  try {
    part = JSON.parse(body) as SimulationPart;
  } catch {
    throw new RingSimError(path, undefined, 'is corrupt: not JSON', 'run that shard again and merge its new part');
  }
  checkShape(part, path);
  return part;
}

function checkShape(p: SimulationPart, path: string): void {
  const fail = (field: string, value: unknown, problem: string): never => {
    throw new RingSimError(`${path}: ${field}`, value, problem, 'merge parts written by simulate --shard I/N --json PART');
  };
  if (p === null || typeof p !== 'object') fail('format', p, 'not a ring-sim part');
  if (p.format !== PART_FORMAT) fail('format', p.format, `not a ring-sim part (${PART_FORMAT})`);
  if (p.version !== PART_VERSION) fail('version', p.version, `this ring-sim reads part version ${PART_VERSION}`);
  if (!Number.isInteger(p.shards) || p.shards < 1 || !Number.isInteger(p.shard) || p.shard < 0 || p.shard >= p.shards)
    fail('shard', `${p.shard}/${p.shards}`, 'not a shard I/N with I from 0 to N - 1');
  if (typeof p.ringSim !== 'string') fail('ringSim', p.ringSim, 'not a version');
  if (scenarioDigest(p.scenario) !== p.scenarioDigest) fail('scenarioDigest', p.scenarioDigest, 'does not match the scenario the part holds');
  if (p.traceDigest !== null && (typeof p.traceDigest !== 'string' || !TRACE_DIGEST.test(p.traceDigest)))
    fail('traceDigest', p.traceDigest, 'not null or sha256: and 64 hex digits');
  const trace = (p.scenario.workload as { type?: unknown } | undefined)?.type === 'trace';
  if ((p.traceDigest === null) === trace)
    fail('traceDigest', p.traceDigest, p.traceDigest === null ? "a trace workload's part has no digest of the trace" : 'a synthetic workload has no trace');
  const results = (r: unknown): boolean =>
    Array.isArray(r) &&
    r.length > 0 &&
    r.every(
      (x) => x !== null && typeof x === 'object' && Array.isArray((x as { steps?: unknown }).steps) && typeof (x as { final?: unknown }).final === 'object',
    );
  if (!results(p.run)) fail('run', undefined, "not the results of a shard's run");
  if (p.baseline !== null && !results(p.baseline)) fail('baseline', undefined, "not the results of a shard's baseline run");
  if (typeof p.baselineReported !== 'boolean') fail('baselineReported', p.baselineReported, 'not true or false');
}

/** Reads and checks the part at `path`. */
export function readPartFile(path: string): SimulationPart {
  return parsePart(readTextFile(path, path, MAX_PART_FILE_BYTES), path);
}
