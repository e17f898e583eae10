"""The Settings rows for Send Later: the send-due timer (opt-in) and the late-message limit.

"Send scheduled mail even when the window is closed" installs or removes the send-due timer
(``send_due_timer``: a systemd user timer, or an XDG autostart entry without systemd) on a
worker thread, as ``--install-send-due`` does, and says what it did. On macOS and Windows
the row says what the equivalent is (a launchd agent, a Task Scheduler task) and stays off:
the app does not install those yet. The limit is how late a scheduled message may be found
and still go by itself; later than that, the person is asked.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSpinBox, QWidget

from smtpeter_desktop import send_due_timer
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.settings import Settings

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.spell_settings import Save, heading

Runner = Callable[[Sequence[str]], int]


def how_it_works(platform: str = sys.platform) -> str:
    """What the timer is on this system, in one or two sentences."""
    if platform.startswith("linux"):
        return translate(
            "SendLaterRows",
            "Every minute a systemd user timer (or, without systemd, an entry that starts at "
            "login) runs “smtpeter-desktop outbox send-due”, which sends what is due and "
            "exits. Messages found later than the limit below wait for you.",
        )
    if platform == "darwin":
        return translate(
            "SendLaterRows",
            "On macOS this is a launchd agent in ~/Library/LaunchAgents that runs "
            "“smtpeter-desktop outbox send-due” every minute. SMTPeter Desktop does not "
            "install it yet: the README shows how.",
        )
    if platform.startswith("win"):
        return translate(
            "SendLaterRows",
            "On Windows this is a Task Scheduler task that runs “smtpeter-desktop outbox "
            "send-due” every minute. SMTPeter Desktop does not install it yet: the README "
            "shows how.",
        )
    return translate("SendLaterRows", "There is no send-due timer for this system.")


class SendLaterRows:
    """The timer check box with its explanation and status, and the late limit."""

    def __init__(
        self,
        prefs: Settings,
        save: Save,
        parent: QWidget,
        *,
        base: Path | None = None,
        run: Runner | None = None,
        platform: str = sys.platform,
    ) -> None:
        """``base`` (the config folder) and ``run`` (what runs ``systemctl``) are for tests."""
        self._prefs = prefs
        self._save = save
        self._parent = parent
        self._base = base
        self._run = run
        self._loading = 0
        self.supported = platform.startswith("linux")
        self.timer = QCheckBox(
            translate("SendLaterRows", "Send scheduled mail even when the window is closed"),
            parent,
        )
        self.timer.setEnabled(self.supported)
        self.timer_note = QLabel(how_it_works(platform), parent)
        self.timer_note.setWordWrap(True)
        self.timer_note.setMinimumWidth(440)
        self.timer_note.setMaximumWidth(520)
        lists.paint(self.timer_note, None)
        self.status = QLabel(parent)
        self.status.setWordWrap(True)
        self.status.setMaximumWidth(520)
        self.status.setAccessibleName(translate("SendLaterRows", "Send-due timer status"))
        self.status.setVisible(False)
        self.limit = QSpinBox(parent)
        self.limit.setRange(
            settings.LATE_SEND_LIMIT_HOURS.minimum or 0,
            settings.LATE_SEND_LIMIT_HOURS.maximum or 720,
        )
        self.limit.setSuffix(translate("SendLaterRows", " hours late"))
        self.limit.setSpecialValueText(translate("SendLaterRows", "Never: always send"))
        self.limit.setAccessibleName(
            translate("SendLaterRows", "Ask about scheduled messages found this late")
        )
        self.limit.setToolTip(
            translate(
                "SendLaterRows",
                "A scheduled message found more than this many hours after its time (the "
                "computer was off) is not sent by itself: you are asked. 0: always send it.",
            )
        )
        self.timer.toggled.connect(self._on_timer)
        self.limit.valueChanged.connect(self._on_limit)

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(heading(translate("SendLaterRows", "Send later"), self._parent))
        form.addRow("", self.timer)
        form.addRow("", self.timer_note)
        form.addRow("", self.status)
        form.addRow(translate("SendLaterRows", "As&k when more than:"), self.limit)

    def load(self) -> None:
        self._loading += 1
        try:
            self.timer.setChecked(send_due_timer.installed(self._base) is not None)
            self.limit.setValue(self._prefs.get(settings.LATE_SEND_LIMIT_HOURS))
        finally:
            self._loading -= 1

    def _on_limit(self, value: int) -> None:
        if not self._loading:
            self._save(settings.LATE_SEND_LIMIT_HOURS, int(value))

    def _on_timer(self, checked: bool) -> None:
        if self._loading or not self.supported:
            return
        from smtpeter_desktop.ui import tasks

        self.timer.setEnabled(False)
        self._say(
            translate("SendLaterRows", "Installing the timer…")
            if checked
            else translate("SendLaterRows", "Removing the timer…"),
            None,
        )
        base, run = self._base, self._run

        def change() -> str:
            if checked:
                done = (
                    send_due_timer.install(base=base)
                    if run is None
                    else send_due_timer.install(base=base, run=run)
                )
                return done.kind
            if run is None:
                send_due_timer.uninstall(base=base)
            else:
                send_due_timer.uninstall(base=base, run=run)
            return ""

        tasks.run_task(change, self._on_changed, self._on_failed, parent=self.timer)

    def _on_changed(self, kind: str) -> None:
        self.timer.setEnabled(True)
        if kind == "systemd":
            text = translate(
                "SendLaterRows",
                "Installed: a systemd user timer sends scheduled mail every minute while you "
                "are logged in, window or not.",
            )
        elif kind:
            text = translate(
                "SendLaterRows",
                "Installed: from your next login, scheduled mail is sent every minute, window "
                "or not (no systemd user manager here, so an autostart entry does it).",
            )
        else:
            text = translate(
                "SendLaterRows",
                "Removed: scheduled mail goes only while SMTPeter Desktop is open.",
            )
        self._say(text, lists.Tone.GOOD)

    def _on_failed(self, exc: BaseException) -> None:
        self.timer.setEnabled(True)
        self._loading += 1
        try:
            self.timer.setChecked(send_due_timer.installed(self._base) is not None)
        finally:
            self._loading -= 1
        if isinstance(exc, send_due_timer.TimerError):
            reason = str(exc)
        else:
            import logging

            logging.getLogger(__name__).error("The send-due timer failed", exc_info=exc)
            reason = translate("SendLaterRows", "The details are in the log.")
        self._say(
            translate("SendLaterRows", "The timer was not changed. {reason}").format(reason=reason),
            lists.Tone.BAD,
        )

    def _say(self, text: str, tone: lists.Tone | None) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        lists.paint(self.status, tone)
