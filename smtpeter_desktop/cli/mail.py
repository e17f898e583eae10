"""``outbox``, ``sent`` and ``status``: what waits, what went, and what became of it."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, UsageError, when
from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext
    from smtpeter_desktop.delivery.names import Summary
    from smtpeter_desktop.delivery.postman import Postman

_OUTBOX = ("queued", "sending", "failed", "unknown")


def _line(summary: Summary) -> str:
    subject = summary.subject or translate("cli.mail", "(no subject)")
    started = f"{summary.id:>5}  {summary.state:<8} {when(summary.updated)}"
    return f"{started}  {subject} — to {summary.recipients}"


def _outbox_list(args: argparse.Namespace) -> int:
    from smtpeter_desktop.delivery.names import State
    from smtpeter_desktop.delivery.outcomes import ErrorInfo

    with common.app_context() as context, context.postman() as postman:
        waiting = postman.summaries([State(state) for state in _OUTBOX])
        waiting, merges = _merges_in_brief(postman, waiting)
        if not waiting and not merges:
            print(translate("cli.mail", "The outbox is empty."))
        for summary in waiting:
            print(_line(summary))
            error = ErrorInfo.from_json(summary.error)
            if summary.state == "queued" and summary.retry_at:
                print(
                    translate("cli.mail", "       next try after {when}").format(
                        when=when(summary.retry_at)
                    )
                )
            elif summary.state == "queued" and summary.not_before:
                print(
                    translate("cli.mail", "       goes after {when}").format(
                        when=when(summary.not_before)
                    )
                )
            if error is not None:
                print(f"       {error.text}")
    return EXIT_OK


def _merges_in_brief(postman: Postman, waiting: list[Summary]) -> tuple[list[Summary], int]:
    """A merge's rows waiting to go are one line per merge, not a line per row; its failed
    and unknown rows stay listed, with the ids a person needs to settle them."""
    from smtpeter_desktop.delivery import merges

    unfinished = merges.unfinished(postman)
    for job, counts in unfinished:
        line = translate(
            "cli.mail", "merge {id:>3} {state:<8} {open:,} of {total:,} rows to go  {name}"
        )
        print(
            line.format(
                id=job.id, state=job.state, open=counts.open, total=job.total, name=job.name
            )
        )
    hidden = merges.waiting_rows(postman)
    return [summary for summary in waiting if summary.id not in hidden], len(unfinished)


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
        if record.state.value not in _OUTBOX:
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


def _sent(args: argparse.Namespace) -> int:
    from smtpeter_desktop.delivery.names import State
    from smtpeter_desktop.delivery.outcomes import deferred_of, refused_of

    with common.app_context() as context, context.postman() as postman:
        sent = postman.summaries([State.SENT])
        if not sent:
            print(translate("cli.mail", "Nothing sent yet."))
        for summary in sent:
            subject = summary.subject or translate("cli.mail", "(no subject)")
            delivery = f"  [{summary.delivery}]" if summary.delivery else ""
            print(
                translate(
                    "cli.mail", "{id:>5}  {when}  {subject} — to {recipients}{delivery}"
                ).format(
                    id=summary.id,
                    when=when(summary.sent_at),
                    subject=subject,
                    recipients=summary.recipients,
                    delivery=delivery,
                )
            )
            receipt = postman.receipt_of(summary.id)
            if receipt is not None:
                for message_id, recipient in receipt.message_ids.items():
                    print(f"       {recipient}: {message_id}")
                if receipt.reply:
                    print(
                        translate("cli.mail", "       server: {reply}").format(reply=receipt.reply)
                    )
                for rejection in refused_of(receipt):
                    print(
                        translate("cli.mail", "       {address}: refused ({code} {text})").format(
                            address=rejection.address, code=rejection.code, text=rejection.text
                        )
                    )
                for rejection in deferred_of(receipt):
                    print(
                        translate(
                            "cli.mail",
                            "       {address}: put off for now ({code} {text}); it goes to them "
                            "alone from the outbox",
                        ).format(
                            address=rejection.address, code=rejection.code, text=rejection.text
                        )
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
