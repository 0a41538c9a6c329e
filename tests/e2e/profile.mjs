// A CPU profile of one benchmark scenario (tests/e2e/bench-growth.mjs) through the DevTools
// protocol's Profiler, on the site built with its function names kept (scripts/names_build.sh
// writes target/dist-names/; TIEUCHI_DIST chooses another). Prints the functions by self time
// and our own (tieuchi::…) by total time, and writes the .cpuprofile (open it in Chromium's
// DevTools, Performance panel) into target/profiles/. Not a test.
//
//   node tests/e2e/profile.mjs keystroke 500      (first-render | keystroke | set-open | paste)
//   CPU_SLOWDOWN=1 TESTDATA_SHAPE=one node tests/e2e/profile.mjs set-open 500
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const dist = process.env.TIEUCHI_DIST || path.join(ROOT, 'target/dist-names');
if (!existsSync(dist)) throw new Error(`${dist} is missing: run scripts/names_build.sh`);
process.env.TIEUCHI_DIST = dist;
const { serve, launch } = await import('./lib.mjs');
const g = await import('./bench-growth.mjs');

const [scenario = 'keystroke', n = '500'] = process.argv.slice(2);
const profiles = [];
g.setProbe({
  async start(cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  },
  async stop(cdp) {
    profiles.push((await cdp.send('Profiler.stop')).profile);
  },
});

const server = await serve({ root: dist });
const browser = await launch();
let result;
try {
  const url = server.url;
  const size = Number(n);
  if (scenario === 'first-render') result = await g.editorFirstRender(browser, url, size);
  else if (scenario === 'keystroke') result = await g.keystrokes(browser, url, size, 2);
  else if (scenario === 'set-open') result = await g.setEditorOpen(browser, url, size);
  else if (scenario === 'paste') result = await g.pastePreview(browser, url, g.pasteText(size), size);
  else throw new Error(`unknown scenario ${scenario}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`${scenario} at ${n} indicators:`, JSON.stringify(result));

// The last profile (for keystrokes: the second, a passing value after a failing one).
const profile = profiles.at(-1);
const out = path.join(ROOT, 'target/profiles');
mkdirSync(out, { recursive: true });
const file = path.join(out, `${scenario}-${n}${process.env.TESTDATA_SHAPE ? '-' + process.env.TESTDATA_SHAPE : ''}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));

// Self time per node from the samples, then per function name; total time = self time of the
// node and its descendants, counted once per function along each path.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children || []) parent.set(c, node.id);
const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) || 0) + (profile.timeDeltas[i + 1] ?? 0)));
const name = (node) => {
  const f = node.callFrame;
  const short = (f.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '');
  return f.url.endsWith('.wasm') || short.includes('::') ? short : `${short} (${path.basename(f.url) || 'native'})`;
};
const self = new Map();
const total = new Map();
for (const [id, us] of selfUs) {
  const node = byId.get(id);
  self.set(name(node), (self.get(name(node)) || 0) + us);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const nm = name(byId.get(cur));
    if (seen.has(nm)) continue;
    seen.add(nm);
    total.set(nm, (total.get(nm) || 0) + us);
  }
}
const all = [...selfUs.values()].reduce((a, b) => a + b, 0);
const top = (m, k, filter = () => true) => [...m].filter(([nm]) => filter(nm)).sort((a, b) => b[1] - a[1]).slice(0, k);
const print = (rows) => rows.forEach(([nm, us]) => console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${nm.slice(0, 150)}`));
console.log(`\nprofile: ${(all / 1000).toFixed(0)} ms sampled, ${file}\n\nby self time:`);
print(top(self, 30));
console.log('\nour functions (tieuchi::), by total time:');
print(top(total, 30, (nm) => nm.includes('tieuchi::')));
