/**
 * The HTML report in a real headless Chromium (Debian's `chromium`, driven by playwright-core): opened from
 * disk, no console errors, no network requests, one arc group per worker, a screenshot kept as an artifact.
 * Skipped with a message when Chromium is missing, unless RING_SIM_REQUIRE_BROWSER=1 (CI sets it).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';

const CHROMIUM = process.env.RING_SIM_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.RING_SIM_REQUIRE_BROWSER === '1';
const available = existsSync(CHROMIUM);
const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = `${root}test-artifacts`;

if (!available && !required) {
  console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set RING_SIM_CHROMIUM)`);
}

async function openReport(file: string, screenshot: string) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    const url = `file://${file}`;
    await page.goto(url);
    await page.waitForSelector('body[data-rendered="true"]', { timeout: 15_000 });
    const arcGroups = await page.locator('svg#ring g.worker-arcs').count();
    const paths = await page.locator('svg#ring path').count();
    const verdict = (await page.locator('#verdict').count()) ? await page.locator('#verdict').innerText() : '';
    const timeline = await page.locator('svg#timeline').count();
    await page.screenshot({ path: screenshot, fullPage: true });
    return { errors, requests: requests.filter((r) => r !== url), arcGroups, paths, verdict, timeline };
  } finally {
    await browser.close();
  }
}

describe.skipIf(!available && !required)('HTML report in headless Chromium', () => {
  it('plan report: no console errors, no network requests, one arc group per worker', async () => {
    mkdirSync(artifacts, { recursive: true });
    const html = `${artifacts}/plan-gke.html`;
    const r = await cli('plan', `${root}examples/alluxio-cluster-gke.yaml`, '--provider', 'gcp', '--html', html);
    expect(r.code).toBe(1); // the GKE example does not deploy
    const page = await openReport(html, `${artifacts}/plan-gke.png`);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.arcGroups).toBe(8);
    expect(page.paths).toBeGreaterThan(8);
    expect(page.verdict).toMatch(/Will not deploy/);
    expect(existsSync(`${artifacts}/plan-gke.png`)).toBe(true);
  }, 60_000);

  it('simulate --html: the hit-ratio timeline', async () => {
    mkdirSync(artifacts, { recursive: true });
    const html = `${artifacts}/simulation.html`;
    const r = await cli('simulate', `${root}examples/scenarios/rolling-restart.yaml`, '--html', html);
    expect(r.code).toBe(0);
    const page = await openReport(html, `${artifacts}/simulation.png`);
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.timeline).toBe(1);
  }, 60_000);

  it('is required in CI', () => {
    if (required) expect(available).toBe(true);
    writeFileSync(`${artifacts}/.keep`, '');
  });
});
