// Side by side (issue #30): the editor and a SurveyJS form of the same indicators
// (tests/e2e/surveyjs-page.mjs), each opening a saved draft of the Liên Sơn example (57
// indicators; SIDE_SIZES=57,500 adds the test data of 500), first visit over gzip at 4× CPU
// slowdown: time from navigation to the last criterion on screen (a MutationObserver set before
// the page's scripts run), and the bytes transferred (bodies as the server sent them, gzip -9).
// Medians of RUNS page loads. Not a test: run by tests/e2e/bench.mjs, or alone.
import { fileURLToPath } from 'node:url';
import { serve, launch, tmp } from './lib.mjs';
import { largeDraft, largeEnvelope } from './testdata.mjs';
import { writeSurveyPage, survey, DRAFT_KEY } from './surveyjs-page.mjs';

const RATE = Number(process.env.CPU_SLOWDOWN || 4);
const RUNS = Number(process.env.RUNS || 5);
const SIZES = (process.env.SIDE_SIZES || '57').split(',').map(Number);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** One first visit: the time the last criterion's heading appears, and the bytes sent. */
async function visit(browser, server, entries, lastSelector, lastText) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'block' });
  await ctx.addInitScript(([items, sel, text]) => {
    for (const [k, v] of items) localStorage.setItem(k, v);
    const found = () => [...document.querySelectorAll(sel)].some((e) => e.textContent.startsWith(text));
    const obs = new MutationObserver(() => {
      if (found()) { obs.disconnect(); window.lastCriterionAt = performance.now(); }
    });
    obs.observe(document, { subtree: true, childList: true, characterData: true });
  }, [entries, lastSelector, lastText]);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const from = server.sent.length;
  await page.goto(server.url, { timeout: 300000 });
  await page.waitForFunction(() => window.lastCriterionAt, null, { timeout: 300000, polling: 50 });
  const ms = await page.evaluate(() => window.lastCriterionAt);
  const bytes = server.sent.slice(from).reduce((t, [, b]) => t + b, 0);
  await ctx.close();
  return { ms, bytes };
}

export async function sideBySide(browser) {
  console.log(`\nSide by side with SurveyJS (survey-core and survey-js-ui, a general form library), first visit over gzip, ${RATE}× CPU slowdown, medians of ${RUNS}:`);
  const editor = await serve({ gzip: true });
  const results = [];
  try {
    for (const n of SIZES) {
      const env = largeEnvelope(n);
      const { set, draft } = largeDraft(n);
      const dir = await tmp('tieuchi-surveyjs-');
      writeSurveyPage(dir, set, draft);
      const form = await serve({ root: dir, gzip: true });
      const last = set.criteria.at(-1).number;
      const ours = [];
      const theirs = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(await visit(browser, editor, [[`tieuchi.draft.${env.draft.id}`, JSON.stringify(env)], ['tieuchi.last', env.draft.id]], `#crit-${last} .crit-title`, `Tiêu chí ${last}.`));
        theirs.push(await visit(browser, form, [[DRAFT_KEY, JSON.stringify(survey(set, draft).data)]], '.sd-panel__title', `Tiêu chí ${last}.`));
      }
      await form.close();
      const a = { ms: median(ours.map((r) => r.ms)), bytes: median(ours.map((r) => r.bytes)) };
      const b = { ms: median(theirs.map((r) => r.ms)), bytes: median(theirs.map((r) => r.bytes)) };
      const label = n === 57 ? '57 indicators (the example)' : `${n} indicators (test data)`;
      console.log(`  ${label}: last criterion on screen: editor ${a.ms.toFixed(0)} ms, SurveyJS ${b.ms.toFixed(0)} ms, ratio ${(a.ms / b.ms).toFixed(2)} (target ≤ 0.5)`);
      console.log(`  ${''.padEnd(label.length)}  bytes transferred:         editor ${(a.bytes / 1000).toFixed(1)} KB, SurveyJS ${(b.bytes / 1000).toFixed(1)} KB, ratio ${(a.bytes / b.bytes).toFixed(2)}`);
      results.push({ n, editor: a, surveyjs: b });
    }
  } finally {
    await editor.close();
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const browser = await launch();
  try {
    await sideBySide(browser);
  } finally {
    await browser.close();
  }
}
