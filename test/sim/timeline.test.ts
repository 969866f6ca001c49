import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioError } from './scenario-error.js';
import { parseScenario } from '../../src/sim/scenario.js';
import { epochToRead, timeToRead } from '../../src/sim/timeline.js';

const GROUP = 'cluster:\n  workerGroups: [{name: w, count: 4, pagestore: {size: 10Gi}}]\n';
const ZIPF = 'workload: {type: zipf, files: 1000, requests: 5000}\n';
const TRAINING = 'workload: {type: training, files: 1000, epochs: 3, jobs: 2}\n';

const error = scenarioError;

describe('a scenario timeline', () => {
  it('refuses an event at or after the last read, naming events[i].at and the read count', () => {
    const m = error(`${GROUP}${ZIPF}events:\n  - {at: 10, action: add-workers}\n  - {at: 5000, action: add-workers}\n`);
    expect(m).toMatch(/^s\.yaml: events\[1\]\.at: is at or after the workload's last read: the workload has 5000 reads/);
    expect(m.split('\n')).toHaveLength(1);
    expect(error(`${GROUP}${ZIPF}events: [{at: 90000, action: stop-worker, worker: w-0}]\n`)).toMatch(/events\[0\]\.at: .*5000 reads.*\(got 90000\)/);
    expect(() => parseScenario(`${GROUP}${ZIPF}events: [{at: 4999, action: stop-worker, worker: w-0}]\n`, 's.yaml')).not.toThrow();
  });

  it('refuses atTime past the last read on a synthetic clock, and atEpoch at the end of training', () => {
    expect(error(`${GROUP}${ZIPF}requestsPerSecond: 100\nevents: [{atTime: 50, action: add-workers}]\n`)).toMatch(
      /^s\.yaml: events\[0\]\.atTime: is at or after the workload's last read \(read 5000\): the workload has 5000 reads/,
    );
    expect(error(`${GROUP}${TRAINING}events: [{atEpoch: 3, action: add-workers}]\n`)).toMatch(
      /^s\.yaml: events\[0\]\.atEpoch: is at or after the workload's last read \(read 6000\): the workload has 6000 reads/,
    );
    expect(error(`${GROUP}${ZIPF}events: [{atEpoch: 1, action: add-workers}]\n`)).toMatch(
      /^s\.yaml: events\[0\]\.atEpoch: epochs are a training workload's, and this one is zipf/,
    );
    expect(error(`${GROUP}${TRAINING}events: [{atEpoch: 1, at: 3, action: add-workers}]\n`)).toMatch(/give exactly one of at/);
  });

  it('reads a restart downtime in reads or seconds and refuses a bad one naming events[i].downtime', () => {
    const restart = (downtime: string, extra = ''): string =>
      `${GROUP}${ZIPF}${extra}events: [{at: 1000, action: restart-worker, worker: w-1, downtime: ${downtime}}]\n`;
    const of = (text: string): unknown => (parseScenario(text, 's.yaml').events[0] as { downtime?: number }).downtime;
    expect(of(restart('500'))).toBe(500);
    expect(of(restart('0.1s', 'requestsPerSecond: 30\n'))).toBe(timeToRead(0.1, 30));
    expect(of(restart('2.5s', 'requestsPerSecond: 1000\n'))).toBe(2500);
    expect(error(restart('5s'))).toMatch(/^s\.yaml: events\[0\]\.downtime: is in seconds, and this scenario has no read rate/);
    expect(error(restart('-1'))).toMatch(/^s\.yaml: events\[0\]\.downtime: must be a whole number from 0 up/);
    expect(error(restart('1.5'))).toMatch(/^s\.yaml: events\[0\]\.downtime: must be a whole number/);
    expect(error(restart('"-2s"', 'requestsPerSecond: 10\n'))).toMatch(/^s\.yaml: events\[0\]\.downtime: must be a number of reads or of seconds/);
    expect(error(restart('4000'))).toMatch(
      /^s\.yaml: events\[0\]\.downtime: runs past the workload's last read: the worker would be back at read 5000, and the workload has 5000 reads/,
    );
    expect(of(restart('3999'))).toBe(3999);
    const overlap = `${GROUP}${ZIPF}events:\n  - {at: 1000, action: restart-worker, worker: w-1, downtime: 500}\n  - {at: 1499, action: stop-worker, worker: w-1}\n`;
    expect(error(overlap)).toMatch(
      /^s\.yaml: events\[0\]\.downtime: overlaps events\[1\] \(read 1499\) on the same worker w-1: it is down from read 1000 until read 1500/,
    );
    expect(() => parseScenario(overlap.replace('1499', '1500'), 's.yaml')).not.toThrow();
  });

  it('turns atEpoch into the read index ⌊epoch × files × jobs⌋', () => {
    const s = parseScenario(
      `${GROUP}${TRAINING}events:\n  - {atEpoch: 1.5, action: add-workers}\n  - {atEpoch: 0.0007, action: stop-worker, worker: w-1}\n  - {atEpoch: 1, action: start-worker, worker: w-1}\n`,
      's.yaml',
    );
    expect(s.events.map((e) => [e.at, e.atEpoch])).toEqual([
      [3000, 1.5],
      [1, 0.0007],
      [2000, 1],
    ]);
  });

  it('refuses events on one worker listed out of time order; other workers may be listed in any order', () => {
    const m = error(
      `${GROUP}${ZIPF}events:\n  - {at: 300, action: stop-worker, worker: w-1}\n  - {at: 100, action: add-workers}\n  - {at: 200, action: start-worker, worker: w-1}\n`,
    );
    expect(m).toBe(
      's.yaml: events[2].at: happens at read 200, before events[0] (read 300) on the same worker w-1, which is listed earlier (got 200); list the events of w-1 in time order',
    );
    expect(() =>
      parseScenario(
        `${GROUP}${ZIPF}events:\n  - {at: 300, action: stop-worker, worker: w-1}\n  - {at: 100, action: stop-worker, worker: w-2}\n  - {at: 300, action: restart-worker, worker: w-3}\n`,
        's.yaml',
      ),
    ).not.toThrow();
  });

  it('epochToRead is exact decimal arithmetic (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 10 ** 6 }), (m, d, perEpoch) => {
        const epoch = Number(`${m}e-${d}`);
        expect(epochToRead(epoch, perEpoch)).toBe(Number((BigInt(m) * BigInt(perEpoch)) / 10n ** BigInt(d)));
      }),
      { seed: 29, numRuns: 500 },
    );
    expect(epochToRead(0.7, 10)).toBe(7);
    expect(epochToRead(1e-7, 10 ** 8)).toBe(10);
  });

  it('timeToRead is the first read whose clock (k / rps) is at or after the time (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (t, rps) => {
        const k = timeToRead(t, rps);
        const clock = 1 / rps;
        expect(k * clock).toBeGreaterThanOrEqual(t);
        if (k > 0) expect((k - 1) * clock).toBeLessThan(t);
      }),
      { seed: 30, numRuns: 500 },
    );
  });
});
