/**
 * Applying a memory check's fix to a manifest, as an operator would: each alternative the fix names ("raise X to
 * 27Gi", "lower -XX:MaxDirectMemorySize=2g in F", "set F to at most 12Gi") gives one fixed manifest. An option
 * added to a list is appended (the last of a repeated option wins); a list that did not exist keeps the operator's
 * default options the fix says to keep; an option in an env variable replaces the one of its kind there.
 */
import type { Check } from '../../../src/core/check.js';
import { OPERATOR_MEMORY_DEFAULTS } from '../../../src/plan/component-memory.js';

/** The steps of a dotted field with list indices: `spec.fuse.overrides[0].jvmOptions` → spec, fuse, overrides, 0, jvmOptions. */
function steps(field: string): string[] {
  return field.split(/\.|\[(\d+)\]/).filter((x) => x !== undefined && x !== '');
}

function get(doc: unknown, field: string): unknown {
  let v = doc as Record<string, unknown> | undefined;
  for (const k of steps(field)) v = v?.[k] as Record<string, unknown> | undefined;
  return v;
}

function set(doc: unknown, field: string, value: unknown): void {
  const path = steps(field);
  let v = doc as Record<string, unknown>;
  for (const k of path.slice(0, -1)) v = (v[k] ??= {}) as Record<string, unknown>;
  v[path.at(-1)!] = value;
}

const OPTION_KIND = /^(-Xmx|-Xms|-XX:MaxHeapSize=|-XX:InitialHeapSize=|-XX:MaxDirectMemorySize=)/;

function addOption(doc: object, field: string, option: string): void {
  const current = get(doc, field);
  if (typeof current === 'string') {
    const kind = OPTION_KIND.exec(option)![1];
    set(doc, field, [...current.split(/\s+/).filter((w) => w !== '' && !w.startsWith(kind)), option].join(' '));
    return;
  }
  if (Array.isArray(current)) {
    set(doc, field, [...(current as string[]), option]);
    return;
  }
  const component = /fuse/.test(field) ? 'fuse' : /coordinator/.test(field) ? 'coordinator' : 'worker';
  set(doc, field, [...OPERATOR_MEMORY_DEFAULTS[component].jvmOptions, option]);
}

/** One fixed copy of `doc` per alternative `c.fix` names with a value. */
export function applyMemoryFix<D extends object>(doc: D, c: Check): D[] {
  const out: D[] = [];
  const copy = (): D => structuredClone(doc);
  for (const m of c.fix.matchAll(/raise (\S+memory) to (?:at least )?(\d+\w+)/g)) {
    const d = copy();
    set(d, m[1].startsWith('spec.') ? m[1] : c.field.replace(/requests\.memory$/, m[1]), m[2]);
    out.push(d);
  }
  for (const m of c.fix.matchAll(/(?:lower|add) (-XX:MaxDirectMemorySize=\S+) in (\S+)/g)) {
    const d = copy();
    addOption(d, m[2], m[1]);
    out.push(d);
  }
  for (const m of c.fix.matchAll(/set (\S+\.requests\.memory) to at most (\S+)/g)) {
    const d = copy();
    set(d, m[1], m[2]);
    out.push(d);
  }
  if (out.length === 0) throw new Error(`no value to apply in the fix: ${c.fix}`);
  return out;
}
