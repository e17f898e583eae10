"""Sending from the window, end to end: checks, undo, progress, outcomes, quitting mid-send.

Real parts: the app's built-in sandbox (messages land in its data folder), sandboxes with a
password or fault rules, the real keyring, the real mailbox, the send worker's thread.
"""

from __future__ import annotations

import email
import email.policy
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt

from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.mailbox import Mailbox, State
from tests.ui.message_fixture import ShownMessages
from tests.ui.shell_helpers import (
    PASSWORD,
    SilentServer,
    Windows,
    add_silent_account,
    add_smtp_account,
    answer,
    button,
    make_sandbox,
    shown_messages,
    windows,
)

from smtpeter_desktop.ui.main_window import MainWindow
from smtpeter_desktop.ui.messages import Level
from smtpeter_desktop.ui.send_flow import UndoBar

__all__ = ["make_sandbox", "shown_messages", "windows"]

SEND_TIMEOUT = 20_000


def _set(window: MainWindow, option: settings.Option[Any], value: Any) -> None:
    window.prefs.set(option, value)


def _write(window: MainWindow, **fields: str) -> None:
    compose = window.compose
    assert compose is not None
    compose.to.setText(fields.get("to", "Bob <bob@example.org>"))
    compose.subject.setText(fields.get("subject", "Quarterly numbers"))
    compose.editor.setPlainText(fields.get("body", "# Hello\n\nThe numbers are in.\n"))


def _states(window: MainWindow) -> dict[int, State]:
    with Mailbox(window.home / "mailbox.sqlite3") as mailbox:
        found = mailbox.summaries(list(State))
    return {summary.id: summary.state for summary in found}


def _captured(window: MainWindow) -> list[Path]:
    folder = window.home / "sandbox" / "messages"
    return sorted(folder.glob("*.eml")) if folder.is_dir() else []


def _bar_with(window: MainWindow, text: str) -> Any:
    assert window.message_area is not None
    for bar in window.message_area.bars():
        if text in bar.label.text():
            return bar
    return None


def _wait_bar(window: MainWindow, qtbot: Any, text: str, timeout: int = SEND_TIMEOUT) -> Any:
    qtbot.waitUntil(lambda: _bar_with(window, text) is not None, timeout=timeout)
    return _bar_with(window, text)


def _smtp_window(
    windows: Windows, make_sandbox: Callable[..., Sandbox], secret: str = PASSWORD, **config: Any
) -> tuple[Any, Sandbox]:
    """A window whose From is an SMTP account on a sandbox that checks the password."""
    from smtpeter_desktop.delivery.context import AppContext

    box = make_sandbox(users={"ann@example.com": PASSWORD}, **config)
    context = AppContext.open(windows.home)
    try:
        profile = add_smtp_account(context, box, secret=secret)
    finally:
        context.close()
    window = windows()
    assert window.compose is not None
    window.compose.sender_box.select(profile.id, "ann@example.com")
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    return window, box


def test_write_and_send_to_the_sandbox_through_the_window(
    windows: Windows, qtbot: Any, shown_messages: ShownMessages
) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    compose = window.compose
    compose.to.setFocus()
    qtbot.keyClicks(compose.to, "Bob <bob@example.org>, carl@example.org")
    compose.subject.setFocus()
    qtbot.keyClicks(compose.subject, "Launch plan")
    compose.editor.setFocus()
    qtbot.keyClicks(compose.editor, "# Launch")
    qtbot.keyClick(compose.editor, Qt.Key.Key_Return)  # QTest types no "\n" itself
    qtbot.keyClicks(compose.editor, "We go on **Monday**.")

    button(compose, "Send").click()

    bar = _wait_bar(window, qtbot, "Sent “Launch plan” to 2 recipients")
    assert "built-in sandbox kept it" in bar.label.text()
    assert "SMTPeter message ids" in bar.label.text()
    message = shown_messages.getmsg(Level.SUCCESS)
    assert "Launch plan" in message.text
    (eml,) = _captured(window)
    mail = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert isinstance(mail, EmailMessage)
    assert mail["Subject"] == "Launch plan"
    html = mail.get_body(("html",))
    assert html is not None and "Monday</strong>" in html.get_content()
    assert compose.draft().subject == "" and compose.draft().to == "", "a new message"
    assert list(_states(window).values()) == [State.SENT]
    button(bar, "Show in Sent").click()
    assert window.current_pane() == "sent"
    assert window.sent is not None and window.sent.current_id() == next(iter(_states(window)))


def test_undo_send_puts_the_draft_back_exactly(
    windows: Windows, qtbot: Any, tmp_path: Path
) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 30)
    file = tmp_path / "plan.pdf"
    file.write_bytes(b"%PDF-1.4\n" + b"1" * 300)
    window.compose.attachments.add_paths([file])
    _write(window, to="Bob <bob@example.org>", subject="Take it back", body="Oops *not yet*.")
    window.compose.set_extras_visible(True)
    window.compose.cc.setText("carl@example.org")
    written = window.compose.draft()

    window.send_action.trigger()

    bar = _wait_bar(window, qtbot, "Sending “Take it back” in 30 s")
    assert isinstance(bar, UndoBar)
    assert window.compose.draft().subject == "", "the pane is free for the next message"
    (id,) = _states(window)
    assert _states(window)[id] is State.QUEUED
    button(bar, "Undo").click()
    assert _states(window) == {id: State.DRAFT}
    assert window.compose.draft() == written, "every word, file and option back"
    assert window.keeper.id == id
    assert _captured(window) == []


def test_the_undo_delay_ends_in_a_send(windows: Windows, qtbot: Any) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 1)
    _write(window, subject="After a second")
    started = time.monotonic()
    window.send_action.trigger()
    _wait_bar(window, qtbot, "Sent “After a second”")
    assert time.monotonic() - started >= 0.9
    assert len(_captured(window)) == 1


def test_errors_stop_the_send_and_point_at_the_field(
    windows: Windows, qtbot: Any, shown_messages: ShownMessages
) -> None:
    window = windows()
    _write(window, to="", subject="Nobody to send to")
    window.send_action.trigger()
    said = answer(qtbot, "Go Back")
    assert "no recipient" in said
    assert window.focusWidget() is window.compose.to
    assert _states(window) == {} or all(s is State.DRAFT for s in _states(window).values())
    assert shown_messages.messages == []


def test_warnings_ask_and_go_back_or_send_anyway(windows: Windows, qtbot: Any) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    _write(window, subject="", body="Please see the attached report.")
    window.send_action.trigger()
    said = answer(qtbot, "Go Back")
    assert "no subject" in said and "attached" in said
    assert window.focusWidget() is window.compose.subject
    assert _captured(window) == []

    window.send_action.trigger()
    answer(qtbot, "Send Anyway")
    _wait_bar(window, qtbot, "Sent the message without a subject")
    assert len(_captured(window)) == 1


def test_confirm_before_send_asks_once_more(windows: Windows, qtbot: Any) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    _set(window, settings.CONFIRM_BEFORE_SEND, True)
    _write(window, subject="Sure?")
    window.send_action.trigger()
    assert "Send “Sure?” to 1 recipient?" in answer(qtbot, "Cancel")
    assert _captured(window) == []
    window.send_action.trigger()
    answer(qtbot, "Send")
    _wait_bar(window, qtbot, "Sent “Sure?”")


def test_a_wrong_password_keeps_the_message_and_says_why(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    window, box = _smtp_window(windows, make_sandbox, secret="not the password")
    _write(window, subject="Locked out")
    window.send_action.trigger()
    bar = _wait_bar(window, qtbot, "was not sent")
    text = bar.label.text()
    assert "“Locked out” was not sent" in text and "safe in the Outbox" in text
    assert "not the password" not in text, "the secret is never shown"
    assert button(bar, "Open Accounts") is not None
    assert list(_states(window).values()) == [State.FAILED]
    assert box.messages() == []

    button(bar, "Edit and Resend").click()
    assert window.current_pane() == "compose"
    assert window.compose.draft().subject == "Locked out"
    assert list(_states(window).values()) == [State.DRAFT]


def test_cancel_mid_send_stops_it_and_the_message_waits(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    window, box = _smtp_window(windows, make_sandbox)
    box.faults.add("delay=rcpt:5")
    _write(window, subject="Stop this")
    window.send_action.trigger()
    progress = _wait_bar(window, qtbot, "Sending “Stop this”", timeout=5000)
    started = time.monotonic()
    button(progress, "Cancel").click()
    bar = _wait_bar(window, qtbot, "was stopped", timeout=5000)
    assert time.monotonic() - started < 4
    assert "waits in the Outbox" in bar.label.text()
    assert list(_states(window).values()) == [State.FAILED]
    assert box.messages() == []
    box.faults.clear()
    button(bar, "Send Again").click()
    _wait_bar(window, qtbot, "Sent “Stop this”")


def test_an_unknown_outcome_is_said_plainly_and_the_person_decides(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    window, box = _smtp_window(windows, make_sandbox)
    box.faults.add("drop=after-data")
    _write(window, subject="Did it go?")
    window.send_action.trigger()
    bar = _wait_bar(window, qtbot, "It is not known whether “Did it go?” went out")
    assert list(_states(window).values()) == [State.UNKNOWN]
    button(bar, "It Arrived — Mark as Sent").click()
    assert list(_states(window).values()) == [State.SENT]


def test_a_passing_failure_waits_for_a_retry(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    window, box = _smtp_window(windows, make_sandbox)
    box.faults.add("after-data=451")
    _write(window, subject="Busy server")
    window.send_action.trigger()
    bar = _wait_bar(window, qtbot, "was not sent yet")
    assert "tried again at" in bar.label.text()
    assert list(_states(window).values()) == [State.QUEUED]
    box.faults.clear()
    button(bar, "Send Now").click()
    _wait_bar(window, qtbot, "Sent “Busy server”")


def test_a_file_gone_before_queueing_keeps_the_draft(
    windows: Windows, qtbot: Any, tmp_path: Path, shown_messages: ShownMessages
) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    file = tmp_path / "gone.pdf"
    file.write_bytes(b"%PDF")
    window.compose.attachments.add_paths([file])
    _write(window, subject="With a file")
    file.unlink()
    # The checks see it too; here the file goes between the check and the build.
    window.flow._queue()
    qtbot.waitUntil(lambda: bool(shown_messages.messages), timeout=SEND_TIMEOUT)
    message = shown_messages.getmsg(Level.ERROR)
    assert "gone.pdf" in message.text and "kept as a draft" in message.full_text
    assert list(_states(window).values()) == [State.DRAFT]
    assert not window.compose.is_busy()
    assert window.compose.draft().subject == "With a file"


def test_quitting_while_sending_asks_and_waiting_finishes_the_send(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    window, box = _smtp_window(windows, make_sandbox)
    box.faults.add("delay=rcpt:1")
    _write(window, subject="Let it finish")
    window.send_action.trigger()
    qtbot.waitUntil(lambda: window.flow.has_work() and bool(window.flow._going), timeout=5000)
    window.close()
    assert window.isVisible(), "never closed half-way through a send"
    said = answer(qtbot, "Wait")
    assert "A message is being sent." in said
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=SEND_TIMEOUT)
    assert len(box.messages()) == 1
    assert list(_states(window).values()) == [State.SENT]


def test_stop_sending_and_quit_keeps_the_message_in_the_outbox(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    window, box = _smtp_window(windows, make_sandbox)
    box.faults.add("delay=rcpt:5")
    _write(window, subject="Stop and quit")
    window.send_action.trigger()
    qtbot.waitUntil(lambda: bool(window.flow._going), timeout=5000)
    window.close()
    answer(qtbot, "Stop Sending and Quit")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert list(_states(window).values()) == [State.FAILED]
    assert box.messages() == []


def test_quitting_during_the_undo_delay_can_take_it_back(windows: Windows, qtbot: Any) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 30)
    _write(window, subject="Not yet")
    window.send_action.trigger()
    _wait_bar(window, qtbot, "Sending “Not yet” in")
    window.close()
    said = answer(qtbot, "Stop Sending and Quit")
    assert "stays a draft" in said
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert list(_states(window).values()) == [State.DRAFT]
    with Mailbox(window.home / "mailbox.sqlite3") as mailbox:
        (draft,) = mailbox.summaries([State.DRAFT])
    assert draft.subject == "Not yet", "kept among the drafts"


def test_messages_left_due_are_sent_at_start(windows: Windows, qtbot: Any) -> None:
    from smtpeter_desktop.delivery.context import AppContext
    from tests.ui.shell_helpers import draft_for, sandbox_profile

    context = AppContext.open(windows.home)
    try:
        with context.postman() as postman:
            postman.queue(draft_for(sandbox_profile(context), subject="Left over"))
    finally:
        context.close()
    window = windows()
    _wait_bar(window, qtbot, "Sent “Left over”")


def test_the_retry_timer_looks_every_30_seconds(windows: Windows) -> None:
    window = windows()
    assert window.flow._due_timer.isActive()
    assert window.flow._due_timer.interval() == 30_000


@pytest.mark.parametrize("theme", ["dark"])
def test_bars_read_well_in_a_dark_palette(windows: Windows, qtbot: Any, theme: str) -> None:
    from PySide6.QtWidgets import QApplication

    from smtpeter_desktop.ui import appearance

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply_theme(app, theme)
    try:
        window = windows()
        _set(window, settings.UNDO_SEND_SECONDS, 0)
        _write(window, subject="In the dark")
        window.send_action.trigger()
        bar = _wait_bar(window, qtbot, "Sent “In the dark”")
        assert "#" in bar.styleSheet()
    finally:
        appearance.apply_theme(app, "system")


class _SlowBuild:
    """Holds every message build until the test lets it go.

    A test double for time only: the real ``mime.write_message`` builds the message, this
    wrapper just makes "while it is being built" last as long as the test needs.
    """

    def __init__(self, monkeypatch: Any) -> None:
        from smtpeter_desktop.compose import mime

        self.building = threading.Event()
        self.go_on = threading.Event()
        real = mime.write_message

        def slow(*args: Any, **kwargs: Any) -> Any:
            self.building.set()
            self.go_on.wait(10)
            return real(*args, **kwargs)

        monkeypatch.setattr(mime, "write_message", slow)


def _wait_building(qtbot: Any, slow: _SlowBuild) -> None:
    qtbot.waitUntil(slow.building.is_set, timeout=SEND_TIMEOUT)


def test_cancel_while_the_message_is_being_built_wins(
    windows: Windows, qtbot: Any, monkeypatch: Any, shown_messages: ShownMessages
) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    slow = _SlowBuild(monkeypatch)
    _write(window, subject="Stopped in time")
    window.send_action.trigger()
    _wait_building(qtbot, slow)
    bar = _wait_bar(window, qtbot, "Preparing “Stopped in time”")
    bar.button("Cancel").click()
    slow.go_on.set()
    qtbot.waitUntil(lambda: not window.flow.has_work(), timeout=SEND_TIMEOUT)
    message = shown_messages.getmsg(Level.INFO)
    assert "Not sent: “Stopped in time” stays a draft." in message.text
    assert list(_states(window).values()) == [State.DRAFT]
    assert _captured(window) == [], "nothing reached the sandbox"
    assert not window.compose.is_busy()
    assert window.compose.draft().subject == "Stopped in time"
    assert window.keeper.id in _states(window)


def test_stop_sending_and_quit_while_the_message_is_being_built_sends_nothing(
    windows: Windows, qtbot: Any, monkeypatch: Any
) -> None:
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    slow = _SlowBuild(monkeypatch)
    _write(window, subject="Quit before it went")
    window.send_action.trigger()
    _wait_building(qtbot, slow)
    window.close()
    answer(qtbot, "Stop Sending and Quit")
    slow.go_on.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=SEND_TIMEOUT)
    qtbot.wait(500)  # had the worker gone on to send, it would be doing so now
    assert list(_states(window).values()) == [State.DRAFT]
    assert _captured(window) == []


def test_quit_while_the_server_never_answers_ends_in_a_couple_of_seconds(
    windows: Windows, qtbot: Any
) -> None:
    from smtpeter_desktop.delivery.context import AppContext

    from smtpeter_desktop.ui import send_worker
    from smtpeter_desktop.ui.main_window import STOP_WAIT_MS

    server = SilentServer()
    try:
        context = AppContext.open(windows.home)
        try:
            profile = add_silent_account(context, server)
        finally:
            context.close()
        window = windows()
        window.compose.sender_box.select(profile.id, "ann@example.com")
        _set(window, settings.UNDO_SEND_SECONDS, 0)
        _write(window, subject="Never answered")
        window.send_action.trigger()
        qtbot.waitUntil(lambda: bool(server.connections), timeout=SEND_TIMEOUT)
        window.stop_and_quit()  # what SIGTERM and "Stop Sending and Quit" do
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=STOP_WAIT_MS + 3000)
    finally:
        server.close()
    qtbot.waitUntil(lambda: not send_worker.still_running(), timeout=SEND_TIMEOUT)
    qtbot.waitUntil(lambda: not window.flow.has_work(), timeout=SEND_TIMEOUT)
    states = set(_states(window).values())
    assert State.SENT not in states and State.QUEUED not in states, states


def test_a_sent_outcome_with_something_to_know_says_it(
    windows: Windows, qtbot: Any, shown_messages: ShownMessages
) -> None:
    from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind, Outcome, Result

    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    _write(window, subject="Partly put off")
    window.send_action.trigger()
    _wait_bar(window, qtbot, "Sent “Partly put off”")
    (id,) = _states(window)
    receipt = window.postman.receipt_of(id)
    # The core reports recipients a server put off for now (4xx at RCPT) with a SENT
    # outcome that carries a note; made here as the core makes it, for a real sent message.
    note = ErrorInfo(
        ErrorKind.CONFIG,
        "The server put off carl@example.org for now; a copy for them waits in the Outbox",
        "It is tried again by itself.",
    )
    window.service.finished.emit(Outcome(id, Result.SENT, receipt=receipt, error=note))
    bar = _wait_bar(window, qtbot, "put off carl@example.org")
    assert "tried again by itself" in bar.label.text()
    assert bar.button("Open Outbox") is not None


def test_open_accounts_after_a_wrong_password_selects_that_account(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    window, _box = _smtp_window(windows, make_sandbox, secret="not the password")
    _write(window, subject="Locked out")
    window.send_action.trigger()
    bar = _wait_bar(window, qtbot, "was not sent")
    sender = window.compose.draft().profile
    button(bar, "Open Accounts").click()
    assert window.current_pane() == "accounts"
    qtbot.wait(100)
    assert window.accounts.current_id() == sender


def test_refused_recipients_get_a_button_for_a_new_message(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    window, box = _smtp_window(windows, make_sandbox)
    box.faults.add("reject=carol@*")
    _write(window, to="bob@example.org, carol@example.net", subject="Minutes")
    window.send_action.trigger()
    bar = _wait_bar(window, qtbot, "Some recipients were refused")
    button(bar, "Write to Them").click()
    assert window.current_pane() == "compose"
    draft = window.compose.draft()
    assert draft.to == "carol@example.net" and draft.subject == "Minutes"
    assert "The numbers are in." in draft.body


def test_send_again_on_an_unknown_outcome_asks_first_and_arrived_elsewhere_ends_the_banner(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    """One way to resend: the banner's Send Again asks, as the Outbox's does; and once the
    Outbox marked it as arrived, the banner that offered Send Again is gone."""
    window, box = _smtp_window(windows, make_sandbox)
    box.faults.add("drop=after-data")
    _write(window, subject="Did it go?")
    window.send_action.trigger()
    bar = _wait_bar(window, qtbot, "It is not known whether “Did it go?” went out")
    assert button(bar, "Send Again") is not None
    (id,) = _states(window)
    window.flow.send_again(id)  # what the banner's button does
    question = answer(qtbot, "Cancel")
    assert "twice" in question
    assert list(_states(window).values()) == [State.UNKNOWN]
    assert _bar_with(window, "It is not known whether") is bar

    window.flow.reveal.emit("outbox", id)
    assert window.outbox is not None
    window.outbox.arrived_button.click()
    assert list(_states(window).values()) == [State.SENT]
    qtbot.waitUntil(lambda: _bar_with(window, "It is not known whether") is None, timeout=2000)


def test_a_passing_failure_is_looked_at_again_at_its_retry_time(
    windows: Windows, make_sandbox: Callable[..., Sandbox], qtbot: Any
) -> None:
    """Not at the next 30 s look: the flow wakes up at the time the banner promised."""
    from smtpeter_desktop.ui.send_flow import DUE_SLACK_MS

    window, box = _smtp_window(windows, make_sandbox)
    box.faults.add("after-data=451")
    _write(window, subject="Busy server")
    window.send_action.trigger()
    _wait_bar(window, qtbot, "was not sent yet")
    with Mailbox(window.home / "mailbox.sqlite3") as mailbox:
        (summary,) = mailbox.summaries([State.QUEUED])
    assert summary.retry_at is not None
    assert window.flow.next_due.isActive()
    promised_ms = (summary.retry_at - time.time()) * 1000 + DUE_SLACK_MS
    # Qt may fire a long timer up to 5% late (a coarse timer); the 30 s look was up to 30 s.
    assert window.flow.next_due.remainingTime() <= promised_ms * 1.05 + 50


def test_success_bars_do_not_pile_up(windows: Windows, qtbot: Any) -> None:
    """Each send's "Sent" bar takes the place of the last one's."""
    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 0)
    for subject in ("First note", "Second note"):
        _write(window, subject=subject)
        window.send_action.trigger()
        _wait_bar(window, qtbot, f"Sent “{subject}”")
    assert _bar_with(window, "Sent “First note”") is None
    assert window.message_area is not None
    assert len([b for b in window.message_area.bars() if b.label.text().startswith("Sent")]) == 1


def test_a_bug_inside_a_send_is_told_once_in_words_and_the_message_is_kept(
    windows: Windows, qtbot: Any, shown_messages: ShownMessages, caplog: pytest.LogCaptureFixture
) -> None:
    """One bug path: the Postman's. A message whose stored envelope is damaged (no test
    double: the real mailbox, written behind the app's back) breaks inside the send; the
    person reads one sentence, no traceback, and the message stays in the Outbox as
    unknown, never sent again by itself."""
    import logging
    import sqlite3

    window = windows()
    _set(window, settings.UNDO_SEND_SECONDS, 60)
    _write(window, subject="Broken inside")
    window.send_action.trigger()
    undo = _wait_bar(window, qtbot, "Sending “Broken inside” in")
    (id,) = _states(window)
    db = sqlite3.connect(window.home / "mailbox.sqlite3")
    with db:
        db.execute("UPDATE messages SET envelope = '{not json' WHERE id = ?", (id,))
    db.close()
    with caplog.at_level(logging.ERROR):
        button(undo, "Send Now").click()
        qtbot.waitUntil(lambda: bool(shown_messages.messages), timeout=SEND_TIMEOUT)
        qtbot.waitUntil(lambda: not window.flow.has_work(), timeout=SEND_TIMEOUT)
    told = shown_messages.getmsg()
    assert "internal problem" in told.full_text
    for leak in ("Traceback", "JSONDecodeError", "Expecting", "{not json"):
        assert leak not in told.full_text
    assert any(r.exc_info for r in caplog.records), "the traceback is in the log, only there"
    assert _states(window) == {id: State.UNKNOWN}, "kept, and never sent again by itself"
    window.flow.send_due()
    qtbot.waitUntil(lambda: not window.service.is_busy(), timeout=SEND_TIMEOUT)
    assert _states(window) == {id: State.UNKNOWN} and _captured(window) == []
    assert len(shown_messages.messages) == 1
