/**
 * Routed reads handed from one router to N page-store shards through shared memory: a ring of batch slots in a
 * `SharedArrayBuffer` (no per-read objects or messages). The router fills a slot with a batch's columns (file,
 * serving host, clock) and publishes it; every shard reads every slot in order and releases it; the router waits
 * (asynchronously, so its thread keeps handling messages) while the slowest shard is a whole ring behind.
 *
 * Runs wherever `SharedArrayBuffer` and `Atomics` do: worker threads in Node, Web Workers in a browser (shards
 * block in `Atomics.wait`, which a browser allows off the main thread only).
 */
import { RingSimError } from '../core/errors.js';

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
}

// Control words (Int32): published batches, state, a tick shards bump on release, then each shard's released count.
const PUBLISHED = 0;
const STATE = 1;
const TICK = 2;
const RELEASED = 3;
const OPEN = 0;
const DONE = 1;
const ABORTED = 2;

type WaitAsync = (a: Int32Array, index: number, value: number, timeout?: number) => { async: boolean; value: unknown };

export interface ReadRingShape {
  buffer: SharedArrayBuffer;
  shards: number;
  slots: number;
  batch: number;
}

/** The ring's memory, shared by the router and the shards (pass `shape` to each thread). */
export class ReadRing {
  private readonly ctl: Int32Array;
  private readonly lengths: Int32Array;
  private readonly files: Int32Array;
  private readonly hosts: Int32Array;
  private readonly times: Float64Array;
  private readonly views: RoutedBatch[] = [];

  /** `slots` batches of `batch` reads in flight (16 bytes a read: 8 MiB by default), so shards whose load differs for a while keep going. */
  static create(shards: number, slots = 128, batch = 4096): ReadRing {
    const bytes = 8 * slots * batch + 8 * slots * batch + 4 * (RELEASED + shards + slots);
    return new ReadRing({ buffer: new SharedArrayBuffer(bytes), shards, slots, batch });
  }

  constructor(readonly shape: ReadRingShape) {
    const { buffer, shards, slots, batch } = shape;
    const n = slots * batch;
    this.times = new Float64Array(buffer, 0, n);
    this.files = new Int32Array(buffer, 8 * n, n);
    this.hosts = new Int32Array(buffer, 12 * n, n);
    this.ctl = new Int32Array(buffer, 16 * n, RELEASED + shards);
    this.lengths = new Int32Array(buffer, 16 * n + 4 * (RELEASED + shards), slots);
    for (let s = 0; s < slots; s++) {
      const at = s * batch;
      this.views.push({ length: 0, file: this.files.subarray(at, at + batch), time: this.times.subarray(at, at + batch), host: this.hosts.subarray(at, at + batch) });
    }
  }

  private slowest(): number {
    let min = Infinity;
    for (let s = 0; s < this.shape.shards; s++) min = Math.min(min, Atomics.load(this.ctl, RELEASED + s));
    return min;
  }

  private checkOpen(): void {
    if (Atomics.load(this.ctl, STATE) === ABORTED) throw new RingSimError('threads', undefined, 'another simulation thread failed', 'see the first error');
  }

  // The router's side.

  /** Publishes a batch (copied into the next slot), waiting while every slot is still in use. */
  async publish(length: number, file: Int32Array, time: Float64Array, host: Int32Array): Promise<void> {
    if (length > this.shape.batch) throw new RingSimError('batch', length, `a batch holds at most ${this.shape.batch} reads`, 'split the batch');
    const seq = Atomics.load(this.ctl, PUBLISHED);
    for (;;) {
      this.checkOpen();
      const tick = Atomics.load(this.ctl, TICK);
      if (seq - this.slowest() < this.shape.slots) break;
      const wait = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync(this.ctl, TICK, tick, 1000);
      if (wait.async) await wait.value;
    }
    const slot = seq % this.shape.slots;
    const at = slot * this.shape.batch;
    this.files.set(file.subarray(0, length), at);
    this.times.set(time.subarray(0, length), at);
    this.hosts.set(host.subarray(0, length), at);
    this.lengths[slot] = length;
    Atomics.store(this.ctl, PUBLISHED, seq + 1);
    Atomics.notify(this.ctl, PUBLISHED);
  }

  /** No more batches: shards finish what is published. */
  close(): void {
    Atomics.store(this.ctl, STATE, DONE);
    Atomics.notify(this.ctl, PUBLISHED);
  }

  /** A thread failed: everyone waiting stops. */
  abort(): void {
    Atomics.store(this.ctl, STATE, ABORTED);
    Atomics.notify(this.ctl, PUBLISHED);
    Atomics.notify(this.ctl, TICK);
  }

  // A shard's side (blocks: call it off the browser's main thread).

  /** Shard `shard`'s batches in order, each released when the next is asked for. */
  *batches(shard: number): Generator<RoutedBatch> {
    let seq = 0;
    for (;;) {
      for (;;) {
        this.checkOpen();
        if (Atomics.load(this.ctl, PUBLISHED) > seq) break;
        if (Atomics.load(this.ctl, STATE) === DONE && Atomics.load(this.ctl, PUBLISHED) <= seq) return;
        Atomics.wait(this.ctl, PUBLISHED, seq, 1000);
      }
      const slot = seq % this.shape.slots;
      const view = this.views[slot];
      view.length = this.lengths[slot];
      yield view;
      seq++;
      Atomics.store(this.ctl, RELEASED + shard, seq);
      Atomics.add(this.ctl, TICK, 1);
      Atomics.notify(this.ctl, TICK);
    }
  }
}
