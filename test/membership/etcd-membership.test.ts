import { describe, expect, it } from 'vitest';
import { RingSimError } from '../../src/core/errors.js';
import { parseEtcdJson } from '../../src/membership/etcd-json.js';
import { DEFAULT_CLUSTER, entityAddress, livenessPrefix, readMembership, registrationPrefix } from '../../src/membership/etcd-membership.js';
import { exportSource, type KeyValue } from '../../src/membership/etcd-source.js';
import { ringWorkers } from '../../src/membership/membership.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const kv = (key: string, value = ''): { key: string; value: string } => ({ key: b64(key), value: b64(value) });
const ID1 = 'worker-0a8b9c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
const ID2 = 'worker-ffffffff-0000-4000-8000-000000000001';
const entity = (host: string): string => JSON.stringify({ Identity: {}, WorkerNetAddress: { Host: host, RpcPort: 29999 } });
const pair = (key: string, value = ''): KeyValue => ({ key, value: new TextEncoder().encode(value) });

describe('readMembership', () => {
  it('ONLINE when a liveness key exists, OFFLINE otherwise; addresses best-effort; other clusters ignored', async () => {
    const pairs = parseEtcdJson(
      JSON.stringify({
        kvs: [
          kv(`/DHT/c/AUTHORIZED/${ID2}`, entity('h2')),
          kv(`/DHT/c/AUTHORIZED/${ID1}`, '\u0000\u0001binary'),
          kv(`/ServiceDiscovery/c/${ID1}`, entity('h1')),
          kv('/DHT/c/AUTHORIZED/not-a-worker'),
          kv(`/DHT/other/AUTHORIZED/worker-1`),
        ],
      }),
      'f',
    );
    const m = await readMembership(exportSource('f', pairs), 'c');
    expect(m.members).toEqual([
      { identity: ID1, address: 'h1:29999', host: 'h1', state: 'ONLINE' },
      { identity: ID2, address: 'h2:29999', host: 'h2', state: 'OFFLINE' },
    ]);
    expect(ringWorkers(m, 'dynamic').map((w) => w.id)).toEqual([ID1]);
    expect(ringWorkers(m, 'static').map((w) => w.id)).toEqual([ID1, ID2]);
    expect(m.notes.join('\n')).toMatch(/not-a-worker/);
    expect(m.notes.join('\n')).toMatch(/not JSON WorkerServiceEntity/);
  });

  it("entityAddress reads Alluxio's JSON WorkerServiceEntity and nothing else", () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(entityAddress(enc('{"WorkerNetAddress":{"Host":"192.168.4.36","RpcPort":29999}}'))).toBe('192.168.4.36:29999');
    expect(entityAddress(enc('{"WorkerNetAddress":{"Host":"h"}}'))).toBe('h');
    expect(entityAddress(enc('null'))).toBeUndefined();
    expect(entityAddress(new Uint8Array([0xff, 0xfe]))).toBeUndefined();
  });
});

describe('readMembership: prefixes, order and errors', () => {
  it("uses Alluxio's key prefixes", () => {
    expect(registrationPrefix(DEFAULT_CLUSTER)).toBe('/DHT/DefaultAlluxioCluster/AUTHORIZED/');
    expect(livenessPrefix('c')).toBe('/ServiceDiscovery/c/');
  });

  it('counts a live but unregistered worker ONLINE, with a note, and sorts members by identity', async () => {
    const m = await readMembership(exportSource('x', [pair(`/ServiceDiscovery/c/${ID2}`, entity('h2')), pair(`/DHT/c/AUTHORIZED/${ID1}`)]), 'c');
    expect(m.members).toEqual([
      { identity: ID1, state: 'OFFLINE' },
      { identity: ID2, address: 'h2:29999', host: 'h2', state: 'ONLINE' },
    ]);
    expect(m.notes).toEqual([`${ID2} is live under /ServiceDiscovery/c/ but not registered under /DHT/c/AUTHORIZED/: counted ONLINE`]);
    expect(m).toMatchObject({ cluster: 'c', source: 'x' });
  });

  it('names the clusters it found when the one asked for has no workers', async () => {
    const source = exportSource('dump.json', [pair('/DHT/b/AUTHORIZED/worker-1'), pair('/ServiceDiscovery/a/worker-2')]);
    await expect(readMembership(source, 'c')).rejects.toThrow(RingSimError);
    await expect(readMembership(source, 'c')).rejects.toThrow(
      /^--cluster: no workers under \/DHT\/c\/AUTHORIZED\/ or \/ServiceDiscovery\/c\/ in dump\.json; clusters found: a, b \(got "c"\); pass --cluster a \(or another found\)$/,
    );
    await expect(readMembership(exportSource('e', []), 'c')).rejects.toThrow(/clusters found: none .*check the endpoints/);
  });
});
