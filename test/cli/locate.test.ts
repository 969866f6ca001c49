import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { identityFromJSON, identityToString } from '../../src/ring/alluxio/identity.js';
import { sharedJSON, type IdentityJSON } from '../shared.js';
import { cli, tempFile } from './helpers.js';

const workerList = sharedJSON<IdentityJSON[]>('alluxio-vectors/workerList.json');
const fileUrlWorkers = sharedJSON<Record<string, IdentityJSON[]>>('alluxio-vectors/fileUrlWorkers.json');
const asId = (j: IdentityJSON): string => identityToString(identityFromJSON(j));

describe('ring-sim locate', () => {
  it('runs as the executable the package.json bin names (npx runs it through its #! line)', () => {
    const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('reproduces the 21 Alluxio vectors in exact order (workers file of worker-<uuid> lines)', async () => {
    const W = tempFile('workers.txt', workerList.map(asId).join('\n') + '\n');
    const urls = Object.keys(fileUrlWorkers);
    const r = await cli('locate', '--algorithm', 'alluxio-consistent', '--vnodes', '5', '--replicas', '5', '--workers', W, '--json', ...urls);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; workers: string[] });
    expect(lines.length).toBe(21);
    for (const line of lines) expect(line.workers).toEqual(fileUrlWorkers[line.key].map(asId));
  });

  it('reads a JSON array of Alluxio identities, and keys from a file', async () => {
    const W = tempFile('workers.json', JSON.stringify(workerList));
    const urls = Object.keys(fileUrlWorkers);
    const K = tempFile('keys.txt', urls.join('\n'));
    // The vectors are open source's 5 virtual nodes: --edition oss gives them (the default, Enterprise, is 2000).
    const r = await cli('locate', '--workers', W, '--edition', 'oss', '--replicas', '5', '--keys', K);
    expect(r.code).toBe(0);
    const all = r.stdout.trim().split('\n');
    expect(all.filter((l) => l.startsWith('# assumed: '))[0]).toMatch(
      /^# assumed: 5 virtual nodes per worker: the open-source default \(--edition oss\); pass --vnodes N or --manifest FILE/,
    );
    const lines = all.filter((l) => !l.startsWith('# '));
    lines.forEach((line, i) => {
      const [key, workers] = line.split('\t');
      expect(key).toBe(urls[i]);
      expect(workers.split(' ')).toEqual(fileUrlWorkers[urls[i]].map(asId));
    });
  });

  it('reads "id weight zone" lines with comments for weighted algorithms', async () => {
    const W = tempFile('w.txt', '# ketama servers\n10.0.0.1:11211 600 zone-a\n10.0.0.2:11211 300 zone-b # half\n\n');
    const r = await cli('locate', '-a', 'ketama', '-w', W, '-r', '2', 'user:42');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\t')[1].split(' ').sort()).toEqual(['10.0.0.1:11211', '10.0.0.2:11211']);
  });

  it.each([
    [['locate', 'k'], /--workers.*pass --workers FILE/],
    [['locate', '-w', '/nonexistent/w.txt', 'k'], /cannot read the file \(ENOENT\)/],
    [['locate', '-a', 'nope', '-w', 'x', 'k'], /--algorithm must be one of/],
    [['locate', '-w', '@W', '-r', '3', 'k'], /Not enough workers in the cluster 2 workers in the cluster but 3 required/],
    [['locate', '-w', '@W', '--vnodes', '0', 'k'], /--vnodes must be a whole number/],
    [['locate', '-w', '@W'], /no keys given/],
    [['locate', '-w', '@BAD', 'k'], /bad\.txt:2 weight: a weight must be a positive finite number \(got "-3"\)/],
    [['locate', '-w', '@DUP', 'k'], /duplicate worker id/],
    [['locate', '--bogus'], /unknown option/],
  ])('bad input %j: one line on stderr, exit 2', async (argv, message) => {
    const W = tempFile('w.txt', 'worker-1\nworker-2\n');
    const BAD = tempFile('bad.txt', 'a 1\nb -3\n');
    const DUP = tempFile('dup.txt', 'a\na\n');
    const args = argv.map((a) => (a === '@W' ? W : a === '@BAD' ? BAD : a === '@DUP' ? DUP : a));
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs as the installed bin with exit code 2 on bad input', () => {
    const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
    const ok = execFileSync(process.execPath, [bin, 'locate', '-a', 'jump', '-w', tempFile('w.txt', 'a\nb\nc\n'), 'key-1'], { encoding: 'utf8' });
    expect(ok).toMatch(/^key-1\t[abc]\n$/);
    let code = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [bin, 'locate', 'k'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      code = (e as { status: number }).status;
      stderr = String((e as { stderr: string }).stderr);
    }
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ring-sim: error: --workers/);
  });
});

describe('ring-sim locate ring settings: flag, then --manifest, then the edition', () => {
  it('plain --workers takes the Enterprise 2000, --manifest its own, a flag beats both; --json keeps assumptions on stderr', async () => {
    const W = tempFile('workers.txt', workerList.map(asId).join('\n') + '\n');
    const M = tempFile(
      'm.yaml',
      [
        'apiVersion: k8s-operator.alluxio.com/v1',
        'kind: AlluxioCluster',
        'metadata:',
        '  name: c',
        'spec:',
        '  properties:',
        '    alluxio.user.consistent.hash.virtual.node.count.per.worker: "7"',
        '  worker:',
        '    count: 3',
        '    pagestore:',
        '      size: 100Gi',
        '      reservedSize: 10Gi',
        '',
      ].join('\n'),
    );
    const urls = Object.keys(fileUrlWorkers);
    const run = (...a: string[]) => cli('locate', '--workers', W, '--replicas', '3', '--json', ...a, ...urls);
    const [plain, v2000, manifest, v7, flag, v9] = await Promise.all([
      run(),
      run('--vnodes', '2000'),
      run('--manifest', M),
      run('--vnodes', '7'),
      run('--manifest', M, '--vnodes', '9'),
      run('--vnodes', '9'),
    ]);
    expect(plain.stdout).toBe(v2000.stdout);
    expect(plain.stderr).toMatch(/^ring-sim: assumed: 2000 virtual nodes per worker: the Enterprise default \(--edition enterprise\)/);
    expect(manifest.stdout).toBe(v7.stdout);
    expect(manifest.stderr).toContain('ring-sim: assumed: 7 virtual nodes per worker from ');
    expect(manifest.stderr).toContain('(spec.properties alluxio.user.consistent.hash.virtual.node.count.per.worker)');
    expect(flag.stdout).toBe(v9.stdout);
    expect(flag.stderr).not.toContain('virtual nodes');
    expect(plain.stdout).not.toBe(v7.stdout);
    for (const r of [plain, manifest, flag]) {
      expect(r.code).toBe(0);
      for (const line of r.stdout.trim().split('\n')) expect(Object.keys(JSON.parse(line) as object)).toEqual(['key', 'workers']);
    }
  });
});

describe('ring-sim locate with bare 32-hex identifiers', () => {
  it('reads the identifier hex of workerList.json as version-1 identities', async () => {
    const W = tempFile('hex.txt', workerList.map((w) => w.identifier).join('\n'));
    const urls = Object.keys(fileUrlWorkers);
    const r = await cli('locate', '--vnodes', '5', '--replicas', '5', '--workers', W, '--json', ...urls);
    expect(r.code).toBe(0);
    for (const line of r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string; workers: string[] })) {
      expect(line.workers).toEqual(fileUrlWorkers[line.key].map((j) => j.identifier));
    }
  });
});
