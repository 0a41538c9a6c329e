// The first-load transfer budget: index.html plus the JS, WASM and CSS it loads, gzip level 9.
// Prints the figure per file; fails above the budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoad } from './lib.mjs';

const BUDGET_KB = 300;
const GOAL_KB = 250;

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
