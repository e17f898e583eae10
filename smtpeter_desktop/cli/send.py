"""``send``: build a message, ask the pre-send questions, queue it and send it now.

The message goes through the mailbox like one sent from the window: a failure leaves it in
the outbox (``smtpeter-desktop outbox``), never lost.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Any, TextIO

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.arguments import SEND_TOGGLES
from smtpeter_desktop.cli.build import draft_from_args
from smtpeter_desktop.cli.common import EXIT_BAD_INPUT, UsageError
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.options import SmtpeterOptions


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
    """The pre-send checks: errors stop, warnings stop unless ``--yes``."""
    from smtpeter_desktop.compose import checks

    findings = checks.check(draft)
    for finding in findings:
        print(f"{finding.severity}: {finding.message}", file=err)
    if any(f.severity is checks.Severity.ERROR for f in findings):
        print("Not sent: fix the errors above.", file=err)
        return False
    if findings and not args.yes:
        print("Not sent: add --yes to send despite the warnings.", file=err)
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
            self.stream.write(f"\rSending… {percent:3d}% of {total / 2**20:.1f} MB")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    if (args.password_stdin or args.token_stdin) and args.markdown == "-":
        raise UsageError("standard input cannot carry both the Markdown and the secret")
    from smtpeter_desktop.cli.report import print_outcome

    draft = draft_from_args(args, sys.stdin)
    with common.app_context() as context:
        profile = context.profiles.get(args.profile)
        if args.password_stdin or args.token_stdin:
            what = "token" if args.token_stdin else "password"
            piped = common.read_secret(sys.stdin, what)
            # The secret given for this command is the one it uses; the keyring is not asked
            # (importing and asking it costs 60-150 ms, and a stored secret would win).
            if not profile.sandbox:
                context.secrets.keep_for_session(profile.id, piped)
        sender = draft.sender
        if not sender:
            if not profile.identities:
                raise UsageError(f"the profile {profile.name} has no sender: give --from")
            sender = profile.identities[0].display
        draft = dataclasses.replace(
            draft,
            profile=profile.id,
            sender=sender,
            options=options_from_args(args, profile.options),
        )
        if not _ask(draft, args, sys.stderr):
            return EXIT_BAD_INPUT
        from smtpeter_desktop.cli import interrupt
        from smtpeter_desktop.delivery.outcomes import Stopped

        with interrupt.cancel_on_interrupt() as interrupts:
            try:
                with context.postman() as postman:
                    queued = postman.queue(draft, cancel=interrupts.token)
            except Stopped as stopped:
                outcome = stopped.outcome
            else:
                outcome = interrupt.send(context, queued.id, interrupts, _Progress(sys.stderr))
        code = print_outcome(outcome, profile.name, sys.stdout, sys.stderr)
        return interrupt.exit_code(interrupts, outcome, code)
