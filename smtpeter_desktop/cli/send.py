"""``send``: build a message, ask the pre-send questions, queue it and send it now.

The message goes through the mailbox like one sent from the window: a failure leaves it in
the outbox (``smtpeter-desktop outbox``), never lost.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING, Any, TextIO

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.build import add_message_arguments, draft_from_args
from smtpeter_desktop.cli.common import EXIT_BAD_INPUT, Subparsers, UsageError
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.options import SmtpeterOptions

if TYPE_CHECKING:
    from smtpeter_desktop.delivery.context import AppContext

_TOGGLES = (
    ("track_clicks", "rewrite links to count clicks"),
    ("track_opens", "count opens"),
    ("inline_css", "let SMTPeter move <style> rules into the elements"),
    ("track_bounces", "let SMTPeter handle bounces"),
)


def register(commands: Subparsers) -> None:
    parser = commands.add_parser(
        "send",
        help="send a Markdown file as an e-mail message",
        description="Build a message from Markdown, check it, and send it through a profile. "
        "A message that cannot go now stays in the outbox.",
        epilog=common.EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--profile", required=True, metavar="NAME", help="the profile to send with")
    add_message_arguments(parser, sender_required=False)
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="an SMTPeter tag (repeatable)"
    )
    for name, help_text in _TOGGLES:
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            dest=name,
            action=argparse.BooleanOptionalAction,
            default=None,
            help=f"{help_text} (default: the profile's setting)",
        )
    parser.add_argument(
        "--prevent-scam",
        action="store_true",
        default=None,
        help="leave links alone whose text is itself a web address",
    )
    parser.add_argument(
        "--hosted-images", action="store_true", default=None, help="let SMTPeter host the images"
    )
    secret = parser.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the SMTP password from standard input, for this command only "
        "(used when none is stored or no keyring works)",
    )
    secret.add_argument(
        "--token-stdin",
        action="store_true",
        help="read the REST API token from standard input, for this command only",
    )
    parser.add_argument("--yes", "-y", action="store_true", help="send despite warnings")
    parser.set_defaults(handler=run)


def _options(args: argparse.Namespace, defaults: SmtpeterOptions) -> SmtpeterOptions:
    changes: dict[str, Any] = {
        name: getattr(args, name)
        for name in (*(n for n, _ in _TOGGLES), "prevent_scam", "hosted_images")
        if getattr(args, name) is not None
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
        print("Not sent: fix the errors above.", file=err)
        return False
    if any(f.severity is checks.Severity.WARNING for f in findings) and not args.yes:
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
            if not profile.sandbox and not _stored(context, profile.id):
                context.secrets.keep_for_session(profile.id, piped)
        sender = draft.sender
        if not sender:
            if not profile.identities:
                raise UsageError(f"the profile {profile.name} has no sender: give --from")
            sender = profile.identities[0].display
        draft = dataclasses.replace(
            draft, profile=profile.id, sender=sender, options=_options(args, profile.options)
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


def _stored(context: AppContext, profile_id: str) -> bool:
    """Whether a secret is stored and readable; a keyring that does not work counts as none."""
    from smtpeter_desktop.storage.errors import KeyringUnavailable

    try:
        return context.secrets.has(profile_id)
    except KeyringUnavailable:
        return False
