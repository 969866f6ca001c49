import { describe, expect, it } from 'vitest';
import {
  identityFromHostname,
  identityFromJSON,
  identityHex,
  identityJavaHashCode,
  identityToString,
  parseIdentityString,
  resolveIdentity,
} from '../../../src/ring/alluxio/identity.js';
import { RingSimError } from '../../../src/core/errors.js';
import { sharedJSON, type IdentityJSON } from '../../shared.js';

const hostnames = sharedJSON<string[]>('alluxio-vectors/workerHostnames.json');

const workerList = sharedJSON<IdentityJSON[]>('alluxio-vectors/workerList.json');

describe('Alluxio worker identities', () => {
  it('turns the 50 hostnames into the 50 identities of workerList.json (UUIDv3 of the hostname)', () => {
    const fromHosts = hostnames.map((h) => identityHex(identityFromHostname(h))).sort();
    const listed = workerList.map((w) => w.identifier).sort();
    expect(fromHosts).toEqual(listed);
    expect(workerList.every((w) => w.version === 1)).toBe(true);
  });

  it('parses worker-<uuid> and worker-<long> as Alluxio does, and prints them back', () => {
    const v1 = parseIdentityString('worker-123e4567-e89b-12d3-a456-426614174000');
    expect(v1?.version).toBe(1);
    expect(identityHex(v1!)).toBe('123e4567e89b12d3a456426614174000');
    expect(identityToString(v1!)).toBe('worker-123e4567-e89b-12d3-a456-426614174000');
    const upper = parseIdentityString('worker-123E4567-E89B-12D3-A456-426614174000');
    expect(identityToString(upper!)).toBe('worker-123e4567-e89b-12d3-a456-426614174000');
    const v0 = parseIdentityString('worker-1');
    expect(v0?.version).toBe(0);
    expect([...v0!.identifier]).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(identityToString(parseIdentityString('worker--2')!)).toBe('worker--2');
    expect(identityToString(parseIdentityString('worker-+7')!)).toBe('worker-7');
    // Java UUID.fromString accepts short fields and masks them.
    expect(identityToString(parseIdentityString('worker-1-2-3-4-5')!)).toBe('worker-00000001-0002-0003-0004-000000000005');
    // Not identities: fall back to hostnames in auto mode.
    expect(parseIdentityString('worker-fmvjygixyt-8993')).toBeNull();
    expect(parseIdentityString('worker-9223372036854775808')).toBeNull();
    expect(parseIdentityString('worker-')).toBeNull();
    expect(parseIdentityString('host-1')).toBeNull();
    expect(() => resolveIdentity('host-1', 'identity')).toThrow(RingSimError);
    expect(identityHex(resolveIdentity('worker-1', 'hostname'))).toBe(identityHex(identityFromHostname('worker-1')));
  });

  it('computes Java hashCode over signed bytes', () => {
    // Arrays.hashCode([0,0,0,0,0,0,0,1]) = 31^8 + 1 (int32), then * 31 + version.
    let h = 1;
    for (const b of [0, 0, 0, 0, 0, 0, 0, 1]) h = (Math.imul(31, h) + b) | 0;
    expect(identityJavaHashCode(parseIdentityString('worker-1')!)).toBe(Math.imul(h, 31) | 0);
    const neg = identityFromJSON({ version: 1, identifier: 'ff'.repeat(16) });
    let g = 1;
    for (let i = 0; i < 16; i++) g = (Math.imul(31, g) - 1) | 0;
    expect(identityJavaHashCode(neg)).toBe((Math.imul(g, 31) + 1) | 0);
  });
});
