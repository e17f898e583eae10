"""The questions asked before sending: what a careful colleague would point out.

Each finding is an ``error`` (the message cannot go: no recipient, a bad address, a missing
file, an image reference to a file that is not an image) or a ``warning`` (it can, but the
writer may not mean it: no subject, "see attached" with nothing attached, a long visible
recipient list, a very large message, a text sent without its formatting), or an ``info``
(worth knowing, never asked about: the images of this computer that go inside the message,
which the compose pane lists beside the attachments).
"""

from __future__ import annotations

import dataclasses
import re
from enum import StrEnum
from pathlib import Path

from smtpeter_desktop.compose import addresses, render
from smtpeter_desktop.compose.draft import Draft
from smtpeter_desktop.compose.errors import ComposeError
from smtpeter_desktop.compose.mime import check_header_values
from smtpeter_desktop.compose.sizes import human_size
from smtpeter_desktop.i18n import translate

MAX_VISIBLE_RECIPIENTS = 15
SIZE_WARNING = 20 * 1024 * 1024

# Words that promise an attachment, in the languages our users write most (SMTPeter is Dutch).
_ATTACHMENT_WORDS = re.compile(
    r"\b(attach(ed|ment|ments|ing)?|enclosed|bijlage[n]?|bijgevoegd|anhang|angeh[äa]ngt|"
    r"pi[èe]ces? jointes?|ci-joint|adjunt[oa]s?|allegat[oi])\b",
    re.IGNORECASE,
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # worth knowing, never asked about: the send goes on


@dataclasses.dataclass(frozen=True)
class Finding:
    """One thing to tell the writer before sending.

    Attributes:
        code: a stable name for tests and settings ("no-subject"...).
        severity: an error stops the send; a warning asks "Send anyway?"; an info is
            said (the CLI prints it) and never asked about.
        message: what was noticed, in a person's words.
        field: the field it concerns, for the window to point at ("To", "Subject"...).
    """

    code: str
    severity: Severity
    message: str
    field: str = ""


def _own_words(body: str) -> str:
    """The body without quotes and images: "see attached" in a quote is not a promise."""
    lines = (line for line in body.splitlines() if not line.lstrip().startswith(">"))
    return _IMAGE.sub("", "\n".join(lines))


def estimated_size(draft: Draft, rendered: render.Rendered | None = None) -> int:
    """Roughly the size of the built message: base64 makes files a third larger."""
    size = len(draft.body.encode("utf-8")) * 3
    if rendered is not None:
        size += sum(image.size for image in rendered.images) * 4 // 3
    for attachment in draft.attachments:
        try:
            size += Path(attachment.path).stat().st_size * 4 // 3
        except OSError:
            continue
    return size


def check(
    draft: Draft,
    *,
    max_visible: int = MAX_VISIBLE_RECIPIENTS,
    size_warning: int = SIZE_WARNING,
) -> list[Finding]:
    """Everything worth saying about ``draft`` before it is sent; empty means all is well.

    ``max_visible`` and ``size_warning`` are the person's own limits from the settings.
    """
    findings: list[Finding] = []
    try:
        check_header_values(draft)
    except ComposeError as exc:
        findings.append(Finding("line-break", Severity.ERROR, exc.message))
    field_values = (
        ("From", draft.sender),
        ("To", draft.to),
        ("Cc", draft.cc),
        ("Bcc", draft.bcc),
        ("Reply-To", draft.reply_to),
    )
    lists = {}
    for field, text in field_values:
        lists[field] = result = addresses.read_address_list(text, field)
        for problem in result.problems:
            findings.append(Finding("bad-address", Severity.ERROR, problem.message, field))
    if not draft.sender.strip():
        findings.append(
            Finding(
                "no-sender",
                Severity.ERROR,
                translate("compose.checks", "Choose who the message is from."),
                "From",
            )
        )
    elif len(lists["From"].addresses) > 1:
        findings.append(
            Finding(
                "many-senders",
                Severity.ERROR,
                translate("compose.checks", "The From field holds more than one address."),
                "From",
            )
        )
    if not any(lists[f].addresses or lists[f].problems for f in ("To", "Cc", "Bcc")):
        findings.append(
            Finding(
                "no-recipient",
                Severity.ERROR,
                translate(
                    "compose.checks",
                    "The message has no recipient: add an address in To, Cc or Bcc.",
                ),
                "To",
            )
        )
    if not draft.subject.strip():
        findings.append(
            Finding(
                "no-subject",
                Severity.WARNING,
                translate("compose.checks", "The message has no subject."),
                "Subject",
            )
        )
    for attachment in draft.attachments:
        path = Path(attachment.path)
        if not path.is_file():
            findings.append(
                Finding(
                    "missing-attachment",
                    Severity.ERROR,
                    translate(
                        "compose.checks", "The attached file “{filename}” is no longer at {path}."
                    ).format(filename=attachment.filename, path=path),
                    "Attachments",
                )
            )
    words = _own_words(draft.body)
    if not draft.attachments and (match := _ATTACHMENT_WORDS.search(words)):
        findings.append(
            Finding(
                "forgotten-attachment",
                Severity.WARNING,
                translate(
                    "compose.checks", "The text mentions “{group}”, but nothing is attached."
                ).format(group=match.group(0)),
                "Attachments",
            )
        )
    visible = len(lists["To"].addresses) + len(lists["Cc"].addresses)
    if visible > max_visible:
        findings.append(
            Finding(
                "many-visible",
                Severity.WARNING,
                translate(
                    "compose.checks",
                    "{visible} recipients will see each other's addresses; consider putting "
                    "them in Bcc.",
                ).format(visible=visible),
                "To",
            )
        )
    rendered = render.render(
        draft.body, base_dir=Path(draft.base_dir) if draft.base_dir else None, title=draft.subject
    )
    findings.extend(_image_findings(rendered))
    size = estimated_size(draft, rendered)
    if size > size_warning:
        findings.append(
            Finding(
                "large",
                Severity.WARNING,
                translate(
                    "compose.checks",
                    "The message is about {human_size}; many mail servers refuse messages "
                    "over {human_size2}.",
                ).format(human_size=human_size(size), human_size2=human_size(size_warning)),
                "Attachments",
            )
        )
    return findings


def _image_findings(rendered: render.Rendered) -> list[Finding]:
    """The images the text shows: each one that cannot go, and a list of those that will,
    because they are files of this computer that go out without being attached by hand."""
    findings = [
        Finding("bad-image", Severity.ERROR, problem, "Body") for problem in rendered.problems
    ]
    if rendered.images:
        listed = ", ".join(
            f"“{image.name}” ({human_size(image.size)})" for image in rendered.images
        )
        count = len(rendered.images)
        findings.append(
            Finding(
                "embedded-images",
                Severity.INFO,
                (
                    translate(
                        "compose.checks",
                        "The text shows 1 image from this computer, sent inside the message: "
                        "{listed}.",
                    )
                    if count == 1
                    else translate(
                        "compose.checks",
                        "The text shows {count} images from this computer, sent inside the "
                        "message: {listed}.",
                    )
                ).format(count=count, listed=listed),
                "Body",
            )
        )
    findings.extend(
        Finding("unformatted", Severity.WARNING, warning, "Body") for warning in rendered.warnings
    )
    return findings
