#!/usr/bin/env node
// `npm pack` and `npm publish` run this twice: `prepack` (strip) and `postpack` (restore).
//
// The repository builds dist/ in `prepare`, so that `npm ci` in a clone gives a working `npx ring-sim`. Installed
// from a tarball, though, a `prepare` script is an install script of a non-registry dependency: npm 11 blocks it
// and warns ("1 package has install scripts not yet covered by allowScripts: ring-sim (prepare: npm run build)")
// on every install and every `npx ring-sim`. The tarball ships dist/ already built and does not need
// `prepare`, so strip writes the packed package.json without it (keeping the original beside it), and restore
// puts the original back. npm has read the scripts it runs before prepack, so `prepare` still builds dist/ for
// the tarball, and the other scripts stay (`npm run build` reads them from disk). Writes are atomic (rename).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const manifest = 'package.json';
const kept = 'package.json.repository';

function strip() {
  if (existsSync(kept)) throw new Error(`${kept} exists: a pack was interrupted; run \`node scripts/pack-manifest.mjs restore\` first`);
  const text = readFileSync(manifest, 'utf8');
  const published = JSON.parse(text);
  // prepack and postpack too: they name this file, which the tarball does not ship.
  for (const step of ['prepare', 'prepack', 'postpack']) delete published.scripts[step];
  writeFileSync(kept, text);
  writeFileSync(`${manifest}.tmp`, `${JSON.stringify(published, null, 2)}\n`);
  renameSync(`${manifest}.tmp`, manifest);
}

function restore() {
  if (existsSync(kept)) renameSync(kept, manifest);
}

const step = process.argv[2];
if (step === 'strip') strip();
else if (step === 'restore') restore();
else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
