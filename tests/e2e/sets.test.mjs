// The criteria-set page (bo-tieu-chi/): its own module, sharing storage with the editor. Two
// pages editing one set never undo each other silently; a set saved there reaches the editor
// open in another tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, phone, openApp } from './lib.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

async function setPage(ctx) {
  const page = await ctx.newPage();
  await page.goto(server.url + 'bo-tieu-chi/');
  await page.getByRole('heading', { name: 'Bộ tiêu chí', level: 2 }).waitFor();
  return page;
}

const storedNames = (page) => page.evaluate(() => Object.entries(localStorage)
  .filter(([k]) => k.startsWith('tieuchi.set.')).map(([, v]) => JSON.parse(v).set.name));

test('two pages editing one set: the second save asks, and by default keeps the first', { timeout: 60000 }, async () => {
  const ctx = await phone(browser);
  const one = await setPage(ctx);
  await one.locator('.set-list li', { hasText: 'Lạng Sơn' }).getByRole('button', { name: 'Tạo bản sao' }).click();
  await one.getByText('Đã tạo bản sao').waitFor();
  const two = await setPage(ctx);
  for (const p of [one, two]) await p.getByRole('button', { name: 'Chỉnh sửa' }).click();
  await one.getByLabel('Tên bộ tiêu chí').fill('Bản của trang một');
  await one.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await one.getByText('Đã lưu bộ tiêu chí').waitFor();
  await two.getByText('Bộ tiêu chí đang sửa vừa được thay đổi ở một thẻ').waitFor();
  await two.getByLabel('Tên bộ tiêu chí').fill('Bản của trang hai');
  const asked = new Promise((resolve) => two.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
  await two.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  assert.match(await asked, /vừa được lưu ở một thẻ \(cửa sổ\) khác lúc \d\d:\d\d/);
  await two.getByText('Chưa lưu: bản ở thẻ khác được giữ').waitFor();
  assert.deepEqual(await storedNames(two), ['Bản của trang một']);
  // The user may still choose to overwrite.
  two.once('dialog', (d) => d.accept());
  await two.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await two.getByText('Đã lưu bộ tiêu chí').waitFor();
  assert.deepEqual(await storedNames(two), ['Bản của trang hai']);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('a set copied on the set page is offered at once by the editor open in another tab', { timeout: 60000 }, async () => {
  const ctx = await phone(browser);
  const editor = await ctx.newPage();
  await openApp(editor, server.url);
  const sets = await setPage(ctx);
  await sets.locator('.set-list li', { hasText: 'Lạng Sơn' }).getByRole('button', { name: 'Tạo bản sao' }).click();
  await sets.getByText('Đã tạo bản sao').waitFor();
  await editor.waitForFunction(() => [...document.querySelectorAll('option')].some((o) => o.textContent.includes('(bản sao)')));
  // A set deleted there is gone here too.
  sets.once('dialog', (d) => d.accept());
  await sets.getByRole('button', { name: 'Xóa' }).click();
  await editor.waitForFunction(() => ![...document.querySelectorAll('option')].some((o) => o.textContent.includes('(bản sao)')));
  await ctx.close();
});
