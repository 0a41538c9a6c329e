// How cost grows with the set (issue #30), at 4× CPU slowdown, on TEST DATA of 50 and 500
// indicators (tests/e2e/testdata.mjs): the editor's first render with the draft, a keystroke
// (input → "Đạt X/N" updated), the set editor's opening and a keystroke in it, and the preview
// of a pasted table of about 1 MB. Prints medians and the 500/50 ratio. Not a test: run by
// tests/e2e/bench.mjs (scripts/bench.sh), or alone: `node tests/e2e/bench-growth.mjs`
// (GROWTH_SIZES=50,500, CPU_SLOWDOWN=4, KEYS=10 inputs per size, TESTDATA_SHAPE=one).
import { fileURLToPath } from 'node:url';
import { serve, launch } from './lib.mjs';
import { largeEnvelope, largeSet, storedSet } from './testdata.mjs';

const RATE = Number(process.env.CPU_SLOWDOWN || 4);
const SIZES = (process.env.GROWTH_SIZES || '50,500').split(',').map(Number);
const KEYS = Number(process.env.KEYS || 10);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/** A phone-sized page with `entries` in localStorage before any script runs, and the CPU slowed. */
export async function seeded(browser, entries, rate = RATE) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'block' });
  await ctx.addInitScript((items) => {
    if (!localStorage.getItem('tieuchi.seeded')) {
      for (const [k, v] of items) localStorage.setItem(k, v);
      localStorage.setItem('tieuchi.seeded', '1');
    }
  }, entries);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { ctx, page, cdp };
}

/** The draft of `n` indicators stored and last opened. */
export function draftEntries(n) {
  const env = largeEnvelope(n);
  return [[`tieuchi.draft.${env.draft.id}`, JSON.stringify(env)], ['tieuchi.last', env.draft.id]];
}

/** The test set of `n` indicators stored as one of the user's sets. */
export function setEntries(n) {
  const { set } = largeSet(n);
  return [[`tieuchi.set.${set.id}@${set.version}`, JSON.stringify(storedSet(set))]];
}

/** Navigation → the last criterion's card in the DOM (the assessment opens on the stored draft). */
export async function editorFirstRender(browser, url, n) {
  const { ctx, page, cdp } = await seeded(browser, draftEntries(n));
  await probe?.start(cdp);
  await page.goto(url, { timeout: 300000 });
  await page.locator('#crit-19').waitFor({ timeout: 300000 });
  const t = await page.evaluate(() => performance.now());
  await probe?.stop(cdp);
  await ctx.close();
  return t;
}

/** The main thread's time so far, in ms (DevTools' ThreadTime: it includes the CPU slowdown,
 * but is stretched less than wall time by other processes on a shared machine). */
export async function cpuMs(cdp) {
  return (await metricsMs(cdp)).ThreadTime;
}

/** DevTools' performance metrics, durations in ms: ThreadTime, ScriptDuration (JS and WASM),
 * RecalcStyleDuration, LayoutDuration, TaskDuration. */
export async function metricsMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value * 1000]));
}

/** Runs `f` in the page and returns { wall, cpu }: the wall time it reports (at the CPU
 * slowdown) and the main thread's CPU time the page spent meanwhile. */
export async function timed(page, cdp, f, arg) {
  await probe?.start(cdp);
  const before = await metricsMs(cdp);
  const wall = await page.evaluate(f, arg);
  const after = await metricsMs(cdp);
  await probe?.stop(cdp);
  const d = (k) => after[k] - before[k];
  return { wall, cpu: d('ThreadTime'), script: d('ScriptDuration'), style: d('RecalcStyleDuration'), layout: d('LayoutDuration') };
}

/** Something to run around each timed action (tests/e2e/profile.mjs records a CPU profile). */
let probe = null;
export function setProbe(p) {
  probe = p;
}

/** Resolves, in the page, when `done()` holds, then after the next frame. */
const UNTIL = `async function until(done) {
  await new Promise((resolve) => {
    if (done()) return resolve();
    const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); resolve(); } });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
}`;

/** Keystrokes in the percentage of indicator 12.1 (criterion 12 is met in the test draft, and
 * 0 makes it fail), alternately failing and passing, every criterion open: each from the input
 * event to the summary's "Đạt X/N" changing and the frame after it; the next after a pause
 * longer than the autosave's 400 ms (not counted). */
export async function keystrokes(browser, url, n, count = KEYS) {
  const { ctx, page, cdp } = await seeded(browser, draftEntries(n));
  await page.goto(url, { timeout: 300000 });
  await page.locator('#crit-19').waitFor({ timeout: 300000 });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.evaluate(() => document.querySelectorAll('details.criterion').forEach((d) => { d.open = true; }));
  await page.evaluate(`window.until = ${UNTIL}`);
  const pass = await page.locator('#i12-1-val').inputValue();
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(await timed(page, cdp, async (value) => {
      const el = document.getElementById('i12-1-val');
      const score = document.getElementById('summary-score');
      const before = score.textContent;
      const t0 = performance.now();
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await window.until(() => score.textContent !== before);
      return performance.now() - t0;
    }, i % 2 ? pass : '0'));
    await page.waitForTimeout(600);
  }
  await ctx.close();
  return out;
}

/** The set page with the test set stored: click "Chỉnh sửa" → the last indicator's line in the
 * editor (its code), and the frame after it (layout and paint of the whole editor). */
export async function setEditorOpen(browser, url, n) {
  const { ctx, page, cdp } = await seeded(browser, setEntries(n));
  await page.goto(url + 'bo-tieu-chi/', { timeout: 300000 });
  const { set } = largeSet(n);
  const last = set.criteria.at(-1).indicators.at(-1).code;
  await page.getByRole('button', { name: 'Chỉnh sửa' }).first().waitFor({ timeout: 300000 });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.evaluate(`window.until = ${UNTIL}`);
  const r = await timed(page, cdp, async (code) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Chỉnh sửa');
    const t0 = performance.now();
    button.click();
    const codes = document.getElementsByClassName('code');
    await window.until(() => codes.length && codes[codes.length - 1].textContent === code);
    return performance.now() - t0;
  }, last);
  await ctx.close();
  return r;
}

/** Keystrokes in the set editor's name field (every indicator's editor is drawn again by each),
 * each from the input event to the heading showing the new name and the frame after it. */
export async function setEditorKeystrokes(browser, url, n, count = 4) {
  const { ctx, page, cdp } = await seeded(browser, setEntries(n));
  await page.goto(url + 'bo-tieu-chi/', { timeout: 300000 });
  await page.getByRole('button', { name: 'Chỉnh sửa' }).first().click({ timeout: 300000 });
  await page.locator('#s-name').waitFor({ timeout: 300000 });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.evaluate(`window.until = ${UNTIL}`);
  const out = [];
  for (let i = 0; i < count; i++) {
    out.push(await timed(page, cdp, async (k) => {
      const el = document.getElementById('s-name');
      const name = `${el.value.replace(/ \d+$/, '')} ${k}`;
      const t0 = performance.now();
      el.value = name;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await window.until(() => document.getElementById('sets-title')?.textContent.endsWith(name));
      return performance.now() - t0;
    }, i));
    await page.waitForTimeout(200);
  }
  await ctx.close();
  return out;
}

/** About 1 MB of table (999 rows, the most a table may have, of the test set's codes, each
 * wording long), for the set editor's paste box. */
export function pasteText(n = 500) {
  const { set } = largeSet(n);
  const codes = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
  const filler = 'nội dung dài '.repeat(80);
  let text = '';
  for (let i = 0; i < 999; i++) text += `${codes[i % codes.length]}\tChỉ tiêu thử ${i} ${filler}\t≥ 80%\tNguồn ${i}\n`;
  return text;
}

/** The text pasted (one input event) into the set editor of the test set of `n` → the
 * preview's caption (or its error), and the frame after it. */
export async function pastePreview(browser, url, text, n = 500) {
  const { ctx, page, cdp } = await seeded(browser, setEntries(n));
  await page.goto(url + 'bo-tieu-chi/', { timeout: 300000 });
  await page.getByRole('button', { name: 'Chỉnh sửa' }).first().click({ timeout: 300000 });
  await page.locator('#s-paste').waitFor({ timeout: 300000 });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.evaluate(`window.until = ${UNTIL}`);
  const r = await timed(page, cdp, async (body) => {
    const box = document.getElementById('s-paste');
    // Responsiveness: the first frame painted after the paste, and the longest main-thread task.
    const long = [];
    const po = new PerformanceObserver((l) => { for (const e of l.getEntries()) long.push(e.duration); });
    po.observe({ type: 'longtask' });
    const t0 = performance.now();
    requestAnimationFrame(() => { window.firstFrame = performance.now() - t0; });
    box.value = body;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    await window.until(() => [...document.querySelectorAll('caption')].some((c) => c.textContent.startsWith('Xem trước'))
      || document.querySelector('.table-preview .notice.error'));
    const ms = performance.now() - t0;
    for (const e of po.takeRecords()) long.push(e.duration);
    po.disconnect();
    window.longest = Math.max(0, ...long);
    return ms;
  }, text);
  r.firstFrame = await page.evaluate(() => window.firstFrame);
  r.longest = await page.evaluate(() => window.longest);
  await ctx.close();
  return r;
}

const med = (rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)) });

export async function growth(browser, url) {
  console.log(`\nGrowth with the set (TEST DATA of ${SIZES.join(' and ')} indicators, tests/e2e/testdata.mjs), ${RATE}× CPU slowdown;`);
  console.log('wall time at the slowdown, and the main thread\'s time (DevTools ThreadTime, less stretched than wall time by other load on a shared machine):');
  const rows = { first: {}, key: {}, open: {}, setKey: {} };
  for (const n of SIZES) {
    rows.first[n] = { wall: median([await editorFirstRender(browser, url, n), await editorFirstRender(browser, url, n)]) };
    rows.key[n] = med(await keystrokes(browser, url, n, n > 100 ? Math.min(KEYS, 6) : KEYS));
    rows.open[n] = med([await setEditorOpen(browser, url, n), await setEditorOpen(browser, url, n)]);
    rows.setKey[n] = med(await setEditorKeystrokes(browser, url, n));
  }
  const [a, b] = [SIZES[0], SIZES.at(-1)];
  const line = (name, r) => {
    const cells = SIZES.map((n) => `${n}: ${ms(r[n].wall).padStart(9)}${r[n].cpu === undefined ? '' : ` (cpu ${ms(r[n].cpu)})`}`).join('   ');
    const ratio = SIZES.length > 1 ? `   ${b}/${a} = ${(r[b].wall / r[a].wall).toFixed(1)}${r[a].cpu === undefined ? '' : ` (cpu ${(r[b].cpu / r[a].cpu).toFixed(1)})`}` : '';
    console.log(`  ${name.padEnd(50)} ${cells}${ratio}`);
  };
  line('editor: first render with the draft (nav → last card)', rows.first);
  line('editor: keystroke (input → "Đạt X/N", next frame)', rows.key);
  line('set editor: opening (click → last indicator\'s line, next frame)', rows.open);
  line('set editor: keystroke in the set\'s name (→ next frame)', rows.setKey);
  const text = pasteText();
  const pastes = [await pastePreview(browser, url, text), await pastePreview(browser, url, text)];
  const paste = med(pastes);
  console.log(`  ${'set page: preview of a pasted table'.padEnd(50)} ${(text.length / 1e6).toFixed(2)} MB, 999 rows: ${ms(paste.wall)} (cpu ${ms(paste.cpu)}); `
    + `first frame after the paste ${pastes.map((p) => ms(p.firstFrame)).join(', ')}, longest task ${pastes.map((p) => ms(p.longest)).join(', ')}`);
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve();
  const browser = await launch();
  try {
    await growth(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}
