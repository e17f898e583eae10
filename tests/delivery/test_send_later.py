"""Send later: held until its time, moved, cancelled, sent late only when a person says so."""

from __future__ import annotations

import pytest

from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.sandbox.store import Store
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


LIMIT = 12 * 3600


def _captured(context: AppContext) -> int:
    folder = context.home / "sandbox" / "messages"
    return len(Store(folder).messages()) if folder.is_dir() else 0


def test_a_clock_jumped_forward_is_judged_by_the_late_limit(
    context: AppContext, postman: Postman, clock: Clock
) -> None:
    # Both times are UTC timestamps: the jump makes one 14 h late and the other 1 h.
    profile = sandbox_profile(context)
    early = postman.queue(draft_for(profile, subject="Early"), at=clock.now + 3600)
    later = postman.queue(draft_for(profile, subject="Later"), at=clock.now + 14 * 3600)
    clock.now += 15 * 3600  # the clock jumps forward (set by hand, or a long suspend)
    assert postman.late(LIMIT) == [early.id]
    outcomes = {o.message_id: o.result for o in postman.send_due(late_after=LIMIT)}
    assert outcomes == {early.id: Result.SKIPPED, later.id: Result.SENT}
    assert postman.mailbox.get(early.id).state is State.QUEUED, "waits for the person"
    assert _captured(context) == 1


def test_a_clock_jumped_backward_sends_neither_early_nor_twice(
    context: AppContext, postman: Postman, clock: Clock
) -> None:
    start = clock.now
    queued = postman.queue(draft_for(sandbox_profile(context)), at=start + 3600)
    clock.now = start + 1800
    clock.now -= 2 * 3600  # back two hours: further from its time, not nearer
    assert postman.send_due(late_after=LIMIT) == []
    clock.now = start + 3601
    (outcome,) = postman.send_due(late_after=LIMIT)
    assert outcome.result is Result.SENT
    # Back again to before its time, then past it once more: it went, once.
    clock.now = start + 600
    assert postman.send_due(late_after=LIMIT) == []
    assert postman.late(LIMIT) == []
    clock.now = start + 3700
    assert postman.send_due(late_after=LIMIT) == []
    assert postman.mailbox.get(queued.id).state is State.SENT
    assert _captured(context) == 1


def test_the_give_up_time_travels_over_rest(
    rest_account: tuple[Profile, Sandbox], postman: Postman
) -> None:
    profile, box = rest_account
    options = SmtpeterOptions(max_deliver_time="2030-01-02 03:04:05")
    outcome = postman.submit(draft_for(profile, options=options))
    assert outcome.result is Result.SENT
    (captured,) = box.messages()
    assert captured.options["maxdelivertime"] == "2030-01-02 03:04:05"
