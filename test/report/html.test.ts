import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, embedJSON, escapeHtml, pageHead, renderHtml, type HtmlAssets } from '../../src/report/html.js';
import { MINIMAL, plan } from '../plan/guide-manifests.js';

/** Small stand-in assets (strings; the CLI reads the real ones), with a visible "hash" so the CSP can be checked. */
const assets: HtmlAssets = { css: 'body{}', script: 'draw()', d3: 'var d3={}', core: 'globalThis.ringSim={}', sha256: (t) => `H(${t.length})` };

describe('escapeHtml and embedJSON', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('embeds any JSON value so that it cannot close its <script> element, and reads back the same (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, s) => {
        for (const v of [value, { s, tail: '</script><!--\u2028\u2029&' }]) {
          const text = embedJSON(v);
          expect(text).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        }
      }),
      { seed: 17, numRuns: 200 },
    );
  });
});

describe('the page head and the plan page', () => {
  it('the CSP allows exactly the inlined scripts and style by hash, WebAssembly, and no network', () => {
    expect(contentSecurityPolicy(assets)).toBe(
      "default-src 'none'; script-src 'sha256-H(9)' 'sha256-H(21)' 'sha256-H(6)' 'wasm-unsafe-eval'; style-src 'sha256-H(6)'; img-src data:; base-uri 'none'; form-action 'none'",
    );
  });

  it('pageHead writes the doctype, the policy, the escaped title and the style', () => {
    expect(pageHead('a <b>', "default-src 'none'", 'p{}')).toBe(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>a &lt;b&gt;</title>
<style>p{}</style>
</head>
`);
  });

  it('renderHtml inlines every asset after the head and embeds the model as JSON', () => {
    const report = plan(MINIMAL);
    const page = renderHtml({ plan: report }, assets);
    expect(page.startsWith(pageHead(`ring-sim plan: ${report.cluster.name}`, contentSecurityPolicy(assets), assets.css))).toBe(true);
    for (const a of [assets.d3, assets.core, assets.script]) expect(page).toContain(a);
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)![1];
    expect(JSON.parse(json).plan.cluster.name).toBe(report.cluster.name);
    expect(page.endsWith('</html>\n')).toBe(true);
  });
});
