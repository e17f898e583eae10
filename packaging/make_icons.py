#!/usr/bin/env python3
"""Render the application icon's SVG source into every size and container the platforms want.

    .venv/bin/python packaging/make_icons.py [--out resources/icons]

Writes ``hicolor/<n>x<n>/apps/<APP_ID>.png`` (the freedesktop icon theme layout), a multi-size
``.ico`` for Windows and an ``.icns`` for macOS, all from ``smtpeter-desktop.svg`` through Qt's
own SVG renderer, so the app, the menu and the bundles show the same drawing. The output is
committed; run this again after changing the SVG. The same Qt version gives the same bytes.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

# Rendering needs no screen; set before Qt is imported so it never looks for one.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from smtpeter_desktop import APP_ID, APP_SLUG

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / f"{APP_SLUG}.svg"

# The hicolor sizes a desktop looks for; 512 doubles as the largest ICNS entry.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# An ICO entry stores its width in one byte (0 meaning 256), so 256 is the largest.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The ICNS types that hold PNG data, with their pixel size; the @2x types serve Retina screens.
ICNS_TYPES = (
    (b"ic11", 32),  # 16x16@2x
    (b"ic12", 64),  # 32x32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128x128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256x256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512x512@2x
)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    """The drawing at ``size`` x ``size`` pixels, as PNG bytes with an alpha channel."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # WORKAROUND: PySide6 6.12 refuses bytes for the format although its stub asks for them.
    png = image.convertToFormat(QImage.Format.Format_ARGB32)
    if not png.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise RuntimeError(f"Qt could not encode the {size} px icon as PNG")
    buffer.close()
    return bytes(data.data())


def ico(pngs: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO file whose entries are PNG images (read by Windows Vista and later)."""
    entries = list(pngs)
    header = struct.pack("<HHH", 0, 1, len(entries))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(entries)
    directory = b""
    for size, png in entries:
        side = 0 if size == 256 else size
        # width, height, palette size, reserved, colour planes, bits per pixel, bytes, offset
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + directory + b"".join(png for _, png in entries)


def icns(chunks: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file: big-endian ``(type, length)`` chunks, each holding one PNG image."""
    body = b"".join(struct.pack(">4sI", kind, 8 + len(png)) + png for kind, png in chunks)
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def make(out: Path, source: Path = SOURCE) -> list[Path]:
    """Write every icon file under ``out``; returns the paths written."""
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not an SVG file Qt can draw.")
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render(renderer, size) for size in sizes}

    written: list[Path] = []
    for size in PNG_SIZES:
        path = out / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
        written.append(path)
    containers = (
        (out / f"{APP_SLUG}.ico", ico((size, pngs[size]) for size in ICO_SIZES)),
        (out / f"{APP_SLUG}.icns", icns((kind, pngs[size]) for kind, size in ICNS_TYPES)),
    )
    for path, data in containers:
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ICONS, help="folder to write into")
    args = parser.parse_args(argv)
    # QSvgRenderer and QPainter want a GUI application for fonts and colour handling.
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    for path in make(args.out):
        print(f"{path.stat().st_size:>8}  {path}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
