// Runs many CLI invocations in one Node process for test/cli/battery.test.ts: reads a JSON list of argv from
// stdin, calls run() from the BUILT dist/cli/run.js for each, prints [{argv, code, stderr: lines}] as JSON.
import { readFileSync } from 'node:fs';

const { run } = await import(new URL('../../dist/cli/run.js', import.meta.url).href);
const list = JSON.parse(readFileSync(0, 'utf8'));
const out = [];
for (const argv of list) {
  let err = '';
  let code;
  try {
    code = await run(argv, { out: () => {}, err: (s) => (err += s) });
  } catch (e) {
    code = -1;
    err += `escaped run(): ${e instanceof Error ? e.message : String(e)}\n`;
  }
  out.push({ argv, code, stderr: err.split('\n').filter((l) => l !== '') });
}
process.stdout.write(JSON.stringify(out));
