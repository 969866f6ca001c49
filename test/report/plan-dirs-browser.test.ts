/**
 * The HTML plan of a two-disk manifest with --ufs-bandwidth, in a real headless Chromium (as browser.test.ts): the
 * capacity table has a row a page-store directory under the worker, and the what-if table the page-size change with
 * the re-read time, the same figures as `plan --json`. Skipped with a message when Chromium is missing, unless
 * RING_SIM_REQUIRE_BROWSER=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanReport } from '../../src/plan/plan.js';

const CHROMIUM = process.env.RING_SIM_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.RING_SIM_REQUIRE_BROWSER === '1';
const available = existsSync(CHROMIUM);
const root = fileURLToPath(new URL('../../', import.meta.url));
if (!available && !required) console.warn(`browser test skipped: no Chromium at ${CHROMIUM}`);

let browser: Browser;

describe.skipIf(!available && !required)('HTML plan of several page-store directories, in headless Chromium', () => {
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each directory and the page-size what-if with its re-read time', async () => {
    const html = join(mkdtempSync(join(tmpdir(), 'ring-sim-html-')), 'plan.html');
    const r = spawnSync(
      process.execPath,
      [
        `${root}dist/cli/main.js`,
        'plan',
        'examples/alluxio-cluster-two-disks.yaml',
        '--disk',
        '100GB',
        '--provider',
        'aws',
        '--dataset',
        '500GiB',
        '--ufs-bandwidth',
        '10Gbps',
        '--json',
        '--html',
        html,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as PlanReport;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`file://${html}`);
    await page.waitForSelector('body[data-rendered="true"]', { timeout: 15_000 });
    const capacity = await page
      .locator('section', { has: page.locator('h2', { hasText: 'Capacity per worker' }) })
      .locator('tbody tr')
      .allInnerTexts();
    expect(capacity).toHaveLength(3);
    expect(capacity[1]).toMatch(/pagestore-0 \/mnt\/disks\/nvme0\/alluxio\s+80\.00 GiB\s+8\.00 GiB/);
    const whatIf = page.locator('section', { has: page.locator('h2', { hasText: 'What if' }) });
    expect(await whatIf.locator('thead th').allInnerTexts()).toContain('re-read time');
    const row = await whatIf.locator('tbody tr', { hasText: 'change the page size after deploy' }).innerText();
    const w = json.whatIf.find((x) => x.name === 'change the page size after deploy')!;
    expect([w.bytesMoved, w.bytesReread]).toEqual([0, 500 * 2 ** 30]); // nothing moves; the data set fits the caches: all of it is re-read
    expect(row).toContain('\t0.00 B (of the data set)\t500.00 GiB\t7 min 09 s');
    expect(row).toContain('500.00 GiB');
    expect(row).toContain('7 min 09 s');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
