/**
 * plan's figures through the built CLI, as an operator runs it: what-if bytes capped by what the workers cache.
 * Few child processes, each checked for a lot.
 */
import { describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/plan/plan.js';
import { builtCli } from '../cli/helpers.js';

const root = new URL('../../', import.meta.url).pathname;

function plan(...args: string[]): PlanReport {
  const r = builtCli(['plan', ...args, '--json'], { cwd: root });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as PlanReport;
}

describe('plan what-if bytes (built CLI)', () => {
  it('a 50 TiB data set on 8 × 300 GiB workers: no worker hands over more than it caches; the text says so', () => {
    const args = ['examples/alluxio-cluster-gke.yaml', '--provider', 'gcp', '--disk', '375GB', '--nodes', '8', '--dataset', '50TiB'];
    const r = plan(...args);
    const cacheOf = new Map(r.workers.map((w) => [w.name, w.cacheBytes]));
    const total = r.workers.reduce((s, w) => s + w.cacheBytes, 0);
    const share = new Map(r.ring.shares.map((s) => [s.worker, s.share]));
    for (const w of r.whatIf.filter((x) => x.moved > 0)) {
      expect(w.bytesBasis).toBe('cache');
      expect(w.bytesMoved).toBeLessThanOrEqual(total);
      const out = new Map<string, number>();
      for (const f of w.flows) {
        // A flow carries its part of the source's range × what the source caches.
        expect(Math.abs(f.bytes - (f.fraction / share.get(f.from)!) * cacheOf.get(f.from)!)).toBeLessThanOrEqual(1);
        out.set(f.from, (out.get(f.from) ?? 0) + f.bytes);
      }
      for (const [from, bytes] of out) expect(bytes).toBeLessThanOrEqual(cacheOf.get(from)! + w.flows.length);
      const listed = w.flows.reduce((s, f) => s + f.bytes, 0);
      expect(Math.abs(listed + w.otherFlows.bytes - w.bytesMoved)).toBeLessThanOrEqual(w.flows.length);
    }
    const remove = r.whatIf.find((w) => w.name === '-1 worker')!;
    expect(Math.abs(remove.bytesMoved - cacheOf.get(remove.flows[0].from)!)).toBeLessThanOrEqual(1);
    expect(r.assumptions.some((a) => /what-if bytes \(model\).*min\(share_w × data set, its page data\)/.test(String(a)))).toBe(true);
    const text = builtCli(['plan', ...args], { cwd: root }).stdout;
    expect(text).toMatch(/\+1 worker .* \(capped by what the workers cache\)/);
    expect(text).toMatch(/what-if bytes \(model\)/);
  });

  it('a data set that fits: bytes are moved share × data set, exactly as before, basis "dataset"', () => {
    const r = plan('examples/alluxio-cluster-gke.yaml', '--provider', 'gcp', '--disk', '375GB', '--nodes', '8', '--dataset', '100GiB');
    for (const w of r.whatIf.filter((x) => x.moved > 0)) {
      expect(w.bytesBasis).toBe('dataset');
      expect(w.bytesBasisText).toBe('of the data set');
      expect(w.bytesMoved).toBe(Math.round(w.moved * 100 * 2 ** 30));
      for (const f of w.flows) expect(f.bytes).toBe(Math.round(f.fraction * 100 * 2 ** 30));
    }
  });
});
