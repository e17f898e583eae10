"""Files a realistic message is made of: a PNG, a PDF, a Markdown text."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest


def png(width: int = 2, height: int = 2, rgb: tuple[int, int, int] = (31, 111, 235)) -> bytes:
    """A small, valid PNG (any reader decodes it), made here so no binary file is needed."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


PNG = png()
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

MARKDOWN = """\
# Quarterly update

Hello team, here are the **numbers** for Q3 (the PDF has the details).

| Region | Revenue | Growth |
|--------|--------:|-------:|
| Europe | €1.2M   | 12%    |
| Asia   | €0.8M   | 31%    |

```python
def growth(before: float, after: float) -> float:
    return (after - before) / before
```

![Our logo](logo.png)

- first point
- second point

> Quoted wisdom.

Regards, Ann
"""


@pytest.fixture
def material(tmp_path: Path) -> Path:
    folder = tmp_path / "material"
    folder.mkdir()
    (folder / "logo.png").write_bytes(PNG)
    (folder / "Rapport été 2026.pdf").write_bytes(PDF)
    (folder / "update.md").write_text(MARKDOWN, encoding="utf-8")
    return folder
