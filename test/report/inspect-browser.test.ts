/**
 * The inspect page (`inspect --html`) in a real headless Chromium (Debian's `chromium`, driven by playwright-core),
 * written by the BUILT CLI from the example etcd export and opened from disk: the rebalance controls on the
 * cluster's exact identities compute, with ring-sim's own ring code in the page, the figures `inspect --json` gives
 * for the same identity: remove-worker (for an ONLINE identity exactly its share), stop, restart without its
 * identity and add, in the dynamic and the static ring; and for one identity chosen by a seeded draw, with other
 * ring settings, the figures of `inspect --worker ID --json`. No console errors, no network requests.
 * Skipped with a message when Chromium is missing, unless RING_SIM_REQUIRE_BROWSER=1 (CI sets it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { formatBinary } from '../../src/core/units.js';
import type { InspectEffect, InspectReport, InspectWhatIf } from '../../src/report/inspect.js';
import { builtCli } from '../membership/built-cli.js';

const CHROMIUM = process.env.RING_SIM_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.RING_SIM_REQUIRE_BROWSER === '1';
const available = existsSync(CHROMIUM);
const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = `${root}test-artifacts`;
const EXPORT = `${root}examples/etcd-export.json`;
const CLUSTER = 'alx-ns-alluxio-cluster';

if (!available && !required) {
  console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set RING_SIM_CHROMIUM)`);
}

const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;

/** One run of the built CLI: the JSON report on stdout, the page written to `html`. */
async function inspect(html: string, ...args: string[]): Promise<InspectReport> {
  const r = await builtCli(['inspect', '--etcd-export', EXPORT, '--cluster', CLUSTER, ...args, '--json', '--html', html]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as InspectReport;
}

let browser: Browser;

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(file: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  const url = `file://${file}`;
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-rendered="true"]', { timeout: 15_000 });
  return { page, errors, requests };
}

/** The page's figures now. */
async function figures(page: Page): Promise<{ moved: string; value: number; unreachable: string; samePod: string; bytes: number | null }> {
  const text = (k: string) => page.locator(`[data-metric="${k}"]`).innerText();
  return {
    moved: await text('moved'),
    value: Number(await page.locator('[data-metric="moved"]').getAttribute('data-value')),
    unreachable: await text('unreachable'),
    samePod: await text('same-pod'),
    bytes: await page
      .locator('[data-metric="bytes-moved"]')
      .getAttribute('data-value')
      .then((v) => (v === null ? null : Number(v))),
  };
}

/** The CLI's effect as the page prints it. */
function printed(e: InspectEffect): { moved: string; unreachable: string; samePod: string; bytes: number | null } {
  return { moved: pct(e.moved), unreachable: pct(e.unreachable), samePod: pct(e.samePod), bytes: e.rereadBytes };
}

async function ring(page: Page, mode: 'dynamic' | 'static'): Promise<void> {
  await page.selectOption('select[data-control="ring"]', mode);
}

/** The page's figures for a change, against the CLI's effect of that what-if in the same ring. */
async function expectSame(page: Page, e: InspectEffect): Promise<void> {
  const f = await figures(page);
  expect({ moved: f.moved, unreachable: f.unreachable, samePod: f.samePod, bytes: f.bytes }).toEqual(printed(e));
  expect(f.value).toBeCloseTo(e.moved, 12);
  // Without --dataset there are no bytes on either surface; with it, the page prints the CLI's bytes.
  const text = await page.locator('[data-metric="bytes-moved"]').innerText();
  expect(text).toBe(e.rereadBytes === null ? '-' : formatBinary(e.rereadBytes));
}

const whatIfOf = (r: InspectReport, kind: InspectWhatIf['kind'], identity: string): InspectWhatIf =>
  r.whatIf.find((w) => w.kind === kind && w.identities[0] === identity)!;

describe.skipIf(!available && !required)('inspect page in headless Chromium', () => {
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterEach(async () => {
    for (const c of browser?.contexts() ?? []) for (const p of c.pages()) await p.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('remove-worker of each identity equals inspect --json (an ONLINE one: exactly its share); stop, restart and add too, in both rings', async () => {
    const html = `${artifacts}/inspect-export.html`;
    const json = await inspect(html);
    const { page, errors, requests } = await open(html);
    const select = page.locator('select[data-control="remove-worker"]');
    // Every identity, the host beside it (OFFLINE ones said so).
    expect(await select.locator('option').evaluateAll((os) => os.map((o) => [o.getAttribute('value'), o.textContent]))).toEqual(
      json.workers.map((w) => [w.identity, `${w.identity} (${w.host}${w.state === 'OFFLINE' ? ', OFFLINE' : ''})`]),
    );
    expect(await page.locator('select[data-control="ring"]').inputValue()).toBe(json.ring);
    for (const w of json.workers) {
      await select.selectOption(w.identity);
      const f = await figures(page);
      if (w.state === 'ONLINE') {
        expect(f.moved).toBe(pct(w.share));
        expect(f.value).toBeCloseTo(w.share, 12);
        // Dynamic ring: removing an ONLINE worker moves what stopping it moves (its range); the CLI's row for it.
        expect(f.value).toBeCloseTo(whatIfOf(json, 'stop', w.identity).dynamic!.moved, 12);
      } else {
        await expectSame(page, whatIfOf(json, 'remove-offline', w.identity).dynamic!);
        expect(f.value).toBe(0);
      }
    }
    await page.screenshot({ path: `${artifacts}/inspect-export-remove.png`, fullPage: true });
    // The static ring: remove-worker of an OFFLINE identity moves its range back into the cache.
    await ring(page, 'static');
    for (const w of json.workers.filter((x) => x.state === 'OFFLINE')) {
      await select.selectOption(w.identity);
      await expectSame(page, whatIfOf(json, 'remove-offline', w.identity).static);
      expect((await figures(page)).value).toBeCloseTo(w.staticShare, 12);
    }
    // Stop: only ONLINE identities are offered; each equals the CLI's stop row, in both rings.
    const stop = page.locator('select[data-control="stop-worker"]');
    const online = json.workers.filter((w) => w.state === 'ONLINE');
    expect(await stop.locator('option').evaluateAll((os) => os.map((o) => o.getAttribute('value')))).toEqual(online.map((w) => w.identity));
    for (const mode of ['static', 'dynamic'] as const) {
      await ring(page, mode);
      for (const w of online.slice(0, 3)) {
        await stop.selectOption(w.identity);
        const row = whatIfOf(json, 'stop', w.identity);
        await expectSame(page, mode === 'static' ? row.static : row.dynamic!);
      }
    }
    // Restart without its identity (the busiest worker, as the CLI's row) and add 1: the same drawn identities.
    const restart = json.whatIf.find((w) => w.kind === 'restart-new-identity')!;
    const add = json.whatIf.find((w) => w.kind === 'add')!;
    for (const mode of ['dynamic', 'static'] as const) {
      await ring(page, mode);
      await page.selectOption('select[data-control="restart-worker"]', restart.identities[0]);
      await expectSame(page, mode === 'static' ? restart.static : restart.dynamic!);
      await page.fill('input[data-control="add-workers"]', '1');
      await expectSame(page, mode === 'static' ? add.static : add.dynamic!);
    }
    expect(await page.locator('#shares g.share').count()).toBe(json.workers.length + 1);
    await page.screenshot({ path: `${artifacts}/inspect-export-add.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('an identity drawn with a seed, other virtual nodes and a data set: the page equals inspect --worker ID --json', async () => {
    const all = await inspect(`${artifacts}/inspect-all.html`);
    const pick = all.workers[new Random(2027).int(all.workers.length)];
    const html = `${artifacts}/inspect-worker.html`;
    const json = await inspect(html, '--worker', pick.identity, '--vnodes', '64', '--seed', '9', '--dataset', '20TiB');
    expect(json.vnodes).toBe(64);
    const { page, errors, requests } = await open(html);
    await page.selectOption('select[data-control="remove-worker"]', pick.identity);
    const me = json.workers.find((w) => w.identity === pick.identity)!;
    if (pick.state === 'OFFLINE') {
      await expectSame(page, json.whatIf.find((w) => w.kind === 'remove-offline')!.dynamic!);
      await ring(page, 'static');
      await expectSame(page, json.whatIf.find((w) => w.kind === 'remove-offline')!.static);
    } else {
      const stop = json.whatIf.find((w) => w.kind === 'stop')!;
      expect((await figures(page)).value).toBeCloseTo(me.share, 12);
      await expectSame(page, stop.dynamic!);
      await page.selectOption('select[data-control="stop-worker"]', pick.identity);
      await expectSame(page, stop.dynamic!);
      await page.selectOption('select[data-control="restart-worker"]', pick.identity);
      await expectSame(page, json.whatIf.find((w) => w.kind === 'restart-new-identity')!.dynamic!);
      await ring(page, 'static');
      await expectSame(page, json.whatIf.find((w) => w.kind === 'restart-new-identity')!.static);
      await page.selectOption('select[data-control="stop-worker"]', pick.identity);
      await expectSame(page, stop.static);
    }
    // Other virtual nodes move another share than the 2000 of the edition default.
    expect(me.share).not.toBe(all.workers.find((w) => w.identity === pick.identity)!.share);
    await page.screenshot({ path: `${artifacts}/inspect-worker.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
