"""The send worker: its logic called directly, and on its real thread with ``waitSignal``.

Real parts throughout: the app's built-in sandbox, sandboxes that check a password, the real
keyring, a real mailbox.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import Qt, QThread

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import ErrorKind, Outcome, Result
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.mailbox import Mailbox, State
from smtpeter_desktop.storage.profiles import Profile
from tests.ui.shell_helpers import (
    add_smtp_account,
    context,
    draft_for,
    make_sandbox,
    rest_account,
    sandbox,
    sandbox_profile,
    smtp_account,
)

from smtpeter_desktop.ui.send_worker import SendService, SendWorker

__all__ = ["context", "make_sandbox", "rest_account", "sandbox", "smtp_account"]


class Recorder:
    """Every signal the worker emitted, in order, as (name, arguments)."""

    def __init__(self, worker: SendWorker) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        for name in (
            "draft_saved",
            "queued",
            "queue_failed",
            "queue_cancelled",
            "started",
            "progress",
            "finished",
            "events_refreshed",
            "done",
        ):
            getattr(worker, name).connect(lambda *args, n=name: self.calls.append((n, args)))

    def names(self) -> list[str]:
        return [name for name, _ in self.calls if name != "progress"]

    def args(self, name: str) -> list[tuple[Any, ...]]:
        return [args for n, args in self.calls if n == name]

    def outcome(self) -> Outcome:
        (found,) = self.args("finished")
        outcome = found[0]
        assert isinstance(outcome, Outcome)
        return outcome


@pytest.fixture
def worker(context: AppContext, qapp: Any) -> Iterator[SendWorker]:
    """A worker called directly on the test's thread (its logic without the thread)."""
    made = SendWorker(context)
    yield made
    made.close()


@pytest.fixture
def service(context: AppContext, qtbot: Any) -> Iterator[SendService]:
    made = SendService(context)
    yield made
    assert made.shutdown(10_000)


def _mailbox(context: AppContext) -> Mailbox:
    return Mailbox(context.mailbox_path)


def test_queue_and_send_through_the_built_in_sandbox(
    worker: SendWorker, context: AppContext
) -> None:
    seen = Recorder(worker)
    draft = draft_for(sandbox_profile(context), bcc="hidden@example.net")

    worker.queue_and_send(draft.to_json(), None, 0.0)

    assert seen.names() == ["draft_saved", "queued", "started", "finished", "done"]
    ((id,),) = seen.args("draft_saved")
    assert seen.args("queued") == [(id, 0.0)]
    assert seen.args("started") == [(id,)]
    done, total = seen.args("progress")[-1][1:]
    assert done == total > 0
    outcome = seen.outcome()
    assert outcome.result is Result.SENT and outcome.receipt is not None
    captured = context.sandbox.captured(outcome.receipt)
    assert captured is not None
    assert captured.recipients == ("bob@example.org", "hidden@example.net")
    with _mailbox(context) as mailbox:
        assert mailbox.get(id).state is State.SENT


def test_a_delay_holds_the_message_back_until_asked(
    worker: SendWorker, context: AppContext
) -> None:
    seen = Recorder(worker)
    before = time.time()
    worker.queue_and_send(draft_for(sandbox_profile(context)).to_json(), None, 30.0)
    assert seen.names() == ["draft_saved", "queued", "done"]
    ((id, not_before),) = seen.args("queued")
    assert before + 30 <= not_before <= time.time() + 30
    with _mailbox(context) as mailbox:
        assert mailbox.get(id).state is State.QUEUED
        mailbox.unqueue(id)  # undo send
        assert mailbox.get(id).state is State.DRAFT


def test_a_bad_address_leaves_a_draft_and_names_the_field(
    worker: SendWorker, context: AppContext
) -> None:
    seen = Recorder(worker)
    draft = draft_for(sandbox_profile(context), to="bob@example.org, not an address")
    worker.queue_and_send(draft.to_json(), None, 0.0)
    assert seen.names() == ["draft_saved", "queue_failed", "done"]
    ((text, field),) = seen.args("queue_failed")
    assert field == "To" and "not an address" in text
    ((id,),) = seen.args("draft_saved")
    with _mailbox(context) as mailbox:
        record = mailbox.get(id)
    assert record.state is State.DRAFT
    assert json.loads(record.draft)["to"] == draft.to, "every word kept"


def test_a_missing_attachment_points_at_the_attachments(
    worker: SendWorker, context: AppContext, tmp_path: Path
) -> None:
    from smtpeter_desktop.compose.draft import Attachment

    seen = Recorder(worker)
    gone = Attachment(str(tmp_path / "gone.pdf"))
    worker.queue_and_send(
        draft_for(sandbox_profile(context), attachments=(gone,)).to_json(), None, 0.0
    )
    ((text, field),) = seen.args("queue_failed")
    assert field == "Attachments" and "gone.pdf" in text


def test_a_wrong_password_fails_in_words_and_the_message_stays(
    worker: SendWorker, context: AppContext, make_sandbox: Callable[..., Sandbox]
) -> None:
    box = make_sandbox(users={"ann@example.com": "right"})
    profile = add_smtp_account(context, box, secret="wrong")
    seen = Recorder(worker)
    worker.queue_and_send(draft_for(profile).to_json(), None, 0.0)
    outcome = seen.outcome()
    assert outcome.result is Result.FAILED and outcome.error is not None
    assert outcome.error.kind is ErrorKind.AUTH
    assert "wrong" not in outcome.error.text, "the secret is never said"
    with _mailbox(context) as mailbox:
        assert mailbox.get(outcome.message_id).state is State.FAILED
    assert box.messages() == []


def test_a_send_cancelled_before_it_starts_never_connects(
    worker: SendWorker, context: AppContext, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = smtp_account
    seen = Recorder(worker)
    worker.queue_and_send(draft_for(profile).to_json(), None, 60.0)
    ((id, _),) = seen.args("queued")
    with _mailbox(context) as mailbox:
        mailbox.retry_now(id)  # due now
    worker.cancel(id)
    worker.send(id)
    outcome = seen.outcome()
    assert outcome.result is Result.FAILED and outcome.error is not None
    assert outcome.error.kind is ErrorKind.CANCELLED
    assert box.messages() == []


def test_a_bug_becomes_an_unknown_outcome_and_a_logged_traceback(
    worker: SendWorker, context: AppContext, caplog: pytest.LogCaptureFixture
) -> None:
    seen = Recorder(worker)
    worker.queue_and_send(draft_for(sandbox_profile(context)).to_json(), None, 60.0)
    ((id, _),) = seen.args("queued")
    # Damage what was stored: reading the envelope back now fails inside the send path.
    db = sqlite3.connect(context.mailbox_path)
    with db:
        db.execute(
            "UPDATE messages SET envelope = 'not json', not_before = NULL WHERE id = ?", (id,)
        )
    db.close()
    with caplog.at_level(logging.ERROR):
        worker.send(id)
    outcome = seen.outcome()
    assert outcome.result is Result.UNKNOWN and outcome.error is not None
    assert outcome.error.kind is ErrorKind.BUG and outcome.error.maybe_accepted
    assert "Traceback" not in outcome.error.text
    assert any(r.exc_info for r in caplog.records), "the traceback is in the log"


def test_send_due_sends_what_is_due_and_leaves_the_rest(
    worker: SendWorker, context: AppContext
) -> None:
    seen = Recorder(worker)
    profile = sandbox_profile(context)
    worker.queue_and_send(draft_for(profile, subject="later").to_json(), None, 3600.0)
    worker.queue_and_send(draft_for(profile, subject="now").to_json(), None, 3600.0)
    later, now = (args[0] for args in seen.args("queued"))
    with _mailbox(context) as mailbox:
        mailbox.retry_now(now)
    seen.calls.clear()
    worker.send_due()
    assert seen.outcome().message_id == now
    with _mailbox(context) as mailbox:
        assert mailbox.get(later).state is State.QUEUED


def test_refresh_events_for_rest_and_smtp(
    worker: SendWorker,
    rest_account: tuple[Profile, Sandbox],
    smtp_account: tuple[Profile, Sandbox],
) -> None:
    seen = Recorder(worker)
    for profile in (rest_account[0], smtp_account[0]):
        worker.queue_and_send(draft_for(profile).to_json(), None, 0.0)
    rest_id, smtp_id = (args[0].message_id for args in seen.args("finished"))
    worker.refresh_events(rest_id)
    worker.refresh_events(smtp_id)
    (rest, smtp) = seen.args("events_refreshed")
    assert rest == (rest_id, "")
    assert smtp[0] == smtp_id and "REST" in smtp[1]


def _broken(*args: object, **kwargs: object) -> None:
    raise KeyError("inner-detail-of-the-bug")


def test_a_bug_while_preparing_is_forwarded_once_in_words(
    worker: SendWorker,
    context: AppContext,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """One bug path: the Postman's ``prepare``; the worker only forwards its words."""
    # A test double: no real draft is known to break the build; a broken step stands in
    # for such a bug.
    from smtpeter_desktop.compose import mime

    monkeypatch.setattr(mime, "write_message", _broken)
    seen = Recorder(worker)
    draft = draft_for(sandbox_profile(context), subject="Kept whole")
    with caplog.at_level(logging.ERROR):
        worker.queue_and_send(draft.to_json(), None, 0.0)
    assert seen.names() == ["draft_saved", "queue_failed", "done"], "one answer"
    ((text, field),) = seen.args("queue_failed")
    assert "internal problem" in text and field == ""
    assert "inner-detail" not in text and "Traceback" not in text
    assert any(r.exc_info for r in caplog.records), "the traceback is in the log, only there"
    ((id,),) = seen.args("draft_saved")
    with _mailbox(context) as mailbox:
        record = mailbox.get(id)
    assert record.state is State.DRAFT and json.loads(record.draft)["subject"] == "Kept whole"


def test_a_bug_while_fetching_events_is_forwarded_once_in_words(
    worker: SendWorker,
    rest_account: tuple[Profile, Sandbox],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from smtpeter_desktop.transport import rest

    seen = Recorder(worker)
    worker.queue_and_send(draft_for(rest_account[0]).to_json(), None, 0.0)
    id = seen.outcome().message_id
    seen.calls.clear()
    # A test double: no real SMTPeter answer is known to break reading the events; a broken
    # step stands in for such a bug.
    monkeypatch.setattr(rest.RestTransport, "events", _broken)
    with caplog.at_level(logging.ERROR):
        worker.refresh_events(id)
    assert seen.names() == ["events_refreshed", "done"], "one answer"
    ((answered, text),) = seen.args("events_refreshed")
    assert answered == id and "internal problem" in text
    assert "inner-detail" not in text and "Traceback" not in text
    assert any(r.exc_info for r in caplog.records), "the traceback is in the log, only there"


# On the real thread ---------------------------------------------------------------------


def test_the_service_sends_on_its_own_thread(
    service: SendService, context: AppContext, qtbot: Any
) -> None:
    threads: list[object] = []
    service.worker.started.connect(
        lambda _id: threads.append(QThread.currentThread()), Qt.ConnectionType.DirectConnection
    )
    busy: list[bool] = []
    service.busy_changed.connect(busy.append)
    with qtbot.waitSignal(service.finished, timeout=20_000) as finished:
        service.queue_and_send(draft_for(sandbox_profile(context)).to_json(), None, 0.0)
    qtbot.waitUntil(lambda: not service.is_busy(), timeout=5000)
    outcome = finished.args[0]
    assert outcome.result is Result.SENT
    assert threads == [service.send_thread]
    assert busy == [True, False]


def test_cancel_mid_send_stops_it_and_keeps_the_message(
    service: SendService, context: AppContext, smtp_account: tuple[Profile, Sandbox], qtbot: Any
) -> None:
    profile, box = smtp_account
    box.faults.add("delay=rcpt:5")
    service.started.connect(lambda id: service.cancel(id))
    started = time.monotonic()
    with qtbot.waitSignal(service.finished, timeout=10_000) as finished:
        service.queue_and_send(draft_for(profile).to_json(), None, 0.0)
    assert time.monotonic() - started < 4, "the cancel did not wait for the server"
    outcome = finished.args[0]
    assert outcome.result is Result.FAILED and outcome.error.kind is ErrorKind.CANCELLED
    with _mailbox(context) as mailbox:
        assert mailbox.get(outcome.message_id).state is State.FAILED
    assert box.messages() == []


def test_a_cancel_after_the_whole_message_went_out_waits_for_the_answer(
    service: SendService, context: AppContext, smtp_account: tuple[Profile, Sandbox], qtbot: Any
) -> None:
    # Once every byte is written, stopping could only make the outcome unknown: the SMTP
    # transport waits for the server's answer instead (the window disables Cancel then).
    profile, box = smtp_account
    box.faults.add("delay=data:1")
    with qtbot.waitSignal(service.started, timeout=10_000):
        service.queue_and_send(draft_for(profile).to_json(), None, 0.0)
    qtbot.waitUntil(lambda: len(box.messages()) == 1, timeout=10_000)
    with qtbot.waitSignal(service.finished, timeout=10_000) as finished:
        service.cancel()
    assert finished.args[0].result is Result.SENT


@pytest.mark.parametrize("then", ["builds", "fails"])
def test_a_cancel_during_the_build_wins(
    worker: SendWorker, context: AppContext, monkeypatch: Any, then: str
) -> None:
    from smtpeter_desktop.compose import mime
    from smtpeter_desktop.transport.base import CancelToken

    token = CancelToken()
    real = mime.write_message

    def cancelled_meanwhile(*args: Any, **kwargs: Any) -> Any:
        # The person clicks Cancel while the message is being built (a test double for the
        # timing only: the build itself is the real one, or fails as a cancelled step may).
        token.cancel()
        if then == "fails":
            raise OSError("stopped")
        return real(*args, **kwargs)

    monkeypatch.setattr(mime, "write_message", cancelled_meanwhile)
    seen = Recorder(worker)
    worker.queue_and_send(draft_for(sandbox_profile(context)).to_json(), None, 0.0, token)
    assert seen.names() == ["draft_saved", "queue_cancelled", "done"]
    ((id,),) = seen.args("draft_saved")
    assert seen.args("queue_cancelled") == [(id,)]
    with _mailbox(context) as mailbox:
        assert mailbox.get(id).state is State.DRAFT, "not sent, not queued: a draft again"


def test_a_cancel_before_the_request_runs_saves_nothing_new(
    worker: SendWorker, context: AppContext
) -> None:
    from smtpeter_desktop.transport.base import CancelToken

    token = CancelToken()
    token.cancel()
    seen = Recorder(worker)
    worker.queue_and_send(draft_for(sandbox_profile(context)).to_json(), None, 0.0, token)
    assert seen.names() == ["queue_cancelled", "done"]
    with _mailbox(context) as mailbox:
        assert mailbox.summaries(list(State)) == []
