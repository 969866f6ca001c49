/** Part files: the checksum at their end catches a part cut short or changed; the shape and digest are checked. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePart, partText } from '../../src/cli/part-file.js';
import { simulationPart } from '../../src/sim/part.js';
import { readScenario } from '../../src/sim/scenario.js';
import { simulateShard } from '../../src/sim/simulate.js';

const s = readScenario({
  name: 'p',
  cluster: { workerGroups: [{ name: 'w', count: 3, pagestore: { size: '8Mi' } }] },
  workload: { type: 'uniform', files: 50, fileSize: '1Mi', requests: 400 },
  metrics: { window: 100 },
});
const part = simulationPart(s, 1, 2, '0.1.0', undefined, [await simulateShard(s, { shard: 1, shards: 2 })], null, false);
const text = partText(part);
/** `body` (a part's JSON, changed) with a checksum that matches it. */
const resealed = (body: string): string => `${body.slice(0, -1)},"checksum":"sha256:${createHash('sha256').update(body).digest('hex')}"}\n`;

describe('part files', () => {
  it('round-trip: one line, the part back as it was', () => {
    expect(text.split('\n')).toHaveLength(2);
    expect(parsePart(text, 'p.json')).toEqual(JSON.parse(JSON.stringify(part)));
  });

  it('refuses a part cut short at any length', () => {
    for (const n of [0, 1, 100, text.length / 2, text.length - 3]) {
      expect(() => parsePart(text.slice(0, Math.floor(n)), 'p.json')).toThrow(/^p\.json: is not a whole part/);
    }
  });

  it('refuses a part changed after it was written', () => {
    expect(() => parsePart(text.replace('"reads":400', '"reads":401'), 'p.json')).toThrow(/^p\.json: is corrupt: its checksum does not match/);
  });

  it('refuses, checksum or not, what is no part of this version, a bad shard, and a scenario that does not match its digest', () => {
    const body = JSON.stringify(part);
    expect(() => parsePart(resealed(body.replace(/"format":"[^"]+"/, '"format":"ring-sim/simulation"')), 'p.json')).toThrow(
      /^p\.json: format: not a ring-sim part/,
    );
    expect(() => parsePart(resealed(body.replace('"version":2', '"version":1')), 'p.json')).toThrow(/^p\.json: version: this ring-sim reads part version 2/);
    expect(() => parsePart(resealed(body.replace('"traceDigest":null', `"traceDigest":"sha256:${'0'.repeat(64)}"`)), 'p.json')).toThrow(
      /^p\.json: traceDigest: .*a synthetic workload has no trace/,
    );
    expect(() => parsePart(resealed(body.replace('"traceDigest":null', '"traceDigest":"md5:1"')), 'p.json')).toThrow(
      /^p\.json: traceDigest: not null or sha256:/,
    );
    expect(() => parsePart(resealed(body.replace('"shard":1', '"shard":2')), 'p.json')).toThrow(/^p\.json: shard: not a shard I\/N/);
    expect(() => parsePart(resealed(body.replace('"seed":1', '"seed":2')), 'p.json')).toThrow(/^p\.json: scenarioDigest: does not match the scenario/);
    expect(() => parsePart(resealed(body.replace(/"run":\[.*\],"baseline"/, '"run":[],"baseline"')), 'p.json')).toThrow(/^p\.json: run: not the results/);
  });
});
