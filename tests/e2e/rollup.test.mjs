// The roll-up page (tong-hop/).
// 1. A province's office (test data): a list of 61 communes pasted once, 58 files (3 communes
//    missing, 1 misspelt, others written in old tone placement or capitals) → the page names
//    who has not sent and the misspelt one with its closest name; the headline figures equal a
//    count from the plan; the table at 1366 px keeps the commune column and the header in
//    view; the list survives a reload and downloads; the .xlsx opened by LibreOffice Calc has
//    the summary, the frozen bold header and the widths.
// 2. 65 communes from a .zip: table, totals, a filter, a chart as a table.
// 3. Two files of one set id and version with different numbers of criteria: two groups.
// 4. Files dropped on the page, and the drafts stored in this browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve, launch, phone, openApp, newDraft, saved, downloadFrom, tmp, ROOT } from './lib.mjs';
import { province } from './rollup-fixture.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const base = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/envelope-v1.json'), 'utf-8'));

/** Commune i's file: the example renamed; every third commune meets criterion 4. */
function commune(i, { savedAt = '2024-06-26T09:30:00.000Z', meets4 = i % 3 === 0 } = {}) {
  const env = structuredClone(base);
  env.draft.id = `xa-${i}`;
  env.draft.meta.commune = `Thử ${String(i).padStart(2, '0')}`;
  env.commune = env.draft.meta.commune;
  env.saved_at = savedAt;
  if (meets4) {
    env.draft.entries['4.1'] = { ...(env.draft.entries['4.1'] || {}), judgement: 'met' };
    env.draft.entries['4.2'] = { ...(env.draft.entries['4.2'] || {}), value: '99', numerator: '', denominator: '' };
  }
  return JSON.stringify(env);
}

/** Converts with LibreOffice; returns the output directory. `profile`: its user profile (a fresh
 *  one by default). */
async function soffice(file, to, profile) {
  const out = await tmp();
  profile ??= await tmp('tieuchi-lo-');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', out, file], { stdio: 'pipe', timeout: 240000 });
  return out;
}

/** How Calc shows each sheet of a workbook: its name, whether panes are frozen, and the
 *  column and row they are frozen at, as Calc's own view reports them (a Basic macro in the
 *  profile, since a headless conversion writes no view settings). `profile` must have been
 *  used once (it then has the "Standard" macro library). */
function calcPanes(file, profile) {
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const basic = `
Sub Panes(path As String, outPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(path), "_blank", 0, args())
  ctrl = doc.getCurrentController()
  s = ""
  For i = 0 To doc.Sheets.getCount() - 1
    ctrl.setActiveSheet(doc.Sheets.getByIndex(i))
    s = s & doc.Sheets.getByIndex(i).Name & "|" & ctrl.hasFrozenPanes() & "|" & ctrl.getSplitColumn() & "|" & ctrl.getSplitRow() & Chr(10)
  Next i
  n = FreeFile
  Open outPath For Output As #n
  Print #n, s
  Close #n
  doc.close(True)
End Sub`;
  writeFileSync(path.join(profile, 'user/basic/Standard/Module1.xba'), `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${esc(basic)}</script:module>`);
  const out = path.join(profile, 'panes.txt');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', `macro:///Standard.Module1.Panes("${file}","${out}")`], { stdio: 'pipe', timeout: 240000 });
  return Object.fromEntries(readFileSync(out, 'utf-8').trim().split('\n').map((l) => {
    const [name, frozen, col, row] = l.split('|');
    return [name, { frozen: frozen === 'True', col: Number(col), row: Number(row) }];
  }));
}

/** What Calc wrote of sheet `n` (1-based) of a workbook it saved: the column widths, whether
 *  the first cell's font is bold, the autofilter. */
function calcSheet(xlsx, n) {
  const py = `
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
xml = z.read('xl/worksheets/sheet%s.xml' % sys.argv[2]).decode('utf-8')
styles = z.read('xl/styles.xml').decode('utf-8')
cols = [dict(re.findall(r'(\\w+)="([^"]*)"', c)) for c in re.findall(r'<col [^>]*/>', xml)]
a1 = re.search(r'<c r="A1"[^>]*?(?: s="(\\d+)")?[^>]*>', xml)
fonts = re.findall(r'<font>.*?</font>|<font/>', re.search(r'<fonts[^>]*>(.*?)</fonts>', styles, re.S).group(1), re.S)
xfs = re.findall(r'<xf [^>]*?(?:/>|>.*?</xf>)', re.search(r'<cellXfs[^>]*>(.*?)</cellXfs>', styles, re.S).group(1), re.S)
s = int(a1.group(1) or 0) if a1 else 0
font = int(re.search(r'fontId="(\\d+)"', xfs[s]).group(1))
print(json.dumps({'cols': cols, 'bold': bool(re.search(r'<b(?: val="(?:true|1)")?/>', fonts[font])), 'filter': '<autoFilter' in xml}))
`;
  return JSON.parse(execFileSync('python3', ['-c', py, xlsx, String(n)], { encoding: 'utf-8' }));
}

test('a province: who has not sent, a misspelt commune, headline figures, the table at 1366 px, the .xlsx in Calc', { timeout: 420000 }, async () => {
  const p = province();
  const dir = path.join(await tmp(), 'tinh');
  mkdirSync(dir);
  const paths = p.files.map(({ name, text }) => { const f = path.join(dir, name); writeFileSync(f, text); return f; });
  assert.equal(paths.length, 58);

  const ctx = await phone(browser, { viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  await page.goto(server.url + 'tong-hop/');
  // The list, pasted once as two columns of a spreadsheet (row number, name) with a header.
  await page.getByRole('button', { name: 'Nhập danh sách xã' }).click();
  const pasted = ['STT\tTên xã', ...p.list.map((n, i) => `${i + 1}\t${n}`)].join('\n');
  await page.getByLabel('Tên các xã (mỗi dòng một tên, hoặc dán một cột từ bảng tính)').fill(pasted);
  await page.getByText('Đọc được 61 tên xã.').waitFor();
  await page.getByRole('button', { name: 'Lưu danh sách' }).click();
  await page.getByText('Danh sách có 61 xã.').waitFor();

  await page.locator('#rollup-files').setInputFiles(paths);
  await page.locator('#rollup-status', { hasText: 'Đã đọc 58 tệp: 58 xã – kỳ, 0 tệp bị bỏ qua.' }).waitFor({ timeout: 30000 });
  const summary = await page.locator('#arrivals-summary').innerText();
  assert.match(summary, /^Kỳ 6 tháng đầu năm 2026: đã nhận 57\/61 xã; chưa gửi \(4\): /, summary);
  for (const name of p.missing) assert.ok(summary.includes(name), `${name} named as not sent: ${summary}`);
  assert.ok(summary.includes(`${p.misspelt.listed} (có thể là “${p.misspelt.written}” (tệp ${p.misspelt.file}))`), summary);
  const unlisted = await page.locator('#arrivals-unlisted li').allInnerTexts();
  assert.deepEqual(unlisted, [`“${p.misspelt.written}” (tệp ${p.misspelt.file}): gần nhất trong danh sách là ${p.misspelt.listed}`]);

  // Headline figures, against the count from the plan.
  const h = p.expected;
  assert.equal(await page.locator('#s0-headline .headline-main').innerText(),
    `Toàn bộ: 58 xã; ${h.all.allMet} xã đạt đủ 10/10 tiêu chí (${h.all.allMetShare}); bình quân ${h.all.average} tiêu chí/xã.`);
  const byGroup = await page.locator('#s0-headline table').first().locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  assert.deepEqual(byGroup, h.rows);

  // The table: key columns first; the commune column and the header stay in view.
  const table = page.locator('.rollup-table').first();
  const headers = await table.locator('thead th').allInnerTexts();
  assert.deepEqual(headers.slice(0, 8), ['Xã', 'Nhóm xã', 'Kỳ báo cáo', 'Kết quả', 'Vấn đề còn mở', 'Chưa đánh giá', 'Đã giải trình', 'Khác số liệu']);
  assert.equal(await table.locator('tbody tr').count(), 58);
  const firstHeader = table.locator('thead th').first();
  const firstCell = table.locator('tbody th').first();
  for (const loc of [firstHeader, table.locator('thead th').nth(7)]) {
    const box = await loc.boundingBox();
    assert.ok(box.x + box.width <= 1366, `${await loc.innerText()} in view at 1366 px`);
  }
  const scroller = page.locator('.rollup-scroll').first();
  const before = { cell: await firstCell.boundingBox(), head: await table.locator('thead th').nth(9).boundingBox() };
  await scroller.evaluate((el) => { el.scrollLeft = 600; el.scrollTop = 400; });
  assert.ok(await scroller.evaluate((el) => el.scrollLeft > 0 && el.scrollTop > 0), 'the table scrolls in its box');
  const box = await scroller.boundingBox();
  const head = await firstHeader.boundingBox();
  assert.ok(Math.abs(head.x - box.x) < 3 && Math.abs(head.y - box.y) < 3, `the header's first cell stays at the corner: ${JSON.stringify([head, box])}`);
  const visible = await table.locator('tbody th').evaluateAll((ths, top) => ths.map((t) => t.getBoundingClientRect()).filter((r) => r.top > top + 40).map((r) => r.left), box.y);
  assert.ok(visible.length > 0 && visible.every((x) => Math.abs(x - box.x) < 3), `commune cells stay at the left: ${visible.slice(0, 3)}`);
  const headAfter = await table.locator('thead th').nth(9).boundingBox();
  assert.ok(Math.abs(headAfter.y - box.y) < 3 && headAfter.x < before.head.x, 'a criterion header moves sideways, stays on top');
  await scroller.evaluate((el) => { el.scrollLeft = 0; el.scrollTop = 0; });

  // The group filter.
  await page.getByLabel('Nhóm xã', { exact: true }).first().selectOption({ label: 'Xã nhóm 2' });
  assert.equal(await table.locator('tbody tr').count(), h.counts['Xã nhóm 2']);
  await page.getByLabel('Nhóm xã', { exact: true }).first().selectOption({ label: 'Tất cả' });

  // The workbook, opened by Calc: every sheet as CSV, and the workbook as Calc saves it.
  const xlsx = await downloadFrom(page, page.getByRole('button', { name: 'Tải bảng tổng hợp (.xlsx)' }));
  const profile = await tmp('tieuchi-lo-');
  const csvDir = await soffice(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', profile);
  const csvs = readdirSync(csvDir);
  const sheet = (name) => parseCsv(readFileSync(path.join(csvDir, csvs.find((f) => f.endsWith(`-${name}.csv`))), 'utf-8'));
  const tom = sheet('Tóm tắt');
  assert.equal(tom[0][0], 'TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ XÃ NÔNG THÔN MỚI');
  assert.ok(tom.some((r) => r[0].startsWith('Kỳ 6 tháng đầu năm 2026: đã nhận 57/61 xã; chưa gửi (4)')), JSON.stringify(tom.slice(0, 5)));
  const allMet = tom.find((r) => r[0] === 'Đạt đủ 10/10 tiêu chí');
  assert.equal(allMet[1], String(h.all.allMet));
  assert.equal(tom.find((r) => r[0] === 'Số xã')[1], '58');
  const crit = sheet('Xã - tiêu chí');
  const metRow = crit.find((r) => r[0] === 'Số xã đạt');
  const first = crit[0].findIndex((c) => c.startsWith('TC 1.'));
  assert.deepEqual(metRow.slice(first, first + 10), h.perCriterion.map(String));
  assert.equal(crit.filter((r) => r[0] && !r[0].startsWith('Số xã') && !r[0].startsWith('Tỷ lệ')).length, 59);
  const calcDir = await soffice(xlsx, 'xlsx');
  const calc = calcSheet(path.join(calcDir, path.basename(xlsx)), 2);
  const panes = calcPanes(xlsx, profile);
  assert.deepEqual(panes['Xã - tiêu chí'], { frozen: true, col: 1, row: 1 }, JSON.stringify(panes));
  assert.deepEqual(panes['Bảng dài'], { frozen: true, col: 0, row: 1 });
  assert.equal(panes['Tóm tắt'].frozen, false);
  assert.ok(calc.bold, 'the header is bold');
  assert.ok(calc.filter, 'the autofilter');
  const widthA = Number(calc.cols.find((c) => c.min === '1').width);
  assert.ok(widthA > 14 && widthA < 40, `column A keeps its width: ${widthA}`);
  assert.ok(calc.cols.some((c) => c.customWidth === 'true' || c.customWidth === '1'));

  // The list survives a reload and downloads as a file of its own.
  await page.reload();
  await page.getByText('Danh sách có 61 xã.').waitFor();
  const listFile = await downloadFrom(page, page.getByRole('button', { name: 'Tải danh sách (.json)' }));
  const list = JSON.parse(readFileSync(listFile, 'utf-8'));
  assert.equal(list.kind, 'danh-sach-xa');
  assert.equal(typeof list.writer, 'number');
  assert.deepEqual(list.communes, p.list);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('65 communes from a .zip: table, totals, a filter and a chart as a table', { timeout: 120000 }, async () => {
  const dir = path.join(await tmp(), 'gui-tinh');
  mkdirSync(dir);
  for (let i = 0; i < 65; i++) writeFileSync(path.join(dir, `xa-${i}.json`), commune(i));
  // Commune 5 sent again later, now meeting criterion 4: the later file counts.
  writeFileSync(path.join(dir, 'xa-5-gui-lai.json'), commune(5, { savedAt: '2024-07-02T08:00:00.000Z', meets4: true }));
  writeFileSync(path.join(dir, 'hong.json'), commune(7).slice(0, 500));
  writeFileSync(path.join(dir, 'bo-tieu-chi.json'), JSON.stringify(base.set));
  writeFileSync(path.join(dir, 'ghi-chu.txt'), 'Danh sách gửi kèm');
  const zip = path.join(path.dirname(dir), 'gui-tinh.zip');
  execFileSync('python3', ['-c', 'import sys, zipfile, os\nd, z = sys.argv[1], sys.argv[2]\nwith zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as f:\n  [f.write(os.path.join(d, n), n) for n in sorted(os.listdir(d))]', dir, zip]);

  const ctx = await phone(browser, { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url + 'tong-hop/');
  // The page is drawn once its static shell has been painted: after the load event, maybe.
  await page.locator('#rollup-status').waitFor({ state: 'attached' });
  // The status line says how far the reading is (a few files at a time, a frame between).
  await page.evaluate(() => {
    window.seenStatus = [];
    const status = document.getElementById('rollup-status');
    new MutationObserver(() => window.seenStatus.push(status.textContent)).observe(status, { subtree: true, childList: true, characterData: true });
  });
  await page.locator('#rollup-files').setInputFiles(zip);
  await page.locator('#rollup-status', { hasText: 'Đã đọc 1 tệp: 65 xã – kỳ, 3 tệp bị bỏ qua.' }).waitFor({ timeout: 30000 });
  const progress = (await page.evaluate(() => window.seenStatus)).filter((t) => t.startsWith('Đang đọc tệp: '));
  assert.ok(progress.length >= 2, `progress shown: ${progress}`);
  assert.ok(progress.every((t) => / \d+\/69…$/.test(t)), `of the archive's 69 files: ${progress}`);
  const skipped = await page.locator('.rejected li').allInnerTexts();
  assert.equal(skipped.length, 3);
  assert.ok(skipped.some((s) => /bo-tieu-chi\.json: Đây là tệp bộ tiêu chí/.test(s)), skipped.join('\n'));
  assert.ok(skipped.some((s) => /hong\.json: /.test(s)), skipped.join('\n'));

  const table = page.locator('.rollup-table').first();
  assert.equal(await table.locator('tbody tr').count(), 65);
  const five = table.locator('tbody tr', { hasText: 'Thử 05' });
  assert.match(await five.innerText(), /xa-5-gui-lai\.json thay cho: gui-tinh\.zip\/xa-5\.json/);
  // Totals: criterion 4 met by communes 0, 3, …, 63 and 5. The footer's first cell spans the
  // 7 key columns (no group column: the 2021–2025 example has none).
  const expected4 = [...Array(65).keys()].filter((i) => i % 3 === 0 || i === 5).length;
  const headers = await table.locator('thead th').allInnerTexts();
  const c4 = headers.indexOf('TC 4');
  const totals = await table.locator('tfoot tr > *').allInnerTexts();
  assert.ok(totals[c4 - 6].startsWith(`${expected4}/65 (`), `totals ${totals}`);
  // Each total is the count of "✓ Đạt" in its column.
  const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  for (let k = 7; k < headers.length; k++) {
    const met = cells.filter((r) => r[k] === '✓ Đạt').length;
    assert.ok(totals[k - 6].startsWith(`${met}/65 (`), headers[k]);
  }
  // Filter: communes not meeting criterion 4.
  const notMet = page.getByLabel('Chỉ các xã chưa đạt tiêu chí').first();
  const opts = await notMet.locator('option').allTextContents();
  await notMet.selectOption({ index: opts.findIndex((o) => o.startsWith('Chưa đạt tiêu chí 4.')) });
  assert.equal(await table.locator('tbody tr').count(), 65 - expected4);
  // The histogram's table of figures, for screen readers.
  const hist = page.locator('figure.chart', { hasText: 'Số xã theo số tiêu chí đạt' }).first();
  assert.equal(await hist.locator('svg[role="img"]').count(), 1);
  await hist.locator('summary').click();
  const histRows = await hist.locator('tbody tr').allInnerTexts();
  assert.equal(histRows.reduce((n, r) => n + Number(/(\d+) xã/.exec(r)[1]), 0), 65);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('two files of one set id and version with different numbers of criteria are two groups (#23)', { timeout: 60000 }, async () => {
  const ctx = await phone(browser, { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url + 'tong-hop/');
  const full = JSON.parse(commune(1));
  const fewer = JSON.parse(commune(2));
  fewer.set.criteria = fewer.set.criteria.slice(0, 3);
  const files = [['du.json', JSON.stringify(full)], ['it.json', JSON.stringify(fewer)]];
  await page.locator('.drop').evaluate((zone, list) => {
    const data = new DataTransfer();
    for (const [name, text] of list) data.items.add(new File([text], name, { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
  await page.locator('#rollup-status', { hasText: 'Đã đọc 2 tệp: 2 xã – kỳ, 0 tệp bị bỏ qua.' }).waitFor({ timeout: 15000 });
  const titles = await page.locator('.rollup-group h2').allInnerTexts();
  assert.equal(titles.length, 2, titles.join('\n'));
  for (const t of titles) assert.match(t, /cùng mã và phiên bản nhưng khác nội dung/);
  const criteria = await page.locator('.rollup-table').evaluateAll((ts) => ts.map((t) => t.querySelectorAll('thead th').length));
  assert.deepEqual(criteria.sort(), [7 + 3, 7 + base.set.criteria.length].sort());
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('files dropped on the page and the drafts of this browser join what was read', { timeout: 120000 }, async () => {
  const ctx = await phone(browser, { viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  // Two drafts made in this browser's editor, under the 2026–2030 set.
  await openApp(page, server.url);
  for (const name of ['Tân Thành', 'Hòa Bình']) {
    await page.getByRole('button', { name: 'Bản nháp', exact: true }).click();
    await newDraft(page, /2026/);
    await page.getByLabel('Tên xã (không ghi chữ “xã”)').fill(name);
    await saved(page);
  }
  // A draft a newer version of the app saved in this browser: named and left out, never "hỏng".
  await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('tieuchi.draft.'));
    const text = localStorage.getItem(key)
      .replace(/"writer":(\d+)/, (_, n) => `"writer":${Number(n) + 1}`)
      .replace(/"commune":"[^"]*"/, '"commune":"Mới Hơn"');
    localStorage.setItem('tieuchi.draft.moi-hon', text);
  });

  await page.goto(server.url + 'tong-hop/');
  // What a file manager's drag and drop gives the page: a drop event carrying the files.
  const files = [['xa-1.json', commune(1)], ['xa-2.json', commune(2)], ['hong.json', '{"app": "tieuchi"']];
  await page.locator('.drop').evaluate((zone, list) => {
    const data = new DataTransfer();
    for (const [name, text] of list) data.items.add(new File([text], name, { type: 'application/json' }));
    const init = { dataTransfer: data, bubbles: true, cancelable: true };
    zone.dispatchEvent(new DragEvent('dragover', init));
    zone.dispatchEvent(new DragEvent('drop', init));
  }, files);
  await page.locator('#rollup-status', { hasText: 'Đã đọc 3 tệp: 2 xã – kỳ, 1 tệp bị bỏ qua.' }).waitFor({ timeout: 15000 });
  assert.match((await page.locator('.rejected li').allInnerTexts()).join('\n'), /hong\.json: /);
  assert.equal(await page.locator('.rollup-table tbody tr').count(), 2);

  await page.getByRole('button', { name: 'Thêm bản nháp lưu trong trình duyệt này' }).click();
  const note = page.getByText('Đã thêm 2 bản nháp lưu trong trình duyệt này.');
  await note.waitFor();
  const said = await note.textContent();
  assert.match(said, /Chưa thêm được 1 bản nháp do phiên bản mới hơn của ứng dụng lưu \(Xã Mới Hơn — [^)]+\): hãy tải lại trang/);
  assert.ok(!said.includes('hỏng'), said);
  await page.locator('#rollup-status', { hasText: 'Đã đọc 5 tệp: 4 xã – kỳ, 1 tệp bị bỏ qua.' }).waitFor();
  // One table per set and period: the first open, the other folded under its heading.
  const tables = page.locator('.rollup-table');
  assert.equal(await tables.count(), 2);
  assert.equal(await page.locator('details.rollup-group.other').count(), 1);
  const text = (await tables.evaluateAll((ts) => ts.map((t) => t.textContent))).join('\n');
  for (const name of ['Thử 01', 'Thử 02', 'Tân Thành', 'Hòa Bình']) assert.ok(text.includes(name), name);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

/** RFC 4180 CSV (quoted fields with doubled quotes) into rows of fields. */
function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1).push(field); field = ''; } else if (c === '\n') { rows.at(-1).push(field); field = ''; rows.push([]); } else if (c !== '\r') field += c;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 1 || r[0]);
}
