"""``templates``: local templates (a message kept under a name) and SMTPeter's own.

Local templates live in the mailbox, as drafts do; ``send --template NAME`` starts a message
from one. SMTPeter's templates (REST accounts) are listed with ``--remote --profile P``, shown
as HTML with the placeholders they use, and sent with ``send --smtpeter-template ID --data``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.common import EXIT_OK, UsageError, when
from smtpeter_desktop.i18n import translate

if TYPE_CHECKING:
    from smtpeter_desktop.compose.draft import Draft

T = TypeVar("T")


# Local templates ----------------------------------------------------------------------------


def _list(args: argparse.Namespace) -> int:
    if args.remote:
        return _remote_list(args)
    with common.app_context() as context, context.postman() as postman:
        found = postman.templates()
    if not found:
        print(
            translate(
                "cli.templates",
                "There are no templates yet: `templates save NAME --subject S --markdown FILE`.",
            )
        )
    for template in found:
        print(f"{template.id:>5}  {when(template.updated)}  {template.name}")
    return EXIT_OK


def _save(args: argparse.Namespace) -> int:
    from smtpeter_desktop.cli.build import draft_from_args

    draft = draft_from_args(args, sys.stdin)
    with common.app_context() as context, context.postman() as postman:
        if args.profile:
            draft = dataclasses.replace(draft, profile=context.profiles.get(args.profile).id)
        id = postman.save_template(args.name, draft, replace=args.replace)
    print(
        translate("cli.templates", "Saved the template “{value}” ({id}).").format(
            value=" ".join(args.name.split()), id=id
        )
    )
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    if args.remote:
        return _remote_show(args)
    from smtpeter_desktop.cli.drafts import described

    with common.app_context() as context, context.postman() as postman:
        draft = postman.template(args.name)
    text = described(draft)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def _rename(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        found = postman.rename_template(args.name, args.new_name)
    print(
        translate("cli.templates", "The template “{name}” is now called “{value}”.").format(
            name=found.name, value=" ".join(args.new_name.split())
        )
    )
    return EXIT_OK


def _delete(args: argparse.Namespace) -> int:
    with common.app_context() as context, context.postman() as postman:
        found = postman.delete_template(args.name)
    print(translate("cli.templates", "Deleted the template “{name}”.").format(name=found.name))
    return EXIT_OK


def draft_from_template(args: argparse.Namespace, stdin: TextIO) -> Draft:
    """``send --template NAME``: the template's message, with what the command line gives
    replacing (subject, Markdown, From, each address field) or adding to (attachments) it."""
    from smtpeter_desktop.cli.build import draft_from_args

    with common.app_context() as context, context.postman() as postman:
        draft = postman.template(args.template)
    changes: dict[str, object] = {}
    if args.markdown is not None:
        given = draft_from_args(
            argparse.Namespace(**{**vars(args), "subject": args.subject or ""}), stdin
        )
        changes.update(body=given.body, base_dir=given.base_dir)
    if args.subject is not None:
        changes["subject"] = args.subject
    if args.sender:
        changes["sender"] = args.sender
    for field in ("to", "cc", "bcc", "reply_to"):
        if getattr(args, field):
            changes[field] = ", ".join(getattr(args, field))
    extra = []
    for path in args.attach:
        if not Path(path).is_file():
            raise UsageError(
                translate(
                    "cli.templates", "the attachment {path} does not exist or is not a file"
                ).format(path=path)
            )
        from smtpeter_desktop.compose.draft import Attachment

        extra.append(Attachment(path=str(Path(path).resolve())))
    changes["attachments"] = (*draft.attachments, *extra)
    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]


# SMTPeter's templates -----------------------------------------------------------------------


def _remote_list(args: argparse.Namespace) -> int:
    from smtpeter_desktop.delivery import remote_templates

    if not args.remote_profile:
        raise UsageError(
            translate("cli.templates", "--remote needs --profile NAME (a REST account)")
        )
    with common.app_context() as context, context.postman() as postman:
        profile = context.profiles.get(args.remote_profile)
        found = _asked(lambda: remote_templates.list_templates(postman, profile))
    if found is None:
        return common.EXIT_TEMPORARY
    if not found:
        print(
            translate("cli.templates", "The account {name} has no templates on SMTPeter.").format(
                name=profile.name
            )
        )
    for template in found:
        print(f"{template.id:>6}  {template.name}")
    return EXIT_OK


def _remote_show(args: argparse.Namespace) -> int:
    from smtpeter_desktop.delivery import remote_templates

    if not args.remote_profile:
        raise UsageError(
            translate("cli.templates", "--remote needs --profile NAME (a REST account)")
        )
    with common.app_context() as context, context.postman() as postman:
        profile = context.profiles.get(args.remote_profile)
        html = _asked(lambda: remote_templates.show_template(postman, profile, args.name))
    if html is None:
        return common.EXIT_REJECTED
    names = remote_templates.placeholders(html)
    shown = ", ".join(names) if names else "none"
    print(
        translate(
            "cli.templates", "<!-- placeholders (send --data NAME=VALUE): {shown} -->"
        ).format(shown=shown)
    )
    sys.stdout.write(html if html.endswith("\n") else html + "\n")
    return EXIT_OK


def _asked(call: Callable[[], T]) -> T | None:
    """*call*'s answer, or None after saying on stderr why SMTPeter could not answer."""
    from smtpeter_desktop.delivery.names import SendError

    try:
        return call()
    except SendError as exc:
        print(
            translate("cli.templates", "SMTPeter could not be asked: {exc}").format(exc=exc),
            file=sys.stderr,
        )
        return None


def send_remote(args: argparse.Namespace) -> int:
    """``send --smtpeter-template ID --to ... --data KEY=VALUE``."""
    from smtpeter_desktop.cli.report import exit_code
    from smtpeter_desktop.delivery import remote_templates
    from smtpeter_desktop.delivery.names import SendError
    from smtpeter_desktop.delivery.outcomes import ErrorInfo

    given = (args.markdown, args.subject, args.at, args.delay)
    if any(value is not None for value in given) or args.attach:
        raise UsageError(
            translate(
                "cli.templates",
                (
                    "--smtpeter-template sends SMTPeter's own template: leave out --markdown, "
                    "--subject, --attach, --at and --in"
                ),
            )
        )
    recipients = [*args.to, *args.cc, *args.bcc]
    if not recipients:
        raise UsageError(translate("cli.templates", "give --to: who the template goes to"))
    data: dict[str, str] = {}
    for item in args.data:
        key, equals, value = item.partition("=")
        if not equals or not key.strip():
            raise UsageError(
                translate("cli.templates", "--data {item!r} is not KEY=VALUE").format(item=item)
            )
        data[key.strip()] = value
    with common.app_context() as context, context.postman() as postman:
        profile = context.profiles.get(args.profile)
        try:
            receipt = remote_templates.send_template(
                postman, profile, args.smtpeter_template, recipients, data
            )
        except SendError as exc:
            info = ErrorInfo.of(exc)
            print(
                translate("cli.templates", "Not sent: {text}").format(text=info.text),
                file=sys.stderr,
            )
            if info.maybe_accepted:
                maybe = translate(
                    "cli.templates",
                    "It may have gone out: look in SMTPeter's logs before sending again.",
                )
                print(maybe, file=sys.stderr)
            return exit_code(info)
    print(
        translate(
            "cli.templates", "Sent SMTPeter's template {smtpeter_template} through {name} (REST)."
        ).format(smtpeter_template=args.smtpeter_template, name=profile.name)
    )
    for message_id, recipient in receipt.message_ids.items():
        print(
            translate("cli.templates", "  {recipient}: SMTPeter message id {message_id}").format(
                recipient=recipient, message_id=message_id
            )
        )
    return EXIT_OK
