"""Short names for the functions a WASM module imports from its wasm-bindgen JS glue.

wasm-bindgen names every imported function after the binding and a 16-digit hash
(`__wbg_addEventListener_f2d27251d333a631`), and each name is written twice: in the WASM's
import section and as a key of the JS object that provides it. The hashes do not compress:
for the editor's 193 imports they cost 4.0 KB of the gzipped WASM and 2.5 KB of the gzipped
JS (BENCHMARKS.md). `shorten` renames each import to a short name ("a", "b", …, "Ab", …) in
both files; nothing else changes. It refuses (SystemExit) unless every import's name is a key
exactly once in the JS, so a glue of another shape fails the build instead of the page.

Used by post_build.py; `python3 scripts/wasm_imports.py X.js X_bg.wasm` runs it by hand.
"""
import re
import sys
from pathlib import Path

LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _uleb(data, i):
    value, shift = 0, 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _uleb_bytes(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _limits_end(data, i):
    flags = data[i]
    _, i = _uleb(data, i + 1)
    if flags & 1:
        _, i = _uleb(data, i)
    return i


def _desc_end(data, i):
    """End of an import's description (function, table, memory, global or tag)."""
    kind = data[i]
    i += 1
    if kind == 0:  # function: type index
        return _uleb(data, i)[1]
    if kind == 1:  # table: reference type, limits
        return _limits_end(data, i + 1)
    if kind == 2:  # memory: limits
        return _limits_end(data, i)
    if kind == 3:  # global: value type, mutability
        return i + 2
    if kind == 4:  # tag: attribute, type index
        return _uleb(data, i + 1)[1]
    sys.exit(f"wasm_imports: unknown import kind {kind}")


def _short(n):
    name = LETTERS[n % len(LETTERS)]
    n //= len(LETTERS)
    while n:
        name = LETTERS[n % len(LETTERS)] + name
        n //= len(LETTERS)
    return name


def rename_imports(wasm):
    """The module with its imported names shortened, and {old name: new name}."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        sys.exit("wasm_imports: not a WASM module")
    out, names, i = bytearray(wasm[:8]), {}, 8
    while i < len(wasm):
        section = wasm[i]
        size, start = _uleb(wasm, i + 1)
        end = start + size
        if section != 2:
            out += wasm[i:end]
            i = end
            continue
        count, p = _uleb(wasm, start)
        body = bytearray(_uleb_bytes(count))
        for _ in range(count):
            length, p = _uleb(wasm, p)
            module = wasm[p : p + length]
            p += length
            length, p = _uleb(wasm, p)
            field = wasm[p : p + length].decode("utf-8")
            p += length
            desc_end = _desc_end(wasm, p)
            new = names.setdefault(field, _short(len(names))).encode()
            body += _uleb_bytes(len(module)) + module + _uleb_bytes(len(new)) + new + wasm[p:desc_end]
            p = desc_end
        if p != end:
            sys.exit("wasm_imports: the import section did not end where its size said")
        out += bytes([2]) + _uleb_bytes(len(body)) + body
        i = end
    return bytes(out), names


def rename_keys(js, names):
    """The glue with each import's key renamed; exits unless each is found exactly once."""
    for old, new in names.items():
        pattern = re.compile(r"(?<![\w$])" + re.escape(old) + r"(?=\s*:)")
        js, n = pattern.subn(new, js)
        if n != 1:
            sys.exit(f"wasm_imports: {old} is a key {n} times in the JS glue, expected once")
    return js


def shorten(js_path, wasm_path):
    """Renames the imports in both files; returns how many there were."""
    wasm, names = rename_imports(Path(wasm_path).read_bytes())
    js = rename_keys(Path(js_path).read_text(encoding="utf-8"), names)
    Path(js_path).write_text(js, encoding="utf-8")
    Path(wasm_path).write_bytes(wasm)
    return len(names)


if __name__ == "__main__":
    print(f"{shorten(sys.argv[1], sys.argv[2])} imports renamed")
