// Today's law end to end: a draft made in 2026 gets the 2026–2030 set by default, the commune
// picks its group in the set's own words, judges the 10 criteria as wholes (the set has no
// indicators yet), sees "Đạt X/10", and downloads a report under the 2026–2035 programme with
// no district in its header. LibreOffice opens it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, phone, openApp, openCriterion, docxText, docxToPdf, downloadFrom } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PROGRAMME = 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới, giảm nghèo bền vững và phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2026 - 2035';

test('a 2026 draft: the 2026–2030 set, Xã nhóm 3, Đạt 6/10, a report for today', { timeout: 120000 }, async () => {
  const ctx = await phone(browser);
  await ctx.addInitScript(() => {
    // The machine's clock is the browser's; pin "today" so the test means the same every year.
    const RealDate = Date;
    const fixed = new RealDate('2026-11-30T09:00:00+07:00').getTime();
    globalThis.Date = class extends RealDate {
      constructor(...a) { super(...(a.length ? a : [fixed])); }
      static now() { return fixed; }
    };
  });
  const page = await ctx.newPage();
  await openApp(page, server.url);
  // No set is chosen by hand: the one covering 2026 is offered first.
  const chosen = await page.getByLabel('Bộ tiêu chí cho bản nháp mới').evaluate((s) => s.options[s.selectedIndex].text);
  assert.match(chosen, /^Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026 - 2030/);
  await page.getByRole('button', { name: 'Tạo bản nháp mới' }).click();
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Tân Thành');
  assert.equal(await page.getByLabel('Năm', { exact: true }).inputValue(), '2026');

  // The group, asked in the set's words, with the decision's definitions at hand.
  const group = page.getByLabel('Nhóm xã (chọn để áp dụng đúng ngưỡng cho xã)');
  assert.deepEqual(await group.locator('option').allTextContents(),
    ['Chưa chọn nhóm xã (dùng ngưỡng áp dụng cho mọi xã)', 'Xã nhóm 1', 'Xã nhóm 2', 'Xã nhóm 3']);
  await page.getByText('Xã khu vực II và xã khu vực III thuộc địa bàn vùng đồng bào dân tộc thiểu số').waitFor();
  await group.selectOption({ label: 'Xã nhóm 3' });
  // The issuer is chosen: the commune's People's Committee, no upper line to type.
  assert.equal(await page.getByLabel('Cơ quan ban hành báo cáo').inputValue(), 'committee');
  assert.equal(await page.getByLabel('Cơ quan cấp trên của Ban (dòng đầu góc trái)').count(), 0);
  await page.getByLabel('Kính gửi (mỗi nơi một dòng)').fill('Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn');
  await page.getByLabel('Họ và tên người ký').fill('Hoàng Văn Nam');

  await page.getByRole('button', { name: 'Đánh giá' }).click();
  assert.equal(await page.locator('details.criterion').count(), 10);
  for (let n = 1; n <= 10; n++) {
    await openCriterion(page, n);
    await page.getByLabel(`Tiêu chí ${n}: đánh giá chung`).selectOption(n <= 6 ? 'met' : 'not_met');
    if (n === 1) {
      // Judged without a reason: an error, and the card says why.
      await page.locator('#crit-1').getByText('đánh giá chung cả tiêu chí cần ghi căn cứ').waitFor();
    }
    await page.getByLabel(`Tiêu chí ${n}: căn cứ, lý do của đánh giá (đưa vào báo cáo)`).fill(`Theo kết quả rà soát tiêu chí ${n} của xã.`);
  }
  await page.getByText('Đạt 6/10 tiêu chí').waitFor();
  assert.match(await page.locator('#crit-7 > summary .badge').innerText(), /Chưa đạt/);

  await page.getByRole('button', { name: 'Báo cáo' }).click();
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Tải báo cáo (.docx)' }));
  const text = docxText(file);
  assert.doesNotMatch(text, /DỰ THẢO/, 'every criterion judged with its reason: a final report');
  assert.doesNotMatch(text, /huyện/i, 'no district anywhere');
  assert.match(text, /^ỦY BAN NHÂN DÂN\nXÃ TÂN THÀNH$/m);
  assert.match(text, /^Số: +\/BC-UBND$/m);
  assert.ok(text.includes(`Kết quả thực hiện ${PROGRAMME} trong năm 2026 trên địa bàn xã Tân Thành`), text.slice(0, 800));
  assert.match(text, /^Kính gửi: Sở Nông nghiệp và Môi trường tỉnh Lạng Sơn\.$/m);
  assert.match(text, /xã Tân Thành tự đánh giá đạt 6\/10 tiêu chí\./);
  assert.match(text, /^1\.7\. Tiêu chí số 7 về Khoa học công nghệ và chuyển đổi số: Chưa đạt$/m);
  // A criterion judged whole is said plainly: its heading, then the commune's grounds.
  assert.match(text, /^1\.7\. Tiêu chí số 7 về Khoa học công nghệ và chuyển đổi số: Chưa đạt\nTheo kết quả rà soát tiêu chí 7 của xã\.$/m);
  assert.doesNotMatch(text, /chưa có các chỉ tiêu chi tiết/);
  assert.match(text, /^- Như trên;$/m);
  assert.match(text, /^- Lưu: VT\.$/m);

  const pdf = await docxToPdf(file);
  assert.match(pdf.text, /đạt 6\/10 tiêu chí/);
  assert.match(pdf.text, /Hoàng Văn Nam/);
  assert.deepEqual(ctx.errors, [], 'no page error');
  await ctx.close();
});
