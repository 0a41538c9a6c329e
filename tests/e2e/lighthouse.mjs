// Lighthouse on the first visit (not a test): the built site served from 127.0.0.1 with gzip,
// Lighthouse 12's default mobile preset (simulated slow 4G, 4× CPU slowdown) driven against
// Debian's Chromium, RUNS times (3 by default). Prints each run's scores and metrics and
// whether every run meets the targets (performance ≥ 0.95, accessibility 1.0). Run by
// scripts/bench.sh; Lighthouse is installed (pinned) into .tools/lighthouse by it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, ROOT } from './lib.mjs';

const RUNS = Number(process.env.RUNS || 3);
const LIGHTHOUSE = path.join(ROOT, '.tools', 'lighthouse', 'node_modules', '.bin', 'lighthouse');
const PAGES = (process.env.PAGES || './,bo-tieu-chi/,tong-hop/').split(',');
const server = await serve({ gzip: true });
const out = mkdtempSync(path.join(tmpdir(), 'tieuchi-lh-'));
let allMet = true;
try {
  for (const page of PAGES) {
    const url = new URL(page, server.url).href;
    console.log(`Lighthouse 12 mobile, first visit of ${page}:`);
    for (let i = 1; i <= RUNS; i++) {
      const report = path.join(out, `run-${i}.json`);
      // Asynchronously: the server answering Lighthouse runs in this process.
      await promisify(execFile)(LIGHTHOUSE, [
        url, '--quiet', '--output=json', `--output-path=${report}`,
        '--only-categories=performance,accessibility',
        '--chrome-path=/usr/bin/chromium',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ], { timeout: 180000, maxBuffer: 64 * 1024 * 1024 });
      const r = JSON.parse(readFileSync(report, 'utf-8'));
      const perf = r.categories.performance.score;
      const a11y = r.categories.accessibility.score;
      const ms = (id) => `${(r.audits[id].numericValue / 1000).toFixed(2)} s`;
      const met = perf >= 0.95 && a11y === 1;
      allMet &&= met;
      console.log(`  run ${i}: performance ${perf.toFixed(2)}, accessibility ${a11y.toFixed(2)}; FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, `
        + `TBT ${Math.round(r.audits['total-blocking-time'].numericValue)} ms, CLS ${r.audits['cumulative-layout-shift'].numericValue.toFixed(3)}, `
        + `Speed Index ${ms('speed-index')}, transfer ${(r.audits['total-byte-weight'].numericValue / 1000).toFixed(1)} KB ${met ? '' : ' (below target)'}`);
    }
  }
  console.log(allMet ? 'Lighthouse targets met on every run.' : 'Lighthouse targets NOT met on every run.');
} finally {
  await server.close();
}
