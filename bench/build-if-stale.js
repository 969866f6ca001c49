#!/usr/bin/env node
// `npm run bench:quick` runs this first: it builds (npm run build) only when dist/ is older than what it is built
// from, so that the quick run after `npm test` (which has just built) spends its time benchmarking, not compiling
// (the build alone takes 10-20 s on the 2-core machine). Inputs: src/, viz/, package.json and the tsconfig files;
// outputs: dist/index.js, dist/cli/main.js, dist/viz/core.js and dist/viz/report.js. Compares modification times, newest input
// against oldest output. `npm run bench` always builds.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time in a file or directory tree (a directory's own time counts: files added or removed). */
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const entry of readdirSync(path)) m = Math.max(m, newest(join(path, entry)));
  return m;
}

const inputs = ['src', 'viz', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].map((p) => join(root, p)).filter((p) => existsSync(p));
const outputs = ['dist/index.js', 'dist/cli/main.js', 'dist/viz/core.js', 'dist/viz/report.js'].map((p) => join(root, p));
const built = outputs.every((p) => existsSync(p)) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : -Infinity;
if (Math.max(...inputs.map(newest)) > built) {
  console.error('bench: dist/ is missing or older than src/: npm run build');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit', cwd: root });
}
