// Shared helpers of the end-to-end tests: a static server for dist/, Debian's Chromium, and
// readers for the downloaded .docx.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, stat, mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.TIEUCHI_DIST || path.join(ROOT, 'dist');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** Serves `root` on 127.0.0.1 under `prefix` ("/" or "/ntm/"); records every request, and the
 *  bytes of each body sent (`sent`: [url, bytes]); with `etag`, answers a request for a copy it
 *  still has with 304. A request whose path contains "/hang-" is
 *  never answered (a download that hangs). */
export async function serve({ root = DIST, prefix = '/', gzip = false, etag = false } = {}) {
  const state = { root, requests: [], sent: [] };
  const server = createServer(async (req, res) => {
    state.requests.push(req.url);
    if (req.url.includes('/hang-')) return;
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end(); return; }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(state.root, rel);
    if (!file.startsWith(state.root)) { res.writeHead(403).end(); return; }
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      let body = await readFile(file);
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      // As most static hosts do, when asked: a validator, and 304 for a copy still current.
      if (etag) {
        headers.etag = `"${s.size}-${s.mtimeMs}"`;
        if (req.headers['if-none-match'] === headers.etag) {
          res.writeHead(304, headers).end();
          state.sent.push([req.url, 0]);
          return;
        }
      }
      // As a static host serves it (gzip -9, the level the size budget counts), when asked.
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      res.writeHead(200, headers);
      state.sent.push([req.url, body.length]);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    requests: state.requests,
    sent: state.sent,
    setRoot: (r) => { state.root = r; },
    close: () => { server.closeAllConnections(); return new Promise((r) => server.close(r)); },
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic', '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** A phone-sized context, with a list of requests to other origins and of page errors. */
export async function phone(browser, opts = {}) {
  const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, acceptDownloads: true, ...opts });
  ctx.setDefaultTimeout(15000);
  ctx.foreign = [];
  ctx.errors = [];
  ctx.on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol)) ctx.foreign.push(r.url());
  });
  ctx.on('page', (p) => p.on('pageerror', (e) => ctx.errors.push(e.message)));
  return ctx;
}

/** Opens the app and waits until it has started (the static shell, which carries the same
 * heading while the module loads, is gone). */
export async function openApp(page, url) {
  await page.goto(url);
  await page.locator('#shell').waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: 'Tự đánh giá xã nông thôn mới' }).waitFor();
}

export async function newDraft(page, setName = /Lạng Sơn/) {
  const select = page.getByLabel('Bộ tiêu chí cho bản nháp mới');
  // The user's own sets join the list once storage is read, just after the first render.
  await select.locator('option', { hasText: setName }).first().waitFor({ state: 'attached', timeout: 5000 }).catch(() => {});
  const options = await select.locator('option').allTextContents();
  const i = options.findIndex((o) => setName.test(o));
  await select.selectOption({ index: i < 0 ? 0 : i });
  await page.getByRole('button', { name: 'Tạo bản nháp mới' }).click();
  await page.getByLabel('Tên xã (không ghi chữ “xã”)').waitFor();
}

/** Waits until the status line says the draft is saved. */
export async function saved(page) {
  await page.locator('#save-status', { hasText: 'Đã lưu lúc' }).waitFor({ timeout: 5000 });
}

export async function openCriterion(page, n) {
  const card = page.locator(`#crit-${n}`);
  if (!(await card.evaluate((el) => el.open))) await card.locator(':scope > summary').click();
}

/** The text of word/document.xml of a .docx, one paragraph a line (read with Python's zipfile). */
export function docxText(file) {
  const py = `
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode('utf-8')
paras = re.findall(r'<w:p[ >].*?</w:p>', xml, flags=re.S)
import html
for p in paras:
    parts = re.findall(r'<w:t[^>]*>(.*?)</w:t>|(<w:br/>)', p, flags=re.S)
    print(html.unescape(''.join(t if not br else '\\n' for t, br in parts)))
`;
  return execFileSync('python3', ['-c', py, file], { encoding: 'utf-8' });
}

/** Converts a .docx to PDF with LibreOffice; returns { pages, text }. */
export async function docxToPdf(file) {
  const out = await mkdtemp(path.join(tmpdir(), 'tieuchi-pdf-'));
  const profile = await mkdtemp(path.join(tmpdir(), 'tieuchi-lo-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'pipe', timeout: 180000 });
  const pdf = path.join(out, path.basename(file).replace(/\.docx$/, '.pdf'));
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf-8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf-8' });
  return { pages, text, pdf };
}

export async function tmp(prefix = 'tieuchi-') {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** The files a first visit loads (index.html and the JS, WASM and CSS it references), with raw
 * and gzip -9 sizes in bytes. */
export function firstLoad(dist = DIST) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf-8');
  const refs = new Set(['index.html']);
  for (const m of html.matchAll(/(?:href|src)=["']?\.?\/?([^"' >]+\.(?:js|wasm|css))/g)) refs.add(m[1]);
  for (const m of html.matchAll(/from\s+'\.?\/?([^']+\.js)'/g)) refs.add(m[1]);
  for (const m of html.matchAll(/module_or_path:\s*'\.?\/?([^']+\.wasm)'/g)) refs.add(m[1]);
  return [...refs].map((name) => {
    const body = readFileSync(path.join(dist, name));
    return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
}

/** The service worker's precache list (`PRECACHE` in dist/sw.js), as files of dist/: a page's
 * folder ("./", "bo-tieu-chi/") is its index.html. */
export function precacheList(dist = DIST) {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf-8');
  const m = /const PRECACHE = (\[[^\]]*\]);/.exec(sw);
  if (!m) throw new Error('PRECACHE not found in dist/sw.js');
  return JSON.parse(m[1]).map((p) => {
    const rel = p.replace(/^\.\//, '');
    return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
  });
}

/** Everything a first visit downloads: the critical path (`firstLoad`), the service worker,
 * and every file it precaches, each once, with raw and gzip -9 sizes and where it comes from
 * (`critical`, `sw`, `precache`). Files of both the critical path and the precache list are
 * marked `refetched` when the worker's install fetches them without asking whether the page's
 * copy is current (`cache: 'reload'` or `'no-store'`), so they cross the network twice;
 * `firstVisitTotal` counts them so. */
export function firstVisit(dist = DIST) {
  const critical = firstLoad(dist);
  const seen = new Set(critical.map((f) => f.name));
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf-8');
  // 'reload' and 'no-store' never ask the host whether the copy the page just loaded is
  // current; 'no-cache' does, and a host with validators answers 304 (bench.mjs measures both).
  const reload = /cache:\s*['"](reload|no-store)['"]/.test(sw);
  const files = critical.map((f) => ({ ...f, from: 'critical', refetched: false }));
  const size = (name) => {
    const body = readFileSync(path.join(dist, name));
    return { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  };
  files.push({ name: 'sw.js', ...size('sw.js'), from: 'sw', refetched: false });
  for (const name of precacheList(dist)) {
    if (seen.has(name)) {
      const f = files.find((x) => x.name === name);
      f.refetched = reload;
      continue;
    }
    seen.add(name);
    files.push({ name, ...size(name), from: 'precache', refetched: false });
  }
  return files;
}

/** The tools' pages and module (`TOOLS` in dist/sw.js: the set page, the roll-up and the one
 * module they share), downloaded whole the first time one of them is opened: each file with
 * raw and gzip -9 sizes, and the pages' folders. */
export function toolsFiles(dist = DIST) {
  const sw = readFileSync(path.join(dist, 'sw.js'), 'utf-8');
  const m = /const TOOLS = (\{[\s\S]*?\n\});/.exec(sw);
  if (!m) throw new Error('TOOLS not found in dist/sw.js');
  const tools = JSON.parse(m[1]);
  const files = tools.files.map((p) => {
    const name = p.endsWith('/') ? `${p}index.html` : p;
    const body = readFileSync(path.join(dist, name));
    return { name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return { pages: Object.keys(tools.pages), files };
}

/** Bytes a first visit transfers (gzip -9): each file once, twice when refetched. */
export function firstVisitTotal(files) {
  return files.reduce((t, f) => t + f.gzip * (f.refetched ? 2 : 1), 0);
}

/** A phone-sized page with the app open and a new draft of the set matching `setName`. */
export async function draftPage(browser, url, setName, opts) {
  const ctx = await phone(browser, opts);
  const page = await ctx.newPage();
  await openApp(page, url);
  await newDraft(page, setName);
  return { ctx, page };
}

/** Clicks `trigger`, waits for the download it starts, and saves it; returns the file's path
 * (its name is the one the app suggested). */
export async function downloadFrom(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const file = path.join(await tmp(), download.suggestedFilename());
  await download.saveAs(file);
  return file;
}
