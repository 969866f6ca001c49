/**
 * An open-addressing hash index from a 64-bit key, held as two uint32 halves (hi, lo), to a slot number.
 * Linear probing with backward-shift deletion (no tombstones), load factor at most 1/2, typed arrays only:
 * no object per key, nothing allocated per lookup.
 *
 * A cell is two int32s side by side, slot + 1 (0 for empty) and the key's hash, so a probe reads one cache line:
 * a lookup compares the stored hash before it reads a key (which lives elsewhere, by slot), and a deletion's
 * backward shift and a rehash read each entry's home from its cell instead of hashing its key again.
 */
import { fmix32 } from '../hash/murmur3.js';

export class KeyIndex {
  /** Cell i at [2i] (slot + 1, or 0 when empty) and [2i + 1] (the key's hash). */
  private cells: Int32Array;
  /** Cells - 1 (the cell count is a power of two). */
  private mask: number;
  private count = 0;
  /** The key halves of each slot, owned by the caller and read here to compare. */
  private keyHi: Uint32Array;
  private keyLo: Uint32Array;

  constructor(keyHi: Uint32Array, keyLo: Uint32Array, expected = 16) {
    this.keyHi = keyHi;
    this.keyLo = keyLo;
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.cells = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** Points the index at grown key arrays (same contents, larger). */
  rebind(keyHi: Uint32Array, keyLo: Uint32Array): void {
    this.keyHi = keyHi;
    this.keyLo = keyLo;
  }

  static hash(hi: number, lo: number): number {
    return fmix32(lo ^ Math.imul(hi ^ 0x5bd1e995, 0x9e3779b1));
  }

  get size(): number {
    return this.count;
  }

  /** The slot holding (hi, lo), or -1. */
  find(hi: number, lo: number): number {
    const cells = this.cells;
    const mask = this.mask;
    const h = KeyIndex.hash(hi, lo) | 0;
    let i = h & mask;
    for (;;) {
      const e = cells[2 * i];
      if (e === 0) return -1;
      if (cells[2 * i + 1] === h) {
        const slot = e - 1;
        if (this.keyLo[slot] === lo && this.keyHi[slot] === hi) return slot;
      }
      i = (i + 1) & mask;
    }
  }

  /** Adds `slot`, whose key is already written to the key arrays; the key must not be present. */
  insert(slot: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    this.place(slot + 1, KeyIndex.hash(this.keyHi[slot], this.keyLo[slot]) | 0);
    this.count++;
  }

  /** Puts entry `e` (slot + 1) with hash `h` in the first empty cell from its home. */
  private place(e: number, h: number): void {
    const cells = this.cells;
    const mask = this.mask;
    let i = h & mask;
    while (cells[2 * i] !== 0) i = (i + 1) & mask;
    cells[2 * i] = e;
    cells[2 * i + 1] = h;
  }

  /** Removes `slot` (its key must still be in the key arrays). */
  remove(slot: number): void {
    const cells = this.cells;
    const mask = this.mask;
    let i = KeyIndex.hash(this.keyHi[slot], this.keyLo[slot]) & mask;
    while (cells[2 * i] !== slot + 1) {
      if (cells[2 * i] === 0) return;
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the same probe run into the hole.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const e = cells[2 * j];
      if (e === 0) break;
      const h = cells[2 * j + 1];
      const home = h & mask;
      const stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (stays) continue;
      cells[2 * i] = e;
      cells[2 * i + 1] = h;
      i = j;
    }
    cells[2 * i] = 0;
    this.count--;
  }

  /** Calls `fn(slot)` for every slot in the index. */
  forEachSlot(fn: (slot: number) => void): void {
    const c = this.cells;
    for (let i = 0; i < c.length; i += 2) if (c[i] !== 0) fn(c[i] - 1);
  }

  clear(): void {
    this.cells.fill(0);
    this.count = 0;
  }

  private grow(): void {
    const old = this.cells;
    this.cells = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.place(old[i], old[i + 1]);
  }

  byteSize(): number {
    return this.cells.byteLength;
  }
}
