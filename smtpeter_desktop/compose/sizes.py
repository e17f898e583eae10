"""A size in bytes as people read it ("512 bytes", "2.0 KB", "5.0 MB"), the same everywhere.

Its own module so that listing drafts or messages need not import ``checks``, which brings
the renderer (Markdown, Pygments, css-inline) with it.
"""

from __future__ import annotations


def human_size(size: float) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")
