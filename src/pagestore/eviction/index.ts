/** The table of eviction policies, by name. */
import { RingSimError } from '../../core/errors.js';
import { FifoPolicy } from './fifo.js';
import { LfuPolicy } from './lfu.js';
import { LruPolicy } from './lru.js';
import type { EvictionPolicy, EvictionPolicyName } from './policy.js';
import { SievePolicy } from './sieve.js';

export const EVICTION_POLICIES: readonly EvictionPolicyName[] = ['lru', 'fifo', 'lfu', 'sieve'];

export function createEvictionPolicy(name: string, capacity: number): EvictionPolicy {
  switch (name.toLowerCase()) {
    case 'lru':
      return new LruPolicy(capacity);
    case 'fifo':
      return new FifoPolicy(capacity);
    case 'lfu':
      return new LfuPolicy(capacity);
    case 'sieve':
      return new SievePolicy(capacity);
    default:
      throw new RingSimError('policy', name, 'unknown eviction policy', `use one of ${EVICTION_POLICIES.join(', ')}`);
  }
}

export type { EvictionPolicy, EvictionPolicyName };
