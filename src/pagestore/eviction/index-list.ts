/**
 * A doubly linked list over slot numbers in two Int32Arrays (isaacs' lru-cache style): `head` is the newest
 * end, `tail` the oldest; `prev` points toward the head, `next` toward the tail; -1 ends the list.
 */
import { grown } from '../../core/typed-arrays.js';

export class IndexList {
  prev: Int32Array;
  next: Int32Array;
  head = -1;
  tail = -1;

  constructor(capacity: number) {
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  pushHead(slot: number): void {
    this.prev[slot] = -1;
    this.next[slot] = this.head;
    if (this.head !== -1) this.prev[this.head] = slot;
    else this.tail = slot;
    this.head = slot;
  }

  pushTail(slot: number): void {
    this.next[slot] = -1;
    this.prev[slot] = this.tail;
    if (this.tail !== -1) this.next[this.tail] = slot;
    else this.head = slot;
    this.tail = slot;
  }

  remove(slot: number): void {
    const p = this.prev[slot];
    const n = this.next[slot];
    if (p !== -1) this.next[p] = n;
    else this.head = n;
    if (n !== -1) this.prev[n] = p;
    else this.tail = p;
  }

  grow(capacity: number): void {
    this.prev = grown(this.prev, capacity);
    this.next = grown(this.next, capacity);
  }

  clear(): void {
    this.head = -1;
    this.tail = -1;
  }

  byteSize(): number {
    return this.prev.byteLength + this.next.byteLength;
  }
}
