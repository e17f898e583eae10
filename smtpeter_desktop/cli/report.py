"""How a send's outcome is told on the command line, and the exit code it ends with."""

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
from smtpeter_desktop.delivery.outcomes import ErrorInfo, ErrorKind, Outcome, Result

_EXIT_BY_KIND = {
    ErrorKind.AUTH: EXIT_AUTH,
    ErrorKind.TLS: EXIT_AUTH,
    ErrorKind.CONFIG: EXIT_AUTH,
    ErrorKind.SETUP: EXIT_AUTH,
    ErrorKind.REJECTED: EXIT_REJECTED,
    ErrorKind.BUSY: EXIT_TEMPORARY,
    ErrorKind.CONNECTION: EXIT_TEMPORARY,
    ErrorKind.CANCELLED: EXIT_INTERRUPTED,
}


def exit_code(error: ErrorInfo) -> int:
    if error.maybe_accepted:
        return EXIT_UNKNOWN
    return _EXIT_BY_KIND.get(error.kind, EXIT_TEMPORARY)


def print_outcome(outcome: Outcome, profile: str, out: TextIO, err: TextIO) -> int:
    """Say what happened, per recipient where the server said; return the exit code."""
    id = outcome.message_id
    if outcome.result is Result.SENT:
        receipt = outcome.receipt
        assert receipt is not None
        print(
            f"Sent through {profile} ({receipt.transport.upper()}) in {receipt.seconds:.2f} s.",
            file=out,
        )
        for message_id, recipient in receipt.message_ids.items():
            print(f"  {recipient}: SMTPeter message id {message_id}", file=out)
        if not receipt.message_ids:
            for recipient in receipt.accepted:
                print(f"  {recipient}: accepted", file=out)
            if receipt.reply:
                print(f"  Server reply: {receipt.reply}", file=out)
        for rejection in receipt.rejected:
            print(f"  {rejection.address}: refused ({rejection.code} {rejection.text})", file=err)
        return EXIT_REJECTED if receipt.rejected else EXIT_OK
    error = outcome.error
    assert error is not None
    print(f"Not sent: {error.text}", file=err)
    if error.server_reply:
        print(f"  Server reply: {error.server_reply}", file=err)
    if outcome.result is Result.RETRY:
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
