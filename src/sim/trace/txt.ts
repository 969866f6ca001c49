/**
 * libCacheSim plain-text traces (reference traces.md §4): one object id a line, empty lines skipped, every
 * object of size 1. With `idIsNum` the id is read like C `strtoull(…, 0)`; otherwise the whole line is the id.
 */
import { RingSimError } from '../../core/errors.js';
import { textLines } from './lines.js';
import { hashStringId, parseU64 } from './numbers.js';
import { BATCH_SIZE, RequestBatch } from './request.js';
import type { TraceSource } from './source.js';

export interface TxtOptions {
  idIsNum?: boolean;
}

export async function* readTxt(source: TraceSource, options: TxtOptions = {}): AsyncGenerator<RequestBatch> {
  const numeric = options.idIsNum ?? false;
  const batch = new RequestBatch(BATCH_SIZE, !numeric);
  for await (const { line, number } of textLines(source.chunks(), source.name)) {
    if (line === '') continue;
    const i = batch.length;
    if (numeric) {
      const id = parseU64(line);
      if (!id)
        throw new RingSimError(
          source.name,
          undefined,
          `line ${number}: ${JSON.stringify(line.slice(0, 40))} is not a numeric id`,
          'drop --id-is-num to read ids as strings',
        );
      batch.idHi[i] = id[0];
      batch.idLo[i] = id[1];
    } else {
      const [hi, lo] = hashStringId(line);
      batch.idHi[i] = hi;
      batch.idLo[i] = lo;
      batch.keys![i] = line;
    }
    batch.time[i] = 0;
    batch.size[i] = 1;
    batch.length++;
    if (batch.length === batch.capacity) {
      yield batch;
      batch.length = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
