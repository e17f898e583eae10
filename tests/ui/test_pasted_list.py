"""A pasted spreadsheet column of 500 recipients: one list, a short message, a window that fits.

Real parts: the main window on the test's home, the real clipboard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from tests.ui.shell_helpers import Windows, shown_messages, windows

__all__ = ["shown_messages", "windows"]


def test_pasting_500_addresses_keeps_the_window_on_the_screen(windows: Windows, qtbot: Any) -> None:
    window = windows()
    screen = window.screen().availableGeometry()
    to = window.compose.to
    to.setFocus()
    lines = [f"person{n}@example.com" for n in range(499)] + ["not an address"]
    QGuiApplication.clipboard().setText("\n".join(lines))
    to.paste()
    window.compose.subject.setFocus()  # leaving the field finishes every entry
    qtbot.waitUntil(lambda: to.property("invalid") is True, timeout=2000)
    assert to.message.text() == (
        "“not an address” is not a valid address: An email address must have an @-sign."
        " · 500 addresses"
    )
    assert "\n" not in to.message.text()
    assert len(to.addresses()) == 499
    qtbot.wait(50)  # let the layouts settle
    assert window.frameGeometry().height() <= screen.height()
    assert window.height() <= screen.height()
    assert to.message.height() < 3 * to.fontMetrics().height()
