/**
 * Delimited text traces, read as libCacheSim's csv reader does (reference traces.md §3): 1-based columns,
 * delimiter and header detected from the first line when not given, time by `atof` truncated, size by
 * `strtoul(…, 0)`, ids numeric (`strtoull(…, 0)`) or strings, zero-size rows skipped.
 */
import { RingSimError } from '../../core/errors.js';
import { textLines } from './lines.js';
import { hashStringId, parseTime, parseU64 } from './numbers.js';
import { BATCH_SIZE, RequestBatch } from './request.js';
import type { TraceSource } from './source.js';

export interface CsvOptions {
  /** 1-based columns. `idCol` is required; without `timeCol` time is 0; without `sizeCol` size is 1. */
  timeCol?: number;
  idCol?: number;
  sizeCol?: number;
  delimiter?: string;
  hasHeader?: boolean;
  idIsNum?: boolean;
  keepZeroSize?: boolean;
}

/** libCacheSim's delimiter guess: tab ×4, ',' ×3, '|' ×2, ':' ×1 on the first line; ties keep that order. */
export function detectDelimiter(firstLine: string): string {
  const line = firstLine.slice(0, 1024);
  let best = ',';
  let bestScore = -1;
  for (const [c, w] of [
    ['\t', 4],
    [',', 3],
    ['|', 2],
    [':', 1],
  ] as const) {
    const score = line.split(c).length - 1;
    if (score * w > bestScore) {
      best = c;
      bestScore = score * w;
    }
  }
  return best;
}

/** libCacheSim's header guess: no header when the first line has more digits than letters. */
export function detectHeader(firstLine: string): boolean {
  let digits = 0;
  let letters = 0;
  let hexLetters = 0;
  for (const c of firstLine) {
    if (c >= '0' && c <= '9') digits++;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      letters++;
      if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) hexLetters++;
    }
  }
  if (digits > letters) return false;
  if (digits < letters - hexLetters) return true;
  return true;
}

/** Splits one line on `delimiter`, honouring double quotes. */
export function splitFields(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export async function* readCsv(source: TraceSource, options: CsvOptions): AsyncGenerator<RequestBatch> {
  const idCol = options.idCol;
  if (!idCol || !Number.isInteger(idCol) || idCol < 1) {
    throw new RingSimError('--id-col', idCol, 'the csv format needs the 1-based column of the object id', 'pass e.g. --id-col 2');
  }
  for (const [name, col] of [
    ['--time-col', options.timeCol],
    ['--size-col', options.sizeCol],
  ] as const) {
    if (col !== undefined && (!Number.isInteger(col) || col < 1)) {
      throw new RingSimError(name, col, 'columns are numbered from 1', `pass e.g. ${name} 1`);
    }
  }
  const numeric = options.idIsNum ?? false;
  const batch = new RequestBatch(BATCH_SIZE, !numeric);
  let delimiter = options.delimiter;
  let first = true;
  const needed = Math.max(idCol, options.timeCol ?? 0, options.sizeCol ?? 0);
  for await (const { line, number } of textLines(source.chunks(), source.name)) {
    if (first) {
      first = false;
      delimiter ??= detectDelimiter(line);
      if (options.hasHeader ?? detectHeader(line)) continue;
    }
    if (line === '') continue;
    const fields = splitFields(line, delimiter!);
    if (fields.length < needed) {
      throw new RingSimError(
        source.name,
        undefined,
        `line ${number} has ${fields.length} columns, fewer than the ${needed} the column options need`,
        `check --delimiter (now ${JSON.stringify(delimiter)}) and the column numbers`,
      );
    }
    let size = 1;
    if (options.sizeCol) {
      const s = parseU64(fields[options.sizeCol - 1]);
      if (!s)
        throw new RingSimError(
          source.name,
          undefined,
          `line ${number}: size ${JSON.stringify(fields[options.sizeCol - 1].slice(0, 30))} is not a number`,
          'check --size-col',
        );
      size = s[0] * 4294967296 + s[1];
      if (size === 0 && !options.keepZeroSize) continue;
    }
    const i = batch.length;
    if (options.timeCol) {
      const t = parseTime(fields[options.timeCol - 1]);
      if (t === null)
        throw new RingSimError(
          source.name,
          undefined,
          `line ${number}: time ${JSON.stringify(fields[options.timeCol - 1].slice(0, 30))} is not a number`,
          'check --time-col',
        );
      batch.time[i] = t;
    } else batch.time[i] = 0;
    const rawId = fields[idCol - 1];
    if (numeric) {
      const id = parseU64(rawId);
      if (!id)
        throw new RingSimError(
          source.name,
          undefined,
          `line ${number}: id ${JSON.stringify(rawId.slice(0, 30))} is not a number`,
          'drop --id-is-num to read ids as strings',
        );
      batch.idHi[i] = id[0];
      batch.idLo[i] = id[1];
    } else {
      const [hi, lo] = hashStringId(rawId);
      batch.idHi[i] = hi;
      batch.idLo[i] = lo;
      batch.keys![i] = rawId;
    }
    batch.size[i] = size;
    batch.length++;
    if (batch.length === batch.capacity) {
      yield batch;
      batch.length = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
