"""How a send's outcome is told on the command line, and the exit code it ends with.

The sentence for each outcome (sent, refused, not sent, not sent yet, unknown, stopped) is
``delivery.wording``'s, the one the window's banners say; the command line adds only its own
details (the account and time, each recipient, the ids, the commands to type next).
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
from smtpeter_desktop.i18n import translate

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
    through = translate("cli.report", "Sent through {profile} ({upper}) in {seconds:.2f} s.")
    print(
        "  "
        + through.format(profile=profile, upper=receipt.transport.upper(), seconds=receipt.seconds),
        file=out,
    )
    for message_id, recipient in receipt.message_ids.items():
        print(
            translate("cli.report", "  {recipient}: SMTPeter message id {message_id}").format(
                recipient=recipient, message_id=message_id
            ),
            file=out,
        )
    if not receipt.message_ids:
        for recipient in receipt.accepted:
            print(
                translate("cli.report", "  {recipient}: accepted").format(recipient=recipient),
                file=out,
            )
        if receipt.reply:
            print(
                translate("cli.report", "  Server reply: {reply}").format(reply=receipt.reply),
                file=out,
            )
    refused = refused_of(receipt)
    if refused:
        print(wording.refused(refused), file=err)
    deferred = deferred_of(receipt)
    for deferred_one in deferred:
        what = translate("cli.report", "put off for now")
        print(f"  {wording.rejection(deferred_one, what)}", file=err)
    error = outcome.error
    if error is not None and error.kind is ErrorKind.UNRECORDED:
        print(translate("cli.report", "Warning: {text}").format(text=error.text), file=err)
        if error.server_reply:
            print(
                translate("cli.report", "  Server reply: {server_reply}").format(
                    server_reply=error.server_reply
                ),
                file=err,
            )
        return EXIT_OK
    if deferred:
        if outcome.deferred_id is not None:
            follow_up = outcome.deferred_id
            print(
                translate(
                    "cli.report",
                    "Those recipients wait in the outbox as message {follow_up} (the same "
                    "message, to them alone); it is tried again after {when} (when the app "
                    "runs), or now with `smtpeter-desktop outbox retry {follow_up}`.",
                ).format(follow_up=follow_up, when=when(outcome.deferred_at)),
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
            translate(
                "cli.report",
                "Message {id} was not sent now: it is not due yet, or another SMTPeter "
                "Desktop is sending it. See `smtpeter-desktop outbox`.",
            ).format(id=id),
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
            translate(
                "cli.report",
                "It is draft {id}: `smtpeter-desktop drafts show {id}` shows it, "
                "`smtpeter-desktop drafts delete {id}` deletes it.",
            ).format(id=id),
            file=err,
        )
    elif error.kind is ErrorKind.CANCELLED and outcome.result is Result.FAILED:
        pass  # the hint already says where it waits and how to send it
    elif outcome.result is Result.RETRY:
        print(
            translate(
                "cli.report",
                "It waits in the outbox as message {id} and is tried again after {when} "
                "(when the app runs), or now with `smtpeter-desktop outbox retry {id}`.",
            ).format(id=id, when=when(outcome.retry_at)),
            file=err,
        )
    elif outcome.result is Result.UNKNOWN:
        print(
            translate(
                "cli.report",
                "It may have gone out. Message {id} is kept in the outbox: "
                "`smtpeter-desktop outbox mark-sent {id}` if it arrived, "
                "`smtpeter-desktop outbox retry {id}` to send it again.",
            ).format(id=id),
            file=err,
        )
    else:
        print(
            translate(
                "cli.report",
                "It is kept in the outbox as message {id}: fix the cause, then "
                "`smtpeter-desktop outbox retry {id}`.",
            ).format(id=id),
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
