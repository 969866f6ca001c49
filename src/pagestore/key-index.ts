/**
 * An open-addressing hash index from a 64-bit key, held as two uint32 halves (hi, lo), to a slot number.
 * Linear probing with backward-shift deletion (no tombstones), load factor at most 1/2, typed arrays only:
 * no object per key, nothing allocated per lookup.
 */
import { fmix32 } from '../hash/murmur3.js';

export class KeyIndex {
  /** slot + 1, or 0 for an empty cell. */
  private table: Int32Array;
  private mask: number;
  private count = 0;
  /** The key halves of each slot, owned by the caller and read here to compare and rehash. */
  private keyHi: Uint32Array;
  private keyLo: Uint32Array;

  constructor(keyHi: Uint32Array, keyLo: Uint32Array, expected = 16) {
    this.keyHi = keyHi;
    this.keyLo = keyLo;
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.table = new Int32Array(size);
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
    const table = this.table;
    const mask = this.mask;
    let i = KeyIndex.hash(hi, lo) & mask;
    for (;;) {
      const e = table[i];
      if (e === 0) return -1;
      const slot = e - 1;
      if (this.keyLo[slot] === lo && this.keyHi[slot] === hi) return slot;
      i = (i + 1) & mask;
    }
  }

  /** Adds `slot`, whose key is already written to the key arrays; the key must not be present. */
  insert(slot: number): void {
    if ((this.count + 1) * 2 > this.table.length) this.grow();
    this.place(slot);
    this.count++;
  }

  private place(slot: number): void {
    const mask = this.mask;
    let i = KeyIndex.hash(this.keyHi[slot], this.keyLo[slot]) & mask;
    while (this.table[i] !== 0) i = (i + 1) & mask;
    this.table[i] = slot + 1;
  }

  /** Removes `slot` (its key must still be in the key arrays). */
  remove(slot: number): void {
    const table = this.table;
    const mask = this.mask;
    let i = KeyIndex.hash(this.keyHi[slot], this.keyLo[slot]) & mask;
    while (table[i] !== slot + 1) {
      if (table[i] === 0) return;
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the same probe run into the hole.
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      const e = table[j];
      if (e === 0) break;
      const home = KeyIndex.hash(this.keyHi[e - 1], this.keyLo[e - 1]) & mask;
      const stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (stays) continue;
      table[i] = e;
      i = j;
    }
    table[i] = 0;
    this.count--;
  }

  /** Calls `fn(slot)` for every slot in the index. */
  forEachSlot(fn: (slot: number) => void): void {
    const t = this.table;
    for (let i = 0; i < t.length; i++) if (t[i] !== 0) fn(t[i] - 1);
  }

  clear(): void {
    this.table.fill(0);
    this.count = 0;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.table.length - 1;
    for (let i = 0; i < old.length; i++) if (old[i] !== 0) this.place(old[i] - 1);
  }

  byteSize(): number {
    return this.table.byteLength;
  }
}
