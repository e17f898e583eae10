"""A connection test as it runs: each stage with ✓ or ✗, its time and what it found.

``run_check`` is the test itself (Qt-free, for a worker thread): the profile's transport, its
``check()`` stage by stage, then closed. ``CheckView`` shows the stages as they arrive and,
when one fails, what went wrong in words, what to do, and the server's own reply.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.delivery.connections import open_transport
from smtpeter_desktop.delivery.local_sandbox import LocalSandbox
from smtpeter_desktop.storage.profiles import Profile
from smtpeter_desktop.transport.base import CheckReport, CheckStage

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.lists import Tone

STAGE_NAMES = {
    "resolve": "Find the server",
    "connect": "Connect",
    "tls": "Secure connection (TLS)",
    "greeting": "Server greeting",
    "ehlo": "Introduce ourselves",
    "starttls": "Secure connection (STARTTLS)",
    "ehlo-tls": "Introduce ourselves again",
    "auth": "Log in",
    "quit": "Say goodbye",
    "https": "Reach the API",
    "token": "API token",
    "domains": "Sender domains",
}


def stage_name(name: str) -> str:
    """A check stage as a person reads it."""
    return STAGE_NAMES.get(name, name.capitalize())


def run_check(
    profile: Profile, secret: str, sandbox: LocalSandbox, on_stage: Callable[[CheckStage], None]
) -> CheckReport:
    """Test ``profile``'s connection with ``secret``; each stage goes to ``on_stage`` at once.

    Blocks on the network: call it from a worker. Raises the transport's ``SendError`` for
    settings that cannot work, and the sandbox's errors when it cannot start.
    """
    transport = open_transport(profile, secret, sandbox)
    try:
        return transport.check(on_stage)
    finally:
        transport.close()


class CheckView(QWidget):
    """The stages of a connection test, and its verdict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Connection test")
        self.title = lists.heading("", self)
        self.stages = QTreeWidget(self)
        self.stages.setAccessibleName("Connection test stages")
        self.stages.setColumnCount(3)
        self.stages.setHeaderHidden(True)
        self.stages.setRootIsDecorated(False)
        self.stages.setUniformRowHeights(True)
        self.stages.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.stages.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stages.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.stages.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setAccessibleName("Connection test result")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.stages)
        layout.addWidget(self.verdict)
        self.clear()

    def clear(self) -> None:
        """Show nothing (no test has run)."""
        self.stages.clear()
        self.title.setText("")
        self.verdict.setText("")
        self.setVisible(False)

    def start(self, title: str) -> None:
        """A test begins: forget the last one."""
        self.stages.clear()
        self.title.setText(title)
        self.stages.setVisible(False)
        self._say("Testing…", None)
        self.setVisible(True)

    def add_stage(self, stage: CheckStage) -> None:
        """One stage completed (or failed): a row of its own."""
        mark = "✓" if stage.ok else "✗"
        detail = stage.detail if stage.ok or stage.error is None else stage.error.message
        item = QTreeWidgetItem(
            [f"{mark}  {stage_name(stage.name)}", f"{stage.seconds * 1000:.0f} ms", detail]
        )
        palette = self.palette()
        item.setForeground(
            0, QBrush(lists.tone_color(palette, Tone.GOOD if stage.ok else Tone.BAD))
        )
        item.setForeground(1, QBrush(lists.tone_color(palette, Tone.NEUTRAL)))
        item.setToolTip(2, detail)
        item.setData(
            0,
            Qt.ItemDataRole.AccessibleTextRole,
            f"{stage_name(stage.name)}: {'passed' if stage.ok else 'failed'}",
        )
        self.stages.addTopLevelItem(item)
        self.stages.setVisible(True)
        self._fit()

    def finish(self, report: CheckReport) -> None:
        """The test ended: all passed, or the failing stage's error in words."""
        failed = next((stage for stage in report.stages if not stage.ok), None)
        if failed is None and report.ok:
            self._say("Every step worked: this account can send.", Tone.GOOD)
            return
        if failed is None or failed.error is None:
            self._say("The test stopped before it could finish.", Tone.BAD)
            return
        error = failed.error
        text = f"“{stage_name(failed.name)}” failed. " + lists.reason_text(
            error.message, error.hint
        )
        if error.server_reply and not lists.quotes(error.message, error.server_reply):
            text += f"\nThe server said: {error.server_reply}"
        self._say(text, Tone.BAD)

    def fail(self, text: str) -> None:
        """The test could not run at all (no password, a setting that cannot work)."""
        self.setVisible(True)
        self._say(text, Tone.BAD)

    def passed(self) -> list[tuple[str, bool]]:
        """(stage name as shown, passed) of every row, for tests and accessibility checks."""
        rows = []
        for index in range(self.stages.topLevelItemCount()):
            item = self.stages.topLevelItem(index)
            if item is not None:
                rows.append((item.text(0)[3:], item.text(0).startswith("✓")))
        return rows

    def _say(self, text: str, tone: Tone | None) -> None:
        self.verdict.setText(text)
        lists.paint(self.verdict, tone)

    def _fit(self) -> None:
        # As tall as its rows: the dialog scrolls, not this list.
        rows = self.stages.topLevelItemCount()
        height = self.stages.sizeHintForRow(0) * rows if rows else 0
        frame = 2 * self.stages.frameWidth()
        self.stages.setFixedHeight(height + frame + 2)
