// The first-load transfer budget: index.html plus the JS, WASM and CSS it loads, gzip level 9.
// Prints the figure per file in KB of 1000 bytes; fails above the budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoad } from './lib.mjs';

// The first visit of a cheap phone over a rural network: 250,000 bytes (KB = 1000 bytes), for
// the editor with everything it needs (the set page, the roll-up and the report worker load on
// demand; BENCHMARKS.md says where the bytes are).
const BUDGET = 250_000;
const kb = (bytes) => (bytes / 1000).toFixed(1);

test(`first-load transfer is at most ${BUDGET} bytes gzipped`, () => {
  const files = firstLoad();
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'the WASM file is found from index.html');
  assert.ok(files.some((f) => f.name.endsWith('.js')), 'the JS loader is found from index.html');
  assert.ok(files.some((f) => f.name.endsWith('.css')), 'the CSS is found from index.html');
  let total = 0;
  for (const f of files) {
    total += f.gzip;
    console.log(`${f.name.padEnd(40)} ${kb(f.raw).padStart(8)} KB raw ${kb(f.gzip).padStart(8)} KB gzip -9`);
  }
  console.log(`${'first-load total'.padEnd(40)} ${kb(total).padStart(29)} KB gzip -9 = ${total} bytes (budget ${BUDGET}; KB = 1000 bytes)`);
  assert.ok(total <= BUDGET, `first-load transfer ${total} bytes exceeds the budget of ${BUDGET}`);
});
