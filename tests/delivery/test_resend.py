"""Resend: SMTPeter's ``/resend`` for REST messages, the same bytes queued again for SMTP.

Real parts: REST and SMTP accounts on the project's sandbox over loopback, the app's mailbox.
"""

from __future__ import annotations

import pytest

from smtpeter_desktop.delivery.outcomes import Result
from smtpeter_desktop.delivery.postman import Postman
from smtpeter_desktop.sandbox import Sandbox
from smtpeter_desktop.storage.errors import StorageError
from smtpeter_desktop.storage.mailbox import State
from smtpeter_desktop.storage.profiles import Profile
from tests.helpers.accounts import draft_for


def _exact(postman: Postman, id: int) -> bytes:
    with postman.mailbox.message(id).open() as reader:
        return reader.read()


def test_a_rest_message_is_sent_again_by_smtpeter_under_new_ids(
    rest_account: tuple[Profile, Sandbox], postman: Postman
) -> None:
    profile, box = rest_account
    queued = postman.queue(draft_for(profile, cc="carl@example.org"))
    outcome = postman.send(queued.id)
    assert outcome.result is Result.SENT and outcome.receipt is not None
    before = set(outcome.receipt.message_ids)

    resent = postman.resend(queued.id)

    assert resent.queued is None
    assert set(resent.new_ids.values()) == {"bob@example.org", "carl@example.org"}
    assert not set(resent.new_ids) & before, "new ids, not the old ones"
    again = [m for m in box.messages() if set(m.ids) & set(resent.new_ids)]
    assert len(again) == 2, "one for each recipient"
    assert all(m.raw() == _exact(postman, queued.id) for m in again), "the same bytes"
    assert postman.mailbox.get(queued.id).state is State.SENT


def test_an_smtp_message_goes_to_the_outbox_again_with_the_same_bytes(
    smtp_account: tuple[Profile, Sandbox], postman: Postman
) -> None:
    profile, box = smtp_account
    queued = postman.queue(draft_for(profile))
    assert postman.send(queued.id).result is Result.SENT

    resent = postman.resend(queued.id)

    assert resent.new_ids == {} and resent.queued is not None
    copy = resent.queued
    assert postman.mailbox.get(copy).state is State.QUEUED
    assert _exact(postman, copy) == _exact(postman, queued.id)
    assert postman.send(copy).result is Result.SENT
    assert [m.raw() for m in box.messages()] == [_exact(postman, copy)] * 2


def test_only_sent_messages_are_resent(
    smtp_account: tuple[Profile, Sandbox], postman: Postman
) -> None:
    profile, _ = smtp_account
    id = postman.save_draft(draft_for(profile))
    with pytest.raises(StorageError, match="cannot be queued again"):
        postman.resend(id)
