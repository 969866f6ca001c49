import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlAssets } from '../../src/cli/html-assets.js';

// Run from source (src/cli/), so the placement core comes from dist/viz/core.js: `npm test` builds first.
describe('htmlAssets', () => {
  const a = htmlAssets();

  it("reads the stylesheet, the renderer's files in order, d3 and the placement core", () => {
    expect(a.css).toBe(readFileSync('viz/report.css', 'utf8'));
    // The renderer bundled from viz/main.ts (npm run build), then the views still written as classic scripts.
    const files = [
      readFileSync('dist/viz/report.js', 'utf8'),
      ...['rebalance.js', 'rebalance-views.js', 'inspect.js'].map((f) => readFileSync(`viz/${f}`, 'utf8')),
    ];
    expect(a.script).toBe(files.join('\n'));
    expect(a.d3).toMatch(/d3js\.org/);
    expect(a.core).toBe(readFileSync('dist/viz/core.js', 'utf8'));
  });

  it('hashes with base64 SHA-256, as the Content Security Policy wants', () => {
    expect(a.sha256('abc')).toBe('ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=');
    expect(a.sha256(a.css)).toBe(createHash('sha256').update(a.css).digest('base64'));
  });

  it('reads the files once', () => {
    expect(htmlAssets()).toBe(a);
  });
});
