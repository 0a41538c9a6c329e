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
  // A new draft has nothing wrong in it, only what is left to enter.
  const left = await page.locator('.findings-toggle').innerText();
  assert.match(left, /^Còn \d+ chỉ tiêu chưa nhập/);
  assert.doesNotMatch(left, /lỗi/);
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

/** A phone whose browser shares files (the share sheet stubbed, to observe the call), or one
 * that cannot. */
async function sharing(canShareFiles) {
  const ctx = await phone(browser, PHONE);
  await ctx.addInitScript((can) => {
    window.__shared = [];
    navigator.canShare = (data) => can && Array.isArray(data?.files) && data.files.length > 0;
    navigator.share = async (data) => {
      const f = data.files[0];
      window.__shared.push({ name: f.name, type: f.type, title: data.title, text: await f.text() });
    };
  }, canShareFiles);
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await page.getByLabel('Mở tệp nhận được').setInputFiles(SET);
  await page.getByRole('button', { name: 'Tạo bản nháp từ bộ này' }).click();
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Tân Thành');
  await saved(page);
  await page.getByRole('button', { name: 'Báo cáo', exact: true }).click();
  return { ctx, page };
}

test('"Gửi cho tỉnh" hands the draft file to the share sheet where the browser can share files', { timeout: 60000 }, async () => {
  const { ctx, page } = await sharing(true);
  await page.getByRole('button', { name: 'Gửi cho tỉnh' }).click();
  await page.getByText(/^Đã gửi tệp “ban-nhap-ntm-tan-thanh-.*\.json”/).waitFor();
  const shared = await page.evaluate(() => window.__shared);
  assert.equal(shared.length, 1);
  assert.match(shared[0].name, /^ban-nhap-ntm-tan-thanh-.*\.json$/);
  assert.equal(shared[0].type, 'application/json');
  assert.match(shared[0].title, /Tân Thành/);
  assert.equal(JSON.parse(shared[0].text).draft.meta.commune, 'Tân Thành');
  // The notice belongs to this screen: another screen does not show it.
  await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
  assert.equal(await page.getByText(/^Đã gửi tệp/).count(), 0);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('"Gửi cho tỉnh" saves the file and says where it went where the browser cannot share files', { timeout: 60000 }, async () => {
  const { ctx, page } = await sharing(false);
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Gửi cho tỉnh' }));
  assert.match(path.basename(file), /^ban-nhap-ntm-tan-thanh-.*\.json$/);
  await page.getByText(/đã được lưu vào thư mục Tải xuống .* mở Zalo hoặc thư điện tử/).waitFor();
  assert.deepEqual(await page.evaluate(() => window.__shared), []);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});
