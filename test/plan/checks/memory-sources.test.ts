/**
 * JVM options from beyond a component's own `jvmOptions` (src/plan/jvm-sources.ts): `spec.jvmOptions`, `env`
 * (JAVA_TOOL_OPTIONS, JDK_JAVA_OPTIONS, ALLUXIO_JAVA_OPTS, _JAVA_OPTIONS, ALLUXIO_FUSE_JVM_OPTS; the process's own
 * variable, which the chart's alluxio-env.sh replaces) and `spec.fuse.overrides`; every fix that names a value
 * converges when applied.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { parseManifest } from '../../../src/plan/manifest.js';
import { memoryChecks } from '../../../src/plan/checks/memory.js';
import type { Check } from '../../../src/core/check.js';
import type { PlanContext } from '../../../src/plan/context.js';
import { MINIMAL, plan } from '../guide-manifests.js';
import { applyMemoryFix } from './memory-fix.js';

/** The spec fields these tests write (a YAML mapping as parsed). */
interface Spec {
  [k: string]: unknown;
  jvmOptions?: unknown;
  worker: { [k: string]: unknown; jvmOptions?: string[]; env?: unknown; resources?: unknown };
  fuse?: unknown;
}
type Doc = { spec: Spec };
const base = (): Doc => parse(MINIMAL) as Doc;
const checksOf = (doc: Doc): Check[] => memoryChecks({ manifest: parseManifest(stringify(doc), 'm.yaml') } as PlanContext);
const withSpec = (f: (spec: Spec) => void): Doc => {
  const d = base();
  f(d.spec);
  return d;
};
const summary = (cs: Check[]) => cs.map((c) => [c.id, c.severity, c.field]);

describe('memory: JVM options from spec.jvmOptions, env and FUSE overrides', () => {
  it("spec.jvmOptions comes before each component's list: with the default lists it is replaced, and says so", () => {
    const d = withSpec((s) => (s.jvmOptions = ['-Xmx30g']));
    expect(summary(checksOf(d))).toEqual([
      ['jvm-option-overridden', 'info', 'spec.jvmOptions[0]'],
      ['jvm-option-overridden', 'info', 'spec.jvmOptions[0]'],
      ['jvm-option-overridden', 'info', 'spec.jvmOptions[0]'],
    ]);
    const c = checksOf(d)[1];
    expect(c.message).toBe(
      "worker: -Xmx30g is replaced by -Xmx8g at spec.worker.jvmOptions[0] (the operator's default list), which the JVM reads later (the last of a repeated option wins), so -Xmx30g has no effect",
    );
    expect(plan(stringify(d)).assumptions.find((a) => a.startsWith('memory'))).toMatch(
      /JVM options also read from spec\.jvmOptions, in the order the JVM reads them .*spec\.jvmOptions assumed to reach every component as ALLUXIO_JAVA_OPTS/,
    );
  });

  it('an option only spec.jvmOptions gives counts, its fix adds the option to the component list, and converges', () => {
    const d = withSpec((s) => {
      s.jvmOptions = ['-XX:MaxDirectMemorySize=8g'];
      s.worker.jvmOptions = ['-Xmx16g', '-Xms16g'];
    });
    const found = checksOf(d).filter((c) => c.severity !== 'info');
    expect(summary(found)).toEqual([['jvm-memory-over-limit', 'error', 'spec.worker.resources.limits.memory']]);
    expect(found[0].message).toMatch(/direct memory -XX:MaxDirectMemorySize=8g \(8\.00 GiB, spec\.jvmOptions\[0\]\)/);
    expect(found[0].fix).toMatch(/or add -XX:MaxDirectMemorySize=2g in spec\.worker\.jvmOptions$/);
    for (const fixed of applyMemoryFix(d, found[0])) expect(checksOf(fixed).filter((c) => c.field === found[0].field)).toEqual([]);
  });

  it('env: JAVA_TOOL_OPTIONS is read before the list, _JAVA_OPTIONS after it (HotSpot); a fix edits _JAVA_OPTIONS', () => {
    const early = withSpec((s) => (s.worker.env = { JAVA_TOOL_OPTIONS: '-Xmx30g' }));
    expect(summary(checksOf(early))).toEqual([['jvm-option-overridden', 'info', 'spec.worker.env.JAVA_TOOL_OPTIONS']]);
    const late = withSpec((s) => (s.worker.env = { _JAVA_OPTIONS: '-Xmx12g -XX:MaxDirectMemorySize=12g' }));
    const found = checksOf(late).filter((c) => c.severity !== 'info');
    expect(summary(found)).toEqual([['jvm-memory-over-limit', 'error', 'spec.worker.resources.limits.memory']]);
    expect(found[0].message).toMatch(/heap -Xmx12g \(12\.00 GiB, spec\.worker\.env\._JAVA_OPTIONS\)/);
    expect(found[0].fix).toMatch(/lower -XX:MaxDirectMemorySize=6g in spec\.worker\.env\._JAVA_OPTIONS$/);
    for (const fixed of applyMemoryFix(late, found[0])) expect(checksOf(fixed).filter((c) => c.field === found[0].field)).toEqual([]);
  });

  it("the worker launcher sees ALLUXIO_JAVA_OPTS and the list, not JAVA_TOOL_OPTIONS: its -Xmx4g replaces that one's", () => {
    const d = withSpec((s) => {
      s.worker.env = { JAVA_TOOL_OPTIONS: '-Xmx12g' };
      s.worker.jvmOptions = ['-XX:MaxDirectMemorySize=8g'];
    });
    const found = checksOf(d);
    expect(summary(found)).toEqual([['jvm-option-overridden', 'info', 'spec.worker.env.JAVA_TOOL_OPTIONS']]);
    expect(found[0].message).toMatch(/-Xmx12g is replaced by -Xmx4g \(Alluxio's worker launcher default, no -Xmx in the options\)/);
    expect(found[0].fix).toMatch(/^write -Xmx12g in spec\.worker\.jvmOptions: the launcher adds -Xmx4g only when/);
    const alluxio = withSpec((s) => {
      s.worker.env = { ALLUXIO_JAVA_OPTS: '-Xmx10g' };
      s.worker.jvmOptions = ['-XX:MaxDirectMemorySize=8g'];
    });
    expect(summary(checksOf(alluxio))).toEqual([]); // the launcher sees -Xmx10g: 10 + 8 GiB leave the 2 GiB margin of 20Gi
  });

  it('env ALLUXIO_WORKER_JAVA_OPTS is replaced by the chart (a warning, not counted); moving it converges', () => {
    const d = withSpec((s) => (s.worker.env = { ALLUXIO_WORKER_JAVA_OPTS: '-Xmx30g' }));
    const found = checksOf(d);
    expect(summary(found)).toEqual([['jvm-options-ignored', 'warning', 'spec.worker.env.ALLUXIO_WORKER_JAVA_OPTS']]);
    expect(found[0].fix).toBe(
      "move these options to spec.worker.jvmOptions (writing the list replaces the operator's default: keep its -Xmx, -Xms and -XX:MaxDirectMemorySize) and remove spec.worker.env.ALLUXIO_WORKER_JAVA_OPTS",
    );
    const moved = withSpec((s) => (s.worker.jvmOptions = ['-Xmx8g', '-Xms8g', '-XX:MaxDirectMemorySize=8g']));
    expect(checksOf(moved)).toEqual([]);
  });

  it("FUSE: env ALLUXIO_FUSE_JVM_OPTS replaces FUSE's list (the chart's ${...:-} default); the fix edits it", () => {
    const d = withSpec((s) => (s.fuse = { env: { ALLUXIO_FUSE_JVM_OPTS: '-Xmx12g -XX:MaxDirectMemorySize=8g' } }));
    const found = checksOf(d);
    expect(summary(found)).toEqual([['jvm-memory-over-limit', 'error', 'spec.fuse.resources.limits.memory']]);
    expect(found[0].fix).toMatch(/lower -XX:MaxDirectMemorySize=\S+ in spec\.fuse\.env\.ALLUXIO_FUSE_JVM_OPTS$/);
    for (const fixed of applyMemoryFix(d, found[0])) expect(checksOf(fixed).filter((c) => c.field === found[0].field)).toEqual([]);
  });

  it('FUSE overrides are FUSEs of their own (resources merged, jvmOptions replacing); ignored unless fuse.type is csi', () => {
    const ok = withSpec(
      (s) => (s.fuse = { overrides: [{ name: 'big', resources: { limits: { memory: '40Gi' } }, jvmOptions: ['-Xmx16g', '-XX:MaxDirectMemorySize=16g'] }] }),
    );
    expect(checksOf(ok)).toEqual([]);
    const d = withSpec((s) => (s.fuse = { overrides: [{ name: 'big', jvmOptions: ['-Xmx16g', '-XX:MaxDirectMemorySize=16g'] }] }));
    const found = checksOf(d);
    expect(found.map((c) => [c.id, c.field, c.message.split(':')[0]])).toEqual([
      ['jvm-memory-over-limit', 'spec.fuse.overrides[0].resources.limits.memory', 'FUSE override big'],
    ]);
    expect(found[0].fix).toMatch(/^raise spec\.fuse\.overrides\[0\]\.resources\.limits\.memory to 36Gi/);
    for (const fixed of applyMemoryFix(d, found[0])) expect(checksOf(fixed).filter((c) => c.field === found[0].field)).toEqual([]);
    const daemonset = withSpec((s) => (s.fuse = { type: 'daemonSet', overrides: [{ name: 'big', jvmOptions: ['-Xmx16g', '-XX:MaxDirectMemorySize=16g'] }] }));
    expect(summary(checksOf(daemonset))).toEqual([['jvm-options-ignored', 'warning', 'spec.fuse.overrides']]);
  });

  it('bad input: env not a mapping, a variable not a string, spec.jvmOptions not a list', () => {
    const text = (f: (s: Spec) => void) => stringify(withSpec(f));
    expect(() =>
      parseManifest(
        text((s) => (s.worker.env = ['A=1'])),
        'm.yaml',
      ),
    ).toThrow(/spec\.worker\.env.*map\[string\]string/);
    expect(() =>
      parseManifest(
        text((s) => (s.worker.env = { _JAVA_OPTIONS: 5 })),
        'm.yaml',
      ),
    ).toThrow(/spec\.worker\.env\._JAVA_OPTIONS.*quote it/);
    expect(() =>
      parseManifest(
        text((s) => (s.jvmOptions = '-Xmx8g')),
        'm.yaml',
      ),
    ).toThrow(/spec\.jvmOptions.*list of JVM options/);
  });

  it('property: options spread over every source; each fix that names a value, applied, leaves nothing on its field', () => {
    // 'none': the option is not written, so the worker launcher's default applies (unless JAVA_TOOL_OPTIONS or
    // _JAVA_OPTIONS hold it, which the launcher does not see).
    const SOURCES = ['spec', 'tool', 'alluxio', 'list', 'late', 'none'] as const;
    const place = (s: Spec, where: (typeof SOURCES)[number], option: string): void => {
      if (where === 'none') return;
      const env = (s.worker.env ??= {}) as Record<string, string>;
      const list = (s.jvmOptions ??= []) as string[];
      const add = (name: string) => (env[name] = `${env[name] ?? ''} ${option}`.trim());
      if (where === 'spec') list.push(option);
      else if (where === 'list') (s.worker.jvmOptions ??= []).push(option);
      else add(where === 'tool' ? 'JAVA_TOOL_OPTIONS' : where === 'alluxio' ? 'ALLUXIO_JAVA_OPTS' : '_JAVA_OPTIONS');
    };
    let applied = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 48 * 1024 }),
        fc.integer({ min: 0, max: 48 * 1024 }),
        fc.integer({ min: 2, max: 96 }),
        fc.constantFrom(...SOURCES),
        fc.constantFrom(...SOURCES),
        (heapMi, directMi, limitGi, heapAt, directAt) => {
          const d = withSpec((s) => {
            s.worker.resources = { limits: { memory: `${limitGi}Gi` }, requests: { memory: '1Gi' } };
            s.worker.jvmOptions = ['-XX:+UseG1GC'];
            place(s, heapAt, `-Xmx${heapMi}m`);
            place(s, directAt, `-XX:MaxDirectMemorySize=${directMi}m`);
          });
          for (const c of checksOf(d).filter((x) => x.severity !== 'info')) {
            for (const fixed of applyMemoryFix(d, c)) {
              const left = checksOf(fixed).filter((x) => x.field === c.field && x.severity !== 'info');
              expect(left, `${c.fix} on ${stringify(d.spec)}`).toEqual([]);
              applied += 1;
            }
          }
        },
      ),
      { seed: 2424, numRuns: 120 },
    );
    expect(applied).toBeGreaterThan(50); // 90 fixes applied with this seed
  });
});
