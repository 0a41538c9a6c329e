// Accessibility: axe-core (injected from npm, no CDN) finds no violation on the main screens,
// at a phone and a laptop size; every input has a label; the app is usable by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve, launch, phone, openApp, newDraft, openCriterion, draftPage } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf-8');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function axe(page, where) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

async function unlabeled(page) {
  return page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
    .map((el) => el.id || el.outerHTML.slice(0, 60)));
}

for (const [name, viewport] of [['phone', { width: 360, height: 640 }], ['laptop', { width: 1280, height: 800 }]]) {
  test(`no axe violation on the main screens (${name})`, { timeout: 120000 }, async () => {
    // axe is injected as an inline script: bypass the page's CSP for the audit only.
    const audit = await browser.newContext({ viewport, bypassCSP: true });
    const p = await audit.newPage();
    await openApp(p, server.url);
    await axe(p, 'Bản nháp (empty)');
    await newDraft(p);
    await axe(p, 'Thông tin');
    await p.getByRole('button', { name: 'Đánh giá' }).click();
    for (const n of [1, 4, 9, 10, 17]) await openCriterion(p, n);
    await p.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).fill('abc');
    await p.getByRole('button', { name: /^(Còn \d|Đủ để in|\d+ lỗi)/ }).click();
    await axe(p, 'Đánh giá with an invalid number and the findings open');
    assert.deepEqual(await unlabeled(p), [], 'inputs without a label');
    await p.getByRole('button', { name: 'Nội dung' }).click();
    await axe(p, 'Nội dung');
    await p.getByRole('button', { name: 'Báo cáo' }).click();
    await axe(p, 'Báo cáo');
    // The other pages are in the editor's "Thêm" menu (#27).
    await p.locator('details.more > summary').click();
    await p.getByRole('link', { name: 'Bộ tiêu chí' }).click();
    await p.getByRole('heading', { name: 'Bộ tiêu chí', level: 2 }).waitFor();
    await axe(p, 'Bộ tiêu chí');
    // A copy opens in the editor at once.
    await p.locator('.set-list li', { hasText: 'Lạng Sơn' }).getByRole('button', { name: 'Tạo bản sao' }).click();
    await p.getByRole('heading', { name: /^Chỉnh sửa bộ tiêu chí/ }).waitFor();
    await axe(p, 'Bộ tiêu chí, editor');
    await p.getByRole('link', { name: 'Bản nháp' }).click();
    await p.getByRole('button', { name: 'Bản nháp', exact: true }).click();
    await axe(p, 'Bản nháp (with a draft)');
    await audit.close();
  });
}

test('touch targets are at least 44 px on a phone', { timeout: 60000 }, async () => {
  const { ctx, page } = await draftPage(browser, server.url);
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  for (const n of [1, 9, 13, 17]) await openCriterion(page, n);
  await page.getByRole('button', { name: /^(Còn \d|Đủ để in|\d+ lỗi)/ }).click();
  const small = await page.evaluate(() => [...document.querySelectorAll('button, select, input, textarea, summary, a, label.button')]
    .filter((el) => el.offsetParent !== null && !el.classList.contains('visually-hidden'))
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ el, r }) => r.height < 44 && !(el.type === 'checkbox'))
    .map(({ el, r }) => `${el.tagName.toLowerCase()}#${el.id || ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.height)}px`));
  assert.deepEqual(small, []);
  await ctx.close();
});

test('keyboard only: create a draft and judge an indicator', { timeout: 60000 }, async () => {
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Tạo bản nháp mới' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').waitFor();
  await page.getByRole('button', { name: 'Đánh giá' }).focus();
  await page.keyboard.press('Enter');
  await page.locator('#crit-1 > summary').focus();
  await page.keyboard.press('Enter');
  // The default set (2026–2030) has no indicators yet: criterion 1 is judged as a whole.
  await page.getByLabel('Tiêu chí 1: đánh giá chung').focus();
  await page.keyboard.press('ArrowDown');
  await page.locator('#crit-1 > summary .badge', { hasText: 'Đạt' }).waitFor();
  await ctx.close();
});
