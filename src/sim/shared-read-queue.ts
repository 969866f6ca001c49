/**
 * Routed reads handed from one router to N page-store shards through shared memory: a circular queue of batch slots in a
 * `SharedArrayBuffer` (no per-read objects or messages). The router fills a slot with a batch's columns (file,
 * serving host, clock) and publishes it; every shard reads every slot in order and releases it; the router waits
 * (asynchronously, so its thread keeps handling messages) while the slowest shard is a whole lap of slots behind.
 *
 * Runs wherever `SharedArrayBuffer` and `Atomics` do: worker threads in Node, Web Workers in a browser (shards
 * block in `Atomics.wait`, which a browser allows off the main thread only). A router waiting in
 * `Atomics.waitAsync` does not by itself keep Node's event loop alive: the shards' threads do.
 */
import { RingSimError } from '../core/errors.js';

/** The fix of the error a thread stopped by another thread's failure throws (not the cause: report the other). */
export const THREAD_ABORTED_FIX = 'see the first error';

/** Whether `e` only says another simulation thread failed first. */
export function isThreadAborted(e: unknown): boolean {
  return e instanceof RingSimError && e.field === 'threads' && e.fix === THREAD_ABORTED_FIX;
}

/** A read whose preferred worker is offline: the under-storage serves it. */
export const ROUTE_UNAVAILABLE = -1;
/** A read of a file outside the sample: not replayed. */
export const ROUTE_SKIPPED = -2;

/** One batch of routed reads, in columns; valid until released. */
export interface RoutedBatch {
  length: number;
  file: Int32Array;
  time: Float64Array;
  /** The host whose page store serves each read, or `ROUTE_UNAVAILABLE` / `ROUTE_SKIPPED`. */
  host: Int32Array;
  /** Files the router's catalog gained (a trace's new keys), numbered on from the files shipped before; shipped before the reads of them. */
  files: NewFiles;
}

/** Files added to a catalog: their sizes and UFS paths. */
export interface NewFiles {
  sizes: number[];
  paths: string[];
}

// Control words (Int32): published batches, state, a tick shards bump on release (and abort), a signal the router
// bumps on every publish, close and abort, then each shard's released count. A waiter reads the word it will wait
// on before it checks what it waits for, and sleeps only while that word is unchanged: a change made between its
// check and its sleep (a close, say) then wakes it at once instead of after the wait's timeout.
const PUBLISHED = 0;
const STATE = 1;
const TICK = 2;
const SIGNAL = 3;
const RELEASED = 4;
// STATE is 0 (open) until the producer closes (DONE) or aborts (ABORTED) the queue.
const DONE = 1;
const ABORTED = 2;

type WaitAsync = (a: Int32Array, index: number, value: number, timeout?: number) => { async: boolean; value: unknown };

export interface SharedReadQueueShape {
  buffer: SharedArrayBuffer;
  shards: number;
  slots: number;
  batch: number;
  /** Bytes of new files' paths a slot holds (0: the queue ships no files). */
  fileBytes: number;
}

/** The queue's memory, shared by the router and the shards (pass `shape` to each thread). */
export class SharedReadQueue {
  private readonly ctl: Int32Array;
  private readonly lengths: Int32Array;
  private readonly files: Int32Array;
  private readonly hosts: Int32Array;
  private readonly times: Float64Array;
  private readonly views: RoutedBatch[] = [];
  // New files, per slot: how many, their sizes, their paths' UTF-8 lengths and bytes.
  private readonly fileCounts: Int32Array;
  private readonly fileSizes: Float64Array;
  private readonly pathLengths: Int32Array;
  private readonly pathBytes: Uint8Array;
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  /**
   * `slots` batches of `batch` reads in flight (16 bytes a read: 8 MiB by default), so shards whose load differs
   * for a while keep going; with `fileBytes`, each slot also carries new files (a trace's keys) in that many bytes.
   */
  static create(shards: number, slots = 128, batch = 4096, fileBytes = 0): SharedReadQueue {
    const n = slots * batch;
    const files = fileBytes > 0 ? 12 * n + slots * fileBytes : 0;
    const bytes = 16 * n + 4 * (RELEASED + shards + 2 * slots) + files;
    return new SharedReadQueue({ buffer: new SharedArrayBuffer(bytes), shards, slots, batch, fileBytes });
  }

  constructor(readonly shape: SharedReadQueueShape) {
    const { buffer, shards, slots, batch, fileBytes } = shape;
    const n = slots * batch;
    const withFiles = fileBytes > 0 ? n : 0;
    this.times = new Float64Array(buffer, 0, n);
    this.fileSizes = new Float64Array(buffer, 8 * n, withFiles);
    let at = 8 * n + 8 * withFiles;
    const ints = (length: number): Int32Array => {
      const a = new Int32Array(buffer, at, length);
      at += 4 * length;
      return a;
    };
    this.files = ints(n);
    this.hosts = ints(n);
    this.ctl = ints(RELEASED + shards);
    this.lengths = ints(slots);
    this.fileCounts = ints(slots);
    this.pathLengths = ints(withFiles);
    this.pathBytes = new Uint8Array(buffer, at, fileBytes > 0 ? slots * fileBytes : 0);
    for (let s = 0; s < slots; s++) {
      const from = s * batch;
      this.views.push({
        length: 0,
        file: this.files.subarray(from, from + batch),
        time: this.times.subarray(from, from + batch),
        host: this.hosts.subarray(from, from + batch),
        files: { sizes: [], paths: [] },
      });
    }
  }

  private slowest(): number {
    let min = Infinity;
    for (let s = 0; s < this.shape.shards; s++) min = Math.min(min, Atomics.load(this.ctl, RELEASED + s));
    return min;
  }

  private checkOpen(): void {
    if (Atomics.load(this.ctl, STATE) === ABORTED) throw new RingSimError('threads', undefined, 'another simulation thread failed', THREAD_ABORTED_FIX);
  }

  // The router's side.

  /**
   * Publishes a batch (copied into the next slot), waiting while every slot is still in use; `files` (a queue
   * made with `fileBytes`) go first, over as many slots as their paths need.
   */
  async publish(length: number, file: Int32Array, time: Float64Array, host: Int32Array, files?: NewFiles): Promise<void> {
    if (length > this.shape.batch) throw new RingSimError('batch', length, `a batch holds at most ${this.shape.batch} reads`, 'split the batch');
    let next = 0;
    const count = files?.paths.length ?? 0;
    if (count > 0 && this.shape.fileBytes === 0)
      throw new RingSimError('files', count, 'this ring ships no files', 'make it with SharedReadQueue.create(shards, slots, batch, fileBytes)');
    for (;;) {
      const seq = await this.freeSlot();
      const slot = seq % this.shape.slots;
      next = files ? this.writeFiles(slot, files, next) : 0;
      if (!files && this.shape.fileBytes > 0) this.fileCounts[slot] = 0; // the slot's files from a lap ago are not new
      const last = next === count;
      if (last) {
        const at = slot * this.shape.batch;
        this.files.set(file.subarray(0, length), at);
        this.times.set(time.subarray(0, length), at);
        this.hosts.set(host.subarray(0, length), at);
      }
      this.lengths[slot] = last ? length : 0;
      Atomics.store(this.ctl, PUBLISHED, seq + 1);
      this.signalShards();
      if (last) return;
    }
  }

  /** The sequence number of the next slot, once the slowest shard has released it. */
  private async freeSlot(): Promise<number> {
    const seq = Atomics.load(this.ctl, PUBLISHED);
    for (;;) {
      const tick = Atomics.load(this.ctl, TICK); // before the checks: an abort after them changes it
      this.checkOpen();
      if (seq - this.slowest() < this.shape.slots) return seq;
      const wait = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync(this.ctl, TICK, tick, 1000);
      if (wait.async) await wait.value;
    }
  }

  /** Writes `files` from `from` into `slot` while they fit; returns the first not written. */
  private writeFiles(slot: number, files: NewFiles, from: number): number {
    const { batch, fileBytes } = this.shape;
    const bytes = this.pathBytes.subarray(slot * fileBytes, (slot + 1) * fileBytes);
    let used = 0;
    let k = from;
    for (; k < files.paths.length && k - from < batch; k++) {
      const r = this.encoder.encodeInto(files.paths[k], bytes.subarray(used));
      if (r.read < files.paths[k].length) {
        if (k === from)
          throw new RingSimError(
            'workload',
            files.paths[k].slice(0, 80),
            `a file path longer than ${fileBytes} bytes (UTF-8)`,
            'use shorter trace keys or path template, or one thread',
          );
        break;
      }
      this.fileSizes[slot * batch + k - from] = files.sizes[k];
      this.pathLengths[slot * batch + k - from] = r.written;
      used += r.written;
    }
    this.fileCounts[slot] = k - from;
    return k;
  }

  /** The new files in `slot` (copied out of shared memory). */
  private readFiles(slot: number, into: NewFiles): void {
    into.sizes.length = 0;
    into.paths.length = 0;
    const { batch, fileBytes } = this.shape;
    let at = slot * fileBytes;
    for (let k = 0; k < this.fileCounts[slot]; k++) {
      const n = this.pathLengths[slot * batch + k];
      into.paths.push(this.decoder.decode(this.pathBytes.slice(at, at + n)));
      into.sizes.push(this.fileSizes[slot * batch + k]);
      at += n;
    }
  }

  /** No more batches: shards finish what is published. */
  close(): void {
    Atomics.store(this.ctl, STATE, DONE);
    this.signalShards();
  }

  /** A thread failed: everyone waiting stops. */
  abort(): void {
    Atomics.store(this.ctl, STATE, ABORTED);
    this.signalShards();
    Atomics.add(this.ctl, TICK, 1);
    Atomics.notify(this.ctl, TICK);
  }

  /** Wakes the shards after a publish, close or abort (each changes the word they sleep on). */
  private signalShards(): void {
    Atomics.add(this.ctl, SIGNAL, 1);
    Atomics.notify(this.ctl, SIGNAL);
  }

  // A shard's side (blocks: call it off the browser's main thread).

  /** Shard `shard`'s batches in order, each released when the next is asked for. */
  *batches(shard: number): Generator<RoutedBatch> {
    let seq = 0;
    for (;;) {
      for (;;) {
        const signal = Atomics.load(this.ctl, SIGNAL);
        this.checkOpen();
        if (Atomics.load(this.ctl, PUBLISHED) > seq) break;
        if (Atomics.load(this.ctl, STATE) === DONE && Atomics.load(this.ctl, PUBLISHED) <= seq) return;
        Atomics.wait(this.ctl, SIGNAL, signal, 1000);
      }
      const slot = seq % this.shape.slots;
      const view = this.views[slot];
      view.length = this.lengths[slot];
      this.readFiles(slot, view.files);
      yield view;
      seq++;
      Atomics.store(this.ctl, RELEASED + shard, seq);
      Atomics.add(this.ctl, TICK, 1);
      Atomics.notify(this.ctl, TICK);
    }
  }
}
