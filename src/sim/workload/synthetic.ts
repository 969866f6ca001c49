/**
 * The synthetic workloads, all seeded and streaming: uniform and Zipf over N files, ML training epochs (a
 * seeded permutation per job and epoch, jobs interleaved), and a hot set that shifts.
 */
import { Random } from '../../core/random.js';
import type { WorkloadSpec } from '../scenario.js';
import { SyntheticCatalog } from './catalog.js';
import { ZipfSampler } from './zipf.js';
import { READ_BATCH, ReadBatch, type Workload } from './workload.js';

type Synthetic = Exclude<WorkloadSpec, { type: 'trace' }>;

export function syntheticWorkload(spec: Synthetic, seed: number, pathTemplate: string, requestsPerSecond?: number): Workload {
  const catalog = new SyntheticCatalog(spec.files, spec.fileSize, seed, pathTemplate);
  const total = spec.type === 'training' ? spec.files * spec.epochs * spec.jobs : spec.requests;
  const clock = requestsPerSecond ? 1 / requestsPerSecond : Number.NaN;
  async function* batches(): AsyncGenerator<ReadBatch> {
    const batch = new ReadBatch(READ_BATCH);
    const rand = new Random(seed ^ 0x5eed);
    let emitted = 0;
    const emit = (file: number): boolean => {
      batch.file[batch.length] = file;
      batch.time[batch.length] = emitted * clock;
      batch.length++;
      emitted++;
      return batch.length === batch.capacity;
    };
    switch (spec.type) {
      case 'uniform':
        while (emitted < total) {
          if (emit(rand.int(spec.files))) {
            yield batch;
            batch.length = 0;
          }
        }
        break;
      case 'zipf': {
        const zipf = new ZipfSampler(spec.files, spec.alpha);
        while (emitted < total) {
          if (emit(zipf.sample(rand) - 1)) {
            yield batch;
            batch.length = 0;
          }
        }
        break;
      }
      case 'hotset': {
        const hot = Math.max(1, Math.round(spec.files * spec.hotFraction));
        let start = 0;
        while (emitted < total) {
          if (emitted > 0 && emitted % spec.shiftEvery === 0) start = (start + hot) % spec.files;
          const file = rand.next() < spec.hotProbability ? (start + rand.int(hot)) % spec.files : rand.int(spec.files);
          if (emit(file)) {
            yield batch;
            batch.length = 0;
          }
        }
        break;
      }
      case 'training': {
        const jobs = Array.from({ length: spec.jobs }, (_, j) => ({
          rand: new Random(seed + 7919 * (j + 1)),
          order: Uint32Array.from({ length: spec.files }, (_, i) => i),
          epoch: 0,
          pos: spec.files, // forces a shuffle before the first read
        }));
        let active = jobs.length;
        while (active > 0) {
          active = 0;
          for (const job of jobs) {
            if (job.pos === spec.files) {
              if (job.epoch === spec.epochs) continue;
              job.epoch++;
              job.pos = 0;
              if (spec.shuffle) job.rand.shuffle(job.order);
            }
            active++;
            if (emit(job.order[job.pos++])) {
              yield batch;
              batch.length = 0;
            }
          }
        }
        break;
      }
    }
    if (batch.length > 0) yield batch;
  }
  return { catalog, totalRequests: total, batches };
}
