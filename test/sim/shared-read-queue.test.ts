/** The shared-memory ring of routed read batches: order, every shard sees every batch, close, abort, bounds, new files. */
import { describe, expect, it, vi } from 'vitest';
import { SharedReadQueue, ROUTE_SKIPPED, ROUTE_UNAVAILABLE } from '../../src/sim/shared-read-queue.js';

function batch(n: number, base: number) {
  const file = Int32Array.from({ length: n }, (_, i) => base + i);
  const time = Float64Array.from({ length: n }, (_, i) => (base + i) / 10);
  const host = Int32Array.from({ length: n }, (_, i) => [ROUTE_SKIPPED, ROUTE_UNAVAILABLE, 0, 1, 2][(base + i) % 5]);
  return { file, time, host };
}

/** What a shard reads: each batch's columns, copied. */
function drain(ring: SharedReadQueue, shard: number): Array<{ file: number[]; time: number[]; host: number[] }> {
  const out = [];
  for (const b of ring.batches(shard))
    out.push({ file: [...b.file.subarray(0, b.length)], time: [...b.time.subarray(0, b.length)], host: [...b.host.subarray(0, b.length)] });
  return out;
}

describe('SharedReadQueue', () => {
  it('gives every shard every published batch, in order, then ends once closed', async () => {
    const ring = SharedReadQueue.create(2, 4, 8);
    const sent = [batch(8, 0), batch(3, 8), batch(8, 11)];
    for (const b of sent) await ring.publish(b.file.length, b.file, b.time, b.host);
    ring.close();
    const expected = sent.map((b) => ({ file: [...b.file], time: [...b.time], host: [...b.host] }));
    expect(drain(ring, 0)).toEqual(expected);
    expect(drain(ring, 1)).toEqual(expected);
  });

  it('works through a second view of the same memory (as another thread has)', async () => {
    const ring = SharedReadQueue.create(1, 2, 4);
    const b = batch(4, 100);
    await ring.publish(4, b.file, b.time, b.host);
    ring.close();
    expect(drain(new SharedReadQueue(ring.shape), 0)[0].file).toEqual([100, 101, 102, 103]);
  });

  it('makes the router wait while the slowest shard is a whole ring behind', async () => {
    const ring = SharedReadQueue.create(2, 2, 4);
    const b = batch(4, 0);
    await ring.publish(4, b.file, b.time, b.host);
    await ring.publish(4, b.file, b.time, b.host);
    let third = false;
    const pending = ring.publish(4, b.file, b.time, b.host).then(() => (third = true));
    const shard0 = ring.batches(0);
    const shard1 = ring.batches(1);
    shard0.next();
    shard0.next(); // releases shard 0's first batch; shard 1 has released none
    await new Promise((r) => setTimeout(r, 20));
    expect(third).toBe(false);
    shard1.next();
    shard1.next(); // shard 1 releases its first batch too: a slot is free
    await pending;
    expect(third).toBe(true);
  });

  it('stops everyone after abort, and refuses a batch larger than a slot', async () => {
    const ring = SharedReadQueue.create(1, 2, 4);
    const b = batch(5, 0);
    await expect(ring.publish(5, b.file, b.time, b.host)).rejects.toThrow(/at most 4 reads/);
    ring.abort();
    expect(() => drain(ring, 0)).toThrow(/another simulation thread failed/);
    await expect(ring.publish(1, b.file, b.time, b.host)).rejects.toThrow(/another simulation thread failed/);
  });
});

describe('SharedReadQueue wake-ups', () => {
  // A thread reads the word it sleeps on, checks whether it may go on, then sleeps while the word is unchanged. A
  // close or abort landing anywhere between its read and its sleep must change the word, so that the sleep returns
  // 'not-equal' at once instead of running out its whole timeout ('timed-out').
  type Checked = { checkOpen(): void };
  /** Runs `event` once, right after the ring's next open-check passes (between a thread's read and its sleep). */
  const afterNextCheck = (ring: SharedReadQueue, event: () => void) => {
    const target = ring as unknown as Checked;
    const check = target.checkOpen.bind(ring);
    let pending = true;
    target.checkOpen = () => {
      check();
      if (pending) {
        pending = false;
        event();
      }
    };
  };

  /** Shard 0 of an empty ring sleeps; `event` lands just before its first sleep. What did that sleep return? */
  const shardSleep = (event: (ring: SharedReadQueue) => void): string => {
    const ring = SharedReadQueue.create(1, 2, 4);
    const wait = Atomics.wait.bind(Atomics);
    const results: string[] = [];
    vi.spyOn(Atomics, 'wait').mockImplementation((array, index, value, timeout) => {
      if (results.length === 0) event(ring);
      const result = wait(array as unknown as Int32Array, index, value as unknown as number, timeout);
      results.push(result);
      return result;
    });
    try {
      drain(ring, 0);
    } catch (e) {
      expect(String(e)).toMatch(/another simulation thread failed/); // an abort ends the shard with this error
    } finally {
      vi.restoreAllMocks();
    }
    return results[0];
  };

  it('wakes a shard at once when the ring is closed or aborted just before it sleeps', () => {
    expect(shardSleep((ring) => ring.close())).toBe('not-equal');
    expect(shardSleep((ring) => ring.abort())).toBe('not-equal');
  });

  /** The router fills a 2-slot ring no shard reads, so its third publish sleeps; `arrange` sets up what lands when. */
  const routerSleep = async (arrange: (ring: SharedReadQueue, other: SharedReadQueue) => void): Promise<unknown> => {
    const ring = SharedReadQueue.create(1, 2, 4);
    const other = new SharedReadQueue(ring.shape); // a shard thread's view of the same memory
    const b = batch(4, 0);
    await ring.publish(4, b.file, b.time, b.host);
    await ring.publish(4, b.file, b.time, b.host);
    const waitAsync = (Atomics as unknown as { waitAsync: (...a: unknown[]) => { async: boolean; value: unknown } }).waitAsync.bind(Atomics);
    const results: unknown[] = [];
    vi.spyOn(Atomics as unknown as { waitAsync: (...a: unknown[]) => unknown }, 'waitAsync').mockImplementation((...args: unknown[]) => {
      const wait = waitAsync(...args);
      results.push(wait.async ? 'asleep' : wait.value);
      return wait;
    });
    arrange(ring, other);
    await expect(ring.publish(4, b.file, b.time, b.host)).rejects.toThrow(/another simulation thread failed/);
    vi.restoreAllMocks();
    return results[0];
  };

  it("wakes the router at once when a shard aborts between the router's check and its sleep", async () => {
    expect(await routerSleep((ring, other) => afterNextCheck(ring, () => other.abort()))).toBe('not-equal');
  });

  it('wakes the router when a shard aborts while it sleeps', async () => {
    expect(await routerSleep((_ring, other) => setTimeout(() => other.abort(), 5))).toBe('asleep');
  });
});

describe('SharedReadQueue with files', () => {
  it('ships new files ahead of the batch, over as many slots as their paths need', async () => {
    const ring = SharedReadQueue.create(1, 8, 4, 24);
    const b = batch(3, 0);
    const paths = ['s3://a/1', 's3://a/22', 's3://a/333', 's3://ü/4444'];
    await ring.publish(3, b.file, b.time, b.host, { sizes: [1, 2, 3, 4], paths });
    await ring.publish(2, b.file, b.time, b.host, { sizes: [], paths: [] });
    ring.close();
    const got = [];
    for (const s of ring.batches(0)) got.push({ length: s.length, paths: [...s.files.paths], sizes: [...s.files.sizes] });
    expect(got.flatMap((g) => g.paths)).toEqual(paths);
    expect(got.flatMap((g) => g.sizes)).toEqual([1, 2, 3, 4]);
    expect(got.length).toBeGreaterThan(2); // 24 bytes a slot: the paths took two slots before the reads
    expect(got.map((g) => g.length)).toEqual([...Array(got.length - 2).fill(0), 3, 2]);
  });

  it('a batch published without files brings none, even in a slot that held files a lap ago', async () => {
    const ring = SharedReadQueue.create(1, 2, 4, 64);
    const b = batch(1, 0);
    const got: string[][] = [];
    const shard = ring.batches(0);
    const take = () => {
      const s = shard.next();
      if (!s.done) got.push([...s.value.files.paths]);
    };
    await ring.publish(1, b.file, b.time, b.host, { sizes: [1], paths: ['a'] });
    take();
    await ring.publish(1, b.file, b.time, b.host);
    take();
    await ring.publish(1, b.file, b.time, b.host); // slot 0 again
    take();
    ring.close();
    expect(got).toEqual([['a'], [], []]);
  });

  it('refuses files on a ring made without room for them, and a path longer than a slot holds', async () => {
    const b = batch(1, 0);
    await expect(SharedReadQueue.create(1, 2, 4).publish(1, b.file, b.time, b.host, { sizes: [1], paths: ['x'] })).rejects.toThrow(/ships no files/);
    await expect(SharedReadQueue.create(1, 2, 4, 8).publish(1, b.file, b.time, b.host, { sizes: [1], paths: ['123456789'] })).rejects.toThrow(
      /longer than 8 bytes/,
    );
  });
});
