/**
 * Deliberately naive reference caches (arrays, linear scans) written from the policies' definitions, to check
 * the typed-array implementations against something independent.
 */
export interface NaiveCache {
  request(id: number, size: number): boolean;
  misses: number;
  missBytes: number;
}

interface Entry {
  id: number;
  size: number;
  freq: number;
  visited: boolean;
}

export function naiveCache(policy: 'lru' | 'fifo' | 'lfu' | 'sieve', capacity: number): NaiveCache {
  // entries[0] is the oldest / tail end; new entries are pushed at the end (the head).
  let entries: Entry[] = [];
  let used = 0;
  let hand = -1; // sieve: index into entries, -1 = start from the tail
  // lfu: order of reaching the current frequency
  let tick = 0;
  const reached = new Map<number, number>();
  const c: NaiveCache = {
    misses: 0,
    missBytes: 0,
    request(id, size) {
      const at = entries.findIndex((e) => e.id === id);
      if (at >= 0) {
        const e = entries[at];
        if (policy === 'lru') {
          entries.splice(at, 1);
          entries.push(e);
        } else if (policy === 'lfu') {
          e.freq++;
          reached.set(id, tick++);
        } else if (policy === 'sieve') e.visited = true;
        return true;
      }
      c.misses++;
      c.missBytes += size;
      if (size > capacity) return false;
      while (used + size > capacity) {
        let victim: number;
        if (policy === 'lru' || policy === 'fifo') victim = 0;
        else if (policy === 'lfu') {
          victim = 0;
          for (let i = 1; i < entries.length; i++) {
            const a = entries[i];
            const b = entries[victim];
            if (a.freq < b.freq || (a.freq === b.freq && reached.get(a.id)! < reached.get(b.id)!)) victim = i;
          }
        } else {
          // sieve: the hand walks from the tail (index 0) toward the head (end), wrapping.
          let i = hand === -1 ? 0 : hand;
          while (entries[i].visited) {
            entries[i].visited = false;
            i = i + 1 >= entries.length ? 0 : i + 1;
          }
          victim = i;
          // The hand stays at the next newer entry; after removal that entry takes index i.
          hand = i + 1 >= entries.length ? -1 : i;
        }
        used -= entries[victim].size;
        reached.delete(entries[victim].id);
        entries = entries.filter((_, i) => i !== victim);
        if (policy === 'sieve' && hand > victim) hand--;
      }
      entries.push({ id, size, freq: 1, visited: false });
      reached.set(id, tick++);
      used += size;
      return false;
    },
  };
  return c;
}
