"""Sent mail: what went out, what the server answered, and what SMTPeter says became of it.

A list (delivery badge, recipients, subject, time) over the selected message's receipt: per
recipient the SMTPeter message id (REST) or the server's final reply (SMTP), recipients it
refused with its words, and the time each stage took. For messages sent by the REST API the
delivery events stored by ``Postman.refresh_events`` are shown, and fetched again on demand
through the shell (``refresh_events_requested``): the network is the send worker's. A message
sent to the built-in sandbox opens in :class:`.message_viewer.MessageViewer`.

Every sent message keeps its exact bytes: Open Message shows them in the same viewer (the
HTML, the text, the source; Save As… writes the .eml). Edit as New and Forward make a new
draft (``new_draft_requested``); Delete asks first. A search field filters the list by
subject and recipients; the list's context menu holds the same actions.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.names import (
    MailboxError,
    Record,
    SendError,
    State,
    Summary,
)
from smtpeter_desktop.delivery.postman import Postman, Resent
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.profiles import Profile

from smtpeter_desktop.ui import lists, sent_layout, sent_message, sent_receipt
from smtpeter_desktop.ui.lists import ID_ROLE, TONE_ROLE, Tone
from smtpeter_desktop.ui.merge_groups import MergeGroups, entry_text, find, message_id
from smtpeter_desktop.ui.message_viewer import (
    MessageViewer,
    ViewedMessage,
    read_captured,
)
from smtpeter_desktop.ui.tasks import Task, run_task

if TYPE_CHECKING:
    from smtpeter_desktop.sandbox import CapturedMessage

log = logging.getLogger(__name__)


def empty_text() -> str:
    """What the pane says while nothing was sent."""
    return translate(
        "sent_pane",
        "Nothing sent yet. Messages you send are kept here with the server's receipt.",
    )


# EMPTY_TEXT reads as a constant but is translated each time it is read (the module's
# __getattr__), never at import, when the user's language is not known yet.
if TYPE_CHECKING:
    EMPTY_TEXT: str
else:

    def __getattr__(name: str) -> str:
        if name == "EMPTY_TEXT":
            return empty_text()
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class SentPane(QWidget):
    """Sent messages with their receipts and delivery events.

    Signals:
        refresh_events_requested(int): fetch this message's delivery events from SMTPeter;
            the shell runs ``Postman.refresh_events`` in its worker and then calls
            :meth:`events_refreshed`.
        new_draft_requested(object): open this new ``Draft`` in the compose pane (Edit as
            New, Forward).
        resend_queued(int): Resend put this copy of an SMTP message in the outbox: send it.
    """

    refresh_events_requested = Signal(int)
    new_draft_requested = Signal(object)
    resend_queued = Signal(int)
    # Made by ``sent_layout.build``.
    list: QTreeWidget
    search: QLineEdit
    subject: QLabel
    meta: QLabel
    receipt: QTextBrowser
    events_button: QPushButton
    captured_button: QPushButton
    open_button: QPushButton
    edit_button: QPushButton
    forward_button: QPushButton
    resend_button: QPushButton
    delete_button: QPushButton
    status: QLabel
    view: lists.ListWithDetails
    splitter: QSplitter
    empty: QLabel
    stack: QStackedWidget

    def __init__(
        self, context: AppContext, mail: Postman | None, parent: QWidget | None = None
    ) -> None:
        """``mail`` is the window's read model, shared with the other panes (None: the
        mailbox could not be opened)."""
        super().__init__(parent)
        self.setAccessibleName(translate("SentPane", "Sent"))
        self._context = context
        self._mailbox = mail
        self._problem = (
            "" if mail is not None else translate("SentPane", "The mailbox could not be opened.")
        )
        self._summaries: dict[int, Summary] = {}
        self._profiles: dict[str, Profile] = {}
        self._asking: set[int] = set()
        self._errors: dict[int, str] = {}
        self._opening: Task[ViewedMessage | None] | None = None
        self.viewer: MessageViewer | None = None

        self.menu: QMenu | None = None
        self._opening_message: Task[ViewedMessage] | None = None
        self._resending: Task[Resent] | None = None
        sent_layout.build(self)
        self._groups = MergeGroups(self.list, mail)  # a merge's rows under one entry
        self.refresh()

    # -- the list ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read sent mail again; the selected message stays selected."""
        if self._mailbox is None:
            self.empty.setText(self._problem)
            self.stack.setCurrentWidget(self.empty)
            return
        try:
            summaries = self._mailbox.summaries([State.SENT])
        except MailboxError as exc:
            self._set_status(str(exc), Tone.BAD)
            return
        try:
            self._profiles = {p.id: p for p in self._context.profiles.load()}
        except StorageError:
            self._profiles = {}
        current = self.current_id()
        now = time.time()
        self._summaries = {s.id: s for s in summaries}
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for summary in summaries:
                text, tone = sent_receipt.delivery_badge(summary)
                if summary.delivery == "failed" and self._partly_delivered(summary.id):
                    text, tone = translate("SentPane", "Partly delivered"), Tone.WAIT
                subject = summary.subject or translate("SentPane", "(no subject)")
                item = QTreeWidgetItem(
                    [text, summary.recipients, subject, lists.when(summary.sent_at, now)]
                )
                item.setData(0, ID_ROLE, summary.id)
                item.setData(0, TONE_ROLE, str(tone))
                item.setToolTip(1, summary.recipients)
                item.setToolTip(2, subject)
                self.list.addTopLevelItem(item)
            self._groups.group()
        finally:
            self.list.blockSignals(False)
        self.view.show(bool(summaries))
        self._filter(self.search.text())
        if summaries:
            self.select(current if current in self._summaries else summaries[0].id)
        else:
            self._show_current()

    def _partly_delivered(self, id: int) -> bool:
        """Whether some recipients of a message with a failed delivery did get it."""
        record = self._record(id)
        messages = sent_receipt.events_of(record).get("messages", []) if record is not None else []
        states = {str(m.get("state")) for m in messages if isinstance(m, dict)}
        return bool(states & {"delivered", "opened", "clicked"})

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
            self._show_current()

    # -- the details -------------------------------------------------------------------------

    def _record(self, id: int) -> Record | None:
        if self._mailbox is None:
            return None
        try:
            return self._mailbox.read(id)
        except MailboxError as exc:
            self._set_status(str(exc), Tone.BAD)
            return None

    def _show_current(self, *_: object) -> None:
        id = self.current_id()
        record = self._record(id) if id is not None else None
        for button in (self.open_button, self.edit_button, self.forward_button):
            button.setEnabled(record is not None)
        self.resend_button.setEnabled(record is not None and not self._resend_running())
        self.delete_button.setEnabled(record is not None)
        if record is None:
            self.subject.setText("")
            self.meta.setText(entry_text(self.list.currentItem()))
            self.receipt.setHtml("")
            self.events_button.setVisible(False)
            self.captured_button.setVisible(False)
            self._set_status("", None)
            return
        profile = self._profiles.get(record.profile_id)
        receipt = sent_receipt.receipt_of(record)
        self.subject.setText(record.subject or translate("SentPane", "(no subject)"))
        account = profile.name if profile else translate("SentPane", "an account that was removed")
        parts = [
            translate("SentPane", "To {recipients}").format(recipients=record.recipients),
            translate("SentPane", "from {account}").format(account=account),
            translate("SentPane", "sent {time}").format(time=lists.when(record.sent_at)),
        ]
        if record.size is not None:
            parts.append(lists.size_text(record.size))
        self.meta.setText(" · ".join(parts))
        self.receipt.setHtml(sent_receipt.receipt_html(record, receipt, profile, self.palette()))
        has_ids = receipt is not None and bool(receipt.message_ids)
        self.events_button.setVisible(has_ids)
        asking = record.id in self._asking
        self.events_button.setEnabled(not asking)
        sandbox = profile is not None and profile.sandbox and receipt is not None
        self.captured_button.setVisible(sandbox)
        if asking:
            self._set_status(translate("SentPane", "Asking SMTPeter…"), None)
        elif record.id in self._errors:
            self._set_status(self._errors[record.id], Tone.BAD)
        else:
            self._set_status("", None)

    def _set_status(self, text: str, tone: Tone | None) -> None:
        self.status.setText(text)
        lists.paint(self.status, tone)

    # -- delivery events ---------------------------------------------------------------------

    def _on_refresh_events(self) -> None:
        id = self.current_id()
        if id is None or id in self._asking:
            return
        self._asking.add(id)
        self._errors.pop(id, None)
        self._show_current()
        self.refresh_events_requested.emit(id)

    def events_refreshed(self, id: int, error: str | None) -> None:
        """The shell's worker finished fetching message ``id``'s events; ``error`` says why not."""
        self._asking.discard(id)
        if error:
            self._errors[id] = translate(
                "SentPane", "SMTPeter could not be asked: {reason}"
            ).format(reason=error)
        else:
            self._errors.pop(id, None)
        self.refresh()
        if self.current_id() == id:
            self._show_current()

    # -- the captured message ----------------------------------------------------------------

    def _on_open_captured(self) -> None:
        id = self.current_id()
        record = self._record(id) if id is not None else None
        receipt = sent_receipt.receipt_of(record) if record is not None else None
        if receipt is None or (self._opening is not None and not self._opening.done):
            return
        self.captured_button.setEnabled(False)
        self._set_status(translate("SentPane", "Opening the captured message…"), None)
        sandbox = self._context.sandbox

        def read() -> ViewedMessage | None:
            captured: CapturedMessage | None = sandbox.captured(receipt)
            return read_captured(captured) if captured is not None else None

        self._opening = run_task(read, self._show_captured, self._captured_failed, parent=self)

    def _show_captured(self, message: ViewedMessage | None) -> None:
        self.captured_button.setEnabled(True)
        if message is None:
            self._set_status(
                translate(
                    "SentPane",
                    "The test server no longer has this message: its data folder was emptied.",
                ),
                Tone.BAD,
            )
            return
        self._set_status("", None)
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = MessageViewer(message, self)
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.destroyed.connect(self._viewer_closed)
        self.viewer.show()

    def _viewer_closed(self) -> None:
        self.viewer = None

    def _captured_failed(self, error: BaseException) -> None:
        self.captured_button.setEnabled(True)
        if isinstance(error, OSError):
            self._set_status(
                translate("SentPane", "The captured message could not be read: {reason}.").format(
                    reason=error.strerror or error
                ),
                Tone.BAD,
            )
            return
        log.error("Opening a captured message failed", exc_info=error)
        self._set_status(
            translate(
                "SentPane",
                "The captured message could not be opened because of an internal problem; "
                "the details are in the log.",
            ),
            Tone.BAD,
        )

    # -- the message itself --------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        """Show only the rows whose subject or recipients hold every word of ``text``."""
        words = text.casefold().split()
        for row in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(row)
            if item is None:
                continue
            seen = f"{item.text(1)} {item.text(2)}".casefold()
            item.setHidden(not all(word in seen for word in words))
        current = self.list.currentItem()
        if current is not None and current.isHidden():
            shown = [
                item
                for row in range(self.list.topLevelItemCount())
                if (item := self.list.topLevelItem(row)) is not None and not item.isHidden()
            ]
            self.list.setCurrentItem(shown[0] if shown else None)  # type: ignore[arg-type]
            self._show_current()

    def _list_menu(self, position: QPoint) -> None:
        item = self.list.itemAt(position)
        if item is None:
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self.list)
        menu.addAction(translate("SentPane", "Open Message"), self.open_message)
        menu.addAction(translate("SentPane", "Save As…"), lambda: self.open_message(save=True))
        menu.addSeparator()
        menu.addAction(translate("SentPane", "Edit as New"), self.edit_as_new)
        menu.addAction(translate("SentPane", "Forward"), self.forward)
        menu.addAction(translate("SentPane", "Resend…"), self.ask_resend)
        if self.captured_button.isVisible():
            menu.addAction(
                translate("SentPane", "Open the Captured Message"), self._on_open_captured
            )
        if self.events_button.isVisible():
            menu.addAction(
                translate("SentPane", "Refresh Delivery Status"), self._on_refresh_events
            )
        menu.addSeparator()
        menu.addAction(translate("SentPane", "Delete…"), self.ask_delete)
        self.menu = menu
        menu.popup(self.list.viewport().mapToGlobal(position))

    def open_message(self, *, save: bool = False, then_forward: bool = False) -> None:
        """Read the current message's stored bytes off the GUI thread and show them."""
        id = self.current_id()
        if id is None or (self._opening_message is not None and not self._opening_message.done):
            return
        self._set_status(translate("SentPane", "Opening the message…"), None)
        context = self._context

        def shown(message: ViewedMessage) -> None:
            self._set_status("", None)
            if then_forward:
                self._forward_read(id, message)
                return
            viewer = self._show_viewer(message)
            if save:
                viewer.ask_where_to_save()

        self._opening_message = run_task(
            lambda: sent_message.read_sent(context, id), shown, self._message_failed, parent=self
        )

    def _show_viewer(self, message: ViewedMessage) -> MessageViewer:
        if self.viewer is not None:
            self.viewer.close()
        viewer = MessageViewer(message, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.destroyed.connect(self._viewer_closed)
        self.viewer = viewer
        viewer.show()
        return viewer

    def _message_failed(self, error: BaseException) -> None:
        if isinstance(error, StorageError):
            self._set_status(
                translate("SentPane", "The message could not be read: {reason}").format(
                    reason=error.message
                ),
                Tone.BAD,
            )
            return
        log.error("Reading a sent message failed", exc_info=error)
        self._set_status(
            translate(
                "SentPane",
                "The message could not be opened because of an internal problem; the details "
                "are in the log.",
            ),
            Tone.BAD,
        )

    def edit_as_new(self) -> None:
        """A new draft: the same text, recipients, attachments and options."""
        id = self.current_id()
        record = self._record(id) if id is not None else None
        if record is None:
            return
        try:
            draft = Draft.from_json(record.draft)
        except (ValueError, KeyError, TypeError):
            self._set_status(
                translate("SentPane", "This message's draft cannot be read."), Tone.BAD
            )
            return
        self.new_draft_requested.emit(draft)

    def forward(self) -> None:
        """A new draft quoting the message, with its attachments (read from the bytes)."""
        self.open_message(then_forward=True)

    def _forward_read(self, id: int, message: ViewedMessage) -> None:
        record = self._record(id)
        if record is None:
            return
        try:
            original = Draft.from_json(record.draft)
        except (ValueError, KeyError, TypeError):
            original = Draft()
        folder = self._context.home / "forwarded" / str(id)
        try:
            attachments = sent_message.write_attachments(folder, message.attached)
        except OSError as exc:
            self._set_status(
                translate(
                    "SentPane", "The attachments could not be kept for forwarding: {reason}."
                ).format(reason=exc.strerror or exc),
                Tone.BAD,
            )
            return
        self.new_draft_requested.emit(sent_message.forward_draft(original, message, attachments))

    def _resend_running(self) -> bool:
        return self._resending is not None and not self._resending.done

    def ask_resend(self) -> None:
        id = self.current_id()
        summary = self._summaries.get(id) if id is not None else None
        if id is None or summary is None or self._resend_running():
            return
        subject = summary.subject or translate("SentPane", "(no subject)")
        lists.confirm(
            self,
            translate("SentPane", "Send Again"),
            translate("SentPane", "Send “{subject}” again to {recipients}?").format(
                subject=subject, recipients=summary.recipients
            ),
            translate("SentPane", "Send Again"),
            lambda: self._resend(id),
            informative=translate("SentPane", "Every recipient gets it a second time."),
            destructive=False,
        )

    def _resend(self, id: int) -> None:
        context = self._context
        self.resend_button.setEnabled(False)
        self._set_status(translate("SentPane", "Sending it again…"), None)

        def resend() -> Resent:
            with context.postman() as postman:
                return postman.resend(id)

        self._resending = run_task(resend, self._resent, self._resend_failed, parent=self)

    def _resent(self, resent: Resent) -> None:
        self.resend_button.setEnabled(True)
        if resent.queued is not None:
            self._set_status(
                translate("SentPane", "Queued again: it goes out now (see the Outbox)."), Tone.GOOD
            )
            self.resend_queued.emit(resent.queued)
        else:
            count = len(resent.new_ids)
            # One and many as two texts (pyside6-lupdate skips a call with n=).
            self._set_status(
                translate("SentPane", "SMTPeter sent it again (1 new message id).")
                if count == 1
                else translate(
                    "SentPane", "SMTPeter sent it again ({count} new message ids)."
                ).format(count=count),
                Tone.GOOD,
            )

    def _resend_failed(self, error: BaseException) -> None:
        self.resend_button.setEnabled(True)
        if isinstance(error, SendError | StorageError):
            self._set_status(
                translate(
                    "SentPane",
                    "It was not sent again: {reason} Look at the recipients' mail before "
                    "trying again: it may have gone.",
                ).format(reason=error.message),
                Tone.BAD,
            )
            return
        log.error("Resending failed", exc_info=error)
        self._set_status(
            translate(
                "SentPane",
                "It could not be sent again because of an internal problem; the details are in "
                "the log.",
            ),
            Tone.BAD,
        )

    def ask_delete(self) -> None:
        id = self.current_id()
        summary = self._summaries.get(id) if id is not None else None
        if id is None or summary is None:
            return
        subject = summary.subject or translate("SentPane", "(no subject)")
        lists.confirm(
            self,
            translate("SentPane", "Delete from Sent"),
            translate("SentPane", "Delete “{subject}” from Sent?").format(subject=subject),
            translate("SentPane", "Delete"),
            lambda: self._delete(id),
            informative=translate(
                "SentPane", "Its receipt and the exact message go too. Recipients keep theirs."
            ),
        )

    def _delete(self, id: int) -> None:
        if self._mailbox is None:
            return
        try:
            self._mailbox.delete(id)
        except MailboxError as exc:
            self._set_status(
                translate("SentPane", "The message could not be deleted: {reason}").format(
                    reason=exc.message
                ),
                Tone.BAD,
            )
            return
        self.refresh()

    def shutdown(self) -> None:
        """Close the pane's mailbox connection and its viewer."""
        self._groups.close()
        if self.viewer is not None:
            self.viewer.close()
        if self._mailbox is not None:
            self._mailbox = None  # the window's: it closes it
            self._problem = translate("SentPane", "Sent mail is closed.")
