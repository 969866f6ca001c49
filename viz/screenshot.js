#!/usr/bin/env node
// Renders the README's picture of the HTML report, docs/plan-report.png, from the shipped GKE example:
//   npm run build && node viz/screenshot.js
// It drives Debian's chromium (/usr/bin/chromium, `apt-get install chromium`) through playwright-core.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ring-sim-shot-'));
const html = join(dir, 'plan.html');
// The example will not deploy (exit 1): that is the verdict the picture shows.
const run = spawnSync(process.execPath, ['dist/cli/main.js', 'plan', 'examples/alluxio-cluster-gke.yaml', '--html', html], { cwd: root, encoding: 'utf8' });
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(run.stderr);
  process.exit(run.status ?? 1);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(pathToFileURL(html).href);
  await page.screenshot({ path: join(root, 'docs', 'plan-report.png'), fullPage: true });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log('wrote docs/plan-report.png');
