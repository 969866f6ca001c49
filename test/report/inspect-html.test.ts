import { describe, expect, it } from 'vitest';
import type { Membership } from '../../src/membership/membership.js';
import { pageHead } from '../../src/report/html.js';
import { buildInspect } from '../../src/report/inspect.js';
import { INSPECT_CSP, renderInspectHtml } from '../../src/report/inspect-html.js';

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
