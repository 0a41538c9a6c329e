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
  // The same file received again is recognised: offered, not stored twice.
  await page.getByRole('button', { name: 'Đóng thông báo' }).click();
  await picker.setInputFiles(SET);
  await page.getByText('Đã nhận bộ tiêu chí “Bộ tiêu chí THỬ NGHIỆM').waitFor();
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tieuchi.set.')).length), 1);
  // The next day (a reload): still the province's set, still offered first.
  await page.reload();
  await card.getByText('Bộ tiêu chí do tỉnh gửi').waitFor();
  assert.match(await card.innerText(), /THỬ NGHIỆM/);
  assert.equal(await select.evaluate((s) => s.options[s.selectedIndex].text), first);
  await card.getByRole('button', { name: 'Tạo bản nháp từ bộ này' }).click();
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').waitFor();
  // A new draft has nothing wrong in it, only what is left to enter.
  const left = await page.locator('.findings-toggle').innerText();
  assert.match(left, /^Còn \d+ chỉ tiêu chưa nhập/);
  assert.doesNotMatch(left, /lỗi/);
  assert.match(await page.locator('body').innerText(), /THỬ NGHIỆM/);
  // Three questions first: the set (with its number of indicators), the group in the set's
  // own words with the decision's definitions, the period.
  const start = page.locator('fieldset.start');
  await start.getByText('Để bắt đầu: bộ tiêu chí, nhóm của xã, kỳ báo cáo').waitFor();
  assert.match(await start.locator('.set-info').innerText(), /THỬ NGHIỆM .*10 chỉ tiêu/);
  const group = start.getByLabel('Nhóm xã (chọn để áp dụng đúng ngưỡng cho xã)');
  assert.deepEqual((await group.locator('option').allTextContents()).slice(1), ['Xã nhóm 1', 'Xã nhóm 2', 'Xã nhóm 3']);
  await start.getByLabel('Kỳ báo cáo', { exact: true }).waitFor();
  await start.getByLabel('Năm', { exact: true }).waitFor();
  // The group not chosen: no indicator says thresholds are missing, even with figures.
  await page.getByRole('button', { name: 'Đánh giá', exact: true }).click();
  await page.getByRole('button', { name: 'Mở tất cả' }).click();
  await page.getByLabel(/^Chỉ tiêu 1\.1: Số đạt/).fill('40');
  await page.getByLabel(/^Chỉ tiêu 1\.1: Tổng số/).fill('50');
  const cards = page.locator('article.indicator');
  assert.equal(await cards.count(), 10);
  const main = await page.locator('#main').innerText();
  assert.doesNotMatch(main, /Thiếu ngưỡng|chưa có ngưỡng|Nhập ngưỡng theo văn bản/);
  // Every card shows its threshold and result in one line, without a tap.
  for (let k = 0; k < 10; k++) assert.ok(await cards.nth(k).locator('.truth').isVisible(), `card ${k}`);
  assert.match(await page.locator('#i1-1-truth').innerText(), /nhóm/i);

  // The header (one line) and the summary take at most a quarter of the screen; the tabs a
  // commune uses are at the bottom, in reach; the set page and the roll-up are in a menu.
  await page.evaluate(() => window.scrollTo(0, 0));
  const header = await page.locator('.editor-header').boundingBox();
  const top = await page.locator('.sticky-top').boundingBox();
  assert.ok(header.height <= 52, `header ${header.height} px`);
  assert.ok(top.height <= 740 / 4, `header and summary ${top.height} px`);
  const tabs = page.locator('nav.bottom-tabs');
  assert.deepEqual(await tabs.getByRole('button').allTextContents(), ['Bản nháp', 'Thông tin', 'Đánh giá', 'Nội dung', 'Báo cáo']);
  const nav = await tabs.boundingBox();
  assert.ok(Math.abs(nav.y + nav.height - 740) <= 1, `tabs end at ${nav.y + nav.height}`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  assert.equal((await page.locator('.sticky-top').boundingBox()).y, 0, 'the header stays in view');
  assert.equal(await page.getByRole('link', { name: 'Bộ tiêu chí' }).isVisible(), false);
  await page.locator('details.more > summary').click();
  await page.getByRole('link', { name: 'Tổng hợp' }).waitFor();
  await page.locator('details.more > summary').click();

  // A jump to a finding leaves its field in view, below the header and the summary, above
  // the tabs, and the list of findings closed.
  assert.match(await page.locator('.findings-toggle').innerText(), /^Còn 9 chỉ tiêu chưa nhập · /);
  await page.locator('.findings-toggle').click();
  await page.locator('#findings-list').getByRole('link', { name: /Chỉ tiêu 9:/ }).click();
  await page.waitForFunction(() => document.activeElement?.closest('#ind-9'));
  assert.equal(await page.locator('#findings-list').count(), 0);
  const field = await page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; });
  const below = (await page.locator('.sticky-top').boundingBox()).height;
  assert.ok(field.top >= below && field.bottom <= 740 - nav.height, `field at ${field.top}-${field.bottom}, header to ${below}`);

  // An empty card asks for no reason until the user says there is no figure; plain words.
  const card9 = page.locator('#ind-9');
  assert.equal(await card9.locator('textarea[id$="-ack-not_assessed"]').isVisible(), false);
  await card9.locator('details.ack-ask > summary', { hasText: 'Không có số liệu' }).click();
  await page.getByLabel('Chỉ tiêu 9: lý do — Chưa đánh giá (in vào báo cáo)').fill('Chưa có kết quả kiểm tra');
  await card9.locator('details.ack-ask > summary', { hasText: 'Lý do đã ghi: “Chưa có kết quả kiểm tra”' }).waitFor();
  const words = await page.locator('#main').innerText();
  assert.doesNotMatch(words, /lý do xác nhận|cột ngưỡng|ngưỡng chung|\(đơn vị\)/);

  // A draft file, through the same picker, on another phone.
  await page.getByRole('button', { name: 'Thông tin', exact: true }).click();
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
  // From the list of drafts too.
  await page.getByRole('button', { name: 'Bản nháp', exact: true }).click();
  await page.getByRole('button', { name: /^Gửi cho tỉnh bản nháp xã Tân Thành/ }).click();
  await page.getByText(/^Đã gửi tệp “ban-nhap-ntm-tan-thanh-/).waitFor();
  assert.equal((await page.evaluate(() => window.__shared)).length, 2);
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
