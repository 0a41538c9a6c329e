#!/usr/bin/env python3
"""Draws the app icons (a white check mark on green) as PNGs, with no imaging library.

Run once when the icon changes: python3 scripts/make_icons.py. The PNGs are committed.
"""
import struct
import zlib
from pathlib import Path

GREEN = (11, 93, 59)
WHITE = (255, 255, 255)


def png(path, size, safe):
    """`safe` is the fraction of the icon the drawing may use (smaller for maskable icons)."""
    # Check mark as two thick strokes, in unit coordinates centred on the icon.
    pts = [(-0.30, 0.02), (-0.08, 0.24), (0.32, -0.22)]
    width = 0.11 * safe / 0.8

    def dist(px, py, a, b):
        (ax, ay), (bx, by) = a, b
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        cx, cy = ax + t * dx, ay + t * dy
        return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5

    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            u = (x + 0.5) / size - 0.5
            v = (y + 0.5) / size - 0.5
            s = safe / 0.8
            d = min(dist(u / s, v / s, pts[0], pts[1]), dist(u / s, v / s, pts[1], pts[2])) * s
            row.extend(WHITE if d < width / 2 else GREEN)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    Path(path).write_bytes(data)


out = Path(__file__).resolve().parent.parent / "assets" / "icons"
out.mkdir(parents=True, exist_ok=True)
png(out / "icon-192.png", 192, 0.8)
png(out / "icon-512.png", 512, 0.8)
png(out / "icon-maskable-512.png", 512, 0.6)
png(out / "apple-touch-icon.png", 180, 0.7)
