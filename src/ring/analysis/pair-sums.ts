/**
 * Sums of moved keys per (from, to) worker pair, and the largest of them, in time linear in what moved.
 *
 * `add` appends each moved piece (arc, slot or key) to typed arrays; `top` groups the pieces by `from` with a
 * stable counting sort, sums one `from` row at a time in a dense row buffer, and keeps the `limit` largest sums
 * in a bounded heap. No per-pair map and no sort of all pairs: memory is the pieces plus one row, time is the
 * pieces plus log(limit) a pair. Each pair's sum adds its pieces in the order they were added, so the sums are
 * the same numbers a running total per pair gives.
 */

/** Keys moving from one worker to another. */
export interface Flow {
  from: string;
  to: string;
  /** Fraction of all keys moving from `from` to `to`. */
  fraction: number;
  /** Bytes moving, when sizes were given. */
  bytes?: number;
}

export class PairSums {
  private from = new Uint32Array(1024);
  private to = new Uint32Array(1024);
  private amount = new Float64Array(1024);
  private bytes: Float64Array | null;
  private length = 0;

  constructor(
    readonly rows: number,
    readonly cols: number,
    withBytes: boolean,
  ) {
    this.bytes = withBytes ? new Float64Array(1024) : null;
  }

  add(from: number, to: number, amount: number, bytes = 0): void {
    if (this.length === this.from.length) this.grow();
    const i = this.length++;
    this.from[i] = from;
    this.to[i] = to;
    this.amount[i] = amount;
    if (this.bytes) this.bytes[i] = bytes;
  }

  private grow(): void {
    const size = this.from.length * 2;
    const from = new Uint32Array(size);
    from.set(this.from);
    this.from = from;
    const to = new Uint32Array(size);
    to.set(this.to);
    this.to = to;
    const amount = new Float64Array(size);
    amount.set(this.amount);
    this.amount = amount;
    if (this.bytes) {
      const bytes = new Float64Array(size);
      bytes.set(this.bytes);
      this.bytes = bytes;
    }
  }

  /** Piece indices grouped by `from`, in the order added within each group (a stable counting sort). */
  private byRow(): { order: Uint32Array; starts: Uint32Array } {
    const starts = new Uint32Array(this.rows + 1);
    for (let i = 0; i < this.length; i++) starts[this.from[i] + 1]++;
    for (let r = 0; r < this.rows; r++) starts[r + 1] += starts[r];
    const next = starts.slice(0, this.rows);
    const order = new Uint32Array(this.length);
    for (let i = 0; i < this.length; i++) order[next[this.from[i]]++] = i;
    return { order, starts };
  }

  /**
   * Non-zero pairs, largest first (ties: smaller from, then smaller to), at most `limit`; the count of all; and
   * what left each `from` row in all (divided by `scale`, like the flows' fractions).
   */
  top(limit: number, scale: number, name: (from: number, to: number) => [string, string]): { flows: Flow[]; count: number; byRow: Float64Array } {
    const { order, starts } = this.byRow();
    const cols = this.cols;
    const sum = new Float64Array(cols);
    const byteSum = new Float64Array(this.bytes ? cols : 0);
    const seenIn = new Int32Array(cols).fill(-1);
    const touched = new Uint32Array(cols);
    const best = new TopPairs(limit);
    const byRow = new Float64Array(this.rows);
    let count = 0;
    for (let r = 0; r < this.rows; r++) {
      let nTouched = 0;
      for (let p = starts[r]; p < starts[r + 1]; p++) {
        const i = order[p];
        const c = this.to[i];
        if (seenIn[c] !== r) {
          seenIn[c] = r;
          touched[nTouched++] = c;
          sum[c] = 0;
          if (this.bytes) byteSum[c] = 0;
        }
        sum[c] += this.amount[i];
        if (this.bytes) byteSum[c] += this.bytes[i];
      }
      for (let t = 0; t < nTouched; t++) {
        const c = touched[t];
        if (sum[c] === 0) continue;
        count++;
        byRow[r] += sum[c] / scale;
        best.offer(r * cols + c, sum[c], this.bytes ? byteSum[c] : 0);
      }
    }
    const flows = best.sorted().map(({ key, value, bytes }) => {
      const [from, to] = name(Math.floor(key / cols), key % cols);
      const f: Flow = { from, to, fraction: value / scale };
      if (this.bytes) f.bytes = bytes;
      return f;
    });
    return { flows, count, byRow };
  }
}

/**
 * The `limit` largest (value, key) pairs: larger value first, then smaller key. A binary heap whose root is the
 * worst pair kept, so each offer costs O(log limit) and memory stays at `limit` entries.
 */
export class TopPairs {
  private readonly keys: Float64Array;
  private readonly values: Float64Array;
  private readonly bytes: Float64Array;
  private size = 0;

  constructor(readonly limit: number) {
    const n = Math.max(0, limit);
    this.keys = new Float64Array(n);
    this.values = new Float64Array(n);
    this.bytes = new Float64Array(n);
  }

  /** Whether pair a ranks below pair b (smaller value, or the same value and a larger key). */
  private static worse(va: number, ka: number, vb: number, kb: number): boolean {
    return va < vb || (va === vb && ka > kb);
  }

  offer(key: number, value: number, bytes: number): void {
    if (this.size < this.limit) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!TopPairs.worse(value, key, this.values[parent], this.keys[parent])) break;
        this.put(i, parent);
        i = parent;
      }
      this.set(i, key, value, bytes);
      return;
    }
    if (this.size === 0 || !TopPairs.worse(this.values[0], this.keys[0], value, key)) return;
    this.siftDown(key, value, bytes);
  }

  private siftDown(key: number, value: number, bytes: number): void {
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const child = r < this.size && TopPairs.worse(this.values[r], this.keys[r], this.values[l], this.keys[l]) ? r : l;
      if (!TopPairs.worse(this.values[child], this.keys[child], value, key)) break;
      this.put(i, child);
      i = child;
    }
    this.set(i, key, value, bytes);
  }

  private put(to: number, from: number): void {
    this.keys[to] = this.keys[from];
    this.values[to] = this.values[from];
    this.bytes[to] = this.bytes[from];
  }

  private set(i: number, key: number, value: number, bytes: number): void {
    this.keys[i] = key;
    this.values[i] = value;
    this.bytes[i] = bytes;
  }

  /** The kept pairs, best first. */
  sorted(): Array<{ key: number; value: number; bytes: number }> {
    const out = [];
    for (let i = 0; i < this.size; i++) out.push({ key: this.keys[i], value: this.values[i], bytes: this.bytes[i] });
    return out.sort((a, b) => b.value - a.value || a.key - b.key);
  }
}
