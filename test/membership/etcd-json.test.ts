import { describe, expect, it } from 'vitest';
import { RingSimError } from '../../src/core/errors.js';
import { parseEtcdJson } from '../../src/membership/etcd-json.js';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const kv = (key: string, value = ''): { key: string; value: string } => ({ key: b64(key), value: b64(value) });

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RingSimError);
    return (e as Error).message;
  }
  throw new Error('no error');
}

describe('parseEtcdJson (etcdctl get --prefix "" -w json)', () => {
  it('reads keys and values, an empty listing and appended exports (one a line)', () => {
    const one = JSON.stringify({ header: { revision: 3 }, kvs: [kv('/a', 'x'), { key: b64('/b') }] });
    expect(parseEtcdJson(one, 'f').map((p) => [p.key, Buffer.from(p.value).toString()])).toEqual([
      ['/a', 'x'],
      ['/b', ''],
    ]);
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
