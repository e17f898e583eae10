"""Short jobs off the GUI thread: a function runs on a pool thread, its result returns to the GUI.

The window must never wait on the keyring or the network. ``run_task`` runs a plain function
(a keyring read, a connection test) on a thread of a small pool of our own and hands its
result, or the exception it raised, to a callback on the GUI thread::

    run_task(lambda: secrets.has(profile.id), self._show_secret_state, self._keyring_failed,
             parent=self)

The result is for ``parent``: once ``parent`` is destroyed (a closed dialog) it is dropped,
and no callback runs on a dead widget. The function itself is not stopped; it finishes on its
thread, so it must not touch a widget, only return.

How the result crosses threads: a relay QObject that belongs to the application (so it is
alive whenever the pool thread emits) signals a ``Task`` that belongs to ``parent``; the
connection is queued, and Qt drops a queued call to a receiver that is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
P = TypeVar("P")

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """The pool every task runs in: a few threads, apart from Qt's global pool."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("smtpeter-tasks")
        # Keyring calls may block on an unlock prompt: let other tasks pass meanwhile.
        _pool.setMaxThreadCount(4)
    return _pool


def wait_for_all(msecs: int = 10_000) -> bool:
    """Wait until every task has finished and the pool's threads have ended; False on timeout.

    The window calls it when it closes, tests after each test: no thread outlives its owner.
    """
    return pool().waitForDone(msecs)


class _Relay(QObject):
    """Carries one task's outcome from its pool thread to the GUI thread."""

    result = Signal(object)
    failure = Signal(object)
    progress = Signal(object)


class Task(QObject, Generic[T]):
    """One function running on the pool; its callbacks run on the GUI thread.

    Signals:
        finished(): the outcome was delivered (after ``on_done`` or ``on_error`` ran).

    Attributes:
        done: the outcome has arrived (already true while its callback runs).
    """

    finished = Signal()

    def __init__(
        self,
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[object], None] | None,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._discarded = False
        self.done = False

    def discard(self) -> None:
        """Drop the outcome: no callback runs (a newer task replaced this one)."""
        self._discarded = True

    @Slot(object)
    def _deliver_result(self, value: object) -> None:
        self.done = True
        try:
            if not self._discarded:
                self._on_done(value)  # type: ignore[arg-type]  # the relay carries a T
        finally:
            self._end()

    @Slot(object)
    def _deliver_failure(self, error: object) -> None:
        assert isinstance(error, BaseException)
        self.done = True
        try:
            if self._discarded:
                return
            if self._on_error is None:
                # Nobody expects an error here: a bug. Logged with its traceback, never shown.
                log.error("A background task failed", exc_info=error)
            else:
                self._on_error(error)
        finally:
            self._end()

    @Slot(object)
    def _deliver_progress(self, value: object) -> None:
        if not self._discarded and self._on_progress is not None:
            self._on_progress(value)

    def _end(self) -> None:
        self.finished.emit()
        self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Callable[[object], None]], object], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        relay = self._relay
        try:
            value = self._fn(relay.progress.emit)
        except BaseException as exc:  # noqa: BLE001 - every outcome goes to the GUI thread
            relay.failure.emit(exc)
        else:
            relay.result.emit(value)
        finally:
            # The relay belongs to the application's thread: it is deleted there, after the
            # outcome it carried (posted first) was delivered.
            relay.deleteLater()


def run_task(
    fn: Callable[[], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    parent: QObject,
) -> Task[T]:
    """Run ``fn()`` on the pool; ``on_done(result)`` or ``on_error(exception)`` on the GUI thread.

    Without ``on_error`` an exception is a bug: it is logged with its traceback. Nothing is
    delivered once ``parent`` is destroyed or the task is discarded. Call from the GUI thread.
    """
    return run_task_with_progress(lambda _report: fn(), on_done, on_error, parent=parent)


def run_task_with_progress(
    fn: Callable[[Callable[[P], None]], T],
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    on_progress: Callable[[P], None] | None = None,
    parent: QObject,
) -> Task[T]:
    """Like :func:`run_task`, and ``fn`` gets a ``report(value)`` it may call from its thread;
    each value reaches ``on_progress`` on the GUI thread, in order, before the result."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("run_task needs a QApplication")
    task: Task[T] = Task(on_done, on_error, on_progress, parent)  # type: ignore[arg-type]
    relay = _Relay(app)
    relay.result.connect(task._deliver_result)
    relay.failure.connect(task._deliver_failure)
    relay.progress.connect(task._deliver_progress)
    pool().start(_Runnable(fn, relay))
    return task
