// Renders the README's picture of the HTML report, docs/plan-report.png: the rebalance section of
// `ring-sim plan examples/alluxio-cluster-gke.yaml --html`, with "restart worker-3 without its identity" chosen
// in the page (the page recomputes it with ring-sim's own ring code):
//   npm run build && npm run screenshot
// (npm run screenshot compiles this file with esbuild and runs it from the repository root). It drives Debian's chromium (/usr/bin/chromium, `apt-get install chromium`) through playwright-core.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = process.cwd(); // npm run screenshot runs it from the repository root
const dir = mkdtempSync(join(tmpdir(), 'ring-sim-shot-'));
const html = join(dir, 'plan.html');
// The example will not deploy on GKE (exit 1): that is the verdict the page shows.
const run = spawnSync(process.execPath, ['dist/cli/main.js', 'plan', 'examples/alluxio-cluster-gke.yaml', '--provider', 'gcp', '--html', html], {
  cwd: root,
  encoding: 'utf8',
});
if (run.status !== 0 && run.status !== 1) {
  process.stderr.write(run.stderr);
  process.exit(run.status ?? 1);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('body[data-rendered="true"]');
  await page.selectOption('select[data-control="restart-worker"]', 'worker-3');
  await page.fill('input[data-control="ufs-bandwidth"]', '10');
  await page.locator('#rebalance').screenshot({ path: join(root, 'docs', 'plan-report.png') });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log('wrote docs/plan-report.png');
