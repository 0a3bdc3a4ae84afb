#!/usr/bin/env python3
"""Draws the two Teams icons with the standard library only (zlib writes the PNG):
color.png, 192x192, a white check mark in a speech bubble on the accent colour;
outline.png, 32x32, the same mark and bubble as a white outline on transparency."""
import math
import struct
import sys
import zlib
from pathlib import Path

ACCENT = (46, 125, 107)  # #2E7D6B, the manifest's accentColor
WHITE = (255, 255, 255)


def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in pixels[y * size:(y + 1) * size] for c in px) for y in range(size))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def rounded_box_distance(px, py, x0, y0, x1, y1, r):
    """Signed distance to a rounded rectangle: negative inside."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - r, (y1 - y0) / 2 - r
    qx, qy = abs(px - cx) - hx, abs(py - cy) - hy
    return math.hypot(max(qx, 0), max(qy, 0)) + min(max(qx, qy), 0) - r


def coverage(distance):
    """Anti-aliasing: 1 inside, 0 outside, a ramp across one pixel."""
    return max(0.0, min(1.0, 0.5 - distance))


def draw(size, outline):
    s = size / 32.0
    check = [(9.5 * s, 15.5 * s), (13.5 * s, 19.5 * s), (21.5 * s, 11.0 * s)]
    pixels = []
    for y in range(size):
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            mark = min(segment_distance(px, py, *check[0], *check[1]), segment_distance(px, py, *check[1], *check[2])) - 1.6 * s
            bubble = rounded_box_distance(px, py, 4 * s, 4 * s, 28 * s, 24 * s, 5 * s)
            tail = segment_distance(px, py, 10 * s, 23 * s, 8 * s, 28.5 * s) - 1.4 * s
            if outline:
                ring = abs(min(bubble, tail + 0.6)) - 1.0 * s
                alpha = max(coverage(mark), coverage(ring))
                pixels.append(WHITE + (round(255 * alpha),))
            else:
                background = coverage(rounded_box_distance(px, py, 0, 0, size, size, 36))
                white = max(coverage(mark), coverage(abs(min(bubble, tail + 0.6)) - 1.2 * s))
                colour = tuple(round(a * (1 - white) + 255 * white) for a in ACCENT)
                pixels.append(colour + (round(255 * background),))
    return pixels


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
    png(out / "color.png", 192, draw(192, outline=False))
    png(out / "outline.png", 32, draw(32, outline=True))
    print(f"wrote {out / 'color.png'} and {out / 'outline.png'}")
