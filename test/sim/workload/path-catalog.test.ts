/** The catalog a store thread builds from the files the router ships: numbered in order, grows past its first size. */
import { describe, expect, it } from 'vitest';
import { PathCatalog } from '../../../src/sim/workload/path-catalog.js';

describe('PathCatalog', () => {
  it('numbers files in the order they are added, across growth', () => {
    const c = new PathCatalog();
    c.add({ sizes: [10, 20], paths: ['s3://b/a', 's3://b/b'] });
    const many = Array.from({ length: 3000 }, (_, i) => i);
    c.add({ sizes: many.map((i) => i + 1), paths: many.map((i) => `s3://b/${i}`) });
    expect(c.count).toBe(3002);
    expect([c.path(0), c.size(0), c.path(1), c.size(1)]).toEqual(['s3://b/a', 10, 's3://b/b', 20]);
    expect([c.path(3001), c.size(3001)]).toEqual(['s3://b/2999', 3000]);
  });
});
