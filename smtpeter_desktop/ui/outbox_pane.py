"""The outbox: messages that have not gone out yet, why, and what the person can do about each.

A list (state badge, recipients, subject, when it goes, time) over a details area for the
selected message:
the reason in words, the server's own reply, and only the actions its state allows. A message
scheduled for later (Send Later) shows its time; it can be moved (Change Time…), sent now, or
taken back to the drafts. Every action is a quick change of state in the pane's own mailbox
connection; sending itself is the shell's send worker, asked for with ``send_requested``.
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.delivery import wording
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.names import MailboxBusy, MailboxError, State, Summary
from smtpeter_desktop.delivery.outcomes import ErrorInfo
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.lists import ID_ROLE, TONE_ROLE, Tone
from smtpeter_desktop.ui.merge_groups import MergeGroups, entry_text, find, message_id
from smtpeter_desktop.ui.outbox_states import OUTBOX_STATES as OUTBOX_STATES
from smtpeter_desktop.ui.outbox_states import Badge as Badge
from smtpeter_desktop.ui.outbox_states import badge as badge
from smtpeter_desktop.ui.outbox_states import explain as explain
from smtpeter_desktop.ui.outbox_states import is_late as is_late
from smtpeter_desktop.ui.outbox_states import scheduled_text as scheduled_text

if TYPE_CHECKING:
    from smtpeter_desktop.ui.send_later import SendLaterDialog

log = logging.getLogger(__name__)

EMPTY_TEXT = "Nothing waiting. Messages that can't go out right away wait here."


def empty_text() -> str:
    return translate(
        "OutboxPane", "Nothing waiting. Messages that can't go out right away wait here."
    )


# The "Will retry at" badges must not go stale while the pane is open.
REFRESH_MS = 30_000


class OutboxPane(QWidget):
    """Messages waiting, failed, or of unknown outcome, with the actions that fit each.

    Signals:
        send_requested(int): send this message now (it is queued and due); the shell hands
            the id to its send worker.
        edit_requested(int): this message is a draft again; the shell opens it to edit.
        count_changed(int): how many entries the outbox shows now (a merge is one).
        rescheduled(int, float): this message now goes at this time (seconds since the epoch).
    """

    send_requested = Signal(int)
    edit_requested = Signal(int)
    rescheduled = Signal(int, float)
    count_changed = Signal(int)

    def __init__(
        self, context: AppContext, mail: Postman | None, parent: QWidget | None = None
    ) -> None:
        """``mail`` is the window's read model, shared with the other panes (None: the
        mailbox could not be opened)."""
        super().__init__(parent)
        self.setAccessibleName(translate("OutboxPane", "Outbox"))
        self._context = context
        self._mail = mail
        self._problem = (
            "" if mail is not None else translate("OutboxPane", "The mailbox could not be opened.")
        )
        self._count = -1
        self._summaries: dict[int, Summary] = {}
        self._late_after: float | None = None
        self._sending: set[int] = set()
        self._names: dict[str, str] = {}

        self.list = QTreeWidget(self)
        self.list.setAccessibleName(translate("OutboxPane", "Outbox messages"))
        self.list.setHeaderLabels(
            [
                translate("OutboxPane", "State"),
                translate("OutboxPane", "To"),
                translate("OutboxPane", "Subject"),
                translate("OutboxPane", "Goes at"),
                translate("OutboxPane", "Time"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAllColumnsShowFocus(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setItemDelegateForColumn(0, lists.BadgeDelegate(self.list))
        self._groups = MergeGroups(self.list, mail)  # a merge's rows under one entry
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 230)
        header.resizeSection(1, 220)
        self.list.currentItemChanged.connect(self._show_current)

        self.details = self._build_details()
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(self.details)

        self.view = lists.list_with_details(
            self,
            self.list,
            scroller,
            empty_text=empty_text(),
            name="outboxSplitter",
            stretch=(3, 2),
        )
        self.splitter, self.empty, self.stack = (
            self.view.splitter,
            self.view.empty,
            self.view.stack,
        )

        self.list.installEventFilter(self)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def _build_details(self) -> QWidget:
        box = QWidget(self)
        box.setAccessibleName(translate("OutboxPane", "Message details"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        self.subject = lists.heading("", box, 1.15)
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = lists.muted_label("", box)
        self.state_line = lists.heading("", box)
        self.explanation = QLabel(box)
        self.explanation.setWordWrap(True)
        self.reason = QLabel(box)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setAccessibleName(translate("OutboxPane", "Why it was not sent"))
        self.server_reply = QLabel(box)
        self.server_reply.setWordWrap(True)
        self.server_reply.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_reply.setAccessibleName(translate("OutboxPane", "The server's reply"))
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.server_reply.setFont(mono)
        lists.paint(self.server_reply, None)
        self.notice = QLabel(box)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(translate("OutboxPane", "Notice"))

        self.send_button = QPushButton(translate("OutboxPane", "Send A&gain"), box)
        self.send_button.clicked.connect(self._on_send)
        self.arrived_button = QPushButton(lists.ARRIVED, box)
        self.arrived_button.setToolTip(
            translate(
                "OutboxPane",
                "You found out that it was delivered: keep it in Sent and do not send it again",
            )
        )
        self.arrived_button.setAccessibleName(translate("OutboxPane", "It arrived: mark as sent"))
        self.arrived_button.clicked.connect(self._on_arrived)
        self.reschedule_button = QPushButton(translate("OutboxPane", "Change &Time…"), box)
        self.reschedule_button.setToolTip(
            translate("OutboxPane", "Choose another time for it to go")
        )
        self.reschedule_button.setAccessibleName(translate("OutboxPane", "Change time"))
        self.reschedule_button.clicked.connect(self._on_reschedule)
        self.unschedule_button = QPushButton(translate("OutboxPane", "Back to D&rafts"), box)
        self.unschedule_button.setToolTip(
            translate("OutboxPane", "Do not send it: it becomes a draft again, in Drafts")
        )
        self.unschedule_button.setAccessibleName(translate("OutboxPane", "Back to drafts"))
        self.unschedule_button.clicked.connect(self._on_unschedule)
        self.edit_button = QPushButton(translate("OutboxPane", "&Edit"), box)
        self.edit_button.setToolTip(
            translate("OutboxPane", "Make it a draft again, to change it and send it")
        )
        self.edit_button.clicked.connect(self._on_edit)
        self.discard_button = QPushButton(translate("OutboxPane", "&Discard…"), box)
        self.discard_button.setToolTip(
            translate("OutboxPane", "Delete it without sending (Delete)")
        )
        self.discard_button.setAccessibleName(translate("OutboxPane", "Discard"))
        self.discard_button.clicked.connect(self._on_discard)
        self.reschedule_dialog: SendLaterDialog | None = None
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (
            self.send_button,
            self.arrived_button,
            self.reschedule_button,
            self.unschedule_button,
            self.edit_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)

        layout.addWidget(self.subject)
        layout.addWidget(self.meta)
        layout.addSpacing(6)
        layout.addWidget(self.state_line)
        layout.addWidget(self.explanation)
        layout.addWidget(self.reason)
        layout.addWidget(self.server_reply)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        return box

    # -- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the outbox again; the selected message stays selected while it is there."""
        if self._mail is None:
            self.empty.setText(self._problem)
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            # A process that died while sending left its messages SENDING: make them UNKNOWN.
            # Another process writing now: the next refresh does it (the window never waits).
            with contextlib.suppress(MailboxBusy):
                self._mail.recover(self._context.leases)
            summaries = self._mail.summaries(OUTBOX_STATES)
        except MailboxError as exc:
            self._set_notice(str(exc), Tone.BAD)
            return
        self._names = self._profile_names()
        self._late_after = self._late_limit()
        current = self.current_id()
        now = time.time()
        self._summaries = {s.id: s for s in summaries}
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for summary in summaries:
                self.list.addTopLevelItem(self._item(summary, now))
            self._groups.group()
        finally:
            self.list.blockSignals(False)
        self.view.show(bool(summaries))
        if summaries:
            self.select(current if current in self._summaries else summaries[0].id)
        else:
            self._show_current()
        # The badge counts what the list shows: a merge waiting is one entry, not its rows.
        if (shown := self.list.topLevelItemCount()) != self._count:
            self._count = shown
            self.count_changed.emit(self._count)

    def sending(self, id: int, now_sending: bool) -> None:
        """The send worker started (or ended) sending message ``id``: its row says so at
        once, not at the next refresh."""
        if now_sending:
            self._sending.add(id)
        else:
            self._sending.discard(id)
        if id in self._summaries:
            self.refresh()

    def _late_limit(self) -> float | None:
        hours = self._context.settings.get(settings.LATE_SEND_LIMIT_HOURS)
        return hours * 3600.0 if hours > 0 else None

    def _badge(self, summary: Summary, now: float) -> Badge:
        return badge(summary, now, sending=summary.id in self._sending, late_after=self._late_after)

    def _item(self, summary: Summary, now: float) -> QTreeWidgetItem:
        state = self._badge(summary, now)
        subject = summary.subject or translate("OutboxPane", "(no subject)")
        goes = scheduled_text(summary.not_before) if summary.state is State.QUEUED else ""
        item = QTreeWidgetItem(
            [state.text, summary.recipients, subject, goes, lists.when(summary.updated, now)]
        )
        item.setData(0, ID_ROLE, summary.id)
        item.setData(0, TONE_ROLE, str(state.tone))
        item.setToolTip(0, explain(summary, now, self._late_after))
        item.setToolTip(1, summary.recipients)
        item.setToolTip(2, subject)
        return item

    def _profile_names(self) -> dict[str, str]:
        try:
            return {p.id: p.name for p in self._context.profiles.load()}
        except StorageError:
            return {}

    def count(self) -> int:
        """How many entries the outbox shows (a merge's rows are one), as last read."""
        return max(self._count, 0)

    def current_id(self) -> int | None:
        """The selected message's id, if any (None for a merge's entry)."""
        return message_id(self.list.currentItem())

    def select(self, id: int) -> None:
        """Select message ``id`` when it is in the list."""
        item = find(self.list, id)
        if item is not None:
            parent = item.parent()
            # A row of a merge whose entry is closed: the entry stands for it.
            self.list.setCurrentItem(
                parent if parent is not None and not parent.isExpanded() else item
            )

    # -- the details -------------------------------------------------------------------------

    def _show_current(self, *_: object) -> None:
        self._set_notice("", None)
        id = self.current_id()
        summary = self._summaries.get(id) if id is not None else None
        has = summary is not None
        for widget in (self.send_button, self.edit_button, self.discard_button):
            widget.setVisible(has)
        for widget in (self.arrived_button, self.reschedule_button, self.unschedule_button):
            widget.setVisible(False)
        if summary is None:
            self.subject.setText("")
            self.meta.setText(
                entry_text(self.list.currentItem())
                or translate(
                    "OutboxPane", "Select a message to see why it waits and what you can do."
                )
            )
            for label in (self.state_line, self.explanation, self.reason, self.server_reply):
                label.setVisible(False)
            return
        now = time.time()
        state = self._badge(summary, now)
        self.subject.setText(summary.subject or translate("OutboxPane", "(no subject)"))
        account = self._names.get(
            summary.profile_id, translate("OutboxPane", "an account that was removed")
        )
        parts = [
            translate("OutboxPane", "To {recipients}").format(recipients=summary.recipients)
            if summary.recipients
            else translate("OutboxPane", "No recipients")
        ]
        parts.append(translate("OutboxPane", "from {account}").format(account=account))
        if summary.size is not None:
            parts.append(lists.size_text(summary.size))
        parts.append(
            translate("OutboxPane", "queued {time}").format(time=lists.when(summary.created, now))
        )
        if summary.attempts:
            parts.append(
                translate("OutboxPane", "1 try")
                if summary.attempts == 1
                else translate("OutboxPane", "%n tries", n=summary.attempts)
            )
        self.meta.setText(" · ".join(parts))
        self.state_line.setText(state.text)
        lists.paint(self.state_line, state.tone)
        self.state_line.setVisible(True)
        self.explanation.setText(explain(summary, now, self._late_after))
        self.explanation.setVisible(True)
        error = ErrorInfo.from_json(summary.error)
        if error is not None:
            prefix = (
                translate("OutboxPane", "The last try: ") if summary.state is State.QUEUED else ""
            )
            self.reason.setText(prefix + lists.reason_text(error.message, error.hint))
        self.reason.setVisible(error is not None)
        reply = error.server_reply if error is not None else ""
        # Shown apart only when the sentence above does not quote it already.
        quoted = error is not None and wording.quotes(error.message, reply)
        self.server_reply.setText(
            translate("OutboxPane", "The server said: {reply}").format(reply=reply) if reply else ""
        )
        self.server_reply.setVisible(bool(reply) and not quoted)

        sending = summary.state is State.SENDING
        unknown = summary.state is State.UNKNOWN
        self.send_button.setVisible(not sending)
        self.edit_button.setVisible(not sending)
        self.discard_button.setVisible(not sending)
        self.arrived_button.setVisible(unknown)
        waiting = summary.state is State.QUEUED
        self.reschedule_button.setVisible(waiting)
        self.unschedule_button.setVisible(waiting and summary.not_before is not None)
        send_again = translate("OutboxPane", "Send A&gain")
        if unknown:
            self._label(self.send_button, send_again, translate("OutboxPane", "Send again"))
            self.send_button.setToolTip(
                translate(
                    "OutboxPane", "Send it once more; if the first one arrived, it arrives twice"
                )
            )
        elif summary.state is State.FAILED:
            self._label(self.send_button, send_again, translate("OutboxPane", "Send again"))
            self.send_button.setToolTip(translate("OutboxPane", "Try to send it now, as it is"))
        else:
            self._label(
                self.send_button,
                translate("OutboxPane", "Send &Now"),
                translate("OutboxPane", "Send now"),
            )
            self.send_button.setToolTip(translate("OutboxPane", "Send it now instead of waiting"))

    @staticmethod
    def _label(button: QPushButton, text: str, name: str) -> None:
        button.setText(text)
        button.setAccessibleName(name)

    def _set_notice(self, text: str, tone: Tone | None) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        if text:
            lists.paint(self.notice, tone)

    # -- the actions -------------------------------------------------------------------------

    def _current(self) -> Summary | None:
        id = self.current_id()
        return self._summaries.get(id) if id is not None else None

    def _change(self, action: str, id: int) -> bool:
        """Do one quick change of state; a refusal is said in the details, never raised."""
        assert self._mail is not None
        try:
            if action == "retry":
                self._mail.send_again(id, even_if_it_arrived=False)
            elif action == "resend":
                self._mail.send_again(id, even_if_it_arrived=True)
            elif action == "arrived":
                self._mail.mark_arrived(id)
            elif action == "edit":
                self._mail.edit(id, draft_ok=True)
            elif action == "discard":
                self._mail.delete(id)
            elif action == "unschedule":
                self._mail.undo(id)
            else:
                raise ValueError(f"unknown action {action!r}")
        except MailboxError as exc:
            log.info("Outbox: %s of message %d refused: %s", action, id, exc)
            self.refresh()
            self.select(id)
            self._set_notice(str(exc), Tone.BAD)
            return False
        # A banner about this message's last send would offer what was just done here.
        messages.withdraw(messages.outcome_key(id))
        self.refresh()
        return True

    def _on_send(self) -> None:
        summary = self._current()
        if summary is None or summary.state is State.SENDING:
            return
        id = summary.id
        if summary.state is State.UNKNOWN:
            lists.confirm(
                self,
                translate("OutboxPane", "Send it again?"),
                translate("OutboxPane", "Send this message again?"),
                translate("OutboxPane", "Send Again"),
                lambda: self._resend(id),
                informative=translate(
                    "OutboxPane", "If the first one arrived, the recipients get it twice."
                ),
                destructive=False,
            )
            return
        if self._change("retry", id):
            self.send_requested.emit(id)

    def _resend(self, id: int) -> None:
        if self._change("resend", id):
            self.send_requested.emit(id)

    def _on_arrived(self) -> None:
        summary = self._current()
        if summary is not None and summary.state is State.UNKNOWN:
            self._change("arrived", summary.id)

    def _on_edit(self) -> None:
        summary = self._current()
        if summary is not None and summary.state is not State.SENDING:
            id = summary.id
            if self._change("edit", id):
                self.edit_requested.emit(id)

    def _on_discard(self) -> None:
        summary = self._current()
        if summary is None or summary.state is State.SENDING:
            return
        id = summary.id
        subject = summary.subject or translate("OutboxPane", "(no subject)")
        lists.confirm(
            self,
            translate("OutboxPane", "Discard the message?"),
            translate("OutboxPane", "Discard “{subject}”?").format(subject=subject),
            translate("OutboxPane", "Discard"),
            lambda: self._discard(id),
            informative=translate(
                "OutboxPane", "It is deleted without being sent. This cannot be undone."
            ),
        )

    def _discard(self, id: int) -> None:
        self._change("discard", id)

    def _on_reschedule(self) -> None:
        """Change Time…: the Send Later dialog, starting at the message's time."""
        from smtpeter_desktop.ui.send_later import SendLaterDialog

        summary = self._current()
        if summary is None or summary.state is not State.QUEUED:
            return
        id = summary.id
        at = summary.not_before if summary.not_before and summary.not_before > time.time() else None
        dialog = SendLaterDialog(self, at=at, title=translate("OutboxPane", "Change When It Goes"))
        dialog.accepted.connect(lambda: self.reschedule(id, dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        self.reschedule_dialog = dialog
        dialog.open()

    def reschedule(self, id: int, at: float) -> bool:
        """Message ``id`` goes at ``at`` instead; a refusal is said in the details."""
        assert self._mail is not None
        try:
            self._mail.reschedule(id, at)
        except MailboxError as exc:
            self.refresh()
            self.select(id)
            self._set_notice(str(exc), Tone.BAD)
            return False
        self.refresh()
        self.select(id)
        self._set_notice(
            translate("OutboxPane", "It now goes at {time}.").format(time=scheduled_text(at)),
            Tone.GOOD,
        )
        self.rescheduled.emit(id, at)
        return True

    def _on_unschedule(self) -> None:
        summary = self._current()
        if summary is None or summary.state is not State.QUEUED:
            return
        subject = summary.subject or translate("OutboxPane", "(no subject)")
        if self._change("unschedule", summary.id):
            messages.info(
                translate("OutboxPane", "“{subject}” is not sent: it is a draft again.").format(
                    subject=subject
                ),
                translate("OutboxPane", "Find it in Drafts."),
                key=f"unscheduled-{summary.id}",
                timeout=10,
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Delete in the list discards (after asking), as in a mail program's message list.
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self._on_discard()
            return True
        return super().eventFilter(watched, event)

    # -- life --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self._timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()

    def shutdown(self) -> None:
        """Stop refreshing and close the pane's mailbox connection."""
        self._groups.close()
        self._timer.stop()
        if self._mail is not None:
            self._mail = None  # the window's: it closes it
            self._problem = translate("OutboxPane", "The outbox is closed.")
