"""``Postman.connect_ahead``: the connection opened while the message is built, taken by the
send, for SMTP and REST accounts on the real sandbox."""

from __future__ import annotations

from smtpeter_desktop.delivery.context import AppContext
from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.profiles import Profile
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
