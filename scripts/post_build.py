#!/usr/bin/env python3
"""trunk post_build hook: pins the CSP to trunk's inline loader and writes the service worker.

Runs in trunk's staging directory (TRUNK_STAGING_DIR), after the HTML and hashed assets are
written and before they move to dist/.

1. Content-Security-Policy: trunk injects one inline <script type="module"> that loads the
   WASM. In release builds its SHA-256 is added to script-src, so no other inline script can
   run; debug builds (trunk serve) allow inline scripts for trunk's live reload. (The tools'
   pages are pinned in step 3, once their loader points at the module's folder.)
2. Every module's imports get short names, in the WASM and in its JS glue
   (scripts/wasm_imports.py). Release builds then minify the wasm-bindgen JS loader with terser
   (trunk's minifier fails on it). The integrity hashes in index.html follow. Without terser
   (not set up) the build goes on with the loader as it is. Every integrity hash is checked
   against its file before the page is written: a stale one would stop the page.
3. The tools module (the set page and the roll-up, one WASM module, `ui::tools`) is a trunk
   build of its own (trunk builds one HTML target per run) of tools.html, started from here
   into the staging directory's `cong-cu/`, so that one `trunk build` or `trunk serve` makes
   the whole site; its own run of this hook does step 2 only. Each of its pages is then
   written into its folder (`TOOL_PAGES`): tools.html as built, with the page's own title
   and shell from its HTML file, its links pointing at `cong-cu/`, and at the site root's copy
   of a file the editor has too (main.css); its CSP pinned to its loader.
4. sw.js: the precache list is exactly this build's files a commune needs (the editor, its
   report worker, the past sets); the tools' pages and module are listed apart, to be
   downloaded whole, together, when one of them is first opened (relative URLs, so the site
   works under any sub-path); the cache name derives from every file's content hash.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wasm_imports  # noqa: E402  (next to this script)

staging = Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
source = Path(os.environ.get("TRUNK_SOURCE_DIR", Path(__file__).resolve().parent.parent))
index = staging / "index.html"
html = index.read_text(encoding="utf-8")
RELEASE = os.environ.get("TRUNK_PROFILE") != "debug"
TERSER = source / ".tools" / "node_modules" / ".bin" / "terser"

# The tools module: its trunk target, the folder it is built into, and its pages (each the
# folder of its URL, its own HTML file with its title and shell, and its name on the page
# that says it needs the network once). Adding a page: its HTML file (like sets.html), a
# line here, and the same folder in `PAGES` of src/ui/tools.rs.
TOOLS_HTML = "tools.html"
TOOLS = "cong-cu"
TOOL_PAGES = {
    "bo-tieu-chi": ("sets.html", "Bộ tiêu chí"),
    "tong-hop": ("rollup.html", "Tổng hợp"),
    "gop-phan-viec": ("merge.html", "Gộp phần việc"),
    "phan-viec": ("part.html", "Phần việc"),
}
TOOLS_RUN = Path(os.environ.get("TRUNK_HTML_FILE", "index.html")).name == TOOLS_HTML


def pin_csp(html, where):
    """Adds the hash of the page's inline loader to its CSP's script-src; returns the page and
    how many inline scripts there are."""
    scripts = re.findall(r"<script type=[\"']?module[\"']?[^>]*>(.*?)</script>", html, flags=re.S)
    if not scripts:
        sys.exit(f"post_build: trunk's inline loader script was not found in {where}")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'" for s in scripts
    )
    marker = "script-src 'self' 'wasm-unsafe-eval'"
    if html.count(marker) != 1:
        sys.exit(f"post_build: CSP marker not found once in {where}")
    if not RELEASE:
        # `trunk serve` injects its live-reload script after this hook runs; allow inline scripts
        # in debug builds only. Release builds (what is published and tested) keep the strict hash.
        return html.replace(marker, f"{marker} 'unsafe-inline'", 1), len(scripts)
    return html.replace(marker, f"{marker} {hashes}", 1), len(scripts)


if not TOOLS_RUN:
    html, inline_scripts = pin_csp(html, "index.html")


def sri(name, base=None):
    """The subresource-integrity hash of a file of the staging directory (or of `base`)."""
    path = (base or staging) / name
    return "sha384-" + base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()


def set_integrity(html, name):
    """Updates the SRI hash trunk wrote for `name` (the loader's modulepreload, the WASM's
    preload) after this hook changed the file; returns the page and how many were updated."""
    integrity = sri(name)
    html, n = re.subn(
        r'(href="?\./' + re.escape(name) + r'"?[^>]*?integrity=)"?sha384-[A-Za-z0-9+/=]+"?',
        lambda m: m.group(1) + '"' + integrity + '"',
        html,
    )
    if n == 0:
        html, n = re.subn(
            r'(integrity=)"?sha384-[A-Za-z0-9+/=]+"?([^>]*?href="?\./' + re.escape(name) + r')',
            lambda m: m.group(1) + '"' + integrity + '"' + m.group(2),
            html,
        )
    return html, n


def shorten_imports(html):
    """Every module's imports get short names in it and in its glue (scripts/wasm_imports.py)."""
    for wasm in sorted(staging.glob("*_bg.wasm")):
        js = staging / (wasm.name[: -len("_bg.wasm")] + ".js")
        count = wasm_imports.shorten(js, wasm)
        html, n = set_integrity(html, wasm.name)
        html, m = set_integrity(html, js.name)
        print(f"post_build: {count} imports of {wasm.name} renamed, integrity updated in {n + m} place(s)")
    return html


def check_integrity(html, base=None, where="index.html"):
    """Every integrity hash in the page (in `base`, the staging directory by default) matches
    its file as it leaves this hook: a stale one makes the browser refuse the file, and the
    page would never start."""
    for tag in re.findall(r"<(?:link|script)\b[^>]*>", html):
        href = re.search(r'(?:href|src)="?((?:\.\./|\./)?[^" >]+)', tag)
        integrity = re.search(r'integrity="?(sha384-[A-Za-z0-9+/=]+)', tag)
        if not (href and integrity):
            continue
        if sri(href.group(1), base) != integrity.group(1):
            sys.exit(f"post_build: the integrity hash of {href.group(1)} in {where} is stale")


def minify_loader(html):
    if not TERSER.exists():
        print("post_build: terser not installed (scripts/setup.sh): JS loader left unminified")
        return html
    for js in staging.glob("*.js"):
        # The worker's scripts are classic scripts: see name_worker.
        if js.name == "sw.js" or js.name.startswith(WORKER):
            continue
        before = js.stat().st_size
        subprocess.run([str(TERSER), str(js), "--module", "--compress", "--mangle", "-o", str(js)], check=True)
        html, n = set_integrity(html, js.name)
        print(f"post_build: {js.name} minified, {before} -> {js.stat().st_size} bytes, integrity updated in {n} place(s)")
    return html


WORKER = "bao-cao"


def name_worker(html):
    """The report worker (a trunk worker target of index.html): trunk writes it unhashed and
    does not link it. Its files get a content hash in their names (so no host cache can pair an
    old script with a new module), the loader shim is rewritten to match, and index.html names
    the loader in a meta tag for the app (`web::report_worker`). Release builds minify the glue
    with terser as a classic script (it defines the global `wasm_bindgen`)."""
    js, wasm, loader = (staging / f"{WORKER}.js", staging / f"{WORKER}_bg.wasm", staging / f"{WORKER}_loader.js")
    if not js.exists():
        return html
    if RELEASE and TERSER.exists():
        subprocess.run([str(TERSER), str(js), "--compress", "--mangle", "-o", str(js)], check=True)
    digest = hashlib.sha256(js.read_bytes() + wasm.read_bytes()).hexdigest()[:16]
    stem = f"{WORKER}-{digest}"
    js.rename(staging / f"{stem}.js")
    wasm.rename(staging / f"{stem}_bg.wasm")
    loader.unlink()
    (staging / f"{stem}_loader.js").write_text(
        f'importScripts("./{stem}.js");wasm_bindgen("./{stem}_bg.wasm");', encoding="utf-8"
    )
    meta = f'<meta name="tieuchi-report-worker" content="./{stem}_loader.js">'
    # After the charset declaration (a minified page has no <head> tag to look for).
    html, n = re.subn(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + meta, html, count=1, flags=re.I)
    if n != 1:
        sys.exit("post_build: the charset <meta> was not found in index.html")
    print(f"post_build: report worker named {stem}")
    return html


html = shorten_imports(html)
if RELEASE:
    html = minify_loader(html)
html = name_worker(html)
check_integrity(html)
index.write_text(html, encoding="utf-8")

if TOOLS_RUN:
    print("post_build: the tools module built; the main build writes its pages")
    sys.exit(0)


def collapse(fragment):
    """A hand-written fragment with its indentation taken out (text spaces between tags kept)."""
    return re.sub(r">\s*\n\s*<", "><", fragment.strip())


def tool_page(built, folder, html_file):
    """Page `folder` of the tools module: `built` (tools.html as trunk built it, in `cong-cu/`)
    with the title and shell of `html_file`, every link to a built file pointing at `cong-cu/`
    (or at the site root's copy of a file the editor has too), and its CSP pinned."""
    own = (source / html_file).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", own, flags=re.S)
    shell = re.search(r'(<div id="shell">.*</div>)\s*</body>', own, flags=re.S)
    if not (title and shell):
        sys.exit(f"post_build: {html_file} needs a <title> and a <div id=\"shell\"> ending the body")
    page, n = re.subn(r"<title>.*?</title>", lambda _: f"<title>{title.group(1).strip()}</title>", built, flags=re.S)
    page, m = re.subn(r'<div id="?shell"?></div>', lambda _: collapse(shell.group(1)), page)
    if (n, m) != (1, 1):
        sys.exit(f"post_build: {TOOLS_HTML} as built needs one <title> and one empty <div id=shell>")
    for name in sorted(p.name for p in (staging / TOOLS).iterdir() if p.is_file()):
        at_root = staging / name
        there = "../" if at_root.is_file() and at_root.read_bytes() == (staging / TOOLS / name).read_bytes() else f"../{TOOLS}/"
        page = re.sub(r"(?<![\w./])\./" + re.escape(name) + r"\b", lambda _: there + name, page)
    if re.search(r"(?<![\w./])\./[\w-]", page):
        sys.exit(f"post_build: a link of {folder}/index.html still points at its own folder")
    page, _ = pin_csp(page, f"{folder}/index.html")
    check_integrity(page, staging / folder, f"{folder}/index.html")
    return page


def build_tools():
    """The tools module, once, and each of its pages in its folder."""
    command = ["trunk", "build", TOOLS_HTML, "--dist", str(staging / TOOLS)]
    if RELEASE:
        command.append("--release")
    print("post_build: " + " ".join(command))
    subprocess.run(command, check=True, cwd=source)
    built_page = staging / TOOLS / "index.html"
    built = built_page.read_text(encoding="utf-8")
    built_page.unlink()
    for folder, (html_file, _) in TOOL_PAGES.items():
        (staging / folder).mkdir(exist_ok=True)
        (staging / folder / "index.html").write_text(tool_page(built, folder, html_file), encoding="utf-8")
    # The files linked from the site root instead are not kept twice.
    for p in list((staging / TOOLS).iterdir()):
        if (staging / p.name).is_file() and (staging / p.name).read_bytes() == p.read_bytes():
            p.unlink()
    print(f"post_build: the tools' pages written: {', '.join(f + '/' for f in TOOL_PAGES)}")


build_tools()

files = sorted(
    p.relative_to(staging).as_posix()
    for p in staging.rglob("*")
    if p.is_file() and p.name != "sw.js" and not p.name.startswith(".")
)
digest = hashlib.sha256()
for name in files:
    digest.update(name.encode())
    digest.update(hashlib.sha256((staging / name).read_bytes()).digest())
version = digest.hexdigest()[:16]


def cache_key(name):
    """Pages are cached under their folder's URL ("./", "bo-tieu-chi/"), which the worker
    serves for a navigation to the folder or to its index.html."""
    return name[: -len("index.html")] or "./" if name.endswith("index.html") else name


def in_folder(name, folder):
    return name.startswith(folder + "/")


def of_tools(name):
    return any(in_folder(name, folder) for folder in [TOOLS, *TOOL_PAGES])


# What a commune needs is downloaded on the first visit (the editor, its report worker, the
# past sets); the tools' pages and module together when one of them is first opened (their
# pages first).
tools = {
    "pages": {folder + "/": name for folder, (_, name) in TOOL_PAGES.items()},
    "files": sorted((cache_key(f) for f in files if of_tools(f)), key=lambda k: (not k.endswith("/"), k)),
}
precache = sorted((cache_key(f) for f in files if not of_tools(f)), key=lambda k: (k != "./", k))
template = (source / "assets" / "sw.template.js").read_text(encoding="utf-8")
sw = (
    template.replace("__VERSION__", version)
    .replace("__PRECACHE__", json.dumps(precache, indent=2))
    .replace("__TOOLS__", json.dumps(tools, indent=2, ensure_ascii=False))
)
(staging / "sw.js").write_text(sw, encoding="utf-8")
print(
    f"post_build: CSP pinned to {inline_scripts} inline script(s); sw.js precaches {len(precache)} files, "
    + f"the tools' {len(tools['files'])} on first use; cache tieuchi-{version}"
)
