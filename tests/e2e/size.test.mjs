// The first-load transfer budget: index.html plus the JS, WASM and CSS it loads, gzip level 9.
// Prints the figure per file; fails above the budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { DIST } from './lib.mjs';

export const BUDGET_KB = 300;
export const GOAL_KB = 250;

/** The files a first visit loads, with raw and gzip -9 sizes in bytes. */
export function firstLoad(dist = DIST) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf-8');
  const refs = new Set(['index.html']);
  for (const m of html.matchAll(/(?:href|src)=["']?\.?\/?([^"' >]+\.(?:js|wasm|css))/g)) refs.add(m[1]);
  for (const m of html.matchAll(/from\s+'\.?\/?([^']+\.js)'/g)) refs.add(m[1]);
  for (const m of html.matchAll(/module_or_path:\s*'\.?\/?([^']+\.wasm)'/g)) refs.add(m[1]);
  return [...refs].map((name) => {
    const body = readFileSync(path.join(dist, name));
    return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

test(`first-load transfer is at most ${BUDGET_KB} KB gzipped`, () => {
  const files = firstLoad();
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'the WASM file is found from index.html');
  assert.ok(files.some((f) => f.name.endsWith('.js')), 'the JS loader is found from index.html');
  assert.ok(files.some((f) => f.name.endsWith('.css')), 'the CSS is found from index.html');
  let total = 0;
  for (const f of files) {
    total += f.gzip;
    console.log(`${f.name.padEnd(40)} ${(f.raw / 1024).toFixed(1).padStart(8)} KB raw ${(f.gzip / 1024).toFixed(1).padStart(8)} KB gzip -9`);
  }
  console.log(`${'first-load total'.padEnd(40)} ${(total / 1024).toFixed(1).padStart(29)} KB gzip -9 (budget ${BUDGET_KB} KB, goal ${GOAL_KB} KB)`);
  assert.ok(total <= BUDGET_KB * 1024, `first-load transfer ${(total / 1024).toFixed(1)} KB exceeds the ${BUDGET_KB} KB budget`);
});
