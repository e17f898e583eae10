"""The window sending a 20 MB message, for the responsiveness and memory benchmarks.

The window runs offscreen in this process, as a person would use it: a draft in the compose
pane with a 20 MB attachment, Send, and the message built, queued and sent by the send
worker. The server is the standalone sandbox in a process of its own, as SMTPeter would be:
what is measured is the app's own work. (The built-in sandbox runs inside the app; with it,
the sandbox's parsing of the upload shares the interpreter. That case is measured too.)
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.profiles import Profile
from tests.helpers.standalone_sandbox import standalone_account

from smtpeter_desktop.ui.main_window import MainWindow

SIZE = 20 * 1024 * 1024


def wait(done: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish in time")
        QTimer.singleShot(5, loop.quit)
        loop.exec()


class Session:
    """A started window on a home of its own, ready to send 20 MB messages."""

    def __init__(self, home: Path, attachment: Path) -> None:
        self.app = QApplication.instance() or QApplication([])
        self.window = MainWindow(home)
        self.window.resize(1200, 800)
        self.window.show()
        self.window.start()
        wait(lambda: self.window.flow is not None)
        prefs = self.window.prefs
        prefs.set(settings.UNDO_SEND_SECONDS, 0)
        prefs.set(settings.CONFIRM_BEFORE_SEND, False)
        prefs.set(settings.WARN_SIZE_MB, 100)  # a 27 MB message, on purpose
        self.attachment = attachment
        self.results: list[Any] = []
        assert self.window.service is not None
        self.window.service.finished.connect(self.results.append)

    def account(self, url: str | None, ca_file: Path | None) -> Profile:
        """The REST account of the standalone sandbox, or the built-in Sandbox (``None``)."""
        context = self.window.context
        assert context is not None
        if url is None or ca_file is None:
            return next(p for p in context.profiles.load() if p.sandbox)
        return standalone_account(self.window, url, ca_file)

    def send(self, profile: Profile, *, attach: bool = True) -> float:
        """Write the message in the window and send it; seconds from Send to the outcome.

        ``attach=False`` sends it without the 20 MB file (to warm up: imports, connections)."""
        compose = self.window.compose
        assert compose is not None
        compose.set_draft(
            Draft(
                profile=profile.id,
                sender=profile.identities[0].display,
                to="bob@example.org",
                subject="Twenty megabytes",
                body="The file is attached." if attach else "Hello.",
                attachments=(Attachment(str(self.attachment)),) if attach else (),
            )
        )
        before = len(self.results)
        start = time.perf_counter()
        self.window.send()
        wait(lambda: len(self.results) > before)
        seconds = time.perf_counter() - start
        outcome = self.results[-1]
        assert str(outcome.result) == "sent", outcome
        return seconds

    def idle(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        wait(lambda: time.monotonic() > deadline)

    def close(self) -> None:
        self.window.close()
        self.window.shutdown()


@contextlib.contextmanager
def session() -> Iterator[tuple[Session, Path]]:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        os.environ["SMTPETER_DESKTOP_HOME"] = str(base / "home")
        attachment = base / "twenty.bin"
        attachment.write_bytes(os.urandom(SIZE))
        running = Session(base / "home", attachment)
        try:
            yield running, base
        finally:
            running.close()
