import { describe, expect, it } from 'vitest';
import { syntheticKeys } from '../../src/ring/analysis/keys.js';
import { createPlacement } from '../../src/ring/registry.js';

describe('zone-aware replicas', () => {
  it.each(['ring', 'maglev', 'rendezvous', 'jump', 'alluxio-consistent', 'ketama'])('%s: replicas take distinct zones first', (name) => {
    const zones = ['z1', 'z2', 'z3'];
    const workers = Array.from({ length: 12 }, (_, i) => ({ id: `host-${i}`, zone: zones[i % 3] }));
    const p = createPlacement(name, workers, { vnodes: 100 });
    const zoneOf = new Map(workers.map((w) => [w.id, w.zone]));
    for (const key of syntheticKeys(300, 8)) {
      const three = p.locate(key, 3, { zonesFirst: true });
      expect(new Set(three.map((id) => zoneOf.get(id))).size).toBe(3);
      const five = p.locate(key, 5, { zonesFirst: true });
      expect(new Set(five).size).toBe(5);
      expect(new Set(five.slice(0, 3).map((id) => zoneOf.get(id))).size).toBe(3);
      expect(five[0]).toBe(p.locate(key)[0]);
    }
  });
});
