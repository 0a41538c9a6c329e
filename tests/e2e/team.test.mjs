// The commune's team (#28): the compiler hands parts of the assessment out from an open
// draft ("Giao phần việc"); each part is a file named for the commune, the person and the
// criteria, carrying the set, the draft's identity and the figures as handed out; the draft
// lists its parts with their state, across a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { serve, launch, phone, openApp, newDraft, saved, openCriterion, downloadFrom, docxText } from './lib.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');

/** No axe violation on what the page shows (the context bypasses the CSP for the audit). */
async function axe(page, where) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** From the editor's "Thông tin" to the parts page of the tools module (phan-viec/#giao:<draft>),
 * where parts are handed out, their files written again, or withdrawn. */
async function toParts(page) {
  await page.getByRole('button', { name: 'Giao phần việc', exact: true }).click();
  await page.getByRole('heading', { name: 'Giao phần việc', exact: true }).waitFor();
}

/** Hands a part out on the parts page: criteria ticked, indicators typed, who, due. */
async function handOut(page, { criteria = [], codes = '', who, due = '' }) {
  for (const n of criteria) await page.getByLabel(new RegExp(`^Tiêu chí ${n}: `)).check();
  if (codes) await page.getByLabel('Hoặc từng chỉ tiêu (mã, cách nhau bởi dấu phẩy)').fill(codes);
  await page.getByLabel('Người được giao').fill(who);
  if (due) await page.getByLabel('Hạn gửi lại (không bắt buộc)').fill(due);
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Giao phần việc và tải tệp' }));
  return { file, part: JSON.parse(readFileSync(file, 'utf8')) };
}

test('Giao phần việc: two parts handed out, their files, and the draft listing them', { timeout: 90000 }, async () => {
  const ctx = await phone(browser, { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await newDraft(page);
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Liên Sơn');
  await page.getByLabel('Tỉnh').fill('Lạng Sơn');
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(page, 9);
  await page.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).fill('146');
  await page.getByLabel(/^Chỉ tiêu 9\.2: Tổng số hộ/).fill('185');
  await saved(page);
  await page.getByRole('button', { name: 'Thông tin' }).click();
  await page.locator('#parts-none').waitFor();
  await toParts(page);
  await page.locator('#parts-none').waitFor();

  // Nothing chosen, nobody named: refused with the reason, nothing downloaded or listed.
  await page.getByRole('button', { name: 'Giao phần việc và tải tệp' }).click();
  await page.getByRole('alert').filter({ hasText: 'Hãy ghi người được giao phần việc' }).waitFor();
  await page.getByLabel('Người được giao').fill('Ai đó');
  await page.getByRole('button', { name: 'Giao phần việc và tải tệp' }).click();
  await page.getByRole('alert').filter({ hasText: 'Hãy chọn ít nhất một tiêu chí hoặc chỉ tiêu để giao.' }).waitFor();
  await page.getByLabel('Người được giao').fill('');

  const first = await handOut(page, { criteria: [16], codes: '9.2', who: 'Công chức Văn hóa - Xã hội', due: '2024-06-15' });
  assert.equal(path.basename(first.file), 'phan-viec-lien-son-cong-chuc-van-hoa-xa-hoi-tc16-ct9.2.json');
  assert.equal(first.part.kind, 'phan-viec');
  assert.equal(first.part.who, 'Công chức Văn hóa - Xã hội');
  assert.equal(first.part.commune, 'Liên Sơn');
  assert.deepEqual(first.part.due, { year: 2024, month: 6, day: 15 });
  assert.ok(first.part.codes.includes('9.2') && first.part.codes.every((c) => c === '9.2' || c.startsWith('16')));
  // The figures as handed out travel with the part: the start of the official's work.
  assert.equal(first.part.base['9.2'].numerator, '146');
  assert.equal(first.part.entries['9.2'].denominator, '185');
  assert.equal(first.part.set.id, first.part.set_id);
  // The form is empty again for the next part.
  assert.equal(await page.getByLabel('Người được giao').inputValue(), '');
  assert.equal(await page.getByLabel(/^Tiêu chí 16: /).isChecked(), false);

  const second = await handOut(page, { criteria: [3], who: 'Công chức Địa chính - Xây dựng' });
  assert.equal(path.basename(second.file), 'phan-viec-lien-son-cong-chuc-dia-chinh-xay-dung-tc3.json');
  assert.notEqual(first.part.id, second.part.id);

  // The draft lists both parts, handed out, and keeps them (written through core::persist;
  // the editor reads them when it opens again).
  await backToEditor(page);
  await page.getByRole('button', { name: 'Thông tin' }).click();
  const list = page.getByRole('list', { name: 'Các phần việc đã giao' });
  await list.getByRole('listitem').filter({ hasText: 'Công chức Văn hóa - Xã hội — tiêu chí 16; chỉ tiêu 9.2 — hạn ngày 15 tháng 6 năm 2024 Đã giao' }).waitFor();
  await list.getByRole('listitem').filter({ hasText: 'Công chức Địa chính - Xây dựng — tiêu chí 3 Đã giao' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Thông tin' }).click();
  assert.equal(await list.getByRole('listitem').count(), 2);

  // A lost file is written again, the same part.
  await toParts(page);
  const again = await downloadFrom(page, page.getByRole('button', { name: 'Tải lại tệp phần việc của Công chức Địa chính - Xây dựng' }));
  const copy = JSON.parse(readFileSync(again, 'utf8'));
  assert.equal(copy.id, second.part.id);
  assert.deepEqual(copy.codes, second.part.codes);

  // Withdrawn (after asking): off the list.
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Hủy phần việc của Công chức Địa chính - Xây dựng' }).click();
  await list.getByRole('listitem').filter({ hasText: 'Địa chính' }).waitFor({ state: 'detached' });
  assert.equal(await list.getByRole('listitem').count(), 1);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

/** Opens a part file on a phone with "Mở tệp phần việc": on the editor's list of drafts
 * (which hands it to the parts page, phan-viec/), or on the parts page itself. */
async function openPartFile(page, file) {
  await page.getByRole('button', { name: 'Bản nháp' }).click({ timeout: 2000 }).catch(() => {});
  await page.getByLabel('Mở tệp phần việc (.json)').setInputFiles(file);
}

/** From a page of the tools module back to the editor, which opens the draft last opened. */
async function backToEditor(page) {
  await page.getByRole('link', { name: 'Về trang soạn báo cáo' }).click();
  await page.locator('#shell').waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: 'Tự đánh giá xã nông thôn mới' }).waitFor();
}

test('a part worked on a phone: only its criteria, stored as a part in work, exported filled and taken back as returned', { timeout: 120000 }, async () => {
  const laptop = await phone(browser, { viewport: { width: 1280, height: 900 } });
  const compiler = await laptop.newPage();
  await openApp(compiler, server.url);
  await newDraft(compiler);
  await compiler.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Liên Sơn');
  await compiler.getByLabel('Tỉnh').fill('Lạng Sơn');
  await saved(compiler);
  await toParts(compiler);
  const { file } = await handOut(compiler, { codes: '9.2', criteria: [16], who: 'Công chức Văn hóa - Xã hội' });
  await backToEditor(compiler);

  const mobile = await phone(browser);
  const official = await mobile.newPage();
  await openApp(official, server.url);
  await openPartFile(official, file);
  await official.getByRole('heading', { name: 'Phần việc của Công chức Văn hóa - Xã hội' }).waitFor();
  // Only the part's criteria: 9 (its one indicator) and 16; nothing of criterion 3.
  await official.locator('#crit-9').waitFor();
  await official.locator('#crit-16').waitFor();
  assert.equal(await official.locator('#crit-3').count(), 0);
  await openCriterion(official, 9);
  assert.equal(await official.getByLabel(/^Chỉ tiêu 9\.1/).count(), 0);
  // The same inputs and checks as the full editor.
  await official.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).fill('12a');
  await official.locator('#i9-2-num-err', { hasText: 'Không phải là số.' }).waitFor();
  await official.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).fill('150');
  await official.getByLabel(/^Chỉ tiêu 9\.2: Tổng số hộ/).fill('185');
  await official.getByText(/Kết quả: 150\/185/).waitFor();
  await official.locator('#i9-2-who', { hasText: 'Nhập bởi: Công chức Văn hóa - Xã hội, lúc' }).waitFor();

  // Stored as a part in work: after a reload it is listed on this phone and opens as left.
  await official.reload();
  await official.getByRole('list', { name: 'Phần việc đang làm trên máy này' }).waitFor();
  await official.getByRole('button', { name: 'Mở phần việc của Công chức Văn hóa - Xã hội (xã Liên Sơn)' }).click();
  await openCriterion(official, 9);
  assert.equal(await official.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).inputValue(), '150');
  const stored = await official.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tieuchi.part.')));
  assert.equal(stored.length, 1);
  assert.equal(await official.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tieuchi.draft.')).length), 0, 'not a draft');
  // The file received again does not replace the work.
  await official.getByRole('button', { name: 'Đóng phần việc' }).click();
  await openPartFile(official, file);
  await official.getByText('Phần việc này đã có trên máy').waitFor();
  await openCriterion(official, 9);
  assert.equal(await official.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).inputValue(), '150');

  const done = await downloadFrom(official, official.getByRole('button', { name: 'Xuất phần việc đã làm' }));
  assert.equal(path.basename(done), 'phan-viec-da-lam-lien-son-cong-chuc-van-hoa-xa-hoi-tc16-ct9.2.json');
  const filled = JSON.parse(readFileSync(done, 'utf8'));
  assert.equal(filled.entries['9.2'].numerator, '150');
  assert.equal(filled.entries['9.2'].by, 'Công chức Văn hóa - Xã hội');
  assert.equal(filled.base['9.2']?.numerator ?? '', '');

  // This phone has no draft of its own for the part: it can become one (nothing refused).
  await official.getByRole('button', { name: 'Mở thành bản nháp riêng' }).click();
  await official.getByText('Đã mở phần việc thành một bản nháp riêng.').waitFor();
  await official.getByRole('link', { name: 'Mở bản nháp ở trang soạn báo cáo' }).click();
  await official.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(official, 9);
  assert.equal(await official.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).inputValue(), '150');
  assert.equal(await official.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tieuchi.part.')).length), 1, 'the part in work stays');

  // Back on the laptop: recognised as this draft's part, listed as returned.
  await compiler.getByRole('button', { name: 'Bản nháp' }).click();
  await compiler.getByLabel('Mở tệp phần việc (.json)').setInputFiles(done);
  await compiler.getByText('Đã nhận lại phần việc của Công chức Văn hóa - Xã hội').waitFor();
  await backToEditor(compiler);
  await compiler.getByRole('button', { name: 'Thông tin' }).click();
  const list = compiler.getByRole('list', { name: 'Các phần việc đã giao' });
  await list.getByRole('listitem').filter({ hasText: 'Đã nhận lại, chưa gộp' }).waitFor();
  await saved(compiler);
  // A file that is no part is refused in Vietnamese, nothing changed.
  await compiler.getByRole('button', { name: 'Bản nháp' }).click();
  await compiler.getByLabel('Mở tệp phần việc (.json)').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
  await compiler.getByText('Không mở được tệp phần việc. Tệp JSON này không phải phần việc').waitFor();
  assert.deepEqual(laptop.errors, []);
  assert.deepEqual(mobile.errors, []);
  await laptop.close();
  await mobile.close();
});

/** Fills a part on a phone from its file and exports it; returns the filled file. */
async function fillOnPhone(ctx, file, fill) {
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await openPartFile(page, file);
  await fill(page);
  return downloadFrom(page, page.getByRole('button', { name: 'Xuất phần việc đã làm' }));
}

/** The compiler opens a returned part: the editor hands it to the parts page (phan-viec/, in
 * the same tab), which takes it back onto the draft and links to the merge page. */
async function takeBack(compiler, done, who) {
  await compiler.getByRole('button', { name: 'Bản nháp' }).click();
  await compiler.getByLabel('Mở tệp phần việc (.json)').setInputFiles(done);
  await compiler.getByText(`Đã nhận lại phần việc của ${who}`).waitFor();
  await compiler.getByRole('link', { name: `Gộp vào bản nháp phần việc của ${who}` }).click();
  await compiler.getByRole('heading', { name: `Gộp phần việc của ${who} vào bản nháp` }).waitFor();
  return compiler;
}

test('the team: two parts out to two phones, filled, merged (one conflict decided), in the summary and the .docx', { timeout: 240000 }, async () => {
  const laptop = await phone(browser, { viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const compiler = await laptop.newPage();
  await openApp(compiler, server.url);
  await newDraft(compiler);
  await compiler.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Liên Sơn');
  await compiler.getByLabel('Tỉnh').fill('Lạng Sơn');
  await saved(compiler);
  const culture = 'Công chức Văn hóa - Xã hội';
  const land = 'Công chức Địa chính - Xây dựng';
  await toParts(compiler);
  const first = await handOut(compiler, { codes: '9.2', who: culture });
  const second = await handOut(compiler, { criteria: [3], who: land });
  await axe(compiler, 'the parts page with two parts out');
  await backToEditor(compiler);
  await compiler.getByRole('button', { name: 'Thông tin' }).click();

  // Two officials on 360 px phones, each with their own browser.
  await axe(compiler, 'Thông tin with two parts out');
  const phoneA = await phone(browser, { bypassCSP: true });
  const phoneB = await phone(browser);
  const doneA = await fillOnPhone(phoneA, first.file, async (p) => {
    await openCriterion(p, 9);
    await p.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).fill('150');
    await p.getByLabel(/^Chỉ tiêu 9\.2: Tổng số hộ/).fill('185');
    await axe(p, 'the part editor on a phone');
  });
  const doneB = await fillOnPhone(phoneB, second.file, async (p) => {
    await openCriterion(p, 3);
    await p.getByLabel(/^Chỉ tiêu 3\.1: Diện tích được tưới/).fill('114,77');
    await p.getByLabel(/^Chỉ tiêu 3\.1: Tổng diện tích/).fill('124,75');
    await p.getByLabel(/^Chỉ tiêu 3\.1: nhận xét, căn cứ/).fill('Số liệu của phòng Địa chính');
  });

  // Meanwhile the compiler types a figure of the second part.
  await compiler.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(compiler, 3);
  await compiler.getByLabel(/^Chỉ tiêu 3\.1: Diện tích được tưới/).fill('110');
  await saved(compiler);

  // The first part: taken with no question.
  const m1 = await takeBack(compiler, doneA, culture);
  const changes = m1.getByRole('list', { name: '1 chỉ tiêu được cập nhật từ phần việc' });
  await changes.getByRole('listitem').filter({ hasText: 'Chỉ tiêu 9.2' }).filter({ hasText: 'Trước: (trống) → Sau: 150/185' }).filter({ hasText: `Người nhập: ${culture}, ` }).waitFor();
  assert.equal(await m1.locator('fieldset.conflict').count(), 0);
  await m1.getByRole('button', { name: 'Gộp vào bản nháp' }).click();
  await m1.getByText(`Đã gộp phần việc của ${culture} vào bản nháp`).waitFor();
  await backToEditor(compiler);

  // The second: one conflict, both values shown, nothing applied before it is decided.
  const m2 = await takeBack(compiler, doneB, land);
  const conflict = m2.locator('fieldset.conflict');
  assert.equal(await conflict.count(), 1);
  await conflict.getByText(/giữ của bản nháp: tử số 110 \(người soạn, /).waitFor();
  await conflict.getByText(/lấy của phần việc: 114,77\/124,75/).waitFor();
  await conflict.getByText('Ghi chú: Số liệu của phòng Địa chính').waitFor();
  await axe(m2, 'the merge page with a conflict');
  const apply = m2.getByRole('button', { name: 'Gộp vào bản nháp' });
  assert.equal(await apply.isDisabled(), true);
  await m2.getByLabel(/lấy của phần việc/).check();
  await apply.click();
  await m2.getByText(`Đã gộp phần việc của ${land} vào bản nháp`).waitFor();
  // Undo is one step, and so is redoing the merge.
  await m2.getByRole('button', { name: 'Hoàn tác việc gộp' }).click();
  await m2.getByText('Đã hoàn tác').waitFor();
  await m2.reload();
  await m2.getByLabel(/lấy của phần việc/).check();
  await m2.getByRole('button', { name: 'Gộp vào bản nháp' }).click();
  await m2.getByText(`Đã gộp phần việc của ${land} vào bản nháp`).waitFor();
  await backToEditor(compiler);
  const handedOver = await compiler.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tieuchi.gop.')));
  assert.deepEqual(handedOver, [], 'removed once merged');

  // The draft holds both officials' figures, says so in the summary and the .docx.
  await compiler.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(compiler, 9);
  assert.equal(await compiler.getByLabel(/^Chỉ tiêu 9\.2: Số hộ có nhà ở/).inputValue(), '150');
  await openCriterion(compiler, 3);
  assert.equal(await compiler.getByLabel(/^Chỉ tiêu 3\.1: Diện tích được tưới/).inputValue(), '114,77');
  await compiler.getByText('Kết quả: 114,77/124,75 ha = 92%').waitFor();
  await compiler.getByText(/Kết quả: 150\/185/).waitFor();
  // Who entered each figure, beside it.
  await compiler.locator('#i9-2-who', { hasText: `Nhập bởi: ${culture}, lúc` }).waitFor();
  await compiler.locator('#i3-1-who', { hasText: `Nhập bởi: ${land}, lúc` }).waitFor();
  // The annex names the providers when asked (off by default).
  await compiler.getByRole('button', { name: 'Thông tin' }).click();
  await compiler.getByLabel('Phụ lục báo cáo ghi người cung cấp số liệu của từng tiêu chí').check();
  await saved(compiler);
  await compiler.getByRole('button', { name: 'Báo cáo' }).click();
  const text = docxText(await downloadFrom(compiler, compiler.getByRole('button', { name: 'Tải báo cáo (.docx)' })));
  assert.match(text, /114,77/);
  assert.match(text, /150/);
  assert.match(text, new RegExp(`Số liệu do: ${culture} cung cấp`));
  assert.match(text, new RegExp(`Số liệu do: ${land} cung cấp`));
  await compiler.getByRole('button', { name: 'Thông tin' }).click();
  const list = compiler.getByRole('list', { name: 'Các phần việc đã giao' });
  await list.getByRole('listitem').filter({ hasText: culture }).filter({ hasText: 'Đã gộp' }).waitFor();
  await list.getByRole('listitem').filter({ hasText: land }).filter({ hasText: 'Đã gộp' }).waitFor();
  for (const c of [laptop, phoneA, phoneB]) assert.deepEqual(c.errors, []);
  await Promise.all([laptop.close(), phoneA.close(), phoneB.close()]);
});
