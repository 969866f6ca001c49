/**
 * Deterministic synthetic keys that look like the file paths a cache sees (56 to 99 bytes), for balance and
 * movement measurements when no real key list is given.
 */
import { seededRandom } from '../../core/random.js';

const SCHEMES = ['s3://', 'gs://', 'hdfs://namenode:8020/', 'wasbs://c@a.blob.core.windows.net/'];
const WORDS = ['datasets', 'training', 'imagenet', 'laion', 'parquet', 'shards', 'checkpoints', 'features', 'logs', 'events'];

/**
 * `count` distinct keys such as `s3://bucket-07/training/imagenet/part-00042/file-0001234.parquet` (56 to 99
 * bytes), each a flat string.
 */
export function syntheticKeys(count: number, seed = 1): string[] {
  const rand = seededRandom(seed);
  const keys: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const scheme = SCHEMES[Math.floor(rand() * SCHEMES.length)];
    const a = WORDS[Math.floor(rand() * WORDS.length)];
    const b = WORDS[Math.floor(rand() * WORDS.length)];
    const bucket = `bucket-${String(Math.floor(rand() * 100)).padStart(2, '0')}`;
    const part = String(Math.floor(rand() * 100000)).padStart(5, '0');
    // The running index keeps every key distinct. join() writes each key as one flat string, as a key read from a
    // file is (a template literal leaves a rope, a V8 ConsString, until first use; lookups measured within 0-8 ns).
    keys[i] = [scheme, bucket, '/', a, '/', b, '/part-', part, '/file-', String(i).padStart(7, '0'), '.parquet'].join('');
  }
  return keys;
}
