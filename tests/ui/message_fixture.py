"""A fixture that catches every message the UI shows, and asserts there was exactly one.

Modelled on qutebrowser's ``tests/helpers/messagemock.py``. Use it from a test module::

    from tests.ui.message_fixture import shown_messages  # noqa: F401

    def test_x(shown_messages):
        ...
        message = shown_messages.getmsg(Level.ERROR)   # fails unless exactly one was shown

Each test gets a fresh bridge, so nothing from another test (or a window of another test)
reaches it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from smtpeter_desktop.ui import messages
from smtpeter_desktop.ui.messages import Level, Message, MessageBridge


class ShownMessages:
    """The messages shown during a test, in order."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def record(self, message: Message) -> None:
        self.messages.append(message)

    def getmsg(self, level: Level | None = None) -> Message:
        """The one message shown (of ``level``); fails when there were none or several."""
        found = [m for m in self.messages if level is None or m.level is level]
        assert len(found) == 1, f"expected exactly one message, got {self.texts()}"
        return found[0]

    def texts(self) -> list[str]:
        return [f"{m.level.value}: {m.full_text}" for m in self.messages]

    def clear(self) -> None:
        self.messages.clear()


@pytest.fixture
def shown_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[ShownMessages]:
    shown = ShownMessages()
    fresh = MessageBridge()
    fresh.listen(shown.record)
    monkeypatch.setattr(messages, "bridge", fresh)
    yield shown
