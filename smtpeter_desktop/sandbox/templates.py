"""The sandbox's SMTPeter templates: a few stored ones, listed, shown, and sent with data.

``GET /v1/templates/{start}/{length}`` lists them as SMTPeter does (``[{"id", "name"}]``),
``GET /v1/template/{id}/{format}`` shows one (``html``, ``text`` or ``json``; by id or name),
and ``POST /v1/send`` with ``template`` and ``data`` sends one, its ``{$placeholders}``
filled from ``data``. A template that does not exist is a 404 with a sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from smtpeter_desktop.sandbox import personal

__all__ = ["FORMATS", "SAMPLES", "SandboxTemplate", "TemplateMissing", "find", "listing", "parts"]

FORMATS = ("json", "html", "text")


class TemplateMissing(LookupError):
    """No stored template has this id or name; the text says so."""


@dataclasses.dataclass(frozen=True)
class SandboxTemplate:
    id: int
    name: str
    sender: str
    subject: str
    html: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "from": self.sender,
            "subject": self.subject,
            "html": self.html,
            "text": self.text,
        }


SAMPLES: tuple[SandboxTemplate, ...] = (
    SandboxTemplate(
        1,
        "Welcome",
        "Example <news@example.com>",
        "Welcome, {$firstname}",
        "<h1>Welcome, {$firstname}!</h1>\n<p>Your account at {$company} is ready.</p>",
        "Welcome, {$firstname}!\n\nYour account at {$company} is ready.\n",
    ),
    SandboxTemplate(
        2,
        "Monthly newsletter",
        "Example <news@example.com>",
        "News for {$month}",
        '<p>Dear {$firstname|default:"reader"},</p>\n<p>Here is the news for {$month}.</p>',
        'Dear {$firstname|default:"reader"},\n\nHere is the news for {$month}.\n',
    ),
    SandboxTemplate(
        3,
        "Password reset",
        "Example <security@example.com>",
        "Reset your password",
        '<p>Follow <a href="{$link}">this link</a> within an hour.</p>',
        "Follow this link within an hour: {$link}\n",
    ),
)


def listing(start: int, length: int) -> list[dict[str, Any]]:
    """``/templates/{start}/{length}``: ids and names, as SMTPeter lists them."""
    return [{"id": t.id, "name": t.name} for t in SAMPLES[start : start + length]]


def find(reference: object) -> SandboxTemplate:
    """The stored template with this id (a number, or its digits) or name."""
    for template in SAMPLES:
        if reference in (template.id, str(template.id), template.name):
            return template
    raise TemplateMissing(f"There is no template {reference!r}.")


def parts(template: SandboxTemplate, data: Mapping[str, object]) -> dict[str, str]:
    """The parts form of a send (``from``, ``subject``, ``html``, ``text``), filled in."""
    return {
        "from": template.sender,
        "subject": personal.fill(template.subject, data, html=False),
        "html": personal.fill(template.html, data, html=True),
        "text": personal.fill(template.text, data, html=False),
    }
