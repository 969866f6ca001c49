/**
 * The interface through which membership is read from etcd: a function that returns the key/value pairs under
 * a key prefix, in etcd's ascending key order. The CLI implements it over a live etcd (src/cli/etcd-client.ts);
 * `exportSource` implements it over the JSON an `etcdctl --endpoints URL get --prefix "" -w json` export holds.
 */
export interface KeyValue {
  /** The key, read as UTF-8 (Alluxio's keys are ASCII). */
  key: string;
  value: Uint8Array;
}

export interface RangeOptions {
  /** Only the keys are needed (values may be left empty). */
  keysOnly?: boolean;
}

export interface EtcdSource {
  /** Endpoints or file, for messages and reports. */
  readonly name: string;
  /** The pairs whose key starts with `prefix`, ascending by key. */
  range(prefix: string, options?: RangeOptions): Promise<KeyValue[]>;
}

function compareKeys(a: KeyValue, b: KeyValue): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** An `EtcdSource` over pairs already read (an export): answers prefixes from memory. */
export function exportSource(name: string, pairs: readonly KeyValue[]): EtcdSource {
  const sorted = [...pairs].sort(compareKeys);
  return {
    name,
    range: (prefix: string) => Promise.resolve(sorted.filter((kv) => kv.key.startsWith(prefix))),
  };
}
