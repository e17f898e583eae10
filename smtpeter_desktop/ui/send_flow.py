"""What happens after Send: the checks, the undo delay, the upload, and the outcome in words.

    Send ─▶ pre-send checks ─▶ errors: a dialog, the first field focused, nothing sent
                             └▶ warnings: "Send Anyway" / "Go Back"  (and "confirm before send")
         ─▶ queued by the send worker (the pane is read-only meanwhile, then clears)
         ─▶ "Sending in 5 s… [Undo] [Send Now]"  ─Undo▶ the draft back in the pane, exactly
         ─▶ the upload, with a progress bar and Cancel
         ─▶ Sent: a green bar with the ids │ Failed: the reason, safe in the Outbox,
            [Edit and Resend] │ Unknown: said plainly, [It Arrived] / [Send Again]

Every dialog is window-modal and opened with ``open()``: no nested event loop, so a send
finishing while a question is on screen is handled like any other signal. The flow only
talks to the send worker through ``SendService``; the quick mailbox changes a person asks for
(undo, edit, mark as sent) go through the window's own Postman on the GUI thread.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QProgressBar, QWidget

from smtpeter_desktop.compose import checks
from smtpeter_desktop.compose.checks import Finding, Severity
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.delivery import wording
from smtpeter_desktop.delivery.names import MailboxBusy, State
from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind, Outcome, Result
from smtpeter_desktop.delivery.wording import (
    plural,
    quoted,
    receipt_ids,
    recipient_count,
    rejection,
    sentence,
)
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import lists, messages
from smtpeter_desktop.ui.messages import Action, Level, MessageArea, MessageBar, Questions

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import CancelToken
    from smtpeter_desktop.delivery.postman import Postman

    from smtpeter_desktop.ui.compose_pane import ComposePane
    from smtpeter_desktop.ui.drafts import DraftKeeper
    from smtpeter_desktop.ui.send_worker import SendService

log = logging.getLogger(__name__)

SEND_DUE_MS = 30_000
"""How often messages waiting for a retry (or a later time) are looked at."""
DUE_SLACK_MS = 250
"""A retry is looked for this long after its time (the clocks of the two need not agree)."""
SHOW_PROGRESS_AFTER_MS = 400
"""A send shorter than this shows no progress bar (it would only flicker)."""
_MB = 1024 * 1024
_SETUP_KINDS = (ErrorKind.AUTH, ErrorKind.TLS, ErrorKind.CONFIG, ErrorKind.SETUP)


@dataclasses.dataclass
class _Sending:
    """What the window knows of a message on its way: for the bars' words."""

    id: int
    subject: str
    recipients: str
    bar: MessageBar | None = None
    progress: QProgressBar | None = None
    timer: QTimer | None = None


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
        self.add_action("&Undo", self.undone.emit, primary=True).setToolTip(
            "Take the message back into the compose pane; nothing is sent"
        )
        self.add_action(lists.SEND_NOW, self.expire).setToolTip("Send it without waiting")
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
        self.set_text(f"Sending {quoted(self.subject)} in {self.left} s…")


class SendFlow(QObject):
    """The steps from the Send button to the outcome, for the compose pane and the Outbox.

    Signals:
        sent(int): a message went out (Sent refreshes).
        outbox_changed(): a message entered, left or changed in the Outbox.
        show_pane(str): bring a pane forward: "compose", "outbox", "sent" or "accounts".
        reveal(str, int): bring a pane forward ("outbox" or "sent") with this message selected.
        show_account(str): bring Accounts forward with this profile selected.
        idle(): nothing is being prepared, waiting or sent any more.
        preparing_changed(bool): a message is being built and stored, or no longer.
    """

    sent = Signal(int)
    outbox_changed = Signal()
    show_pane = Signal(str)
    reveal = Signal(str, int)
    show_account = Signal(str)
    idle = Signal()
    preparing_changed = Signal(bool)

    def __init__(
        self,
        *,
        context: AppContext,
        pane: ComposePane,
        keeper: DraftKeeper,
        service: SendService,
        postman: Postman,
        area: MessageArea,
        window: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._pane = pane
        self._keeper = keeper
        self._service = service
        self._postman = postman
        self._area = area
        self._window = window
        self._preparing: Draft | None = None
        self._at: float | None = None  # Send Later's time for the send being asked about
        self._preparing_bar: MessageBar | None = None
        self._preparing_cancel: CancelToken | None = None
        self._waiting: dict[int, UndoBar] = {}
        self._sending: dict[int, _Sending] = {}
        self._going: set[int] = set()  # asked to be sent, or being sent: not finished yet
        self._questions = Questions(self)
        # The before-send check Send runs first when the setting asks for it (check_panel's
        # ``BeforeSendCheck.check_for_send``): it calls back with its warnings, or not at all
        # when something blocks (its panel then says what).
        self.pre_check: Callable[[Draft, Callable[[list[str]], None]], None] | None = None

        pane.send_requested.connect(self.send)
        service.draft_saved.connect(self._on_draft_saved)
        service.queued.connect(self._on_queued)
        service.queue_failed.connect(self._on_queue_failed)
        service.queue_cancelled.connect(self._on_queue_cancelled)
        service.started.connect(self._on_started)
        service.progress.connect(self._on_progress)
        service.finished.connect(self._on_finished)
        service.busy_changed.connect(self._on_busy_changed)

        self._due_timer = QTimer(self)
        self._due_timer.setInterval(SEND_DUE_MS)
        self._due_timer.timeout.connect(self.send_due)
        # The next promised retry: the message goes then, not at the next 30 s look.
        self.next_due = QTimer(self)
        self.next_due.setSingleShot(True)
        self.next_due.timeout.connect(self.send_due)

    # Starting -------------------------------------------------------------------------------

    def start_retries(self) -> None:
        """Send what is due now (left from an earlier run), then look every 30 s."""
        self._due_timer.start()
        self.send_due()

    def stop_retries(self) -> None:
        self._due_timer.stop()

    def detach(self) -> None:
        """The window is gone: answers still to come from the send thread (a send that was
        cancelled but stayed blocked) are no longer told, and nothing is tracked any more."""
        self._due_timer.stop()
        for signal, slot in (
            (self._service.draft_saved, self._on_draft_saved),
            (self._service.queued, self._on_queued),
            (self._service.queue_failed, self._on_queue_failed),
            (self._service.queue_cancelled, self._on_queue_cancelled),
            (self._service.started, self._on_started),
            (self._service.progress, self._on_progress),
            (self._service.finished, self._on_finished),
            (self._service.busy_changed, self._on_busy_changed),
        ):
            signal.disconnect(slot)
        for bar in self._waiting.values():
            bar.stop()
        self._waiting.clear()
        self._going.clear()
        self._sending.clear()
        self._preparing = None
        self._preparing_cancel = None

    def due_at(self, when: float) -> None:
        """Look for due messages at ``when`` (seconds since the epoch), or sooner if asked."""
        wait_ms = max(0, int((when - time.time()) * 1000)) + DUE_SLACK_MS
        if not self.next_due.isActive() or self.next_due.remainingTime() > wait_ms:
            self.next_due.start(wait_ms)

    @Slot()
    def send_due(self) -> None:
        if not self._service.is_busy():
            self._service.send_due()
        elif not self.next_due.isActive():
            self.next_due.start(DUE_SLACK_MS)  # the worker is busy: look again soon

    def has_work(self) -> bool:
        """A message is being prepared, waits out its undo delay, or is being sent.

        A look for due messages that finds none is not work: closing need not wait for it.
        """
        return self._preparing is not None or bool(self._waiting) or bool(self._going)

    def _send(self, id: int) -> None:
        self._going.add(id)
        self._service.send(id)

    # Send -----------------------------------------------------------------------------------

    @Slot()
    def send(self, at: float | None = None) -> None:
        """The compose pane's Send: check, ask what must be asked, then queue; with ``at``
        (Send Later, a UTC timestamp) the Outbox holds it until then."""
        if self._preparing is not None or self.dialog is not None:
            return
        self._at = at
        draft = self._pane.draft()
        findings = self.findings(draft)
        errors = [f for f in findings if f.severity is Severity.ERROR]
        if errors:
            self._show_errors(errors)
        elif self.pre_check is not None and self._context.settings.get(settings.CHECK_ON_SEND):
            self.pre_check(draft, lambda more: self._go_on(findings, more))
        else:
            self._go_on(findings, [])

    def _go_on(self, findings: list[Finding], checked: list[str]) -> None:
        """No error stops the send: one question for every warning, then queue."""
        if self._preparing is not None or self.dialog is not None:
            return
        warnings = [f for f in findings if f.severity is Severity.WARNING]
        warnings += [Finding("before-send", Severity.WARNING, text) for text in checked]
        if warnings:
            self._ask_warnings(warnings)
        elif self._context.settings.get(settings.CONFIRM_BEFORE_SEND):
            self._confirm()
        else:
            self._queue()

    def findings(self, draft: Draft) -> list[Finding]:
        """The pre-send checks with the person's own limits, plus what the pane marks."""
        prefs = self._context.settings
        found = checks.check(
            draft,
            max_visible=prefs.get(settings.WARN_RECIPIENTS),
            size_warning=prefs.get(settings.WARN_SIZE_MB) * _MB,
        )
        for field, text in self._pane.problems():
            # The checks read addresses themselves; the pane alone knows a vanished sender
            # and a tag SMTPeter would refuse.
            if field in ("From", "Tags") and text:
                found.append(Finding(f"pane-{field.lower()}", Severity.ERROR, text, field))
        return found

    def _show_errors(self, errors: Sequence[Finding]) -> None:
        box = self._box(
            QMessageBox.Icon.Warning,
            "The message cannot be sent yet",
            "This message cannot be sent yet.",
            "\n".join(f"•  {f.message}" for f in errors),
        )
        box.addButton("Go Back", QMessageBox.ButtonRole.AcceptRole)
        first = next((f.field for f in errors if f.field), "")
        self._open(box, lambda _clicked: self._pane.focus_field(first))

    def _ask_warnings(self, warnings: Sequence[Finding]) -> None:
        box = self._box(
            QMessageBox.Icon.Question,
            "Send this message?",
            "Send this message anyway?",
            "\n".join(f"•  {f.message}" for f in warnings),
        )
        send = box.addButton("Send Anyway", QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton("Go Back", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setEscapeButton(back)
        first = next((f.field for f in warnings if f.field), "")

        def answered(clicked: QAbstractButton | None) -> None:
            if clicked is send:
                self._queue()
            else:
                self._pane.focus_field(first)

        self._open(box, answered)

    def _confirm(self) -> None:
        draft = self._pane.draft()
        count = recipient_count(draft)
        box = self._box(
            QMessageBox.Icon.Question,
            "Send this message?",
            f"Send {quoted(draft.subject)} to {plural(count, 'recipient')}?",
            "You asked to be asked before every send (Settings).",
        )
        send = box.addButton("Send", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(send)
        self._open(box, lambda clicked: self._queue() if clicked is send else None)

    def _queue(self) -> None:
        draft = self._pane.draft()
        self._preparing = draft
        self.preparing_changed.emit(True)
        self._keeper.hold()
        self._pane.set_busy(True)
        delay = self._context.settings.get(settings.UNDO_SEND_SECONDS)
        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, self._show_preparing)
        self._preparing_cancel = self._service.queue_and_send(
            draft.to_json(), self._keeper.id, float(delay), self._at
        )

    def cancel_preparing(self) -> None:
        """Stop the message being prepared: it is not sent, and stays a draft."""
        if self._preparing_cancel is None:
            return
        self._preparing_cancel.cancel()
        if self._preparing_bar is not None:
            self._preparing_bar.set_text("Stopping…")
            button = self._preparing_bar.button("Cancel")
            if button is not None:
                button.setEnabled(False)

    def _show_preparing(self) -> None:
        draft = self._preparing
        if draft is None or self._preparing_bar is not None:
            return
        size = checks.estimated_size(draft)
        bar = MessageBar(
            Level.INFO, f"Preparing {quoted(draft.subject)} ({human_size(size)})…", closable=False
        )
        busy = QProgressBar(bar)
        busy.setRange(0, 0)
        busy.setMaximumWidth(160)
        busy.setAccessibleName("Preparing the message")
        bar.add_widget(busy)
        cancel = bar.add_action("&Cancel", self.cancel_preparing)
        cancel.setAccessibleName("Cancel sending")
        cancel.setToolTip("Stop: the message is not sent and stays a draft")
        self._preparing_bar = bar
        self._area.add_bar(bar)

    @Slot(int)
    def _on_draft_saved(self, id: int) -> None:
        if self._preparing is not None:
            self._keeper.adopt(id)

    @Slot(int, float)
    def _on_queued(self, id: int, not_before: float) -> None:
        draft = self._preparing
        self._end_preparing()
        if draft is None:
            return
        self._keeper.forget()
        self._pane.clear()
        self._pane.focus_first_empty()
        self.outbox_changed.emit()
        self._sending[id] = _Sending(id, draft.subject, str(recipient_count(draft)))
        if not_before <= 0:
            self._going.add(id)  # the worker sends it right after queueing
        seconds = self._context.settings.get(settings.UNDO_SEND_SECONDS)
        if self._at is not None:
            self._at = None
            if not_before - time.time() < 86_400:  # further ahead, the 30 s look finds it
                self.due_at(not_before)
            from smtpeter_desktop.ui.send_later import tell_scheduled

            tell_scheduled(draft.subject, not_before, lambda: self.show_pane.emit("outbox"))
        elif not_before > 0 and seconds > 0:
            bar = UndoBar(draft.subject, seconds)
            bar.expired.connect(functools.partial(self._release, id))
            bar.undone.connect(functools.partial(self.undo, id))
            self._waiting[id] = bar
            self._area.add_bar(bar)

    @Slot(str, str)
    def _on_queue_failed(self, text: str, field: str) -> None:
        self._end_preparing()
        messages.error(
            f"The message was not sent. {sentence(text)}",
            "It is kept as a draft.",
            key="queue-failed",
        )
        if field:
            self._pane.focus_field(field)

    @Slot(object)
    def _on_queue_cancelled(self, id: int | None) -> None:
        draft = self._preparing
        self._end_preparing()
        if draft is None:
            return
        if id is not None:
            self._keeper.adopt(id)
        messages.info(
            f"Not sent: {quoted(draft.subject)} stays a draft.",
            "You stopped it before it went out.",
            timeout=8,
            key="cancelled",
        )

    def _end_preparing(self) -> None:
        if self._preparing is None:
            return
        self._preparing = None
        self._preparing_cancel = None
        self.preparing_changed.emit(False)
        if self._preparing_bar is not None:
            self._preparing_bar.dismiss(quiet=True)
            self._preparing_bar = None
        self._pane.set_busy(False)
        self._keeper.release()
        self._maybe_idle()

    # Undo -----------------------------------------------------------------------------------

    def waiting(self) -> list[int]:
        """Messages counting down their undo delay, oldest first."""
        return list(self._waiting)

    @Slot()
    def undo_last(self) -> None:
        if self._waiting:
            self.undo(list(self._waiting)[-1])

    def undo(self, id: int, *, show: bool = True) -> bool:
        """Take message ``id`` back from the outbox into the drafts (and, with ``show``, into
        the compose pane, exactly as it was). False when it is too late."""
        bar = self._waiting.pop(id, None)
        if bar is not None:
            bar.stop()
            bar.dismiss(quiet=True)
        self._sending.pop(id, None)
        try:
            draft = self._postman.undo(id)
        except StorageError as exc:
            messages.warning(f"The send could not be undone: {exc.message}", exc.hint)
            self._maybe_idle()
            return False
        self.outbox_changed.emit()
        if show:
            self._keeper.save_now()  # a message started meanwhile stays a draft of its own
            self._pane.set_draft(draft)
            self._keeper.adopt(id)
            self.show_pane.emit("compose")
            self._pane.focus_first_empty()
            messages.info(
                f"Not sent: {quoted(draft.subject)} is back in the compose pane.",
                timeout=8,
                key="undo",
            )
        self._maybe_idle()
        return True

    def send_waiting_now(self) -> None:
        """End every undo delay now (the person quits and waits for the send)."""
        for bar in list(self._waiting.values()):
            bar.expire()

    def stop_all(self) -> None:
        """Stop everything on its way: the message being prepared and those waiting go back
        to the drafts; a send asked for or running is cancelled (it stays in the Outbox)."""
        self._service.stop()
        self.cancel_preparing()
        for id in list(self._waiting):
            self.undo(id, show=False)
        for id in self._going:
            self._service.cancel(id)
        self._service.cancel()

    def _release(self, id: int) -> None:
        bar = self._waiting.pop(id, None)
        if bar is not None:
            bar.dismiss(quiet=True)
        try:
            # The undo delay was the person's; the message goes now, not at the stored time.
            self._postman.send_now(id)
        except StorageError as exc:
            messages.warning(f"The message could not be sent: {exc.message}", exc.hint)
            return
        self._send(id)

    # Sending --------------------------------------------------------------------------------

    def send_queued(self, id: int) -> None:
        """Send a message from the Outbox now (the Outbox made it due)."""
        self._send(id)

    def cancel(self, id: int | None = None) -> None:
        self._service.cancel(id)

    @Slot(int)
    def _on_started(self, id: int) -> None:
        self._going.add(id)  # also a message the worker found due by itself
        sending = self._sending.get(id)
        if sending is None:
            sending = self._describe(id)
            self._sending[id] = sending
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(functools.partial(self._show_progress, id))
        timer.start(SHOW_PROGRESS_AFTER_MS)
        sending.timer = timer

    def _describe(self, id: int) -> _Sending:
        try:
            record = self._postman.read(id)
        except StorageError:
            return _Sending(id, "", "")
        return _Sending(id, record.subject, record.recipients)

    def _show_progress(self, id: int) -> None:
        sending = self._sending.get(id)
        if sending is None or sending.bar is not None:
            return
        bar = MessageBar(Level.INFO, f"Sending {quoted(sending.subject)}…", closable=False)
        bar.key = "progress"
        progress = QProgressBar(bar)
        progress.setRange(0, 100)
        progress.setMaximumWidth(200)
        progress.setAccessibleName("Sending progress")
        progress.setTextVisible(False)  # the bar's text says the percentage
        bar.add_widget(progress)
        cancel = bar.add_action("&Cancel", functools.partial(self.cancel, id))
        cancel.setAccessibleName("Cancel sending")
        cancel.setToolTip("Stop sending; the message stays in the Outbox")
        sending.bar, sending.progress = bar, progress
        self._area.add_bar(bar)

    @Slot(int, object, object)
    def _on_progress(self, id: int, done: int, total: int) -> None:
        sending = self._sending.get(id)
        if sending is None or sending.bar is None or sending.progress is None:
            return
        sending.progress.setValue(done * 100 // max(total, 1))
        if done >= total:
            # Every byte is out: stopping now could only leave the outcome unknown, so the
            # transport waits for the server's answer, and so does the window.
            sending.bar.set_text(
                f"Sent {quoted(sending.subject)}; waiting for the server's answer…"
            )
            button = sending.bar.button("Cancel")
            if button is not None:
                button.setEnabled(False)
        else:
            sending.bar.set_text(
                f"Sending {quoted(sending.subject)}… {done * 100 // max(total, 1)}% "
                f"({human_size(done)} of {human_size(total)})"
            )

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        self._going.discard(outcome.message_id)
        sending = self._sending.pop(outcome.message_id, None) or self._describe(outcome.message_id)
        if sending.timer is not None:
            sending.timer.stop()
        if sending.bar is not None:
            sending.bar.dismiss(quiet=True)
        if outcome.result is not Result.SKIPPED:
            self.outbox_changed.emit()
        for when in (outcome.retry_at, outcome.deferred_at):
            if when is not None:
                self.due_at(when)
        if outcome.result is Result.SENT:
            self._tell_sent(outcome, sending)
            self.sent.emit(outcome.message_id)
        elif outcome.error is not None:
            self._tell_not_sent(outcome, outcome.error, sending)
        self._maybe_idle()

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        if not busy:
            self._maybe_idle()

    def _maybe_idle(self) -> None:
        if not self.has_work():
            self.idle.emit()

    # Telling the outcome --------------------------------------------------------------------

    def _tell_sent(self, outcome: Outcome, sending: _Sending) -> None:
        receipt = outcome.receipt
        assert receipt is not None
        count = len(receipt.accepted)
        text = f"Sent {quoted(sending.subject)} to {plural(count, 'recipient')}."
        details = receipt_ids(receipt)
        if self._is_sandbox(outcome.message_id):
            details = "The built-in sandbox kept it; nothing was delivered. " + details
        messages.withdraw(messages.outcome_key(outcome.message_id))  # its failure is past
        messages.success(
            text,
            details,
            actions=[Action("Show in &Sent", lambda: self.reveal.emit("sent", outcome.message_id))],
            # One "sent" bar at a time: a newer send's takes its place, they never pile up.
            key="sent",
            timeout=30,
        )
        if receipt.rejected:
            refused = "; ".join(rejection(r) for r in receipt.rejected)
            messages.warning(
                f"Some recipients were refused and did not get it: {refused}.",
                "Check those addresses, then send them the message in a new one.",
                actions=[
                    Action(
                        "&Write to Them",
                        functools.partial(
                            self.write_to,
                            outcome.message_id,
                            tuple(r.address for r in receipt.rejected),
                        ),
                        primary=True,
                    )
                ],
                key=f"refused-{outcome.message_id}",
            )
        if outcome.error is not None:
            # Sent, with something the person must know: recipients the server put off for
            # now (a copy for them waits in the Outbox), or a send that could not be noted.
            messages.warning(
                sentence(outcome.error.message),
                outcome.error.hint,
                actions=[Action("Open &Outbox", lambda: self.show_pane.emit("outbox"))],
                key=f"sent-note-{outcome.message_id}",
            )

    def _state_of(self, id: int) -> State | None:
        try:
            return self._postman.read(id).state
        except StorageError:
            return None

    def _is_sandbox(self, id: int) -> bool:
        try:
            profile = self._context.profiles.find(self._postman.read(id).profile_id)
        except StorageError:
            return False
        return profile is not None and profile.sandbox

    def _tell_not_sent(self, outcome: Outcome, error: ErrorInfo, sending: _Sending) -> None:
        id = outcome.message_id
        what = quoted(sending.subject)
        reason = wording.reason(error)
        edit = Action("&Edit and Resend", lambda: self.edit(id), primary=True)
        again = Action(lists.SEND_AGAIN, lambda: self.send_again(id))
        key = messages.outcome_key(id)
        if outcome.result is Result.UNKNOWN:
            messages.warning(
                f"It is not known whether {what} went out. {reason}",
                "Ask a recipient (or look in SMTPeter's dashboard), then choose.",
                actions=[
                    Action(lists.ARRIVED, lambda: self.mark_sent(id)),
                    Action(lists.SEND_AGAIN, lambda: self.send_again(id)),
                ],
                key=key,
            )
        elif outcome.result is Result.RETRY:
            messages.warning(
                f"{quoted(sending.subject, start=True)} was not sent yet. {reason}",
                f"It waits in the Outbox and is tried again at {lists.when(outcome.retry_at)}.",
                actions=[Action(lists.SEND_NOW, lambda: self.send_again(id)), edit],
                key=key,
            )
        elif error.kind is ErrorKind.CANCELLED:
            # Said from where it is now (the core's hint may speak to the command line).
            if self._state_of(id) is State.DRAFT:
                where = "It is back in your drafts (File ▸ Open Draft…)."
                actions = [Action("&Open It", lambda: self.open_draft(id), primary=True)]
            else:
                where = "It waits in the Outbox."
                actions = [edit, again]
            messages.info(
                f"Sending {what} was stopped; it was not sent.", where, actions=actions, key=key
            )
        else:
            actions = [edit]
            if error.kind in _SETUP_KINDS:
                actions.append(Action("Open &Accounts", lambda: self._open_account_of(id)))
            actions.append(again)
            messages.error(
                f"{quoted(sending.subject, start=True)} was not sent. {reason}",
                f"{error.hint} It is safe in the Outbox.".strip(),
                actions=actions,
                key=key,
            )

    # What the person decides ----------------------------------------------------------------

    def edit(self, id: int) -> None:
        """Edit and resend: the message becomes a draft again, in the compose pane."""
        try:
            draft = self._postman.edit(id, draft_ok=True)
        except StorageError as exc:
            messages.error(f"The message could not be opened: {exc.message}", exc.hint)
            return
        self.outbox_changed.emit()
        self.open_draft(id, draft)

    def write_to(self, id: int, recipients: Sequence[str]) -> None:
        """A new message, a copy of sent message ``id``, to ``recipients`` alone (those the
        server refused: corrected, they can have it after all)."""
        try:
            draft = Draft.from_json(self._postman.read(id).draft)
        except StorageError as exc:
            messages.error(f"The message could not be copied: {exc.message}", exc.hint)
            return
        copy = dataclasses.replace(draft, to=", ".join(recipients), cc="", bcc="")
        self._keeper.new_message()
        self._pane.set_draft(copy)
        self.show_pane.emit("compose")
        self._pane.focus_field("To")

    def _open_account_of(self, id: int) -> None:
        """Accounts, with the account message ``id`` was sent with selected."""
        try:
            profile_id = self._postman.read(id).profile_id
        except StorageError:
            profile_id = ""
        self.show_account.emit(profile_id)

    def open_draft(self, id: int, draft: Draft | None = None) -> None:
        """Show draft ``id`` in the compose pane (the current message stays a draft)."""
        bar = self._waiting.pop(id, None)
        if bar is not None:  # taken back from the Outbox during its undo delay
            bar.stop()
            bar.dismiss(quiet=True)
            self._sending.pop(id, None)
        if draft is None:
            self._keeper.open(id)
        else:
            self._keeper.save_now()
            self._pane.set_draft(draft)
            self._keeper.adopt(id)
        self.show_pane.emit("compose")
        self._pane.focus_first_empty()

    def send_again(self, id: int, *, asked: bool = False) -> None:
        """Send message ``id`` again: the Outbox's button and the banners' alike. One whose
        outcome is unknown may have arrived: the person is asked first."""
        if not asked and self._state_of(id) is State.UNKNOWN:
            lists.confirm(
                self._window,
                "Send it again?",
                "Send this message again?",
                "Send Again",
                lambda: self.send_again(id, asked=True),
                informative="If the first one arrived, the recipients get it twice.",
                destructive=False,
            )
            return
        again = functools.partial(self._postman.send_again, id, even_if_it_arrived=asked)
        if self._change(id, "sent again", again):
            self._send(id)

    def mark_sent(self, id: int) -> None:
        """It arrived: a message of unknown outcome moves to Sent."""
        if self._change(id, "marked as sent", functools.partial(self._postman.mark_arrived, id)):
            self.sent.emit(id)

    def discard(self, id: int) -> None:
        """Delete a message from the Outbox, unsent (the Outbox asked first)."""
        self._change(id, "discarded", functools.partial(self._postman.delete, id))

    def _change(self, id: int, done: str, change: Callable[[], None]) -> bool:
        """One quick change the person asked for; a refusal or a busy mailbox is said."""
        try:
            change()
        except MailboxBusy as exc:
            messages.warning(f"The message could not be {done} yet. {exc.message}", exc.hint)
            return False
        except StorageError as exc:
            messages.error(f"The message could not be {done}: {exc.message}", exc.hint)
            self.outbox_changed.emit()
            return False
        # The banner about its last send offers what was just done: it goes.
        messages.withdraw(messages.outcome_key(id))
        self.outbox_changed.emit()
        return True

    # Dialogs --------------------------------------------------------------------------------

    def _box(self, icon: QMessageBox.Icon, title: str, text: str, details: str) -> QMessageBox:
        return messages.question_box(self._window, title, text, details, icon=icon)

    def _open(self, box: QMessageBox, then: Callable[[QAbstractButton | None], None]) -> None:
        self._questions.ask(box, then)

    @property
    def dialog(self) -> QMessageBox | None:
        """The question on screen now, if any."""
        return self._questions.box
