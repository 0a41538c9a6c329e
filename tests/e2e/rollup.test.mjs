// The roll-up page (tong-hop/): 65 generated commune files, 3 bad ones and a later file of one
// commune, sent as one .zip; the table, its totals, a chart's table of figures, and the .xlsx
// read back by LibreOffice Calc against the table. Then files dropped on the page, and the
// drafts stored in this browser, added to what was read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve, launch, phone, openApp, newDraft, saved, downloadFrom, tmp, ROOT } from './lib.mjs';

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

test('65 communes from a .zip: table, totals, a chart as a table, and the .xlsx in LibreOffice', { timeout: 240000 }, async () => {
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
  await page.locator('#rollup-files').setInputFiles(zip);
  await page.locator('#rollup-status', { hasText: 'Đã đọc 1 tệp: 65 xã – kỳ, 3 tệp bị bỏ qua.' }).waitFor({ timeout: 30000 });
  const skipped = await page.locator('.rejected li').allInnerTexts();
  assert.equal(skipped.length, 3);
  assert.ok(skipped.some((s) => /bo-tieu-chi\.json: Đây là tệp bộ tiêu chí/.test(s)), skipped.join('\n'));
  assert.ok(skipped.some((s) => /hong\.json: /.test(s)), skipped.join('\n'));

  const table = page.locator('.rollup-table').first();
  assert.equal(await table.locator('tbody tr').count(), 65);
  const five = table.locator('tbody tr', { hasText: 'Thử 05' });
  assert.match(await five.innerText(), /xa-5-gui-lai\.json thay cho: gui-tinh\.zip\/xa-5\.json/);
  // Totals: criterion 4 (column 3 + 2) met by communes 0, 3, …, 63 and 5.
  const expected4 = [...Array(65).keys()].filter((i) => i % 3 === 0 || i === 5).length;
  const headers = await table.locator('thead th').allInnerTexts();
  const c4 = headers.indexOf('TC 4');
  const totals = await table.locator('tfoot tr > *').allInnerTexts();
  assert.equal(totals[c4 - 1], `${expected4}/65`, `totals ${totals}`);
  // Each total is the count of "✓ Đạt" in its column.
  const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
  for (let k = 2; k < headers.length - 2; k++) {
    const met = cells.filter((r) => r[k] === '✓ Đạt').length;
    assert.equal(totals[k - 1], `${met}/65`, headers[k]);
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
  const communes = histRows.reduce((n, r) => n + Number(/(\d+) xã/.exec(r)[1]), 0);
  assert.equal(communes, 65);

  // The workbook, read back by LibreOffice Calc (sheet 1 as CSV) against the table.
  const xlsx = await downloadFrom(page, page.getByRole('button', { name: 'Tải bảng tổng hợp (.xlsx)' }));
  const out = await tmp();
  const profile = await tmp('tieuchi-lo-');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', out, xlsx], { stdio: 'pipe', timeout: 180000 });
  const csv = readFileSync(path.join(out, path.basename(xlsx).replace(/\.xlsx$/, '.csv')), 'utf-8');
  const sheet = parseCsv(csv);
  assert.match(sheet[0][0], /^Bộ tiêu chí: /);
  const metCol = sheet[1].indexOf('Số tiêu chí đạt');
  for (const row of cells) {
    const line = sheet.find((l) => l[1] === row[0].replace(/ \(.*\)$/, ''));
    assert.ok(line, `a row for ${row[0]}`);
    assert.equal(line[metCol], /đạt (\d+)\//.exec(row[row.length - 2])[1], row[0]);
    // Each criterion's word as the table shows it.
    for (let k = 2; k < headers.length - 2; k++) assert.equal(`${row[k].slice(2)}`, line[k + 2], `${row[0]} ${headers[k]}`);
  }
  const sheetTotals = sheet.find((l) => l[0] === 'Số xã đạt');
  assert.equal(sheetTotals[c4 + 2], String(expected4));
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
  await page.getByText('Đã thêm 2 bản nháp lưu trong trình duyệt này.').waitFor();
  await page.locator('#rollup-status', { hasText: 'Đã đọc 5 tệp: 4 xã – kỳ, 1 tệp bị bỏ qua.' }).waitFor();
  // One table per set: the two files of the 2021–2025 example, the two drafts of 2026–2030.
  const tables = page.locator('.rollup-table');
  assert.equal(await tables.count(), 2);
  const text = (await tables.allInnerTexts()).join('\n');
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
