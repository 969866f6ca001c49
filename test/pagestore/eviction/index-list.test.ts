import { describe, expect, it } from 'vitest';
import { IndexList } from '../../../src/pagestore/eviction/index-list.js';

/** The slots from head to tail. */
function order(l: IndexList): number[] {
  const out: number[] = [];
  for (let s = l.head; s !== -1; s = l.next[s]) out.push(s);
  return out;
}

describe('IndexList', () => {
  it('pushes at either end and removes from anywhere, keeping prev and next consistent', () => {
    const l = new IndexList(8);
    l.pushHead(1);
    l.pushHead(2);
    l.pushTail(3);
    l.pushHead(4);
    expect(order(l)).toEqual([4, 2, 1, 3]);
    l.remove(2);
    l.remove(3);
    expect(order(l)).toEqual([4, 1]);
    expect(l.tail).toBe(1);
    expect(l.prev[1]).toBe(4);
    l.remove(4);
    l.remove(1);
    expect([l.head, l.tail]).toEqual([-1, -1]);
  });

  it('grows without losing links; clear empties it', () => {
    const l = new IndexList(2);
    l.pushHead(0);
    l.pushHead(1);
    l.grow(6);
    l.pushTail(5);
    expect(order(l)).toEqual([1, 0, 5]);
    expect(l.byteSize()).toBe(2 * 6 * 4);
    l.clear();
    expect(order(l)).toEqual([]);
  });
});
