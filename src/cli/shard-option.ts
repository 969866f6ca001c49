/**
 * `--shard I/N`: shard I of N, I from 0 to N - 1 (as Kubernetes numbers an Indexed Job's pods:
 * JOB_COMPLETION_INDEX), N from 1 to `MAX_SHARDS`.
 */
import { InvalidArgumentError } from 'commander';
import type { ShardSpec } from '../sim/simulate.js';

export const MAX_SHARDS = 1024;

export function shardOption(value: string): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const shard = m ? Number(m[1]) : NaN;
  const shards = m ? Number(m[2]) : NaN;
  if (!m || shards < 1 || shards > MAX_SHARDS || shard >= shards) {
    throw new InvalidArgumentError(
      `--shard must be I/N, shard I of N counted from 0 (0/4 to 3/4, as JOB_COMPLETION_INDEX counts), N from 1 to ${MAX_SHARDS}; got "${value}".`,
    );
  }
  return { shard, shards };
}
