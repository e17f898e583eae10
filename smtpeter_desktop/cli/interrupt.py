"""Ctrl+C while a message is queued or sent: stop at once, and keep the message where expected.

The send runs on a thread of its own, so the main thread is always free to take the signal,
whatever the send is blocked on (a name lookup, a connect, a silent server). The signal
cancels the send's ``CancelToken`` (which closes its socket); the send then settles the
message itself: back to the drafts, or held in the outbox as "cancelled by you", never
queued for a try by itself. Should the send not come back within ``GRACE`` seconds, the
command ends anyway and settles the message from here.
"""

from __future__ import annotations

import contextlib
import dataclasses
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

from smtpeter_desktop.delivery.names import CancelToken
from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import Progress
    from smtpeter_desktop.delivery.outcomes import Outcome

GRACE = 2.0
"""Seconds a cancelled send has to stop by itself before the command ends without it."""


@dataclasses.dataclass
class Interrupts:
    """Ctrl+C presses while a send runs; the first cancels ``token``."""

    token: CancelToken = dataclasses.field(default_factory=CancelToken)
    presses: int = 0


@contextlib.contextmanager
def cancel_on_interrupt() -> Iterator[Interrupts]:
    """SIGINT cancels the send instead of raising ``KeyboardInterrupt`` at a random line."""
    interrupts = Interrupts()

    def interrupted(signum: int, frame: object) -> None:
        interrupts.presses += 1
        if interrupts.presses == 1:
            print(translate("cli.interrupt", "\nStopping the send…"), file=sys.stderr, flush=True)
            interrupts.token.cancel()

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield interrupts
    finally:
        signal.signal(signal.SIGINT, previous)


def exit_code(interrupts: Interrupts, outcome: Outcome, code: int) -> int:
    """130 after Ctrl+C, unless the message had already gone (then what it was)."""
    from smtpeter_desktop.cli.common import EXIT_INTERRUPTED
    from smtpeter_desktop.delivery.outcomes import Result

    if interrupts.token.cancelled and outcome.result is not Result.SENT:
        return EXIT_INTERRUPTED
    return code


class _Watched:
    """Passes progress on, and remembers whether any byte of the message was written."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.written = 0

    def __call__(self, done: int, total: int) -> None:
        self.written = max(self.written, done)
        if self.progress is not None:
            self.progress(done, total)


def send(
    context: AppContext, id: int, interrupts: Interrupts, progress: Progress | None = None
) -> Outcome:
    """Send queued message ``id`` on a thread; Ctrl+C ends it within ``GRACE`` seconds."""
    watched = _Watched(progress)
    answer: list[Outcome] = []
    failure: list[BaseException] = []

    def work() -> None:
        try:
            with context.postman() as postman:
                # The process ends after this one send: its session need not stay open.
                answer.append(postman.send(id, watched, interrupts.token, last=True))
        except BaseException as exc:  # noqa: BLE001 (handed to the main thread, which raises it)
            failure.append(exc)

    thread = threading.Thread(target=work, name="send", daemon=True)
    thread.start()
    while thread.is_alive() and not interrupts.token.cancelled:
        thread.join(0.05)
    deadline = time.monotonic() + GRACE
    while thread.is_alive() and time.monotonic() < deadline and interrupts.presses < 2:
        thread.join(0.05)
    if failure:
        raise failure[0]
    if answer:
        return answer[0]
    return _abandon(context, id, watched.written)


def _abandon(context: AppContext, id: int, written: int) -> Outcome:
    """Settle a cancelled send that did not stop in time; the process ends right after."""
    with context.postman() as postman:
        return postman.abandon(id, written)
