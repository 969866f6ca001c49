import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyLines } from '../../src/cli/keys-file.js';

describe('keyLines', () => {
  it('reads one key a line, skipping empty lines and CRLF endings, keeping spaces inside keys', () => {
    expect(keyLines('a\r\n\r\nb c\n\nd', '--keys', 'k.txt')).toEqual(['a', 'b c', 'd']);
    expect(keyLines('', '--keys', 'k.txt')).toEqual([]);
  });

  it('gives back the non-empty lines of any text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string().filter((s) => !/[\r\n]/.test(s)),
          { maxLength: 30 },
        ),
        fc.constantFrom('\n', '\r\n'),
        (keys, eol) => {
          expect(keyLines(keys.join(eol), '--keys', 'k.txt')).toEqual(keys.filter((k) => k !== ''));
        },
      ),
      { seed: 10, numRuns: 200 },
    );
  });
});
