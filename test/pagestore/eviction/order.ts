import type { EvictionPolicy } from '../../../src/pagestore/eviction/policy.js';

/** Evicts everything left: the slots in eviction order. */
export function drain(policy: EvictionPolicy, cached: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < cached; i++) out.push(policy.evict());
  return out;
}
