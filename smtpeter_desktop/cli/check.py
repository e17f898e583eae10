"""``check``: everything Before Send would say about a message, without sending it.

The same checks as the window's Check button (``delivery.before_send``): the draft's own
questions, the sender domain on the account, what SMTPeter will change, HTML compatibility,
links, SpamAssassin and the message's parts. ``--json`` prints them as data.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import TextIO

from smtpeter_desktop.cli import common
from smtpeter_desktop.cli.build import draft_from_args
from smtpeter_desktop.cli.common import EXIT_FAILED, EXIT_OK
from smtpeter_desktop.cli.send import options_from_args
from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.inspection.findings import Report, Severity

_LABELS = {"blocks": "BLOCKS", "warns": "WARNS", "info": "NOTE"}


def run(args: argparse.Namespace) -> int:
    from smtpeter_desktop.delivery import before_send
    from smtpeter_desktop.storage import settings
    from smtpeter_desktop.storage.domaincache import DomainCache
    from smtpeter_desktop.storage.errors import KeyringUnavailable

    draft = draft_from_args(args, sys.stdin)
    with common.app_context() as context:
        profile = context.profiles.get(args.profile)
        sender = common.sender_of(draft.sender, profile)
        draft = dataclasses.replace(
            draft,
            profile=profile.id,
            sender=sender,
            options=options_from_args(args, profile.options),
        )
        check_token: str | None = None
        try:
            secret = None if profile.sandbox else context.secrets.get(profile.id)
            check_token = before_send.check_token_for(profile, context.secrets)
        except KeyringUnavailable:
            secret = None  # the finding says the domain was not checked, and why
        result = before_send.check(
            draft,
            profile,
            secret,
            sandbox=context.sandbox,
            check_token=check_token,
            cache=DomainCache(context.home / "sender-domains.json"),
            refresh=args.refresh,
            spam_check=args.spam,
            link_check=(
                context.settings.get(settings.CHECK_LINKS_ONLINE)
                if args.check_links is None
                else args.check_links
            ),
        )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print(result.report, profile.name, sys.stdout)
    report = result.report
    if report.blocks or (args.strict and report.of(Severity.WARNS)):
        return EXIT_FAILED
    return EXIT_OK


def _print(report: Report, profile: str, out: TextIO) -> None:
    counts = {str(s): len(report.of(s)) for s in Severity}
    warns = (
        translate("cli.check", "1 warning")
        if counts["warns"] == 1
        else translate("cli.check", "{count} warnings").format(count=counts["warns"])
    )
    notes = (
        translate("cli.check", "1 note")
        if counts["info"] == 1
        else translate("cli.check", "{count} notes").format(count=counts["info"])
    )
    print(
        translate(
            "cli.check", "Checked for {profile}: {blocks} blocking, {warns}, {notes}."
        ).format(profile=profile, blocks=counts["blocks"], warns=warns, notes=notes),
        file=out,
    )
    for finding in report.findings:
        label = _LABELS[str(finding.severity)]
        print(f"\n{label:<6}  {finding.message}", file=out)
        if finding.advice:
            print(
                translate("cli.check", "        What to do: {advice}").format(
                    advice=finding.advice
                ),
                file=out,
            )
        for element in finding.elements:
            print(f"          - {element}", file=out)
    facts = (
        [translate("cli.check", "size {size}").format(size=human_size(report.size))]
        if report.size
        else []
    )
    if report.compatibility_score is not None:
        facts.append(
            translate("cli.check", "compatibility {score}/100").format(
                score=report.compatibility_score
            )
        )
    if report.spam_score is not None:
        # SpamAssassin's -0.001 would read "-0.0".
        score = report.spam_score if abs(report.spam_score) >= 0.05 else 0.0
        facts.append(
            translate("cli.check", "spam score {score:.1f} (spam from {threshold:.1f})").format(
                score=score, threshold=report.spam_threshold
            )
        )
    if facts:
        line = "; ".join(facts)
        print(f"\n{line[0].upper()}{line[1:]}.", file=out)
    print(
        translate("cli.check", "Something blocks the send: fix what is marked BLOCKS.")
        if report.blocks
        else translate("cli.check", "Nothing blocks the send."),
        file=out,
    )
