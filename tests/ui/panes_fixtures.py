"""Fixtures of the outbox, sent and accounts pane tests: the real app stores in the test's home,
accounts on real sandboxes, the real keyring, and no thread left behind.

Import what a test module needs::

    from tests.ui.panes_fixtures import *  # noqa: F403
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from smtpeter_desktop.storage.profiles import Profile
from tests.helpers.accounts import (
    PASSWORD,
    TOKEN,
    USER,
    Clock,
    clock,
    context,
    draft_for,
    make_sandbox,
    postman,
    rest_account,
    sandbox,
    smtp_account,
)

from smtpeter_desktop.ui import tasks

__all__ = [
    "PASSWORD",
    "TOKEN",
    "USER",
    "Clock",
    "click_in_box",
    "clock",
    "context",
    "draft_for",
    "make_sandbox",
    "no_task_left",
    "postman",
    "rest_account",
    "sandbox",
    "sandbox_profile",
    "smtp_account",
]


@pytest.fixture(autouse=True)
def no_task_left(qapp) -> Iterator[None]:
    """Every keyring read or connection test a pane started has ended when the test does."""
    yield
    assert tasks.wait_for_all(10_000), "a background task is still running"


def sandbox_profile(profiles: list[Profile]) -> Profile:
    (found,) = [p for p in profiles if p.sandbox]
    return found


def open_box(parent: QWidget) -> QMessageBox:
    """The confirmation the pane opened (they are window-modal, and do not block)."""
    box = parent.findChild(QMessageBox, "confirmation")
    assert box is not None and box.isVisible(), "no confirmation was asked"
    return box


def click_in_box(qtbot, parent: QWidget, text: str) -> str:
    """Click the button called ``text`` in the open confirmation; return the question."""
    box = open_box(parent)
    question = f"{box.text()} {box.informativeText()}"
    buttons: list[QAbstractButton] = [b for b in box.buttons() if b.text() == text]
    assert buttons, f"no {text!r} in {[b.text() for b in box.buttons()]}"
    buttons[0].click()
    qtbot.waitUntil(lambda: parent.findChild(QMessageBox, "confirmation") is None, timeout=3000)
    return question
