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

import html
import json
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smtpeter_desktop.compose.draft import Attachment, Draft
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.names import (
    MailboxError,
    Receipt,
    Record,
    SendError,
    State,
    Summary,
)
from smtpeter_desktop.delivery.postman import Postman, Resent
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.profiles import Profile

from smtpeter_desktop.ui import lists, theme
from smtpeter_desktop.ui.lists import ID_ROLE, TONE_ROLE, Tone
from smtpeter_desktop.ui.merge_groups import MergeGroups, entry_text, find, message_id
from smtpeter_desktop.ui.message_viewer import (
    MessageViewer,
    ViewedMessage,
    read_captured,
    read_message,
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


# The tables below are built on each call, not at import: the language is only known once
# the app runs.
def _delivery(state: str) -> tuple[str, Tone] | None:
    """A delivery state's badge text and tone; None for a state SMTPeter did not say."""
    states = {
        "delivered": (translate("sent_pane", "Delivered"), Tone.GOOD),
        "opened": (translate("sent_pane", "Opened"), Tone.GOOD),
        "clicked": (translate("sent_pane", "Clicked"), Tone.GOOD),
        "pending": (translate("sent_pane", "On its way"), Tone.WAIT),
        "failed": (translate("sent_pane", "Not delivered"), Tone.BAD),
    }
    return states.get(state)


def _event_name(kind: str) -> str:
    names = {
        "attempt": translate("sent_pane", "Handed to SMTPeter"),
        "delivery": translate("sent_pane", "Delivered"),
        "failure": translate("sent_pane", "Delivery failed"),
        "bounce": translate("sent_pane", "Bounced"),
        "open": translate("sent_pane", "Opened"),
        "click": translate("sent_pane", "Link clicked"),
        "response": translate("sent_pane", "Reply received"),
    }
    return names.get(kind, kind)


def _stage_name(name: str) -> str:
    names = {
        "resolve": translate("sent_pane", "look-up"),
        "connect": translate("sent_pane", "connect"),
        "tls": "TLS",
        "greeting": translate("sent_pane", "greeting"),
        "ehlo": translate("sent_pane", "hello"),
        "starttls": "STARTTLS",
        "ehlo-tls": translate("sent_pane", "hello"),
        "auth": translate("sent_pane", "log-in"),
        "mail": translate("sent_pane", "sender"),
        "rcpt": translate("sent_pane", "recipients"),
        "data": translate("sent_pane", "upload"),
        "reply": translate("sent_pane", "answer"),
        "https": "HTTPS",
        "send": translate("sent_pane", "upload"),
    }
    return names.get(name, name)


def delivery_badge(summary: Summary) -> tuple[str, Tone]:
    """The badge of a sent message: its delivery state when known, else just "Sent"."""
    return _delivery(summary.delivery or "") or (translate("sent_pane", "Sent"), Tone.NEUTRAL)


def _ms(seconds: float) -> str:
    if seconds < 10:
        return translate("sent_pane", "{milliseconds} ms").format(
            milliseconds=f"{seconds * 1000:.0f}"
        )
    return translate("sent_pane", "{seconds} s").format(seconds=f"{seconds:.1f}")


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

        self.list = QTreeWidget(self)
        self.list.setAccessibleName(translate("SentPane", "Sent messages"))
        self.list.setHeaderLabels(
            [
                translate("SentPane", "Delivery"),
                translate("SentPane", "To"),
                translate("SentPane", "Subject"),
                translate("SentPane", "Sent"),
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
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 130)
        header.resizeSection(1, 220)
        self.list.currentItemChanged.connect(self._show_current)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._list_menu)
        self.list.itemActivated.connect(lambda *_: self.open_message())
        self.menu: QMenu | None = None

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("SentPane", "Search subject or recipient"))
        self.search.setAccessibleName(translate("SentPane", "Search sent mail"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        find = QShortcut(
            QKeySequence.StandardKey.Find,
            self,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        find.activated.connect(lambda: self.search.setFocus())
        self._opening_message: Task[ViewedMessage] | None = None

        details = QWidget(self)
        details.setAccessibleName(translate("SentPane", "Receipt"))
        self.subject = lists.heading("", details, 1.15)
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = lists.muted_label("", details)
        self.receipt = QTextBrowser(details)
        self.receipt.setAccessibleName(translate("SentPane", "Receipt and delivery events"))
        self.receipt.setOpenLinks(False)
        self.receipt.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.receipt.viewport().setAutoFillBackground(False)
        self.events_button = QPushButton(translate("SentPane", "&Refresh Delivery Status"), details)
        self.events_button.setToolTip(
            translate("SentPane", "Ask SMTPeter what became of this message (F5)")
        )
        self.events_button.setShortcut("F5")
        self.events_button.clicked.connect(self._on_refresh_events)
        self.captured_button = QPushButton(
            translate("SentPane", "&Open the Captured Message"), details
        )
        self.captured_button.setToolTip(
            translate(
                "SentPane",
                "See exactly what the built-in test server received: headers, HTML, text, source",
            )
        )
        self.captured_button.clicked.connect(self._on_open_captured)
        self.open_button = QPushButton(translate("SentPane", "Open &Message"), details)
        self.open_button.setToolTip(
            translate(
                "SentPane",
                "See the message exactly as it was sent: the HTML, the text and the source; "
                "save it as an .eml file",
            )
        )
        self.open_button.clicked.connect(self.open_message)
        self.edit_button = QPushButton(translate("SentPane", "Edit as Ne&w"), details)
        self.edit_button.setToolTip(
            translate("SentPane", "A new draft with the same text, recipients and attachments")
        )
        self.edit_button.clicked.connect(self.edit_as_new)
        self.forward_button = QPushButton(translate("SentPane", "Forw&ard"), details)
        self.forward_button.setToolTip(
            translate("SentPane", "A new draft quoting this message, with its attachments")
        )
        self.forward_button.clicked.connect(self.forward)
        self.resend_button = QPushButton(translate("SentPane", "Re&send…"), details)
        self.resend_button.setToolTip(
            translate(
                "SentPane",
                "Send the same message again (asks first): SMTPeter resends its copy for the "
                "REST API; for SMTP the exact bytes go to the outbox again",
            )
        )
        self.resend_button.clicked.connect(self.ask_resend)
        self._resending: Task[Resent] | None = None
        self.delete_button = QPushButton(translate("SentPane", "&Delete…"), details)
        self.delete_button.setToolTip(
            translate("SentPane", "Delete this message from Sent (asks first)")
        )
        self.delete_button.clicked.connect(self.ask_delete)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for button in (self.open_button, self.edit_button, self.forward_button):
            actions.addWidget(button)
        actions.addWidget(self.resend_button)
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        self.status = QLabel(details)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(translate("SentPane", "Status"))
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.events_button)
        buttons.addWidget(self.captured_button)
        buttons.addWidget(self.status, 1)
        box = QVBoxLayout(details)
        box.setContentsMargins(12, 12, 12, 6)
        box.setSpacing(6)
        box.addWidget(self.subject)
        box.addWidget(self.meta)
        box.addLayout(actions)
        box.addLayout(buttons)
        box.addWidget(self.receipt, 1)

        rows = QWidget(self)  # the search field over the list
        column = QVBoxLayout(rows)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        self.view = lists.list_with_details(
            self, rows, details, empty_text=empty_text(), name="sentSplitter", stretch=(2, 3)
        )
        self.splitter, self.empty, self.stack = (
            self.view.splitter,
            self.view.empty,
            self.view.stack,
        )
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
                text, tone = delivery_badge(summary)
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
        messages = _events(record).get("messages", []) if record is not None else []
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
        receipt = _receipt(record)
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
        self.receipt.setHtml(self._receipt_html(record, receipt, profile))
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

    def _receipt_html(
        self, record: Record, receipt: Receipt | None, profile: Profile | None
    ) -> str:
        palette = self.palette()
        muted = theme.muted(palette).name()
        bad = lists.tone_color(palette, Tone.BAD).name()
        good = lists.tone_color(palette, Tone.GOOD).name()
        grid = theme.blend(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.15
        ).name()
        e = html.escape
        out: list[str] = [
            f"<style>td, th {{ padding: 3px 12px 3px 0; }} th {{ text-align: left; "
            f"color: {muted}; font-weight: normal; border-bottom: 1px solid {grid}; }} "
            f".muted {{ color: {muted}; }} .bad {{ color: {bad}; }} .good {{ color: {good}; }}"
            " h4 { margin: 12px 0 4px 0; }</style>"
        ]
        if receipt is None:
            said = translate(
                "SentPane",
                "You marked this message as sent after its outcome was unknown, so there is "
                "no receipt from the server.",
            )
            out.append(f"<p>{e(said)}</p>")
            return "".join(out)
        if profile is not None and profile.sandbox:
            said = translate(
                "SentPane",
                "Sent to the built-in test server: it kept the message and delivered nothing.",
            )
            out.append(f"<p class='muted'>{e(said)}</p>")
        if receipt.transport == "rest":
            accepted_by = translate("SentPane", "Accepted by the REST API in {seconds} s.")
        else:
            accepted_by = translate("SentPane", "Accepted by SMTP in {seconds} s.")
        out.append(f"<p>{e(accepted_by.format(seconds=f'{receipt.seconds:.2f}'))}</p>")
        events = _events(record)
        by_id = {m.get("id"): m for m in events.get("messages", [])}
        if receipt.message_ids:
            out.append(
                "<table cellspacing='0'><tr>"
                f"<th>{e(translate('SentPane', 'Recipient'))}</th>"
                f"<th>{e(translate('SentPane', 'SMTPeter message id'))}</th>"
                f"<th>{e(translate('SentPane', 'Delivery'))}</th></tr>"
            )
            for message_id, recipient in receipt.message_ids.items():
                state = by_id.get(message_id, {}).get("state")
                label, tone = _delivery(str(state)) or (
                    translate("SentPane", "not asked yet"),
                    Tone.NEUTRAL,
                )
                css = {Tone.BAD: "bad", Tone.GOOD: "good"}.get(tone, "muted")
                out.append(
                    f"<tr><td>{e(recipient)}</td><td><code>{e(message_id)}</code></td>"
                    f"<td class='{css}'>{e(label)}</td></tr>"
                )
            out.append("</table>")
        else:
            accepted = ", ".join(receipt.accepted) or translate("SentPane", "nobody")
            took = translate("SentPane", "The server took it for: {recipients}.")
            out.append(f"<p>{e(took.format(recipients=accepted))}</p>")
            if receipt.reply:
                final = e(translate("SentPane", "The server's final reply:"))
                out.append(f"<p>{final} <code>{e(receipt.reply)}</code></p>")
        if receipt.rejected:
            refused = e(translate("SentPane", "Refused recipients"))
            out.append(f"<h4 class='bad'>{refused}</h4><table cellspacing='0'>")
            for rejection in receipt.rejected:
                out.append(
                    f"<tr><td>{e(rejection.address)}</td>"
                    f"<td><code>{rejection.code} {e(rejection.text)}</code></td></tr>"
                )
            others = e(translate("SentPane", "They did not get the message; the others did."))
            out.append(f"</table><p class='muted'>{others}</p>")
        if receipt.timings:
            steps = " · ".join(
                f"{e(_stage_name(name))} {e(_ms(seconds))}" for name, seconds in receipt.timings
            )
            taken = e(translate("SentPane", "Time taken:"))
            out.append(f"<p class='muted'>{taken} {steps}</p>")
        if receipt.message_ids:
            out.append(self._events_html(events))
        return "".join(out)

    def _events_html(self, events: dict[str, Any]) -> str:
        e = html.escape
        messages = events.get("messages", [])
        if not messages:
            heading = e(translate("SentPane", "Delivery"))
            said = e(
                translate(
                    "SentPane",
                    "Not asked yet: “Refresh Delivery Status” asks SMTPeter what became of the "
                    "message.",
                )
            )
            return f"<h4>{heading}</h4><p class='muted'>{said}</p>"
        heading = e(translate("SentPane", "Delivery events"))
        out = [f"<h4>{heading}</h4><table cellspacing='0'>"]
        columns = (
            translate("SentPane", "Recipient"),
            translate("SentPane", "When"),
            translate("SentPane", "What"),
            translate("SentPane", "Details"),
        )
        out.append("<tr>" + "".join(f"<th>{e(c)}</th>" for c in columns) + "</tr>")
        for message in messages:
            recipient = e(str(message.get("recipient", "")))
            rows = message.get("events", []) or [{"kind": "", "time": None, "data": {}}]
            for index, event in enumerate(rows):
                kind = str(event.get("kind", ""))
                what = _event_name(kind) if kind else translate("SentPane", "Nothing yet")
                data = event.get("data") or {}
                detail = data.get("description") or data.get("url") or ""
                code = data.get("code")
                if code and detail:
                    detail = f"{code} {detail}"
                css = " class='bad'" if kind in ("failure", "bounce") else ""
                out.append(
                    f"<tr><td>{recipient if index == 0 else ''}</td>"
                    f"<td class='muted'>{e(_event_time(event.get('time')))}</td>"
                    f"<td{css}>{e(what)}</td><td>{e(str(detail))}</td></tr>"
                )
        out.append("</table>")
        fetched = events.get("fetched")
        if isinstance(fetched, int | float):
            asked = translate("SentPane", "Last asked {time}.").format(time=lists.when(fetched))
            out.append(f"<p class='muted'>{e(asked)}</p>")
        return "".join(out)

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
        receipt = _receipt(record) if record is not None else None
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
            lambda: read_sent(context, id), shown, self._message_failed, parent=self
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
            attachments = _write_attachments(folder, message.attached)
        except OSError as exc:
            self._set_status(
                translate(
                    "SentPane", "The attachments could not be kept for forwarding: {reason}."
                ).format(reason=exc.strerror or exc),
                Tone.BAD,
            )
            return
        self.new_draft_requested.emit(forward_draft(original, message, attachments))

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


def read_sent(context: AppContext, id: int) -> ViewedMessage:
    """Sent message ``id`` as the viewer shows it, from its exact stored bytes.

    Runs on the pool, so it asks a Postman of its own (the window's belongs to the GUI
    thread).
    """
    with context.postman() as postman:
        record = postman.read(id)
        with postman.open_message(id) as reader:
            raw = reader.read()
    envelope = _json(record.envelope)
    options = _json(record.options)
    receipt = _receipt(record)
    return read_message(
        raw,
        recipients=[str(r) for r in envelope.get("recipients", [])],
        mail_from=str(envelope.get("sender", "")),
        options=options,
        dsn={},
        transport=receipt.transport if receipt is not None else (record.transport or "smtp"),
        captured=False,
    )


def forward_draft(
    original: Draft, message: ViewedMessage, attachments: tuple[Attachment, ...]
) -> Draft:
    """A new draft forwarding ``message``: its headers and its text quoted, its files."""
    headers = dict(message.headers)
    intro = [translate("sent_pane", "---------- Forwarded message ----------")]
    labels = (
        ("From", translate("sent_pane", "From")),
        ("Date", translate("sent_pane", "Date")),
        ("Subject", translate("sent_pane", "Subject")),
        ("To", translate("sent_pane", "To")),
        ("Cc", translate("sent_pane", "Cc")),
    )
    for name, label in labels:
        if headers.get(name):
            intro.append(f"{label}: {headers[name]}  ")
    quoted_text = original.body or message.text
    quoted = "\n".join(f"> {line}" if line else ">" for line in quoted_text.splitlines())
    subject = headers.get("Subject", original.subject)
    if not subject.lower().startswith(("fwd:", "fw:")):
        subject = f"Fwd: {subject}"
    return Draft(
        profile=original.profile,
        sender=original.sender,
        subject=subject,
        body="\n\n" + "\n".join(intro) + "\n\n" + quoted + "\n",
        attachments=attachments,
        options=original.options,
        base_dir=original.base_dir,
    )


def _write_attachments(
    folder: Path, attached: tuple[tuple[str, str, bytes], ...]
) -> tuple[Attachment, ...]:
    """Keep each attached file in ``folder`` so the new draft can attach it again."""
    if not attached:
        return ()
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for index, (name, content_type, data) in enumerate(attached):
        safe = Path(name).name or f"attachment-{index + 1}"
        path = folder / safe
        if path.exists() and path.read_bytes() != data:
            path = folder / f"{index + 1}-{safe}"
        path.write_bytes(data)
        made.append(Attachment(str(path), name=safe, content_type=content_type))
    return tuple(made)


def _json(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _receipt(record: Record) -> Receipt | None:
    if not record.receipt:
        return None
    try:
        return Receipt.from_dict(json.loads(record.receipt))
    except (ValueError, KeyError, TypeError):
        log.warning("The receipt of message %d cannot be read", record.id)
        return None


def _events(record: Record) -> dict[str, Any]:
    if not record.events:
        return {}
    try:
        data = json.loads(record.events)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _event_time(value: object) -> str:
    if not isinstance(value, str) or not value:
        return ""
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return lists.when(moment.timestamp())
