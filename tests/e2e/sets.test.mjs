// The criteria-set page (bo-tieu-chi/): its own module, sharing storage with the editor. Two
// pages editing one set never undo each other silently; a set saved there reaches the editor
// open in another tab.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve, launch, phone, openApp, openCriterion, downloadFrom, tmp, ROOT } from './lib.mjs';
import { largeSet, storedSet } from './testdata.mjs';

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
  // The copy opens in the editor at once, its name field ready to be filled.
  assert.equal(await one.evaluate(() => document.activeElement.id), 's-name');
  const two = await setPage(ctx);
  await two.getByRole('button', { name: 'Chỉnh sửa' }).click();
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
  // A set deleted there is gone here too. Nothing was changed in the copy: "Hủy" asks nothing.
  await sets.getByRole('button', { name: 'Hủy' }).click();
  sets.once('dialog', (d) => d.accept());
  await sets.getByRole('button', { name: 'Xóa' }).click();
  await editor.waitForFunction(() => ![...document.querySelectorAll('option')].some((o) => o.textContent.includes('(bản sao)')));
  await ctx.close();
});

// Test data in the decision's layout, not legal figures (tests/fixtures/bang-thu-nghiem-2026.tsv).
const TABLE = readFileSync(path.join(ROOT, 'tests/fixtures/bang-thu-nghiem-2026.tsv'), 'utf-8');
const SET_2026 = /quốc gia về xã nông thôn mới giai đoạn 2026 - 2030/;

/** Copies the 2026–2030 set; the copy opens in the editor, where it is named. */
async function copyAndEdit(page, name) {
  await page.locator('.set-list li', { hasText: SET_2026 }).first().getByRole('button', { name: 'Tạo bản sao' }).click();
  await page.getByText('Đã tạo bản sao').waitFor();
  await page.getByLabel('Tên bộ tiêu chí').fill(name);
}

/** The shares of the test table that say nothing of what they count ("Tỷ lệ thử nghiệm 1.1"):
 * the preview asks, on each such row. */
const ASKED = [...TABLE.matchAll(/^(\d+\.\d+)\tTỷ lệ thử nghiệm /gm)].map((m) => m[1]);

async function pasteTable(page, text = TABLE) {
  await page.getByLabel('Dán bảng chỉ tiêu').fill(text);
  await page.getByText(/^Xem trước: \d+ dòng đọc được/).waitFor();
  if (text === TABLE) {
    assert.equal(ASKED.length, 10);
    assert.equal(await page.getByRole('button', { name: 'Áp dụng bảng' }).isDisabled(), true, 'shares without what they count are asked first');
    for (const code of ASKED) await page.getByLabel(`Đơn vị đếm của chỉ tiêu ${code} (hộ, người, km…)`).fill('hộ');
  }
}

/** The user's stored sets, parsed. */
const storedSets = (page) => page.evaluate(() => Object.entries(localStorage)
  .filter(([k]) => k.startsWith('tieuchi.set.')).map(([, v]) => JSON.parse(v).set));

/** Scores of the open draft as the summary and each criterion's badge show them. */
async function scores(page) {
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  const summary = await page.locator('.sticky-summary').innerText();
  const badges = await page.locator('details.criterion > summary .badge').allInnerTexts();
  await openCriterion(page, 1);
  // textContent: a row off screen is not rendered (content-visibility on .indicator), so it
  // has no innerText.
  const indicators = await page.locator('#crit-1 .indicator-head .badge').allTextContents();
  return { summary: /Đạt \d+\/\d+ tiêu chí/.exec(summary)[0], badges, indicators };
}

test('a 47-row table pasted into a copy of the 2026–2030 set scores drafts; its CSV re-imported scores the same', { timeout: 180000 }, async () => {
  const ctx = await phone(browser);
  const sets = await setPage(ctx);
  await copyAndEdit(sets, 'Bảng A (dữ liệu kiểm thử)');
  await pasteTable(sets);
  await sets.getByText('Xem trước: 47 dòng đọc được').waitFor();
  await sets.getByText('Bỏ qua 11 dòng').waitFor();
  // Numbers are shown as read, each row with its criterion, kind and unit.
  const row = sets.locator('.table-preview tr', { hasText: '1.4' }).first();
  await row.getByText('≤ 4 phẩy 5 %').waitFor();
  await row.getByText('tỷ lệ % (hộ) ≤').waitFor();
  await row.getByText('1. Quy hoạch').waitFor();
  await sets.getByRole('button', { name: 'Áp dụng bảng' }).click();
  await sets.getByText('Đã áp dụng 47 dòng: 47 chỉ tiêu mới, 0 chỉ tiêu cập nhật.').waitFor();
  // One undo restores the set as it was, and the table can be applied again.
  await sets.getByRole('button', { name: 'Hoàn tác lần áp dụng bảng' }).click();
  assert.equal(await sets.locator('details.set-indicator').count(), 0);
  await pasteTable(sets);
  await sets.getByRole('button', { name: 'Áp dụng bảng' }).click();
  assert.equal(await sets.locator('details.set-indicator').count(), 47);
  const csv = await downloadFrom(sets, sets.getByRole('button', { name: 'Xuất bảng chỉ tiêu (.csv)' }));
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await sets.getByText('Đã lưu bộ tiêu chí').waitFor();

  // The CSV: UTF-8 with a BOM, Vietnamese intact in LibreOffice Calc.
  const bytes = readFileSync(csv);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const dir = await tmp();
  const profile = await tmp('tieuchi-lo-');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=CSV:59,34,76,1', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, csv], { stdio: 'pipe', timeout: 180000 });
  const calc = readFileSync(path.join(dir, path.basename(csv)), 'utf-8').replaceAll('"', '');
  assert.match(calc, /Thu nhập thử nghiệm 1\.3 \(dữ liệu kiểm thử, không phải số liệu pháp lý\),,≥ 75 triệu đồng\/người\/năm,≥ 65/);
  assert.match(calc, /Xã nhóm 1,Xã nhóm 2,Xã nhóm 3/);

  // A draft scored against table A.
  const page = await ctx.newPage();
  await openApp(page, server.url);
  const select = page.getByLabel('Bộ tiêu chí cho bản nháp mới');
  await select.locator('option', { hasText: /^Bảng A/ }).waitFor({ state: 'attached' });
  const options = await select.locator('option').allTextContents();
  await select.selectOption({ index: options.findIndex((o) => o.startsWith('Bảng A')) });
  await page.getByRole('button', { name: 'Tạo bản nháp mới' }).click();
  await page.getByLabel('Nhóm xã (chọn để áp dụng đúng ngưỡng cho xã)').selectOption({ label: 'Xã nhóm 2' });
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(page, 1);
  // A share's counts are named from its wording where the table names them generically (#27).
  await page.getByLabel(/^Chỉ tiêu 1\.1: Số .*\(hộ\)$/).fill('81');
  await page.getByLabel('Chỉ tiêu 1.1: Tổng số hộ', { exact: true }).fill('100');
  await page.getByLabel('Chỉ tiêu 1.2: đánh giá').selectOption('met');
  await page.getByLabel(/^Chỉ tiêu 1\.3: .*\(triệu đồng\/người\/năm\)$/).fill('64,9');
  await page.getByLabel('Chỉ tiêu 1.4: hoặc tỷ lệ (%) nếu không có số đếm').fill('2');
  await page.getByLabel(/^Chỉ tiêu 1\.5: Số lượng thử nghiệm/).fill('2');
  const before = await scores(page);
  // textContent: see scores().
  assert.match(await page.locator('#ind-1-1 .indicator-head .badge').textContent(), /Đạt/);
  assert.match(await page.locator('#ind-1-3 .indicator-head .badge').textContent(), /Chưa đạt/);

  // Table B: another copy of the 2026 set, its table imported from A's CSV.
  await copyAndEdit(sets, 'Bảng B (từ tệp CSV)');
  await sets.locator('#s-csv').setInputFiles(csv);
  await sets.getByText('Xem trước: 47 dòng đọc được').waitFor();
  await sets.getByRole('button', { name: 'Áp dụng bảng' }).click();
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await sets.getByText('Đã lưu bộ tiêu chí').waitFor();

  // The draft moved to table B scores the same.
  await page.getByRole('button', { name: 'Thông tin' }).click();
  page.once('dialog', (d) => d.accept());
  const change = page.getByLabel('Đổi sang bộ tiêu chí khác (số liệu đã nhập được giữ theo mã chỉ tiêu)');
  const all = await change.locator('option').allTextContents();
  await change.selectOption({ index: all.findIndex((o) => o.startsWith('Bảng B')) });
  await page.getByText('Đang dùng: Bảng B (từ tệp CSV)').waitFor();
  assert.deepEqual(await scores(page), before);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('a malformed paste names its rows and changes nothing', { timeout: 60000 }, async () => {
  const ctx = await phone(browser);
  const sets = await setPage(ctx);
  await copyAndEdit(sets, 'Bảng lỗi');
  await sets.getByLabel('Dán bảng chỉ tiêu').fill('1.1\tCó quy hoạch\t≥ 80%\t≥ 70%\t≥ 60%\n11.1\tKhông có\t≥ 1%\t-\t-\n1.2\tSai số\t≥ abc\t-\t-');
  await sets.getByText('2 dòng chưa đọc được; chưa áp dụng gì:').waitFor();
  await sets.getByText('dòng 2: bộ tiêu chí không có tiêu chí 11').waitFor();
  await sets.getByText('dòng 3: ô “≥ abc”: không tìm thấy số; ghi như “≥ 80%”').waitFor();
  assert.equal(await sets.getByRole('button', { name: 'Áp dụng bảng' }).isDisabled(), true);
  assert.equal(await sets.locator('details.set-indicator').count(), 0);
  await ctx.close();
});

test('a new version of a set drafts use: what changed, what each draft would become, moved on request', { timeout: 90000 }, async () => {
  const ctx = await phone(browser);
  const sets = await setPage(ctx);
  await sets.locator('.set-list li', { hasText: 'Lạng Sơn' }).getByRole('button', { name: 'Tạo bản sao' }).click();
  await sets.getByText('Đã tạo bản sao').waitFor();
  await sets.getByRole('button', { name: 'Hủy' }).click();
  const own = sets.locator('.set-list li', { hasText: '(bản sao)' });
  const exported = await downloadFrom(sets, own.getByRole('button', { name: 'Xuất tệp' }));
  // The file is named after the set, not its generated id.
  assert.equal(path.basename(exported), 'bo-tieu-chi-bo-tieu-chi-xa-nong-thon-moi-tinh-lang-son-giai-doan-2022-2025-ban-sao-1.json');
  const v1 = JSON.parse(readFileSync(exported, 'utf-8'));

  // A draft on version 1 meets criterion 4.
  const page = await ctx.newPage();
  await openApp(page, server.url);
  const select = page.getByLabel('Bộ tiêu chí cho bản nháp mới');
  await select.locator('option', { hasText: '(bản sao)' }).waitFor({ state: 'attached' });
  const options = await select.locator('option').allTextContents();
  await select.selectOption({ index: options.findIndex((o) => o.includes('(bản sao)')) });
  await page.getByRole('button', { name: 'Tạo bản nháp mới' }).click();
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').fill('Vân Nham');
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  await openCriterion(page, 4);
  await page.getByLabel('Chỉ tiêu 4.1: đánh giá').selectOption('met');
  await page.getByLabel('Chỉ tiêu 4.2: hoặc tỷ lệ (%) nếu không có số đếm').fill('96');
  await page.getByText('Đạt 1/19 tiêu chí').waitFor();
  await page.locator('#save-status', { hasText: 'Đã lưu lúc' }).waitFor();

  // The province sends version 2: 4.2 stricter, 13.5 dropped.
  const v2 = structuredClone(v1);
  v2.version = '2';
  const c4 = v2.criteria.find((c) => c.number === 4);
  c4.indicators.find((i) => i.code === '4.2').thresholds = [{ value: 97, source: 'Văn bản thử nghiệm của tỉnh' }];
  const c13 = v2.criteria.find((c) => c.number === 13);
  c13.indicators = c13.indicators.filter((i) => i.code !== '13.5');
  const file = path.join(await tmp(), 'bo-tieu-chi-v2.json');
  writeFileSync(file, JSON.stringify(v2));
  await sets.locator('#import-set').setInputFiles(file);
  await sets.getByRole('heading', { name: /Phiên bản 2 của .*: những gì thay đổi so với phiên bản 1/ }).waitFor();
  await sets.getByText('Chỉ tiêu 4.2: ngưỡng ≥ 95% → ≥ 97%').waitFor();
  await sets.getByText(/^Bỏ chỉ tiêu 13\.5/).waitFor();
  const row = sets.locator('.review tr', { hasText: 'Xã Vân Nham' });
  assert.match(await row.innerText(), /1\s+đạt 1\/19 tiêu chí\s+đạt 0\/19 tiêu chí/);
  await row.getByRole('button', { name: /^Chuyển bản nháp Xã Vân Nham .* sang phiên bản mới$/ }).click();
  await row.getByText('Đã chuyển').waitFor();

  // The editor (another tab) hears of it; reopened, the draft is on version 2.
  await page.reload();
  await page.getByRole('button', { name: 'Thông tin' }).click();
  await page.getByText(/Đang dùng: .*\(bản sao\) \(phiên bản 2,/).waitFor();
  await page.getByText('Đạt 0/19 tiêu chí').waitFor();
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

// A table laid out as a decision's appendix (test data, tests/fixtures/bang-quyet-dinh-thu-nghiem.*):
// 47 rows, 7 left to the province, merged cells, a repeated header, "(%)" in the header.
const DECISION = path.join(ROOT, 'tests/fixtures/bang-quyet-dinh-thu-nghiem');
const PASTE = readFileSync(`${DECISION}.paste.txt`, 'utf-8');
const LEFT_OPEN = ['1.4', '2.6', '3.5', '5.6', '6.5', '9.4', '10.4'];
const TEST_SOURCE = 'Bảng thử nghiệm (không phải văn bản pháp lý)';

/** A copy of the 2026–2030 set named `name`, the test table's source given (it has no source
 * column: its figures are test data, never the decision's). */
async function copyForDecision(page, name) {
  await copyAndEdit(page, name);
  await page.getByLabel('Nguồn ghi cho các dòng không có cột nguồn').fill(TEST_SOURCE);
}

test('a table pasted and saved without “Áp dụng bảng” is saved with its rows, or the user is asked', { timeout: 90000 }, async () => {
  const ctx = await phone(browser);
  const sets = await setPage(ctx);
  await copyForDecision(sets, 'Bảng dán rồi lưu (dữ liệu kiểm thử)');
  await sets.getByLabel('Dán bảng chỉ tiêu').fill(PASTE);
  await sets.getByText('Xem trước: 47 dòng đọc được — 7 chỉ tiêu có ngưỡng để tỉnh quy định').waitFor();
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await sets.getByText('Đã lưu bộ tiêu chí “Bảng dán rồi lưu (dữ liệu kiểm thử)”: 47 chỉ tiêu.').waitFor();
  const saved = (await storedSets(sets)).find((s) => s.name.startsWith('Bảng dán rồi lưu'));
  assert.equal(saved.criteria.flatMap((c) => c.indicators).length, 47);
  await sets.locator('.set-list li', { hasText: 'Bảng dán rồi lưu' }).getByText('47 chỉ tiêu (7 chỉ tiêu chưa có ngưỡng, 7 chỉ tiêu có ngưỡng để tỉnh quy định)').waitFor();

  // A table that cannot be applied yet (shares that do not say what they count): saving asks.
  await copyAndEdit(sets, 'Bảng chưa áp dụng được');
  await sets.getByLabel('Dán bảng chỉ tiêu').fill(TABLE);
  await sets.getByText('Xem trước: 47 dòng đọc được').waitFor();
  const asked = new Promise((resolve) => sets.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  assert.match(await asked, /^Bảng đã dán \(47 dòng đọc được\) chưa áp dụng được: 10 lỗi: .*Lưu bộ tiêu chí mà không có bảng này\?$/);
  assert.equal((await storedSets(sets)).filter((s) => s.name === 'Bảng chưa áp dụng được').length, 0);
  await sets.getByRole('heading', { name: 'Chỉnh sửa bộ tiêu chí: Bảng chưa áp dụng được' }).waitFor();
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('the set page asks before dropping a working copy: “Hủy”, a link away, closing the tab', { timeout: 60000 }, async () => {
  const ctx = await phone(browser);
  const sets = await setPage(ctx);
  await copyForDecision(sets, 'Bảng không được mất');
  await sets.getByLabel('Dán bảng chỉ tiêu').fill(PASTE);
  await sets.getByRole('button', { name: 'Áp dụng bảng' }).click();
  await sets.getByText('Đã áp dụng 47 dòng: 47 chỉ tiêu mới, 0 chỉ tiêu cập nhật (7 chỉ tiêu có ngưỡng để tỉnh quy định).').waitFor();
  const cancel = new Promise((resolve) => sets.once('dialog', (d) => { resolve(d.message()); d.dismiss(); }));
  await sets.getByRole('button', { name: 'Hủy' }).click();
  assert.match(await cancel, /Bỏ mọi thay đổi chưa lưu .*vừa áp dụng/);
  assert.equal(await sets.locator('details.set-indicator').count(), 47);
  const leave = new Promise((resolve) => sets.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
  await sets.getByRole('link', { name: 'Bản nháp' }).click();
  assert.equal(await leave, 'beforeunload');
  assert.match(sets.url(), /bo-tieu-chi\/$/);
  assert.equal(await sets.locator('details.set-indicator').count(), 47);
  const close = new Promise((resolve) => sets.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
  await sets.close({ runBeforeUnload: true });
  assert.equal(await close, 'beforeunload');
  assert.equal(sets.isClosed(), false);
  // Saved, it leaves without a word.
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await sets.getByText('Đã lưu bộ tiêu chí').waitFor();
  await sets.getByRole('link', { name: 'Bản nháp' }).click();
  await sets.waitForURL((u) => !u.pathname.includes('bo-tieu-chi'));
  await ctx.close();
});

test('the decision’s .docx, read through “Nhập bảng từ tệp Word (.docx)”, gives the same set as its paste', { timeout: 90000 }, async () => {
  const ctx = await phone(browser);
  const sets = await setPage(ctx);
  await copyForDecision(sets, 'Bảng từ văn bản dán');
  await sets.getByLabel('Dán bảng chỉ tiêu').fill(PASTE);
  await sets.getByRole('button', { name: 'Áp dụng bảng' }).click();
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await sets.getByText('Đã lưu bộ tiêu chí').waitFor();

  await copyForDecision(sets, 'Bảng từ tệp Word');
  await sets.locator('#s-docx').setInputFiles(`${DECISION}.docx`);
  await sets.getByText('Tệp Word “bang-quyet-dinh-thu-nghiem.docx”: 1 bảng. Chọn bảng chỉ tiêu:').waitFor();
  await sets.getByText('Xem trước: 47 dòng đọc được — 7 chỉ tiêu có ngưỡng để tỉnh quy định').waitFor();
  // The columns as guessed from the header, each a choice.
  await sets.getByText('Các cột của bảng (đã đoán theo dòng tiêu đề; có thể đổi)').click();
  assert.equal(await sets.getByLabel('Cột 1 “TT”').inputValue(), 'code');
  assert.equal(await sets.getByLabel('Cột 4 “Chỉ tiêu theo nhóm xã (%) Xã nhóm 1”').inputValue(), 't:nhom-1');
  await sets.getByRole('button', { name: 'Áp dụng bảng' }).click();
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await sets.getByText('Đã lưu bộ tiêu chí “Bảng từ tệp Word”: 47 chỉ tiêu.').waitFor();

  const stored = await storedSets(sets);
  const pasted = stored.find((s) => s.name === 'Bảng từ văn bản dán');
  const word = stored.find((s) => s.name === 'Bảng từ tệp Word');
  assert.deepEqual(word.criteria, pasted.criteria);
  const indicators = word.criteria.flatMap((c) => c.indicators);
  assert.deepEqual(indicators.filter((i) => i.open_thresholds).map((i) => i.code), LEFT_OPEN);
  assert.deepEqual(indicators.find((i) => i.code === '2.1').not_applicable_in, ['nhom-3']);
  assert.equal(indicators.find((i) => i.code === '1.1').thresholds[0].source, TEST_SOURCE);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('drafts on a set with rows left to the province show those indicators without a threshold, with the decision’s words', { timeout: 90000 }, async () => {
  const ctx = await phone(browser);
  const sets = await setPage(ctx);
  await copyForDecision(sets, 'Bảng để tỉnh quy định (dữ liệu kiểm thử)');
  await sets.getByLabel('Dán bảng chỉ tiêu').fill(PASTE);
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await sets.getByText('Đã lưu bộ tiêu chí').waitFor();
  const page = await ctx.newPage();
  await openApp(page, server.url);
  const select = page.getByLabel('Bộ tiêu chí cho bản nháp mới');
  await select.locator('option', { hasText: /^Bảng để tỉnh quy định/ }).waitFor({ state: 'attached' });
  const options = await select.locator('option').allTextContents();
  await select.selectOption({ index: options.findIndex((o) => o.startsWith('Bảng để tỉnh quy định')) });
  await page.getByRole('button', { name: 'Tạo bản nháp mới' }).click();
  await page.getByLabel('Nhóm xã (chọn để áp dụng đúng ngưỡng cho xã)').selectOption({ label: 'Xã nhóm 1' });
  await page.getByRole('button', { name: 'Đánh giá' }).click();
  for (const code of LEFT_OPEN) {
    const [n, k] = code.split('.');
    await openCriterion(page, Number(n));
    const card = page.locator(`#ind-${n}-${k}`);
    // The card, its collapsed “Ngưỡng, nguồn và hướng dẫn” included.
    assert.match(await card.textContent(), /Theo quy định của UBND tỉnh/, code);
  }
  await ctx.close();
});

test('set files: a CSV offered as a set file says what it is; one file imported three times is one set; shipped ids and versions stay theirs', { timeout: 60000 }, async () => {
  const ctx = await phone(browser);
  const sets = await setPage(ctx);
  const dir = await tmp();
  const csv = path.join(dir, 'bang.csv');
  writeFileSync(csv, TABLE.replaceAll('\t', ';'));
  await sets.locator('#import-set').setInputFiles(csv);
  await sets.getByText('Tệp “bang.csv” là bảng chỉ tiêu (CSV), không phải tệp bộ tiêu chí (.json)').waitFor();

  const shipped = sets.locator('.set-list li', { hasText: 'Lạng Sơn' });
  const file = await downloadFrom(sets, shipped.getByRole('button', { name: 'Xuất tệp' }));
  await sets.locator('#import-set').setInputFiles(file);
  await sets.getByText(/đã có ở đây, giống hệt tệp này: không nhập thêm/).waitFor();
  // The same id and version with other content: a version of its own, once.
  const changed = JSON.parse(readFileSync(file, 'utf-8'));
  changed.name = 'Bộ tiêu chí Lạng Sơn sửa (dữ liệu kiểm thử)';
  const other = path.join(dir, 'bo-sua.json');
  writeFileSync(other, JSON.stringify(changed));
  for (let i = 0; i < 3; i++) {
    await sets.locator('#import-set').setInputFiles(other);
    await sets.getByText(i === 0 ? `Đã nhập bộ tiêu chí “${changed.name}” (phiên bản ${changed.version}-nhap).` : /đã có ở đây, giống hệt tệp này/).waitFor();
  }
  const versions = (await storedSets(sets)).filter((s) => s.id === changed.id).map((s) => s.version);
  assert.deepEqual(versions, [`${changed.version}-nhap`]);

  // A copy may not take a shipped set's id and version.
  await shipped.first().getByRole('button', { name: 'Tạo bản sao' }).click();
  await sets.getByText('Nâng cao: mã và phiên bản của bộ').click();
  await sets.getByLabel('Mã (chữ không dấu)').fill(changed.id);
  await sets.getByLabel('Phiên bản').fill(changed.version);
  await sets.getByRole('button', { name: 'Lưu bộ tiêu chí' }).click();
  await sets.getByText(`Mã “${changed.id}” phiên bản “${changed.version}” là của bộ tiêu chí có sẵn`).waitFor();
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('a long table (1 MB pasted) says it is being read, draws its first 100 rows and applies them all; an indicator draws its fields once opened', { timeout: 180000 }, async () => {
  // TEST DATA (tests/e2e/testdata.mjs): a set of 500 indicators, stored before the page opens.
  const { set } = largeSet(500);
  const ctx = await phone(browser);
  await ctx.addInitScript(([k, v]) => {
    if (location.protocol.startsWith('http') && !localStorage.getItem(k)) localStorage.setItem(k, v);
  }, [`tieuchi.set.${set.id}@${set.version}`, JSON.stringify(storedSet(set))]);
  const sets = await setPage(ctx);
  await sets.locator('.set-list li', { hasText: 'DỮ LIỆU THỬ' }).getByRole('button', { name: 'Chỉnh sửa' }).click();
  // 500 lines, no field until an indicator is opened.
  assert.equal(await sets.locator('details.set-indicator').count(), 500);
  assert.equal(await sets.locator('.set-editor textarea').count(), 0);
  await sets.locator('details.set-indicator > summary', { hasText: /^17\.3 / }).click();
  await sets.getByLabel('Nội dung chỉ tiêu 17.3').waitFor();
  assert.equal(await sets.locator('.set-editor textarea').count(), 1);
  // 999 new indicators, each with a long wording: about 1 MB.
  const filler = 'nội dung dài '.repeat(80);
  let text = '';
  for (let i = 0; i < 999; i++) text += `${(i % 19) + 1}.${Math.floor(i / 19) + 300}\tChỉ tiêu thử ${i} ${filler}\tĐạt\tNguồn thử\n`;
  assert.ok(text.length > 1e6);
  const seen = await sets.evaluate((body) => {
    const seen = [];
    new MutationObserver(() => {
      for (const s of document.querySelectorAll('[role=status]')) if (s.textContent.startsWith('Đang đọc bảng')) seen.push(s.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    window.seenStatus = seen;
    const box = document.getElementById('s-paste');
    box.value = body;
    box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    return seen.length;
  }, text);
  assert.equal(seen, 0, 'nothing read yet in the paste\'s own task');
  await sets.getByText('Xem trước: 999 dòng đọc được (hiện 100 dòng đầu)').waitFor({ timeout: 60000 });
  // Its lines first, then the rows read, a chunk at a time, the page drawn between chunks.
  const statuses = [...new Set(await sets.evaluate(() => window.seenStatus))];
  assert.equal(statuses[0], 'Đang đọc bảng (999 dòng)…');
  const done = statuses.slice(1).map((s) => Number(/^Đang đọc bảng: (\d+)\/999 dòng…$/.exec(s)?.[1]));
  assert.ok(done.length >= 5 && done.every((n, i) => n > 0 && (i === 0 || n > done[i - 1])), statuses.join(' | '));
  assert.equal(await sets.locator('.table-preview tbody tr').count(), 100);
  // The 1 MB is not kept in the box, which the browser took about a second to lay out.
  assert.equal(await sets.locator('#s-paste').inputValue(), '');
  await sets.getByText(/^Đã dán một bảng dài \(999 dòng, 1\d{3} KB\)/).waitFor();
  const wording = await sets.locator('.table-preview tbody tr').first().locator('td').nth(3).textContent();
  assert.ok(wording.endsWith('…') && wording.length === 161, `a wording cut at 160 characters: ${wording.length}`);
  await sets.getByRole('button', { name: 'Áp dụng bảng' }).click();
  await sets.getByText('Đã áp dụng 999 dòng: 999 chỉ tiêu mới').waitFor();
  assert.equal(await sets.locator('details.set-indicator').count(), 1499);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});
