/** A YAML mapping as parsed, and the test for one. */
export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The value at a dotted path of mappings (`spec.worker.log.hostPath`), or undefined. */
export function at(o: unknown, path: readonly string[]): unknown {
  let v: unknown = o;
  for (const k of path) {
    if (!isObj(v)) return undefined;
    v = v[k];
  }
  return v;
}
