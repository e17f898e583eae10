"""The one wording of a send's outcome, shared by the window's banners and the command line."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from smtpeter_desktop import i18n
from smtpeter_desktop.delivery import wording
from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind
from smtpeter_desktop.transport.errors import Rejection


@pytest.fixture
def english() -> Iterator[None]:
    i18n.install(None)
    yield
    i18n.install(None)


def test_counts_and_subjects_read_as_english_without_a_catalogue(english: None) -> None:
    assert wording.recipients(1) == "1 recipient"
    assert wording.recipients(3) == "3 recipients"
    assert wording.sent("Minutes", 2) == "Sent “Minutes” to 2 recipients."
    assert wording.sent("", 1) == "Sent the message without a subject to 1 recipient."


def test_each_outcome_has_one_sentence_with_the_servers_reply_once(english: None) -> None:
    error = ErrorInfo(ErrorKind.REJECTED, "The server refused it", server_reply="554 spam")
    assert (
        wording.not_sent("Hi", error)
        == "“Hi” was not sent. The server refused it. The server said: 554 spam."
    )
    quoted_already = ErrorInfo(
        ErrorKind.REJECTED, "The server said 554 spam.", server_reply="554 spam"
    )
    assert wording.not_sent("", quoted_already) == (
        "The message without a subject was not sent. The server said 554 spam."
    )
    assert wording.unknown("Hi", ErrorInfo(ErrorKind.BUG, "A bug")).startswith(
        "It is not known whether “Hi” went out. A bug."
    )
    assert wording.stopped("Hi") == "Sending “Hi” was stopped; it was not sent."
    refused = wording.refused([Rejection("a@example.com", 550, "no such user")])
    assert (
        refused
        == "Some recipients were refused and did not get it: a@example.com (550 no such user)."
    )


def test_a_translation_reaches_every_sentence(english: None) -> None:
    """The words go through translate() when said: an installed catalogue changes them."""
    i18n.install(lambda _context, text, _n: text.replace("Sent", "Verzonden"))
    assert wording.sent("Notulen", 1).startswith("Verzonden “Notulen”")
