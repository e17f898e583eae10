"""Quitting the main window: ask before closing while a message is being sent, wait for it or
stop it, and shut down in order (save, stop the threads, then close the app's data).

Kept apart so the window's ``closeEvent``, "Stop Sending and Quit" and SIGTERM share one path.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QAbstractButton

    from smtpeter_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

STOP_WAIT_MS = 2000
"""After "Stop Sending and Quit" (or SIGTERM) the window waits this long for the cancelled
send to end (a cancel closes its socket), then closes all the same."""


def close_event(window: MainWindow, event: QCloseEvent) -> None:
    """Close now, or, while a message is being sent, ask first and keep the window open."""
    if window._closed:
        event.accept()
        return
    if window.flow is not None and window.flow.has_work() and not window._force_close:
        event.ignore()
        if not window._quitting:
            _ask_before_quitting(window)
        return
    shutdown(window)
    event.accept()


def _ask_before_quitting(window: MainWindow) -> None:
    from smtpeter_desktop.ui import messages

    if window._questions is None:
        window._questions = messages.Questions(window)
    flow = window.flow
    assert flow is not None
    if flow.waiting():
        details = translate(
            "MainWindow",
            "Wait, and SMTPeter Desktop closes once it has gone. Or stop sending and quit "
            "now: the message stays a draft.",
        )
    else:
        details = translate(
            "MainWindow",
            "Wait, and SMTPeter Desktop closes once it has gone. Or stop sending and quit "
            "now: the message stays in the Outbox, and nothing is lost.",
        )
    box = messages.question_box(
        window,
        translate("MainWindow", "A message is being sent"),
        translate("MainWindow", "A message is being sent."),
        details,
    )
    wait = box.addButton(translate("MainWindow", "Wait"), QMessageBox.ButtonRole.AcceptRole)
    stop = box.addButton(
        translate("MainWindow", "Stop Sending and Quit"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(wait)
    box.setEscapeButton(wait)

    def answered(clicked: QAbstractButton | None) -> None:
        if clicked is stop:
            stop_and_quit(window)
            return
        if clicked is wait:
            window._quitting = "wait"
            flow.send_waiting_now()
            messages.info(
                translate("MainWindow", "SMTPeter Desktop closes when the message has been sent."),
                key="quitting",
            )
        on_idle(window)

    window._questions.ask(box, answered)


def stop_and_quit(window: MainWindow) -> None:
    """Quit now without sending: what is being prepared or waits goes back to the drafts, a
    send under way is cancelled; the window closes when that is done, and after
    ``STOP_WAIT_MS`` at the latest."""
    if window.flow is None or not window.flow.has_work():
        _close_soon(window)
        return
    if window._quitting != "stop":
        window._quitting = "stop"
        window.flow.stop_all()
        QTimer.singleShot(STOP_WAIT_MS, window, lambda: _close_now(window))
    on_idle(window)


def _close_now(window: MainWindow) -> None:
    if not window._closed:
        log.warning("Closing while a send still runs: it was cancelled and did not end")
        window._force_close = True
        window.close()


def quit_when_idle(window: MainWindow) -> None:
    """Close once nothing is being sent any more, without asking (the smoke test)."""
    window._quitting = "stop"
    on_idle(window)
    if window.flow is None or not window.flow.has_work():
        _close_soon(window)


def on_idle(window: MainWindow) -> None:
    """The send flow has nothing left to do: close now if the person asked to quit."""
    if window._quitting and window.flow is not None and not window.flow.has_work():
        _close_soon(window)


def _close_soon(window: MainWindow) -> None:
    QTimer.singleShot(0, window, window.close)


def outcome_while_quitting(window: MainWindow, outcome: Any) -> None:
    """The person waited for a message to go and it did not: stay open and say so."""
    from smtpeter_desktop.delivery.outcomes import Result

    from smtpeter_desktop.ui import messages

    if window._quitting == "wait" and outcome.result not in (Result.SENT, Result.SKIPPED):
        window._quitting = ""
        messages.info(
            translate(
                "MainWindow", "SMTPeter Desktop stayed open because the message was not sent."
            ),
            key="quitting",
        )


def shutdown(window: MainWindow) -> None:
    """Save everything and stop every thread; the window can then go."""
    from smtpeter_desktop.ui import merge_hooks, window_settings

    if window._closed:
        return
    window._closed = True
    window_settings.save_state(window)
    if window.keeper is not None:
        window.keeper.save_now()
    if window.flow is not None:
        window.flow.stop_retries()
    if window.compose is not None:
        window.compose.shutdown()
    merge_hooks.shutdown(window)  # before the app's data closes: its row ends first
    if window.service is not None:
        # After a stop, the cancelled send has had its time; don't hang on it.
        window.service.shutdown(STOP_WAIT_MS if window._quitting == "stop" else 30_000)
    if window.flow is not None:
        window.flow.detach()  # before the mailbox closes: a late answer must not reach it
    for pane in (window._outbox, window._sent, window._accounts, window._signatures):
        stop = getattr(pane, "shutdown", None)
        if callable(stop):
            stop()
    if window.postman is not None:
        window.postman.close()
        window.postman = None
    if window.context is not None:
        window.context.close()
        window.context = None
    window._marker.end()
    log.info("Closed")
