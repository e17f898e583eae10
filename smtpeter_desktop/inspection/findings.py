"""A finding: one thing the check tells the writer, how much it matters and what to do.

Findings are plain data with a JSON form, so the window, the command line (``--json``) and
the tests read the same thing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding matters.

    BLOCKS: the message cannot go as it is (SMTPeter would refuse it, it has no recipient).
    WARNS: it can go, but it will likely not arrive or look as meant.
    INFO: what will happen, for the writer to know (links rewritten, a pixel added).
    """

    BLOCKS = "blocks"
    WARNS = "warns"
    INFO = "info"


# The order the window and the command line list them in.
SEVERITY_ORDER = (Severity.BLOCKS, Severity.WARNS, Severity.INFO)


@dataclasses.dataclass(frozen=True)
class Finding:
    """One thing to tell the writer.

    Attributes:
        check: which check found it: "message", "domain", "smtpeter", "compatibility",
            "links", "spam" or "parts".
        code: a stable name for tests, settings and the JSON ("scam-look", "no-alt"...).
        severity: see ``Severity``.
        message: what was found, one sentence in a person's words.
        advice: what to do about it ("" when nothing needs doing).
        elements: the things it is about, as short text (a link, ``<video>``, a rule name),
            for the window to list and mark.
    """

    check: str
    code: str
    severity: Severity
    message: str
    advice: str = ""
    elements: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["severity"] = str(self.severity)
        data["elements"] = list(self.elements)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            check=str(data["check"]),
            code=str(data["code"]),
            severity=Severity(data["severity"]),
            message=str(data["message"]),
            advice=str(data.get("advice", "")),
            elements=tuple(str(e) for e in data.get("elements", ())),
        )


@dataclasses.dataclass(frozen=True)
class Report:
    """Everything one check run found.

    Attributes:
        findings: in the order of ``SEVERITY_ORDER``, then as found.
        compatibility_score: 0 to 100, how much of the HTML the major mail programs keep
            (see ``compat``); ``None`` when the message has no HTML part or was not checked.
        spam_score: SpamAssassin's score, ``None`` when it did not run.
        spam_threshold: the score from which SpamAssassin calls a message spam.
        size: the built message's size in bytes (0 when it could not be built).
    """

    findings: tuple[Finding, ...] = ()
    compatibility_score: int | None = None
    spam_score: float | None = None
    spam_threshold: float | None = None
    size: int = 0

    @property
    def blocks(self) -> bool:
        """Whether anything stops the send."""
        return any(f.severity is Severity.BLOCKS for f in self.findings)

    def of(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity)

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}

    def with_findings(self, more: Iterable[Finding]) -> Report:
        return dataclasses.replace(self, findings=ordered((*self.findings, *more)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "blocks": self.blocks,
            "findings": [f.to_dict() for f in self.findings],
            "compatibility_score": self.compatibility_score,
            "spam_score": self.spam_score,
            "spam_threshold": self.spam_threshold,
            "size": self.size,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Report:
        return cls(
            findings=tuple(Finding.from_dict(f) for f in data.get("findings", ())),
            compatibility_score=data.get("compatibility_score"),
            spam_score=data.get("spam_score"),
            spam_threshold=data.get("spam_threshold"),
            size=int(data.get("size", 0)),
        )


def ordered(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Blocking findings first, then warnings, then the rest; otherwise as found."""
    items = list(findings)
    return tuple(sorted(items, key=lambda f: SEVERITY_ORDER.index(f.severity)))
