"""Send Later from the window: the dialog, the queue with its time, the window sending what is
due, late messages asked about at start, the Outbox's Change Time and Back to Drafts, and the
send-due timer's settings row.

Real parts: the app's built-in sandbox (messages land in its data folder), the real mailbox and
keyring, the send worker's thread.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtGui import QAction

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.storage import settings
from smtpeter_desktop.storage.mailbox import Mailbox, State
from tests.ui.shell_helpers import Windows, draft_for, shown_messages, wait_dialog, windows

from smtpeter_desktop.ui.main_window import MainWindow
from smtpeter_desktop.ui.send_later import SendLaterDialog, refusal
from smtpeter_desktop.ui.send_later_settings import SendLaterRows, how_it_works

__all__ = ["shown_messages", "windows"]

TIMEOUT = 20_000


def _summaries(home: Path) -> dict[int, Any]:
    with Mailbox(home / "mailbox.sqlite3") as mailbox:
        return {s.id: s for s in mailbox.summaries(list(State))}


def _captured(home: Path) -> list[Path]:
    folder = home / "sandbox" / "messages"
    return sorted(folder.glob("*.eml")) if folder.is_dir() else []


def _bar_with(window: MainWindow, text: str) -> Any:
    assert window.message_area is not None
    return next((b for b in window.message_area.bars() if text in b.label.text()), None)


def _write(window: MainWindow, subject: str) -> None:
    compose = window.compose
    assert compose is not None
    compose.to.setText("Bob <bob@example.org>")
    compose.subject.setText(subject)
    compose.editor.setPlainText("See you *tomorrow*.")


def test_the_dialog_refuses_a_time_in_the_past_with_a_sentence(qtbot) -> None:
    now = time.time()
    dialog = SendLaterDialog(clock=lambda: now)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_time(now - 3600)
    assert dialog.problem.isVisible()
    assert "has already passed" in dialog.problem.text()
    assert "Choose a later time" in dialog.problem.text()
    dialog.schedule_button.click()
    assert dialog.isVisible(), "not scheduled"
    dialog.set_time(now + 400 * 86_400)
    assert "more than a year ahead" in dialog.problem.text()
    dialog.set_time(now + 7200)
    assert not dialog.problem.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.schedule_button.click()
    assert dialog.chosen() == pytest.approx(now + 7200, abs=60)
    assert refusal(now + 60, now) == ""


def test_the_quick_picks_set_the_time(qtbot) -> None:
    now = time.time()
    dialog = SendLaterDialog(clock=lambda: now)
    qtbot.addWidget(dialog)
    assert set(dialog.picks) == {"In 1 hour", "Tomorrow 08:00", "Monday 08:00"}
    dialog.picks["Tomorrow 08:00"].click()
    chosen = time.localtime(dialog.chosen())
    assert (chosen.tm_hour, chosen.tm_min) == (8, 0)
    assert dialog.chosen() > now
    dialog.picks["Monday 08:00"].click()
    assert time.localtime(dialog.chosen()).tm_wday == 0
    dialog.picks["In 1 hour"].click()
    assert dialog.chosen() == pytest.approx(now + 3600, abs=60)


def test_send_later_queues_the_message_with_its_time(windows: Windows, qtbot) -> None:
    window = windows()
    _write(window, "Tomorrow's plan")
    window.compose.send_later_button.click()
    dialog = wait_dialog(qtbot, SendLaterDialog)
    at = float(int(time.time()) // 60 * 60 + 3 * 3600)
    dialog.set_time(at)
    dialog.schedule_button.click()

    qtbot.waitUntil(
        lambda: _bar_with(window, "Scheduled: “Tomorrow's plan” goes") is not None,
        timeout=TIMEOUT,
    )
    (summary,) = _summaries(window.home).values()
    assert summary.state is State.QUEUED
    assert summary.not_before == at
    assert window.compose.draft().subject == "", "the pane is free for the next message"
    assert window.flow.waiting() == [], "no undo countdown: it waits for its time"
    outbox = window.outbox
    outbox.refresh()
    item = outbox.list.topLevelItem(0)
    assert item.text(0) == "Scheduled"
    assert item.text(3) != "" and item.text(3) == outbox_goes_at(at)
    assert _captured(window.home) == []


def test_the_file_menu_and_its_key_open_send_later_from_any_pane(windows: Windows, qtbot) -> None:
    window = windows()
    _write(window, "From the menu")
    window.show_pane("outbox")
    action = window.findChild(QAction, "sendLaterAction")
    assert action is not None and action.isEnabled()
    assert action.shortcut().toString() == "Ctrl+Shift+Return"
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("Send L&ater…") == texts.index("&Send\tCtrl+Return") + 1, "beside Send"

    action.trigger()

    dialog = wait_dialog(qtbot, SendLaterDialog)
    assert window.current_pane() == "compose", "the message it schedules is in view"
    dialog.reject()
    assert window.compose.draft().subject == "From the menu", "cancelled: nothing moved"
    assert _summaries(window.home) == {} or all(
        s.state is State.DRAFT for s in _summaries(window.home).values()
    )


def outbox_goes_at(at: float) -> str:
    from smtpeter_desktop.ui.outbox_pane import scheduled_text

    return scheduled_text(at)


def test_the_window_sends_a_scheduled_message_at_its_time(windows: Windows, qtbot) -> None:
    window = windows()
    _write(window, "In a moment")
    window.flow.send(at=time.time() + 1.5)
    qtbot.waitUntil(lambda: len(_captured(window.home)) == 1, timeout=TIMEOUT)
    (summary,) = _summaries(window.home).values()
    qtbot.waitUntil(
        lambda: next(iter(_summaries(window.home).values())).state is State.SENT, timeout=TIMEOUT
    )
    assert summary.not_before is not None


def _queue_at(home: Path, subject: str, at: float) -> int:
    context = AppContext.open(home)
    try:
        (profile,) = [p for p in context.profiles.load() if p.sandbox]
        with context.postman() as postman:
            return postman.queue(draft_for(profile, subject=subject), at=at).id
    finally:
        context.close()


def test_at_start_a_due_message_goes_and_a_late_one_is_asked_about(windows: Windows, qtbot) -> None:
    first = windows()
    first.prefs.set(settings.LATE_SEND_LIMIT_HOURS, 12)
    first.prefs.save()
    first.close()
    now = time.time()
    due = _queue_at(windows.home, "An hour late", now - 3600)
    late = _queue_at(windows.home, "A day late", now - 24 * 3600)

    window = windows()

    qtbot.waitUntil(lambda: _summaries(window.home)[due].state is State.SENT, timeout=TIMEOUT)
    bar = _bar_with(window, "A scheduled message was not sent at its time")
    assert bar is not None
    assert "not sent so late by themselves" in bar.label.text()
    assert _summaries(window.home)[late].state is State.QUEUED
    window.outbox.refresh()
    rows = {
        window.outbox.list.topLevelItem(r).text(2): window.outbox.list.topLevelItem(r).text(0)
        for r in range(window.outbox.list.topLevelItemCount())
    }
    assert rows == {"A day late": "Late — waiting for you"}
    window.flow.send_due()  # the 30 s look leaves it alone too
    qtbot.wait(300)
    assert _summaries(window.home)[late].state is State.QUEUED

    bar.button("Send Now").click()

    qtbot.waitUntil(lambda: _summaries(window.home)[late].state is State.SENT, timeout=TIMEOUT)
    assert len(_captured(window.home)) == 2


def test_the_outbox_changes_the_time_and_takes_it_back_to_drafts(windows: Windows, qtbot) -> None:
    window = windows()
    at = time.time() + 5 * 3600
    id = _queue_at(window.home, "Move me", at)
    outbox = window.outbox
    window.show_pane("outbox")
    outbox.refresh()
    outbox.select(id)
    assert outbox.reschedule_button.isVisible()
    assert outbox.unschedule_button.isVisible()
    assert "It goes out at" in outbox.explanation.text()

    outbox.reschedule_button.click()
    dialog = wait_dialog(qtbot, SendLaterDialog)
    assert dialog.chosen() == pytest.approx(at, abs=60), "it starts at the message's time"
    later = float(int(at) // 60 * 60 + 86_400)
    dialog.set_time(later)
    dialog.schedule_button.click()

    qtbot.waitUntil(lambda: _summaries(window.home)[id].not_before == later, timeout=5000)
    assert "It now goes at" in outbox.notice.text()
    assert outbox.list.currentItem().text(3) == outbox_goes_at(later)

    outbox.unschedule_button.click()

    assert _summaries(window.home)[id].state is State.DRAFT
    assert outbox.count() == 0
    assert _captured(window.home) == []


def test_the_timer_row_installs_and_removes_the_autostart_entry(qtbot, isolated_home) -> None:
    from PySide6.QtWidgets import QWidget

    from smtpeter_desktop.storage.settings import Settings

    from smtpeter_desktop.ui import tasks

    parent = QWidget()
    qtbot.addWidget(parent)
    base = isolated_home / "config"
    saved: list[tuple[str, object]] = []
    prefs = Settings(isolated_home / "settings.toml")
    # A stand-in for systemctl, which must not touch the test machine's own user manager:
    # it answers "no systemd user manager", so the XDG autostart entry is written.
    rows = SendLaterRows(
        prefs,
        lambda option, value: saved.append((option.name, value)),
        parent,
        base=base,
        run=lambda _command: 1,
        platform="linux",
    )
    rows.load()
    assert not rows.timer.isChecked()
    rows.timer.setChecked(True)
    assert tasks.wait_for_all(10_000)
    qtbot.waitUntil(lambda: "Installed" in rows.status.text(), timeout=5000)
    entry = base / "autostart" / "smtpeter-desktop-send-due.desktop"
    assert "outbox send-due" in entry.read_text(encoding="utf-8")
    rows.timer.setChecked(False)
    assert tasks.wait_for_all(10_000)
    qtbot.waitUntil(lambda: "Removed" in rows.status.text(), timeout=5000)
    assert not entry.exists()
    rows.limit.setValue(3)
    assert saved == [("late_send_limit_hours", 3)]


def test_the_timer_row_says_what_it_is_on_other_systems(qtbot, isolated_home) -> None:
    assert "launchd agent" in how_it_works("darwin")
    assert "Task Scheduler" in how_it_works("win32")
    assert "systemd user timer" in how_it_works("linux")


def test_a_late_message_is_marked_only_past_the_limit() -> None:
    from smtpeter_desktop.delivery.names import Summary

    from smtpeter_desktop.ui.outbox_pane import badge, explain

    now = 1_800_000_000.0
    late = Summary(
        id=1,
        state=State.QUEUED,
        profile_id="",
        subject="",
        recipients="",
        created=0.0,
        updated=0.0,
        not_before=now - 13 * 3600,
        retry_at=None,
        attempts=0,
        size=None,
        error=None,
        sent_at=None,
        delivery=None,
    )
    assert badge(late, now, late_after=12 * 3600).text == "Late — waiting for you"
    assert "not sent by itself" in explain(late, now, 12 * 3600)
    assert badge(late, now, late_after=14 * 3600).text == "Due now"
    assert badge(late, now, late_after=None).text == "Due now", "limit 0: always sent"
