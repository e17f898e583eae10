"""Address completion offers who was written to, and forgets an address when asked.

Real parts: the main window on the test's home, a message really sent through the sandbox.
"""

from __future__ import annotations

from typing import Any

from smtpeter_desktop.storage import settings
from tests.helpers.accounts import draft_for, sandbox_profile
from tests.ui.shell_helpers import Windows, shown_messages, windows

__all__ = ["shown_messages", "windows"]


def test_sent_recipients_are_offered_and_can_be_forgotten(windows: Windows, qtbot: Any) -> None:
    window = windows()
    postman = window.postman
    queued = postman.queue(draft_for(sandbox_profile(window.context), to="Bob <bob@example.org>"))
    postman.send(queued.id)
    window.address_book.reload()
    to = window.compose.to
    qtbot.waitUntil(lambda: "Bob <bob@example.org>" in to.known_addresses(), timeout=5000)
    assert to.known_addresses()[0] == "Bob <bob@example.org>", "most used first"
    assert "Bob <bob@example.org>" in window.compose.cc.known_addresses()

    to.setFocus()
    qtbot.keyClicks(to, "bo")
    qtbot.waitUntil(to.completer_popup_visible, timeout=2000)
    popup = to._completer.popup()
    row = popup.visualRect(popup.model().index(0, 0)).center()
    popup.customContextMenuRequested.emit(row)
    menu = to.forget_menu
    assert menu is not None
    [forget] = menu.actions()
    assert forget.text() == "Forget “Bob <bob@example.org>”"
    forget.trigger()
    assert "Bob <bob@example.org>" not in to.known_addresses()
    assert not any("bob@" in k for k in window.compose.cc.known_addresses())
    assert "bob@example.org" in window.prefs.get(settings.FORGOTTEN_ADDRESSES)

    again = windows.restart(window)
    qtbot.waitUntil(lambda: not again.address_book.loading, timeout=5000)
    assert not any("bob@" in k for k in again.compose.to.known_addresses())
