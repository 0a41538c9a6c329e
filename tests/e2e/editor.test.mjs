// The editor's behaviour around the numbers: decimal comma or point, thousands dots, inline
// Vietnamese errors that keep the input, a missing threshold entered with its source,
// suggestions, and jumping from the summary to the place of a problem.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { serve, launch, phone, openApp, newDraft, saved, openCriterion, tmp, draftPage, downloadFrom } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('numbers: comma, point, thousands dots, and inline errors that keep the input', { timeout: 60000 }, async () => {
  const { ctx, page } = await draftPage(browser, server.url);
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Mai Pha');
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(page, 3);
  const part = page.getByLabel(/^Chỉ tiêu 3\.1: Diện tích được tưới/);
  const whole = page.getByLabel(/^Chỉ tiêu 3\.1: Tổng diện tích/);
  await part.fill('114,77');
  await whole.fill('124.75');
  await page.getByText('Kết quả: 114,77/124,75 ha = 92%').waitFor();
  // The reading is written differently from the typing, so a misreading would show.
  await page.getByText('Đã hiểu: 114 phẩy 77').waitFor();
  await page.getByText('Đã hiểu: 124 phẩy 75').waitFor();
  assert.match(await page.locator('#ind-3-1 .indicator-head .badge').innerText(), /Đạt/);
  // Thousands dots.
  await part.fill('1.234');
  await whole.fill('2.000');
  await page.getByText('Kết quả: 1.234/2.000 ha = 61,7%').waitFor();
  await page.getByText('Đã hiểu: 1\u00a0234').waitFor();
  // Garbage: a Vietnamese message under the input, the text kept, the rest untouched.
  await part.fill('12a');
  await page.locator('#i3-1-num-err', { hasText: 'Không phải là số. Ví dụ hợp lệ: 146 hoặc 78,91.' }).waitFor();
  assert.equal(await part.inputValue(), '12a');
  assert.equal(await whole.inputValue(), '2.000');
  assert.equal(await part.getAttribute('aria-invalid'), 'true');
  // Empty means no data, not zero.
  await part.fill('');
  await whole.fill('');
  assert.match(await page.locator('#ind-3-1 .indicator-head .badge').innerText(), /Chưa đánh giá/);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('a missing threshold is entered with its source, and the summary jumps to problems', { timeout: 60000 }, async () => {
  const { ctx, page } = await draftPage(browser, server.url);
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(page, 9);
  await page.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).fill('146');
  await page.getByLabel(/^Chỉ tiêu 9\.2: Tổng số hộ/).fill('185');
  const badge = page.locator('#ind-9-2 .indicator-head .badge');
  assert.match(await badge.innerText(), /Thiếu ngưỡng/);
  // A reading that differs from the typing shows under the user's own threshold.
  await page.getByLabel('Chỉ tiêu 9.2: ngưỡng tự nhập (≥ %)').fill('7.5');
  await page.locator('#ind-9-2').getByText('Đã hiểu: 7 phẩy 5').waitFor();
  await page.getByLabel('Chỉ tiêu 9.2: ngưỡng tự nhập (≥ %)').fill('75');
  await badge.filter({ hasText: 'Đạt' }).waitFor();
  await page.locator('#ind-9-2').getByText('ngưỡng tự nhập cần ghi rõ nguồn').waitFor();
  await page.getByLabel('Chỉ tiêu 9.2: nguồn của ngưỡng (số văn bản)').fill('QĐ 1494/QĐ-UBND');
  await page.locator('#ind-9-2').getByText('ngưỡng tự nhập cần ghi rõ nguồn').waitFor({ state: 'detached' });

  // Collapse everything, then jump from the findings list to 13.5.
  await page.getByRole('button', { name: 'Thu gọn' }).click();
  await page.getByRole('button', { name: /^(Còn \d|Đủ để in|\d+ lỗi)/ }).click();
  await page.getByRole('link', { name: /Chỉ tiêu 13\.5: chưa đánh giá/ }).click();
  await page.waitForFunction(() => document.activeElement?.closest('#ind-13-5') && document.querySelector('#crit-13').open);
  // And from an unmet criterion to its card. The list closed as it jumped, not to cover the
  // field (#27): open it again.
  await page.getByRole('button', { name: /^(Còn \d|Đủ để in|\d+ lỗi)/ }).click();
  await page.getByRole('link', { name: 'TC 17' }).click();
  await page.waitForFunction(() => document.querySelector('#crit-17').open);
  await ctx.close();
});

test('suggestions from the scores, accepted then edited', { timeout: 60000 }, async () => {
  const { ctx, page } = await draftPage(browser, server.url);
  await page.getByRole('button', { name: 'Nội dung' }).click();
  await page.getByRole('button', { name: 'Dùng gợi ý cho “Mục tiêu”' }).click();
  const goals = page.getByLabel('Mục tiêu', { exact: true });
  assert.match(await goals.inputValue(), /Phấn đấu thực hiện đạt chuẩn tiêu chí số 1 về Quy hoạch; tiêu chí số 2 về Giao thông/);
  await goals.fill((await goals.inputValue()) + '\nHuy động Nhân dân làm đường bê tông.');
  await saved(page);
  await ctx.close();
});

test('criteria sets: copy, edit a threshold with its source, export, import elsewhere, use', { timeout: 90000 }, async () => {
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await page.locator('details.more > summary').click(); // the editor's "Thêm" menu (#27)
  await page.getByRole('link', { name: 'Bộ tiêu chí' }).click();
  await page.locator('.set-list li', { hasText: 'Lạng Sơn' }).getByRole('button', { name: 'Tạo bản sao' }).click();
  // A copy opens in the editor at once.
  await page.getByText('Đã tạo bản sao').waitFor();
  await page.getByLabel('Tên bộ tiêu chí').fill('Bộ tiêu chí xã NTM tỉnh Lạng Sơn 2026 - 2030 (dự kiến)');
  await page.getByLabel('Giai đoạn từ năm').fill('2026');
  await page.getByLabel('đến năm').fill('2030');
  // The copy keeps a year threshold of 2022 (criterion 10), now outside the period: a located error.
  await page.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await page.getByText('tiêu chí 10, chỉ tiêu 10: ngưỡng năm 2022 nằm ngoài giai đoạn').waitFor();
  await page.getByLabel('Giai đoạn từ năm').fill('2022');
  const open = (code) => page.locator('details.set-indicator', { has: page.locator('.code', { hasText: new RegExp(`^${code.replace('.', '\\.')}$`) }) }).locator(':scope > summary').click();
  await open('9.2');
  await page.getByLabel('Tên ngắn chỉ tiêu 9.2').fill('Hộ có nhà kiên cố, bán kiên cố');
  await page.getByRole('button', { name: 'Thêm ngưỡng cho chỉ tiêu 9.2' }).click();
  const value = page.getByLabel('Chỉ tiêu 9.2, ngưỡng 1: giá trị (≥ %)');
  // "45.125" is read the Vietnamese way (45 125): the field says so, it is not silent.
  await value.fill('45.125');
  await value.blur();
  await page.getByText('Đã hiểu: 45\u00a0125').waitFor();
  await value.fill('8o');
  await value.blur();
  await page.getByText('Chỉ tiêu 9.2, ngưỡng 1: Không phải là số.').waitFor();
  await value.fill('80');
  await value.blur();
  await page.getByLabel('Chỉ tiêu 9.2, ngưỡng 1: nguồn').fill('QĐ 1494/QĐ-UBND, phụ lục');
  await open('13.5');
  await page.getByRole('button', { name: 'Xóa chỉ tiêu 13.5' }).click();
  await page.getByLabel('Mã chỉ tiêu (VD: 17.13)').fill('1.3');
  await page.getByLabel('Nội dung chỉ tiêu', { exact: true }).fill('Có quy hoạch chi tiết khu trung tâm xã');
  await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await page.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await page.getByText('Đã lưu bộ tiêu chí').waitFor();

  const own = page.locator('.set-list li', { hasText: '2026 - 2030 (dự kiến)' });
  const file = await downloadFrom(page, own.getByRole('button', { name: 'Xuất tệp' }));

  // Another commune imports the file and starts a draft with it.
  const other = await phone(browser);
  const p2 = await other.newPage();
  await openApp(p2, server.url);
  await p2.locator('details.more > summary').click(); // the editor's "Thêm" menu (#27)
  await p2.getByRole('link', { name: 'Bộ tiêu chí' }).click();
  await p2.locator('#import-set').setInputFiles(file);
  await p2.getByText('Đã nhập bộ tiêu chí').waitFor();
  await p2.getByRole('link', { name: 'Bản nháp' }).click();
  await newDraft(p2, /dự kiến/);
  await p2.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(p2, 9);
  await p2.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).fill('146');
  await p2.getByLabel(/^Chỉ tiêu 9\.2: Tổng số hộ/).fill('185');
  // 78,91 % against the province's 80 %.
  assert.match(await p2.locator('#ind-9-2 .indicator-head .badge').innerText(), /Chưa đạt/);
  await openCriterion(p2, 13);
  assert.equal(await p2.locator('#ind-13-5').count(), 0);
  assert.equal(await p2.locator('#ind-1-3').count(), 1);
  // A bad set file: located errors, nothing added.
  await p2.locator('details.more > summary').click(); // the editor's "Thêm" menu (#27)
  await p2.getByRole('link', { name: 'Bộ tiêu chí' }).click();
  // The page lists the user's own sets once storage is read, just after its first render.
  await p2.locator('.set-list li', { hasText: 'dự kiến' }).waitFor();
  const before = await p2.locator('.set-list li').count();
  const broken = JSON.parse(readFileSync(file, 'utf-8'));
  broken.criteria[8].indicators[1].thresholds[0].value = -5;
  const brokenFile = path.join(await tmp(), 'broken-set.json');
  writeFileSync(brokenFile, JSON.stringify(broken));
  await p2.locator('#import-set').setInputFiles(brokenFile);
  await p2.getByText(/Tệp bộ tiêu chí không hợp lệ: tiêu chí 9, chỉ tiêu 9\.2: ngưỡng không hợp lệ/).waitFor();
  assert.equal(await p2.locator('.set-list li').count(), before);
  await ctx.close();
  await other.close();
});

test('a count of criteria in the narrative that is not the score is flagged and jumps there', { timeout: 60000 }, async () => {
  const { ctx, page } = await draftPage(browser, server.url);
  await page.getByRole('button', { name: 'Nội dung' }).click();
  await page.getByLabel('Nhiệm vụ trọng tâm', { exact: true }).fill('Phấn đấu giữ vững 11/11 tiêu chí đã đạt được.');
  await page.getByText('Phần “Nhiệm vụ trọng tâm” ghi 11/11 tiêu chí, trong khi kết quả đánh giá là đạt 0/19 tiêu chí.').first().waitFor();
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await page.getByRole('button', { name: /^(Còn \d|Đủ để in|\d+ lỗi)/ }).click();
  await page.getByRole('link', { name: /Phần “Nhiệm vụ trọng tâm” ghi 11\/11/ }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'n-tasks');
  await ctx.close();
});

test('switching a draft to another criteria set keeps the figures', { timeout: 60000 }, async () => {
  const { ctx, page } = await draftPage(browser, server.url, /Lạng Sơn/);
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(page, 4);
  await page.getByLabel('Chỉ tiêu 4.2: hoặc tỷ lệ (%) nếu không có số đếm').fill('96');
  assert.match(await page.locator('#ind-4-2 .indicator-head .badge').innerText(), /Đạt/);
  await page.getByRole('button', { name: 'Thông tin' }).click();
  page.once('dialog', (d) => d.accept());
  const select = page.getByLabel('Đổi sang bộ tiêu chí khác (số liệu đã nhập được giữ theo mã chỉ tiêu)');
  const options = await select.locator('option').allTextContents();
  await select.selectOption({ index: options.findIndex((o) => /quốc gia.*2021 - 2025/.test(o)) });
  await page.getByText('Đang dùng: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025').waitFor();
  // The national set has region columns, named as the set names them; 4.2 has no national
  // threshold given here.
  await page.getByLabel('Vùng kinh tế (chọn để áp dụng đúng ngưỡng cho xã)').waitFor();
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(page, 4);
  assert.equal(await page.getByLabel('Chỉ tiêu 4.2: hoặc tỷ lệ (%) nếu không có số đếm').inputValue(), '96');
  assert.match(await page.locator('#ind-4-2 .indicator-head .badge').innerText(), /Thiếu ngưỡng/);
  await saved(page);
  await page.reload();
  await page.getByRole('button', { name: 'Thông tin' }).click();
  await page.getByText('Đang dùng: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021 - 2025').waitFor();
  await ctx.close();
});
