"""How a send's outcome is told on the command line, and the exit code it ends with.

The sentence for each outcome (sent, refused, not sent, not sent yet, unknown, stopped) is
``delivery.wording``'s, the one the window's banners say; the command line adds only its own
details (each recipient, the ids, the commands to type next).
"""

from __future__ import annotations

from typing import TextIO

from smtpeter_desktop.cli.common import (
    EXIT_AUTH,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_TEMPORARY,
    EXIT_UNKNOWN,
    when,
)
from smtpeter_desktop.delivery import wording
from smtpeter_desktop.delivery.outcomes import (
    ErrorInfo,
    ErrorKind,
    Outcome,
    Result,
    deferred_of,
    refused_of,
)

_EXIT_BY_KIND = {
    ErrorKind.AUTH: EXIT_AUTH,
    ErrorKind.TLS: EXIT_AUTH,
    ErrorKind.CONFIG: EXIT_AUTH,
    ErrorKind.SETUP: EXIT_AUTH,
    ErrorKind.REJECTED: EXIT_REJECTED,
    ErrorKind.BUSY: EXIT_TEMPORARY,
    ErrorKind.CONNECTION: EXIT_TEMPORARY,
    ErrorKind.DEFERRED: EXIT_TEMPORARY,
    ErrorKind.CANCELLED: EXIT_INTERRUPTED,
}


def exit_code(error: ErrorInfo) -> int:
    if error.maybe_accepted:
        return EXIT_UNKNOWN
    if error.kind is ErrorKind.REJECTED and error.retryable:
        return EXIT_TEMPORARY  # every refusal was for now (4xx): it waits in the outbox
    return _EXIT_BY_KIND.get(error.kind, EXIT_TEMPORARY)


def _print_sent(outcome: Outcome, subject: str, profile: str, out: TextIO, err: TextIO) -> int:
    receipt = outcome.receipt
    assert receipt is not None
    print(wording.sent(subject, len(receipt.accepted)), file=out)
    print(
        f"  Through {profile} ({receipt.transport.upper()}) in {receipt.seconds:.2f} s.",
        file=out,
    )
    for message_id, recipient in receipt.message_ids.items():
        print(f"  {recipient}: SMTPeter message id {message_id}", file=out)
    if not receipt.message_ids:
        for recipient in receipt.accepted:
            print(f"  {recipient}: accepted", file=out)
        if receipt.reply:
            print(f"  Server reply: {receipt.reply}", file=out)
    refused = refused_of(receipt)
    if refused:
        print(wording.refused(refused), file=err)
    deferred = deferred_of(receipt)
    for deferred_one in deferred:
        print(f"  {wording.rejection(deferred_one, 'put off for now')}", file=err)
    error = outcome.error
    if error is not None and error.kind is ErrorKind.UNRECORDED:
        print(f"Warning: {error.text}", file=err)
        if error.server_reply:
            print(f"  Server reply: {error.server_reply}", file=err)
        return EXIT_OK
    if deferred:
        if outcome.deferred_id is not None:
            follow_up = outcome.deferred_id
            print(
                f"Those recipients wait in the outbox as message {follow_up} (the same "
                f"message, to them alone); it is tried again after "
                f"{when(outcome.deferred_at)} (when the app runs), or now with "
                f"`smtpeter-desktop outbox retry {follow_up}`.",
                file=err,
            )
        elif error is not None:
            print(error.text, file=err)
    if refused:
        return EXIT_REJECTED
    return EXIT_TEMPORARY if deferred else EXIT_OK


def print_outcome(outcome: Outcome, profile: str, out: TextIO, err: TextIO, *, subject: str) -> int:
    """Say what happened to the message with ``subject``, in the window's words, and per
    recipient where the server said; return the exit code."""
    id = outcome.message_id
    if outcome.result is Result.SENT:
        return _print_sent(outcome, subject, profile, out, err)
    if outcome.result is Result.SKIPPED:
        print(
            f"Message {id} was not sent now: it is not due yet, or another SMTPeter Desktop "
            "is sending it. See `smtpeter-desktop outbox`.",
            file=err,
        )
        return EXIT_TEMPORARY
    error = outcome.error
    assert error is not None
    print(_not_sent(outcome, error, subject), file=err)
    if error.hint:
        print(f"  {error.hint}", file=err)
    if outcome.result is Result.DRAFT:
        print(
            f"It is draft {id}: `smtpeter-desktop drafts show {id}` shows it, "
            f"`smtpeter-desktop drafts delete {id}` deletes it.",
            file=err,
        )
    elif error.kind is ErrorKind.CANCELLED and outcome.result is Result.FAILED:
        pass  # the hint already says where it waits and how to send it
    elif outcome.result is Result.RETRY:
        print(
            f"It waits in the outbox as message {id} and is tried again after "
            f"{when(outcome.retry_at)} (when the app runs), or now with "
            f"`smtpeter-desktop outbox retry {id}`.",
            file=err,
        )
    elif outcome.result is Result.UNKNOWN:
        print(
            f"It may have gone out. Message {id} is kept in the outbox: "
            f"`smtpeter-desktop outbox mark-sent {id}` if it arrived, "
            f"`smtpeter-desktop outbox retry {id}` to send it again.",
            file=err,
        )
    else:
        print(
            f"It is kept in the outbox as message {id}: fix the cause, then "
            f"`smtpeter-desktop outbox retry {id}`.",
            file=err,
        )
    return exit_code(error)


def _not_sent(outcome: Outcome, error: ErrorInfo, subject: str) -> str:
    """The window's sentence for an outcome that did not (certainly) go out."""
    if outcome.result is Result.UNKNOWN:
        return wording.unknown(subject, error)
    if outcome.result is Result.RETRY:
        return wording.not_sent_yet(subject, error)
    if error.kind is ErrorKind.CANCELLED:
        return wording.stopped(subject)
    return wording.not_sent(subject, error)
