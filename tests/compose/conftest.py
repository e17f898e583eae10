"""Files a realistic message is made of: a PNG, a PDF, a Markdown text."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

# A 2x2 PNG; small, but a real image any reader decodes.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg=="
)
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
