"""Send later: held until its time, moved, cancelled, sent late only when a person says so."""

from __future__ import annotations

import pytest

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.mailbox import NotFound, State, WrongState
from smtpeter_desktop.storage.profiles import Profile
from tests.helpers.accounts import Clock, draft_for, sandbox_profile


def test_a_scheduled_message_waits_for_its_time(
    context: AppContext, postman: Postman, clock: Clock
) -> None:
    queued = postman.queue(draft_for(sandbox_profile(context)), at=clock.now + 3600)
    assert queued.not_before == clock.now + 3600
    assert postman.send_due() == []
    clock.now += 3601
    (outcome,) = postman.send_due(late_after=12 * 3600)
    assert outcome.result is Result.SENT


def test_reschedule_and_unschedule(context: AppContext, postman: Postman, clock: Clock) -> None:
    queued = postman.queue(draft_for(sandbox_profile(context)), at=clock.now + 3600)
    postman.mailbox.reschedule(queued.id, clock.now + 7200)
    clock.now += 3601
    assert postman.send_due() == [], "moved later"
    postman.mailbox.reschedule(queued.id, None)
    assert postman.mailbox.due(clock.now) == [queued.id], "now: at the next chance"
    postman.mailbox.unqueue(queued.id)
    assert postman.mailbox.get(queued.id).state is State.DRAFT
    with pytest.raises(WrongState, match="cannot be rescheduled now: it is a draft"):
        postman.mailbox.reschedule(queued.id, clock.now)
    with pytest.raises(NotFound):
        postman.mailbox.reschedule(9999, None)


def test_a_message_found_long_after_its_time_waits_for_a_decision(
    context: AppContext, postman: Postman, clock: Clock
) -> None:
    queued = postman.queue(draft_for(sandbox_profile(context)), at=clock.now + 60)
    # The computer was off for two days.
    clock.now += 2 * 86400
    assert postman.late(12 * 3600) == [queued.id]
    (outcome,) = postman.send_due(late_after=12 * 3600)
    assert outcome.result is Result.SKIPPED
    assert postman.mailbox.get(queued.id).state is State.QUEUED, "kept, not sent, not lost"
    # The person says: send it now.
    postman.mailbox.reschedule(queued.id, None)
    assert postman.late(12 * 3600) == []
    (sent,) = postman.send_due(late_after=12 * 3600)
    assert sent.result is Result.SENT


def test_the_give_up_time_travels_over_rest(
    rest_account: tuple[Profile, Sandbox], postman: Postman
) -> None:
    profile, box = rest_account
    options = SmtpeterOptions(max_deliver_time="2030-01-02 03:04:05")
    outcome = postman.submit(draft_for(profile, options=options))
    assert outcome.result is Result.SENT
    (captured,) = box.messages()
    assert captured.options["maxdelivertime"] == "2030-01-02 03:04:05"
