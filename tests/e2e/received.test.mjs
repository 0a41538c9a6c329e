// The commune's journey from the files it receives (#27), on a 360×740 phone: one "Mở tệp nhận
// được" opens the province's set file and a draft file; the received set is the province's,
// offered first for a new draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, phone, openApp, saved, downloadFrom, tmp, ROOT } from './lib.mjs';

let browser;
let server;
before(async () => { browser = await launch(); server = await serve(); });
after(async () => { await browser?.close(); await server?.close(); });

const PHONE = { viewport: { width: 360, height: 740 } };
const SET = path.join(ROOT, 'tests/fixtures/tong-hop-thu-nghiem.set.json');

test('a set file and a draft file both open through "Mở tệp nhận được"; the set is offered first', { timeout: 60000 }, async () => {
  const ctx = await phone(browser, PHONE);
  const page = await ctx.newPage();
  await openApp(page, server.url);
  const picker = page.getByLabel('Mở tệp nhận được');
  await picker.setInputFiles(SET);
  await page.getByText('Đã nhận bộ tiêu chí “Bộ tiêu chí THỬ NGHIỆM').waitFor();
  const card = page.locator('.received-set');
  await card.getByText('Bộ tiêu chí do tỉnh gửi').waitFor();
  assert.match(await card.innerText(), /THỬ NGHIỆM .* · \d+ chỉ tiêu/);
  // Offered first, and chosen, for a new draft.
  const select = page.getByLabel('Bộ tiêu chí cho bản nháp mới');
  const first = (await select.locator('option').allTextContents())[0];
  assert.match(first, /^Bộ tiêu chí THỬ NGHIỆM/);
  assert.equal(await select.evaluate((s) => s.options[s.selectedIndex].text), first);
  // Every option says how many indicators its set has, or that it has none yet.
  for (const o of await select.locator('option').allTextContents()) assert.match(o, / · (\d+ chỉ tiêu|chưa có chỉ tiêu)$/, o);
  // Stored as the user's set: still there after a reload.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tieuchi.set.')));
  assert.equal(stored.length, 1);
  await card.getByRole('button', { name: 'Tạo bản nháp từ bộ này' }).click();
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').waitFor();
  assert.match(await page.locator('body').innerText(), /THỬ NGHIỆM/);

  // A draft file, through the same picker, on another phone.
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Tân Thành');
  await saved(page);
  await page.getByRole('button', { name: 'Bản nháp', exact: true }).click();
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Xuất tệp' }).first());
  const other = await phone(browser, PHONE);
  const there = await other.newPage();
  await openApp(there, server.url);
  await there.getByLabel('Mở tệp nhận được').setInputFiles(file);
  await there.getByText('Đã nhập bản nháp.').waitFor();
  assert.match(await there.locator('body').innerText(), /Tân Thành/);
  await other.close();

  // Anything else is named for what it is, and changes nothing.
  await page.getByRole('button', { name: 'Bản nháp', exact: true }).click();
  const table = path.join(await tmp(), 'bang-tinh.json');
  writeFileSync(table, JSON.stringify({ rows: [1, 2, 3] }));
  await page.getByLabel('Mở tệp nhận được').setInputFiles(table);
  await page.locator('.notice.error', { hasText: 'Không mở được tệp. Tệp này không phải tệp của ứng dụng' }).waitFor();
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});
