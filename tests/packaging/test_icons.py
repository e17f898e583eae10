"""The icon files: valid PNG, ICO and ICNS containers, and what packaging/make_icons.py makes."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from smtpeter_desktop import APP_ID, APP_SLUG

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {
    b"ic11": 32,
    b"ic12": 64,
    b"ic07": 128,
    b"ic13": 256,
    b"ic08": 256,
    b"ic14": 512,
    b"ic09": 512,
    b"ic10": 1024,
}


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header, checking that it is an RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert (length, kind) == (13, b"IHDR")
    width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
    assert (depth, colour) == (8, 6), "not 8-bit RGBA"
    return width, height


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an ICO file"
    entries = []
    for i in range(count):
        width, height, _, _, planes, bits, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        assert (width, planes, bits) == (height, 1, 32)
        entries.append((width or 256, data[offset : offset + size]))
    return entries


def icns_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    magic, total = struct.unpack(">4sI", data[:8])
    assert (magic, total) == (b"icns", len(data)), "not an ICNS file, or a wrong length"
    chunks, offset = [], 8
    while offset < total:
        kind, length = struct.unpack(">4sI", data[offset : offset + 8])
        chunks.append((kind, data[offset + 8 : offset + length]))
        offset += length
    assert offset == total
    return chunks


def check_icons(folder: Path) -> None:
    for size in PNG_SIZES:
        path = folder / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(path.read_bytes()) == (size, size), path
    ico = ico_entries((folder / f"{APP_SLUG}.ico").read_bytes())
    assert [size for size, _ in ico] == list(ICO_SIZES)
    for size, data in ico:
        assert png_size(data) == (size, size)
    icns = icns_chunks((folder / f"{APP_SLUG}.icns").read_bytes())
    assert [kind for kind, _ in icns] == list(ICNS_TYPES)
    for kind, data in icns:
        assert png_size(data) == (ICNS_TYPES[kind],) * 2, kind


def test_committed_icons_are_valid() -> None:
    check_icons(ICONS)


def test_icon_is_opaque_in_the_middle_and_clear_in_the_corners() -> None:
    # A drawing that lost its tile (a broken gradient, a wrong viewBox) fails here.
    image = QImage(str(ICONS / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png"))
    assert image.pixelColor(128, 128).alpha() == 255
    assert image.pixelColor(0, 0).alpha() == 0


def test_make_icons_regenerates_the_committed_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    check_icons(tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = sorted(
        p.relative_to(ICONS) for p in ICONS.rglob("*") if p.is_file() and p.suffix != ".svg"
    )
    assert made == committed
    # The same drawing; another Qt version may anti-alias an edge a shade differently.
    for name in made:
        if name.suffix != ".png":
            continue
        new, old = QImage(str(tmp_path / name)), QImage(str(ICONS / name))
        assert new.size() == old.size()
        worst = max(
            abs(a - b) for a, b in zip(bytes(new.constBits()), bytes(old.constBits()), strict=True)
        )
        assert worst <= 8, f"{name} differs from the committed file: run packaging/make_icons.py"
