"""The send worker: the only way the window reaches a transport, on one thread of its own.

``SendWorker`` is a thin Qt wrapper around the Qt-free send path (``delivery.Postman``): it
lives in one ``QThread``, so sends are serialised, and owns a Postman made in that thread
(its mailbox connection is the thread's own). Every request is a slot; every answer a signal;
each request ends with exactly one answer. A send's outcome is the Postman's, passed on:
``Postman.send`` is the one place a bug in a send becomes words (``ErrorKind.BUG``, its
traceback in the log only). It never touches a widget.

``SendService`` is the window's handle on it: it starts the thread, turns method calls into
queued signals to the worker, counts the requests still running (so closing the window can
ask first), and stops the thread cleanly.

Network work, the keyring (reading the secret) and building plus storing a message (up to
20 MB) all happen here, never on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import CancelToken
    from smtpeter_desktop.delivery.outcomes import Outcome
    from smtpeter_desktop.delivery.postman import Postman

log = logging.getLogger(__name__)

_PROGRESS_STEP = 0.01  # report progress in steps of 1% at most, not per 64 KB chunk


class SendWorker(QObject):
    """Queues and sends messages through a Postman of its own; lives in the send thread.

    Signals:
        draft_saved(int): the draft of a ``queue_and_send`` request was saved under this id
            (before it is built: when building fails, it stays this draft).
        queued(int, float): message id is in the outbox; the float is when it may go
            (seconds since the epoch), 0.0 for at once.
        queue_failed(str, str): it could not be queued: the reason in words, and the field
            to point at ("To", "Attachments"...; empty when no field is at fault). The draft
            stays a draft.
        queue_cancelled(object): the person cancelled while it was being prepared: nothing
            was sent, and it is a draft again under this id (None: it was never saved).
        started(int): a send of message id starts now.
        progress(int, int, int): message id, bytes written, bytes in all (Python ints, as
            a message may pass 2 GiB, more than a Qt int holds).
        finished(object): the ``delivery.outcomes.Outcome`` of one send.
        events_refreshed(int, str): delivery events fetched for message id; the text is the
            error, empty when they were fetched.
        done(): one request has been answered (``SendService`` counts these).
    """

    draft_saved = Signal(int)
    queued = Signal(int, float)
    queue_failed = Signal(str, str)
    queue_cancelled = Signal(object)
    started = Signal(int)
    progress = Signal(int, object, object)
    finished = Signal(object)
    events_refreshed = Signal(int, str)
    done = Signal()

    def __init__(
        self,
        context: AppContext,
        *,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._clock = clock
        self._postman: Postman | None = None
        self._lock = threading.Lock()
        # The message being prepared (its draft id, None before its first save) or sent.
        self._current: tuple[int | None, CancelToken] | None = None
        self._cancelled: set[int] = set()
        self._stopping = False

    # Requests (slots; on the send thread) ----------------------------------------------------

    @Slot(str, object, float, object, object)
    def queue_and_send(
        self,
        draft_json: str,
        draft_id: int | None,
        delay: float,
        cancel: CancelToken | None = None,
        at: float | None = None,
    ) -> None:
        """Save the draft, build it, and put it in the outbox; send it now when ``delay`` is 0
        and no ``at`` (send later: a UTC timestamp) is given.

        ``cancel`` is the person's Cancel for the whole of it: it wins at every step, and a
        message cancelled before it went out is a draft again (``queue_cancelled``).
        """
        from smtpeter_desktop.delivery.names import CancelToken

        token = cancel or CancelToken()
        try:
            queued = self._queue(draft_json, draft_id, delay, token, at)
            if queued is not None and delay <= 0 and at is None:
                self._send(queued, token)
        finally:
            self.done.emit()

    @Slot(int)
    def send(self, id: int) -> None:
        """Send queued message ``id`` (when it is due and nobody else has it)."""
        from smtpeter_desktop.delivery.names import CancelToken

        try:
            self._send(id, CancelToken())
        finally:
            self.done.emit()

    @Slot()
    def send_due(self) -> None:
        """Send every queued message whose time has come (retries, send later), oldest first."""
        from smtpeter_desktop.storage.errors import StorageError

        try:
            try:
                due = self.postman().due()
                # Far past their time (the window was closed): a person decides, not the timer.
                late = set(self.postman().late(self._late_after())) if due else set()
            except StorageError as exc:
                log.warning("Looking for messages due failed: %s", exc)
                return
            except Exception:
                log.exception("Looking for messages due failed")
                return
            from smtpeter_desktop.delivery.names import CancelToken

            for id in due:
                if self._stopping:
                    break
                if id not in late:
                    self._send(id, CancelToken())
        finally:
            self.done.emit()

    @Slot(int)
    def refresh_events(self, id: int) -> None:
        """Ask SMTPeter what became of sent message ``id`` (REST accounts)."""
        from smtpeter_desktop.delivery.names import SendError
        from smtpeter_desktop.storage.errors import StorageError

        try:
            self.postman().refresh_events(id)
        except (SendError, StorageError) as exc:
            self.events_refreshed.emit(id, str(exc))
        except Exception:
            log.exception("Fetching the delivery events of message %d failed", id)
            self.events_refreshed.emit(
                id,
                translate(
                    "SendWorker",
                    "SMTPeter Desktop ran into an internal problem; the details are in the log.",
                ),
            )
        else:
            self.events_refreshed.emit(id, "")
        finally:
            self.done.emit()

    @Slot()
    def close(self) -> None:
        """Close the Postman (its connections and mailbox); runs as the thread ends."""
        if self._postman is not None:
            self._postman.close()
            self._postman = None

    # Called from the GUI thread ---------------------------------------------------------------

    def cancel(self, id: int | None = None) -> None:
        """Stop the send running now (or only message ``id``'s, also when it has not started).

        Thread-safe: called on the GUI thread while the worker is busy in the send thread.
        """
        with self._lock:
            current = self._current
            running = current is not None and (id is None or current[0] == id)
            if id is not None and not running:
                self._cancelled.add(id)  # asked for, not started yet: it stops before it connects
        if running and current is not None:
            current[1].cancel()

    def forget_cancel(self, id: int) -> None:
        """Drop a cancel of message ``id`` that came after its send ended (thread-safe)."""
        with self._lock:
            self._cancelled.discard(id)

    def stop(self) -> None:
        """Take no more messages from ``send_due``; the send running now finishes."""
        self._stopping = True

    # The work -------------------------------------------------------------------------------

    def _late_after(self) -> float:
        """Seconds past its time after which a scheduled message waits for the person."""
        from smtpeter_desktop.storage import settings

        hours = self._context.settings.get(settings.LATE_SEND_LIMIT_HOURS)
        return hours * 3600.0 if hours > 0 else float("inf")

    def postman(self) -> Postman:
        """This thread's Postman, made on first use (so its mailbox connection is ours)."""
        if self._postman is None:
            # Qt started this thread; give it a name for the log lines written on it.
            threading.current_thread().name = "send"
            self._postman = self._context.postman(self._clock)
        return self._postman

    def _queue(
        self,
        draft_json: str,
        draft_id: int | None,
        delay: float,
        cancel: CancelToken,
        at: float | None = None,
    ) -> int | None:
        from smtpeter_desktop.compose.draft import Draft

        with self._lock:
            self._current = (draft_id, cancel)
        try:
            if cancel.cancelled:
                self.queue_cancelled.emit(draft_id)
                return None
            draft = Draft.from_json(draft_json)
            postman = self.postman()
            # Saved first, so that a message that cannot be built is still this draft.
            draft_id = postman.save_draft(draft, draft_id)
            self.draft_saved.emit(draft_id)
            with self._lock:
                self._current = (draft_id, cancel)
            if cancel.cancelled:
                self.queue_cancelled.emit(draft_id)
                return None
            queued = postman.queue(draft, draft_id, delay=delay, at=at, cancel=cancel)
            if cancel.cancelled:
                # Cancelled while it was being built: it goes back to the drafts, unsent.
                self._take_back(queued.id)
                return None
        except Exception as exc:  # noqa: BLE001 - every failure becomes an answer, in words
            if not cancel.cancelled:
                self._queue_failed(exc)
                return None
            # A failure after a cancel is the cancel's doing (a step that noticed it).
            log.info("Preparing message %s stopped after a cancel: %s", draft_id, exc)
            self._take_back(draft_id)
            return None
        finally:
            with self._lock:
                self._current = None
        self.queued.emit(queued.id, queued.not_before or 0.0)
        return queued.id

    def _take_back(self, id: int | None) -> None:
        """A cancelled message back to the drafts; should that fail, it is sent with the
        cancel already given, which marks it stopped in the Outbox: never sent by itself."""
        from smtpeter_desktop.delivery.names import State
        from smtpeter_desktop.storage.errors import StorageError

        if id is not None:
            try:
                if self.postman().read(id).state is State.QUEUED:
                    self.postman().undo(id)
            except StorageError as exc:
                log.warning("Cancelled message %d could not go back to the drafts: %s", id, exc)
                from smtpeter_desktop.delivery.names import CancelToken

                stopped = CancelToken()
                stopped.cancel()
                self.queued.emit(id, 0.0)
                self._send(id, stopped)
                return
        self.queue_cancelled.emit(id)

    def _queue_failed(self, exc: Exception) -> None:
        from smtpeter_desktop.compose.errors import AttachmentError, ComposeError
        from smtpeter_desktop.storage.errors import StorageError

        if isinstance(exc, AttachmentError):
            self.queue_failed.emit(str(exc), "Attachments")
        elif isinstance(exc, ComposeError):
            self.queue_failed.emit(str(exc), str(getattr(exc, "field", "")))
        elif isinstance(exc, StorageError):
            self.queue_failed.emit(str(exc), "")
        elif isinstance(exc, RecursionError):
            from smtpeter_desktop.ui.preview import TOO_DEEP

            self.queue_failed.emit(TOO_DEEP, "Body")
        else:
            from smtpeter_desktop.delivery.outcomes import bug_while_preparing

            log.error("Queueing a message failed", exc_info=exc)
            self.queue_failed.emit(bug_while_preparing().text, "")

    def _send(self, id: int, token: CancelToken) -> None:
        with self._lock:
            self._current = (id, token)
            if id in self._cancelled:
                self._cancelled.discard(id)
                token.cancel()  # the transport stops before it connects
        try:
            self.started.emit(id)
            outcome = self._outcome_of(id, token)
        finally:
            with self._lock:
                self._current = None
        self.finished.emit(outcome)

    def _outcome_of(self, id: int, token: CancelToken) -> Outcome:
        """The Postman's outcome, passed on: ``Postman.send`` never raises, and is the one
        place a bug in a send is caught, logged and put into words."""
        from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind, Outcome, Result
        from smtpeter_desktop.storage.errors import StorageError

        try:
            postman = self.postman()
        except StorageError as exc:
            # The mailbox could not be opened: nothing was claimed, nothing went out.
            log.warning("Message %d was not sent: %s", id, exc)
            return Outcome(
                id, Result.FAILED, error=ErrorInfo(ErrorKind.SETUP, exc.message, exc.hint)
            )
        outcome = postman.send(id, self._progress_for(id), token)
        if outcome.result is Result.RETRY and token.cancelled:
            return self._stopped(outcome)
        return outcome

    def _stopped(self, outcome: Outcome) -> Outcome:
        """A send the person cancelled that then failed in a way worth retrying (a timeout
        the cancel could not cut short): back to the drafts, not queued for a retry they did
        not want."""
        from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind, Outcome, Result
        from smtpeter_desktop.storage.errors import StorageError

        id = outcome.message_id
        try:
            self.postman().edit(id)
        except StorageError as exc:
            log.warning("Cancelled message %d stays queued for a retry: %s", id, exc)
            return outcome
        info = ErrorInfo(
            ErrorKind.CANCELLED,
            translate("SendWorker", "The send was stopped; the message was not sent."),
        )
        return Outcome(id, Result.FAILED, error=info)

    def _progress_for(self, id: int) -> Callable[[int, int], None]:
        shown = -1.0

        def progress(done: int, total: int) -> None:
            nonlocal shown
            fraction = done / total if total else 1.0
            if fraction - shown >= _PROGRESS_STEP or done >= total:
                shown = fraction
                self.progress.emit(id, done, total)

        return progress


_left_running: list[tuple[QThread, SendWorker]] = []


def still_running() -> bool:
    """A send thread did not end when its window closed (blocked in a network call)."""
    return any(thread.isRunning() for thread, _ in _left_running)


class SendService(QObject):
    """The window's handle on the send thread: requests go in, answers come out.

    The worker's signals are passed on by signals of the same names here, which live on the
    GUI thread: connect to these, never to the worker's (PySide6 runs a slot that is not a
    method of a QObject on the emitting thread, which would be the send thread).

    Signals:
        draft_saved, queued, queue_failed, queue_cancelled, started, progress, finished,
        events_refreshed:
            as ``SendWorker``'s, delivered on the GUI thread.
        busy_changed(bool): requests are running (or waiting), or all are answered.

    Attributes:
        worker: the ``SendWorker`` in the send thread.
        send_thread: that thread.
    """

    draft_saved = Signal(int)
    queued = Signal(int, float)
    queue_failed = Signal(str, str)
    queue_cancelled = Signal(object)
    started = Signal(int)
    progress = Signal(int, object, object)
    finished = Signal(object)
    events_refreshed = Signal(int, str)
    busy_changed = Signal(bool)
    _queue_and_send = Signal(str, object, float, object, object)
    _send = Signal(int)
    _send_due = Signal()
    _refresh_events = Signal(int)

    def __init__(
        self,
        context: AppContext,
        *,
        clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.send_thread = QThread()
        self.send_thread.setObjectName("send")
        self.worker = SendWorker(context, clock=clock)
        self.worker.moveToThread(self.send_thread)
        self._pending = 0
        self._queue_and_send.connect(self.worker.queue_and_send)
        self._send.connect(self.worker.send)
        self._send_due.connect(self.worker.send_due)
        self._refresh_events.connect(self.worker.refresh_events)
        for name in (
            "draft_saved",
            "queued",
            "queue_failed",
            "queue_cancelled",
            "started",
            "progress",
            "finished",
            "events_refreshed",
        ):
            # Signal to signal, received by this GUI-thread object: a queued connection.
            getattr(self.worker, name).connect(getattr(self, name))
        self.worker.done.connect(self._answered)
        self.finished.connect(self._on_finished)
        # Runs in the send thread as it ends: the Postman's sqlite connection is that thread's.
        self.send_thread.finished.connect(self.worker.close, Qt.ConnectionType.DirectConnection)
        self.send_thread.start()

    def queue_and_send(
        self, draft_json: str, draft_id: int | None, delay: float, at: float | None = None
    ) -> CancelToken:
        """Ask for it to be prepared and sent (or held until ``at``: send later); the token
        cancels all of it, at any step."""
        from smtpeter_desktop.delivery.names import CancelToken

        token = CancelToken()
        self._asked()
        self._queue_and_send.emit(draft_json, draft_id, delay, token, at)
        return token

    def send(self, id: int) -> None:
        self._asked()
        self._send.emit(id)

    def send_due(self) -> None:
        self._asked()
        self._send_due.emit()

    def refresh_events(self, id: int) -> None:
        self._asked()
        self._refresh_events.emit(id)

    def cancel(self, id: int | None = None) -> None:
        self.worker.cancel(id)

    def stop(self) -> None:
        """Take no more messages from ``send_due`` (the window is quitting)."""
        self.worker.stop()

    def is_busy(self) -> bool:
        return self._pending > 0

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Finish the requests asked for, then end the thread; True when it ended in time.

        The window asks the person before calling this while a send runs (see
        ``send_flow``), and cancels it when told to stop; a send is never cut off here. A
        thread still blocked after ``timeout_ms`` is left to end by itself (kept referenced:
        a QThread destroyed while running aborts the program); ``still_running`` says so.
        """
        if not self.send_thread.isRunning():
            return True
        self.worker.stop()
        self.send_thread.quit()
        ended = bool(self.send_thread.wait(timeout_ms))
        if not ended:
            log.error("The send thread did not end within %d ms", timeout_ms)
            _left_running.append((self.send_thread, self.worker))
        return ended

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        # A Cancel clicked as the send ended must not stop the next send of this message.
        self.worker.forget_cancel(outcome.message_id)

    @Slot()
    def _asked(self) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    @Slot()
    def _answered(self) -> None:
        self._pending = max(0, self._pending - 1)
        if self._pending == 0:
            self.busy_changed.emit(False)
