// The thin slice through every layer: load the set, enter a yes/no and a percentage, see the
// statuses and "đạt X/19", reload and find it again, download the .docx and read it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, saved, openCriterion, docxText, docxToPdf, draftPage, downloadFrom } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('enter, reload, download: every layer works together', async () => {
  const { ctx, page } = await draftPage(browser, server.url);
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Liên Sơn');
  await page.getByLabel('Họ và tên người ký').fill('Dương Văn Phong');

  await page.getByRole('button', { name: 'Đánh giá' }).click();
  // 19 criteria from the data file.
  assert.equal(await page.locator('details.criterion').count(), 19);
  await openCriterion(page, 1);
  await page.getByLabel('Chỉ tiêu 1.1: đánh giá').selectOption('met');
  await page.getByLabel('Chỉ tiêu 1.1: nhận xét, căn cứ (đưa vào báo cáo)').fill('Quy hoạch được phê duyệt năm 2023.');
  await page.getByLabel('Chỉ tiêu 1.2: đánh giá').selectOption('met');
  await page.getByLabel('Chỉ tiêu 1.2: nhận xét, căn cứ (đưa vào báo cáo)').fill('Đã ban hành quy định.');
  await openCriterion(page, 4);
  await page.getByLabel('Chỉ tiêu 4.1: đánh giá').selectOption('met');
  await page.getByLabel('Chỉ tiêu 4.1: nhận xét, căn cứ (đưa vào báo cáo)').fill('Đạt chuẩn.');
  await page.getByLabel(/^Chỉ tiêu 4\.2: Số hộ đăng ký/).fill('176');
  await page.getByLabel(/^Chỉ tiêu 4\.2: Tổng số hộ/).fill('185');

  const row = (code) => page.locator(`#ind-${code.replace('.', '-')}`);
  await assert.doesNotReject(row('1.1').locator('.badge', { hasText: 'Đạt' }).waitFor());
  // 176/185 = 95,13 % against "≥ 95 %".
  await row('4.2').getByText('Kết quả: 176/185 hộ = 95,13%').waitFor();
  assert.match(await row('4.2').locator('.badge').innerText(), /Đạt/);
  await page.getByText('Đạt 2/19 tiêu chí').waitFor();

  await saved(page);
  await page.reload();
  await page.getByText('Đạt 2/19 tiêu chí').waitFor();
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(page, 4);
  assert.equal(await page.getByLabel(/^Chỉ tiêu 4\.2: Số hộ đăng ký/).inputValue(), '176');

  await page.getByRole('button', { name: 'Báo cáo' }).click();
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Tải báo cáo (.docx)' }));
  assert.match(path.basename(file), /^bao-cao-ntm-lien-son-(6-thang-dau-nam|nam)-\d{4}\.docx$/);
  const text = docxText(file);
  assert.match(text, /xã Liên Sơn tự đánh giá đạt 2\/19 tiêu chí\./);
  assert.match(text, /^ỦY BAN NHÂN DÂN\nXÃ LIÊN SƠN$/m);

  const pdf = await docxToPdf(file);
  assert.ok(pdf.pages > 1, `PDF has ${pdf.pages} pages`);
  assert.match(pdf.text, /BÁO CÁO/);
  assert.match(pdf.text, /đạt 2\/19 tiêu chí/);
  assert.match(pdf.text, /Dương Văn Phong/);

  assert.deepEqual(ctx.foreign, [], 'no request to another origin');
  assert.deepEqual(ctx.errors, [], 'no page error');
  await ctx.close();
});
