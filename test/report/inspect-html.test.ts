import { describe, expect, it } from 'vitest';
import type { Membership } from '../../src/membership/membership.js';
import { contentSecurityPolicy, pageHead, type HtmlAssets } from '../../src/report/html.js';
import { buildInspect } from '../../src/report/inspect.js';
import { INSPECT_CSP, inspectRebalance, renderInspectHtml } from '../../src/report/inspect-html.js';

const ids = ['worker-11111111-1111-4111-8111-111111111111', 'worker-22222222-2222-4222-8222-222222222222', 'worker-33333333-3333-4333-8333-333333333333'];
const m: Membership = {
  cluster: 'c<1>',
  source: 'dump.json',
  notes: [],
  members: ids.map((identity, i) => ({ identity, address: `h${i}:29999`, state: i === 2 ? 'OFFLINE' : 'ONLINE' })),
};

describe('renderInspectHtml', () => {
  const r = buildInspect(m);
  const page = renderInspectHtml(r, 'table{}');

  it('has the shared page head, with a policy that runs no script and fetches nothing', () => {
    expect(INSPECT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(page.startsWith(pageHead('ring-sim inspect: c<1>', INSPECT_CSP, 'table{}'))).toBe(true);
    expect(page).not.toMatch(/<script(?! type="application\/json")/);
  });

  it('lists every worker in a table row, escaping what it prints', () => {
    for (const [i, id] of ids.entries()) expect(page).toMatch(new RegExp(`<tr><td>${id}</td><td>h${i}:29999</td><td>${i === 2 ? 'OFFLINE' : 'ONLINE'}</td>`));
    expect(page).toContain('<h1>Cluster c&lt;1&gt;</h1>');
    expect(page).toContain('<p>From dump.json: 3 registered, 2 ONLINE, 1 OFFLINE; 5 virtual nodes a worker.</p>');
    expect(page).toContain('Pass --dataset (and --ufs-bandwidth) for bytes re-read and time.');
  });

  it('embeds the model as JSON', () => {
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)![1];
    expect(JSON.parse(json).inspect.counts).toEqual(r.counts);
  });
});

describe('renderInspectHtml with the assets: the rebalance view of the cluster', () => {
  const assets: HtmlAssets = { css: 'table{}', script: 'ringSimReport;', d3: 'd3;', core: 'core;', sha256: (t) => `h(${t})` };
  const r = buildInspect({ ...m, members: m.members.map((w, i) => ({ ...w, host: i === 1 ? undefined : `10.0.0.${i}` })) }, { vnodes: 7, datasetBytes: 1024 });
  const page = renderInspectHtml(r, assets, { seed: 3, cacheBytes: 512, pagestoreType: 'emptyDir' });

  it("has the plan page's policy (the inlined scripts by hash, nothing fetched) and its scripts, after the tables", () => {
    expect(page.startsWith(pageHead('ring-sim inspect: c<1>', contentSecurityPolicy(assets), 'table{}'))).toBe(true);
    expect(page).toContain('<div id="rebalance-slot"></div>\n</main>');
    expect(page).toContain('<script>d3;</script>\n<script type="module">core;</script>\n<script>ringSimReport;</script>');
  });

  it("embeds the ring inspect built: the identities in etcd's order, OFFLINE marked, the host beside each, the settings", () => {
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(page)![1];
    const data = JSON.parse(json) as { rebalance: ReturnType<typeof inspectRebalance> };
    expect(data.rebalance).toEqual(inspectRebalance(r, { seed: 3, cacheBytes: 512, pagestoreType: 'emptyDir' }));
    const { input, labels } = data.rebalance;
    expect(input.names).toEqual(ids);
    expect(input.model).toEqual({ weighted: false, vnodes: 7, seed: 3, workers: ids.map((id) => ({ id })) });
    expect(input.offline).toEqual([false, false, true]);
    expect([input.mode, input.datasetBytes, input.capacityBytes, input.pagestoreTypes]).toEqual([
      'dynamic',
      1024,
      [512, 512, 512],
      ['emptyDir', 'emptyDir', 'emptyDir'],
    ]);
    // No host registered: the address; OFFLINE said so.
    expect(labels).toEqual([`${ids[0]} (10.0.0.0)`, `${ids[1]} (h1:29999)`, `${ids[2]} (10.0.0.2, OFFLINE)`]);
  });

  it('without --manifest and --seed: unknown page stores (not capped), seed 1, hostPath', () => {
    const { input } = inspectRebalance(buildInspect(m));
    expect([input.model.seed, input.capacityBytes, input.pagestoreTypes, input.datasetBytes]).toEqual([
      1,
      [null, null, null],
      ['hostPath', 'hostPath', 'hostPath'],
      null,
    ]);
  });
});
