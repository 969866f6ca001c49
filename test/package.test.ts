/**
 * The npm package as users get it: what `npm pack` would publish, and the tarball installed into a clean temporary
 * project, imported from ESM (with its types checked by tsc), refused from CommonJS with a clear message, and run
 * as the `ring-sim` bin, with no warning about install scripts. The pack runs in a scratch copy of what it packs,
 * with the package's own prepack and postpack steps (run by npm; `prepare` is skipped: npm test has just built
 * dist/, and rebuilding it here would race the other test files). The install tries npm offline-first; without a
 * registry or cache it falls back to unpacking the tarball into node_modules/ring-sim and linking the
 * dependencies from this checkout.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url).pathname;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: root, encoding: 'utf8' })) as {
  dependencies: Record<string, string>;
  files: string[];
};

/** A scratch copy of what `npm pack` reads: package.json, the pack-manifest step, and every `files` entry. */
function packSource(work: string): string {
  const source = join(work, 'source');
  for (const entry of ['package.json', 'scripts/pack-manifest.mjs', ...pkg.files.filter((f) => !f.startsWith('!'))]) {
    cpSync(join(root, entry), join(source, entry), { recursive: true });
  }
  return source;
}

const npmRun = (cwd: string, args: string[]): string => execFileSync(npm, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Runs one of the repository's lifecycle scripts as `npm pack` does: from the manifest npm read before prepack. */
function lifecycle(cwd: string, scripts: Record<string, string>, step: 'prepack' | 'postpack'): void {
  const script = scripts[step];
  if (script === undefined) throw new Error(`package.json has no ${step} script`);
  execFileSync('sh', ['-c', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('the npm package', () => {
  const work = mkdtempSync(join(tmpdir(), 'ring-sim-pack-'));
  const source = packSource(work);
  const original = readFileSync(join(source, 'package.json'), 'utf8');
  const scripts = (JSON.parse(original) as { scripts: Record<string, string> }).scripts;
  // prepack, pack without lifecycle scripts (prepare would rebuild dist/), postpack: as `npm pack` runs them.
  lifecycle(source, scripts, 'prepack');
  const packed = JSON.parse(npmRun(source, ['pack', '--ignore-scripts', '--json', '--pack-destination', work])) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  lifecycle(source, scripts, 'postpack');
  const files = packed[0].files.map((f) => f.path);
  const tarball = join(work, packed[0].filename);

  it('publishes what users need and nothing else', () => {
    for (const need of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/node.js',
      'dist/cli/main.js',
      'dist/viz/core.js',
      'viz/report.css',
      'dist/viz/report.js',
      'cjs/require.cjs',
      'examples/alluxio-cluster.yaml',
    ]) {
      expect(files).toContain(need);
    }
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /^(src|test|bench|wip)\//.test(f) || /^viz\/.*\.ts$/.test(f))).toEqual([]);
  });

  it("packs a package.json without install scripts, and puts the repository's back", () => {
    const published = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as { scripts: Record<string, string> };
    for (const step of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'postpack']) expect(published.scripts).not.toHaveProperty(step);
    expect(published.scripts).toHaveProperty('build');
    expect(readFileSync(join(source, 'package.json'), 'utf8')).toBe(original);
    expect(existsSync(join(source, 'package.json.repository'))).toBe(false);
  });

  it('installs into a clean project, imports with types, refuses require with a message, runs the bin', () => {
    const app = join(work, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', type: 'module', private: true }));
    const installed = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: app, encoding: 'utf8', timeout: 25_000 });
    if (installed.status === 0) expect(installed.stderr).not.toMatch(/install.scripts|allowScripts/i);
    else {
      // No registry and no cache here: unpack the tarball as npm would, and link the dependencies.
      const dest = join(app, 'node_modules', 'ring-sim');
      mkdirSync(dest, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1']);
      for (const dep of Object.keys(pkg.dependencies)) symlinkSync(join(root, 'node_modules', dep), join(app, 'node_modules', dep), 'dir');
      mkdirSync(join(app, 'node_modules', '.bin'), { recursive: true });
      symlinkSync(join(dest, 'dist', 'cli', 'main.js'), join(app, 'node_modules', '.bin', 'ring-sim'));
    }
    writeFileSync(
      join(app, 'use.ts'),
      [
        "import { parseQuantity, createPlacement } from 'ring-sim';",
        "import { fileTraceSource } from 'ring-sim/node';",
        "const bytes: bigint = parseQuantity('1Gi').bytes;",
        "const owners: string[] = createPlacement('alluxio-consistent', [{ id: 'a' }, { id: 'b' }]).locate('k');",
        'console.log(String(bytes), owners.length, typeof fileTraceSource);',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [] },
        files: ['use.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    const esm = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { parseQuantity } from 'ring-sim'; import { htmlAssets } from 'ring-sim/node'; console.log(String(parseQuantity('1Ki').bytes), typeof htmlAssets().css)",
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(esm.stderr).toBe('');
    expect(esm.stdout.trim()).toBe('1024 string');
    const cjs = spawnSync(process.execPath, ['-e', "require('ring-sim')"], { cwd: app, encoding: 'utf8' });
    expect(cjs.status).not.toBe(0);
    expect(cjs.stderr).toMatch(/ring-sim is ESM only/);
    const bin = spawnSync(join(app, 'node_modules', '.bin', 'ring-sim'), ['--version'], { cwd: app, encoding: 'utf8' });
    expect(bin.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    if (installed.status === 0) {
      // npx, as a user runs it: npm 11 repeats its install-scripts warning here for a package that has any.
      const npx = spawnSync(npm, ['exec', '--offline', '--', 'ring-sim', '--version'], { cwd: app, encoding: 'utf8', timeout: 25_000 });
      expect(npx.stderr).toBe('');
      expect(npx.stdout.trim()).toBe(bin.stdout.trim());
    }
    expect(existsSync(join(app, 'node_modules', 'ring-sim', 'dist', 'index.js'))).toBe(true);
  }, 60_000);
});
