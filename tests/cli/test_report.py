"""How the command line tells the outcomes issue 13 added, and the exit code each ends with.

In-process: these are the words and codes alone; the processes that reach them are run in
test_interrupt_and_deferred.py and tests/delivery/test_cancel_and_deferred.py.
"""

from __future__ import annotations

import io

from smtpeter_desktop.cli.report import exit_code, print_outcome
from smtpeter_desktop.delivery.outcomes import (
    Outcome,
    Result,
    cancelled_by_you,
    deferred_recipients,
    not_recorded,
)
from smtpeter_desktop.transport.base import Receipt
from smtpeter_desktop.transport.errors import Rejection, recipients_rejected

GREYLISTED = Rejection("carl@example.org", 451, "4.7.1 Greylisted")
UNKNOWN_USER = Rejection("dee@example.org", 550, "5.1.1 No such user")


def _told(outcome: Outcome) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = print_outcome(outcome, "Work", out, err, subject="Numbers")
    return code, out.getvalue(), err.getvalue()


def test_sent_but_not_recorded_is_a_warning_never_try_again() -> None:
    receipt = Receipt("smtp", ("bob@example.org",), reply="250 2.0.0 Ok: queued as Q1")
    code, out, err = _told(
        Outcome(1, Result.SENT, receipt=receipt, error=not_recorded("The disk is full."))
    )
    assert code == 0
    assert (
        "Sent “Numbers” to 1 recipient." in out
        and "Sent through Work" in out
        and "250 2.0.0 Ok: queued as Q1" in out
    )
    assert "Warning: The message was sent" in err and "Do not send it again" in err
    assert "try again" not in err.lower()


def test_recipients_put_off_name_the_outbox_message_that_carries_them() -> None:
    # A transport from before Receipt.deferred lists them among the refused: the same words.
    for receipt in (
        Receipt("smtp", ("bob@example.org",), deferred=(GREYLISTED,)),
        Receipt("smtp", ("bob@example.org",), rejected=(GREYLISTED,)),
    ):
        outcome = Outcome(
            1,
            Result.SENT,
            receipt=receipt,
            error=deferred_recipients(1, (GREYLISTED,)),
            deferred_id=2,
            deferred_at=1e9,
        )
        code, _, err = _told(outcome)
        assert code == 5, err
        assert "carl@example.org: put off for now (451 4.7.1 Greylisted)" in err
        assert "refused" not in err
        assert "outbox retry 2" in err
    mixed = Receipt("smtp", ("bob@example.org",), rejected=(UNKNOWN_USER,), deferred=(GREYLISTED,))
    code, _, err = _told(Outcome(1, Result.SENT, receipt=mixed, deferred_id=2))
    assert code == 4, "a recipient refused for good needs the person: 4 wins"
    assert "were refused and did not get it: dee@example.org (550 5.1.1 No such user)" in err


def test_every_recipient_put_off_is_temporary_not_rejected() -> None:
    from smtpeter_desktop.delivery.outcomes import ErrorInfo

    assert exit_code(ErrorInfo.of(recipients_rejected([GREYLISTED]))) == 5
    assert exit_code(ErrorInfo.of(recipients_rejected([UNKNOWN_USER]))) == 4
    assert exit_code(ErrorInfo.of(recipients_rejected([GREYLISTED, UNKNOWN_USER]))) == 4


def test_cancelled_says_where_the_message_is_and_how_to_send_it() -> None:
    code, _, err = _told(
        Outcome(3, Result.FAILED, error=cancelled_by_you(kept_as_draft=False, id=3))
    )
    assert code == 130
    assert "Sending “Numbers” was stopped; it was not sent." in err
    assert "`smtpeter-desktop outbox retry 3`" in err
    code, _, err = _told(Outcome(4, Result.DRAFT, error=cancelled_by_you(kept_as_draft=True, id=4)))
    assert code == 130
    assert "kept as a draft" in err and "drafts show 4" in err


def test_each_outcome_is_said_in_the_words_the_window_says() -> None:
    """One wording (``delivery.wording``) for the window's banners and the command line."""
    from smtpeter_desktop.delivery import wording
    from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind

    refused = ErrorInfo(
        ErrorKind.REJECTED, "The server refused the message.", server_reply="554 No"
    )
    busy = ErrorInfo(ErrorKind.BUSY, "The server is busy.", "It is tried again.", retryable=True)
    lost = ErrorInfo(ErrorKind.CONNECTION, "The connection broke off.", maybe_accepted=True)
    for outcome, said in (
        (Outcome(1, Result.FAILED, error=refused), wording.not_sent("Numbers", refused)),
        (Outcome(1, Result.RETRY, error=busy, retry_at=1e9), wording.not_sent_yet("Numbers", busy)),
        (Outcome(1, Result.UNKNOWN, error=lost), wording.unknown("Numbers", lost)),
    ):
        _, _, err = _told(outcome)
        assert err.splitlines()[0] == said, err
    receipt = Receipt("smtp", ("bob@example.org",), rejected=(UNKNOWN_USER,))
    code, out, err = _told(Outcome(1, Result.SENT, receipt=receipt))
    assert out.splitlines()[0] == wording.sent("Numbers", 1)
    assert err.splitlines()[0] == wording.refused((UNKNOWN_USER,))
    assert code == 4
