"""Send Later: the dialog that picks when a message goes, and the question about late ones.

``SendLaterDialog`` offers a date and time in the person's own time zone and three quick
picks (in 1 hour, tomorrow 08:00, Monday 08:00, from ``compose.schedule.quick_picks``); a time
that has passed, or one more than a year ahead, is refused with a sentence under the field.
The Outbox uses the same dialog to change a waiting message's time.

``LateMessages`` asks about scheduled messages found long after their time (the computer was
off or asleep, the window closed): past the person's limit (``late_send_limit_hours``) they
are not sent by themselves; a banner offers Send Now or a look in the Outbox.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose import schedule
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui.address_field import message_label

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.postman import Postman
    from smtpeter_desktop.storage.settings import Settings

log = logging.getLogger(__name__)

Clock = Callable[[], float]
LATE_LOOK_MS = 60_000
"""How often the window looks for late messages (after a suspend, say)."""


def _pick_label(label: str) -> str:
    # quick_picks gives its labels in English; these are the window's words for them.
    return {
        "In 1 hour": translate("SendLaterDialog", "In 1 &Hour"),
        "Tomorrow 08:00": translate("SendLaterDialog", "&Tomorrow 08:00"),
        "Monday 08:00": translate("SendLaterDialog", "&Monday 08:00"),
    }.get(label, label)


def moment_text(timestamp: float, now: float | None = None) -> str:
    """A time as the person reads it, in their time zone, with day and month names in their
    language: "Fri 4 Dec 08:00" (with the year when it is not this year's)."""
    from PySide6.QtCore import QLocale

    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    this_year = QDateTime.fromSecsSinceEpoch(int(now if now is not None else time.time()))
    same_year = moment.date().year() == this_year.date().year()
    return QLocale().toString(moment, "ddd d MMM HH:mm" if same_year else "ddd d MMM yyyy HH:mm")


def long_moment_text(timestamp: float) -> str:
    """A time with its weekday, as the person's locale writes it: "Thursday 3 December 2026
    08:00"."""
    from PySide6.QtCore import QLocale

    moment = QDateTime.fromSecsSinceEpoch(int(timestamp))
    return QLocale().toString(moment, "dddd d MMMM yyyy, HH:mm")


def refusal(timestamp: float, now: float) -> str:
    """Why ``timestamp`` cannot be the time a message goes; empty when it can."""
    if timestamp <= now:
        return translate(
            "SendLaterDialog",
            "{moment} has already passed. Choose a later time, or send the message now.",
        ).format(moment=moment_text(timestamp))
    if timestamp - now > schedule.MAX_AHEAD.total_seconds():
        return translate(
            "SendLaterDialog", "{moment} is more than a year ahead. Check the year."
        ).format(moment=moment_text(timestamp))
    return ""


def tell_scheduled(subject: str, at: float, show_outbox: Callable[[], None]) -> None:
    """The banner after Send Later: when it goes, and where it waits."""
    from smtpeter_desktop.ui import messages

    shown = subject.strip() or translate("SendLaterDialog", "(no subject)")
    messages.success(
        translate("SendLaterDialog", "Scheduled: “{subject}” goes {moment}.").format(
            subject=shown, moment=moment_text(at)
        ),
        translate("SendLaterDialog", "It waits in the Outbox until then."),
        actions=[messages.Action(translate("SendLaterDialog", "Open &Outbox"), show_outbox)],
        key="scheduled",
        timeout=12,
    )


class SendLaterDialog(QDialog):
    """When should the message go? A date and time, quick picks, and Schedule or Cancel.

    ``chosen()`` is the time picked (seconds since the epoch, UTC) once accepted.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        at: float | None = None,
        clock: Clock = time.time,
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.setWindowTitle(title or translate("SendLaterDialog", "Send Later"))
        self.setAccessibleName(translate("SendLaterDialog", "Send later"))
        now = clock()
        picks = schedule.quick_picks(datetime.fromtimestamp(now, UTC))
        intro = QLabel(
            translate("SendLaterDialog", "When should the message go? In your own time zone."),
            self,
        )
        intro.setWordWrap(True)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd  HH:mm")
        self.when.setAccessibleName(translate("SendLaterDialog", "Date and time"))
        start = at if at is not None else picks[0][1]
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(start)))
        self.when.dateTimeChanged.connect(self._check)
        self.picks: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(6)
        for label, moment in picks:
            button = QPushButton(_pick_label(label), self)
            button.setAutoDefault(False)
            button.setToolTip(moment_text(moment))
            button.clicked.connect(lambda _=False, m=moment: self.set_time(m))
            row.addWidget(button)
            self.picks[label] = button
        row.addStretch(1)
        self.problem = message_label(self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(translate("SendLaterDialog", "When it goes"))
        self.note = QLabel(
            translate(
                "SendLaterDialog",
                "It waits in the Outbox until then, where you can change the time or take it "
                "back. It goes while SMTPeter Desktop is open, or by the send-due timer "
                "(Settings) when it is closed.",
            ),
            self,
        )
        self.note.setWordWrap(True)
        from smtpeter_desktop.ui import lists

        lists.paint(self.note, None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.schedule_button = self.buttons.addButton(
            translate("SendLaterDialog", "&Schedule"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.schedule_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.when)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self._check()

    def set_time(self, timestamp: float) -> None:
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(timestamp)))

    def chosen(self) -> float:
        """The time picked, as seconds since the epoch."""
        return float(self.when.dateTime().toSecsSinceEpoch())

    def _check(self, *_: object) -> bool:
        text = refusal(self.chosen(), self._clock())
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.summary.setText(
            translate("SendLaterDialog", "It goes on {moment}.").format(
                moment=long_moment_text(self.chosen())
            )
        )
        self.summary.setVisible(not text)
        return not text

    def accept(self) -> None:
        # Checked again on Schedule: a dialog left open can see its time pass.
        if self._check():
            super().accept()


class LateMessages(QObject):
    """Scheduled messages found past the person's limit: a banner asks what to do.

    Signals:
        send_now(): the person chose Send Now; the messages are due at once.
        show_outbox(): the person wants to look at them in the Outbox.
    """

    send_now = Signal()
    show_outbox = Signal()

    def __init__(self, postman: Postman, prefs: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._postman = postman
        self._prefs = prefs
        self._asked: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(LATE_LOOK_MS)
        self.timer.timeout.connect(self.look)

    def limit_seconds(self) -> float | None:
        """How late a message may be and still go by itself; None: any (limit 0)."""
        from smtpeter_desktop.storage import settings

        hours = self._prefs.get(settings.LATE_SEND_LIMIT_HOURS)
        return hours * 3600.0 if hours > 0 else None

    def late(self) -> list[int]:
        from smtpeter_desktop.storage.errors import StorageError

        limit = self.limit_seconds()
        if limit is None:
            return []
        try:
            return self._postman.late(limit)
        except StorageError as exc:
            log.warning("Looking for late messages failed: %s", exc)
            return []

    def start(self) -> list[int]:
        self.timer.start()
        return self.look()

    def look(self) -> list[int]:
        """Ask about late messages not asked about yet; the late ones."""
        from smtpeter_desktop.ui import messages

        late = self.late()
        if not late or set(late) <= self._asked:
            if not late:
                messages.withdraw("late-scheduled")
            return late
        self._asked |= set(late)
        count = len(late)
        text = (
            translate(
                "LateMessages",
                "A scheduled message was not sent at its time: SMTPeter Desktop was not "
                "running then.",
            )
            if count == 1
            else translate(
                "LateMessages",
                "%n scheduled messages were not sent at their time: SMTPeter Desktop was not "
                "running then.",
                n=count,
            )
        )
        messages.warning(
            text,
            translate(
                "LateMessages",
                "They are not sent so late by themselves. Send them now, or open the Outbox "
                "to change the time or take them back.",
            ),
            actions=[
                messages.Action(
                    translate("LateMessages", "Send &Now"), self.send_all_now, primary=True
                ),
                messages.Action(translate("LateMessages", "Open &Outbox"), self.show_outbox.emit),
            ],
            key="late-scheduled",
        )
        return late

    def send_all_now(self) -> None:
        """Every late message is due now (and the window sends it)."""
        from smtpeter_desktop.storage.errors import StorageError

        for id in self.late():
            try:
                self._postman.reschedule(id, None)
            except StorageError as exc:
                log.info("Late message %d was not made due: %s", id, exc)
        self.send_now.emit()
