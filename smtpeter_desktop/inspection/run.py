"""All the local checks of one message, as one ``Report``; what the Check button runs.

``check_message`` reads built bytes; ``check_draft`` builds the draft first and adds the
questions ``compose.checks`` asks (no recipient, a missing attachment...). Neither touches
the network unless given an HTTP client for the optional link check; the sender domain
checks, which need the account, are ``delivery.inspect``'s.
"""

from __future__ import annotations

import dataclasses

import httpx

from smtpeter_desktop.compose import checks as compose_checks
from smtpeter_desktop.compose import mime
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.options import SmtpeterOptions
from smtpeter_desktop.i18n import translate
from smtpeter_desktop.inspection import compat, links, parts, smtpeter, spam
from smtpeter_desktop.inspection import message as messages
from smtpeter_desktop.inspection import page as pages
from smtpeter_desktop.inspection.findings import Finding, Report, Severity, ordered

# Builds the message for the content checks when no recipient is typed yet: the checks
# are about the content, and "no recipient" is reported on its own.
STAND_IN_RECIPIENT = "recipient@example.com"


def check_message(
    raw: bytes,
    options: SmtpeterOptions,
    *,
    spam_check: bool = False,
    spam_program: str | None = None,
    link_client: httpx.Client | None = None,
    link_timeout: float = links.HEAD_TIMEOUT,
) -> Report:
    """Everything the local checks find in ``raw`` (the message as it would be sent).

    ``spam_check`` runs SpamAssassin (a second or two); ``link_client`` asks each web link's
    server with a HEAD request (the optional, off-by-default online link check).
    """
    message = messages.read(raw)
    page = pages.read(message.html)
    findings: list[Finding] = []
    findings.extend(smtpeter.changes(message, page, options))
    score = None
    if message.html:
        result = compat.check(page, options)
        findings.extend(result.findings)
        score = result.score
    findings.extend(links.check(page))
    if link_client is not None:
        findings.extend(
            links.check_online(links.web_links(page), link_client, timeout=link_timeout)
        )
    findings.extend(parts.check(message, page, options))
    spam_score = spam_threshold = None
    if spam_check:
        spam_findings, verdict = spam.check(raw, program=spam_program)
        findings.extend(spam_findings)
        if verdict is not None:
            spam_score, spam_threshold = verdict.score, verdict.threshold
    return Report(
        findings=ordered(findings),
        compatibility_score=score,
        spam_score=spam_score,
        spam_threshold=spam_threshold,
        size=message.size,
    )


_SEVERITY = {
    compose_checks.Severity.ERROR: Severity.BLOCKS,
    compose_checks.Severity.WARNING: Severity.WARNS,
    compose_checks.Severity.INFO: Severity.INFO,
}


def draft_findings(draft: Draft) -> list[Finding]:
    """``compose.checks``' questions as findings: its errors block, its warnings warn, its
    notes inform."""
    return [
        Finding(
            "message",
            found.code,
            _SEVERITY[found.severity],
            found.message,
            "",
            (found.field,) if found.field else (),
        )
        for found in compose_checks.check(draft)
    ]


def check_draft(
    draft: Draft,
    *,
    spam_check: bool = False,
    spam_program: str | None = None,
    link_client: httpx.Client | None = None,
    link_timeout: float = links.HEAD_TIMEOUT,
) -> Report:
    """The draft's own questions, then every local check of the message it builds."""
    first = draft_findings(draft)
    built_from = draft
    if not (draft.to.strip() or draft.cc.strip() or draft.bcc.strip()):
        built_from = dataclasses.replace(draft, to=STAND_IN_RECIPIENT)
    try:
        raw, _ = mime.build_bytes(built_from)
    except ComposeError as exc:
        if any(f.severity is Severity.BLOCKS for f in first):
            skipped = Finding(
                "message",
                "not-checked",
                Severity.INFO,
                translate(
                    "inspection.run",
                    "The content was not checked, as the message cannot be built yet.",
                ),
                translate("inspection.run", "Fix what blocks above, then check again."),
            )
            return Report(findings=ordered([*first, skipped]))
        return Report(
            findings=ordered(
                [
                    *first,
                    Finding("message", "not-buildable", Severity.BLOCKS, exc.message, exc.hint),
                ]
            )
        )
    report = check_message(
        raw,
        draft.options,
        spam_check=spam_check,
        spam_program=spam_program,
        link_client=link_client,
        link_timeout=link_timeout,
    )
    return report.with_findings(first)
