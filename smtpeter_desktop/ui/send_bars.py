"""The bars a send shows while it is on its way: preparing, the undo countdown, the upload.

    Preparing “Subject” (2.1 MB)… [busy] [Cancel]
    Sending “Subject” in 5 s… [Undo] [Send Now]
    Sending “Subject”… 40% (2 MB of 5 MB) [progress] [Cancel]

Only widgets and their words; what the buttons do is the send flow's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.delivery.wording import quoted
from smtpeter_desktop.i18n import translate

from smtpeter_desktop.ui import lists
from smtpeter_desktop.ui.messages import Level, MessageBar


class UndoBar(MessageBar):
    """ "Sending “Subject” in 5 s… [Undo] [Send Now]", counting down once a second.

    Signals:
        expired(): the time is up (or Send Now was clicked): send it.
        undone(): Undo was clicked: take it back.
    """

    expired = Signal()
    undone = Signal()

    def __init__(self, subject: str, seconds: int, parent: QWidget | None = None) -> None:
        super().__init__(Level.INFO, "", parent, closable=False)
        self.subject = subject
        self.left = seconds
        self.add_action(translate("UndoBar", "&Undo"), self.undone.emit, primary=True).setToolTip(
            translate("UndoBar", "Take the message back into the compose pane; nothing is sent")
        )
        self.add_action(lists.SEND_NOW, self.expire).setToolTip(
            translate("UndoBar", "Send it without waiting")
        )
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._count)
        self._tick.start()
        self._show()

    def expire(self) -> None:
        self._tick.stop()
        self.expired.emit()

    def stop(self) -> None:
        self._tick.stop()

    def _count(self) -> None:
        self.left -= 1
        if self.left <= 0:
            self.expire()
        else:
            self._show()

    def _show(self) -> None:
        self.set_text(
            translate("UndoBar", "Sending {what} in {seconds} s…").format(
                what=quoted(self.subject), seconds=self.left
            )
        )


class PreparingBar(MessageBar):
    """ "Preparing “Subject” (2.1 MB)…" with a busy bar and Cancel, while it is built."""

    def __init__(self, subject: str, size: int, on_cancel: Callable[[], None]) -> None:
        text = translate("PreparingBar", "Preparing {what} ({size})…").format(
            what=quoted(subject), size=human_size(size)
        )
        super().__init__(Level.INFO, text, closable=False)
        busy = QProgressBar(self)
        busy.setRange(0, 0)
        busy.setMaximumWidth(160)
        busy.setAccessibleName(translate("PreparingBar", "Preparing the message"))
        self.add_widget(busy)
        self.cancel = self.add_action(translate("PreparingBar", "&Cancel"), on_cancel)
        self.cancel.setAccessibleName(translate("PreparingBar", "Cancel sending"))
        self.cancel.setToolTip(
            translate("PreparingBar", "Stop: the message is not sent and stays a draft")
        )

    def stopping(self) -> None:
        """Cancel was clicked: it is being stopped."""
        self.set_text(translate("PreparingBar", "Stopping…"))
        self.cancel.setEnabled(False)


class ProgressBar(MessageBar):
    """ "Sending “Subject”… 40% (2 MB of 5 MB)" with a progress bar and Cancel."""

    def __init__(self, subject: str, on_cancel: Callable[[], None]) -> None:
        text = translate("ProgressBar", "Sending {what}…").format(what=quoted(subject))
        super().__init__(Level.INFO, text, closable=False)
        self.subject = subject
        self.key = "progress"
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(200)
        self.progress.setAccessibleName(translate("ProgressBar", "Sending progress"))
        self.progress.setTextVisible(False)  # the bar's text says the percentage
        self.add_widget(self.progress)
        self.cancel: QPushButton = self.add_action(translate("ProgressBar", "&Cancel"), on_cancel)
        self.cancel.setAccessibleName(translate("ProgressBar", "Cancel sending"))
        self.cancel.setToolTip(
            translate("ProgressBar", "Stop sending; the message stays in the Outbox")
        )

    def show_progress(self, done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        self.progress.setValue(percent)
        if done >= total:
            # Every byte is out: stopping now could only leave the outcome unknown, so the
            # transport waits for the server's answer, and so does the window.
            self.set_text(
                translate("ProgressBar", "Sent {what}; waiting for the server's answer…").format(
                    what=quoted(self.subject)
                )
            )
            self.cancel.setEnabled(False)
        else:
            self.set_text(
                translate("ProgressBar", "Sending {what}… {percent}% ({done} of {total})").format(
                    what=quoted(self.subject),
                    percent=percent,
                    done=human_size(done),
                    total=human_size(total),
                )
            )


@dataclasses.dataclass
class Sending:
    """What the window knows of a message on its way: for the bars' words."""

    id: int
    subject: str
    recipients: str
    bar: ProgressBar | None = None
    timer: QTimer | None = None
