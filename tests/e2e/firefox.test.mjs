// A second engine: Debian's Firefox ESR (Gecko), driven over WebDriver BiDi by puppeteer-core
// (no browser download). A smoke test of what a commune does first: open the app, create a
// draft, type, reload and find it again, and produce the report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { serve } from './lib.mjs';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
let server, browser;
before(async () => {
  server = await serve();
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
});
after(async () => { await browser?.close(); await server?.close(); });

const clickButton = (page, text) => page.evaluate((t) => {
  const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === t);
  if (!b) throw new Error(`no button ${t}`);
  b.click();
}, text);
const started = (page) => page.waitForSelector('#shell', { hidden: true, timeout: 30000 });

test('Firefox: open, create a draft, type, reload, produce the report', { timeout: 120000 }, async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Keep every Blob the app hands to a download link, to read the report back.
  await page.evaluateOnNewDocument(() => {
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob) => { (window.__blobs ||= []).push(blob); return create(blob); };
  });
  await page.goto(server.url);
  await started(page);
  await clickButton(page, 'Tạo bản nháp mới');
  await page.waitForSelector('#m-commune');
  await page.type('#m-commune', 'Liên Sơn');
  await page.type('#m-sign-name', 'Dương Văn Phong');
  await page.waitForFunction(() => document.querySelector('#save-status')?.textContent.includes('Đã lưu lúc'), { timeout: 10000 });

  await page.reload();
  await started(page);
  await clickButton(page, 'Thông tin');
  await page.waitForSelector('#m-commune');
  assert.equal(await page.$eval('#m-commune', (i) => i.value), 'Liên Sơn');

  await clickButton(page, 'Báo cáo');
  await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Tải báo cáo (.docx)'));
  await clickButton(page, 'Tải báo cáo (.docx)');
  await page.waitForFunction(() => (window.__blobs || []).some((b) => b.type.includes('wordprocessingml')), { timeout: 10000 });
  const docx = await page.evaluate(async () => {
    const blob = window.__blobs.find((b) => b.type.includes('wordprocessingml'));
    const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    return { size: blob.size, zip: String.fromCharCode(...head) };
  });
  assert.equal(docx.zip, 'PK', 'a .docx is a ZIP');
  assert.ok(docx.size > 5000, `${docx.size} bytes`);
  assert.deepEqual(errors, []);
  await page.close();
});
