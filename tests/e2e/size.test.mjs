// The download budget, gzip level 9 (what a static host sends), KB = 1000 bytes. Two figures,
// each with its own ceiling, printed per file:
// - the critical path: index.html and the JS, WASM and CSS it loads, before the editor works;
// - the first visit in all: that, the service worker, and everything it precaches (its PRECACHE
//   list in dist/sw.js), a file of both counted twice when the worker's install bypasses the
//   HTTP cache (cache: 'reload'), as it then crosses the network twice.
// And, without a ceiling, the tools' pages (the set page and the roll-up: one module, downloaded
// whole when one of them is first opened).
// The ceilings are issue #30's targets, met since 2026-12-02 (critical path 209,435 bytes): a
// change that would cross one needs its own saving. BENCHMARKS.md says where the bytes are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoad, firstVisit, firstVisitTotal, toolsFiles } from './lib.mjs';

const CRITICAL_CEILING = 210_000;
const CRITICAL_TARGET = 210_000;
const VISIT_CEILING = 450_000;
const VISIT_TARGET = 450_000;
const kb = (bytes) => (bytes / 1000).toFixed(1);
const row = (name, raw, gzip, note = '') =>
  console.log(`${name.padEnd(48)} ${kb(raw).padStart(8)} KB raw ${kb(gzip).padStart(8)} KB gzip -9${note}`);
const verdict = (name, total, ceiling, target) =>
  console.log(`${name.padEnd(48)} ${kb(total).padStart(29)} KB gzip -9 = ${total} bytes (ceiling ${ceiling}, target ${target}: ${total <= target ? 'met' : `${total - target} bytes over`})`);

test(`critical path is at most ${CRITICAL_CEILING} bytes gzipped (target ${CRITICAL_TARGET})`, () => {
  const files = firstLoad();
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'the WASM file is found from index.html');
  assert.ok(files.some((f) => f.name.endsWith('.js')), 'the JS loader is found from index.html');
  assert.ok(files.some((f) => f.name.endsWith('.css')), 'the CSS is found from index.html');
  let total = 0;
  for (const f of files) {
    total += f.gzip;
    row(f.name, f.raw, f.gzip);
  }
  verdict('critical path', total, CRITICAL_CEILING, CRITICAL_TARGET);
  assert.ok(total <= CRITICAL_CEILING, `critical path ${total} bytes exceeds the ceiling of ${CRITICAL_CEILING}`);
});

test(`first visit in all is at most ${VISIT_CEILING} bytes gzipped (target ${VISIT_TARGET})`, () => {
  const files = firstVisit();
  assert.ok(files.some((f) => f.from === 'precache' && f.name.endsWith('.wasm')), 'the precache list names WASM modules');
  // By where they come from, each page's files together.
  const order = { critical: 0, sw: 1, precache: 2 };
  files.sort((a, b) => order[a.from] - order[b.from] || a.name.localeCompare(b.name));
  for (const f of files) row(f.name, f.raw, f.gzip, f.refetched ? '  ×2 (critical, and again by the worker\'s install)' : f.from === 'precache' ? '  (precache)' : '');
  const groups = new Map();
  for (const f of files) {
    const group = f.name.includes('/') ? f.name.split('/')[0] + '/' : f.name.startsWith('bao-cao-') ? 'report worker' : f.from === 'critical' ? 'critical path' : 'other (sw.js, icons, manifest, boot.js)';
    groups.set(group, (groups.get(group) || 0) + f.gzip * (f.refetched ? 2 : 1));
  }
  for (const [g, bytes] of groups) console.log(`  ${g.padEnd(46)} ${kb(bytes).padStart(29)} KB gzip -9`);
  const total = firstVisitTotal(files);
  verdict('first visit in all', total, VISIT_CEILING, VISIT_TARGET);
  assert.ok(total <= VISIT_CEILING, `first visit ${total} bytes exceeds the ceiling of ${VISIT_CEILING}`);
});

test('the tools\' pages share one module, downloaded once for all (printed)', () => {
  const { pages, files } = toolsFiles();
  assert.deepEqual(pages, ['bo-tieu-chi/', 'tong-hop/', 'gop-phan-viec/', 'phan-viec/']);
  const wasm = files.filter((f) => f.name.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one module for the tools' pages: ${wasm.map((f) => f.name)}`);
  for (const f of files) row(f.name, f.raw, f.gzip);
  const shells = files.filter((f) => f.name.endsWith('index.html'));
  const shared = files.filter((f) => !f.name.endsWith('index.html')).reduce((t, f) => t + f.gzip, 0);
  for (const s of shells) console.log(`  ${(s.name.replace('index.html', '') + ' as its page loads it').padEnd(46)} ${kb(shared + s.gzip).padStart(29)} KB gzip -9 (its HTML, the module, pages.css; main.css and boot.js are the editor's)`);
  console.log(`  ${'first opening of either, with the worker'.padEnd(46)} ${kb(files.reduce((t, f) => t + f.gzip, 0)).padStart(29)} KB gzip -9 (both pages and the module, once)`);
});
