/**
 * `simulate`: each event's figures are that event's own (issue 29), through the built CLI, with one thread and two.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtCli } from './helpers.js';

const dir = fileURLToPath(new URL('../../examples/scenarios/', import.meta.url));

function json(file: string, ...flags: string[]) {
  const r = builtCli(['simulate', `${dir}${file}`, '--json', '-', ...flags]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { text: r.stdout, result: JSON.parse(r.stdout) };
}

describe('simulate: per-event figures', () => {
  it('a rolling restart without persisted identity: like restarts report like unreachable bytes, never above the data set', () => {
    const one = json('rolling-restart.yaml');
    const two = json('rolling-restart.yaml', '--threads', '2');
    expect(two.text).toBe(one.text);
    const bytes: number[] = one.result.events.map((e: { bytesUnreachable: number }) => e.bytesUnreachable);
    expect(bytes).toHaveLength(4);
    const dataSet = 4000 * 2 ** 20; // 4,000 files of 1 MiB
    for (const b of bytes) {
      expect(b).toBeGreaterThan(0);
      expect(b).toBeLessThanOrEqual(dataSet);
      // Each restart makes about an eighth of the cached data unreachable: within 15 % of the first one's.
      expect(Math.abs(b - bytes[0])).toBeLessThan(0.15 * bytes[0]);
    }
  });
});
