"""The outbox: messages that have not gone out yet, why, and what the person can do about each.

A list (state badge, recipients, subject, time) over a details area for the selected message:
the reason in words, the server's own reply, and only the actions its state allows. Every
action is a quick change of state in the pane's own mailbox connection; sending itself is the
shell's send worker, asked for with ``send_requested``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time

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
from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.lists import ID_ROLE, TONE_ROLE, Tone
from smtpeter_desktop.ui.merge_groups import MergeGroups, entry_text, find, message_id

log = logging.getLogger(__name__)

OUTBOX_STATES = (State.QUEUED, State.SENDING, State.FAILED, State.UNKNOWN)
EMPTY_TEXT = "Nothing waiting. Messages that can't go out right away wait here."
# The "Will retry at" badges must not go stale while the pane is open.
REFRESH_MS = 30_000


@dataclasses.dataclass(frozen=True)
class Badge:
    """A message's state as its badge says it."""

    text: str
    tone: Tone


def _was_cancelled(summary: Summary) -> bool:
    """The person stopped its send (a failure of their choosing, not the server's)."""
    info = ErrorInfo.from_json(summary.error)
    return info is not None and info.kind is ErrorKind.CANCELLED


def badge(summary: Summary, now: float, *, sending: bool = False) -> Badge:
    """The badge of an outbox message: Waiting, Sending…, Will retry at 14:05, Due now,
    Failed, Unknown. ``sending``: the window's send worker has it now (also while its state
    is still being written)."""
    if summary.state is State.SENDING or (sending and summary.state is State.QUEUED):
        return Badge("Sending…", Tone.BUSY)
    if summary.state is State.FAILED:
        if _was_cancelled(summary):
            return Badge("Cancelled", Tone.NEUTRAL)
        return Badge("Failed", Tone.BAD)
    if summary.state is State.UNKNOWN:
        return Badge("Unknown — may have been sent", Tone.WAIT)
    if summary.retry_at is not None and summary.retry_at > now:
        return Badge(f"Will retry at {lists.when(summary.retry_at, now)}", Tone.WAIT)
    if (summary.retry_at is not None and summary.retry_at <= now) or (
        summary.not_before is not None and summary.not_before <= now
    ):
        # Its time has come: the window sends it at that time, not at its next look.
        return Badge("Due now", Tone.BUSY)
    return Badge("Waiting", Tone.NEUTRAL)


def explain(summary: Summary, now: float) -> str:
    """What the state means for this message, in one or two plain sentences."""
    if summary.state is State.SENDING:
        return "It is being sent right now."
    if summary.state is State.FAILED:
        if _was_cancelled(summary):
            return "You stopped sending it: it was not sent, and waits here until you choose."
        return "It was not sent, and it will not be tried again by itself."
    if summary.state is State.UNKNOWN:
        return (
            "The connection broke off after the whole message had gone out, so the server "
            "may have accepted it — or not. It is not sent again by itself, so that nobody "
            "gets it twice. Ask a recipient, or look in SMTPeter's logs, then choose below."
        )
    if summary.retry_at is not None and summary.retry_at > now:
        return (
            "The last try met a problem that usually passes, so it waits and is tried again "
            f"at {lists.when(summary.retry_at, now)} while SMTPeter Desktop is open."
        )
    if summary.not_before is not None and summary.not_before > now:
        return f"It goes out at {lists.when(summary.not_before, now)}."
    return "It is waiting to be sent."


class OutboxPane(QWidget):
    """Messages waiting, failed, or of unknown outcome, with the actions that fit each.

    Signals:
        send_requested(int): send this message now (it is queued and due); the shell hands
            the id to its send worker.
        edit_requested(int): this message is a draft again; the shell opens it to edit.
        count_changed(int): how many messages the outbox holds now.
    """

    send_requested = Signal(int)
    edit_requested = Signal(int)
    count_changed = Signal(int)

    def __init__(
        self, context: AppContext, mail: Postman | None, parent: QWidget | None = None
    ) -> None:
        """``mail`` is the window's read model, shared with the other panes (None: the
        mailbox could not be opened)."""
        super().__init__(parent)
        self.setAccessibleName("Outbox")
        self._context = context
        self._mail = mail
        self._problem = "" if mail is not None else "The mailbox could not be opened."
        self._count = -1
        self._summaries: dict[int, Summary] = {}
        self._sending: set[int] = set()
        self._names: dict[str, str] = {}

        self.list = QTreeWidget(self)
        self.list.setAccessibleName("Outbox messages")
        self.list.setHeaderLabels(["State", "To", "Subject", "Time"])
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
        header.resizeSection(0, 230)
        header.resizeSection(1, 220)
        self.list.currentItemChanged.connect(self._show_current)

        self.details = self._build_details()
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setWidget(self.details)

        self.view = lists.list_with_details(
            self, self.list, scroller, empty_text=EMPTY_TEXT, name="outboxSplitter", stretch=(3, 2)
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
        box.setAccessibleName("Message details")
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
        self.reason.setAccessibleName("Why it was not sent")
        self.server_reply = QLabel(box)
        self.server_reply.setWordWrap(True)
        self.server_reply.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.server_reply.setAccessibleName("The server's reply")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.server_reply.setFont(mono)
        lists.paint(self.server_reply, None)
        self.notice = QLabel(box)
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Notice")

        self.send_button = QPushButton(lists.SEND_AGAIN, box)
        self.send_button.clicked.connect(self._on_send)
        self.arrived_button = QPushButton(lists.ARRIVED, box)
        self.arrived_button.setToolTip(
            "You found out that it was delivered: keep it in Sent and do not send it again"
        )
        self.arrived_button.setAccessibleName("It arrived: mark as sent")
        self.arrived_button.clicked.connect(self._on_arrived)
        self.edit_button = QPushButton("&Edit", box)
        self.edit_button.setToolTip("Make it a draft again, to change it and send it")
        self.edit_button.clicked.connect(self._on_edit)
        self.discard_button = QPushButton("&Discard…", box)
        self.discard_button.setToolTip("Delete it without sending (Delete)")
        self.discard_button.setAccessibleName("Discard")
        self.discard_button.clicked.connect(self._on_discard)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.send_button, self.arrived_button, self.edit_button):
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
        if len(summaries) != self._count:
            self._count = len(summaries)
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

    def _item(self, summary: Summary, now: float) -> QTreeWidgetItem:
        state = badge(summary, now, sending=summary.id in self._sending)
        subject = summary.subject or "(no subject)"
        item = QTreeWidgetItem(
            [state.text, summary.recipients, subject, lists.when(summary.updated, now)]
        )
        item.setData(0, ID_ROLE, summary.id)
        item.setData(0, TONE_ROLE, str(state.tone))
        item.setToolTip(0, explain(summary, now))
        item.setToolTip(1, summary.recipients)
        item.setToolTip(2, subject)
        return item

    def _profile_names(self) -> dict[str, str]:
        try:
            return {p.id: p.name for p in self._context.profiles.load()}
        except StorageError:
            return {}

    def count(self) -> int:
        """How many messages the outbox holds, as last read."""
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
        self.arrived_button.setVisible(False)
        if summary is None:
            self.subject.setText("")
            self.meta.setText(
                entry_text(self.list.currentItem())
                or "Select a message to see why it waits and what you can do."
            )
            for label in (self.state_line, self.explanation, self.reason, self.server_reply):
                label.setVisible(False)
            return
        now = time.time()
        state = badge(summary, now, sending=summary.id in self._sending)
        self.subject.setText(summary.subject or "(no subject)")
        account = self._names.get(summary.profile_id, "an account that was removed")
        parts = [f"To {summary.recipients}" if summary.recipients else "No recipients"]
        parts.append(f"from {account}")
        if summary.size is not None:
            parts.append(lists.size_text(summary.size))
        parts.append(f"queued {lists.when(summary.created, now)}")
        if summary.attempts:
            parts.append("1 try" if summary.attempts == 1 else f"{summary.attempts} tries")
        self.meta.setText(" · ".join(parts))
        self.state_line.setText(state.text)
        lists.paint(self.state_line, state.tone)
        self.state_line.setVisible(True)
        self.explanation.setText(explain(summary, now))
        self.explanation.setVisible(True)
        error = ErrorInfo.from_json(summary.error)
        if error is not None:
            prefix = "The last try: " if summary.state is State.QUEUED else ""
            self.reason.setText(prefix + lists.reason_text(error.message, error.hint))
        self.reason.setVisible(error is not None)
        reply = error.server_reply if error is not None else ""
        # Shown apart only when the sentence above does not quote it already.
        quoted = error is not None and wording.quotes(error.message, reply)
        self.server_reply.setText(f"The server said: {reply}" if reply else "")
        self.server_reply.setVisible(bool(reply) and not quoted)

        sending = summary.state is State.SENDING
        unknown = summary.state is State.UNKNOWN
        self.send_button.setVisible(not sending)
        self.edit_button.setVisible(not sending)
        self.discard_button.setVisible(not sending)
        self.arrived_button.setVisible(unknown)
        if unknown:
            self._label(self.send_button, lists.SEND_AGAIN, "Send again")
            self.send_button.setToolTip(
                "Send it once more; if the first one arrived, it arrives twice"
            )
        elif summary.state is State.FAILED:
            self._label(self.send_button, lists.SEND_AGAIN, "Send again")
            self.send_button.setToolTip("Try to send it now, as it is")
        else:
            self._label(self.send_button, lists.SEND_NOW, "Send now")
            self.send_button.setToolTip("Send it now instead of waiting")

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
                "Send it again?",
                "Send this message again?",
                lists.SEND_AGAIN.replace("&", ""),
                lambda: self._resend(id),
                informative="If the first one arrived, the recipients get it twice.",
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
        subject = summary.subject or "(no subject)"
        lists.confirm(
            self,
            "Discard the message?",
            f"Discard “{subject}”?",
            "Discard",
            lambda: self._discard(id),
            informative="It is deleted without being sent. This cannot be undone.",
        )

    def _discard(self, id: int) -> None:
        self._change("discard", id)

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
            self._problem = "The outbox is closed."
