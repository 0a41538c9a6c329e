// Offline: after one visit the app opens, edits, saves and produces the report with the
// network off, at the root and under a sub-path; a new deployment is announced and applied
// only when the user chooses, without losing what they typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, cpSync, readdirSync, renameSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve, launch, phone, openApp, newDraft, saved, tmp, docxText, DIST, ROOT, downloadFrom } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const COMMUNE = 'Tên xã (không ghi chữ “xã”)';

async function offlineRoundTrip(prefix) {
  const server = await serve({ prefix });
  const ctx = await phone(browser, { serviceWorkers: 'allow' });
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await page.getByText('Sẵn sàng dùng khi không có mạng').waitFor({ timeout: 15000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await newDraft(page);
  await page.getByLabel(COMMUNE).fill('Tân Liên');
  await saved(page);

  await ctx.setOffline(true);
  await page.reload();
  await page.getByText('Không có mạng — vẫn làm việc bình thường').waitFor();
  await page.getByRole('button', { name: 'Thông tin' }).click();
  assert.equal(await page.getByLabel(COMMUNE).inputValue(), 'Tân Liên', 'the draft is there offline');
  await page.getByLabel('Họ và tên người ký').fill('Hoàng Văn Minh');
  await saved(page);
  await page.getByRole('button', { name: 'Báo cáo' }).click();
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Tải báo cáo (.docx)' }));
  assert.match(docxText(file), /Hoàng Văn Minh/);
  await ctx.setOffline(false);

  // Every request stayed on this origin and under the prefix.
  assert.deepEqual(ctx.foreign, []);
  assert.ok(server.requests.every((u) => u.startsWith(prefix)), `requests outside ${prefix}: ${server.requests.filter((u) => !u.startsWith(prefix))}`);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
  await server.close();
}

test('works offline after one visit, at the root', { timeout: 90000 }, () => offlineRoundTrip('/'));
test('works offline after one visit, under a sub-path', { timeout: 90000 }, () => offlineRoundTrip('/ntm/'));

test('a new version is announced and applied when the user chooses, keeping their input', { timeout: 700000 }, async () => {
  // The second deployment: a real second release build, labelled through TIEUCHI_BUILD (which
  // changes the WASM, so its hash, the precache list and the service worker's cache name).
  const v2 = path.join(await tmp(), 'dist-v2');
  execFileSync('trunk', ['build', '--release', '--dist', v2], {
    cwd: ROOT, env: { ...process.env, TIEUCHI_BUILD: 'e2e-v2' }, stdio: 'pipe', timeout: 600000,
  });
  const v1Cache = /const VERSION = '([0-9a-f]+)'/.exec(readFileSync(path.join(DIST, 'sw.js'), 'utf-8'))[1];
  const v2Cache = /const VERSION = '([0-9a-f]+)'/.exec(readFileSync(path.join(v2, 'sw.js'), 'utf-8'))[1];
  assert.notEqual(v1Cache, v2Cache);

  const server = await serve();
  const ctx = await phone(browser, { serviceWorkers: 'allow' });
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await newDraft(page);
  await page.getByLabel(COMMUNE).fill('Quang Lang');
  await saved(page);
  await page.getByLabel('Họ và tên người ký').fill('Đang gõ dở');

  server.setRoot(v2);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.getByText('Đã có phiên bản mới — tải lại').waitFor({ timeout: 15000 });
  // Nothing reloaded under the user's typing.
  assert.equal(await page.getByLabel('Họ và tên người ký').inputValue(), 'Đang gõ dở');

  // A plain reload does not switch: the page runs the version its worker holds, and the new
  // one is offered again.
  await page.reload();
  await page.getByText('Đã có phiên bản mới — tải lại').waitFor({ timeout: 15000 });
  assert.doesNotMatch(await page.locator('#app-version').innerText(), /e2e-v2/);
  await page.getByRole('button', { name: 'Tải lại' }).click();
  await page.waitForFunction(async (v) => (await caches.keys()).includes(`tieuchi-${v}`), v2Cache, { timeout: 15000 });
  await page.locator('#app-version', { hasText: 'e2e-v2' }).waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Thông tin' }).click();
  assert.equal(await page.getByLabel('Họ và tên người ký').inputValue(), 'Đang gõ dở', 'typed text saved before the reload');
  // The old version's cache goes once no page of it is open.
  await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('tieuchi-')).length === 1, null, { timeout: 15000 })
    .catch(async () => { throw new Error(`old caches kept: ${await page.evaluate(() => caches.keys())}`); });
  await ctx.close();
  await server.close();
});

test('an update whose download hangs never replaces the running version, online or offline', { timeout: 120000 }, async () => {
  // The next deployment: its page loads other files, one of which never arrives. The old
  // worker used to fetch pages from the network first and store them in its own cache, so the
  // new page, whose files were never cached, came up blank offline.
  const v3 = path.join(await tmp(), 'dist-v3');
  cpSync(DIST, v3, { recursive: true });
  const main = /src="\.\/(tieuchi-[0-9a-f]+)\.js"|from '\.\/(tieuchi-[0-9a-f]+)\.js'/.exec(readFileSync(path.join(DIST, 'index.html'), 'utf-8'));
  const stem = main[1] || main[2];
  const html = readFileSync(path.join(v3, 'index.html'), 'utf-8').replaceAll(stem, 'hang-tieuchi').replace('<title>', '<title>v3 ');
  writeFileSync(path.join(v3, 'index.html'), html);
  const sw = readFileSync(path.join(v3, 'sw.js'), 'utf-8')
    .replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'v3v3v3v3'")
    .replaceAll(stem, 'hang-tieuchi');
  writeFileSync(path.join(v3, 'sw.js'), sw);

  const server = await serve();
  const ctx = await phone(browser, { serviceWorkers: 'allow' });
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await page.getByText('Sẵn sàng dùng khi không có mạng').waitFor({ timeout: 15000 });
  await newDraft(page);
  await page.getByLabel(COMMUNE).fill('Hữu Lũng');
  await saved(page);
  const title = await page.title();

  server.setRoot(v3);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update().catch(() => {}));
  // A plain reload, online: the version the worker holds, not the half-downloaded one.
  await page.reload();
  await page.getByRole('button', { name: 'Thông tin' }).click();
  assert.equal(await page.getByLabel(COMMUNE).inputValue(), 'Hữu Lũng');
  assert.equal(await page.title(), title);
  // The new worker is installing: its download of the new files hangs.
  for (let i = 0; i < 100 && !server.requests.some((u) => u.includes('/hang-')); i++) await page.waitForTimeout(100);
  assert.ok(server.requests.some((u) => u.includes('/hang-')), 'the new version was being downloaded');
  // Offline, the same.
  await ctx.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Thông tin' }).click();
  assert.equal(await page.getByLabel(COMMUNE).inputValue(), 'Hữu Lũng');
  assert.equal(await page.title(), title);
  const keys = await page.evaluate(() => caches.keys());
  assert.ok(!keys.includes('tieuchi-v3v3v3v3'), `no partial cache of the new version: ${keys}`);
  await ctx.close();
  await server.close();
});

/** Waits until the service worker holds `page` of the site (a sub-page is cached whole once opened). */
async function cached(page, rel) {
  await page.waitForFunction(async (r) => !!(await caches.match(new URL(r, location.href).href)), rel, { timeout: 30000 });
}

test('one visit to the editor: offline it works and reports; the set page and the roll-up say they need the network once', { timeout: 120000 }, async () => {
  const server = await serve();
  const ctx = await phone(browser, { serviceWorkers: 'allow' });
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await page.getByText('Sẵn sàng dùng khi không có mạng').waitFor({ timeout: 15000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  // A commune's first visit downloads nothing of the province's pages or of their module.
  const provincial = server.requests.filter((u) => /\/(bo-tieu-chi|tong-hop|cong-cu)\//.test(u));
  assert.deepEqual(provincial, [], 'the first visit downloaded the set page, the roll-up or their module');
  await ctx.setOffline(true);
  await page.reload();
  await page.getByText('Không có mạng — vẫn làm việc bình thường').waitFor();
  // A set of a past period (its file), and the report (made by the worker), offline.
  await newDraft(page, /Lạng Sơn/);
  await page.getByLabel(COMMUNE).fill('Tràng Định');
  await page.getByRole('button', { name: 'Báo cáo' }).click();
  await page.locator('article.paper').waitFor();
  const file = await downloadFrom(page, page.getByRole('button', { name: 'Tải báo cáo (.docx)' }));
  assert.match(docxText(file), /Tràng Định/);
  // The province's pages, never opened: a page in Vietnamese that says what to do.
  for (const [folder, name] of [['bo-tieu-chi/', 'Bộ tiêu chí'], ['tong-hop/', 'Tổng hợp']]) {
    await page.goto(server.url + folder);
    await page.getByRole('heading', { name: `Trang “${name}” cần có mạng một lần` }).waitFor();
    assert.match(await page.locator('body').innerText(), /kết nối mạng/);
  }
  // Its link leads back to the editor, which works offline.
  await page.getByRole('link', { name: '← Về trang Bản nháp' }).click();
  await page.locator('.doc-title', { hasText: 'Tràng Định' }).waitFor();
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
  await server.close();
});

test('the set page and the roll-up work offline once one of them is opened (one module)', { timeout: 120000 }, async () => {
  const server = await serve();
  const ctx = await phone(browser, { serviceWorkers: 'allow' });
  const page = await ctx.newPage();
  await openApp(page, server.url);
  await page.getByText('Sẵn sàng dùng khi không có mạng').waitFor({ timeout: 15000 });
  // Only the set page is opened: the roll-up, its module's other page, comes with it.
  await page.goto(server.url + 'bo-tieu-chi/');
  await cached(page, 'bo-tieu-chi/');
  await cached(page, 'tong-hop/');
  // The module was downloaded once, by the page or by the worker, not by both.
  const module = server.requests.filter((u) => /\/cong-cu\/cong-cu-[0-9a-f]+_bg\.wasm$/.test(u));
  assert.equal(module.length, 1, `the tools' module was requested ${module.length} times`);
  await ctx.setOffline(true);
  await page.goto(server.url + 'bo-tieu-chi/');
  await page.locator('.set-list li', { hasText: 'Lạng Sơn' }).getByRole('button', { name: 'Tạo bản sao' }).click();
  await page.getByText('Đã tạo bản sao').waitFor();
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByRole('heading', { name: 'Mở tệp của các xã' }).waitFor();
  await page.getByRole('button', { name: 'Thêm bản nháp lưu trong trình duyệt này' }).click();
  await page.getByRole('link', { name: 'Bản nháp' }).click();
  await page.getByLabel('Bộ tiêu chí cho bản nháp mới').locator('option', { hasText: '(bản sao)' }).waitFor({ state: 'attached' });
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
  await server.close();
});

/** Build B: dist/ copied, with a service worker of its own version and a report worker of its
 * own name (so build A's report worker exists only in build A's cache). */
async function buildB() {
  const dir = path.join(await tmp(), 'dist-b');
  cpSync(DIST, dir, { recursive: true });
  const a = /bao-cao-[0-9a-f]{16}/.exec(readFileSync(path.join(DIST, 'index.html'), 'utf-8'))[0];
  const b = 'bao-cao-bbbbbbbbbbbbbbbb';
  for (const f of readdirSync(dir).filter((n) => n.startsWith(a))) renameSync(path.join(dir, f), path.join(dir, f.replace(a, b)));
  const edit = (f, change) => writeFileSync(path.join(dir, f), change(readFileSync(path.join(dir, f), 'utf-8').replaceAll(a, b)));
  edit(`${b}_loader.js`, (t) => t);
  edit('index.html', (t) => t.replace('<title>', '<title>B '));
  edit('sw.js', (t) => t.replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'bbbbbbbbbbbbbbbb'"));
  return dir;
}

test('a tab of build A left open while build B takes over another tab still makes its report offline', { timeout: 180000 }, async () => {
  const dir = await buildB();
  const server = await serve();
  const ctx = await phone(browser, { serviceWorkers: 'allow' });
  const old = await ctx.newPage();
  await openApp(old, server.url);
  await old.getByText('Sẵn sàng dùng khi không có mạng').waitFor({ timeout: 15000 });
  await newDraft(old);
  await old.getByLabel(COMMUNE).fill('Tràng Định');
  await saved(old);
  const aCache = await old.evaluate(async () => (await caches.keys()).find((k) => k.startsWith('tieuchi-')));
  // Another tab opens the set page once (cached in build A's cache), then the editor.
  const other = await ctx.newPage();
  await other.goto(server.url + 'bo-tieu-chi/');
  await cached(other, 'bo-tieu-chi/');
  await openApp(other, server.url);
  const title = await other.title();

  // Build B is deployed; the other tab takes it.
  server.setRoot(dir);
  await other.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await other.getByText('Đã có phiên bản mới — tải lại').waitFor({ timeout: 30000 });
  await other.getByRole('button', { name: 'Tải lại' }).click();
  await other.waitForFunction(() => document.title.startsWith('B '), null, { timeout: 30000 });
  assert.equal(await other.title(), 'B ' + title);
  // The old tab is told, and keeps running build A.
  await old.getByText('Đã có phiên bản mới — tải lại').waitFor({ timeout: 30000 });
  assert.equal(await old.title(), title);

  // Offline, the old tab starts its report worker (build A's, found only in build A's cache).
  await ctx.setOffline(true);
  await old.getByRole('button', { name: 'Báo cáo' }).click();
  await old.locator('article.paper').waitFor({ timeout: 30000 });
  const file = await downloadFrom(old, old.getByRole('button', { name: 'Tải báo cáo (.docx)' }));
  assert.match(docxText(file), /Tràng Định/);
  assert.ok((await old.evaluate(() => caches.keys())).includes(aCache), 'build A\'s cache is kept while its tab is open');

  // The old tab closes: build A's cache goes once only build B's pages are open.
  await old.close();
  await ctx.setOffline(false);
  await other.reload();
  await other.waitForFunction(async (k) => !(await caches.keys()).includes(k), aCache, { timeout: 30000 });
  // The set page, opened under build A, came along with build B: offline it still works.
  await ctx.setOffline(true);
  await other.goto(server.url + 'bo-tieu-chi/');
  await other.locator('.set-list li').first().waitFor();
  assert.ok(!(await other.evaluate(() => document.body.innerText)).includes('cần có mạng'));
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
  await server.close();
});

test('the Content-Security-Policy of every page allows only this origin', async () => {
  for (const file of ['index.html', 'bo-tieu-chi/index.html', 'tong-hop/index.html']) {
    const html = readFileSync(path.join(DIST, file), 'utf-8');
    const csp = /http-equiv="?Content-Security-Policy"?[^>]*content="([^"]+)"|content="([^"]+)"[^>]*http-equiv="?Content-Security-Policy/i.exec(html);
    assert.ok(csp, `a CSP meta tag in ${file}`);
    const policy = csp[1] || csp[2];
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(policy, /https?:|\*/, `no other origin in ${file}`);
    assert.doesNotMatch(policy, /unsafe-inline/);
  }
});
