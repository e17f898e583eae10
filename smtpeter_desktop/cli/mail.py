"""The outbox's actions (retry, discard, edit, reschedule, send-due...) and ``status``: what
became of a sent message. The lists themselves are in ``listings``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, UsageError, when
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.storage import reading

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext


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
            outcome,
            profile.name if profile else translate("cli.mail", "its profile"),
            sys.stdout,
            sys.stderr,
            subject=record.subject,
        )
        return interrupt.exit_code(interrupts, outcome, code)


def _send_due(args: argparse.Namespace) -> int:
    import time

    from smtpeter_desktop.storage import settings

    if args.every is not None and args.every < 1:
        raise UsageError(translate("cli.mail", "--every must be 1 second or more"))
    with common.app_context() as context:
        hours = context.settings.get(settings.LATE_SEND_LIMIT_HOURS)
        late_after = hours * 3600.0 if hours else None
        if args.every is None:
            return _send_due_once(context, late_after)
        from smtpeter_desktop.storage.errors import StorageError

        while True:
            try:
                _send_due_once(context, late_after)
            except StorageError as exc:
                # A mailbox kept busy by the window, a full disk: said, and tried next round,
                # so the session's sender does not end over a passing problem.
                common.fail(str(exc))
            time.sleep(args.every)


def _send_due_once(context: AppContext, late_after: float | None) -> int:
    from smtpeter_desktop.cli.report import print_outcome
    from smtpeter_desktop.delivery.outcomes import Result

    context.recover()
    code = EXIT_OK
    with context.postman() as postman:
        outcomes = postman.send_due(late_after=late_after)
        for outcome in outcomes:
            record = postman.read(outcome.message_id)
            if outcome.result is Result.SKIPPED:
                if record.state == "queued" and record.not_before is not None:
                    _say_late(outcome.message_id, record.subject, record.not_before)
                continue
            profile = context.profiles.find(record.profile_id)
            name = profile.name if profile else translate("cli.mail", "its profile")
            print(
                translate("cli.mail", "Message {message_id} ({value}):").format(
                    message_id=outcome.message_id,
                    value=record.subject or translate("cli.mail", "(no subject)"),
                )
            )
            result = print_outcome(outcome, name, sys.stdout, sys.stderr, subject=record.subject)
            code = code or result
    return code


def _say_late(id: int, subject: str, due: float) -> None:
    print(
        translate(
            "cli.mail",
            "Message {id} ({value}) was to go at {when} and was not sent: that is "
            "longer ago than your limit (late_send_limit_hours). Send it now with "
            "`smtpeter-desktop outbox reschedule {id} --now`, choose another time "
            "with --at, or make it a draft again with `smtpeter-desktop outbox "
            "unschedule {id}`.",
        ).format(id=id, value=subject or translate("cli.mail", "(no subject)"), when=when(due)),
        file=sys.stderr,
    )


def _reschedule(args: argparse.Namespace) -> int:
    from smtpeter_desktop.compose import schedule

    if args.now and (args.at or args.delay):
        raise UsageError(translate("cli.mail", "give --now, --at or --in, one of them"))
    at = None if args.now else schedule.when(args.at, args.delay)
    if at is None and not args.now:
        raise UsageError(
            translate("cli.mail", "say when: --at 'YYYY-MM-DD HH:MM', --in 2h, or --now")
        )
    with common.app_context() as context, context.postman() as postman:
        postman.reschedule(args.id, at)
    if at is None:
        print(
            translate(
                "cli.mail", "Message {id} goes at the next chance (`outbox send-due` sends it now)."
            ).format(id=args.id)
        )
    else:
        print(
            translate("cli.mail", "Message {id} goes at {local_text} (your time).").format(
                id=args.id, local_text=schedule.local_text(at)
            )
        )
    return EXIT_OK


def _unschedule(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        postman.undo(args.id)
    print(
        translate("cli.mail", "Message {id} will not be sent: it is a draft again.").format(
            id=args.id
        )
    )
    return EXIT_OK


def _discard(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        record = postman.read(args.id)
        if record.state.value not in reading.OUTBOX:
            raise UsageError(
                translate("cli.mail", "message {id} is not in the outbox (it is {state})").format(
                    id=args.id, state=record.state
                )
            )
        postman.delete(args.id)
    print(translate("cli.mail", "Discarded message {id}.").format(id=args.id))
    return EXIT_OK


def _edit(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        postman.edit(args.id)
    print(
        translate(
            "cli.mail",
            "Message {id} is a draft again: open SMTPeter Desktop to change and send it.",
        ).format(id=args.id)
    )
    return EXIT_OK


def _mark_sent(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        postman.mark_arrived(args.id)
    print(translate("cli.mail", "Message {id} is in Sent.").format(id=args.id))
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from smtpeter_desktop.cli.report import exit_code
    from smtpeter_desktop.delivery.names import SendError
    from smtpeter_desktop.delivery.outcomes import ErrorInfo

    with common.app_context() as context, context.postman() as postman:
        try:
            summary = postman.refresh_events(args.id)
        except SendError as exc:
            print(
                translate("cli.mail", "SMTPeter could not be asked: {exc}").format(exc=exc),
                file=sys.stderr,
            )
            return exit_code(ErrorInfo.of(exc))
        record = postman.read(args.id)
    print(translate("cli.mail", "Message {id}: {summary}").format(id=args.id, summary=summary))
    stored = json.loads(record.events or "{}")
    for message in stored.get("messages", []):
        print(f"  {message['recipient']} ({message['id']}): {message['state']}")
        for event in message["events"]:
            detail = event["data"].get("description") or event["data"].get("url") or ""
            print(f"    {event['time'] or '?':<25} {event['kind']:<9} {detail}".rstrip())
    return EXIT_OK
