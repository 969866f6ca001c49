import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RingSimError } from '../../src/core/errors.js';
import { decodeBase64, encodeBase64 } from '../../src/membership/base64.js';
import { parseEtcdJson } from '../../src/membership/etcd-json.js';
import { entityAddress, readMembership } from '../../src/membership/etcd-membership.js';
import { exportSource } from '../../src/membership/etcd-source.js';
import { ringWorkers } from '../../src/membership/membership.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const kv = (key: string, value = ''): { key: string; value: string } => ({ key: b64(key), value: b64(value) });
const ID1 = 'worker-0a8b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
const ID2 = 'worker-ffffffff-0000-4000-8000-000000000001';
const entity = (host: string): string => JSON.stringify({ Identity: {}, WorkerNetAddress: { Host: host, RpcPort: 29999 } });

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RingSimError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('base64', () => {
  it('round-trips any bytes and equals Node\'s encoder (seeded)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes): void => {
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }), { seed: 14, numRuns: 300 });
  });

  it('rejects what is not padded standard base64', () => {
    for (const bad of ['abc', 'ab=c', 'a===', '@@@@', 'YQ==YQ==', 'é===']) expect(decodeBase64(bad)).toBeNull();
  });
});

describe('parseEtcdJson (etcdctl get --prefix "" -w json)', () => {
  it('reads keys and values, an empty listing and appended exports (one a line)', () => {
    const one = JSON.stringify({ header: { revision: 3 }, kvs: [kv('/a', 'x'), { key: b64('/b') }] });
    expect(parseEtcdJson(one, 'f').map((p) => [p.key, Buffer.from(p.value).toString()])).toEqual([['/a', 'x'], ['/b', '']]);
    expect(parseEtcdJson('{"header":{}}', 'f')).toEqual([]);
    const two = `${one}\n${JSON.stringify({ kvs: [kv('/c')] })}\n`;
    expect(parseEtcdJson(two, 'f').map((p) => p.key)).toEqual(['/a', '/b', '/c']);
  });

  it('malformed: the byte offset or the JSON path, in one line', () => {
    expect(errorOf(() => parseEtcdJson('{"kvs": [ {"key": "L2E="}, }', 'f.json'))).toMatch(/^f\.json: not JSON at byte offset 27;/);
    expect(errorOf(() => parseEtcdJson('{"kvs": [{"key": "L2E="}, {"key": "no base64!"}]}', 'f.json'))).toMatch(/^f\.json: kvs\[1\]\.key: not base64/);
    expect(errorOf(() => parseEtcdJson('{"kvs": {"key": 1}}', 'f.json'))).toMatch(/^f\.json: kvs: not an array/);
    expect(errorOf(() => parseEtcdJson('[1, 2]', 'f.json'))).toMatch(/^f\.json: \$: not an etcd range response/);
    expect(errorOf(() => parseEtcdJson('{"kvs": []}\n{"kvs": [1]}', 'f.json'))).toMatch(/^f\.json: \[line 2\]\.kvs\[0\]: not a key\/value object/);
    expect(errorOf(() => parseEtcdJson('{"kvs": []}\n{"kvs": [}', 'f.json'))).toMatch(/^f\.json:2: not JSON at byte offset 21;/);
    expect(errorOf(() => parseEtcdJson('', 'f.json'))).toMatch(/the export is empty/);
    for (const m of [errorOf(() => parseEtcdJson('{"kvs": [ {"key": "L2E="}, }', 'f.json'))]) expect(m.split('\n')).toHaveLength(1);
  });
});

describe('readMembership', () => {
  it('ONLINE when a liveness key exists, OFFLINE otherwise; addresses best-effort; other clusters ignored', async () => {
    const pairs = parseEtcdJson(JSON.stringify({
      kvs: [
        kv(`/DHT/c/AUTHORIZED/${ID2}`, entity('h2')),
        kv(`/DHT/c/AUTHORIZED/${ID1}`, '\u0000\u0001binary'),
        kv(`/ServiceDiscovery/c/${ID1}`, entity('h1')),
        kv('/DHT/c/AUTHORIZED/not-a-worker'),
        kv(`/DHT/other/AUTHORIZED/worker-1`),
      ],
    }), 'f');
    const m = await readMembership(exportSource('f', pairs), 'c');
    expect(m.members).toEqual([
      { identity: ID1, address: 'h1:29999', state: 'ONLINE' },
      { identity: ID2, address: 'h2:29999', state: 'OFFLINE' },
    ]);
    expect(ringWorkers(m, 'dynamic').map((w) => w.id)).toEqual([ID1]);
    expect(ringWorkers(m, 'static').map((w) => w.id)).toEqual([ID1, ID2]);
    expect(m.notes.join('\n')).toMatch(/not-a-worker/);
    expect(m.notes.join('\n')).toMatch(/not JSON WorkerServiceEntity/);
  });

  it('entityAddress reads Alluxio\'s JSON WorkerServiceEntity and nothing else', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(entityAddress(enc('{"WorkerNetAddress":{"Host":"192.168.4.36","RpcPort":29999}}'))).toBe('192.168.4.36:29999');
    expect(entityAddress(enc('{"WorkerNetAddress":{"Host":"h"}}'))).toBe('h');
    expect(entityAddress(enc('null'))).toBeUndefined();
    expect(entityAddress(new Uint8Array([0xff, 0xfe]))).toBeUndefined();
  });
});

describe('jsonErrorOffset', () => {
  it('is null exactly when JSON.parse accepts (seeded), and points at the fault otherwise', async () => {
    const { jsonErrorOffset } = await import('../../src/core/json-offset.js');
    fc.assert(fc.property(fc.json(), (text) => {
      expect(jsonErrorOffset(text)).toBeNull();
    }), { seed: 14, numRuns: 300 });
    fc.assert(fc.property(fc.json(), fc.nat(), fc.constantFrom('}', ']', ',', ':', '"', 'x', '\n'), (text, at, ch): void => {
      const broken = text.slice(0, at % (text.length + 1)) + ch + text.slice(at % (text.length + 1));
      let valid = true;
      try {
        JSON.parse(broken);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(broken) === null).toBe(valid);
    }), { seed: 14, numRuns: 500 });
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a": 1')).toBe(7);
    expect(jsonErrorOffset('[' .repeat(100_000))).toBe(100_000);
  });
});
