/**
 * Alluxio 3.x worker identities (`alluxio.wire.WorkerIdentity`): the bytes that every Alluxio placement policy
 * hashes, parsed from the forms operators see.
 *
 * Reference: shared/reference/alluxio-placement.md §2 (Alluxio `WorkerIdentity.java`, `StaticMembershipManager.java`).
 * - version 1: 16 identifier bytes (the UUID, most significant half first); printed `worker-<uuid>`.
 * - version 0 (legacy numeric id): 8 identifier bytes, the signed int64 big-endian; printed `worker-<decimal>`.
 * - a hostname in a static member list becomes the version-1 identity `UUID.nameUUIDFromBytes(UTF-8(host))`.
 * Hashes see the identifier bytes followed by the version as int32 little-endian.
 */
import { md5 } from '../../hash/md5.js';
import { RingSimError } from '../../core/errors.js';
import { utf8Bytes, writeInt32LE } from '../../hash/utf8.js';

export interface WorkerIdentity {
  version: 0 | 1;
  /** 16 bytes (version 1) or 8 bytes (version 0). */
  identifier: Uint8Array;
}

/** How a worker id string is read: as an identity string, as a hostname, or whichever fits (`auto`). */
export type IdentityMode = 'auto' | 'identity' | 'hostname';

const MAX_LONG = (1n << 63n) - 1n;
const MIN_LONG = -(1n << 63n);

/** Java `Long.parseLong(text, radix)` over ASCII digits: optional sign, at least one digit, int64 range. */
function parseJavaLong(text: string, radix: 10 | 16): bigint | null {
  let i = 0;
  let negative = false;
  if (text[0] === '+' || text[0] === '-') {
    negative = text[0] === '-';
    i = 1;
  }
  if (i >= text.length) return null;
  let value = 0n;
  const big = BigInt(radix);
  for (; i < text.length; i++) {
    const digit = Number.parseInt(text[i], radix);
    if (Number.isNaN(digit) || !/^[0-9a-fA-F]$/.test(text[i])) return null;
    value = value * big + BigInt(digit);
    if (value > MAX_LONG + 1n) return null;
  }
  if (negative) value = -value;
  if (value > MAX_LONG || value < MIN_LONG) return null;
  return value;
}

/** Java `UUID.fromString` (JDK 11+): five dash-separated hex fields, each masked to its width; null if invalid. */
export function parseJavaUuid(text: string): Uint8Array | null {
  if (text.length > 36) return null;
  const dash1 = text.indexOf('-');
  const dash2 = text.indexOf('-', dash1 + 1);
  const dash3 = text.indexOf('-', dash2 + 1);
  const dash4 = text.indexOf('-', dash3 + 1);
  const dash5 = text.indexOf('-', dash4 + 1);
  if (dash1 < 0 || dash2 < 0 || dash3 < 0 || dash4 < 0 || dash5 >= 0) return null;
  const fields = [text.slice(0, dash1), text.slice(dash1 + 1, dash2), text.slice(dash2 + 1, dash3), text.slice(dash3 + 1, dash4), text.slice(dash4 + 1)];
  const values = fields.map((f) => parseJavaLong(f, 16));
  if (values.some((v) => v === null)) return null;
  const [a, b, c, d, e] = values as bigint[];
  const mask = (v: bigint, bits: bigint): bigint => BigInt.asUintN(Number(bits), v);
  const msb = (mask(a, 32n) << 32n) | (mask(b, 16n) << 16n) | mask(c, 16n);
  const lsb = (mask(d, 16n) << 48n) | mask(e, 48n);
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, msb);
  view.setBigUint64(8, lsb);
  return out;
}

/** Alluxio `WorkerIdentity.fromString`: `worker-<uuid>` (version 1) or `worker-<long>` (version 0). */
export function parseIdentityString(text: string): WorkerIdentity | null {
  if (!text.startsWith('worker-')) return null;
  const rest = text.slice('worker-'.length);
  const uuid = parseJavaUuid(rest);
  if (uuid) return { version: 1, identifier: uuid };
  const long = parseJavaLong(rest, 10);
  if (long === null) return null;
  const identifier = new Uint8Array(8);
  new DataView(identifier.buffer).setBigInt64(0, long);
  return { version: 0, identifier };
}

/** The identity Alluxio's static membership gives a hostname: `UUID.nameUUIDFromBytes(UTF-8(host))`. */
export function identityFromHostname(host: string): WorkerIdentity {
  const d = md5(utf8Bytes(host));
  d[6] = (d[6] & 0x0f) | 0x30;
  d[8] = (d[8] & 0x3f) | 0x80;
  return { version: 1, identifier: d };
}

/** The JSON form used by Alluxio's serde and test vectors: `{version, identifier: "<hex>"}`. */
export function identityFromJSON(value: { version: number; identifier: string }, field = 'identity'): WorkerIdentity {
  const { version, identifier } = value;
  const expected = version === 1 ? 32 : version === 0 ? 16 : -1;
  if (expected < 0) {
    throw new RingSimError(`${field}.version`, version, 'an Alluxio identity version is 0 or 1', 'use 1 for UUID identities');
  }
  if (typeof identifier !== 'string' || identifier.length !== expected || !/^[0-9a-fA-F]*$/.test(identifier)) {
    throw new RingSimError(
      `${field}.identifier`,
      identifier,
      `a version-${version} identifier is ${expected} hex digits`,
      'copy the identifier from the etcd entry or `worker-<uuid>` without dashes',
    );
  }
  const bytes = new Uint8Array(expected / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(identifier.slice(2 * i, 2 * i + 2), 16);
  return { version: version as 0 | 1, identifier: bytes };
}

/** Alluxio `WorkerIdentity.toString()`: `worker-<lowercase uuid>` or `worker-<decimal>`. */
export function identityToString(id: WorkerIdentity): string {
  const hex = Array.from(id.identifier, (b) => b.toString(16).padStart(2, '0')).join('');
  if (id.version === 0) {
    return `worker-${new DataView(id.identifier.buffer, id.identifier.byteOffset, 8).getBigInt64(0)}`;
  }
  return `worker-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Lowercase hex of the identifier bytes (the JSON `identifier`). */
export function identityHex(id: WorkerIdentity): string {
  return Array.from(id.identifier, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The bytes Alluxio hashes for a worker: identifier ‖ int32LE(version). */
export function identityHashBytes(id: WorkerIdentity): Uint8Array {
  const out = new Uint8Array(id.identifier.length + 4);
  out.set(id.identifier, 0);
  writeInt32LE(out, id.identifier.length, id.version);
  return out;
}

/**
 * Reads a worker id the way `mode` says; `auto` takes identity strings (`worker-<uuid>`, `worker-<number>`, or the
 * 32 hex digits of a version-1 identifier as etcd and Alluxio's test data write it) as identities and anything else
 * as a hostname.
 */
export function resolveIdentity(id: string, mode: IdentityMode = 'auto', field = 'worker'): WorkerIdentity {
  if (mode === 'hostname') return identityFromHostname(id);
  const parsed = parseIdentityString(id);
  if (parsed) return parsed;
  if (/^[0-9a-fA-F]{32}$/.test(id)) return identityFromJSON({ version: 1, identifier: id }, field);
  if (mode === 'identity') {
    throw new RingSimError(
      field,
      id,
      'not an Alluxio worker identity',
      'write worker-<uuid> or worker-<number>, or read ids as hostnames (identity mode "hostname" or "auto")',
    );
  }
  return identityFromHostname(id);
}

/** Java `WorkerIdentity.hashCode()`: `Arrays.hashCode(identifier) * 31 + version` in int32 arithmetic. */
export function identityJavaHashCode(id: WorkerIdentity): number {
  let h = 1;
  for (const b of id.identifier) h = (Math.imul(31, h) + ((b << 24) >> 24)) | 0;
  return (Math.imul(h, 31) + id.version) | 0;
}
