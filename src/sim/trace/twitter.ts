/**
 * Twitter production cache traces (twitter/cache-trace, reference traces.md §7): CSV without a header,
 * `timestamp, anonymized key, key size, value size, client id, operation, TTL`. Like Caffeine's reader, only
 * `get` and `gets` are kept and a request's size is key size + value size.
 */
import { RingSimError } from '../../core/errors.js';
import { splitFields } from './csv.js';
import { textLines } from './lines.js';
import { hashStringId, parseTime, parseU64 } from './numbers.js';
import { BATCH_SIZE, RequestBatch } from './request.js';
import type { TraceSource } from './source.js';

export async function* readTwitter(source: TraceSource): AsyncGenerator<RequestBatch> {
  const batch = new RequestBatch(BATCH_SIZE, true);
  for await (const { line, number } of textLines(source.chunks(), source.name)) {
    if (line === '') continue;
    const f = splitFields(line, ',');
    if (f.length < 7) {
      throw new RingSimError(
        source.name,
        undefined,
        `line ${number} has ${f.length} columns; a Twitter cache trace has 7`,
        'check --format (twitter expects timestamp,key,key size,value size,client,op,ttl)',
      );
    }
    const op = f[5];
    if (op !== 'get' && op !== 'gets') continue;
    const time = parseTime(f[0]);
    const keySize = parseU64(f[2]);
    const valueSize = parseU64(f[3]);
    if (time === null || !keySize || !valueSize) {
      throw new RingSimError(
        source.name,
        undefined,
        `line ${number}: timestamp, key size and value size must be numbers`,
        'check that this is a Twitter cache trace',
      );
    }
    const i = batch.length++;
    const [hi, lo] = hashStringId(f[1]);
    batch.time[i] = time;
    batch.idHi[i] = hi;
    batch.idLo[i] = lo;
    batch.keys![i] = f[1];
    batch.size[i] = keySize[1] + valueSize[1];
    if (batch.length === batch.capacity) {
      yield batch;
      batch.length = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
