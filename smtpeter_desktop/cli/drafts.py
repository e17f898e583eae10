"""``drafts``: list, show and delete saved drafts without opening the window.

The way out of a draft the window cannot open (one that crashes it on every start): nothing
here renders the Markdown, so any draft can be listed, read and deleted.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, UsageError, when
from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.compose.draft import Draft


def _list(args: argparse.Namespace) -> int:
    # Not compose.checks: it brings the renderer (Markdown, Pygments, css-inline, ssl),
    # 312 -> 137 ms for `drafts`; listing never renders.
    from smtpeter_desktop.compose.sizes import human_size
    from smtpeter_desktop.delivery.names import State

    with common.app_context() as context, context.postman() as postman:
        drafts = postman.summaries([State.DRAFT])
        if not drafts:
            print(translate("cli.drafts", "There are no drafts."))
        for summary in drafts:
            # The stored text's size, not a parse of it: a damaged draft is listed too.
            size = human_size(len(postman.read(summary.id).draft.encode()))
            subject = summary.subject or "(no subject)"
            to = f" — to {summary.recipients}" if summary.recipients else ""
            print(f"{summary.id:>5}  {when(summary.updated)}  {size:>9}  {subject}{to}")
    return EXIT_OK


def _draft_text(args: argparse.Namespace) -> str:
    from smtpeter_desktop.compose.draft import Draft
    from smtpeter_desktop.compose.errors import ComposeError
    from smtpeter_desktop.delivery.names import State

    with common.app_context() as context, context.postman() as postman:
        record = postman.read(args.id)
    if record.state is not State.DRAFT:
        raise UsageError(
            translate(
                "cli.drafts", "message {id} is not a draft (it is {state}): see `outbox` or `sent`"
            ).format(id=args.id, state=record.state)
        )
    try:
        draft = Draft.from_json(record.draft)
    except (ComposeError, ValueError, TypeError, KeyError) as exc:
        raise UsageError(
            translate(
                "cli.drafts",
                "draft {id} is damaged and cannot be shown ({exc}): `smtpeter-desktop "
                "drafts delete {id}` removes it",
            ).format(id=args.id, exc=exc)
        ) from None
    return described(draft)


def described(draft: Draft) -> str:
    """A draft (or template) as text: its fields in an HTML comment, then its Markdown."""
    fields = [
        ("From", draft.sender),
        ("To", draft.to),
        ("Cc", draft.cc),
        ("Bcc", draft.bcc),
        ("Reply-To", draft.reply_to),
        ("Subject", draft.subject),
        *(("Attachment", a.path) for a in draft.attachments),
    ]
    # An HTML comment: the output saved as a .md file is still the same Markdown.
    head = "\n".join(f"{name}: {value}" for name, value in fields if value)
    return f"<!--\n{head}\n-->\n\n{draft.body}"


def _show(args: argparse.Namespace) -> int:
    text = _draft_text(args)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    from smtpeter_desktop.delivery.names import State

    with common.app_context() as context, context.postman() as postman:
        record = postman.read(args.id)
        if record.state is not State.DRAFT:
            raise UsageError(
                translate(
                    "cli.drafts",
                    "message {id} is not a draft (it is {state}): `outbox discard` removes a "
                    "message from the outbox",
                ).format(id=args.id, state=record.state)
            )
        postman.delete(args.id)
    subject = record.subject or "(no subject)"
    print(
        translate("cli.drafts", "Deleted draft {id} ({subject}).").format(
            id=args.id, subject=subject
        )
    )
    return EXIT_OK
