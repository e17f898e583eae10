"""A size in bytes as people read it ("512 bytes", "2.0 KB", "5.0 MB"), the same everywhere.

In the user's language: Dutch writes "2,0 KB" (i18n.decimal), in the window and the CLI alike.

Its own module so that listing drafts or messages need not import ``checks``, which brings
the renderer (Markdown, Pygments, css-inline) with it.
"""

from __future__ import annotations

from smtpeter_desktop.i18n import decimal, translate


def human_size(size: float) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            if unit == "bytes":
                return translate("sizes", "{count} bytes").format(count=f"{size:.0f}")
            return f"{decimal(size, 1)} {unit}"
        size /= 1024
    raise AssertionError("unreachable")
