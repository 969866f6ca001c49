import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInputFile, readTextFile } from '../../src/cli/input-file.js';

const dir = mkdtempSync(join(tmpdir(), 'ring-sim-input-'));

describe('checkInputFile and readTextFile', () => {
  it('reads a regular file as UTF-8', () => {
    const p = join(dir, 'a.yaml');
    writeFileSync(p, 'name: é\n');
    expect(checkInputFile(p, '--x')).toBe(9);
    expect(readTextFile(p, '--x')).toBe('name: é\n');
  });

  it('refuses an empty path, a missing file, a directory and a device, naming the flag', () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect(() => checkInputFile('', '--workers')).toThrow('--workers: empty path (got ""); give the path of a file');
    expect(() => checkInputFile(join(dir, 'missing'), '--workers')).toThrow(/^--workers: cannot read the file \(ENOENT\)/);
    expect(() => checkInputFile(sub, '--workers', 'workers file')).toThrow(
      /^--workers: is a directory, not a regular file \(got ".*sub"\); give the path of a workers file$/,
    );
    expect(() => readTextFile('/dev/zero', 'manifest')).toThrow(/^manifest: is a device, not a regular file/);
  });

  it('refuses a file past the limit before reading it', () => {
    const p = join(dir, 'big.txt');
    writeFileSync(p, 'x'.repeat(2048));
    expect(readTextFile(p, '--keys', 4096)).toHaveLength(2048);
    expect(() => readTextFile(p, '--keys', 1024)).toThrow(/^--keys: the file is 2,048 B, more than the 1(\.00)? KiB limit for --keys/);
  });
});
