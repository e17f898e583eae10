"""A connection test as it runs: each stage with ✓ or ✗, its time and what it found.

``ConnectionTest`` is the one controller the account dialog and the Accounts pane share: it
runs ``delivery.checking.check_profile`` on a worker with the typed or stored secret and
words every way it can end. ``CheckView`` shows the stages as they arrive and, when one
fails, what went wrong in words, what to do, and the server's own reply.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
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

from smtpeter_desktop.delivery import wording
from smtpeter_desktop.delivery.checking import check_profile
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.names import CheckReport, CheckStage, SendError
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import KeyringUnavailable, StorageError
from smtpeter_desktop.storage.profiles import Profile

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.lists import Tone
from smtpeter_desktop.ui.tasks import Task, run_task_with_progress

log = logging.getLogger(__name__)


def stage_name(name: str) -> str:
    """A check stage as a person reads it, in the user's language."""
    # Built on each call, not at import: the language is only known once the app runs.
    names = {
        "resolve": translate("check_view", "Find the server"),
        "connect": translate("check_view", "Connect"),
        "tls": translate("check_view", "Secure connection (TLS)"),
        "greeting": translate("check_view", "Server greeting"),
        "ehlo": translate("check_view", "Introduce ourselves"),
        "starttls": translate("check_view", "Secure connection (STARTTLS)"),
        "ehlo-tls": translate("check_view", "Introduce ourselves again"),
        "auth": translate("check_view", "Log in"),
        "quit": translate("check_view", "Say goodbye"),
        "https": translate("check_view", "Reach the API"),
        "token": translate("check_view", "API token"),
        "domains": translate("check_view", "Sender domains"),
    }
    return names.get(name, name.capitalize())


class CheckView(QWidget):
    """The stages of a connection test, and its verdict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("CheckView", "Connection test"))
        self.title = lists.heading("", self)
        # A long server name must wrap, not widen the dialog past its window (which then
        # scrolls sideways and cuts every field's label off).
        self.title.setWordWrap(True)
        self.stages = QTreeWidget(self)
        self.stages.setAccessibleName(translate("CheckView", "Connection test stages"))
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
        self.verdict.setAccessibleName(translate("CheckView", "Connection test result"))
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
        self._say(translate("CheckView", "Testing…"), None)
        self.setVisible(True)

    def add_stage(self, stage: CheckStage) -> None:
        """One stage completed (or failed): a row of its own."""
        mark = "✓" if stage.ok else "✗"
        detail = stage.detail if stage.ok or stage.error is None else stage.error.message
        item = QTreeWidgetItem(
            [
                f"{mark}  {stage_name(stage.name)}",
                translate("CheckView", "{milliseconds} ms").format(
                    milliseconds=f"{stage.seconds * 1000:.0f}"
                ),
                detail,
            ]
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
            (
                translate("CheckView", "{stage}: passed")
                if stage.ok
                else translate("CheckView", "{stage}: failed")
            ).format(stage=stage_name(stage.name)),
        )
        self.stages.addTopLevelItem(item)
        self.stages.setVisible(True)
        self._fit()

    def finish(self, report: CheckReport) -> None:
        """The test ended: all passed, or the failing stage's error in words."""
        failed = next((stage for stage in report.stages if not stage.ok), None)
        if failed is None and report.ok:
            self._say(
                translate("CheckView", "Every step worked: this account can send."), Tone.GOOD
            )
            return
        if failed is None or failed.error is None:
            self._say(translate("CheckView", "The test stopped before it could finish."), Tone.BAD)
            return
        error = failed.error
        text = translate("CheckView", "“{stage}” failed. ").format(
            stage=stage_name(failed.name)
        ) + lists.reason_text(error.message, error.hint)
        if error.server_reply and not wording.quotes(error.message, error.server_reply):
            text += "\n" + translate("CheckView", "The server said: {reply}").format(
                reply=error.server_reply
            )
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


class _NoSecret(Exception):
    """Neither typed nor stored: the test cannot log in."""


class ConnectionTest(QObject):
    """Runs a profile's connection test on a worker and shows it in a ``CheckView``.

    Signals:
        stage_added(): a stage's row was added (the dialog scrolls it into view).
        no_secret(): no password or token was typed or stored; the view says so.
        ended(): the test is over, however it ended.
    """

    stage_added = Signal()
    no_secret = Signal()
    ended = Signal()

    def __init__(self, context: AppContext, view: CheckView, parent: QObject) -> None:
        super().__init__(parent)
        self._context = context
        self.view = view
        self._task: Task[CheckReport] | None = None
        self._profile: Profile | None = None
        self._no_secret_text = ""

    def running(self) -> bool:
        return self._task is not None and not self._task.done

    def start(self, profile: Profile, title: str, *, typed: str = "", no_secret: str = "") -> None:
        """Test ``profile`` with the ``typed`` secret, else the stored one; ``no_secret`` is
        what to say when there is neither."""
        if self.running():
            return
        secrets = self._context.secrets
        sandbox = self._context.sandbox
        self._profile = profile
        self._no_secret_text = no_secret

        def work(report: Callable[[CheckStage], None]) -> CheckReport:
            secret = typed
            if not secret and not profile.sandbox:
                secret = secrets.get(profile.id) or ""
                if not secret:
                    raise _NoSecret
            return check_profile(profile, secret, sandbox, report)

        self.view.start(title)
        self._task = run_task_with_progress(
            work, self._tested, self._failed, on_progress=self._stage, parent=self
        )

    def _stage(self, stage: CheckStage) -> None:
        self.view.add_stage(stage)
        self.stage_added.emit()

    def _tested(self, report: CheckReport) -> None:
        self.view.finish(report)
        self.ended.emit()

    def _failed(self, error: BaseException) -> None:
        self.view.fail(self.words_for(error))
        if isinstance(error, _NoSecret):
            self.no_secret.emit()
        self.ended.emit()

    def words_for(self, error: BaseException) -> str:
        """Why the test could not run, in words."""
        from smtpeter_desktop.sandbox import SandboxError

        profile = self._profile
        # Whole sentences per kind of secret: the words around it differ between languages.
        rest = profile is not None and profile.transport == "rest"
        if isinstance(error, _NoSecret):
            if self._no_secret_text:
                return self._no_secret_text
            if rest:
                return translate("ConnectionTest", "No API token is stored for this account.")
            return translate("ConnectionTest", "No password is stored for this account.")
        if isinstance(error, KeyringUnavailable):
            if rest:
                text = translate(
                    "ConnectionTest", "The API token could not be read from the keyring: {reason}"
                )
            else:
                text = translate(
                    "ConnectionTest", "The password could not be read from the keyring: {reason}"
                )
            return text.format(reason=error)
        if isinstance(error, SendError | StorageError):
            return str(error)
        if isinstance(error, SandboxError):
            return translate(
                "ConnectionTest", "The built-in test server could not start: {reason}"
            ).format(reason=error)
        log.error("The connection test failed", exc_info=error)
        return translate(
            "ConnectionTest",
            "The test stopped because of an internal problem; the details are in the log.",
        )
