"""Fixtures of the window-shell tests: the app's stores in the test's home, accounts on real
sandboxes, and a way to answer the window's dialogs.

Import the fixtures a module uses::

    from tests.ui.shell_helpers import context, smtp_account  # noqa: F401
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget

from tests.helpers.accounts import (
    PASSWORD,
    TOKEN,
    USER,
    add_rest_account,
    add_smtp_account,
    context,
    draft_for,
    rest_account,
    sandbox_profile,
    smtp_account,
)
from tests.sandbox_fixture import make_sandbox, sandbox
from tests.ui.message_fixture import shown_messages

__all__ = [
    "PASSWORD",
    "TOKEN",
    "USER",
    "SilentServer",
    "add_rest_account",
    "add_smtp_account",
    "context",
    "draft_for",
    "make_sandbox",
    "rest_account",
    "sandbox",
    "sandbox_profile",
    "shown_messages",
    "smtp_account",
    "windows",
]

SEND_MB = 20
"""The size of the big message of the responsiveness tests, in MiB."""


@pytest.fixture
def windows(qtbot: Any, isolated_home: Path, shown_messages: Any) -> Iterator[Windows]:
    """Make started main windows with ``windows()``; each is shut down after the test."""
    made = Windows(qtbot, isolated_home)
    yield made
    made.close_all()


def big_file(folder: Path, size: int, name: str = "big.bin") -> Path:
    """A file of ``size`` bytes that does not compress (so nothing is cheaper than real)."""
    path = folder / name
    block = bytes(range(256)) * 4096  # 1 MiB
    with path.open("wb") as out:
        left = size
        while left:
            left -= out.write(block[: min(left, len(block))])
    return path


def open_dialog(kind: type[QDialog] = QDialog) -> QDialog | None:
    """The dialog of ``kind`` shown now (window-modal dialogs are opened with ``open()``);
    a question asked from another dialog is found over that dialog."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


D = TypeVar("D", bound=QDialog)


def wait_dialog(qtbot: Any, kind: type[D] = QDialog) -> D:  # type: ignore[assignment]
    """The dialog of ``kind`` shown now, waited for."""
    found: list[D] = []

    def shown() -> None:
        dialog = open_dialog(kind)
        assert isinstance(dialog, kind)
        found.append(dialog)

    qtbot.waitUntil(shown, timeout=5000)
    return found[-1]


def button(widget: QWidget, text: str) -> QPushButton:
    """The push button in ``widget`` whose text (without &) is ``text``."""
    for candidate in widget.findChildren(QPushButton):
        if candidate.text().replace("&", "") == text and candidate.isVisible():
            return candidate
    names = [b.text() for b in widget.findChildren(QPushButton) if b.isVisible()]
    raise AssertionError(f"no button {text!r} in {names}")


def answer(qtbot: Any, text: str) -> str:
    """Click ``text`` in the message box shown now; returns the box's text."""
    dialog = wait_dialog(qtbot, QMessageBox)
    assert isinstance(dialog, QMessageBox)
    said = f"{dialog.text()}\n{dialog.informativeText()}"
    button(dialog, text).click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    return said


class Windows:
    """Makes main windows on the test's home, started as the app starts them; closes them all.

    Each is shown, started (``MainWindow.start``) and, after the test, shut down: its send
    thread, preview thread and mailbox connections end with the test.
    """

    def __init__(self, qtbot: Any, home: Path) -> None:
        self.qtbot = qtbot
        self.home = home
        self.made: list[Any] = []

    def __call__(self, *, start: bool = True) -> Any:
        from smtpeter_desktop.ui.main_window import MainWindow

        window = MainWindow(self.home)
        self.qtbot.addWidget(window)
        self.made.append(window)
        window.show()
        self.qtbot.waitExposed(window)
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        if start:
            with self.qtbot.waitSignal(window.ready, timeout=20_000):
                window.start()
        return window

    def restart(self, window: Any) -> Any:
        """Close ``window`` as the person would, then open a new one on the same home."""
        window.close()
        assert not window.isVisible()
        return self()

    def close_all(self) -> None:
        for window in self.made:
            flow = window.flow
            if flow is not None and flow.has_work():
                flow.stop_all()
                self.qtbot.waitUntil(lambda f=flow: not f.has_work(), timeout=20_000)
            window.shutdown()


class SilentServer:
    """A loopback server that accepts connections and never says a word (no greeting)."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        for connection in self.connections:
            connection.close()
        self.listener.close()


def add_silent_account(context: Any, server: SilentServer, seconds: float = 3) -> Any:
    """An SMTP account on ``server``, its timeouts all ``seconds`` (so a send the cancel
    cannot unblock still ends, and the test with it)."""
    from smtpeter_desktop.storage.profiles import Identity, Profile, Timeouts

    profile = context.profiles.add(
        Profile.create(
            "Silent",
            "smtp",
            host="127.0.0.1",
            port=server.port,
            username=USER,
            identities=(Identity("Ann Lee", USER),),
            timeouts=Timeouts(connect=seconds, command=seconds, data=seconds),
        )
    )
    context.secrets.set(profile.id, PASSWORD)
    return profile
