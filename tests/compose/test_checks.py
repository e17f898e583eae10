"""The questions asked before sending."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from smtpeter_desktop.compose import checks, sizes
from smtpeter_desktop.compose.draft import Attachment, Draft

GOOD = Draft(sender="Ann <ann@example.com>", to="bob@example.org", subject="Hi", body="Hello")


def _codes(draft: Draft) -> set[str]:
    return {finding.code for finding in checks.check(draft)}


def test_a_good_draft_raises_nothing() -> None:
    assert checks.check(GOOD) == []


@pytest.mark.parametrize(
    ("changes", "code", "severity"),
    [
        ({"to": ""}, "no-recipient", "error"),
        ({"subject": "  "}, "no-subject", "warning"),
        ({"sender": ""}, "no-sender", "error"),
        ({"sender": "a@b.co, c@d.co"}, "many-senders", "error"),
        ({"cc": "bad@"}, "bad-address", "error"),
        ({"subject": "a\nb"}, "line-break", "error"),
        ({"body": "Please see the attached report."}, "forgotten-attachment", "warning"),
        ({"body": "Zie bijlage."}, "forgotten-attachment", "warning"),
        ({"body": "Im Anhang finden Sie..."}, "forgotten-attachment", "warning"),
        ({"to": ", ".join(f"p{i}@example.com" for i in range(16))}, "many-visible", "warning"),
    ],
)
def test_each_check(changes: dict[str, Any], code: str, severity: str) -> None:
    draft = dataclasses.replace(GOOD, **changes)
    findings = [f for f in checks.check(draft) if f.code == code]
    assert findings, f"expected {code} in {checks.check(draft)}"
    assert findings[0].severity == severity
    assert findings[0].message


def test_sixteen_in_bcc_is_fine() -> None:
    bcc = ", ".join(f"p{i}@example.com" for i in range(30))
    assert "many-visible" not in _codes(Draft(sender="a@b.co", bcc=bcc, subject="s", body="x"))


def test_attachment_words_in_a_quote_or_an_attached_file_are_fine(tmp_path: Path) -> None:
    quoted = Draft(sender="a@b.co", to="c@d.co", subject="s", body="> see the attachment\n\nok")
    assert "forgotten-attachment" not in _codes(quoted)
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF")
    attached = Draft(
        sender="a@b.co",
        to="c@d.co",
        subject="s",
        body="attached",
        attachments=(Attachment(str(path)),),
    )
    assert "forgotten-attachment" not in _codes(attached)


def test_missing_attachment_and_size(tmp_path: Path) -> None:
    gone = Draft(
        sender="a@b.co", to="c@d.co", subject="s", attachments=(Attachment(str(tmp_path / "x")),)
    )
    assert "missing-attachment" in _codes(gone)
    big = tmp_path / "big.bin"
    with big.open("wb") as out:
        out.truncate(16 * 1024 * 1024)  # sparse: base64 makes it about 21 MB
    large = Draft(sender="a@b.co", to="c@d.co", subject="s", attachments=(Attachment(str(big)),))
    (finding,) = [f for f in checks.check(large) if f.code == "large"]
    assert "21.3 MB" in finding.message


def test_human_size() -> None:
    assert sizes.human_size(512) == "512 bytes"
    assert sizes.human_size(2048) == "2.0 KB"
    assert sizes.human_size(5 * 1024 * 1024) == "5.0 MB"
