"""What happens after Send, step by step: the checks, the undo delay, the upload, the outcome.

    Send ─▶ pre-send checks ─▶ errors: a dialog, the first field focused, nothing sent
                             └▶ warnings: "Send Anyway" / "Go Back"  (and "confirm before send")
         ─▶ queued by the send worker (the pane is read-only meanwhile, then clears)
         ─▶ "Sending in 5 s… [Undo] [Send Now]"  ─Undo▶ the draft back in the pane, exactly
         ─▶ the upload, with a progress bar and Cancel
         ─▶ the outcome, told in words with what may be done next

This module is the order of those steps and what is on its way; the rest is one job each:
``send_questions`` (the dialogs), ``send_bars`` (the bars), ``send_outcome`` (telling the
outcome, in ``delivery.wording``'s words) and ``send_decisions`` (what the person decides
afterwards). The flow talks to the send worker only through ``SendService``; the quick
mailbox changes a person asks for go through the window's own Postman on the GUI thread.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.delivery.outcomes import Outcome, Result
from smtpeter_desktop.delivery.wording import quoted, recipient_count, sentence
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.errors import StorageError

from smtpeter_desktop.ui import messages
from smtpeter_desktop.ui.messages import MessageArea
from smtpeter_desktop.ui.send_bars import PreparingBar, ProgressBar, Sending, UndoBar
from smtpeter_desktop.ui.send_decisions import Decisions
from smtpeter_desktop.ui.send_outcome import OutcomeTeller
from smtpeter_desktop.ui.send_questions import SendQuestions

if TYPE_CHECKING:
    from smtpeter_desktop.compose.checks import Finding
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import CancelToken
    from smtpeter_desktop.delivery.postman import Postman

    from smtpeter_desktop.ui.compose_pane import ComposePane
    from smtpeter_desktop.ui.drafts import DraftKeeper
    from smtpeter_desktop.ui.send_worker import SendService

__all__ = ["DUE_SLACK_MS", "SendFlow", "UndoBar"]

log = logging.getLogger(__name__)

SEND_DUE_MS = 30_000
"""How often messages waiting for a retry (or a later time) are looked at."""
DUE_SLACK_MS = 250
"""A retry is looked for this long after its time (the clocks of the two need not agree)."""
SHOW_PROGRESS_AFTER_MS = 400
"""A send shorter than this shows no progress bar (it would only flicker)."""
_MB = 1024 * 1024


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
        self._preparing_bar: PreparingBar | None = None
        self._preparing_cancel: CancelToken | None = None
        self._waiting: dict[int, UndoBar] = {}
        self._sending: dict[int, Sending] = {}
        self._going: set[int] = set()  # asked to be sent, or being sent: not finished yet
        self.questions = SendQuestions(window, self)
        self.decide = Decisions(self, context, postman)
        self._teller = OutcomeTeller(self.decide, self.reveal.emit, self.show_pane.emit)
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
        # The checks (and the rendering and MIME building they use) are loaded once the
        # window is ready, off its thread (``delivery.context.load_send_path``), not on the
        # way to ready: ~40 ms of CPU. Here, and below, they are loaded by then.
        from smtpeter_desktop.compose.checks import Severity

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
        from smtpeter_desktop.compose.checks import Finding, Severity  # see send

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
        from smtpeter_desktop.compose import checks  # see send
        from smtpeter_desktop.compose.checks import Finding, Severity

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

    def _show_errors(self, errors: list[Finding]) -> None:
        self.questions.errors(errors, self._pane.focus_field)

    def _ask_warnings(self, warnings: list[Finding]) -> None:
        self.questions.warnings(warnings, self._queue, self._pane.focus_field)

    def _confirm(self) -> None:
        draft = self._pane.draft()
        self.questions.confirm(draft.subject, recipient_count(draft), self._queue)

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
            self._preparing_bar.stopping()

    def _show_preparing(self) -> None:
        draft = self._preparing
        if draft is None or self._preparing_bar is not None:
            return
        from smtpeter_desktop.compose import checks  # see send

        bar = PreparingBar(draft.subject, checks.estimated_size(draft), self.cancel_preparing)
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
        self._sending[id] = Sending(id, draft.subject, str(recipient_count(draft)))
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
            translate("SendFlow", "The message was not sent. {reason}").format(
                reason=sentence(text)
            ),
            translate("SendFlow", "It is kept as a draft."),
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
            translate("SendFlow", "Not sent: {what} stays a draft.").format(
                what=quoted(draft.subject)
            ),
            translate("SendFlow", "You stopped it before it went out."),
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
            messages.warning(
                translate("SendFlow", "The send could not be undone: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
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
                translate("SendFlow", "Not sent: {what} is back in the compose pane.").format(
                    what=quoted(draft.subject)
                ),
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
            messages.warning(
                translate("SendFlow", "The message could not be sent: {reason}").format(
                    reason=exc.message
                ),
                exc.hint,
            )
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

    def _describe(self, id: int) -> Sending:
        try:
            record = self._postman.read(id)
        except StorageError:
            return Sending(id, "", "")
        return Sending(id, record.subject, record.recipients)

    def _show_progress(self, id: int) -> None:
        sending = self._sending.get(id)
        if sending is None or sending.bar is not None:
            return
        bar = ProgressBar(sending.subject, functools.partial(self.cancel, id))
        sending.bar = bar
        self._area.add_bar(bar)

    @Slot(int, object, object)
    def _on_progress(self, id: int, done: int, total: int) -> None:
        sending = self._sending.get(id)
        if sending is not None and sending.bar is not None:
            sending.bar.show_progress(done, total)

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
        self._teller.tell(outcome, sending.subject)
        if outcome.result is Result.SENT:
            self.sent.emit(outcome.message_id)
        self._maybe_idle()

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        if not busy:
            self._maybe_idle()

    def _maybe_idle(self) -> None:
        if not self.has_work():
            self.idle.emit()

    # What the person decides (the Outbox's buttons and the banners') ----------------------

    def send_again(self, id: int) -> None:
        self.decide.send_again(id)

    def discard(self, id: int) -> None:
        self.decide.discard(id)

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

    def write_new(self, draft: Draft) -> None:
        """A new message with ``draft``'s contents, in the compose pane, its To field focused."""
        self._keeper.new_message()
        self._pane.set_draft(draft)
        self.show_pane.emit("compose")
        self._pane.focus_field("To")

    @property
    def dialog(self) -> QMessageBox | None:
        """The question on screen now, if any."""
        return self.questions.box
