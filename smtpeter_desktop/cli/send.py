"""``send``: build a message, ask the pre-send questions, queue it and send it now.

The message goes through the mailbox like one sent from the window: a failure leaves it in
the outbox (``smtpeter-desktop outbox``), never lost.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING, Any, TextIO

from smtpeter_desktop import cli
from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.arguments import SEND_TOGGLES
from smtpeter_desktop.cli.build import draft_from_args
from smtpeter_desktop.cli.common import EXIT_BAD_INPUT, UsageError
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.delivery import early_start
from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext


def options_from_args(args: argparse.Namespace, defaults: SmtpeterOptions) -> SmtpeterOptions:
    """``defaults`` (the profile's) with what the command line changed; ``OptionsError``
    (a ``ComposeError``: exit code 2) says what cannot be used."""
    names = (
        *(n for n, _ in SEND_TOGGLES),
        "prevent_scam",
        "hosted_images",
        "unsubscribe_url",
        "unsubscribe_email",
        "unsubscribe_oneclick",
    )
    changes: dict[str, Any] = {
        name: getattr(args, name) for name in names if getattr(args, name) is not None
    }
    if args.tag:
        changes["tags"] = tuple(dict.fromkeys((*defaults.tags, *args.tag)))
    return dataclasses.replace(defaults, **changes)


def _ask(draft: Draft, args: argparse.Namespace, err: TextIO) -> bool:
    """The pre-send checks: errors stop, warnings stop unless ``--yes``; infos are told."""
    from smtpeter_desktop.compose import checks

    findings = checks.check(draft)
    for finding in findings:
        print(f"{finding.severity}: {finding.message}", file=err)
    if any(f.severity is checks.Severity.ERROR for f in findings):
        print(translate("cli.send", "Not sent: fix the errors above."), file=err)
        return False
    if any(f.severity is checks.Severity.WARNING for f in findings) and not args.yes:
        print(translate("cli.send", "Not sent: add --yes to send despite the warnings."), file=err)
        return False
    return True


class _Progress:
    """A one-line progress bar on a terminal; nothing when output is redirected."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.stream.isatty() or total < 1024 * 1024:
            return
        percent = done * 100 // max(total, 1)
        if percent != self.shown:
            self.shown = percent
            self.stream.write(
                "\r"
                + translate("cli.send", "Sending… {percent:3d}% of {size}").format(
                    percent=percent, size=human_size(total)
                )
            )
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    if (args.password_stdin or args.token_stdin) and args.markdown == "-":
        raise UsageError(
            translate("cli.send", "standard input cannot carry both the Markdown and the secret")
        )
    if args.smtpeter_template:
        from smtpeter_desktop.cli.templates import send_remote

        return send_remote(args)
    if args.data:
        raise UsageError(translate("cli.send", "--data goes with --smtpeter-template"))
    if not args.template and (args.subject is None or args.markdown is None):
        raise UsageError(
            translate("cli.send", "give --subject and --markdown (or --template NAME)")
        )
    from smtpeter_desktop.compose import schedule

    at = schedule.when(args.at, args.delay)
    give_up = schedule.smtpeter_time(args.give_up_after) if args.give_up_after else ""
    piped = None
    if args.password_stdin or args.token_stdin:
        piped = common.read_secret(sys.stdin, "token" if args.token_stdin else "password")
    started = None
    if at is None:
        # First of all: the round trips to the server (look-up, connect, TLS, and for SMTP
        # with the password piped in the greeting, EHLO and AUTH too: 100-300 ms over a link
        # of 25 ms each way) overlap the opening of the app's data (25-40 ms) and the
        # reading, building and checking below, not follow them. The threads talking to the
        # server wait for the interpreter while this one works: a turn of 0.5 ms, not the
        # default 5, for each of the server's answers (10-50 ms a send).
        sys.setswitchinterval(0.0005)
        started = early_start.connect_early(cli.home_folder(), args.profile, piped or "")
    try:
        with common.app_context() as context:
            if started is not None:
                context.ahead.adopt(started)
                started = None
            return _send(context, args, at, give_up, piped)
    finally:
        if started is not None:  # the app's data could not be opened
            started.close()


def _send(
    context: AppContext,
    args: argparse.Namespace,
    at: float | None,
    give_up: str,
    piped: str | None,
) -> int:
    """The send itself, from reading the profile on; ``piped``: the secret given on stdin."""
    profile = context.profiles.get(args.profile)
    if piped is not None and not profile.sandbox:
        # The secret given for this command is the one it uses; the keyring is not asked
        # (importing and asking it costs 60-150 ms, and a stored secret would win).
        context.secrets.keep_for_session(profile.id, piped)
    if at is None:
        # Takes what was opened early, if it was for this profile; else starts now.
        with context.postman() as early:
            early.connect_ahead(profile)
    if args.template:
        from smtpeter_desktop.cli.templates import draft_from_template

        draft = draft_from_template(args, sys.stdin)
    else:
        draft = draft_from_args(args, sys.stdin)
    sender = common.sender_of(draft.sender, profile)
    draft = dataclasses.replace(
        draft,
        profile=profile.id,
        sender=sender,
        options=dataclasses.replace(
            options_from_args(args, profile.options), max_deliver_time=give_up
        ),
        body=_signed(draft.body, args, profile.id, sender),
    )
    if not _ask(draft, args, sys.stderr):
        return EXIT_BAD_INPUT
    from smtpeter_desktop.cli import interrupt
    from smtpeter_desktop.cli.report import print_outcome
    from smtpeter_desktop.delivery.outcomes import Stopped

    if give_up and profile.transport != "rest":
        print(
            translate(
                "cli.send",
                "warning: --give-up-after works through the REST API only; {name} sends "
                "by SMTP, so SMTPeter's default applies.",
            ).format(name=profile.name),
            file=sys.stderr,
        )
    if at is not None:
        return _schedule(context, draft, at)
    with interrupt.cancel_on_interrupt() as interrupts:
        try:
            with context.postman() as postman:
                queued = postman.queue(draft, cancel=interrupts.token)
        except Stopped as stopped:
            outcome = stopped.outcome
        else:
            outcome = interrupt.send(context, queued.id, interrupts, _Progress(sys.stderr))
    code = print_outcome(outcome, profile.name, sys.stdout, sys.stderr, subject=draft.subject)
    return interrupt.exit_code(interrupts, outcome, code)


def _schedule(context: AppContext, draft: Draft, at: float) -> int:
    """Put the message in the outbox for *at*; the timer or the window sends it then."""
    from smtpeter_desktop import send_due_timer
    from smtpeter_desktop.compose.schedule import local_text

    with context.postman() as postman:
        queued = postman.queue(draft, at=at)
    print(
        translate(
            "cli.send", "Message {id} waits in the outbox until {local_text} (your time)."
        ).format(id=queued.id, local_text=local_text(at))
    )
    if send_due_timer.installed() is None:
        print(
            translate(
                "cli.send",
                (
                    "It goes out then only while SMTPeter Desktop is open, unless you install the "
                    "send-due timer: smtpeter-desktop --install-send-due"
                ),
            ),
            file=sys.stderr,
        )
    return common.EXIT_OK


def _signed(body: str, args: argparse.Namespace, profile_id: str, sender: str) -> str:
    """The body with the signature asked for, else the sender's default, else as it is."""
    if args.no_signature:
        return body
    from smtpeter_desktop.compose import addresses
    from smtpeter_desktop.compose.signature import with_signature
    from smtpeter_desktop.storage import paths, signatures

    store = signatures.SignatureStore(paths.app_home() / signatures.FILE_NAME)
    if args.signature:
        chosen: signatures.Signature | None = store.get(args.signature)
    else:
        found = addresses.read_address_list(sender, "From").addresses
        chosen = store.default_for(profile_id, found[0].address if found else "")
    return with_signature(body, chosen.markdown) if chosen is not None else body
