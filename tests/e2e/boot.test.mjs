// Never a blank page: before the module runs, a static shell says what the app is and that it
// is loading; when the module cannot start (no WebAssembly, a download that fails), the page
// says so in Vietnamese, says what to do, and offers a retry. In-app browsers (Zalo,
// Facebook, Messenger) are recognised and told to open the link in the phone's browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, phone, openApp, DIST } from './lib.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the shell shows at once, and the app takes over', async () => {
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  // Hold the module back: the shell is what a slow phone shows meanwhile.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.getByText('Đang tải ứng dụng…').waitFor();
  await page.getByText('Dùng được cả khi không có mạng').waitFor();
  release();
  await page.locator('#shell').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Tạo bản nháp mới' }).waitFor();
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

test('a module that cannot be downloaded: a message, what to do, and a retry that works', async () => {
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(server.url);
  const box = page.locator('#boot-fail');
  await box.waitFor();
  assert.match(await box.innerText(), /Không mở được ứng dụng\.\s+Không tải được hoặc không khởi động được ứng dụng\./);
  assert.match(await box.innerText(), /mở đường dẫn bằng Chrome, Cốc Cốc, Firefox hay Safari/);
  assert.equal(await page.locator('#boot-status').isVisible(), false);
  await page.unroute('**/*.wasm');
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await page.locator('#shell').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Tạo bản nháp mới' }).waitFor();
  await ctx.close();
});

test('a browser without WebAssembly is told so, not shown a blank page', async () => {
  const ctx = await phone(browser);
  await ctx.addInitScript(() => { delete window.WebAssembly; });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.locator('#boot-fail', { hasText: 'không chạy được WebAssembly' }).waitFor();
  await ctx.close();
});

test('the tools\' pages: each shows its own shell while their one module loads, then itself; a folder of no page says so', async () => {
  // No service worker: once one controls the pages (it may, after the first page, on a busy
  // machine), it answers the made-up folder itself and the route below never sees it.
  const ctx = await phone(browser, { serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const pages = [
    ['bo-tieu-chi/', 'Bộ tiêu chí — Tự đánh giá xã nông thôn mới', 'Đang tải trang bộ tiêu chí…', page.locator('.set-list li', { hasText: 'Lạng Sơn' })],
    ['tong-hop/', 'Tổng hợp nhiều xã — Tự đánh giá xã nông thôn mới', 'Đang tải trang tổng hợp…', page.getByRole('heading', { name: 'Mở tệp của các xã' })],
  ];
  for (const [folder, title, loading, started] of pages) {
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(server.url + folder);
    await page.getByText(loading).waitFor();
    assert.equal(await page.title(), title);
    release();
    await page.locator('#shell').waitFor({ state: 'detached' });
    await started.first().waitFor();
    await page.unroute('**/*.wasm');
  }
  // The set page's shell served from a folder the module has no page for.
  const html = readFileSync(path.join(DIST, 'bo-tieu-chi', 'index.html'), 'utf-8');
  await page.route('**/khac/', (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto(server.url + 'khac/');
  await page.locator('#boot-fail', { hasText: 'không phải trang nào của ứng dụng' }).waitFor();
  assert.equal(await page.locator('#boot-status').isVisible(), false);
  assert.deepEqual(ctx.errors, []);
  await ctx.close();
});

const IN_APP = {
  Zalo: 'Mozilla/5.0 (Linux; Android 12; SM-A125F Build/SP1A.210812.016; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.193 Mobile Safari/537.36 Zalo android/12100691 ZaloTheme/light ZaloLanguage/vi',
  Facebook: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/430.0.0.36.107;FBBV/512345678;FBDV/iPhone12,1;FBMD/iPhone;FBSN/iOS;FBSV/16.6;FBSS/2;FBID/phone;FBLC/vi_VN;FBOP/5]',
  Messenger: 'Mozilla/5.0 (Linux; Android 13; Redmi Note 12 Build/TKQ1.221114.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 [FB_IAB/Orca-Android;FBAV/437.0.0.31.116;]',
};

test('in-app browsers are recognised, with a one-tap copy of the link; a normal browser is not', async () => {
  for (const [app, userAgent] of Object.entries(IN_APP)) {
    const ctx = await phone(browser, { userAgent });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await ctx.newPage();
    await openApp(page, server.url);
    const note = page.locator('#inapp');
    assert.ok(await note.isVisible(), `${app}: the note shows`);
    assert.match(await note.innerText(), /trình duyệt của Zalo, Facebook hoặc Messenger/);
    await note.getByRole('button', { name: 'Sao chép đường dẫn' }).click();
    await page.getByText(/Đã sao chép đường dẫn\.|Chép đường dẫn này:/).waitFor();
    await ctx.close();
  }
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await openApp(page, server.url);
  assert.equal(await page.locator('#inapp').isVisible(), false);
  await ctx.close();
});
