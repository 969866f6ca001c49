/**
 * etcd's JSON for a range read: what `etcdctl --endpoints URL get --prefix "" -w json` prints (an export) and what the v3 JSON
 * gateway's `/v3/kv/range` answers. Keys and values are base64; counters are numbers in etcdctl's output and
 * strings in the gateway's. Read best-effort: a missing `kvs` is an empty listing, a pair without a value has
 * an empty one; what cannot be read is named by its JSON path or byte offset.
 */
import { RingSimError } from '../core/errors.js';
import { jsonErrorOffset } from '../core/json-offset.js';
import { utf8Bytes } from '../hash/utf8.js';
import { decodeBase64 } from './base64.js';
import type { KeyValue } from './etcd-source.js';

const EXPORT_FIX = 'export with: etcdctl --endpoints URL get --prefix "" -w json > FILE';
const utf8 = new TextDecoder('utf-8');

/** Where JSON.parse failed on `text`, as a byte offset in the file (`base` is where `text` starts). */
function failureOffset(text: string, base: number): string {
  const at = jsonErrorOffset(text) ?? text.length;
  return `not JSON at byte offset ${base + utf8Bytes(text.slice(0, at)).length}${at >= text.length ? ' (it ends too early)' : ''}`;
}

function bytesAt(value: unknown, path: string, source: string): Uint8Array {
  const bytes = typeof value === 'string' ? decodeBase64(value) : null;
  if (!bytes) throw new RingSimError(`${source}: ${path}`, value, 'not base64 as etcd writes keys and values', EXPORT_FIX);
  return bytes;
}

/** The pairs of one parsed range response; `path` prefixes JSON paths in messages. */
function pairsOf(doc: unknown, path: string, source: string): KeyValue[] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new RingSimError(`${source}: ${path || '$'}`, doc, 'not an etcd range response (a JSON object with "kvs")', EXPORT_FIX);
  }
  const kvs = (doc as { kvs?: unknown }).kvs;
  if (kvs === undefined) return [];
  if (!Array.isArray(kvs)) throw new RingSimError(`${source}: ${path}kvs`, kvs, 'not an array', EXPORT_FIX);
  return kvs.map((item: unknown, i: number): KeyValue => {
    const at = `${path}kvs[${i}]`;
    if (item === null || typeof item !== 'object') throw new RingSimError(`${source}: ${at}`, item, 'not a key/value object', EXPORT_FIX);
    const o = item as { key?: unknown; value?: unknown };
    const key = utf8.decode(bytesAt(o.key, `${at}.key`, source));
    const value = o.value === undefined ? new Uint8Array(0) : bytesAt(o.value, `${at}.value`, source);
    return { key, value };
  });
}

/**
 * The pairs in an export: one range response, or several (one a line, as `>>` appends them). Throws a
 * RingSimError naming the byte offset or JSON path of the first thing that cannot be read.
 */
export function parseEtcdJson(text: string, source: string): KeyValue[] {
  if (text.trim() === '') throw new RingSimError(source, '', 'the export is empty', EXPORT_FIX);
  try {
    return pairsOf(JSON.parse(text), '', source);
  } catch (whole) {
    if (whole instanceof RingSimError) throw whole;
    const lines = text.split('\n');
    if (lines.filter((l) => l.trim() !== '').length < 2) throw new RingSimError(source, undefined, failureOffset(text, 0), EXPORT_FIX);
    const out: KeyValue[] = [];
    let offset = 0;
    lines.forEach((line, n) => {
      if (line.trim() !== '') {
        let doc: unknown;
        try {
          doc = JSON.parse(line);
        } catch {
          throw new RingSimError(`${source}:${n + 1}`, undefined, failureOffset(line, offset), EXPORT_FIX);
        }
        out.push(...pairsOf(doc, `[line ${n + 1}].`, source));
      }
      offset += utf8Bytes(line).length + 1;
    });
    return out;
  }
}
