/** The memory checks (src/plan/checks/memory.ts) through the plan of manifests written from the guide. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { parseManifest, parseManifests } from '../../../src/plan/manifest.js';
import { jvmMarginBytes, limitPasses, memoryChecks } from '../../../src/plan/checks/memory.js';
import type { PlanContext } from '../../../src/plan/context.js';
import { GKE, ids, MINIMAL, plan } from '../guide-manifests.js';
import { builtCli, tempFile } from '../../cli/helpers.js';

const GiB = 1n << 30n;
const MEMORY_IDS = ['jvm-memory-over-limit', 'jvm-memory-headroom', 'memory-request-over-limit', 'jvm-option-invalid', 'jvm-heap-min-over-max'];

/** MINIMAL with worker fields (indented under spec.worker) added. */
const worker = (fields: string): string => MINIMAL.replace('    count: 1\n', `    count: 1\n${fields}`);
const jvm = (...options: string[]): string => `    jvmOptions:\n${options.map((o) => `      - "${o}"\n`).join('')}`;
const limits = (limit?: string, request?: string): string =>
  `    resources:\n${limit ? `      limits:\n        memory: ${limit}\n` : ''}${request ? `      requests:\n        memory: ${request}\n` : ''}`;
const checksOf = (text: string) => memoryChecks({ manifest: parseManifest(text, 'm.yaml') } as PlanContext);

describe('memory (guide D.4: OOM, Exit Code 137)', () => {
  it("the operator's defaults pass: the guide's manifests and every example raise no memory finding", () => {
    for (const text of [MINIMAL, GKE]) expect(checksOf(text)).toEqual([]);
    for (const dir of ['examples/', 'examples/day2/']) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
        for (const m of parseManifests(readFileSync(dir + f, 'utf8'), f)) expect(memoryChecks({ manifest: m } as PlanContext).map((c) => c.id)).toEqual([]);
      }
    }
    const r = plan(MINIMAL);
    expect(r.assumptions.find((a) => a.startsWith('memory (guide D.4)'))).toMatch(
      /worker jvmOptions -Xmx8g -Xms8g -XX:MaxDirectMemorySize=8g, limits.memory 20Gi, requests.memory 16Gi/,
    );
  });

  it('heap + direct memory over the limit is an error on limits.memory; both fixes pass when applied', () => {
    const text = worker(jvm('-Xmx16g', '-Xms16g', '-XX:MaxDirectMemorySize=8g'));
    const c = plan(text).checks.find((x) => x.id === 'jvm-memory-over-limit')!;
    expect(c).toMatchObject({ severity: 'error', field: 'spec.worker.resources.limits.memory', source: 'guide D.4 (OOM, Exit Code 137)' });
    expect(c.message).toBe(
      "worker: the JVM may use heap -Xmx16g (16.00 GiB) plus direct memory -XX:MaxDirectMemorySize=8g (8.00 GiB) = 24.00 GiB, more than limits.memory 20Gi (20.00 GiB, the operator's default): under load the kernel OOM-kills the container (Exit Code 137) and the pod restarts",
    );
    expect(c.fix).toBe(
      'raise spec.worker.resources.limits.memory to 27Gi (requests.memory 16Gi stays within it), or lower -XX:MaxDirectMemorySize=2g in spec.worker.jvmOptions',
    );
    expect(ids(plan(text), 'error')).toContain('jvm-memory-over-limit');
    expect(checksOf(text.replace('    jvmOptions:', `${limits('27Gi')}    jvmOptions:`))).toEqual([]);
    expect(checksOf(text.replace('MaxDirectMemorySize=8g', 'MaxDirectMemorySize=2g'))).toEqual([]);
    // One byte more direct memory than the fix names raises the warning again.
    expect(checksOf(text.replace('MaxDirectMemorySize=8g', 'MaxDirectMemorySize=2049m')).map((x) => x.id)).toEqual(['jvm-memory-headroom']);
  });

  it('every JVM spelling of the same sizes gives the same finding', () => {
    const spellings = [
      ['-Xmx16g', '16G'],
      ['-Xmx16384m', '16384M'],
      ['-Xmx17179869184', '17179869184'],
    ];
    const found = spellings.map(([xmx, d]) => checksOf(worker(jvm(xmx, `-XX:MaxDirectMemorySize=${d}`))).map((x) => `${x.id} ${x.fix}`));
    for (const f of found)
      expect(f).toEqual([
        'jvm-memory-over-limit raise spec.worker.resources.limits.memory to 36Gi (requests.memory 16Gi stays within it), or lower -XX:MaxDirectMemorySize=2g in spec.worker.jvmOptions',
      ]);
  });

  it('less than the model margin left is a warning; exactly the margin passes', () => {
    const text = worker(jvm('-Xmx9g', '-Xms9g', '-XX:MaxDirectMemorySize=10g'));
    const c = checksOf(text)[0];
    expect(c).toMatchObject({ id: 'jvm-memory-headroom', severity: 'warning', field: 'spec.worker.resources.limits.memory' });
    expect(c.message).toMatch(
      /leave 1\.00 GiB of limits\.memory 20Gi \(20\.00 GiB, the operator's default\) for metaspace.*less than the 2\.00 GiB margin \(ring-sim model: 1 GiB or 10 % of the limit, whichever is larger\)/,
    );
    expect(c.source).toMatch(/ring-sim model/);
    expect(checksOf(worker(jvm('-Xmx9g', '-Xms9g', '-XX:MaxDirectMemorySize=9g')))).toEqual([]);
  });

  it('a decimal limit (20G = 18.63 GiB) is read exactly, as Kubernetes reads it', () => {
    const nine = jvm('-Xmx9g', '-Xms9g', '-XX:MaxDirectMemorySize=9g');
    expect(checksOf(worker(limits('20Gi', '16Gi') + nine))).toEqual([]);
    const c = checksOf(worker(limits('20G', '16G') + nine))[0];
    expect(c).toMatchObject({ id: 'jvm-memory-headroom' });
    expect(c.message).toMatch(/leave 641\.49 MiB of limits\.memory 20G \(18\.63 GiB\)/);
  });

  it('a request above its limit is an error (the default request counts: 16Gi over a written 12Gi limit); the fix passes', () => {
    const text = worker(limits('12Gi') + jvm('-Xmx4g', '-Xms4g', '-XX:MaxDirectMemorySize=4g'));
    const c = checksOf(text);
    expect(c.map((x) => x.id)).toEqual(['memory-request-over-limit']);
    expect(c[0]).toMatchObject({
      severity: 'error',
      field: 'spec.worker.resources.requests.memory',
      fix: 'set spec.worker.resources.requests.memory to at most 12Gi (e.g. 12Gi), or raise limits.memory to at least 16Gi',
    });
    expect(c[0].message).toMatch(/requests\.memory 16Gi \(the operator's default\) is more than limits\.memory 12Gi: Kubernetes rejects/);
    expect(checksOf(worker(limits('12Gi', '12Gi') + jvm('-Xmx4g', '-Xms4g', '-XX:MaxDirectMemorySize=4g')))).toEqual([]);
  });

  it('an option the JVM refuses, and -Xms above -Xmx, are errors on that list item', () => {
    const bad = checksOf(worker(jvm('-Xmx12gb', '-XX:MaxDirectMemorySize=4g')));
    expect(bad[0]).toMatchObject({ id: 'jvm-option-invalid', severity: 'error', field: 'spec.worker.jvmOptions[0]' });
    expect(bad[0].message).toMatch(/"Invalid maximum heap size: -Xmx12gb"/);
    const minMax = checksOf(worker(jvm('-Xmx4g', '-Xms8g', '-XX:MaxDirectMemorySize=4g')));
    expect(minMax.map((x) => [x.id, x.field, x.fix])).toEqual([
      ['jvm-heap-min-over-max', 'spec.worker.jvmOptions[1]', "set -Xms4g (the same as -Xmx, as the operator's defaults do) or lower"],
    ]);
  });

  it("without -Xmx a worker gets Alluxio's launcher defaults, -Xmx4g and -XX:MaxDirectMemorySize=4g (worker.go)", () => {
    expect(checksOf(worker(jvm('-XX:+UseG1GC')))).toEqual([]); // 4 GiB + 4 GiB in the default 20Gi
    const r = plan(worker(jvm('-XX:+UseG1GC')));
    expect(r.assumptions.find((a) => a.startsWith('memory (guide D.4)'))).toMatch(
      /worker heap -Xmx4g: Alluxio's worker launcher default, no -Xmx in the options; worker direct memory -XX:MaxDirectMemorySize=4g: Alluxio's worker launcher default, no -XX:MaxDirectMemorySize in the options \(Alluxio\/alluxio cli\/src\/alluxio\.org\/cli\/processes\/worker\.go\)/,
    );
    const c = checksOf(worker(jvm('-XX:MaxDirectMemorySize=16g')))[0];
    expect(c.id).toBe('jvm-memory-headroom');
    expect(c.message).toMatch(
      /heap -Xmx4g \(4\.00 GiB, Alluxio's worker launcher default, no -Xmx in the options\) plus direct memory -XX:MaxDirectMemorySize=16g \(16\.00 GiB\) = 20\.00 GiB leave 0\.00 B/,
    );
    expect(c.fix).toBe(
      'raise spec.worker.resources.limits.memory to 23Gi (requests.memory 16Gi stays within it), or lower -XX:MaxDirectMemorySize=14g in spec.worker.jvmOptions',
    );
    expect(checksOf(worker(limits('23Gi') + jvm('-XX:MaxDirectMemorySize=16g')))).toEqual([]);
    // -Xms above the launcher's -Xmx4g: the JVM refuses to start.
    expect(checksOf(worker(jvm('-Xms8g'))).map((x) => x.id)).toEqual(['jvm-heap-min-over-max']);
  });

  it("-XX:MaxHeapSize= alone does not stop the launcher's -Xmx4g (its test is for the text -Xmx), which wins", () => {
    const found = checksOf(worker(jvm('-XX:MaxHeapSize=16777216k', '-XX:MaxDirectMemorySize=16777216K')));
    expect(found.map((x) => [x.id, x.severity, x.field])).toEqual([
      ['jvm-option-overridden', 'info', 'spec.worker.jvmOptions[0]'],
      ['jvm-memory-headroom', 'warning', 'spec.worker.resources.limits.memory'],
    ]);
    expect(found[0].message).toMatch(/-XX:MaxHeapSize=16777216k is replaced by -Xmx4g \(Alluxio's worker launcher default, no -Xmx in the options\)/);
    expect(found[0].fix).toMatch(/^write -Xmx16777216k in spec\.worker\.jvmOptions/);
  });

  it('with MaxRAMPercentage (no launcher -Xmx), and for the coordinator and FUSE, the heap is a share of the limit', () => {
    const c = checksOf(worker(jvm('-XX:MaxRAMPercentage=25', '-XX:MaxDirectMemorySize=16g')))[0];
    expect(c.message).toMatch(/heap 5\.00 GiB \(no -Xmx: -XX:MaxRAMPercentage=25 of the limit\) plus direct memory -XX:MaxDirectMemorySize=16g/);
    expect(c.fix).toBe('raise spec.worker.resources.limits.memory to 25Gi (requests.memory 16Gi stays within it)');
    expect(checksOf(worker(limits('25Gi') + jvm('-XX:MaxRAMPercentage=25', '-XX:MaxDirectMemorySize=16g')))).toEqual([]);
    const coord = MINIMAL.replace('  worker:\n', '  coordinator:\n    jvmOptions: ["-XX:MaxDirectMemorySize=8g"]\n  worker:\n');
    const found = checksOf(coord);
    expect(found.map((x) => [x.id, x.field])).toEqual([['jvm-memory-over-limit', 'spec.coordinator.resources.limits.memory']]);
    expect(found[0].message).toMatch(/heap 2\.50 GiB \(no -Xmx: HotSpot's default MaxRAMPercentage 25 of the limit\)/);
  });

  it('the coordinator, FUSE and each worker group are checked at their own fields; FUSE disabled is not', () => {
    const coord = MINIMAL.replace('  worker:\n', '  coordinator:\n    jvmOptions: ["-Xmx8g", "-XX:MaxDirectMemorySize=4g"]\n  worker:\n');
    expect(checksOf(coord).map((x) => [x.id, x.field])).toEqual([['jvm-memory-over-limit', 'spec.coordinator.resources.limits.memory']]);
    const fuse = MINIMAL.replace('  worker:\n', '  fuse:\n    resources:\n      limits:\n        memory: 10Gi\n  worker:\n');
    expect(checksOf(fuse).map((x) => [x.id, x.field])).toEqual([
      ['memory-request-over-limit', 'spec.fuse.resources.requests.memory'],
      ['jvm-memory-over-limit', 'spec.fuse.resources.limits.memory'],
    ]);
    expect(checksOf(fuse.replace('  fuse:\n', '  fuse:\n    enabled: false\n'))).toEqual([]);
    const groups = readFileSync('examples/alluxio-cluster-heterogeneous.yaml', 'utf8').replace(
      '        count: 4\n',
      '        count: 4\n        jvmOptions: ["-Xmx20g", "-XX:MaxDirectMemorySize=4g"]\n',
    );
    expect(checksOf(groups).map((x) => [x.id, x.field, x.message.split(':')[0]])).toEqual([
      ['jvm-memory-over-limit', 'spec.workerGroups[1].worker.resources.limits.memory', 'worker group large'],
    ]);
  });

  it('a memory quantity Kubernetes rejects is bad input naming the field', () => {
    expect(() => parseManifest(worker(limits('20GB')), 'm.yaml')).toThrow(/spec\.worker\.resources\.limits\.memory.*20GB.*write e\.g\. 20Gi/);
    expect(() => parseManifest(worker('    jvmOptions: -Xmx8g\n'), 'm.yaml')).toThrow(/spec\.worker\.jvmOptions.*list of JVM options/);
  });

  it('property: the fix converges: the limit it names, or the direct memory it names, raises nothing on the field', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 * 1024 }),
        fc.integer({ min: 0, max: 64 * 1024 }),
        fc.integer({ min: 2, max: 128 }),
        (heapMi, directMi, limitGi) => {
          const text = worker(limits(`${limitGi}Gi`, '1Gi') + jvm(`-Xmx${heapMi}m`, `-XX:MaxDirectMemorySize=${directMi}m`));
          const found = checksOf(text);
          const used = BigInt(heapMi + directMi) << 20n;
          const limit = BigInt(limitGi) * GiB;
          expect(found.length > 0).toBe(!limitPasses(limit, used));
          expect(limitPasses(limit, used)).toBe(limit - used >= jvmMarginBytes(limit));
          for (const c of found) {
            const raised = /limits\.memory to (\d+)Gi/.exec(c.fix)![1];
            expect(checksOf(text.replace(`memory: ${limitGi}Gi`, `memory: ${raised}Gi`))).toEqual([]);
            expect(checksOf(text.replace(`memory: ${limitGi}Gi`, `memory: ${Number(raised) - 1}Gi`)).length).toBe(1); // the least that passes
            const lower = /MaxDirectMemorySize=(\d+[gm])/.exec(c.fix);
            if (lower) expect(checksOf(text.replace(`MaxDirectMemorySize=${directMi}m`, `MaxDirectMemorySize=${lower[1]}`))).toEqual([]);
          }
        },
      ),
      { seed: 2407, numRuns: 150 },
    );
  });

  it('through the built CLI: the error and its fix in text and JSON, exit 1; the defaults exit as before', () => {
    const file = tempFile('m.yaml', worker(jvm('-Xmx16g', '-Xms16g', '-XX:MaxDirectMemorySize=8g')));
    const text = builtCli(['plan', file]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/ERROR {3}spec\.worker\.resources\.limits\.memory: worker: the JVM may use heap -Xmx16g/);
    expect(text.stdout).toMatch(/fix: raise spec\.worker\.resources\.limits\.memory to 27Gi/);
    const json = JSON.parse(builtCli(['plan', file, '--json']).stdout) as { checks: Array<{ id: string }> };
    expect(json.checks.filter((c) => MEMORY_IDS.includes(c.id)).map((c) => c.id)).toEqual(['jvm-memory-over-limit']);
    const ok = JSON.parse(builtCli(['plan', tempFile('ok.yaml', MINIMAL), '--json']).stdout) as { checks: Array<{ id: string }> };
    expect(ok.checks.filter((c) => MEMORY_IDS.includes(c.id))).toEqual([]);
  });
});
