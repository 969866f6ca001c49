import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countDocumentMarkers, nestingBound, parseYamlDocuments } from '../../src/core/yaml.js';

describe('countDocumentMarkers', () => {
  it('counts --- and ... at the start of a line only', () => {
    expect(countDocumentMarkers('a: 1\n---\nb: 2\n...\n--- # c\n')).toBe(3);
    expect(countDocumentMarkers('a: "---"\n  ---\nb: ----\n')).toBe(0);
  });
});

describe('nestingBound', () => {
  it('bounds flow and block nesting from above', () => {
    expect(nestingBound('a: 1\n')).toBeGreaterThanOrEqual(1);
    expect(nestingBound('a: [[[1]]]\n')).toBeGreaterThanOrEqual(4);
    expect(nestingBound('a:\n  b:\n    c: 1\n')).toBeGreaterThanOrEqual(3);
    expect(nestingBound('- - - 1\n')).toBeGreaterThanOrEqual(3);
  });

  it('ignores brackets in quotes and comments', () => {
    expect(nestingBound('a: "[[[[[[["\nb: 1 # [[[[[[[\n')).toBeLessThan(4);
  });

  it('is at least the depth of any nested flow list (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), (d) => {
        expect(nestingBound(`a: ${'['.repeat(d)}1${']'.repeat(d)}\n`)).toBeGreaterThanOrEqual(d);
      }),
      { seed: 9, numRuns: 50 },
    );
  });
});

describe('parseYamlDocuments', () => {
  it('returns the documents as plain values, empty ones left out', () => {
    expect(parseYamlDocuments('a: 1\n---\n---\n- 2\n', 'f.yaml')).toEqual([{ a: 1 }, [2]]);
    expect(parseYamlDocuments('{"json": true}', 'f.json')).toEqual([{ json: true }]);
  });

  it('refuses too many documents, too deep nesting and alias bombs, naming the file', () => {
    expect(() => parseYamlDocuments('a: 1\n---\nb: 2\n', 'f.yaml', { maxDocuments: 1 })).toThrow(
      /^f\.yaml: documents: more than 1 YAML document \(got 2\); give one document$/,
    );
    expect(() => parseYamlDocuments('---\n'.repeat(300), 'f.yaml')).toThrow(
      /^f\.yaml: documents: more than 100 YAML documents \(--- and \.\.\. lines counted\)/,
    );
    expect(() => parseYamlDocuments(`a: ${'['.repeat(70)}${']'.repeat(70)}\n`, 'f.yaml')).toThrow(/^f\.yaml: nesting: YAML nested deeper than 64 levels/);
    const bomb = 'a: &a [1,2,3,4,5,6,7,8,9,10]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n';
    expect(() => parseYamlDocuments(bomb, 'f.yaml', { maxAliases: 10 })).toThrow(/^f\.yaml: YAML aliases expand too far/);
  });

  it('says which document of several is not valid YAML', () => {
    expect(() => parseYamlDocuments('a: 1\n---\nb: [\n', 'f.yaml')).toThrow(/^f\.yaml: document 2: not valid YAML/);
    expect(() => parseYamlDocuments('a: [\n', 'f.yaml')).toThrow(/^f\.yaml: not valid YAML/);
  });

  it('lets the last of duplicate keys win unless uniqueKeys is asked for', () => {
    expect(parseYamlDocuments('a: 1\na: 2\n', 'f.yaml')).toEqual([{ a: 2 }]);
    expect(() => parseYamlDocuments('a: 1\na: 2\n', 'f.yaml', { uniqueKeys: true })).toThrow(/not valid YAML/);
  });
});
