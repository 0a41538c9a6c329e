#!/usr/bin/env python3
"""Where a WASM module's bytes go, by crate or module, from `twiggy top` of a module built with
its names kept (scripts/names_build.sh). Raw bytes of code and data (the name section itself is
left out); gzip follows roughly but not exactly, so a remedy is measured on the shipped module
(tests/e2e/size.test.mjs, scripts/editor_size.sh).

    python3 scripts/wasm_breakdown.py target/dist-names/tieuchi-*_bg.wasm
    python3 scripts/wasm_breakdown.py BEFORE.wasm AFTER.wasm      (the difference, by group)
    python3 scripts/wasm_breakdown.py --items 'tieuchi::ui' X.wasm  (the items of one group)

A function is counted where its implementing type lives (`<yew::… as serde::…>` is yew's), so
generic code instantiated for our types counts under the generic crate; Yew's component `view`
functions carry the components the compiler inlined into them.
"""
import csv
import signal
import io
import re
import subprocess
import sys

GROUPS = [
    # (group, pattern on the item's name), first match wins.
    ("name section (not shipped)", r'^"(function|local|data|global|type|table|memory|elem) names" subsection$'),
    ("data (text, the 2026 set, tables)", r"^data segment"),
    ("yew (with its inlined components)", r"^yew::|^implicit_clone|^indexmap|^hashbrown|^slab::|^prokio|^pinned"),
    ("serde_json (with zmij, its float printer)", r"^serde_json::|^zmij::"),
    # Every type's reader and writer, wherever the type lives (`<Option<T> as …::FromJson>`,
    # `<T as …::Place>`, `<T as …::ToJson>`).
    ("our types' readers and writers (FromJson, Place, ToJson impls)", r" as tieuchi::core::json::"),
    ("serde", r"^serde_core::|^serde::"),
    ("derived serializers of our types", r"^tieuchi::.*_::<impl serde_core::ser::Serialize"),
    ("wasm-bindgen, js-sys, web-sys, gloo", r"^wasm_bindgen|^js_sys|^web_sys|^gloo|^__wbg|^__externref|^__wbindgen"),
    ("allocator (talc; dlmalloc before it)", r"^dlmalloc|^<dlmalloc|^talc|^<talc|^__rust_(alloc|dealloc|realloc)|^__rdl"),
    ("ryu", r"^ryu::"),
    ("miniz_oxide, crc32fast", r"^miniz_oxide|^crc32fast"),
    ("alloc (String, Vec, BTreeMap, Rc)", r"^alloc::|^<alloc|^alloc\["),
    ("core (fmt, str, slices, panics)", r"^core::|^core\[|^<core|^compiler_builtins|^memcpy|^memset|^memmove|^memcmp|^__"
     r"|^<(char|bool|str|\[[^]]*\]|[iu](8|16|32|64|128|size)|&[iu]size|f32|f64)[ >]|^(char|str|[iu](8|16|32|64|128|size))::"),
    ("std", r"^std::|^std\["),
]


def group_of(name):
    # `<A as B>::f` and `<A>::f` belong to A; closures and shims to their function.
    inner = name[1:] if name.startswith("<") else name
    inner = re.sub(r"^&(mut )?", "", inner)
    for group, pattern in GROUPS:
        if re.search(pattern, name) or re.search(pattern, inner):
            return group
    m = re.match(r"tieuchi::(core|ui|web)::([a-z_]+)", inner)
    if m:
        return f"tieuchi::{m.group(1)}::{m.group(2)}"
    if inner.startswith("tieuchi::"):
        return "tieuchi (other)"
    if re.match(r"(type|elem|global|table|memory|import|export)\b|^code\[|^func\[|^\w+\[\d+\]", name):
        return "the module's tables, types, imports, exports"
    return "other"


def items(path):
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "-f", "csv", path], check=True, capture_output=True, text=True).stdout
    for row in csv.DictReader(io.StringIO(out)):
        yield row["Name"], int(row["ShallowSize"])


def breakdown(path):
    groups = {}
    for name, size in items(path):
        g = group_of(name)
        groups[g] = groups.get(g, 0) + size
    return groups


def main(argv):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    if len(argv) >= 3 and argv[0] == "--items":
        rows = sorted(((s, n) for n, s in items(argv[2]) if group_of(n) == argv[1]), reverse=True)
        for s, n in rows[:80]:
            print(f"{s:>9,}  {n[:160]}")
        print(f"{sum(s for s, _ in rows):>9,}  in all ({len(rows)} items)")
        return
    if len(argv) == 1:
        groups = breakdown(argv[0])
        shipped = sum(v for k, v in groups.items() if not k.startswith("name section"))
        for g, v in sorted(groups.items(), key=lambda kv: -kv[1]):
            print(f"{v / 1000:>9.1f} KB  {g}")
        print(f"{shipped / 1000:>9.1f} KB  in all, without the name section")
        return
    if len(argv) == 2:
        a, b = breakdown(argv[0]), breakdown(argv[1])
        for g in sorted(set(a) | set(b), key=lambda g: (b.get(g, 0) - a.get(g, 0))):
            d = b.get(g, 0) - a.get(g, 0)
            if d:
                print(f"{d / 1000:>+9.1f} KB  {g}  ({a.get(g, 0) / 1000:.1f} -> {b.get(g, 0) / 1000:.1f})")
        return
    sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
