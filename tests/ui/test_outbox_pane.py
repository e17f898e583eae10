"""The outbox pane against a real mailbox filled by real sends to sandboxes with faults."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.mailbox import MailboxError, NotFound, State
from smtpeter_desktop.storage.profiles import Profile
from tests.ui.panes_fixtures import *  # noqa: F403
from tests.ui.panes_fixtures import click_in_box, draft_for

from smtpeter_desktop.ui.lists import ID_ROLE, TONE_ROLE
from smtpeter_desktop.ui.outbox_pane import EMPTY_TEXT, OutboxPane


@pytest.fixture
def make_pane(qtbot, context: AppContext, postman: Postman) -> Iterator[Callable[[], OutboxPane]]:
    made: list[OutboxPane] = []

    def make() -> OutboxPane:
        pane = OutboxPane(context, postman)
        qtbot.addWidget(pane)
        pane.resize(900, 600)
        made.append(pane)
        return pane

    yield make
    for pane in made:
        pane.shutdown()


def _send_with_fault(
    postman: Postman, profile: Profile, box: Sandbox, fault: str, subject: str
) -> int:
    box.faults.clear()
    box.faults.add(fault)
    queued = postman.queue(draft_for(profile, subject=subject))
    postman.send(queued.id)
    box.faults.clear()
    return queued.id


def _rows(pane: OutboxPane) -> dict[str, tuple[str, str, int]]:
    """subject -> (badge text, tone, id)"""
    rows = {}
    for row in range(pane.list.topLevelItemCount()):
        item = pane.list.topLevelItem(row)
        assert item is not None
        rows[item.text(2)] = (item.text(0), item.data(0, TONE_ROLE), item.data(0, ID_ROLE))
    return rows


@pytest.fixture
def outbox(postman: Postman, smtp_account: tuple[Profile, Sandbox]) -> dict[str, int]:
    """One message in each outbox state, made by real sends."""
    profile, box = smtp_account
    ids = {
        "failed": _send_with_fault(postman, profile, box, "auth=535", "Wrong password"),
        "retry": _send_with_fault(postman, profile, box, "after-data=451", "Server busy"),
        "unknown": _send_with_fault(postman, profile, box, "drop=after-data", "Line dropped"),
    }
    ids["waiting"] = postman.queue(draft_for(profile, subject="Held back"), delay=600).id
    states = {name: postman.mailbox.get(id).state for name, id in ids.items()}
    assert states == {
        "failed": State.FAILED,
        "retry": State.QUEUED,
        "unknown": State.UNKNOWN,
        "waiting": State.QUEUED,
    }
    return ids


def test_every_state_has_its_badge(qtbot, make_pane, outbox: dict[str, int]) -> None:
    pane = make_pane()
    rows = _rows(pane)
    assert rows["Wrong password"][:2] == ("Failed", "bad")
    assert rows["Server busy"][0].startswith("Will retry at ")
    assert rows["Server busy"][1] == "wait"
    assert rows["Line dropped"][:2] == ("Unknown — may have been sent", "wait")
    assert rows["Held back"][:2] == ("Scheduled", "neutral")
    assert pane.count() == 4
    assert pane.list.topLevelItem(0).text(1) == "Bob"


def test_the_count_is_signalled(qtbot, make_pane, postman: Postman, context) -> None:
    from tests.ui.panes_fixtures import sandbox_profile

    pane = make_pane()
    counts: list[int] = []
    pane.count_changed.connect(counts.append)
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.text() == EMPTY_TEXT
    profile = sandbox_profile(context.profiles.load())
    postman.queue(draft_for(profile), delay=600)
    pane.refresh()
    pane.refresh()
    assert counts == [1]
    assert pane.stack.currentWidget() is pane.splitter


def test_a_failure_is_explained_with_the_server_s_words(
    qtbot, make_pane, outbox: dict[str, int]
) -> None:
    pane = make_pane()
    pane.select(outbox["failed"])
    assert pane.state_line.text() == "Failed"
    assert "will not be tried again" in pane.explanation.text()
    assert "refused" in pane.reason.text()
    # The server's words appear once: in the sentence, or on a line of their own.
    shown = [pane.reason.text()] + (
        [] if pane.server_reply.isHidden() else [pane.server_reply.text()]
    )
    assert sum("535 5.7.8" in text for text in shown) == 1
    message, hint = pane.reason.text().split("\n")
    assert message.endswith(".") and hint.startswith("Check the SMTP login")
    assert pane.send_button.text() == "Send A&gain"
    assert pane.arrived_button.isHidden()
    assert "Traceback" not in pane.reason.text()


def test_unknown_explains_the_choice(qtbot, make_pane, outbox: dict[str, int]) -> None:
    pane = make_pane()
    pane.select(outbox["unknown"])
    assert "may have accepted it" in pane.explanation.text()
    assert not pane.arrived_button.isHidden()
    assert pane.send_button.accessibleName() == "Send again"


def test_a_retry_says_when(qtbot, make_pane, outbox: dict[str, int]) -> None:
    pane = make_pane()
    pane.select(outbox["retry"])
    assert "tried again at" in pane.explanation.text()
    assert pane.reason.text().startswith("The last try: ")
    assert pane.send_button.accessibleName() == "Send now"


def test_send_again_queues_it_due_now_and_asks_the_shell(
    qtbot, make_pane, outbox: dict[str, int], postman: Postman
) -> None:
    pane = make_pane()
    for name in ("failed", "retry"):
        pane.select(outbox[name])
        with qtbot.waitSignal(pane.send_requested, timeout=1000) as signal:
            pane.send_button.click()
        assert signal.args == [outbox[name]]
        record = postman.mailbox.get(outbox[name])
        assert record.state is State.QUEUED and record.retry_at is None
    assert set(postman.mailbox.due()) >= {outbox["failed"], outbox["retry"]}


def test_edit_makes_it_a_draft_and_asks_the_shell(
    qtbot, make_pane, outbox: dict[str, int], postman: Postman
) -> None:
    pane = make_pane()
    counts: list[int] = []
    pane.count_changed.connect(counts.append)
    pane.select(outbox["failed"])
    with qtbot.waitSignal(pane.edit_requested, timeout=1000) as signal:
        pane.edit_button.click()
    assert signal.args == [outbox["failed"]]
    assert postman.mailbox.get(outbox["failed"]).state is State.DRAFT
    assert "Wrong password" not in _rows(pane)
    assert counts == [3]


def test_discard_asks_first(qtbot, make_pane, outbox: dict[str, int], postman: Postman) -> None:
    pane = make_pane()
    pane.show()
    pane.select(outbox["waiting"])
    pane.discard_button.click()
    question = click_in_box(qtbot, pane, "Cancel")
    assert "Held back" in question and "cannot be undone" in question
    assert postman.mailbox.get(outbox["waiting"]).state is State.QUEUED

    pane.discard_button.click()
    click_in_box(qtbot, pane, "Discard")
    with pytest.raises(NotFound):
        postman.mailbox.get(outbox["waiting"])
    assert "Held back" not in _rows(pane)


def test_the_delete_key_discards_after_asking(
    qtbot, make_pane, outbox: dict[str, int], postman: Postman
) -> None:
    from PySide6.QtCore import Qt

    pane = make_pane()
    pane.show()
    qtbot.waitExposed(pane)
    pane.select(outbox["failed"])
    pane.list.setFocus()
    qtbot.keyClick(pane.list, Qt.Key.Key_Delete)
    click_in_box(qtbot, pane, "Discard")
    with pytest.raises(NotFound):
        postman.mailbox.get(outbox["failed"])


def test_unknown_it_arrived_moves_it_to_sent(
    qtbot, make_pane, outbox: dict[str, int], postman: Postman
) -> None:
    pane = make_pane()
    pane.select(outbox["unknown"])
    with qtbot.assertNotEmitted(pane.send_requested):
        pane.arrived_button.click()
    assert postman.mailbox.get(outbox["unknown"]).state is State.SENT
    assert "Line dropped" not in _rows(pane)


def test_unknown_send_it_again_asks_then_queues(
    qtbot, make_pane, outbox: dict[str, int], postman: Postman
) -> None:
    pane = make_pane()
    pane.show()
    pane.select(outbox["unknown"])
    pane.send_button.click()
    with qtbot.waitSignal(pane.send_requested, timeout=1000) as signal:
        question = click_in_box(qtbot, pane, "Send Again")
    assert "twice" in question
    assert signal.args == [outbox["unknown"]]
    assert postman.mailbox.get(outbox["unknown"]).state is State.QUEUED
    assert postman.send(outbox["unknown"]).result is Result.SENT


def test_a_refused_change_is_said_in_words(
    qtbot, make_pane, outbox: dict[str, int], postman: Postman
) -> None:
    pane = make_pane()
    pane.select(outbox["failed"])
    postman.mailbox.delete(outbox["failed"])  # another window was quicker
    with qtbot.assertNotEmitted(pane.send_requested):
        pane.send_button.click()
    assert "There is no message" in pane.notice.text()
    assert not pane.notice.isHidden()
    assert "Wrong password" not in _rows(pane)


def test_no_mailbox_no_crash(qtbot, isolated_home) -> None:
    from smtpeter_desktop.delivery.context import MAILBOX_FILE

    (isolated_home / MAILBOX_FILE).write_bytes(b"this is not a database" * 100)
    context = AppContext.open(isolated_home)
    try:
        with pytest.raises(MailboxError) as opened:
            context.postman(fail_fast=True)
        assert "not a mailbox" in str(opened.value)
        pane = OutboxPane(context, None)  # what the window builds when it cannot open it
        qtbot.addWidget(pane)
        assert "could not be opened" in pane.empty.text()
        pane.shutdown()
    finally:
        context.close()


def test_a_send_the_person_stopped_says_cancelled_not_failed(
    qtbot, make_pane, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    from smtpeter_desktop.transport.base import CancelToken

    profile, _box = smtp_account
    queued = postman.queue(draft_for(profile, subject="Stopped by me"))
    stop = CancelToken()
    stop.cancel()
    assert postman.send(queued.id, cancel=stop).result is Result.FAILED
    pane = make_pane()
    assert _rows(pane)["Stopped by me"][:2] == ("Cancelled", "neutral")
    pane.select(queued.id)
    assert pane.state_line.text() == "Cancelled"
    assert "You stopped sending it" in pane.explanation.text()


def test_the_badge_says_sending_during_the_upload_and_due_after_the_retry_time() -> None:
    """The row said "Waiting" while the worker uploaded it, and for 30-60 s after the retry
    time it had promised."""
    import dataclasses

    from smtpeter_desktop.delivery.names import Summary

    from smtpeter_desktop.ui.outbox_pane import badge

    queued = Summary(
        id=1,
        state=State.QUEUED,
        profile_id="",
        subject="",
        recipients="",
        created=0.0,
        updated=0.0,
        not_before=None,
        retry_at=None,
        attempts=0,
        size=None,
        error=None,
        sent_at=None,
        delivery=None,
    )
    assert badge(queued, 100.0).text == "Waiting"
    assert badge(queued, 100.0, sending=True).text == "Sending…"
    retrying = dataclasses.replace(queued, retry_at=160.0)
    assert badge(retrying, 100.0).text.startswith("Will retry at")
    assert badge(retrying, 161.0).text == "Due now"
    held = dataclasses.replace(queued, not_before=160.0)
    assert badge(held, 100.0).text == "Scheduled"
    assert badge(held, 161.0).text == "Due now"
