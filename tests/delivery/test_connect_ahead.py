"""``Postman.connect_ahead``: the connection opened while the message is built, taken by the
send, for SMTP and REST accounts on the real sandbox; and the one the command line opens from
the profile file's copy before the profile is read (``early_from``, ``Ahead.adopt``)."""

from __future__ import annotations

import dataclasses
import socket

from smtpeter_desktop.delivery.connections import Started, early_from
from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage import profiles
from smtpeter_desktop.storage.profiles import Profile
from smtpeter_desktop.transport.base import CancelToken
from smtpeter_desktop.transport.early import Early
from tests.delivery.conftest import PASSWORD, TOKEN, draft_for


def test_a_rest_send_takes_the_connection_opened_ahead(
    context: AppContext, postman: Postman, rest_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = rest_account
    postman.connect_ahead(profile)
    [(early, _)] = context.ahead._early.values()
    early._thread.join(5)
    assert early._sock is not None, "connected and through TLS before the message exists"
    outcome = postman.send(postman.queue(draft_for(profile)).id)
    assert outcome.result is Result.SENT, outcome
    assert early._sock is None and not context.ahead._early, "the send took it"
    assert len(box.messages()) == 1


def test_an_smtp_send_takes_the_session_opened_ahead(
    context: AppContext, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = smtp_account
    postman.connect_ahead(profile)
    assert list(context.ahead._waiting) == [(profile, PASSWORD)]
    outcome = postman.send(postman.queue(draft_for(profile)).id)
    assert outcome.result is Result.SENT, outcome
    assert not context.ahead._waiting
    assert len(box.messages()) == 1


def test_a_wrong_token_found_ahead_is_the_sends_own_failure(
    context: AppContext, postman: Postman, rest_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = rest_account
    context.secrets.set(profile.id, "not-" + TOKEN)
    postman.connect_ahead(profile)
    outcome = postman.send(postman.queue(draft_for(profile)).id)
    assert outcome.result is Result.FAILED and outcome.error is not None
    assert "token" in outcome.error.message.lower()
    assert box.messages() == []


def test_what_no_send_took_is_closed_with_the_context(
    context: AppContext, postman: Postman, rest_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = rest_account
    postman.connect_ahead(profile)
    [(early, _)] = context.ahead._early.values()
    context.ahead.close()
    early._thread.join(5)
    assert not early._thread.is_alive() and early._sock is None


def _started_from_copy(profile: Profile, secret: str = "") -> Started:
    started = early_from(profiles.record_of(profile), secret)
    assert started is not None
    return started


def _watch_takes(early: Early) -> list[socket.socket | None]:
    """What each ``take`` of ``early`` answered (the real one's answer, only recorded)."""
    answers: list[socket.socket | None] = []
    take = early.take

    def recorded(cancel: CancelToken, timeout: float | None) -> socket.socket | None:
        answers.append(take(cancel, timeout))
        return answers[-1]

    early.take = recorded  # type: ignore[method-assign]
    return answers


def test_a_rest_send_uses_the_connection_opened_from_the_profiles_copy(
    context: AppContext, postman: Postman, rest_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = rest_account
    started = _started_from_copy(profile)
    answers = _watch_takes(started.early)
    context.ahead.adopt(started)
    postman.connect_ahead(profile)
    [(early, _)] = context.ahead._early.values()
    assert early is started.early, "no second connection"
    outcome = postman.send(postman.queue(draft_for(profile)).id)
    assert outcome.result is Result.SENT, outcome
    assert len(answers) == 1 and answers[0] is not None, "the request went over it"
    assert len(box.messages()) == 1


def test_an_smtp_send_starts_its_session_over_the_connection_opened_from_the_copy(
    context: AppContext, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = smtp_account
    started = _started_from_copy(profile)
    answers = _watch_takes(started.early)
    context.ahead.adopt(started)
    postman.connect_ahead(profile)
    outcome = postman.send(postman.queue(draft_for(profile)).id)
    assert outcome.result is Result.SENT, outcome
    assert len(answers) == 1 and answers[0] is not None, "the session went over it"
    assert len(box.messages()) == 1


def test_an_smtp_session_opened_from_the_copy_with_the_piped_password_is_the_sends(
    context: AppContext, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = smtp_account
    started = _started_from_copy(profile, PASSWORD)
    assert started.transport is not None, "the session is opening before the profile is read"
    context.ahead.adopt(started)
    postman.connect_ahead(profile)
    assert context.ahead._waiting == {(profile, PASSWORD): started.transport}
    outcome = postman.send(postman.queue(draft_for(profile)).id)
    assert outcome.result is Result.SENT, outcome
    assert not context.ahead._waiting
    assert len(box.messages()) == 1


def test_a_session_opened_from_the_copy_with_another_secret_is_closed_unused(
    context: AppContext, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = smtp_account
    started = _started_from_copy(profile, "not-" + PASSWORD)
    transport = started.transport
    context.ahead.adopt(started)
    postman.connect_ahead(profile)
    [waiting] = context.ahead._waiting.values()
    assert waiting is not transport
    outcome = postman.send(postman.queue(draft_for(profile)).id)
    assert outcome.result is Result.SENT, outcome
    assert len(box.messages()) == 1


def test_a_connection_opened_for_another_place_is_closed_and_the_send_opens_its_own(
    context: AppContext, postman: Postman, smtp_account: tuple[Profile, Sandbox]
) -> None:
    profile, box = smtp_account
    # The copy said another port (the file changed between the two reads).
    started = _started_from_copy(dataclasses.replace(profile, port=profile.port + 1))
    context.ahead.adopt(started)
    postman.connect_ahead(profile)
    assert started.early._cancel.cancelled, "closed, not used"
    outcome = postman.send(postman.queue(draft_for(profile)).id)
    assert outcome.result is Result.SENT, outcome
    assert len(box.messages()) == 1


def test_a_connection_from_the_copy_that_no_send_took_is_closed_with_the_context(
    context: AppContext, rest_account: tuple[Profile, Sandbox]
) -> None:
    profile, _ = rest_account
    started = _started_from_copy(profile)
    context.ahead.adopt(started)
    context.ahead.close()
    started.early._thread.join(5)
    assert not started.early._thread.is_alive() and started.early._sock is None


def test_nothing_is_opened_from_the_copy_for_the_sandbox_profile(context: AppContext) -> None:
    [sandbox] = [p for p in context.profiles.load() if p.sandbox]
    assert early_from(profiles.record_of(sandbox)) is None
