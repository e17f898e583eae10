"""Fixtures of the GUI tests: a compose pane with senders, real files to attach, no browser.

Qt runs offscreen (the top-level conftest sets ``QT_QPA_PLATFORM``). Nothing a test does may
start the system's browser: every URL the pane would open is caught by ``opened_urls``.
``qtbot`` is left unannotated in these tests: pytest-qt's methods carry no types, and strict
mypy refuses untyped calls from annotated code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import PySide6
from PySide6.QtCore import QObject, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QImage

from smtpeter_desktop.compose.options import SmtpeterOptions

from smtpeter_desktop.ui.compose_pane import ComposePane, SenderChoice

SENDERS = [
    SenderChoice("sandbox", "Sandbox", "smtp", True, "Ann Lee", "ann@example.com"),
    SenderChoice("work", "Work", "rest", False, "Ann Lee", "ann@work.example", "help@work.example"),
    SenderChoice("work", "Work", "rest", False, "Sales", "sales@work.example"),
    SenderChoice("home", "Home", "smtp", False, "Ann", "ann@home.example"),
]
DEFAULTS = {
    "sandbox": SmtpeterOptions(),
    "work": SmtpeterOptions(track_opens=False, tags=("work",)),
    "home": SmtpeterOptions(track_clicks=False, dsn_notify=()),
}


def _drops_none_references() -> bool:
    """Whether PySide6 takes a reference to None away on each call that returns nothing.

    PySide6 6.12.0 does (it counts on Python 3.12's immortal None); on Python 3.11 None's
    count then reaches zero after some thousands of calls and the interpreter aborts.
    """
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(1000):
        timer.stop()
    return sys.getrefcount(None) - before < -500


@pytest.fixture(scope="session", autouse=True)
def _pyside_keeps_none_alive() -> None:
    if sys.version_info < (3, 12) and _drops_none_references():
        pytest.fail(
            f"PySide6 {PySide6.__version__} drops a reference to None on every call that "
            "returns nothing; on Python 3.11 that ends in 'Fatal Python error: none_dealloc'. "
            "Install a PySide6-Essentials without this bug (6.11.3 is fine).",
            pytrace=False,
        )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform has no window manager to pass size hints to, nor can it raise a
    popup or let it grab the keyboard; it warns each time. Those warnings say nothing about
    the pane, so they do not fail a test (every other Qt warning still does)."""
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).parent == here:
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


class _UrlCatcher(QObject):
    """Stands in for the system's URL handlers: no browser can run in a test."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture(autouse=True)
def opened_urls() -> Iterator[list[QUrl]]:
    catcher = _UrlCatcher()
    schemes = ("file", "http", "https", "mailto")
    for scheme in schemes:
        # PySide6 6.12 takes the slot name as str, against its own signature (bytes).
        QDesktopServices.setUrlHandler(scheme, catcher, "open")  # type: ignore[arg-type]
    yield catcher.urls
    for scheme in schemes:
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    paths = {
        "png": folder / "logo.png",
        "pdf": folder / "Rapport été.pdf",
        "txt": folder / "notes.txt",
    }
    image = QImage(2, 2, QImage.Format.Format_RGB32)
    image.fill(0x3366CC)
    assert image.save(str(paths["png"]))
    paths["pdf"].write_bytes(b"%PDF-1.4\n" + b"0" * 2048)
    paths["txt"].write_text("notes\n", encoding="utf-8")
    return paths


@pytest.fixture
def pane(qtbot) -> Iterator[ComposePane]:
    widget = ComposePane()
    qtbot.addWidget(widget)
    widget.set_senders(SENDERS, DEFAULTS)
    widget.resize(1200, 800)
    yield widget
    widget.shutdown()
