"""Hand a file or link to the system, and say so in words when nothing takes it.

``QDesktopServices.openUrl`` returns False when no program is set for the kind of file (no
mail app for ``.eml``, no browser); without a word the button seems broken.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_url(url: QUrl, what: str) -> str:
    """Open ``url``; "" when the system took it, else a sentence naming ``what`` failed."""
    if QDesktopServices.openUrl(url):
        return ""
    where = url.toLocalFile() if url.isLocalFile() else url.toString()
    if url.isLocalFile():
        return (
            f"No program on this computer opens {what}. The file is {where}: open it from "
            "your file manager, or choose a program for this kind of file in your system's "
            "settings."
        )
    return f"No program on this computer opens {what} ({where}); copy the address instead."
