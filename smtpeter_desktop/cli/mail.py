"""``outbox``, ``sent`` and ``status``: what waits, what went, and what became of it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, Parser, Subparsers, UsageError, when

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.names import Summary

_OUTBOX = ("queued", "sending", "failed", "unknown")


def register(commands: Subparsers) -> None:
    outbox = commands.add_parser(
        "outbox",
        help="list, retry, edit or discard messages that have not gone out",
        description="Messages waiting to be sent, those that failed, and those whose outcome "
        "is unknown (the server may have taken them).",
        epilog=common.EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    outbox.set_defaults(handler=_outbox_list)
    actions = outbox.add_subparsers(title="actions", metavar="ACTION", parser_class=Parser)
    actions.add_parser("list", help="list the outbox (the default)").set_defaults(
        handler=_outbox_list
    )
    for name, help_text, handler in (
        ("retry", "send it now (after a failure, or once you decided to resend)", _retry),
        ("discard", "delete it without sending", _discard),
        ("edit", "make it a draft again, to change it in the window", _edit),
        ("mark-sent", "you found it arrived: move an unknown message to Sent", _mark_sent),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("id", type=int, help="the message's number in the list")
        action.set_defaults(handler=handler)

    sent = commands.add_parser("sent", help="list sent mail with SMTPeter's message ids")
    sent.set_defaults(handler=_sent)

    status = commands.add_parser(
        "status", help="fetch a sent message's delivery events from SMTPeter (REST profiles)"
    )
    status.add_argument("id", type=int)
    status.set_defaults(handler=_status)


def _line(summary: Summary) -> str:
    subject = summary.subject or "(no subject)"
    started = f"{summary.id:>5}  {summary.state:<8} {when(summary.updated)}"
    return f"{started}  {subject} — to {summary.recipients}"


def _outbox_list(args: argparse.Namespace) -> int:
    from smtpeter_desktop.delivery.names import State
    from smtpeter_desktop.delivery.outcomes import ErrorInfo

    with common.app_context() as context, context.postman() as postman:
        waiting = postman.summaries([State(state) for state in _OUTBOX])
        if not waiting:
            print("The outbox is empty.")
        for summary in waiting:
            print(_line(summary))
            error = ErrorInfo.from_json(summary.error)
            if summary.state == "queued" and summary.retry_at:
                print(f"       next try after {when(summary.retry_at)}")
            elif summary.state == "queued" and summary.not_before:
                print(f"       goes after {when(summary.not_before)}")
            if error is not None:
                print(f"       {error.text}")
    return EXIT_OK


def _retry(args: argparse.Namespace) -> int:
    from smtpeter_desktop.cli import interrupt
    from smtpeter_desktop.cli.report import print_outcome

    with common.app_context() as context:
        with context.postman() as postman:
            record = postman.read(args.id)
            # Asking for it by its number is the person's say-so, also for an unknown one.
            postman.send_again(args.id, even_if_it_arrived=True)
        with interrupt.cancel_on_interrupt() as interrupts:
            outcome = interrupt.send(context, args.id, interrupts)
        profile = context.profiles.find(record.profile_id)
        code = print_outcome(
            outcome, profile.name if profile else "its profile", sys.stdout, sys.stderr
        )
        return interrupt.exit_code(interrupts, outcome, code)


def _discard(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        record = postman.read(args.id)
        if record.state.value not in _OUTBOX:
            raise UsageError(f"message {args.id} is not in the outbox (it is {record.state})")
        postman.delete(args.id)
    print(f"Discarded message {args.id}.")
    return EXIT_OK


def _edit(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        postman.edit(args.id)
    print(f"Message {args.id} is a draft again: open SMTPeter Desktop to change and send it.")
    return EXIT_OK


def _mark_sent(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        postman.mark_arrived(args.id)
    print(f"Message {args.id} is in Sent.")
    return EXIT_OK


def _sent(args: argparse.Namespace) -> int:
    from smtpeter_desktop.delivery.names import State
    from smtpeter_desktop.delivery.outcomes import deferred_of, refused_of

    with common.app_context() as context, context.postman() as postman:
        sent = postman.summaries([State.SENT])
        if not sent:
            print("Nothing sent yet.")
        for summary in sent:
            subject = summary.subject or "(no subject)"
            delivery = f"  [{summary.delivery}]" if summary.delivery else ""
            print(
                f"{summary.id:>5}  {when(summary.sent_at)}  {subject} — to {summary.recipients}"
                f"{delivery}"
            )
            receipt = postman.receipt_of(summary.id)
            if receipt is not None:
                for message_id, recipient in receipt.message_ids.items():
                    print(f"       {recipient}: {message_id}")
                if receipt.reply:
                    print(f"       server: {receipt.reply}")
                for rejection in refused_of(receipt):
                    print(
                        f"       {rejection.address}: refused ({rejection.code} {rejection.text})"
                    )
                for rejection in deferred_of(receipt):
                    print(
                        f"       {rejection.address}: put off for now ({rejection.code} "
                        f"{rejection.text}); it goes to them alone from the outbox"
                    )
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from smtpeter_desktop.cli.report import exit_code
    from smtpeter_desktop.delivery.names import SendError
    from smtpeter_desktop.delivery.outcomes import ErrorInfo

    with common.app_context() as context, context.postman() as postman:
        try:
            summary = postman.refresh_events(args.id)
        except SendError as exc:
            print(f"SMTPeter could not be asked: {exc}", file=sys.stderr)
            return exit_code(ErrorInfo.of(exc))
        record = postman.read(args.id)
    print(f"Message {args.id}: {summary}")
    stored = json.loads(record.events or "{}")
    for message in stored.get("messages", []):
        print(f"  {message['recipient']} ({message['id']}): {message['state']}")
        for event in message["events"]:
            detail = event["data"].get("description") or event["data"].get("url") or ""
            print(f"    {event['time'] or '?':<25} {event['kind']:<9} {detail}".rstrip())
    return EXIT_OK
