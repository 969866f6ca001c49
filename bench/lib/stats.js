// The one median of the bench: the upper middle of the sorted values (for an odd count, the middle).

/** The median of numbers: `median([3, 1, 2])` is 2; `median([1, 2])` is 2 (the upper middle). */
export function median(xs) {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The item whose `key` is the median: `medianBy(runs, (r) => r.ms)`. */
export function medianBy(items, key) {
  const sorted = [...items].sort((x, y) => key(x) - key(y));
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall time (ms) of `runs` calls of `fn`, each after `gc()` when given. */
export function medianTime(fn, runs, gc = () => {}) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    gc();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
